"""The task bridge: results reach a living receiver on the GUI thread, and a result for a
receiver deleted meanwhile is dropped without error; the job controller's cancel flag."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.tasks import TaskRunner


def _runner(qtbot) -> TaskRunner:
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    return TaskRunner(pool)


def test_a_result_for_a_deleted_receiver_is_dropped(qtbot) -> None:
    runner = _runner(qtbot)
    gate = threading.Event()
    gone, alive = QLabel("waiting"), QLabel("waiting")
    qtbot.addWidget(alive)
    delivered: list[str] = []

    def slow() -> str:
        gate.wait(30)
        return "late result"

    def show(label: QLabel):
        return lambda text: (delivered.append(text), label.setText(text))

    late = runner.run(gone, slow, show(gone))
    kept = runner.run(alive, slow, show(alive))
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone), timeout=5000)
    gate.set()  # the work ends only now, after its receiver was deleted
    qtbot.waitUntil(lambda: late.done and kept.done, timeout=10000)
    assert delivered == ["late result"]  # the living receiver's only
    assert alive.text() == "late result"
    assert not runner.busy()


def test_events_for_a_deleted_receiver_are_dropped(qtbot) -> None:
    runner = _runner(qtbot)
    label = QLabel()
    gate, seen = threading.Event(), []

    def events(cancel):
        yield 1
        gate.wait(30)
        yield from range(2, 6)
        return "end"

    task = runner.run_events(label, events, lambda n: (seen.append(n), label.setNum(n)),
                             lambda end: (seen.append(end), label.setText(end)),
                             min_interval=0.0)
    qtbot.waitUntil(lambda: seen == [1], timeout=10000)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert seen == [1]


def test_a_cancelled_job_ends_through_finished(qtbot) -> None:
    """The job controller hands `cancel` to the work, which stops between items."""
    jobs = JobController()
    started, steps = threading.Event(), []

    def work(cancel):
        n = 0
        while not cancel.is_set():
            n += 1
            steps.append(n)
            started.set()
            yield n
            cancel_seen.wait(0.01)
        return f"stopped after {n}"

    cancel_seen = threading.Event()
    assert jobs.start(work)
    assert not jobs.start(work)  # one at a time
    qtbot.waitUntil(started.is_set, timeout=10000)
    with qtbot.waitSignal(jobs.finished, timeout=10000) as finished:
        jobs.cancel()
    assert finished.args[0].startswith("stopped after") and not jobs.running
