"""Back up a catalogue while it is in use: a consistent database copy, originals verified."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.core.layout import Layout
from catalog_app.core.progress import Progress
from catalog_app.core.store import READ_ONLY, sha256_file
from catalog_app.db.catalogue import Catalogue
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import UsageError
from catalog_app.i18n import _


class BackupTargetError(UsageError, ValueError):
    """The destination cannot take a backup (not empty, or not writable)."""


@dataclass(slots=True)
class BackupReport:
    copied: int = 0
    referenced: int = 0  # photos imported --in-place: recorded, their files stay where they are
    problems: list[str] = field(default_factory=list)


class BackupRun:
    """Iterate run() for progress; read `report` when it ends."""

    def __init__(self, catalogue: CatalogueStore, destination: Path) -> None:
        self.catalogue = catalogue
        self.destination = Path(destination).expanduser().absolute()
        self.report = BackupReport()

    def run(self) -> Iterator[Progress]:
        target = Layout(self.destination)
        if target.root.exists() and any(target.root.iterdir()):
            raise BackupTargetError(_("The backup folder {path} is not empty; choose a new or "
                                      "empty folder.").format(path=target.root))
        try:
            target.root.mkdir(parents=True, exist_ok=True)
            self.catalogue.backup_database(target.db_path)
        except OSError as exc:
            raise BackupTargetError(_("The backup folder {path} cannot be written "
                                      "({reason}).").format(path=target.root,
                                                            reason=exc.strerror or exc)) from exc
        with Catalogue.open(target.root) as snapshot:  # what the snapshot lists, exactly
            files = snapshot.stored_files()
        source = self.catalogue.layout
        for name in ("ABOUT-THIS-FOLDER.txt",):
            if (source.root / name).is_file():
                shutil.copy2(source.root / name, target.root / name)
        yield Progress(0, len(files))
        for done, (photo_id, sha, stored) in enumerate(files, start=1):
            if Path(stored).is_absolute():
                self.report.referenced += 1
            else:
                self._copy(photo_id, sha, source.root / stored, target.root / stored)
            yield Progress(done, len(files), stored)
        thumbs = source.thumbnails
        if thumbs.is_dir():
            shutil.copytree(thumbs, target.thumbnails, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(".*.part"))

    def _copy(self, photo_id: int, sha: str, source: Path, target: Path) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            with open(target, "rb") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            self.report.problems.append(f"photo {photo_id}: could not be copied "
                                        f"({exc.strerror or exc})")
            return
        if sha256_file(target) != sha:
            self.report.problems.append(f"photo {photo_id}: the copy does not match its "
                                        "SHA-256 (the original may be damaged: verify the "
                                        "catalogue)")
            return
        os.chmod(target, READ_ONLY)
        self.report.copied += 1


