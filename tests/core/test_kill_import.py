"""A SIGKILL half-way through a real import leaves a sound catalogue; a re-run completes it."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalog_app.db.catalogue import Catalogue
from tests.support.synthetic import make_jpegs

pytestmark = pytest.mark.slow
TOTAL = 600


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM photos").fetchone()[0]
    except sqlite3.Error:
        return 0


def _import(root: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "catalog_app", "--catalogue", str(root), "import", "--json",
         str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )


def _wait_for_first_commit(process: subprocess.Popen, root: Path) -> None:
    """Return once the running import has committed photos (so it is half-way)."""
    deadline = time.monotonic() + 120
    while _committed(root / "catalogue.sqlite") == 0:
        assert process.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
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


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _assert_sound(root: Path) -> int:
    with Catalogue.open(root) as catalogue:
        assert catalogue.integrity_problems() == []
        photos = catalogue.photos()
        for photo in photos:
            stored = catalogue.layout.resolve(photo.stored_path)
            assert hashlib.sha256(stored.read_bytes()).hexdigest() == photo.sha256
            assert len(photo.sources) == 1
        return len(photos)


def test_sigkill_mid_import_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "card"
    make_jpegs(folder, TOTAL)
    root = tmp_path / "catalogue"
    process = _import(root, folder)
    _wait_for_first_commit(process, root)
    workers = _children(process.pid)
    assert workers, "the import runs its reading on worker processes"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "worker processes outlived their parent"

    survived = _assert_sound(root)
    assert 0 < survived < TOTAL, f"{survived} photos: the kill was not half-way"

    rerun = _import(root, folder)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    import json

    summary = json.loads(out)
    assert summary["imported"] + summary["already_present"] == TOTAL
    assert summary["already_present"] >= survived
    assert _assert_sound(root) == TOTAL
    with Catalogue.open(root) as catalogue:
        statuses = [catalogue.import_status(i) for i in (1, 2)]
    assert statuses == ["running", "finished"]  # the killed run stays visibly unfinished
    assert not list(root.rglob("*.part"))


def test_ctrl_c_stops_cleanly_and_the_rerun_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "card"
    make_jpegs(folder, TOTAL)
    root = tmp_path / "catalogue"
    process = _import(root, folder)
    _wait_for_first_commit(process, root)
    os.kill(process.pid, signal.SIGINT)  # what Ctrl-C sends
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    message = err.decode().strip().splitlines()
    assert len(message) == 1 and "Traceback" not in err.decode()
    assert "Run the same command again to finish the rest." in message[0]
    kept = _assert_sound(root)
    assert 0 < kept < TOTAL
    with Catalogue.open(root) as catalogue:
        assert catalogue.import_status(1) == "cancelled"
    rerun = _import(root, folder)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    import json

    summary = json.loads(out)
    assert summary["already_present"] == kept
    assert summary["imported"] + summary["already_present"] == TOTAL
