"""Look for faces in the catalogue's originals on worker processes; record what was proposed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from catalog_app.core import faces
from catalog_app.core.progress import Progress
from catalog_app.core.workers import default_workers, run_tasks, spawn_pool

if TYPE_CHECKING:
    from catalog_app.core.models import Actor
    from catalog_app.db.interface import CatalogueStore

BATCH = 16  # scans recorded per unit of work
BATCH_SECONDS = 2.0  # ... or after this long, whichever comes first


@dataclass(slots=True)
class FaceSummary:
    scanned: int = 0  # photos looked at in this run
    with_faces: int = 0
    faces: int = 0
    skipped: int = 0  # already scanned by this detector version
    changed: int = 0  # scans recorded (new, or a finding that differs from the stored one)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (photo id, reason)
    cancelled: bool = False


@cache
def _one_thread() -> None:
    import cv2

    cv2.setNumThreads(1)  # a worker per core already


def scan_one(task: tuple[int, str, faces.Detector]) -> tuple[int, list[faces.Box] | str]:
    """What a worker does with one photo: decode it small, find faces (or say why not)."""
    photo_id, path, detector = task
    _one_thread()
    try:
        return photo_id, faces.detect(_decode_small(Path(path), detector.max_side), detector)
    except Exception as exc:  # one unreadable original must not stop the run
        return photo_id, f"the photo could not be scanned ({type(exc).__name__})"


def _decode_small(path: Path, max_side: int) -> Image.Image:
    """The original in grey, JPEG DCT-scaled near `max_side` (no full-size decode)."""
    from catalog_app.core.imaging import register_decoders

    register_decoders()
    with Image.open(path) as image:
        if image.format == "JPEG":
            longest = max(image.size)
            if longest > max_side:
                factor = longest / max_side  # a box at least max_side: draft keeps it larger
                image.draft("L", (int(image.width / factor), int(image.height / factor)))
        image.load()
        return image.copy()


class FaceJob:
    """Scan photos (all, or `photo_ids`) for faces, on worker processes, with Progress.

    `cancel()` may be called from another thread: no new photo is started, what was found is
    recorded. Photos already scanned by this detector version are skipped unless `again`.
    """

    def __init__(self, catalogue: CatalogueStore, actor: Actor,
                 photo_ids: Sequence[int] | None = None, *, again: bool = False,
                 workers: int | None = None, detector: faces.Detector = faces.DEFAULT) -> None:
        self.catalogue, self.actor, self.detector = catalogue, actor, detector
        self.photo_ids = list(photo_ids) if photo_ids else None
        self.again = again
        self.workers = default_workers() if workers is None else workers
        self.summary = FaceSummary()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _tasks(self) -> list[tuple[int, str, faces.Detector]]:
        wanted = None
        if self.photo_ids is not None:
            for photo_id in self.photo_ids:  # an unknown id raises PhotoNotFound, early
                self.catalogue.photo(photo_id)
            wanted = set(self.photo_ids)
        done = set() if self.again else self.catalogue.faces_scanned_with(self.detector.version)
        layout = self.catalogue.layout
        tasks = []
        for photo_id, _sha, stored in self.catalogue.stored_files():
            if wanted is not None and photo_id not in wanted:
                continue
            if photo_id in done:
                self.summary.skipped += 1
                continue
            tasks.append((photo_id, str(layout.resolve(stored)), self.detector))
        return tasks

    def run(self) -> Iterator[Progress]:
        tasks = self._tasks()
        total = len(tasks)
        pending: list[tuple[int, str, str, Sequence[faces.Box]]] = []
        last = time.monotonic()
        yield self._progress(0, total, "")
        pool = spawn_pool(min(self.workers, total)) if self.workers > 0 and total > 1 else None
        done = 0
        try:
            for (_, path, _), (photo_id, found) in run_tasks(
                    pool, scan_one, tasks, lambda: self.cancelled, inflight=2 * self.workers):
                done += 1
                if isinstance(found, str):
                    self.summary.failed.append((photo_id, found))
                else:
                    self.summary.scanned += 1
                    self.summary.faces += len(found)
                    self.summary.with_faces += bool(found)
                    pending.append((photo_id, self.detector.name, self.detector.version, found))
                if len(pending) >= BATCH or time.monotonic() - last >= BATCH_SECONDS:
                    self._flush(pending)
                    last = time.monotonic()
                yield self._progress(done, total, path)
        finally:
            self._flush(pending)
            self.summary.cancelled = self.cancelled or done < total
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        yield self._progress(done, total, "")

    def _flush(self, pending: list[tuple[int, str, str, Sequence[faces.Box]]]) -> None:
        if pending:
            self.summary.changed += self.catalogue.record_face_scans(pending, self.actor)
            pending.clear()

    def _progress(self, done: int, total: int, current: str) -> Progress:
        s = self.summary
        return Progress(done, total, current, counts={
            "with_faces": s.with_faces, "faces": s.faces, "failed": len(s.failed),
            "skipped": s.skipped})
