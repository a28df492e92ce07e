"""verify --against what was given out: a signed head, an evidence package, a gallery, each made
before a consistent rewrite of the log, finds where the histories part."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from catalog_app import cli
from catalog_app.core import signing
from catalog_app.core.custody import canonical_details
from catalog_app.db.catalogue import Catalogue
from catalog_app.export import trust
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from catalog_app.services.against import check_against
from catalog_app.services.head import sign_head
from tests.conftest import ACTOR
from tests.export.conftest import Mission
from tests.support.log_rewrite import rewrite_log

FORGED = "Staged by the victims"


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "team.key"
    signing.make_key(path)
    return path


def rewrite_from(catalogue: Catalogue, k: int, caption: str, **change: object) -> None:
    """A consistent rewrite behind the app's back: entry k (a caption entry) gets another
    caption, in the photo's row too (or `change` is merged into its details), every hash from
    k on recomputed (tests/support/log_rewrite.py)."""
    conn = sqlite3.connect(catalogue.layout.db_path)
    try:
        with conn:
            if not change:
                action, photo = conn.execute("SELECT action, photo_id FROM custody_log"
                                             " WHERE id = ?", (k,)).fetchone()
                assert action == "caption"
                conn.execute("UPDATE photos SET caption = ? WHERE id = ?", (caption, photo))
                change = {"new": caption}
            rewrite_log(conn, k, change)
    finally:
        conn.close()


def last_caption_entry(catalogue: Catalogue, skip: int | None = None) -> tuple[int, int, str]:
    """(entry id, photo id, caption) of the last caption entry (not of photo `skip`)."""
    entry = next(e for e in reversed(catalogue.custody_log())
                 if e.action == "caption" and e.photo_id != skip)
    return entry.id, entry.photo_id or 0, entry.details["new"]


def package(mission: Mission, out: Path, key: Path | None = None) -> Path:
    list(PackageExport(mission.catalogue, out, Selection(), ACTOR, sign_with=key).run())
    return out


def test_an_untouched_catalogue_extends_all_it_gave_out(mission: Mission, tmp_path: Path,
                                                        key: Path, capsys) -> None:
    catalogue = mission.catalogue
    head = sign_head(catalogue, key, tmp_path, ACTOR).text_file
    pkg = package(mission, tmp_path / "pkg", key)
    site = tmp_path / "site"
    list(GalleryExport(catalogue, site, GalleryOptions(), ACTOR, workers=0).run())
    catalogue.set_caption(mission.hostile, "A later caption", ACTOR)  # the log goes on
    trusted = trust.load([Path(f"{key}.pub")])
    for given in (head, pkg, site):
        report = check_against(catalogue, given, trusted)
        assert report.problems == [] and report.held_at, (given, report)
        assert report.notes[-1].startswith("This catalogue's log holds the ")
        assert " and extends it by " in report.notes[-1], report.notes
    assert check_against(catalogue, pkg, trusted).compared > 20
    # whose key signed a package does not change what this catalogue holds of it; a head's does
    untrusted = check_against(catalogue, pkg, trust.Trust())
    assert untrusted.ok and "which you have not said to trust" in untrusted.notes[0]
    assert not check_against(catalogue, head, trust.Trust()).ok
    root = str(catalogue.layout.root)
    assert cli.main(["--catalogue", root, "verify", "--against", str(pkg), "--key",
                     f"{key}.pub"]) == 0
    assert "this catalogue extends it" in capsys.readouterr().out


def test_a_rewrite_is_found_against_an_earlier_package(mission: Mission, tmp_path: Path,
                                                       capsys) -> None:
    catalogue = mission.catalogue
    k, photo, caption = last_caption_entry(catalogue, skip=mission.hostile)
    catalogue.set_caption(mission.hostile, "Written after entry k", ACTOR)
    pkg = package(mission, tmp_path / "pkg")
    rewrite_from(catalogue, k, FORGED)
    assert catalogue.custody_chain_problems() == []  # the log holds together on its own
    report = check_against(catalogue, pkg, trust.Trust())
    assert (report.parted_at, report.parted_exactly) == (k, True)
    assert report.problems == [
        f"Entry {k} differs: the package's copy says caption {caption!r}, this catalogue's "
        f"says caption {FORGED!r}."]
    root = str(catalogue.layout.root)
    assert cli.main(["--catalogue", root, "verify", "--against", str(pkg), "--json"]) == 1
    said = json.loads(capsys.readouterr().out)
    assert (said["ok"], said["kind"], said["parted_at"]) == (False, "evidence package", k)
    assert photo


def test_a_rewrite_is_found_against_a_signed_head(mission: Mission, tmp_path: Path,
                                                  key: Path, capsys) -> None:
    catalogue = mission.catalogue
    catalogue.set_caption(mission.hostile, "Checked on site", ACTOR)
    k, _, _ = last_caption_entry(catalogue)
    assert catalogue.custody_head()[0] == k  # the head signed is entry k itself
    head = sign_head(catalogue, key, tmp_path / "head", ACTOR).text_file
    rewrite_from(catalogue, k, FORGED)
    report = check_against(catalogue, head, trust.load([Path(f"{key}.pub")]))
    assert report.signature == "trusted" and report.parted_at == k
    assert len(report.problems) == 1 and report.problems[0].startswith(
        f"Entry {k} differs: the signed head records its hash as ")
    root = str(catalogue.layout.root)
    # without a trusted key, the head's signature is reported too, and still exit 1
    assert cli.main(["--catalogue", root, "verify", "--against", str(head), "--json"]) == 1
    said = json.loads(capsys.readouterr().out)
    assert said["signature"] == "untrusted" and said["parted_at"] == k
    assert any("which you have not said to trust" in p for p in said["problems"])


def test_a_forged_head_signature_is_invalid(mission: Mission, tmp_path: Path,
                                            key: Path) -> None:
    signed = sign_head(mission.catalogue, key, tmp_path, ACTOR)
    head, count = signed.text_file, signed.entry
    head.write_text(head.read_text().replace(signed.sha256, "0" * 64))
    report = check_against(mission.catalogue, head, trust.load([Path(f"{key}.pub")]))
    assert report.signature == "invalid"
    assert "The signature of head.txt does not verify: it was changed after signing." in \
        report.problems
    assert count


def test_a_rewrite_is_found_against_a_gallery(mission: Mission, tmp_path: Path) -> None:
    catalogue = mission.catalogue
    catalogue.set_caption(mission.hostile, "Checked on site", ACTOR)
    k, _, _ = last_caption_entry(catalogue)
    assert catalogue.custody_head()[0] == k  # the gallery is made from entry k
    site = tmp_path / "site"
    list(GalleryExport(catalogue, site, GalleryOptions(), ACTOR, workers=0).run())
    marker = json.loads((site / ".catalog-app-export.json").read_text())
    assert marker["custody_head"] == catalogue.custody_log()[k - 1].entry_hash
    assert not any(str(value) == str(k) for value in marker.values())  # no entry count
    rewrite_from(catalogue, k, FORGED)
    report = check_against(catalogue, site, trust.Trust())
    assert report.parted_at == k
    assert report.problems == [
        f"This catalogue's log no longer holds the head the gallery was made from (hash "
        f"{marker['custody_head'][:16]}…): its entry {k + 1} records making that gallery, so "
        f"the histories part at or before entry {k}."]


def test_a_cut_tail_and_an_edited_entry_are_found(mission: Mission, tmp_path: Path,
                                                  key: Path) -> None:
    catalogue = mission.catalogue
    count = catalogue.custody_head()[0]
    head = sign_head(catalogue, key, tmp_path, ACTOR).text_file
    trusted = trust.load([Path(f"{key}.pub")])
    with sqlite3.connect(catalogue.layout.db_path) as conn:
        conn.execute("DROP TRIGGER custody_log_no_delete")
        conn.execute("DELETE FROM custody_log WHERE id >= ?", (count - 2,))
    report = check_against(catalogue, head, trusted)
    assert report.problems == [
        f"The signed head holds entry {count}, but this catalogue's log has no entry {count} "
        f"(it ends at entry {count - 3}): its history was cut or rewritten."]
    other = Catalogue.open(tmp_path / "second", create=True)
    try:  # another catalogue holds nothing of it
        assert check_against(other, head, trusted).parted_at == count
    finally:
        other.close()


def test_an_entry_edited_without_its_hash_is_found_below_a_matching_head(
        mission: Mission, tmp_path: Path, key: Path) -> None:
    catalogue = mission.catalogue
    k, _, _ = last_caption_entry(catalogue)
    head = sign_head(catalogue, key, tmp_path, ACTOR).text_file
    with sqlite3.connect(catalogue.layout.db_path) as conn:
        conn.execute("DROP TRIGGER custody_log_no_update")
        text = conn.execute("SELECT details FROM custody_log WHERE id = ?", (k,)).fetchone()[0]
        conn.execute("UPDATE custody_log SET details = ? WHERE id = ?",
                     (canonical_details({**json.loads(text), "new": FORGED}), k))
    report = check_against(catalogue, head, trust.load([Path(f"{key}.pub")]))
    assert report.parted_at == k
    assert report.problems == [
        f"This catalogue's entry {k} (caption) was altered after it was written: the head "
        "given out still matches, but not the entries leading to it."]


def test_what_is_not_given_out_is_a_usage_error(mission: Mission, tmp_path: Path,
                                                capsys) -> None:
    (tmp_path / "empty").mkdir()
    root = str(mission.catalogue.layout.root)
    assert cli.main(["--catalogue", root, "verify", "--against", str(tmp_path / "empty")]) == 2
    assert capsys.readouterr().err == (
        f"catalog-app: {tmp_path / 'empty'} is neither a signed head (head.txt), an evidence "
        "package nor a gallery folder.\n")


def test_a_rewrite_of_an_entry_the_package_does_not_carry_is_placed(mission: Mission,
                                                                    tmp_path: Path) -> None:
    catalogue = mission.catalogue
    k = next(e.id for e in catalogue.custody_log()
             if e.action == "caption" and e.photo_id == mission.restricted)
    pkg = package(mission, tmp_path / "pkg")  # the restricted photo is withheld, and its log
    carried = [json.loads(line)["id"] for line in
               (pkg / "custody_log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert k not in carried and k + 1 in carried  # ... but the next entry names k's hash
    rewrite_from(catalogue, k, FORGED)
    report = check_against(catalogue, pkg, trust.Trust())
    assert (report.parted_at, report.parted_exactly) == (k, True)
    assert len(report.problems) == 1 and report.problems[0].startswith(
        f"Entry {k} differs: the package records its hash as ")
    assert report.problems[0].endswith(f"the histories part at entry {k}.")


def test_a_packages_zip_is_checked_as_its_folder(mission: Mission, tmp_path: Path, key: Path,
                                                 capsys) -> None:
    out = tmp_path / "pkg"
    list(PackageExport(mission.catalogue, out, Selection(), ACTOR, make_zip=True,
                       sign_with=key).run())
    archive = tmp_path / "pkg.zip"
    root = str(mission.catalogue.layout.root)
    assert cli.main(["verify-package", str(archive), "--key", f"{key}.pub", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["signature"] == "trusted" and said["files"] > 10
    assert cli.main(["--catalogue", root, "verify", "--against", str(archive)]) == 0
    assert "this catalogue extends it" in capsys.readouterr().out


def test_a_rewrite_between_the_entries_a_package_carries_is_bounded(mission: Mission,
                                                                    tmp_path: Path) -> None:
    catalogue = mission.catalogue
    catalogue.record_event("note", {"text": "a"}, ACTOR)
    k = catalogue.custody_head()[0]
    catalogue.record_event("note", {"text": "b"}, ACTOR)  # neither is carried by a package
    catalogue.set_caption(mission.hostile, "After the notes", ACTOR)
    pkg = package(mission, tmp_path / "pkg")
    rewrite_from(catalogue, k, "", text="rewritten")
    report = check_against(catalogue, pkg, trust.Trust())
    assert (report.parted_at, report.parted_exactly) == (k + 1, False)
    assert len(report.problems) == 1
    assert report.problems[0].startswith(f"Entry {k + 1} differs: the package records its "
                                         "hash as ")
    assert f" and {k + 1} (the package does not carry the ones in between)." in \
        report.problems[0]


def test_a_checkpoints_text_and_signature_count_as_a_signed_head(mission: Mission,
                                                                 tmp_path: Path,
                                                                 key: Path) -> None:
    from catalog_app.core.anchors import head_text

    catalogue = mission.catalogue
    entries, digest = catalogue.custody_head()
    text = tmp_path / f"head-{entries}.txt"  # as a checkpoint is written out for OpenSSL
    text.write_bytes(head_text(entries, digest))
    signing.sign_file(signing.load_private(key), text)
    text.with_name(text.name + ".sig").rename(text.with_suffix(".sig"))
    report = check_against(catalogue, text, trust.load([Path(f"{key}.pub")]))
    assert (report.ok, report.signature, report.held_at) == (True, "trusted", entries)
