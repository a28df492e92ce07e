"""THE bridge: run work off the GUI thread, deliver its results on the GUI thread, and only to a
receiver that still lives.

Every delivery is bound to a QObject receiver. Results travel through one emitter per runner
(a queued signal carrying the task's number), and on the GUI thread the runner hands a result
to its callback only if the receiver's C++ object still exists: a result for a window or dialog
that was closed and deleted meanwhile is dropped, never delivered to a dead widget. Widgets are
deleted on the GUI thread only, so that check cannot race with a deletion.

Work is either a function (one result) or a generator (events, then a result: the
generator's return value). A generator gets a `Cancel` flag and checks it between items.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

Callback = Callable[[Any], None]
EventWork = Callable[["Cancel"], Generator[Any, None, Any] | Iterator[Any]]

_EVENT, _DONE, _FAILED = 0, 1, 2


class Cancel:
    """A thread-safe "please stop" flag; hooks run once when it is set (e.g. a job's cancel)."""

    def __init__(self) -> None:
        self._set = threading.Event()
        self._hooks: list[Callable[[], object]] = []
        self._lock = threading.Lock()

    def set(self) -> None:
        with self._lock:
            if self._set.is_set():
                return
            self._set.set()
            hooks, self._hooks = self._hooks, []
        for hook in hooks:
            hook()

    def is_set(self) -> bool:
        return self._set.is_set()

    def on_cancel(self, hook: Callable[[], object]) -> None:
        """Call `hook` when cancelled (at once if it already is)."""
        with self._lock:
            if not self._set.is_set():
                self._hooks.append(hook)
                return
        hook()


@dataclass(eq=False)
class Task:
    """A piece of work in flight: cancel() it; `done` once its result was handed on (or
    dropped because its receiver is gone)."""

    receiver: QObject
    on_event: Callback | None
    on_done: Callback | None
    on_error: Callback | None
    cancel_flag: Cancel = field(default_factory=Cancel)
    done: bool = False

    def cancel(self) -> None:
        self.cancel_flag.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_flag.is_set()

    def receiver_alive(self) -> bool:
        return shiboken6.isValid(self.receiver)


class _Emitter(QObject):
    delivered = Signal(int, int, object)  # task number, kind, value


class _Runnable(QRunnable):
    """Runs `work()`; with events=True, `work()` gives a generator to drain."""

    def __init__(self, emit: Callable[[int, int, object], None], number: int,
                 work: Callable[[], Any], events: bool, min_interval: float) -> None:
        super().__init__()
        self._emit, self._number, self._work, self._events = emit, number, work, events
        self._min_interval = min_interval

    def run(self) -> None:  # on a pool thread: touch no widget here
        try:
            result = self._drain(self._work()) if self._events else self._work()
        except BaseException as exc:  # handed to on_error on the GUI thread
            self._emit(self._number, _FAILED, exc)
        else:
            self._emit(self._number, _DONE, result)

    def _drain(self, events: Iterator[Any]) -> Any:
        """Forward events, at most one per min_interval (the last one always); return the
        generator's return value."""
        last_sent, pending, has_pending = 0.0, None, False
        while True:
            try:
                event = next(events)
            except StopIteration as stop:
                result = stop.value
                break
            now = time.monotonic()
            if now - last_sent >= self._min_interval:
                self._emit(self._number, _EVENT, event)
                last_sent, has_pending = now, False
            else:
                pending, has_pending = event, True
        if has_pending:
            self._emit(self._number, _EVENT, pending)
        return result


class TaskRunner(QObject):
    """Runs functions and generators on a thread pool; results come back bound to receivers."""

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._tasks: dict[int, Task] = {}
        self._numbers = itertools.count(1)
        self._emitter = _Emitter(self)
        self._emitter.delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def single_thread(cls, owner: QObject) -> TaskRunner:
        """A runner whose work runs one at a time on its own thread (owned by `owner`)."""
        pool = QThreadPool(owner)
        pool.setMaxThreadCount(1)
        return cls(pool, owner)

    def run(self, receiver: QObject, work: Callable[[], Any], on_done: Callback | None = None,
            on_error: Callback | None = None) -> Task:
        """Run `work()` off the GUI thread; on_done(result) or on_error(exception) is called on
        the GUI thread if `receiver` still lives."""
        task = Task(receiver, None, on_done, on_error)
        return self._start(task, work, False, 0.0)

    def run_events(self, receiver: QObject, work: EventWork, on_event: Callback,
                   on_done: Callback | None = None, on_error: Callback | None = None,
                   min_interval: float = 0.05) -> Task:
        """Run the generator `work(cancel)`: its events reach on_event (throttled to one per
        `min_interval`, the last one always), its return value reaches on_done."""
        task = Task(receiver, on_event, on_done, on_error)
        flag = task.cancel_flag
        return self._start(task, lambda: work(flag), True, min_interval)

    def busy(self) -> bool:
        """Work is queued or running (including work whose receiver has gone)."""
        return bool(self._tasks)

    def forget_pending(self) -> None:
        """Results of tasks still in flight will reach no callback, and they are asked to stop."""
        for task in list(self._tasks.values()):
            task.on_event = task.on_done = task.on_error = None
            task.cancel()

    def _start(self, task: Task, work: Callable[[], Any], events: bool,
               min_interval: float) -> Task:
        number = next(self._numbers)
        self._tasks[number] = task
        self.pool.start(_Runnable(self._send, number, work, events, min_interval))
        return task

    def _send(self, number: int, kind: int, value: object) -> None:  # on a pool thread
        with contextlib.suppress(RuntimeError):  # the runner was deleted: the app is ending
            self._emitter.delivered.emit(number, kind, value)

    @Slot(int, int, object)
    def _deliver(self, number: int, kind: int, value: object) -> None:  # on the GUI thread
        task = self._tasks.get(number) if kind == _EVENT else self._tasks.pop(number, None)
        if task is None:
            return
        if kind != _EVENT:
            task.done = True
        if not task.receiver_alive():
            return  # its receiver was deleted: the result is dropped
        callback = {_EVENT: task.on_event, _DONE: task.on_done, _FAILED: task.on_error}[kind]
        if callback is not None:
            callback(value)
        elif kind == _FAILED and not task.cancelled:
            raise value  # type: ignore[misc]  # nobody handles it: PySide reports it
