"""`catalog-app verify` finds tampering and damage, names it, and exits 1; else exits 0."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli_contract import run

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


@pytest.fixture
def catalogue(tmp_path) -> tuple[Path, list[dict]]:
    root = tmp_path / "cat"
    assert run("import", "--json", str(SAMPLE), catalogue=root).returncode == 0
    return root, json.loads(run("photos", "--json", catalogue=root).stdout)


def _verify(root: Path) -> tuple[int, dict]:
    result = run("verify", "--json", catalogue=root)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def test_an_untouched_catalogue_verifies(catalogue) -> None:
    root, _photos = catalogue
    code, report = _verify(root)
    assert (code, report["ok"], report["checked"], report["problems"]) == (0, True, 19, [])
    assert len(report["custody_head"]["sha256"]) == 64
    log = json.loads(run("log", "--json", catalogue=root).stdout)
    assert log[-1]["action"] == "verify" and log[-1]["details"] == {
        "checked": 19, "problems": 0, "checkpoints": 0, "tokens": 0, "anchor_top": 0}


def test_each_kind_of_damage_is_found_and_named(catalogue) -> None:
    root, photos = catalogue
    changed, deleted = photos[0], photos[1]
    path = Path(changed["stored_path"])
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one byte
    path.write_bytes(bytes(data))
    os.chmod(path, 0o444)
    Path(deleted["stored_path"]).unlink()
    stray = root / "originals" / "ab" / "planted.jpg"
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"not evidence")
    with sqlite3.connect(root / "catalogue.sqlite") as conn:  # behind the app's back
        conn.execute("DROP TRIGGER custody_log_no_update")
        conn.execute("UPDATE custody_log SET operator = 'mallory' WHERE id = 3")

    code, report = _verify(root)
    problems = report["problems"]
    assert code == 1 and not report["ok"]
    assert any(f"photo {changed['id']}: its original was changed" in p for p in problems)
    assert any(f"photo {deleted['id']}: its original is missing" in p for p in problems)
    assert any(p == f"unknown file among the originals: {stray}" for p in problems)
    assert any(p.startswith("custody log: entry 3") and "altered" in p for p in problems)
    assert any(p.startswith("schema: trigger custody_log_no_update is missing") for p in problems)
    assert len(problems) == 5, problems
    text = run("verify", catalogue=root)
    assert text.returncode == 1 and "5 problems" in text.stdout


def test_a_deleted_log_entry_breaks_the_chain(catalogue) -> None:
    root, _ = catalogue
    with sqlite3.connect(root / "catalogue.sqlite") as conn:
        conn.execute("DROP TRIGGER custody_log_no_delete")
        conn.execute("DELETE FROM custody_log WHERE id = 5")
    code, report = _verify(root)
    assert code == 1
    assert "custody log: entries 5 to 5 are missing" in report["problems"]
    assert "custody log: entry 6 does not follow entry 5" in report["problems"]


def test_log_for_an_unknown_photo_is_a_usage_error(catalogue) -> None:
    root, _ = catalogue
    result = run("log", "--photo", "4242", catalogue=root)
    assert result.returncode == 2 and "4242" in result.stderr
