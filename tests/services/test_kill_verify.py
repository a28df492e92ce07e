"""SIGKILL of a verify while its workers hash: the workers end with it (they watch their
parent), and nothing of the run is logged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.killing import Run, Watch, catalog_app, children, run
from tests.support.synthetic import make_jpegs

pytestmark = pytest.mark.slow
OUTLIVE_S = 60.0  # the measure: workers were still alive 60 s after the kill


def test_verify_workers_die_with_a_killed_verify(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    make_jpegs(tmp_path / "card", 120, size=(96, 72))
    assert run(catalog_app(root, "import", "--json", str(tmp_path / "card"))).returncode == 0
    entries = len(json.loads(run(catalog_app(root, "log", "--json")).stdout))
    with Run(catalog_app(root, "verify"), "verify-file", at=5) as job:
        job.wait_for_point()  # the pool is up and hashing; this process waits at the point
        workers = children(job.pid)
        assert len(workers) >= 2, "verify hashes on worker processes"
        watch = Watch(workers)
        job.kill()
    assert watch.still_running_after(OUTLIVE_S) == [], "hash workers outlived their verify"
    log = json.loads(run(catalog_app(root, "log", "--json")).stdout)
    assert len(log) == entries  # a verify killed before its end records nothing
