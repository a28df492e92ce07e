"""`catalog-app duplicates`: the JSON contract, decisions, and what marking does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app.core.models import PhotoFilter
from catalog_app.db.catalogue import Catalogue
from tests.cli.test_cli_contract import assert_one_sentence, run

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


@pytest.fixture
def demo(tmp_path) -> tuple[Path, dict]:
    root = tmp_path / "cat"
    result = run("import", "--json", str(SAMPLE), catalogue=root)
    assert result.returncode == 0, result.stderr
    return root, json.loads(result.stdout)


def _groups(root: Path, *extra: str) -> list[dict]:
    result = run("duplicates", "--json", *extra, catalogue=root)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _names(root: Path) -> dict[int, str]:
    photos = json.loads(run("photos", "--json", catalogue=root).stdout)
    return {p["id"]: Path(p["sources"][0]).name for p in photos}


def test_import_reports_near_duplicates(demo) -> None:
    _, summary = demo
    assert summary["near_duplicates"] == 3


def test_groups_json_contract_and_kinds(demo) -> None:
    root, _ = demo
    names = _names(root)
    groups = _groups(root)
    for group in groups:
        assert set(group) >= {"id", "kind", "keeper", "members"}
        assert group["kind"] in {"same-bytes", "same-pixels", "near", "similar"}
        assert group["keeper"] in {m["photo"] for m in group["members"]}
        assert all(set(m) == {"photo", "distance", "reason", "partner", "box", "partner_box"}
                   for m in group["members"])
        assert all(m["reason"] for m in group["members"])
    near = [sorted(names[m["photo"]] for m in g["members"]) for g in groups
            if g["kind"] == "near"]
    assert sorted(near) == sorted([
        ["DEMO_002.HEIC", "WhatsApp Image 2024-07-15 at 09.20.11.jpeg"],
        ["DEMO_010.HEIC", "signal-2024-07-17-154500.jpg"],
        ["DEMO_014 (copy).png", "DEMO_014.JPG"],
    ])
    keepers = {names[g["keeper"]] for g in groups if g["kind"] == "near"}
    assert keepers == {"DEMO_002.HEIC", "DEMO_010.HEIC", "DEMO_014.JPG"}  # the originals
    assert not any(g["kind"] == "similar" for g in groups)
    assert any(g["kind"] == "similar" for g in _groups(root, "--similar"))


def test_resolve_with_a_keeper_links_hides_and_logs(demo) -> None:
    root, _ = demo
    names = _names(root)
    group = next(g for g in _groups(root) if "DEMO_014.JPG" in
                 {names[m["photo"]] for m in g["members"]})
    copy = next(m["photo"] for m in group["members"] if m["photo"] != group["keeper"])
    result = run("duplicates", "resolve", str(group["id"]), "--keeper", str(group["keeper"]),
                 catalogue=root)
    assert result.returncode == 0, result.stderr
    after = next(g for g in _groups(root) if g["id"] == group["id"])
    assert after["resolved"] is True
    with Catalogue.open(root) as catalogue:
        shown = {r.id for r in catalogue.grid_rows(PhotoFilter())}
        assert copy not in shown and group["keeper"] in shown  # hidden, never deleted
        assert {r.id for r in catalogue.grid_rows(PhotoFilter("marked-duplicates"))} == {copy}
        assert catalogue.photo(copy).sha256  # still in the catalogue
        log = catalogue.custody_log(copy)
        assert log[-1].action == "duplicate-marked"
        assert log[-1].details["keeper"] == group["keeper"]
        assert log[-1].operator == "cli-tester"


def test_not_duplicate_is_remembered(demo) -> None:
    root, _ = demo
    groups = _groups(root)
    target = groups[0]
    result = run("duplicates", "resolve", str(target["id"]), "--not-duplicate", catalogue=root)
    assert result.returncode == 0, result.stderr
    assert target["id"] not in {g["id"] for g in _groups(root)}
    assert target["id"] not in {g["id"] for g in _groups(root, "--threshold", "loose")}


def test_accept_suggested_keepers_in_bulk(demo) -> None:
    root, _ = demo
    result = run("duplicates", "accept", "--max-distance", "4", catalogue=root)
    assert result.returncode == 0
    assert "3 groups" in result.stdout
    assert all(g["resolved"] for g in _groups(root) if g["kind"] == "near")


def test_errors_are_one_sentence_with_exit_2(demo) -> None:
    root, _ = demo
    missing = run("duplicates", "resolve", "99999", "--keeper", "1", catalogue=root)
    assert missing.returncode == 2
    assert_one_sentence(missing.stderr)
    group = _groups(root)[0]
    outsider = next(pid for pid in _names(root) if pid not in
                    {m["photo"] for m in group["members"]})
    wrong = run("duplicates", "resolve", str(group["id"]), "--keeper", str(outsider),
                catalogue=root)
    assert wrong.returncode == 2
    assert_one_sentence(wrong.stderr)
    bad = run("duplicates", "--threshold", "99", catalogue=root)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_a_catalogue_from_before_duplicate_hashes_is_backfilled(demo) -> None:
    import sqlite3

    root, _ = demo
    with sqlite3.connect(root / "catalogue.sqlite") as conn:  # as schema 2 left them
        conn.execute("UPDATE photos SET phash_canonical = NULL, pixel_hash = NULL")
    result = run("duplicates", "--json", catalogue=root)
    assert result.returncode == 0
    assert "Computing duplicate hashes for 19 photos" in result.stderr
    assert len([g for g in json.loads(result.stdout) if g["kind"] == "near"]) == 3
