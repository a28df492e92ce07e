"""Incidents and tagging from the command line (the start of the incidents work)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app.core import incident_fields
from catalog_app.core.models import PhotoFilter
from catalog_app.db.catalogue import Catalogue
from tests.cli.test_cli_contract import assert_one_sentence, run

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"
TEXT = 'Масове поховання в лісі біля Ізюму — "exhumation" <site> & notes\nsecond line'


def test_add_list_tag_untag(tmp_path) -> None:
    root = tmp_path / "cat"
    assert run("import", "--json", str(SAMPLE), catalogue=root).returncode == 0
    added = run("incidents", "add", "--name", "Izyum forest graves", "--kind", "mass grave",
                "--place", "Izyum", "--lat", "49.1838", "--lon", "37.2305", "--radius-m", "400",
                "--start", "2022-09-15T00:00:00+03:00", "--description", TEXT, "--json",
                catalogue=root)
    assert added.returncode == 0, added.stderr
    incident_id = json.loads(added.stdout)["id"]
    listed = json.loads(run("incidents", "list", "--json", catalogue=root).stdout)
    assert listed[0]["description"] == TEXT  # kept exactly as typed
    assert (listed[0]["lat"], listed[0]["radius_m"], listed[0]["photos"]) == (49.1838, 400, 0)

    photos = json.loads(run("photos", "--json", catalogue=root).stdout)
    forest = [p["id"] for p in photos if p["gps"] and abs(p["gps"]["lat"] - 49.18) < 0.01]
    assert run("tag", "--incident", str(incident_id), *map(str, forest),
               catalogue=root).returncode == 0
    tagged = json.loads(run("show", str(forest[0]), "--json", catalogue=root).stdout)
    assert tagged["incident"] == {"id": incident_id, "name": "Izyum forest graves"}
    with Catalogue.open(root) as catalogue:
        untagged = catalogue.collection_counts()["untagged"]
        assert untagged == catalogue.count_photos() - len(forest)
        assert {r.id for r in catalogue.grid_rows(PhotoFilter("untagged"))}.isdisjoint(forest)
        assert catalogue.custody_log(forest[0])[-1].action == "tag"

    assert run("untag", str(forest[0]), catalogue=root).returncode == 0
    assert json.loads(run("show", str(forest[0]), "--json", catalogue=root).stdout)[
        "incident"] is None


def test_bad_incident_input_is_one_sentence_and_exit_2(tmp_path) -> None:
    root = tmp_path / "cat"
    assert run("import", "--json", str(SAMPLE / "DEMO_001.HEIC"), catalogue=root).returncode == 0
    for args in (["incidents", "add", "--name", "X", "--lat", "91", "--lon", "0"],
                 ["incidents", "add", "--name", "X", "--lat", "50"],
                 ["incidents", "add", "--name", "X", "--start", "last tuesday"],
                 ["incidents", "add", "--name", "X", "--start", "2024-07-09T10:00+03:00",
                  "--end", "2024-07-08T10:00+03:00"],
                 ["tag", "--incident", "42", "1"]):
        result = run(*args, catalogue=root)
        assert result.returncode == 2, args
        assert_one_sentence(result.stderr)


def test_caption_is_kept_exactly_and_logged_with_old_and_new_text(tmp_path) -> None:
    root = tmp_path / "cat"
    assert run("import", "--json", str(SAMPLE / "DEMO_001.HEIC"), catalogue=root).returncode == 0
    photo = json.loads(run("photos", "--json", catalogue=root).stdout)[0]["id"]
    assert run("caption", str(photo), TEXT, catalogue=root).returncode == 0
    shown = json.loads(run("show", str(photo), "--json", catalogue=root).stdout)
    assert shown["caption"] == TEXT
    assert run("caption", str(photo), "second", catalogue=root).returncode == 0
    log = json.loads(run("log", "--photo", str(photo), "--json", catalogue=root).stdout)
    captions = [e["details"] for e in log if e["action"] == "caption"]
    assert captions == [{"old": "", "new": TEXT}, {"old": TEXT, "new": "second"}]
    with Catalogue.open(root) as catalogue:  # the grid's search covers captions
        assert [r.id for r in catalogue.grid_rows(PhotoFilter(text="secon"))] == [photo]
    missing = run("caption", "999", "x", catalogue=root)
    assert missing.returncode == 2
    assert_one_sentence(missing.stderr)


def test_edit_changes_only_the_given_fields_and_logs_old_and_new(tmp_path) -> None:
    root = tmp_path / "cat"
    added = run("incidents", "add", "--name", "Bridge", "--place", "Irpin", "--json",
                catalogue=root)
    incident_id = json.loads(added.stdout)["id"]
    edited = run("incidents", "edit", str(incident_id), "--place", "Irpin, Romanivka bridge",
                 "--description", TEXT, catalogue=root)
    assert edited.returncode == 0, edited.stderr
    listed = json.loads(run("incidents", "list", "--json", catalogue=root).stdout)[0]
    assert (listed["name"], listed["place"], listed["description"]) == (
        "Bridge", "Irpin, Romanivka bridge", TEXT)
    log = json.loads(run("log", "--json", catalogue=root).stdout)
    assert log[-1]["action"] == "incident-edited"
    assert log[-1]["details"]["old"] == {"place": "Irpin", "description": ""}
    missing = run("incidents", "edit", "99", "--place", "x", catalogue=root)
    assert missing.returncode == 2
    assert_one_sentence(missing.stderr)


@pytest.mark.parametrize(("fields", "says"), [
    ({"name": "  "}, "needs a name"),
    ({"name": "X", "lat": 50.0}, "both a latitude and a longitude"),
    ({"lat": 91.0, "lon": 0.0}, "-90 to 90"),
    ({"lat": 0.0, "lon": -181.0}, "-180 to 180"),
    ({"starts_at": "last tuesday"}, "The start 'last tuesday' is not a date and time"),
    ({"ends_at": "2024-13-01"}, "The end '2024-13-01'"),
    ({"starts_at": "2024-07-08T10:45"}, "The start '2024-07-08T10:45' has no time zone"),
    ({"starts_at": "2024-07-09T10:00+03:00", "ends_at": "2024-07-09T09:00+03:00"},
     "The end is before the start"),
    ({"starts_at": "2024-07-09T10:00+03:00", "ends_at": "2024-07-08"},
     "The end is before the start"),
])
def test_the_incident_field_rule_names_what_is_wrong(fields, says) -> None:
    found = incident_fields.problem(**fields)
    assert found is not None and says in found and found.endswith(".")
    assert "--" not in found  # the rule is the faces' to phrase, not a CLI flag


def test_the_incident_field_rule_accepts_what_can_be_recorded() -> None:
    assert incident_fields.problem(name="Bridge", lat=50.5, lon=30.2,
                                   starts_at="2024-07-08T10:45+03:00",
                                   ends_at="2024-07-09") is None
    assert incident_fields.problem() is None  # an edit that changes none of these fields
