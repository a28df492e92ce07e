"""The one bridge that runs work off the GUI thread and hands results back on the main thread."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

Callback = Callable[[Any], None]


class _Signals(QObject):
    event = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class Task(QObject):
    """A piece of work in flight. Lives on the main thread; its slots call the callbacks there.

    (A signal connected straight to a Python function would run that function on the emitting
    worker thread; routing through this object's slots with a queued connection does not.)
    """

    finished = Signal()

    def __init__(self, on_event: Callback | None, on_done: Callback | None,
                 on_error: Callback | None) -> None:
        super().__init__()
        self.signals = _Signals()
        self._on_event, self._on_done, self._on_error = on_event, on_done, on_error
        self.cancelled = False
        queued = Qt.ConnectionType.QueuedConnection
        self.signals.event.connect(self._event, queued)
        self.signals.done.connect(self._done, queued)
        self.signals.failed.connect(self._failed, queued)

    def cancel(self) -> None:
        """Ask a generator task to stop between two events (results still arrive)."""
        self.cancelled = True

    def forget(self) -> None:
        """Drop the callbacks: whoever asked is gone (e.g. its window closed)."""
        self._on_event = self._on_done = self._on_error = None

    @Slot(object)
    def _event(self, value: Any) -> None:
        if self._on_event is not None:
            self._on_event(value)

    @Slot(object)
    def _done(self, value: Any) -> None:
        self._finish(self._on_done, value)

    @Slot(object)
    def _failed(self, error: Any) -> None:
        self._finish(self._on_error, error)

    def _finish(self, callback: Callback | None, value: Any) -> None:
        try:
            if callback is not None:
                callback(value)
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[], Any], events: bool,
                 min_interval: float) -> None:
        super().__init__()
        self._task, self._work, self._events = task, work, events
        self._min_interval = min_interval

    def run(self) -> None:  # on a pool thread: touch no widget here
        signals = self._task.signals
        try:
            result = self._drain(self._work()) if self._events else self._work()
        except BaseException as exc:  # delivered to on_error on the main thread
            signals.failed.emit(exc)
        else:
            signals.done.emit(result)

    def _drain(self, events: Iterator[Any]) -> None:
        """Forward events, at most one per min_interval (the last one always)."""
        last_sent, pending = 0.0, None
        for event in events:
            pending = event
            now = time.monotonic()
            if now - last_sent >= self._min_interval:
                self._task.signals.event.emit(event)
                last_sent, pending = now, None
            if self._task.cancelled:
                break
        if pending is not None:
            self._task.signals.event.emit(pending)


class TaskRunner(QObject):
    """Runs functions and progress generators on a thread pool."""

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._alive: set[Task] = set()

    @classmethod
    def single_thread(cls, owner: QObject) -> TaskRunner:
        """A runner whose work runs one at a time on its own thread (owned by `owner`)."""
        pool = QThreadPool(owner)
        pool.setMaxThreadCount(1)
        return cls(pool, owner)

    def run(self, work: Callable[[], Any], on_done: Callback | None = None,
            on_error: Callback | None = None) -> Task:
        return self._start(work, None, on_done, on_error, events=False, min_interval=0.0)

    def run_events(self, work: Callable[[], Iterator[Any]], on_event: Callback,
                   on_done: Callback | None = None, on_error: Callback | None = None,
                   min_interval: float = 0.05) -> Task:
        """Run a generator; its events reach on_event on the main thread, throttled."""
        return self._start(work, on_event, on_done, on_error, events=True,
                           min_interval=min_interval)

    def forget_pending(self) -> None:
        """Results of tasks still in flight will reach no callback (their window closed)."""
        for task in self._alive:
            task.forget()

    def busy(self) -> bool:
        return bool(self._alive)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _start(self, work: Callable[[], Any], on_event: Callback | None,
               on_done: Callback | None, on_error: Callback | None, *, events: bool,
               min_interval: float) -> Task:
        task = Task(on_event, on_done, on_error)
        self._alive.add(task)
        task.finished.connect(lambda: self._alive.discard(task))
        self.pool.start(_Runnable(task, work, events, min_interval))
        return task
