"""Every action the app logs is described in words, with its old and new value (core/history)."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest

from catalog_app.cli import main as cli_main
from catalog_app.core import history, signing
from catalog_app.core.models import Camera, CustodyEntry, Flag, Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from catalog_app.export.tables import export_file
from catalog_app.services.head import sign_head
from catalog_app.services.importing import ImportJob
from catalog_app.services.verify import VerifyJob, run_and_record
from tests.conftest import ACTOR
from tests.support.synthetic import make_jpegs

ROOT = Path(__file__).resolve().parents[2] / "catalog_app"
ZONE = timezone(timedelta(hours=2))  # the viewer's zone in these tests: UTC+02:00
SESSION = {"add-source", "backup", "caption", "clock-correction", "duplicate-marked",
           "export-csv", "export-gallery", "export-geojson", "export-kml", "export-package",
           "flag", "head-signed", "import", "import-cancelled", "import-failed",
           "import-finished", "import-started", "incident-added", "incident-deleted",
           "incident-edited", "incident-merged", "keywords", "not-duplicate", "tag", "untag",
           "verify"}  # every action this branch's code wrote when the session was written
FORMED = {"import-{status}": ("import-finished", "import-cancelled"),
          "export-{kind}": ("export-csv", "export-geojson", "export-kml")}


def written_actions() -> set[str]:
    """Every action name the code passes to log.append(...) or record_event(...), written
    there as a string or as a module constant (`keys.REGISTERED`)."""
    found: set[str] = set()
    constants: dict[str, str] = {}
    named: set[str] = set()
    for path in ROOT.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        constants.update(re.findall(r"(?m)^([A-Z_]+) = \"([a-z][a-z-]*)\"", text))
        for call in re.finditer(r"(?:\.append|record_event)\(\s*(f?\"[^\"]*\""
                                r"(?:\s+if\s[^,]+?\selse\s+\"[^\"]*\")?),\s*\{", text):
            for name in re.findall(r"\"([a-z][a-z{}-]*)\"", call.group(1)):
                found.update(FORMED.get(name, (name,)))
        named.update(re.findall(r"(?:\.append|record_event)\(\s*(?:\w+\.)?([A-Z_]+),\s*\{",
                                text))
    return found | {constants[name] for name in named if name in constants}


def found_who(entries: list[CustodyEntry], lines: list[history.HistoryLine], action: str) -> str:
    return next(line.who for e, line in zip(entries, lines, strict=True) if e.action == action)


def _entry(action: str, details: dict, photo_id: int | None = None,
           at: str = "2026-12-01T23:40:12.000001Z") -> CustodyEntry:
    return CustodyEntry(1, at, "ana", "field-laptop", "1.0", action, photo_id, details,
                        "0" * 64, "1" * 64)


def test_the_scan_finds_the_actions_the_code_writes() -> None:
    actions = written_actions()
    assert {"caption", "tag", "untag", "import", "import-finished", "export-csv", "verify",
            "backup", "head-signed", "incident-deleted", "not-duplicate"} <= actions
    assert all(re.fullmatch(r"[a-z][a-z-]*", a) for a in actions), actions


def test_every_action_the_code_writes_has_its_own_words() -> None:
    unknown = {a for a in written_actions() if not history.is_described(a)}
    assert not unknown, f"add a describer in catalog_app/core/history.py for {sorted(unknown)}"


def test_a_key_registration_says_whose_key_and_whether_it_is_protected() -> None:
    details = {"fingerprint": "ab12cd", "public_key": "-----BEGIN PUBLIC KEY-----\n…",
               "protected": False, "operator": "ana"}
    line = history.describe(_entry("key-registered", details), zone=UTC)
    assert line.what == ("signing key ab12cd registered for ana (its private key stored "
                         "WITHOUT a passphrase)")
    line = history.describe(_entry("key-registered", {**details, "protected": True}), zone=UTC)
    assert line.what.endswith("(its private key protected by a passphrase)")


def test_a_time_stamp_says_which_entry_by_whom_and_when() -> None:
    line = history.describe(_entry("timestamped", {
        "entry": 42, "hash": "f" * 64, "tsa": "http://127.0.0.1:8080/tsa", "tsa_name": "Test TSA",
        "gen_time": "2026-12-01T23:40:13Z", "serial": "7", "token_sha256": "ab" * 32}), zone=UTC)
    assert line.what == ("custody log head at entry 42 time-stamped by Test TSA at "
                         f"2026-12-01T23:40:13Z (serial 7, token SHA-256 {'ab' * 32})")


def test_when_is_the_viewers_local_time_and_utc() -> None:
    line = history.describe(_entry("caption", {"old": "", "new": "x"}), zone=ZONE)
    assert line.local == "2026-12-02 01:40:12 +02:00"
    assert line.utc == "2026-12-01 23:40:12 UTC"
    assert line.who == "ana@field-laptop"
    assert line.when == "2026-12-02 01:40:12 +02:00 (2026-12-01 23:40:12 UTC)"


def test_a_time_that_is_not_one_is_shown_as_written() -> None:
    line = history.describe(_entry("caption", {"old": "", "new": "x"}, at="yesterday"), zone=UTC)
    assert (line.local, line.utc) == ("yesterday (not a time)", "yesterday (not a time)")
    assert line.what == "caption changed"


def test_an_unknown_action_is_shown_with_its_details_never_dropped() -> None:
    line = history.describe(_entry("checkpoint-signed", {"entry": 40, "key": "ab12"}, 7),
                            zone=UTC)
    assert line.what == "checkpoint-signed: entry: 40; key: ab12"
    assert line.text() == ("2026-12-01 23:40:12 +00:00 (2026-12-01 23:40:12 UTC)  "
                           "ana@field-laptop  photo 7: checkpoint-signed: entry: 40; key: ab12")
    assert not history.is_described("checkpoint-signed")


def test_details_of_another_shape_fall_back_to_the_action_and_details() -> None:
    line = history.describe(_entry("caption", {"text": "only new"}), zone=UTC)
    assert line.what == "caption: text: only new"


def test_a_baseline_entry_says_what_it_is() -> None:
    line = history.describe(_entry("photo-baseline", {"caption": "c", "incident": 3}, 4),
                            zone=UTC)
    assert line.what == "state recorded as a baseline when the catalogue was upgraded"
    assert line.new == "caption: c; incident: 3"
    other = history.describe(_entry("incident-baseline", {"incident": 2, "name": "Bucha"}),
                             zone=UTC)
    assert other.what == line.what and other.new == "incident: 2; name: Bucha"


def test_line_breaks_in_a_value_never_break_the_line() -> None:
    line = history.describe(_entry("caption", {"old": "one\ntwo", "new": "three"}, 2), zone=UTC)
    assert line.old == "one\ntwo"  # the value itself is kept whole
    assert "\n" not in line.text() and "one ⏎ two → three" in line.text()


@pytest.fixture
def session(tmp_path):
    """A catalogue with one of every change the app makes, through its real use cases."""
    photos = make_jpegs(tmp_path / "card", 4)
    (tmp_path / "card" / "broken.jpg").write_bytes(b"\xff\xd8 not a jpeg")
    copy = tmp_path / "second card"
    copy.mkdir()
    shutil.copy(photos[0], copy / "IMG_00000.JPG")
    shutil.copy(photos[0], tmp_path / "card" / "IMG_00000 (copy).JPG")
    root = tmp_path / "cat"
    catalogue = Catalogue.open(root, create=True)
    list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=1).run())
    list(ImportJob(catalogue, [str(copy)], ACTOR, workers=1).run())
    cancelled = ImportJob(catalogue, [str(copy)], ACTOR, workers=1)
    cancelled.cancel()
    list(cancelled.run())
    a, b, c, d = (p.id for p in catalogue.photos())
    izyum = catalogue.add_incident(Incident(0, "Izyum", place="Izyum"), ACTOR)
    bucha = catalogue.add_incident(Incident(0, "Bucha"), ACTOR)
    spare = catalogue.add_incident(Incident(0, "Spare"), ACTOR)
    gone = catalogue.add_incident(Incident(0, "Gone", description="to be deleted"), ACTOR)
    catalogue.edit_incident(izyum, {"name": "Izyum forest", "description": "graves"}, ACTOR)
    catalogue.tag([a], izyum, ACTOR)
    catalogue.tag([a], bucha, ACTOR)
    catalogue.tag([a], None, ACTOR)
    catalogue.tag([b], spare, ACTOR)
    catalogue.merge_incidents(spare, izyum, ACTOR)
    catalogue.tag([c], gone, ACTOR)
    catalogue.delete_incident(gone, ACTOR)
    catalogue.edit_incident(bucha, {"archived": True}, ACTOR)
    catalogue.set_caption(a, "First caption", ACTOR)
    catalogue.set_caption(a, "Rows of numbered crosses. " * 8, ACTOR)
    catalogue.set_flag([a], Flag.RESTRICTED, True, ACTOR)
    catalogue.set_flag([a], Flag.RESTRICTED, False, ACTOR)
    catalogue.change_keywords([a], ["trench", "grave"], [], ACTOR)
    catalogue.change_keywords([a], [], ["grave"], ACTOR)
    camera = Camera("Test", "Synthetic 1", None)
    catalogue.set_clock(camera, 3600, "ran an hour slow", ACTOR)
    catalogue.set_clock(camera, None, "it was right after all", ACTOR)
    catalogue.mark_duplicates(a, [(d, "exact", 0)], ACTOR)
    catalogue.mark_not_duplicates([b, c], ACTOR)
    list(run_and_record(VerifyJob(catalogue, workers=1), ACTOR))
    key = tmp_path / "keys" / "team.key"
    key.parent.mkdir()
    signing.make_key(key)
    sign_head(catalogue, key, tmp_path, ACTOR)
    list(PackageExport(catalogue, tmp_path / "package", Selection(include_untagged=True),
                       ACTOR).run())
    list(GalleryExport(catalogue, tmp_path / "gallery", GalleryOptions(
        Selection(include_untagged=True)), ACTOR, workers=1).run())
    for kind in ("csv", "geojson", "kml"):
        export_file(catalogue, kind, tmp_path / f"photos.{kind}",
                    Selection(include_untagged=True), ACTOR)
    catalogue.close()
    assert cli_main(["--catalogue", str(root), "--operator", ACTOR.operator, "backup",
                     str(tmp_path / "backup")]) == 0
    catalogue = Catalogue.open(root)
    yield catalogue, (a, b, c, d), (izyum, bucha, spare, gone)
    catalogue.close()


def test_a_session_of_real_changes_is_described_line_by_line(session, capsys) -> None:
    catalogue, (a, b, c, d), (izyum, bucha, spare, gone) = session
    entries = catalogue.custody_log()
    names = {i.id: i.name for i in catalogue.incidents(include_archived=True)}
    lines = history.describe_all(entries, names, zone=ZONE)
    assert {e.action for e in entries} >= SESSION, "the session misses an action"
    assert all(history.is_described(e.action) for e in entries)
    assert all(line.who == "test-operator@test-machine" for e, line in zip(
        entries, lines, strict=True) if e.action != "backup")  # backup ran as the CLI, here:
    assert found_who(entries, lines, "backup").startswith("test-operator@")

    def found(action: str, photo: int | None = None) -> list[history.HistoryLine]:
        return [line for e, line in zip(entries, lines, strict=True)
                if e.action == action and (photo is None or e.photo_id == photo)]

    def one(action: str, photo: int | None = None) -> tuple[str, str | None, str | None]:
        (line,) = found(action, photo)
        return line.what, line.old, line.new

    iz, bu = f"incident {izyum} 'Izyum forest'", f"incident {bucha} 'Bucha'"
    first, second = found("caption", a)
    assert (first.what, first.old, first.new) == ("caption changed", "(none)", "First caption")
    assert (second.old, second.new) == ("First caption", "Rows of numbered crosses. " * 8)
    tags = found("tag", a)
    assert [(t.what, t.old, t.new) for t in tags] == [
        (f"tagged to {iz}", "no incident", iz), (f"tagged to {bu}", iz, bu)]
    assert tags[1].sentence == f"tagged to {bu} (was {iz})"
    assert one("untag", a) == (f"untagged from {bu}", bu, "no incident")
    assert [(f.what, f.old, f.new) for f in found("flag", a)] == [
        ("flag restricted set", "not set", "set"), ("flag restricted cleared", "set", "not set")]
    assert [(k.what, k.old, k.new) for k in found("keywords", a)] == [
        ("keywords added: trench, grave", None, "trench, grave"),
        ("keywords removed: grave", "grave", None)]
    set_clock, cleared = found("clock-correction")
    assert (set_clock.what, set_clock.old, set_clock.new) == (
        "clock correction for Test Synthetic 1: +3600 s", "no correction", "+3600 s")
    assert set_clock.sentence == ("clock correction for Test Synthetic 1: +3600 s (was no "
                                  "correction; 4 photos), reason: ran an hour slow")
    assert (cleared.what, cleared.old, cleared.new) == (
        "clock correction for Test Synthetic 1 cleared", "+3600 s", "no correction")
    edited, archived = found("incident-edited")
    assert (edited.what, edited.old, edited.new) == (
        f"{iz} edited: name, description", "name: Izyum; description: (none)",
        "name: Izyum forest; description: graves")
    assert (archived.what, archived.old, archived.new) == (f"{bu} archived", "active",
                                                           "archived")
    added = found("incident-added")
    assert [line.what for line in added] == [
        f"incident {izyum} 'Izyum' added", f"incident {bucha} 'Bucha' added",
        f"incident {spare} 'Spare' added", f"incident {gone} 'Gone' added"]
    assert added[0].new == "name: Izyum; place: Izyum"
    assert one("incident-merged")[0] == (f"incident {spare} 'Spare' merged into {iz} "
                                         "(1 photo moved)")
    moved = found("tag", b)[-1]  # tagged to Spare, then moved by the merge
    assert (moved.what, moved.old, moved.new) == (f"tagged to {iz}", f"incident {spare} 'Spare'",
                                                  iz)
    what, old, new = one("incident-deleted")
    assert what == f"incident {gone} 'Gone' deleted (1 photo untagged)"
    assert old == "name: Gone; description: to be deleted" and new is None
    assert one("untag", c)[0] == f"untagged from incident {gone}"  # its name is gone with it
    assert one("duplicate-marked", d)[0] == f"marked as duplicate of photo {a} (exact, " \
                                            "distance 0)"
    assert one("not-duplicate")[0] == f"marked as not duplicates of each other: photos {b}, {c}"
    imports = found("import")
    assert len(imports) == 4 and all(line.what.startswith("imported from ")
                                     and "/card/IMG_0000" in line.what for line in imports)
    assert all(line.new and line.new.startswith("SHA-256 ") and "stored as originals/"
               in line.new for line in imports)
    sources = found("add-source")
    second_card = Path(catalogue.layout.root).parent / "second card" / "IMG_00000.JPG"
    assert len(sources) == 2 and all(line.what.startswith("also found at ") for line in sources)
    assert f"also found at {second_card} (import 2, already in the catalogue)" in [
        line.what for line in sources]
    assert "could not take" in one("import-failed")[0] and "broken.jpg" in one(
        "import-failed")[0]
    assert [line.what for line in found("import-finished")] == [
        "import 1 finished: 4 imported, 1 already present, 1 failed",
        "import 2 finished: 0 imported, 1 already present, 0 failed"]
    assert one("import-cancelled")[0].startswith("import 3 cancelled: ")
    assert found("import-started")[0].what == (
        f"import 1 started from {Path(catalogue.layout.root).parent / 'card'}")
    assert one("verify")[0] == "catalogue verified: 4 originals checked, no problems"
    assert one("head-signed")[0].startswith("custody log head signed at entry ")
    assert one("export-package")[0].startswith("evidence package exported to ")
    assert "4 photos" in one("export-package")[0]
    assert one("export-gallery")[0].startswith("gallery exported to ")
    assert one("export-csv")[0].startswith("CSV exported to ") and "4 photos" in one(
        "export-csv")[0]
    assert one("backup")[0].startswith("backed up to ") and "4 originals copied" in one(
        "backup")[0]

    capsys.readouterr()
    assert cli_main(["--catalogue", str(catalogue.layout.root), "log", "--photo", str(a)]) == 0
    printed = capsys.readouterr().out.splitlines()
    mine = [e for e in entries if e.photo_id == a]
    assert len(printed) == len(mine)
    for text, entry in zip(printed, mine, strict=True):
        assert text == f"{entry.id:>6}  {history.describe(entry, names).text()}"
    assert any(f"photo {a}: tagged to {bu} (was {iz})" in text for text in printed)
