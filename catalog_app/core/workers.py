"""Process pools for CPU work: every core, spawn start, workers that die with their parent."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def guard_worker() -> None:
    """Pool initializer: Ctrl-C is the parent's to handle, and the worker exits with it.

    Without the watcher a worker whose parent was killed would wait on its queue for ever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent process has ended
    os._exit(0)


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=guard_worker)


def run_tasks(pool: ProcessPoolExecutor | None, fn: Callable[[T], R], tasks: Iterable[T],
              stop: Callable[[], bool], inflight: int = 8) -> Iterator[tuple[T, R]]:
    """Results as they finish (any order), a few tasks ahead; none is started once stop().

    With no pool the tasks run one by one in this process (tests, and the one-core baseline).
    """
    queue = iter(tasks)
    if pool is None:
        for task in queue:
            if stop():
                return
            yield task, fn(task)
        return
    running: dict[Future, T] = {}
    while True:
        while not stop() and len(running) < inflight:
            task = next(queue, None)
            if task is None:
                break
            running[pool.submit(fn, task)] = task
        if not running:
            return
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            yield running.pop(future), future.result()
