"""Process pools for CPU work: every core, spawn start, workers that die with their parent.

Workers are spawned, not forked (the GUI process has threads, and fork would copy their locks),
and they start lean: multiprocessing's spawn normally re-runs the parent's main script in every
worker, and for the `catalog-app` console script that means importing the whole command line
(Jinja2, cryptography, every command module) before the first file is read. `spawn_context()`
starts workers that skip it: everything a worker runs is a function in a catalog_app module,
pickled by name, so the worker imports only the modules those functions live in.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing import spawn
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_guarded = False


def guard_worker() -> None:
    """Pool initializer: Ctrl-C is the parent's to handle, and the worker exits with it.

    Without the watcher a worker whose parent was killed would wait on its queue for ever.
    Idempotent: one watcher per process.
    """
    global _guarded
    if _guarded:
        return
    _guarded = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent process has ended
    os._exit(0)


_launching = threading.local()  # set while this thread starts a lean worker
_MAIN_KEYS = ("init_main_from_path", "init_main_from_name")


def _preparation_data(name: str, _original: Callable[[str], dict[str, Any]] = (
        spawn.get_preparation_data)) -> dict[str, Any]:
    """What spawn sends a new process before it runs, without the parent's main module when a
    lean worker is being started from this thread (any other process gets it as before)."""
    data = _original(name)
    if getattr(_launching, "lean", False):
        for key in _MAIN_KEYS:
            data.pop(key, None)
    return data


class _LeanProcess(SpawnProcess):
    """A spawned process that does not re-run the parent's __main__ (see the module doc)."""

    @staticmethod
    def _Popen(process_obj: Any) -> Any:
        if spawn.get_preparation_data is not _preparation_data:
            spawn.get_preparation_data = _preparation_data  # type: ignore[assignment]
        _launching.lean = True
        try:
            return SpawnProcess._Popen(process_obj)
        finally:
            _launching.lean = False


class _LeanContext(SpawnContext):
    Process = _LeanProcess  # type: ignore[assignment]


_LEAN = _LeanContext()


def spawn_context() -> multiprocessing.context.BaseContext:
    """The context for every worker pool: spawn start, without re-running the parent's main."""
    return _LEAN


# Numeric libraries start a thread per core on import (OpenBLAS: ~0.1 s of a worker's start on
# a busy machine); with a worker per core already, one each is right.
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def init_lean_worker(target: str = "", *args: Any) -> None:
    """Pool initializer: one BLAS thread, guard_worker(), then `target` ("module:function").

    The target is named, not passed, so that the worker imports its module (and NumPy with
    it) only after the environment is set.
    """
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    guard_worker()
    if target:
        module, function = target.split(":")
        getattr(importlib.import_module(module), function)(*args)


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=spawn_context(), initializer=init_lean_worker)


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
            try:
                task = next(queue)
            except StopIteration:
                break
            running[pool.submit(fn, task)] = task
        if not running:
            return
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            yield running.pop(future), future.result()
