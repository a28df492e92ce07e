"""verify-package: whose signature it is (trusted, untrusted, invalid, unsigned), and a manifest
that contradicts its own custody log, from a catalogue edited behind the app's back."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from catalog_app import cli
from catalog_app.core import signing
from catalog_app.export import trust
from catalog_app.export.check import check_package
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from tests.conftest import ACTOR
from tests.export.conftest import Mission


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "team.key"
    signing.make_key(path)
    return path


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch) -> Path:
    """A config folder of the test's own: the person's real trusted keys are never read."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def export(mission: Mission, out: Path, key: Path | None = None) -> Path:
    list(PackageExport(mission.catalogue, out, Selection(), ACTOR, sign_with=key).run())
    return out


def behind_the_back(mission: Mission, sql: str, *params) -> None:
    """An edit with the sqlite3 module, as someone holding the catalogue's files could make."""
    with sqlite3.connect(mission.catalogue.layout.db_path) as conn:
        assert conn.execute(sql, params).rowcount == 1


def verify_package(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["verify-package", *args])
    return code, capsys.readouterr().out


def fingerprint(key: Path) -> str:
    return signing.fingerprint(signing.load_private(key).public_key())


# -- the manifest against its own custody log ---------------------------------------------

def test_an_untouched_package_passes_with_its_manifest_checked(mission: Mission, tmp_path: Path,
                                                               key: Path, capsys) -> None:
    entries, head = mission.catalogue.custody_head()
    out = export(mission, tmp_path / "pkg", key)
    report = check_package(out, trust.load([Path(f"{key}.pub")]))
    assert report.problems == [] and report.signature == "trusted"
    event = mission.catalogue.custody_log()[-1]  # the export records the head it was made from
    assert event.action == "export-package"
    assert event.details["custody_head"] == {"entries": entries, "sha256": head}
    assert (out / "custody_head.txt").read_text() == f"{entries} {head}\n"
    code, said = verify_package(capsys, str(out), "--key", f"{key}.pub")
    assert code == 0, said
    assert f"signed by trusted key {fingerprint(key)}: no problems found, but its history is " \
           "not proven." in said  # the mission's catalogue has no anchors


def test_a_caption_changed_in_the_table_contradicts_the_packages_log(
        mission: Mission, tmp_path: Path, key: Path, capsys) -> None:
    photo, caption_entry = next((e.photo_id, e.id) for e in mission.catalogue.custody_log()
                                if e.action == "caption" and e.photo_id != mission.hostile)
    behind_the_back(mission, "UPDATE photos SET caption = 'Staged by the victims' WHERE id = ?",
                    photo)
    out = export(mission, tmp_path / "pkg", key)  # signed, its SHA256SUMS all consistent
    report = check_package(out, trust.load([Path(f"{key}.pub")]))
    assert report.signature == "trusted"
    assert report.problems == [
        f"Manifest row for p{photo} says caption 'Staged by the victims', its custody record "
        f"(entry {caption_entry}) says 'Caption of photo {photo}'."]
    code, said = verify_package(capsys, str(out), "--key", f"{key}.pub")
    assert code == 1 and "'Staged by the victims'" in said


def test_a_cleared_restricted_flag_and_an_edited_incident_are_found(
        mission: Mission, tmp_path: Path) -> None:
    behind_the_back(mission, "UPDATE photos SET restricted = 0 WHERE id = ?", mission.restricted)
    behind_the_back(mission, "UPDATE incidents SET description = 'Nothing happened here'"
                             " WHERE id = ?", mission.hospital)
    problems = check_package(export(mission, tmp_path / "pkg")).problems
    assert any(p.startswith(f"Manifest row for p{mission.restricted} says restricted False, "
                            "its custody record (entry ") and p.endswith("says True.")
               for p in problems), problems
    assert any(p.startswith(f"incidents.json says incident {mission.hospital}'s description is"
                            " 'Nothing happened here'") for p in problems), problems


