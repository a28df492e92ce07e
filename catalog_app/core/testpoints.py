"""Named points where a kill test stops this process; inert unless a test arms one.

A crash test must kill a process at a point it controls, never after a guessed delay (on a
busy machine the work finishes first, on an idle one it has not begun). Code calls
``reached(name)`` at the points worth crashing at: ``custody:<action>`` after each custody
entry is written (inside its transaction, before the commit), ``unit-of-work`` after a unit of
work's last write and before its commit, ``import-batch`` after an import batch's rows are
written and before its commit, ``export-package-copied`` and ``export-gallery-image`` after
each item of an export has been reported.

A test arms one point for a child process through its environment:

- ``CATALOG_APP_TESTPOINT=<name>[@<n>]``: act the n-th time (default 1) this process
  reaches the point;
- ``CATALOG_APP_TESTPOINT_FD=<fd>``: write ``<name> <n> <pid>`` and a newline to this
  file descriptor first (pass it with ``subprocess.Popen(pass_fds=...)``), so the test knows
  the point is reached without polling.

The process then waits at the point until a signal ends it: the test SIGKILLs it, or sends
SIGINT to stand for Ctrl-C (KeyboardInterrupt is raised here). The variables are read once,
at import, and removed from the environment. Unarmed, ``reached`` is a test and a return.
"""

from __future__ import annotations

import os
import select
import signal

ENV = "CATALOG_APP_TESTPOINT"
# Taken out of the environment: the point is armed for this process only, never for the
# worker processes it starts (they would count on their own, and the fd is not theirs).
_ARMED = os.environ.pop(ENV, None) or None
_FD = os.environ.pop(f"{ENV}_FD", None)
_NAME, _, _AT = (_ARMED or "").partition("@")
_TARGET = int(_AT) if _AT else 1
_count = 0


def reached(name: str, detail: str = "") -> None:
    """Mark that this process is at point `name` (`name:detail` when a detail is given);
    acts only when a test armed that point."""
    global _count
    if _ARMED is None:
        return
    if detail:
        name = f"{name}:{detail}"
    if name != _NAME:
        return
    _count += 1
    if _count != _TARGET:
        return
    _wait_for_a_signal(f"{name} {_count} {os.getpid()}\n")


def _wait_for_a_signal(line: str) -> None:
    """Tell the test (when it gave an fd), then wait until a signal ends the process.

    signal.pause() alone would race: a signal sent as soon as the line is read can arrive
    before pause() begins, and then pause() waits for ever. A wakeup fd closes the gap: the
    signal writes a byte to it whenever it comes, select() returns, and Python then runs the
    handler (SIGINT raises KeyboardInterrupt here; SIGKILL needs none).
    """
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    try:
        previous: int | None = signal.set_wakeup_fd(wake_w)
    except ValueError:  # not the main thread, where a test only ever SIGKILLs
        previous = None
    try:
        if _FD is not None:
            os.write(int(_FD), line.encode())
        while True:
            if previous is None:
                signal.pause()
            else:
                select.select([wake_r], [], [])
                os.read(wake_r, 64)
    finally:  # SIGINT: the process goes on to handle its Ctrl-C
        if previous is not None:
            signal.set_wakeup_fd(previous)
        os.close(wake_r)
        os.close(wake_w)
