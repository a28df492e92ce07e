"""Flags, keywords, caption templates, suggestions and clock corrections from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli_contract import assert_one_sentence, run


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tagging-cli") / "demo"
    made = run("demo", "--json", catalogue=root)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["tagged"] == 13
    return root


def photos(root: Path) -> dict[str, dict]:
    listed = json.loads(run("photos", "--json", catalogue=root).stdout)
    return {Path(p["sources"][0]).name: p for p in listed}


def test_suggest_then_apply(demo: Path) -> None:
    by_name = photos(demo)
    found = json.loads(run("suggest", "--json", catalogue=demo).stdout)
    names = {p["id"]: n for n, p in by_name.items()}
    assert {(names[s["photo"]], s["reason"].split()[0]) for s in found} == {
        ("DEMO_002.HEIC", "taken"), ("DEMO_012.HEIC", "taken")}
    assert all(set(s) == {"photo", "incident", "distance_m", "reason"} for s in found)
    assert run("suggest", "--apply", catalogue=demo).returncode == 0
    after = photos(demo)
    assert after["DEMO_012.HEIC"]["incident"]["name"] == "Shelled apartment blocks, Irpin"
    assert json.loads(run("suggest", "--json", catalogue=demo).stdout) == []


def test_clock_correction_keeps_the_recorded_time(demo: Path) -> None:
    slow = photos(demo)["DEMO_004.JPG"]
    assert slow["taken_at"] == "2024-07-15T08:28:55"
    assert slow["taken_at_corrected"] == "2024-07-15T09:31:55"  # the demo's +1 h 03 min
    done = run("clock", str(slow["id"]), "--true-time", "2024-07-15T09:32:55", catalogue=demo)
    assert done.returncode == 0, done.stderr
    again = photos(demo)["DEMO_004.JPG"]
    assert (again["taken_at"], again["taken_at_corrected"], again["clock_offset_s"]) == (
        "2024-07-15T08:28:55", "2024-07-15T09:32:55", 3840)
    listed = json.loads(run("clock", "--list", "--json", catalogue=demo).stdout)
    assert {"make": "DemoCam", "model": "Field B", "serial": "DEMO-B-0002", "photos": 3,
            "offset_s": 3840} in listed
    log = json.loads(run("log", "--json", catalogue=demo).stdout)
    entry = [e for e in log if e["action"] == "clock-correction"][-1]
    assert (entry["details"]["old_offset_s"], entry["details"]["new_offset_s"]) == (3780, 3840)
    assert run("clock", "DemoCam Field B", "--offset", "+1 h 03 min",
               catalogue=demo).returncode == 0


def test_flags_keywords_and_template_captions(demo: Path) -> None:
    ids = [str(p["id"]) for n, p in sorted(photos(demo).items()) if n.startswith("DEMO_01")]
    text = 'Окхматдит «{incident}» #{n} <b> & "q"'
    assert run("captions", text, *ids[:2], "--needs-review", catalogue=demo).returncode == 0
    assert run("flag", ids[0], "--restricted", catalogue=demo).returncode == 0
    assert run("keywords", ids[0], "--add", "grave marker", "--add", "ordnance",
               catalogue=demo).returncode == 0
    assert run("keywords", ids[0], "--remove", "ordnance", catalogue=demo).returncode == 0
    shown = json.loads(run("show", ids[0], "--json", catalogue=demo).stdout)
    assert shown["caption"].startswith("Окхматдит «") and shown["caption"].endswith(
        '» #1 <b> & "q"')
    assert shown["caption_needs_review"] and shown["restricted"] and not shown["graphic"]
    assert "grave marker" in shown["keywords"] and "ordnance" not in shown["keywords"]
    listed = json.loads(run("keywords", "--json", catalogue=demo).stdout)
    assert {"keyword", "photos"} == set(listed[0])


@pytest.mark.parametrize("args", [
    ["flag", "1"], ["flag", "1", "--graphic", "--not-graphic"], ["flag", "999", "--graphic"],
    ["captions", "{where}", "1"], ["clock", "No Such Camera", "--offset", "5"],
    ["clock", "1", "--offset", "later"], ["keywords", "1"], ["tag", "--incident", "99", "1"],
])
def test_bad_input_is_one_sentence_and_exit_2(demo: Path, args: list[str]) -> None:
    done = run(*args, catalogue=demo)
    assert done.returncode == 2, done.stderr
    assert_one_sentence(done.stderr)


def test_merge_archive_delete(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    assert run("demo", "--json", catalogue=root).returncode == 0
    listed = {i["name"]: i for i in json.loads(run("incidents", "list", "--json",
                                                   catalogue=root).stdout)}
    bridge = listed["Destroyed Romanivskyi bridge, Irpin"]["id"]
    blocks = listed["Shelled apartment blocks, Irpin"]["id"]
    bucha = listed["Killings of civilians on Yablunska Street, Bucha"]["id"]
    assert run("incidents", "merge", str(bridge), "--into", str(blocks),
               catalogue=root).returncode == 0
    assert run("incidents", "merge", str(blocks), "--into", str(blocks),
               catalogue=root).returncode == 2
    refused = run("incidents", "delete", str(bucha), catalogue=root)
    assert refused.returncode == 2 and "add --yes" in refused.stderr
    assert_one_sentence(refused.stderr)
    assert run("incidents", "delete", str(bucha), "--yes", catalogue=root).returncode == 0
    assert run("incidents", "archive", str(blocks), catalogue=root).returncode == 0
    shown = {i["id"]: i for i in json.loads(run("incidents", "list", "--json",
                                                catalogue=root).stdout)}
    assert bridge not in shown and blocks not in shown and bucha not in shown
    every = {i["id"]: i for i in json.loads(run("incidents", "list", "--all", "--json",
                                                catalogue=root).stdout)}
    assert every[blocks]["archived"] and every[blocks]["photos"] == 2 and bucha not in every
    assert len(json.loads(run("photos", "--json", catalogue=root).stdout)) == 19
    assert run("incidents", "archive", str(blocks), "--restore", catalogue=root).returncode == 0
    assert run("incidents", "delete", "999", "--yes", catalogue=root).returncode == 2


def test_template_captions_are_marked_for_review_without_being_asked(demo: Path) -> None:
    photo = str(photos(demo)["DEMO_003.JPG"]["id"])
    assert run("flag", photo, "--reviewed", catalogue=demo).returncode == 0
    assert not json.loads(run("show", photo, "--json", catalogue=demo).stdout)[
        "caption_needs_review"]
    made = run("captions", "Draft {n}: {camera}", photo, catalogue=demo)
    assert made.returncode == 0, made.stderr
    assert "1 newly marked as needing review" in made.stdout
    shown = json.loads(run("show", photo, "--json", catalogue=demo).stdout)
    assert shown["caption"].startswith("Draft 1: ") and shown["caption_needs_review"]
