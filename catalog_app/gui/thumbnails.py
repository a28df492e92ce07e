"""Load thumbnails lazily off the GUI thread: newest requests first, an LRU of pixmaps.

Decoding runs through the task bridge: a drain is a generator task that decodes queued
thumbnails until the queue is empty, each image delivered to the loader on the GUI thread.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap

from catalog_app.gui.tasks import Cancel, TaskRunner

MAX_CACHED = 1500  # pixmaps kept (about 120 MB at the largest thumbnail size)
MAX_QUEUED = 300  # requests older than this are dropped: they scrolled out of view


class ThumbnailLoader(QObject):
    """get() answers at once from the cache, or queues a load and emits `ready` later."""

    ready = Signal(int)

    def __init__(self, root: Path, runner: TaskRunner, size: int = 160,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._runner = runner
        self._size = size
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()
        self._queued: deque[tuple[int, Path, int]] = deque()
        self._pending: set[int] = set()
        self._lock = threading.Lock()
        self._drains = 0
        self.placeholder = self._make_placeholder()

    @property
    def size(self) -> int:
        return self._size

    def set_size(self, size: int) -> None:
        """Change the thumbnail size; cached pixmaps are dropped and reload on demand."""
        self._size = size
        self._cache.clear()
        self.placeholder = self._make_placeholder()

    def stop(self) -> None:
        """Drop queued loads (the window is closing); running decodes end on their own."""
        with self._lock:
            self._queued.clear()
        self._pending.clear()

    def get(self, photo_id: int, relpath: str | None) -> QPixmap | None:
        """The thumbnail if loaded; otherwise None and a load is queued (no disk I/O here)."""
        pixmap = self._cache.get(photo_id)
        if pixmap is not None:
            self._cache.move_to_end(photo_id)
            return pixmap
        if relpath and photo_id not in self._pending:
            self._pending.add(photo_id)
            with self._lock:
                self._queued.append((photo_id, self._root / relpath, self._size))
                while len(self._queued) > MAX_QUEUED:
                    dropped = self._queued.popleft()
                    self._pending.discard(dropped[0])
                start = self._drains < max(1, self._runner.pool.maxThreadCount())
                if start:
                    self._drains += 1
            if start:
                self._runner.run_events(self, self._drain, self._store, min_interval=0.0)
        return None

    def _drain(self, _cancel: Cancel) -> Iterator[tuple[int, QImage]]:  # on a pool thread
        """Decode until the queue is empty (stop() empties it)."""
        while (job := self._next_job()) is not None:
            photo_id, path, size = job
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            original = reader.size()
            if original.isValid():
                fitted = original.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio)
                reader.setScaledSize(fitted)
            yield photo_id, reader.read()

    def _next_job(self) -> tuple[int, Path, int] | None:
        with self._lock:
            if self._queued:
                return self._queued.pop()  # newest first: what is on screen now
            self._drains -= 1
            return None

    def _store(self, loaded: tuple[int, QImage]) -> None:
        photo_id, image = loaded
        self._pending.discard(photo_id)
        if image.isNull():
            return
        self._cache[photo_id] = QPixmap.fromImage(image)
        while len(self._cache) > MAX_CACHED:
            self._cache.popitem(last=False)
        self.ready.emit(photo_id)

    def _make_placeholder(self) -> QPixmap:
        pixmap = QPixmap(QSize(self._size, self._size * 3 // 4))
        pixmap.fill(QColor("#3a3d42"))
        painter = QPainter(pixmap)
        painter.setPen(QColor("#6b7079"))
        painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
        painter.end()
        return pixmap
