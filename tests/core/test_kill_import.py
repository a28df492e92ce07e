"""A SIGKILL (or Ctrl-C) half-way through a real import leaves a sound catalogue; a re-run
completes it. The import is stopped inside its second batch's transaction, a point the test
controls: one batch is committed, the next is written and not, and the readers are running."""

from __future__ import annotations

import hashlib
import inspect
import json
import signal
from pathlib import Path

import pytest

from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from tests.support.killing import Run, Watch, catalog_app, children, run
from tests.support.synthetic import make_jpegs

pytestmark = pytest.mark.slow
BATCH = inspect.signature(ImportJob).parameters["batch_size"].default
# More than two full batches: whatever the timing, the second batch is recorded while files
# are still being read (a batch holds at most BATCH photos), and photos remain after it.
TOTAL = 2 * BATCH + 20
SIZE = (96, 72)  # small photos: the test is about the kill, not the decode


def _assert_sound(root: Path) -> int:
    with Catalogue.open(root) as catalogue:
        assert catalogue.integrity_problems() == []
        assert catalogue.custody_chain_problems() == []
        photos = catalogue.photos()
        for photo in photos:
            stored = catalogue.layout.resolve(photo.stored_path)
            assert hashlib.sha256(stored.read_bytes()).hexdigest() == photo.sha256
            assert len(photo.sources) == 1
        imported = [e for e in catalogue.custody_log() if e.action == "import"]
        assert sorted(e.photo_id for e in imported) == sorted(p.id for p in photos)
        return len(photos)


def _import(root: Path, folder: Path, point: str | None = None, at: int = 1) -> Run:
    return Run(catalog_app(root, "import", "--json", str(folder)), point, at=at)


def _rerun(root: Path, folder: Path) -> dict:
    done = run(catalog_app(root, "import", "--json", str(folder)))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def card(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("card")
    make_jpegs(folder, TOTAL, size=SIZE)
    return folder


def test_sigkill_mid_import_then_rerun(tmp_path: Path, card: Path) -> None:
    root = tmp_path / "catalogue"
    with _import(root, card, "import-batch", at=2) as job:
        job.wait_for_point()  # batch 2 written, not committed; the readers are busy
        workers = children(job.pid)
        assert workers, "the import runs its reading on worker processes"
        watch = Watch(workers)
        job.kill()
    assert watch.still_running_after(30) == [], "worker processes outlived their parent"

    survived = _assert_sound(root)
    assert 0 < survived <= BATCH, f"{survived} photos kept: only the first batch was committed"

    summary = _rerun(root, card)
    assert (summary["imported"], summary["already_present"]) == (TOTAL - survived, survived)
    assert _assert_sound(root) == TOTAL
    with Catalogue.open(root) as catalogue:
        statuses = [catalogue.import_status(i) for i in (1, 2)]
    assert statuses == ["interrupted", "finished"]  # marked so by the re-run's open
    assert not list(root.rglob("*.part"))


def test_ctrl_c_stops_cleanly_and_the_rerun_finishes(tmp_path: Path, card: Path) -> None:
    root = tmp_path / "catalogue"
    with _import(root, card, "import-batch", at=2) as job:
        job.wait_for_point()
        job.process.send_signal(signal.SIGINT)  # what Ctrl-C sends, inside batch 2
        assert job.finish() == 130
        err = job.stderr()
    message = err.strip().splitlines()
    assert len(message) == 1 and "Traceback" not in err, err
    assert "Run the same command again to finish the rest." in message[0]
    kept = _assert_sound(root)
    # the interrupted batch is still recorded on the way out; nothing after it is started
    assert 2 <= kept <= 2 * BATCH < TOTAL
    assert f"{kept} photos recorded so far stay" in message[0]
    with Catalogue.open(root) as catalogue:
        assert catalogue.import_status(1) == "cancelled"
    summary = _rerun(root, card)
    assert (summary["imported"], summary["already_present"]) == (TOTAL - kept, kept)
    assert _assert_sound(root) == TOTAL