def test_a_clock_offset_and_a_duplicate_link_changed_in_the_tables_are_found(
        mission: Mission, tmp_path: Path) -> None:
    catalogue = mission.catalogue
    photo = next(p for p in catalogue.photos() if p.incident and not p.restricted
                 and p.capture.camera.model and p.duplicate_of is None)
    catalogue.set_clock(photo.capture.camera, 3600, "the camera ran an hour slow", ACTOR)
    clock_entry = catalogue.custody_log()[-1].id
    copy = catalogue.photo(mission.copies[0])
    with sqlite3.connect(catalogue.layout.db_path) as conn:
        assert conn.execute("UPDATE camera_clocks SET offset_s = 0").rowcount == 1
        assert conn.execute("DELETE FROM duplicate_links WHERE photo_id = ?",
                            (copy.id,)).rowcount == 1
    problems = check_package(export(mission, tmp_path / "pkg")).problems
    assert f"Manifest row for p{photo.id} says clock_offset_s 0, its camera's clock record " \
           f"(entry {clock_entry}) says 3600." in problems
    assert any(p.startswith(f"Manifest row for p{copy.id} says duplicate_of nothing, its "
                            f"duplicate record (entry ") and p.endswith(
                                f"says {copy.duplicate_of}.") for p in problems), problems


def test_gps_and_camera_changed_in_the_table_contradict_the_originals_exif(
        mission: Mission, tmp_path: Path) -> None:
    photo = next(p for p in mission.catalogue.photos() if p.capture.gps is not None
                 and not p.restricted and p.incident)
    behind_the_back(mission, "UPDATE photos SET gps_lat = 48.0, camera_model = 'X100'"
                             " WHERE id = ?", photo.id)
    problems = check_package(export(mission, tmp_path / "pkg")).problems
    assert f"Manifest row for p{photo.id} says gps_lat 48.0, its original's EXIF says " \
           f"{photo.capture.gps.lat}." in problems
    assert f"Manifest row for p{photo.id} says camera_model 'X100', its original's EXIF says " \
           f"{photo.capture.camera.model!r}." in problems


def test_a_package_of_the_real_corpus_passes(imported_corpus, tmp_path: Path) -> None:
    """Every corpus photo's EXIF (odd makers, HEIC, no EXIF at all) reads as its manifest."""
    catalogue, _, _ = imported_corpus
    out = tmp_path / "pkg"
    job = PackageExport(catalogue, out, Selection(include_untagged=True), ACTOR)
    list(job.run())
    assert job.summary.photos > 50
    report = check_package(out)
    assert report.problems == [] and report.signature == "unsigned"


def test_gps_changed_in_the_table_contradicts_the_import_record(mission: Mission,
                                                               tmp_path: Path) -> None:
    log = mission.catalogue.custody_log()
    if not any(e.action == "import" and "photo" in e.details for e in log):
        pytest.skip("the import entries do not record the photo's columns yet (statelog)")
    photo = next(p for p in mission.catalogue.photos() if p.capture.gps is not None
                 and not p.restricted)
    behind_the_back(mission, "UPDATE photos SET gps_lat = 48.0 WHERE id = ?", photo.id)
    problems = check_package(export(mission, tmp_path / "pkg")).problems
    assert any(p.startswith(f"Manifest row for p{photo.id} says gps_lat 48.0, its custody "
                            "record (entry ") for p in problems), problems


# -- the check itself, on logs written in the contract's format ------------------------------

def _import(entry: int, photo: int, **columns) -> dict:
    values = {"sha256": f"{photo:064x}", "format": "JPEG", "size_bytes": 1000, "width": 640,
              "height": 480, "taken_at": "2022-03-04T10:00:00+02:00",
              "taken_at_utc": "2022-03-04T08:00:00Z", "time_source": "exif_offset",
              "gps_lat": 50.45, "gps_lon": 30.52, "gps_alt": None, "camera_make": "Canon",
              "camera_model": "EOS", "camera_serial": None, **columns}
    return {"id": entry, "action": "import", "photo_id": photo,
            "details": {"sha256": values["sha256"], "photo": values}}


def _row(photo: int, **values) -> dict:
    entry = _import(0, photo)["details"]["photo"]
    return {"id": photo, **entry, "caption": "", "incident_id": None, "incident": None,
            "graphic": False, "restricted": False, "caption_needs_review": False,
            "keywords": [], **values}


