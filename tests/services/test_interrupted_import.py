"""A killed import: marked interrupted (and logged) on the next open for writing, never while
an import lives; the originals it stored but never recorded are named as its leftovers, and
`verify --repair` adopts them (or quarantines what no import explains)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from catalog_app.core.lock import ImportLock
from catalog_app.db.catalogue import Catalogue
from tests.conftest import ACTOR
from tests.support.killing import Run, catalog_app, run
from tests.support.synthetic import make_jpegs

pytestmark = pytest.mark.slow
TOTAL = 2 * 200 + 20  # two full batches and more: batch 2 is written, not committed
LEFT = "but never recorded (it was killed first): "


@pytest.fixture(scope="module")
def card(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("card")
    make_jpegs(folder, TOTAL, size=(96, 72))
    return folder


def _killed_import(root: Path, card: Path) -> None:
    with Run(catalog_app(root, "import", "--json", str(card)), "import-batch", at=2) as job:
        job.wait_for_point()
        job.kill()


def _status(root: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(root / "catalogue.sqlite") as conn:
        return conn.execute("SELECT id, status FROM imports ORDER BY id").fetchall()


def _log(root: Path) -> list[dict]:
    return json.loads(run(catalog_app(root, "log", "--json")).stdout)


def _verify(root: Path, *extra: str) -> tuple[int, dict, str]:
    done = run(catalog_app(root, "verify", "--json", *extra))
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr


def test_a_killed_import_is_marked_interrupted_and_its_originals_adopted(tmp_path: Path,
                                                                        card: Path) -> None:
    root = tmp_path / "cat"
    _killed_import(root, card)
    assert _status(root) == [(1, "running")]
    with Catalogue.open(root, read_only=True) as catalogue:  # reading marks nothing
        kept = catalogue.count_photos()
        recorded = {str(catalogue.layout.resolve(p)) for _i, _s, p in catalogue.stored_files()}
    stored = {str(p) for p in (root / "originals").rglob("*.jpg")}
    orphans = stored - recorded
    assert 0 < kept < TOTAL and orphans, "the kill left originals stored but not recorded"
    planted = root / "originals" / "ab" / "planted.jpg"
    planted.parent.mkdir(exist_ok=True)
    planted.write_bytes(b"not evidence")

    code, report, _ = _verify(root, "--read-only")  # read-only: named, not marked
    with sqlite3.connect(root / "catalogue.sqlite") as conn:
        started = conn.execute("SELECT started_at FROM imports").fetchone()[0]
    unmarked = (f"original stored by import 1 (started {started}, killed before it finished: "
                f"still marked running) {LEFT}")
    assert code == 1 and _status(root) == [(1, "running")]
    assert sorted(p[len(unmarked):] for p in report["problems"]
                  if p.startswith(unmarked)) == sorted(orphans)

    code, report, _ = _verify(root)  # the first open for writing marks the import
    assert _status(root) == [(1, "interrupted")]
    marked = [e for e in _log(root) if e["action"] == "import-interrupted"]
    assert len(marked) == 1
    details = marked[0]["details"]
    with sqlite3.connect(root / "catalogue.sqlite") as conn:
        started, found = conn.execute("SELECT started_at, finished_at FROM imports").fetchone()
    assert (details["import"], details["started_at"], details["imported"],
            details["already_present"], details["failed"]) == (1, started, kept, 0, 0)
    assert started <= details["last_recorded_at"] <= found <= marked[0]["at"]
    assert code == 1
    left = f"original stored by import 1 (started {started}, found interrupted {found}) {LEFT}"
    problems = report["problems"]
    assert sorted(p[len(left):] for p in problems if p.startswith(left)) == sorted(orphans)
    assert f"unknown file among the originals: {planted}" in problems
    unfinished = [p for p in problems if p.startswith("unfinished copy left by import 1")]
    assert len(problems) == len(orphans) + 1 + len(unfinished), problems

    code, report, said = _verify(root, "--repair")
    assert (code, report["problems"]) == (0, []), report
    adopted = [e for e in _log(root) if e["action"] == "adopt-original"]
    assert sorted(e["details"]["stored_path"] for e in adopted) == sorted(
        str(Path(p).relative_to(root)) for p in orphans)
    assert all(e["details"]["import"] == 1 for e in adopted)
    assert said.count("Adopted ") == len(orphans)
    quarantined = [e["details"] for e in _log(root) if e["action"] == "quarantine-original"]
    assert {"path": "originals/ab/planted.jpg", "moved_to": "quarantine/ab/planted.jpg",
            "sha256": hashlib.sha256(b"not evidence").hexdigest()} in [
        {k: q[k] for k in ("path", "moved_to", "sha256")} for q in quarantined]
    assert (root / "quarantine" / "ab" / "planted.jpg").read_bytes() == b"not evidence"
    assert len(quarantined) == 1 + len(unfinished)
    with Catalogue.open(root, read_only=True) as catalogue:
        assert catalogue.count_photos() == kept + len(orphans)
        for photo_id, sha, path in catalogue.stored_files():
            assert hashlib.sha256(catalogue.layout.resolve(path).read_bytes()).hexdigest() == \
                sha, photo_id

    again = run(catalog_app(root, "import", "--json", str(card)))
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert (summary["imported"], summary["already_present"]) == (
        TOTAL - kept - len(orphans), kept + len(orphans))
    code, report, _ = _verify(root)
    assert (code, report["checked"], report["problems"]) == (0, TOTAL, [])
    assert _status(root) == [(1, "interrupted"), (2, "finished")]


def test_a_live_import_is_never_marked_interrupted(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        import_id = catalogue.begin_import(["/card"], False, ACTOR)
    live = ImportLock(root)
    live.hold()  # what a running import holds, here in this process
    try:
        with Catalogue.open(root, actor=ACTOR) as catalogue:
            assert catalogue.import_status(import_id) == "running"
    finally:
        live.release()
    with Catalogue.open(root, read_only=True) as catalogue:
        assert catalogue.import_status(import_id) == "running"  # read-only marks nothing
    with Catalogue.open(root) as catalogue:  # no actor to log it under: nothing marked
        assert catalogue.import_status(import_id) == "running"
    with Catalogue.open(root, actor=ACTOR) as catalogue:
        assert catalogue.import_status(import_id) == "interrupted"
        entry = catalogue.custody_log()[-1]
    assert (entry.action, entry.operator, entry.details["imported"]) == (
        "import-interrupted", ACTOR.operator, 0)
    assert entry.details["last_recorded_at"] is None
