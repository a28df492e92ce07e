"""Backups: a consistent, verified copy even mid-write; a busy catalogue is one sentence."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import pytest

from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import CatalogueBusy
from catalog_app.services.backup import BackupRun
from catalog_app.services.importing import ImportJob
from tests.cli.test_cli_contract import assert_one_sentence, run
from tests.conftest import ACTOR

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


def test_backup_mid_write_is_a_consistent_verified_copy(tmp_path) -> None:
    catalogue = Catalogue.open(tmp_path / "cat", create=True)
    list(ImportJob(catalogue, [str(SAMPLE)], ACTOR, workers=0).run())
    writer = sqlite3.connect(tmp_path / "cat" / "catalogue.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another instance, mid-transaction
    writer.execute("INSERT INTO incidents (name, created_at) VALUES ('uncommitted', 'now')")
    try:
        backup = BackupRun(catalogue, tmp_path / "copy")
        list(backup.run())
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert (backup.report.copied, backup.report.problems) == (19, [])
    catalogue.close()

    copy = tmp_path / "copy"
    verified = run("verify", "--json", catalogue=copy)
    assert verified.returncode == 0, verified.stdout
    photos = json.loads(run("photos", "--json", catalogue=copy).stdout)
    assert len(photos) == 19
    assert all(stat.S_IMODE(Path(p["stored_path"]).stat().st_mode) & 0o222 == 0 for p in photos)
    assert json.loads(run("incidents", "list", "--json", catalogue=copy).stdout) == []


def test_backup_command_records_itself(tmp_path) -> None:
    root = tmp_path / "cat"
    assert run("import", "--json", str(SAMPLE / "DEMO_001.HEIC"), catalogue=root).returncode == 0
    result = run("backup", str(tmp_path / "copy"), "--json", catalogue=root)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["copied"] == 1
    log = json.loads(run("log", "--json", catalogue=root).stdout)
    assert log[-1]["action"] == "backup" and log[-1]["details"]["copied"] == 1


def test_a_non_empty_destination_is_refused(tmp_path) -> None:
    root = tmp_path / "cat"
    assert run("import", "--json", str(SAMPLE / "DEMO_001.HEIC"), catalogue=root).returncode == 0
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "something.txt").write_text("keep me")
    result = run("backup", str(busy), catalogue=root)
    assert result.returncode == 2
    assert_one_sentence(result.stderr)
    assert (busy / "something.txt").read_text() == "keep me"


def test_a_write_lock_held_by_another_instance_is_a_sentence(tmp_path) -> None:
    Catalogue.open(tmp_path / "cat", create=True).close()
    writer = sqlite3.connect(tmp_path / "cat" / "catalogue.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with Catalogue.open(tmp_path / "cat", busy_timeout_s=0.5) as catalogue, \
                pytest.raises(CatalogueBusy, match="busy: another catalog_app is writing"):
            catalogue.add_incident(Incident(0, "x"), ACTOR)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