def test_each_recorded_value_is_compared_with_the_log() -> None:
    from catalog_app.export.manifest_check import check

    entries = [_import(12, 12),
               {"id": 13, "action": "incident-added", "photo_id": None,
                "details": {"incident": 3, "name": "Strike", "description": "A strike."}},
               {"id": 14, "action": "tag", "photo_id": 12,
                "details": {"incident": 3, "previous": None}},
               {"id": 15, "action": "caption", "photo_id": 12,
                "details": {"old": "", "new": "Kyiv, 4 March"}},
               {"id": 16, "action": "keywords", "photo_id": 12,
                "details": {"added": ["strike", "school"], "removed": []}},
               {"id": 17, "action": "keywords", "photo_id": 12,
                "details": {"added": [], "removed": ["school"]}}]
    honest = _row(12, caption="Kyiv, 4 March", incident_id=3, incident="Strike",
                  keywords=["strike"])
    assert check([honest], [{"id": 3, "name": "Strike", "description": "A strike."}],
                 entries).problems == []
    # the same moment written another way is the same value
    assert check([{**honest, "taken_at_utc": "2022-03-04T08:00:00+00:00"}], [],
                 entries).problems == []
    forged = {**honest, "taken_at": "2021-03-04T10:00:00+02:00", "gps_lon": 31.0,
              "keywords": ["strike", "school"], "incident": "Exercise"}
    assert check([forged], [], entries).problems == [
        "Manifest row for p12 says taken_at '2021-03-04T10:00:00+02:00', its custody record "
        "(entry 12) says '2022-03-04T10:00:00+02:00'.",
        "Manifest row for p12 says gps_lon 31.0, its custody record (entry 12) says 30.52.",
        "Manifest row for p12 says keywords ['strike', 'school'], its custody record "
        "(entry 17) says ['strike'].",
        "Manifest row for p12 says incident 'Exercise', incident 3's custody record says "
        "'Strike'."]
    assert check([_row(99)], [], entries).problems == [
        "Manifest row for p99 has no import entry in the package's custody log."]


def test_clock_and_duplicate_decisions_are_checked_when_the_log_carries_them() -> None:
    from catalog_app.export.manifest_check import check

    entries = [_import(1, 1), _import(2, 2), _import(3, 3),
               {"id": 4, "action": "duplicate-marked", "photo_id": 2,
                "details": {"keeper": 1, "kind": "exact", "distance": 0}},
               {"id": 5, "action": "duplicate-marked", "photo_id": 3,
                "details": {"keeper": 1, "kind": "near", "distance": 4}},
               {"id": 6, "action": "not-duplicate", "photo_id": None,
                "details": {"photos": [1, 3]}},
               {"id": 7, "action": "clock-correction", "photo_id": None, "details": {
                   "camera": {"make": "Canon", "model": "EOS", "serial": None},
                   "old_offset_s": None, "new_offset_s": -120, "reason": "", "photos": 3}}]
    rows = [_row(1, clock_offset_s=-120, duplicate_of=None),
            _row(2, clock_offset_s=-120, duplicate_of=1),
            _row(3, clock_offset_s=-120, duplicate_of=None)]
    covers = ["photos", "incidents", "camera clocks", "duplicate decisions"]
    assert check(rows, [], entries, covers).problems == []
    rows[2] = {**rows[2], "duplicate_of": 1, "clock_offset_s": 0}
    assert check(rows, [], entries, covers).problems == [
        "Manifest row for p3 says clock_offset_s 0, its camera's clock record (entry 7) says "
        "-120.",
        "Manifest row for p3 says duplicate_of 1, the package's custody log (no duplicate "
        "link for it) says nothing."]
    # a package made before its log carried these decisions is not held to them
    assert check(rows, [], entries[:3]).problems == []


def test_a_baseline_entry_records_an_older_catalogues_photo() -> None:
    from catalog_app.export.manifest_check import check

    columns = _import(0, 7)["details"]["photo"]
    baseline = {"id": 40, "action": "photo-baseline", "photo_id": 7, "details": {
        "photo": columns, "caption": "Before the upgrade", "incident": None, "graphic": True,
        "restricted": False, "caption_review": True, "keywords": ["old"]}}
    row = _row(7, caption="Before the upgrade", graphic=True, caption_needs_review=True,
               keywords=["old"])
    incident = {"id": 41, "action": "incident-baseline", "photo_id": None, "details": {
        "incident": 2, "values": {"name": "Shelling", "description": "", "archived": 1}}}
    assert check([row], [{"id": 2, "name": "Shelling", "description": "", "archived": True}],
                 [baseline, incident]).problems == []
    assert check([{**row, "graphic": False}], [], [baseline]).problems == [
        "Manifest row for p7 says graphic False, its custody record (entry 40) says True."]


