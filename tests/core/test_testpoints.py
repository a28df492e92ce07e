"""The kill tests' hook: a point armed for a process stops it there until a signal comes.

It must stop at the named point's n-th pass and nowhere else, leave worker processes unarmed,
and let SIGINT through whichever thread takes it (signal.pause() alone did not: when another
thread takes the signal, the main thread waiting in pause() never wakes).
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys

from tests.support.killing import default_sigint

CHILD = """
import os, sys, threading, time
from catalog_app.core import testpoints
print("inherited" if "CATALOG_APP_TESTPOINT" in os.environ else "not inherited", flush=True)
def busy():
    while True:
        time.sleep(0.0005)
for _ in range(3):  # busy threads, as an import has a pool's and a queue's
    threading.Thread(target=busy, daemon=True).start()
for n in range(1, 4):
    testpoints.reached("other")
    testpoints.reached("step", str(n))
    testpoints.reached("step")
print("ran to its end", flush=True)
"""


def _child(point: str | None) -> tuple[subprocess.Popen, int]:
    reader, writer = os.pipe()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CATALOG_APP_TESTPOINT")}
    if point is not None:
        env.update(CATALOG_APP_TESTPOINT=point, CATALOG_APP_TESTPOINT_FD=str(writer))
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, pass_fds=(writer,),
                             preexec_fn=default_sigint)
    os.close(writer)
    return child, reader


def _line(reader: int) -> str:
    ready, _, _ = select.select([reader], [], [], 60)  # a hang guard, not a speed limit
    assert ready
    return os.read(reader, 100).decode()


def test_unarmed_points_do_nothing() -> None:
    child, reader = _child(None)
    out, _ = child.communicate(timeout=60)
    assert (child.returncode, out.split("\n")[1]) == (0, "ran to its end")
    assert _line(reader) == ""  # nothing was written: the pipe just closed
    os.close(reader)


def test_it_stops_at_the_nth_pass_of_the_named_point_until_killed() -> None:
    child, reader = _child("step:2@1")
    assert _line(reader) == f"step:2 1 {child.pid}\n"
    child.kill()
    out, _ = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert out == "not inherited\n"  # taken out of the environment: children are unarmed
    os.close(reader)
    child, reader = _child("step@3")
    assert _line(reader) == f"step 3 {child.pid}\n"
    child.kill()
    child.wait(timeout=60)
    os.close(reader)


OTHER_THREAD = """
import signal, threading
from catalog_app.core import testpoints
main = threading.get_native_id()
WAITING = ("__do_sys_pause", "poll_schedule_timeout", "do_select")  # pause(), select()
def interrupt_from_here():
    with open(f"/proc/self/task/{main}/wchan") as wchan:
        while not wchan.read().startswith(WAITING):  # until the main thread waits
            wchan.seek(0)
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # taken by this thread
threading.Thread(target=interrupt_from_here, daemon=True).start()
testpoints.reached("step")
"""


def test_sigint_taken_by_another_thread_still_wakes_the_point() -> None:
    """The kernel may hand a process's SIGINT to any thread (an import has several); the
    point must still wake and raise KeyboardInterrupt in the main thread."""
    reader, writer = os.pipe()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CATALOG_APP_TESTPOINT")}
    env.update(CATALOG_APP_TESTPOINT="step", CATALOG_APP_TESTPOINT_FD=str(writer))
    child = subprocess.Popen([sys.executable, "-c", OTHER_THREAD], env=env, text=True,
                             stderr=subprocess.PIPE, pass_fds=(writer,),
                             preexec_fn=default_sigint)
    os.close(writer)
    try:
        assert _line(reader) == f"step 1 {child.pid}\n"
        _, err = child.communicate(timeout=60)  # a hang guard: pause() alone waits for ever
    finally:
        child.kill()
        child.wait()
        os.close(reader)
    assert "KeyboardInterrupt" in err
    assert child.returncode in (1, -signal.SIGINT)


def test_sigint_at_a_point_raises_keyboard_interrupt() -> None:
    child, reader = _child("step@2")
    _line(reader)
    child.send_signal(signal.SIGINT)  # Ctrl-C
    _, err = child.communicate(timeout=60)
    os.close(reader)
    assert "KeyboardInterrupt" in err
    assert child.returncode in (1, -signal.SIGINT)
