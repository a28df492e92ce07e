"""Run a catalog_app process to a test point, then kill it: crash tests that never race the clock.

The child is started with one point of `catalog_app.core.testpoints` armed. It writes a line to
a pipe when it reaches the point and then waits there, so the test knows exactly where the
process is when it sends SIGKILL (or SIGINT, Ctrl-C's signal), however busy the machine is.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from catalog_app.core.testpoints import ENV

REACH_TIMEOUT_S = 300.0  # a safety net against a hung child, never a measure of speed


def default_sigint() -> None:
    """preexec_fn for a child that is sent SIGINT: Ctrl-C's default action, as in a terminal.

    A child inherits an ignored SIGINT (a shell's background job has one), and Python then
    installs no KeyboardInterrupt handler: the child would never see the Ctrl-C it is sent.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def catalog_app(root: Path, *args: str) -> list[str]:
    """The command line `catalog-app --catalogue ROOT ARGS...` as this interpreter runs it."""
    return [sys.executable, "-m", "catalog_app", "--catalogue", str(root), *args]


class Run:
    """One child process; with `point`, armed to stop the `at`-th time it reaches it."""

    def __init__(self, argv: list[str], point: str | None = None, *, at: int = 1) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(ENV)}
        self._reader: int | None = None
        fds: tuple[int, ...] = ()
        if point is not None:
            self._reader, writer = os.pipe()
            env.update({ENV: f"{point}@{at}", f"{ENV}_FD": str(writer)})
            fds = (writer,)
        # files, not pipes: a child that writes much can never block on a full pipe
        self._out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._err = tempfile.TemporaryFile()  # noqa: SIM115
        self.point, self.at = point, at
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=self._out,
                                        stderr=self._err, env=env, pass_fds=fds,
                                        preexec_fn=default_sigint)
        for fd in fds:
            os.close(fd)

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_for_point(self) -> None:
        """Return once the child has reached its point; fail if it ended without reaching it."""
        assert self._reader is not None, "no point was armed"
        ready, _, _ = select.select([self._reader], [], [], REACH_TIMEOUT_S)
        assert ready, f"{self.point}@{self.at} not reached in {REACH_TIMEOUT_S:.0f} s"
        line = os.read(self._reader, 200).decode()
        if not line:  # the pipe closed: the process ended first
            code = self.process.wait()
            raise AssertionError(f"the process ended ({code}) before {self.point}@{self.at}:"
                                 f" {self.stderr()}")
        name, count, pid = line.split()
        assert (name, int(count), int(pid)) == (self.point, self.at, self.pid), line

    def kill(self) -> None:
        """SIGKILL the child (stopped at its point) and reap it."""
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait() == -signal.SIGKILL

    def finish(self, timeout: float = REACH_TIMEOUT_S) -> int:
        return self.process.wait(timeout=timeout)

    def stdout(self) -> str:
        self._out.seek(0)
        return self._out.read().decode()

    def stderr(self) -> str:
        self._err.seek(0)
        return self._err.read().decode()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self._reader is not None:
            os.close(self._reader)
            self._reader = None
        self._out.close()
        self._err.close()

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a command to its end, with no point armed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(ENV)}
    return subprocess.run(argv, capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=REACH_TIMEOUT_S)


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (a pool's workers, its resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


class Watch:
    """Pidfds on processes, taken while they run: tells without polling when they have ended."""

    def __init__(self, pids: list[int]) -> None:
        self._fds: dict[int, int] = {}
        for pid in pids:
            try:
                self._fds[pid] = os.pidfd_open(pid)
            except ProcessLookupError:  # already gone
                continue

    def still_running_after(self, timeout: float) -> list[int]:
        """Wait up to `timeout` for all to end; the pids still running then."""
        pending = dict(self._fds)
        while pending:
            ready, _, _ = select.select(list(pending.values()), [], [], timeout)
            if not ready:
                break
            pending = {pid: fd for pid, fd in pending.items() if fd not in ready}
        for fd in self._fds.values():
            os.close(fd)
        return sorted(pending)
