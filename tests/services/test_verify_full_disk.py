"""`verify` on a full disk: the report is printed whole, then one sentence says the run could
not be logged (exit 3; exit 1 when it found problems); nothing half written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from catalog_app.cli import main
from catalog_app.db import custody
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from catalog_app.services.verify import VerifyJob, run_and_record
from tests.conftest import ACTOR
from tests.support.synthetic import make_jpegs


def _full(*_args, **_kwargs):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL  # what SQLite raises when the disk is full
    raise error


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "cat"
    make_jpegs(tmp_path / "card", 6, size=(96, 72))
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
    return root


def test_verify_on_a_full_disk_reports_then_says_it_was_not_logged(root, monkeypatch,
                                                                   capsys) -> None:
    with Catalogue.open(root) as catalogue:
        before = catalogue.custody_head()
    monkeypatch.setattr(custody.CustodyWriter, "append", _full)
    code = main(["--catalogue", str(root), "verify"])
    out, err = capsys.readouterr()
    *_, summary, not_logged = out.splitlines()  # the report, then why it is not in the log
    assert summary.startswith(f"Verified 6 originals: no problems found, but the history is "
                              f"not proven (see above). Custody log head: "
                              f"{before[0]} entries")
    assert not_logged == (f"This run could not be logged: The disk holding the catalogue at "
                          f"{root} is full; nothing of this change was written. Free some "
                          "space and try again.")
    assert "Traceback" not in err and code == 3
    assert json.loads(_json(root, capsys)[0])["not_logged"].startswith(
        "this run could not be logged: The disk holding")
    monkeypatch.undo()
    with Catalogue.open(root) as catalogue:
        assert catalogue.custody_head() == before  # nothing of the run was written
        assert catalogue.integrity_problems() == [] and catalogue.custody_chain_problems() == []


def _json(root: Path, capsys) -> tuple[str, int]:
    code = main(["--catalogue", str(root), "verify", "--json"])
    return capsys.readouterr().out, code


def test_problems_found_on_a_full_disk_still_exit_1(root, monkeypatch, capsys) -> None:
    with Catalogue.open(root) as catalogue:
        _id, _sha, stored = catalogue.stored_files()[0]
        catalogue.layout.resolve(stored).unlink()
    monkeypatch.setattr(custody.CustodyWriter, "append", _full)
    out, code = _json(root, capsys)
    report = json.loads(out)
    assert code == 1 and len(report["problems"]) == 1 and report["logged"] is False


def test_the_service_keeps_the_report_when_the_log_cannot_be_written(root,
                                                                     monkeypatch) -> None:
    monkeypatch.setattr(custody.CustodyWriter, "append", _full)
    with Catalogue.open(root) as catalogue:
        job = VerifyJob(catalogue, workers=1)
        list(run_and_record(job, ACTOR))
    assert job.report.checked == 6 and job.report.ok
    assert job.report.not_logged.startswith("this run could not be logged: The disk holding")
