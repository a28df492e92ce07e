"""Verify a catalogue: every original re-hashed, files present, no strays, chain and DB sound."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.core import testpoints
from catalog_app.core.models import Actor
from catalog_app.core.progress import Progress
from catalog_app.core.store import sha256_file
from catalog_app.core.workers import default_workers, spawn_pool
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import CatalogueFull
from catalog_app.services import repair

VerifyProgress = Progress  # the one progress value every job yields (core/progress.py)


@dataclass(slots=True)
class VerifyReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    cancelled: bool = False  # stopped (cancel()) before every original was checked
    not_logged: str = ""  # why this run is not in the custody log (read-only, a full disk)

    @property
    def ok(self) -> bool:
        return not self.problems


def _hash(path: str) -> tuple[str, str | None, str | None]:
    try:
        return path, sha256_file(Path(path)), None
    except FileNotFoundError:
        return path, None, "missing"
    except OSError as exc:
        return path, None, (exc.strerror or type(exc).__name__).lower()


class VerifyJob:
    """Iterate run() for progress; read `report` at the end."""

    def __init__(self, catalogue: CatalogueStore, workers: int | None = None) -> None:
        self.catalogue = catalogue
        self.workers = workers or default_workers()
        self.report = VerifyReport()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the files being hashed now (from any thread): `report.cancelled`."""
        self._cancel.set()

    def run(self) -> Iterator[VerifyProgress]:
        layout = self.catalogue.layout
        expected = {str(layout.resolve(stored)): (photo_id, sha)
                    for photo_id, sha, stored in self.catalogue.stored_files()}
        total = len(expected)
        yield VerifyProgress(0, total, "")
        with spawn_pool(self.workers) as pool:  # lean workers that die with verify
            for done, (path, digest, error) in enumerate(
                    pool.map(_hash, expected, chunksize=16), start=1):
                photo_id, sha = expected[path]
                if error == "missing":
                    self._problem(f"photo {photo_id}: its original is missing ({path})")
                elif error:
                    self._problem(f"photo {photo_id}: its original cannot be read ({error}: "
                                  f"{path})")
                elif digest is None or digest != sha:
                    self._problem(f"photo {photo_id}: its original was changed (SHA-256 is "
                                  f"{(digest or '')[:16]}…, recorded {sha[:16]}…: {path})")
                self.report.checked = done
                testpoints.reached("verify-file")  # hashed on a worker, reported here
                yield VerifyProgress(done, total, path)
                if self._cancel.is_set():
                    self.report.cancelled = True
                    pool.shutdown(cancel_futures=True)
                    return
        for problem in repair.stray_problems(self.catalogue, self._strays(set(expected))):
            self._problem(problem)
        for problem in self.catalogue.custody_chain_problems():
            self._problem(f"custody log: {problem}")
        for problem in self.catalogue.integrity_problems():
            self._problem(f"database: {problem}")

    def _strays(self, known: set[str]) -> list[str]:
        folder = self.catalogue.layout.originals
        if not folder.is_dir():
            return []
        return sorted(str(p) for p in folder.rglob("*") if p.is_file() and str(p) not in known)

    def _problem(self, text: str) -> None:
        self.report.problems.append(text)


def run_and_record(job: VerifyJob, actor: Actor) -> Iterator[VerifyProgress]:
    """Run `job` for its progress, then record the verification in the custody log.

    Both faces verify through this, so a verification is always in the record: what was
    checked and how many problems were found (the report itself is `job.report`). A verify
    stopped before its end (Ctrl-C, a closed window, cancel()) records nothing; a read-only
    catalogue, or a full disk, leaves the report with `not_logged` saying why.
    """
    yield from job.run()
    if job.report.cancelled:
        return
    if job.catalogue.read_only:  # the custody writer is never reached
        job.report.not_logged = "this run was not logged (read-only)"
        return
    try:
        job.catalogue.record_event("verify", {"checked": job.report.checked,
                                              "problems": len(job.report.problems)}, actor)
    except CatalogueFull as exc:  # the report stands; the faces say it was not logged
        job.report.not_logged = f"this run could not be logged: {exc}"