def test_values_an_older_log_does_not_hold_are_noted_not_failed() -> None:
    from catalog_app.export.manifest_check import check

    old = {"id": 5, "action": "import", "photo_id": 7,
           "details": {"import": 1, "sha256": f"{7:064x}", "path": "/x.jpg"}}
    found = check([_row(7, gps_lat=1.0)], [], [old])
    assert found.problems == []
    assert found.notes == [
        "The capture metadata (time, GPS, camera) of p7 is not recorded in the log: their "
        "import entries were made before the log recorded it, so those manifest values are "
        "unchecked."]
    # what an older log does hold is still checked: the hash, and the caption (empty)
    assert check([_row(7, sha256="f" * 64, caption="Forged")], [], [old]).problems == [
        f"Manifest row for p7 says sha256 '{'f' * 64}', its custody record (entry 5) says "
        f"'{7:064x}'.",
        "Manifest row for p7 says caption 'Forged', its custody record (entry 5) says ''."]
    # a new-format entry that lacks a column the manifest gives is a problem
    partial = _import(5, 7)
    del partial["details"]["photo"]["gps_lat"]
    assert check([_row(7)], [], [partial]).problems == [
        "Manifest row for p7 gives gps_lat 50.45, which its custody record (entry 5) does "
        "not record."]


# -- whose signature ----------------------------------------------------------------------

def test_a_valid_signature_by_a_key_nobody_trusts_is_not_signed(mission: Mission,
                                                                 tmp_path: Path, key: Path,
                                                                 capsys) -> None:
    out = export(mission, tmp_path / "pkg", key)
    code, said = verify_package(capsys, str(out))
    assert code == 1
    assert f"The signature of SHA256SUMS is valid, but by key {fingerprint(key)}, which you " \
           "have not said to trust" in said
    assert "signed by trusted" not in said
    code, said = verify_package(capsys, str(out), "--json")
    report = json.loads(said)
    assert (code, report["signature"], report["signed_by"], report["key"]) == (
        1, "untrusted", None, fingerprint(key))
    other = tmp_path / "other.key"
    signing.make_key(other)  # trusting another key does not make this one trusted
    code, said = verify_package(capsys, str(out), "--key", f"{other}.pub", "--json")
    assert (code, json.loads(said)["signature"]) == (1, "untrusted")


