"""Import: scan -> read on every core -> record in batches; a generator of progress events."""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from catalog_app import i18n
from catalog_app.core import dedup, store
from catalog_app.core.lock import ImportLock
from catalog_app.core.models import (
    Actor,
    BatchItem,
    Failed,
    ImportFailure,
    ImportSummary,
    Recorded,
    SourceFile,
)
from catalog_app.core.progress import Progress
from catalog_app.core.scan import Found, Passed, display_path, scan
from catalog_app.core.workers import default_workers
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import CatalogueFull
from catalog_app.services import reading

FILE_TIMEOUT = 120.0  # seconds with no file finished before the readers are deemed hung
_INTERNAL_ERROR = "an internal error stopped the reading of this file (please report it)"
_WORKER_DIED = (
    "reading this file crashed or hung its decoder (it was retried alone and failed again)"
)


class ImportJob:
    """One import run. Iterate `run()` for progress; read `summary` when it ends.

    `cancel()` may be called from another thread: no new file is started, the files being read
    are finished and recorded, and the run is marked cancelled. Running the same import again
    completes the rest (files already recorded are recognised by their SHA-256).
    """

    def __init__(
        self,
        catalogue: CatalogueStore,
        paths: Sequence[str],
        actor: Actor,
        *,
        in_place: bool = False,
        workers: int | None = None,
        batch_size: int = 200,
        batch_seconds: float = 1.0,
        read_in_worker: Callable[[str], BatchItem] = reading.read_in_worker,
    ) -> None:
        self.catalogue = catalogue
        self.paths = [os.fspath(p) for p in paths]
        self.actor = actor
        self.in_place = in_place
        self.workers = default_workers() if workers is None else workers
        self.batch_size = batch_size
        self.batch_seconds = batch_seconds
        self.summary = ImportSummary()
        self.import_id: int | None = None
        self._read_in_worker = read_in_worker  # a module-level function (pickled by name)
        self._cancel = threading.Event()
        self._disk_full = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> Iterator[Progress]:
        found: list[str] = []
        problems: list[Passed] = []
        notes: dict[str, str] = {}  # a file's shown path -> what to record beside it
        for hit in scan(self.paths, exclude=[str(self.catalogue.layout.root)]):
            if isinstance(hit, Found):
                found.append(hit.path)
                if hit.note:
                    notes[display_path(os.path.abspath(hit.path))] = hit.note
            elif hit.failed:
                problems.append(hit)
            else:
                self.summary.skipped.append(ImportFailure(display_path(hit.path), hit.reason))
        total = len(found) + len(problems)
        shown = [display_path(p) for p in self.paths]
        running = ImportLock(self.catalogue.layout.root)  # a killed import is told by it
        running.hold()
        try:
            self.import_id = self.catalogue.begin_import(shown, self.in_place, self.actor)
        except BaseException:
            running.release()
            raise
        store.remove_partial_files(self.catalogue.layout)
        pending: list[BatchItem] = [Failed(_bare_source(p.path), p.reason) for p in problems]
        done, bytes_done, last_flush = len(pending), 0, time.monotonic()
        try:
            yield self._progress(done, total, bytes_done, "")
            for item in self._read_all(found):
                if isinstance(item, Recorded) and item.source.path in notes:
                    item = replace(item, photo=replace(item.photo, warnings=(
                        *item.photo.warnings, notes[item.source.path])))
                if isinstance(item, Failed) and item.disk_full:
                    self._disk_full = True  # stop: every next file would fail the same way
                    self.cancel()
                    continue
                pending.append(item)
                done += 1
                bytes_done += item.source.size_bytes
                if len(pending) >= self.batch_size or (
                    time.monotonic() - last_flush >= self.batch_seconds
                ):
                    self._flush(pending)
                    last_flush = time.monotonic()
                yield self._progress(done, total, bytes_done, item.source.path)
        finally:
            self._flush(pending)
            if self.summary.photo_ids:  # a raw and its JPEG: one shot, not duplicates (a run
                # again links what a run stopped before its links were written)
                self.summary.shots = self.catalogue.link_shots(self.summary.photo_ids,
                                                               self.actor)
            self.summary.cancelled = self.cancelled or done < total
            if not self.summary.cancelled and self.summary.new_photo_ids:
                self.summary.near_duplicates = self._near_duplicates()
            s = self.summary
            try:
                self.catalogue.finish_import(self.import_id, s.imported, s.already_present,
                                             len(s.failed), s.cancelled, self.actor)
            finally:
                running.release()
        yield self._progress(done, total, bytes_done, "")
        if self._disk_full:
            raise CatalogueFull(i18n.counted(
                "The disk holding the catalogue at {root} is full; {n} photo was recorded "
                "and stays. Free some space and run the same import again to finish the rest.",
                "The disk holding the catalogue at {root} is full; {n} photos were recorded "
                "and stay. Free some space and run the same import again to finish the rest.",
                self.summary.imported, root=self.catalogue.layout.root))

    def _near_duplicates(self) -> dict[int, list[int]]:
        """New photos that nearly duplicate a photo recorded before them (pairs counted once)."""
        found = dedup.near_duplicates_of(
            self.catalogue.duplicate_inputs(self.summary.new_photo_ids),
            self.catalogue.duplicate_inputs())
        refused = self.catalogue.duplicate_decisions().not_duplicates  # shots among them
        earlier = {new: [o for o in others if o < new and (o, new) not in refused]
                   for new, others in found.items()}
        return {new: others for new, others in earlier.items() if others}

    def _progress(self, done: int, total: int, bytes_done: int, current: str) -> Progress:
        s = self.summary
        return Progress(done, total, current, bytes_done,
                        {"imported": s.imported, "already_present": s.already_present,
                         "failed": len(s.failed)})

    def _flush(self, pending: list[BatchItem]) -> None:
        """Record what is pending in one transaction; a crash keeps the catalogue as before."""
        if not pending:
            return
        assert self.import_id is not None
        outcomes = self.catalogue.record_batch(self.import_id, pending, self.actor)
        for item, outcome in zip(pending, outcomes, strict=True):
            if outcome.status == "failed":
                assert isinstance(item, Failed)
                self.summary.failed.append(ImportFailure(item.source.path, item.reason))
                continue
            if outcome.status == "imported":
                self.summary.imported += 1
                if outcome.photo_id is not None:
                    self.summary.new_photo_ids.append(outcome.photo_id)
            else:
                self.summary.already_present += 1
            if outcome.photo_id is not None:
                self.summary.photo_ids.append(outcome.photo_id)
            if isinstance(item, Recorded):
                self.summary.warnings.extend(
                    ImportFailure(item.source.path, w) for w in item.photo.warnings
                )
        pending.clear()

    def _read_all(self, paths: list[str]) -> Iterator[BatchItem]:
        """Read files on `workers` processes (0: in this process), yielding as they complete.

        If a worker dies (a decoder crash) or no file finishes for FILE_TIMEOUT seconds (a
        hang), the pool is replaced and the files it held are read again one at a time, so
        that only the file at fault is recorded as failed.
        """
        root = str(self.catalogue.layout.root)
        if self.workers <= 0:
            file_reader = reading.FileReader(self.catalogue.layout.root, self.in_place)
            try:
                for path in paths:
                    if self.cancelled:
                        return
                    yield file_reader.read(path)
            finally:
                file_reader.close()
            return
        queue, suspects, alone = deque(paths), deque[str](), set[str]()
        inflight: dict[Future[BatchItem], str] = {}
        pool = self._pool(root)
        try:
            while True:
                limit = 1 if suspects else self.workers * 4
                while not self.cancelled and len(inflight) < limit and (suspects or queue):
                    path = suspects.popleft() if suspects else queue.popleft()
                    if limit == 1:
                        alone.add(path)
                    inflight[pool.submit(self._read_in_worker, path)] = path
                if not inflight:
                    return
                finished, _ = wait(inflight, timeout=FILE_TIMEOUT, return_when=FIRST_COMPLETED)
                if not finished:  # nothing finished in time: a decoder hangs
                    _kill(pool)
                    finished, _ = wait(inflight)
                broken: list[str] = []
                for future in finished:
                    path = inflight.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken.append(path)
                    except Exception:  # a bug must not lose the file: record it
                        yield Failed(_bare_source(path), _INTERNAL_ERROR)
                if broken:
                    for path in broken + list(inflight.values()):
                        if path in alone:
                            yield Failed(_bare_source(path), _WORKER_DIED)
                        else:
                            suspects.append(path)
                    inflight.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._pool(root)
        finally:
            # Every result is in (or no longer wanted): the workers end on their own, while
            # this process records the last batch.
            pool.shutdown(wait=False, cancel_futures=True)

    def _pool(self, root: str) -> ProcessPoolExecutor:
        return reading.reader_pool(root, self.in_place, self.workers)


def _bare_source(path: str) -> SourceFile:
    return SourceFile(display_path(os.path.abspath(path)), os.fsencode(os.path.abspath(path)),
                      0, None)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's worker processes at once (their futures then raise BrokenProcessPool)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
