"""Files among the originals that no photo records: named by where they came from, adopted or
quarantined by a repair."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from catalog_app.core.models import Actor, Recorded
from catalog_app.core.store import sha256_file
from catalog_app.db.interface import CatalogueStore

QUARANTINE = "quarantine"  # beside originals/: what a repair moved aside, never deleted
# A killed import may have stored a file a moment before its record would have been written,
# and file systems keep times coarser than the log's: this much slack either side.
SLACK_S = 2.0
_STORED = re.compile(r"^(?P<sha>[0-9a-f]{64})(\.[A-Za-z0-9]+)?$")
_PART = re.compile(r"^\.(?P<name>[0-9a-f]{64}(\.[A-Za-z0-9]+)?)\.\d+\.part$")


@dataclass(frozen=True, slots=True)
class Interrupted:
    """An import a killed process left, and the time it could have stored files in."""

    id: int
    started_at: str
    found_at: str | None  # None: still marked running (read-only, not yet marked)

    def holds(self, when: float) -> bool:
        start = _seconds(self.started_at)
        end = _seconds(self.found_at) if self.found_at else datetime.now(UTC).timestamp()
        return start - SLACK_S <= when <= end + SLACK_S

    def describe(self) -> str:
        if self.found_at is None:
            return (f"import {self.id} (started {self.started_at}, killed before it finished: "
                    "still marked running)")
        return f"import {self.id} (started {self.started_at}, found interrupted {self.found_at})"


@dataclass(frozen=True, slots=True)
class Stray:
    """A file among the originals that no photo records, and what it is found to be."""

    path: Path
    left_by: Interrupted | None  # the interrupted import whose time and naming it fits
    partial: bool  # an unfinished copy ('.part'), not an original
    named_for_content: bool  # its name is the SHA-256 of its bytes (checked: read in full)

    @property
    def adoptable(self) -> bool:
        return self.left_by is not None and self.named_for_content and not self.partial

    def sentence(self) -> str:
        if self.left_by is None:
            return f"unknown file among the originals: {self.path}"
        when = self.left_by.describe()
        if self.partial:
            return f"unfinished copy left by {when}: {self.path}"
        if not self.named_for_content:
            return (f"file named like an original stored by {when}, but its bytes do not match "
                    f"its name: {self.path}")
        return (f"original stored by {when} but never recorded (it was killed first): "
                f"{self.path}")


@dataclass(slots=True)
class RepairReport:
    adopted: list[tuple[str, int]] = field(default_factory=list)  # (path, photo id)
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (path, moved to)
    problems: list[str] = field(default_factory=list)


def stray_problems(catalogue: CatalogueStore, strays: list[str]) -> list[str]:
    """One sentence per stray file, naming the interrupted import that left it, if one did."""
    return [s.sentence() for s in examine(catalogue, [Path(p) for p in strays])]


def examine(catalogue: CatalogueStore, paths: list[Path]) -> list[Stray]:
    """What each stray file is: matched by its content-addressed name (in the folder its
    SHA-256 names), its modification or change time, and an interrupted import's window."""
    if not paths:
        return []
    imports = [Interrupted(i, started, found)
               for i, started, found in catalogue.interrupted_imports()]
    return [_examine(catalogue.layout.originals, path, imports) for path in paths]


def _examine(originals: Path, path: Path, imports: list[Interrupted]) -> Stray:
    part = _PART.match(path.name)
    name = part.group("name") if part else path.name
    stored = _STORED.match(name)
    if stored is None or path.parent != originals / stored.group("sha")[:2]:
        return Stray(path, None, False, False)
    try:
        info = path.stat()
    except OSError:
        return Stray(path, None, part is not None, False)
    # the store gives an original its source's modification time, then makes it read-only:
    # the change time is when it was stored (the modification time, for a part file)
    left_by = next((i for i in imports if i.holds(info.st_ctime) or i.holds(info.st_mtime)),
                   None)
    if left_by is None:
        return Stray(path, None, part is not None, False)
    matches = not part and _hash(path) == stored.group("sha")
    return Stray(path, left_by, part is not None, matches)


def repair_originals(catalogue: CatalogueStore, actor: Actor,
                     strays: list[str] | None = None) -> RepairReport:
    """Adopt every stray original an interrupted import stored (read as an import reads it,
    recorded under that import, logged `adopt-original`); move every other stray file to
    `quarantine/` beside the originals (logged `quarantine-original`). Nothing is deleted.

    `strays` defaults to every file under originals/ that no photo records.
    """
    if catalogue.read_only:
        with catalogue.unit_of_work(actor):  # refuses, in its sentence, before any writer
            pass
    if strays is None:
        known = {str(catalogue.layout.resolve(stored))
                 for _id, _sha, stored in catalogue.stored_files()}
        folder = catalogue.layout.originals
        strays = sorted(str(p) for p in folder.rglob("*") if p.is_file()
                        and str(p) not in known) if folder.is_dir() else []
    report = RepairReport()
    reader = None
    try:
        for stray in examine(catalogue, [Path(p) for p in strays]):
            photo_id = None
            if stray.adoptable:
                if reader is None:
                    from catalog_app.services.reading import FileReader

                    reader = FileReader(catalogue.layout.root, in_place=False)
                photo_id = _adopt(catalogue, reader, stray, actor)
            if photo_id is not None:
                report.adopted.append((str(stray.path), photo_id))
            else:
                report.quarantined.append((str(stray.path), _quarantine(catalogue, stray,
                                                                        actor)))
    finally:
        if reader is not None:
            reader.close()
    return report


def _adopt(catalogue: CatalogueStore, reader: object, stray: Stray, actor: Actor) -> int | None:
    from catalog_app.services.reading import FileReader

    assert isinstance(reader, FileReader) and stray.left_by is not None
    item = reader.read(str(stray.path))
    if not isinstance(item, Recorded):  # not an image after all: quarantined instead
        return None
    outcome = catalogue.record_batch(stray.left_by.id, [item], actor)[0]
    if outcome.photo_id is None:
        return None
    catalogue.record_event("adopt-original", {
        "import": stray.left_by.id, "photo": outcome.photo_id, "sha256": item.photo.sha256,
        "stored_path": item.photo.stored_path,
        "reason": f"stored by import {stray.left_by.id}, which was interrupted before "
                  "recording it"}, actor)
    return outcome.photo_id


def _quarantine(catalogue: CatalogueStore, stray: Stray, actor: Actor) -> str:
    root = catalogue.layout.root
    relative = stray.path.relative_to(catalogue.layout.originals)
    target = root / QUARANTINE / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    n = 1
    while target.exists():
        target = target.with_name(f"{relative.name}.{n}")
        n += 1
    digest = _hash(stray.path)
    os.replace(stray.path, target)
    try:
        catalogue.record_event("quarantine-original", {
            "path": str(stray.path.relative_to(root)), "moved_to": str(target.relative_to(root)),
            "sha256": digest, "reason": stray.sentence()}, actor)
    except BaseException:
        os.replace(target, stray.path)  # not logged: not moved
        raise
    return str(target)


def _hash(path: Path) -> str | None:
    try:
        return sha256_file(path)
    except OSError:
        return None


def _seconds(stamp: str) -> float:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC).timestamp()