def test_trusted_keys_come_from_a_file_or_the_config_folder(mission: Mission, tmp_path: Path,
                                                            key: Path, own_config: Path,
                                                            capsys) -> None:
    out = export(mission, tmp_path / "pkg", key)
    listed = tmp_path / "trusted.txt"
    spaced = " ".join(fingerprint(key)[i:i + 4] for i in range(0, 64, 4))
    listed.write_text(f"# the team's keys\n{'0' * 64} old laptop\n{spaced}\n")
    code, said = verify_package(capsys, str(out), "--trusted-keys", str(listed), "--json")
    assert (code, json.loads(said)["signature"]) == (0, "trusted"), said
    default = own_config / "catalog_app" / "trusted-keys"
    default.parent.mkdir(parents=True)
    default.write_bytes(b"# pasted from the team's email\n" + Path(f"{key}.pub").read_bytes())
    code, said = verify_package(capsys, str(out), "--json")
    assert (code, json.loads(said)["signed_by"]) == (0, fingerprint(key)), said
    default.write_text("not a key\n")
    assert cli.main(["verify-package", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (f"catalog-app: Line 1 of {default} is neither a public key nor a SHA-256 "
                   "key fingerprint.\n")


def test_an_invalid_signature_and_an_unsigned_package(mission: Mission, tmp_path: Path,
                                                      key: Path, capsys) -> None:
    out = export(mission, tmp_path / "pkg", key)
    sig = out / "SHA256SUMS.sig"
    sig.write_bytes(bytes([sig.read_bytes()[0] ^ 1]) + sig.read_bytes()[1:])
    code, said = verify_package(capsys, str(out), "--key", f"{key}.pub", "--json")
    report = json.loads(said)
    assert (code, report["signature"], report["signed_by"]) == (1, "invalid", None)
    assert "The signature of SHA256SUMS does not verify: the files or the signature were " \
           "changed after signing." in report["problems"]
    plain = export(mission, tmp_path / "plain")
    code, said = verify_package(capsys, str(plain))
    assert code == 0 and said.rstrip().endswith("; not signed: no problems found, but its "
                                                 "history is not proven.")
    code, said = verify_package(capsys, str(plain), "--key", f"{key}.pub", "--json")
    report = json.loads(said)
    assert (code, report["signature"]) == (1, "unsigned")
    assert report["problems"] == ["The package is not signed, but a key to check it with was "
                                  "given."]


# -- what the README tells a stranger ------------------------------------------------------

def test_the_readmes_commands_work_as_written(mission: Mission, tmp_path: Path,
                                              key: Path) -> None:
    out = export(mission, tmp_path / "pkg", key)
    readme = (out / "README.txt").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.splitlines()
                if line.strip().startswith(("sha256sum ", "openssl "))]
    assert commands[:3] == [
        "sha256sum -c SHA256SUMS",
        "openssl pkeyutl -verify -pubin -inkey signing-key.pub -rawin -in SHA256SUMS "
        "-sigfile SHA256SUMS.sig",
        "openssl pkey -pubin -in signing-key.pub -outform DER | tail -c 32 | sha256sum"]
    assert any(c.startswith("openssl ts -verify -data anchors/") for c in commands)
    assert "anchors/" in readme
    if shutil.which("openssl") is None or shutil.which("sha256sum") is None:
        pytest.skip("openssl or sha256sum is not installed")
    for command in commands[:3]:
        done = subprocess.run(command, shell=True, cwd=out, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stderr)
        if command.startswith("openssl pkey "):
            assert done.stdout.split()[0] == fingerprint(key)
        if command.startswith("openssl pkeyutl"):
            assert "Signature Verified Successfully" in done.stdout


def test_an_entry_rewritten_in_the_package_with_its_own_hash_breaks_the_links(
        mission: Mission, tmp_path: Path) -> None:
    from catalog_app.core.custody import canonical_details, entry_hash
    from catalog_app.core.models import Actor
    from catalog_app.export import check, folder

    out = export(mission, tmp_path / "pkg")
    log = out / "custody_log.jsonl"
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    ids = {e["id"] for e in entries}
    target = next(e for e in entries if e["id"] + 1 in ids)
    target["at"] = "2022-02-24T04:00:00.000000Z"  # moved in time, its own hash recomputed
    target["entry_hash"] = entry_hash(
        target["prev_hash"], target["at"],
        Actor(target["operator"], target["machine"], target["app_version"]), target["action"],
        target["photo_id"], canonical_details(target["details"]))
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries),
                   encoding="utf-8")
    folder.write_text(out / "SHA256SUMS", check.sums_for(out))  # an unsigned package, re-summed
    assert check_package(out).problems == [
        f"custody_log.jsonl entry {target['id'] + 1} does not follow entry {target['id']} (it "
        "names another hash before it)."]
    (out / "custody_head.txt").write_text(f"{min(ids)} {'0' * 64}\n")
    folder.write_text(out / "SHA256SUMS", check.sums_for(out))
    problems = check_package(out).problems
    assert f"custody_log.jsonl holds entry {sorted(ids)[1]}, beyond the head (entry " \
           f"{min(ids)}) custody_head.txt names." in problems
    assert f"custody_head.txt names another hash for entry {min(ids)} than custody_log.jsonl " \
           "gives it." in problems


def test_a_replaced_original_and_a_moved_capture_time_are_found(mission: Mission,
                                                                tmp_path: Path) -> None:
    import hashlib

    catalogue = mission.catalogue
    photo = next(p for p in catalogue.photos() if p.incident and not p.restricted
                 and p.capture.taken_at is not None and p.format == "JPEG")
    forged = catalogue.layout.resolve(photo.stored_path).read_bytes() + b"\0" * 16
    sha = hashlib.sha256(forged).hexdigest()
    relative = catalogue.layout.original_relpath(sha, ".jpg")
    (catalogue.layout.root / relative).parent.mkdir(parents=True, exist_ok=True)
    (catalogue.layout.root / relative).write_bytes(forged)
    behind_the_back(mission, "UPDATE photos SET sha256 = ?, stored_path = ?, size_bytes = ?"
                             " WHERE id = ?", sha, relative, len(forged), photo.id)
    other = next(p for p in catalogue.photos() if p.incident and not p.restricted
                 and p.capture.taken_at is not None and p.id != photo.id)
    behind_the_back(mission, "UPDATE photos SET taken_at = '2021-01-01T00:00:00' WHERE id = ?",
                    other.id)
    problems = check_package(export(mission, tmp_path / "pkg")).problems
    assert any(p.startswith(f"Manifest row for p{photo.id} says sha256 '{sha}', its custody "
                            f"record (entry ") and p.endswith(f"says '{photo.sha256}'.")
               for p in problems), problems
    assert f"Manifest row for p{other.id} says taken_at '2021-01-01T00:00:00', its " \
           f"original's EXIF says {other.capture.taken_at.isoformat()!r}." in problems
