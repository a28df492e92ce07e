"""Evidence packages carry their log's anchors (signed checkpoints, RFC 3161 tokens), and a
stranger checks them: verify-package, verify --against, and the README's openssl commands."""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from catalog_app import cli
from catalog_app.core import keys, signing
from catalog_app.core.anchors import head_text
from catalog_app.core.custody import entry_hash
from catalog_app.core.models import Actor, Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.check import sums_for
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from catalog_app.services.importing import ImportJob
from catalog_app.services.keys import register_key, session_key
from catalog_app.services.timestamps import stamp_heads
from tests.conftest import ACTOR
from tests.services.test_checkpoints import PASSPHRASE
from tests.support.local_tsa import LocalTsa
from tests.support.log_rewrite import rewrite_log
from tests.support.synthetic import make_jpegs

UNTRUSTED_SUMS = "The signature of SHA256SUMS is valid, but by key "


@dataclass
class Signed:
    root: Path          # the catalogue
    key: Path           # the operator's (and team's) private key; key.pub is trusted
    package: Path
    ca: Path            # the local TSA's CA certificate, as the authority gives it
    tokens: list[int]   # the entries time-stamped

    @property
    def pub(self) -> Path:
        return Path(f"{self.key}.pub")

    def index(self) -> dict:
        return json.loads((self.package / "anchors" / "anchors.json").read_text())


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch) -> None:
    """A config folder of the test's own: the person's real trusted keys are never read."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def signed(tmp_path: Path, local_tsa: LocalTsa) -> Signed:
    """A catalogue signed by its session key at every write, time-stamped twice by the local
    TSA, exported as a package signed by the same key."""
    key = tmp_path / "keys" / "team.key"
    keys.make_key(key, PASSPHRASE)
    make_jpegs(tmp_path / "card", 3)
    root = tmp_path / "cat"
    tokens = []
    with Catalogue.open(root, create=True) as catalogue:
        register_key(catalogue, Path(f"{key}.pub").read_bytes(), True, ACTOR)
        session_key(catalogue, key, PASSPHRASE)
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        incident = catalogue.add_incident(Incident(0, "Market square"), ACTOR)
        ids = [p for p, _, _ in catalogue.stored_files()]
        catalogue.tag(ids, incident, ACTOR)
        catalogue.set_caption(ids[0], "A crater beside the market", ACTOR)
        for photo in ids[1:]:
            run = stamp_heads(catalogue, local_tsa.url, local_tsa.ca_pem, ACTOR)
            assert run.error is None and len(run.stamped) == 1
            tokens.append(run.stamped[0].entry)
            catalogue.set_caption(photo, f"Caption of photo {photo}", ACTOR)
        out = tmp_path / "pkg"
        list(PackageExport(catalogue, out, Selection(), ACTOR, sign_with=key).run())
    return Signed(root, key, out, local_tsa.ca_file, tokens)


def verify_package(capsys, signed: Signed, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["verify-package", str(signed.package), "--key", str(signed.pub),
                     "--tsa-ca", str(signed.ca), *extra])
    return code, capsys.readouterr().out


def resign(package: Path, tmp_path: Path) -> None:
    """What whoever holds the package can do after editing it: recompute SHA256SUMS and sign
    it with a key of their own."""
    (package / "SHA256SUMS").write_text(sums_for(package))
    attacker = tmp_path / "attacker" / "key"
    if not attacker.exists():
        signing.make_key(attacker)
    signing.sign_file(signing.load_private(attacker), package / "SHA256SUMS")


def anchor_problems(said: str) -> list[str]:
    """The report's lines but the untrusted re-signature, the notes and the summary."""
    return [line for line in said.splitlines()
            if not line.startswith((UNTRUSTED_SUMS, "The time-stamp tokens were checked",
                                    "This package's history", "Checked "))]


# -- what a package carries -----------------------------------------------------------------

def test_a_package_carries_every_checkpoint_and_token_up_to_its_head(signed: Signed) -> None:
    index = signed.index()
    head = int((signed.package / "custody_head.txt").read_text().split()[0])
    with Catalogue.open(signed.root) as catalogue:
        expected = sorted({(c.entry, c.entry_hash, c.key_fingerprint)
                           for c, _ in catalogue.checkpoints() if c.entry <= head})
        stored = {t.entry_id: t for t in catalogue.timestamps() if t.token is not None}
        assert catalogue.custody_log()[-1].details["anchors"] == {
            "checkpoints": len(expected), "timestamps": len(signed.tokens)}
    assert sorted((c["entry"], c["hash"], c["fingerprint"]) for c in index["checkpoints"]) \
        == expected
    assert [t["entry"] for t in index["timestamps"]] == signed.tokens
    fingerprint = expected[0][2]
    assert (signed.package / f"anchors/key-{fingerprint[:16]}.pub").read_bytes() == \
        signing.public_pem(signing.load_public(signed.pub.read_bytes()))
    for item in index["checkpoints"] + index["timestamps"]:
        assert (signed.package / item["head"]).read_bytes() == head_text(item["entry"],
                                                                         item["hash"])
    for entry in signed.tokens:
        assert (signed.package / f"anchors/token-{entry}.tsr").read_bytes() == \
            stored[entry].token
    listed = {line.split("  ", 1)[1] for line in
              (signed.package / "SHA256SUMS").read_text().splitlines()}
    carried = {p.relative_to(signed.package).as_posix()
               for p in (signed.package / "anchors").iterdir()}
    assert carried and carried <= listed


def test_a_gallery_carries_no_anchors(signed: Signed, tmp_path: Path) -> None:
    with Catalogue.open(signed.root) as catalogue:
        list(GalleryExport(catalogue, tmp_path / "gallery", GalleryOptions(), ACTOR,
                           workers=0).run())
    assert not (tmp_path / "gallery" / "anchors").exists()
    assert not [p for p in (tmp_path / "gallery").rglob("*") if p.suffix in (".tsr", ".sig")
                or p.name.startswith("head-")]


# -- verify-package -------------------------------------------------------------------------

def test_an_untouched_package_is_proven_up_to_its_last_anchor(signed: Signed, capsys) -> None:
    code, said = verify_package(capsys, signed)
    assert code == 0, said
    top = max(c["entry"] for c in signed.index()["checkpoints"])
    assert f"This package's history is proven up to entry {top} (signed checkpoint of " in said
    assert said.splitlines()[-1].endswith(": no problems.")
    code, said = verify_package(capsys, signed, "--json")
    report = json.loads(said)
    assert report["ok"] and report["history_proven"]
    assert report["anchors"] == len(signed.index()["checkpoints"]) + len(signed.tokens)


def test_the_carried_ca_is_used_with_a_note_and_an_untrusted_key_is_a_problem(
        signed: Signed, capsys) -> None:
    capsys.readouterr()
    code = cli.main(["verify-package", str(signed.package), "--key", str(signed.pub)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "checked against the authority's certificate the package carries" in said
    capsys.readouterr()
    code = cli.main(["verify-package", str(signed.package)])  # no key trusted at all
    said = capsys.readouterr().out
    assert code == 1, said
    checkpoints = len(signed.index()["checkpoints"])
    shown = f"{checkpoints} signed checkpoint{'s' * (checkpoints != 1)}"
    assert f"The signature of {shown} of the package's custody log (entries " in said
    assert "which you have not said to trust" in said
    # with no checkpoint trusted, only the time-stamps prove anything
    top = signed.tokens[-1]
    assert f"This package's history is proven up to entry {top} (time-stamp of " in said


def test_an_altered_checkpoint_signature_is_found(signed: Signed, tmp_path: Path,
                                                  capsys) -> None:
    checkpoint = signed.index()["checkpoints"][-1]
    sig = signed.package / checkpoint["signature"]
    data = bytearray(sig.read_bytes())
    data[10] ^= 0x01
    sig.write_bytes(bytes(data))
    resign(signed.package, tmp_path)
    code, said = verify_package(capsys, signed)
    assert code == 1, said
    assert anchor_problems(said) == [
        f"The signed checkpoint of entry {checkpoint['entry']} ({checkpoint['signature']}) "
        f"does not verify: its signature, or {checkpoint['head']}, was changed after "
        "signing."]


def test_a_swapped_token_is_found(signed: Signed, tmp_path: Path, capsys) -> None:
    first, second = signed.tokens
    anchors = signed.package / "anchors"
    shutil.copyfile(anchors / f"token-{first}.tsr", anchors / f"token-{second}.tsr")
    resign(signed.package, tmp_path)
    code, said = verify_package(capsys, signed)
    assert code == 1, said
    assert anchor_problems(said) == [
        f"The time-stamp token of entry {second} (anchors/token-{second}.tsr) does not prove "
        "it: it time-stamps other data than this head (its message imprint differs)."]


def test_an_edited_head_text_is_found(signed: Signed, tmp_path: Path, capsys) -> None:
    entry = signed.tokens[-1]  # signed at its write and time-stamped: two anchors
    head = signed.package / f"anchors/head-{entry}.txt"
    head.write_bytes(head_text(entry, hashlib.sha256(b"another history").hexdigest()))
    resign(signed.package, tmp_path)
    code, said = verify_package(capsys, signed)
    assert code == 1, said
    assert anchor_problems(said) == [
        f"anchors/head-{entry}.txt was changed after it was anchored: none of its 2 anchors "
        f"(anchors/head-{entry}.sig, anchors/token-{entry}.tsr) covers it."]


def _rewrite_caption(package: Path, text: str) -> int:
    """Rewrite the package's log consistently: the first caption entry says `text`, every
    hash from it on recomputed and relinked, the manifest made to agree."""
    lines = [json.loads(line) for line in
             (package / "custody_log.jsonl").read_text().splitlines()]
    target = next(e for e in lines if e["action"] == "caption")
    old = target["details"]["new"]
    target["details"]["new"] = text
    previous = None
    for e in lines:
        if e["id"] < target["id"]:
            continue
        if previous is not None and e["id"] == previous[0] + 1:
            e["prev_hash"] = previous[1]
        details = json.dumps(e["details"], ensure_ascii=False, sort_keys=True,
                             separators=(",", ":"))
        e["entry_hash"] = entry_hash(e["prev_hash"], e["at"],
                                     Actor(e["operator"], e["machine"], e["app_version"]),
                                     e["action"], e["photo_id"], details)
        previous = (e["id"], e["entry_hash"])
    (package / "custody_log.jsonl").write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in lines))
    head = int((package / "custody_head.txt").read_text().split()[0])
    rewritten = {e["id"]: e["entry_hash"] for e in lines}
    if head in rewritten:
        (package / "custody_head.txt").write_text(f"{head} {rewritten[head]}\n")
    for name in ("manifest.json", "manifest.csv"):
        path = package / name
        path.write_text(path.read_text().replace(old, text))
    return target["id"]


def test_a_consistently_rewritten_log_is_caught_by_an_anchor(signed: Signed, tmp_path: Path,
                                                              capsys) -> None:
    rewritten = _rewrite_caption(signed.package, "Staged by the victims")
    resign(signed.package, tmp_path)
    code, said = verify_package(capsys, signed)
    assert code == 1, said
    problems = anchor_problems(said)
    assert len(problems) == 1, said
    assert problems[0].startswith("The package's custody log was rewritten after it was "
                                  f"anchored: for entry {rewritten} custody_log.jsonl carries "
                                  "hash ")
    kinds = "signed checkpoint" + (" and time-stamp" if rewritten in signed.tokens else "")
    assert f"anchored by its {kinds} (anchors/head-{rewritten}.txt)" in problems[0]
    assert UNTRUSTED_SUMS in said  # the re-signature is by a key nobody trusts


def test_without_anchors_a_rewrite_is_unproven_not_no_problems(tmp_path: Path,
                                                               capsys) -> None:
    make_jpegs(tmp_path / "card", 2)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        incident = catalogue.add_incident(Incident(0, "Market square"), ACTOR)
        ids = [p for p, _, _ in catalogue.stored_files()]
        catalogue.tag(ids, incident, ACTOR)
        catalogue.set_caption(ids[0], "A crater beside the market", ACTOR)
        list(PackageExport(catalogue, tmp_path / "pkg", Selection(), ACTOR).run())
    assert not (tmp_path / "pkg" / "anchors").exists()
    _rewrite_caption(tmp_path / "pkg", "Staged by the victims")
    (tmp_path / "pkg" / "SHA256SUMS").write_text(sums_for(tmp_path / "pkg"))
    capsys.readouterr()
    code = cli.main(["verify-package", str(tmp_path / "pkg")])
    said = capsys.readouterr().out
    assert code == 0, said  # nothing it can show to be wrong...
    assert "This package's history is unproven: it carries no signed checkpoint" in said
    assert not said.rstrip().endswith(": no problems.")  # ...nor proven right
    assert said.splitlines()[-1].endswith("no problems found, but its history is not proven.")


# -- verify --against a package ------------------------------------------------------------

def test_verify_against_a_package_checks_its_anchors(signed: Signed, tmp_path: Path,
                                                     capsys) -> None:
    capsys.readouterr()
    argv = ["--catalogue", str(signed.root), "verify", "--against", str(signed.package),
            "--key", str(signed.pub)]
    code = cli.main(argv)
    said = capsys.readouterr().out
    assert code == 0, said
    assert "The package's anchors hold: " in said
    checkpoint = signed.index()["checkpoints"][0]
    sig = signed.package / checkpoint["signature"]
    sig.write_bytes(bytes(64))
    code = cli.main(argv)
    said = capsys.readouterr().out
    assert code == 1, said
    assert f"The signed checkpoint of entry {checkpoint['entry']} " in said


def test_verify_against_a_package_finds_a_rewrite_its_anchors_cover(
        signed: Signed, capsys) -> None:
    """The catalogue's log rewritten consistently (its own checkpoints re-signed would need
    the operator's key): the package's copies and its anchored heads show where."""
    target = signed.tokens[0] + 2  # the caption after the first time-stamp's own entry
    rewrite_log(signed.root / "catalogue.sqlite", target, {"new": "Staged by the victims"})
    capsys.readouterr()
    code = cli.main(["--catalogue", str(signed.root), "verify", "--against",
                     str(signed.package), "--key", str(signed.pub)])
    said = capsys.readouterr().out
    assert code == 1, said
    assert f"Entry {target} differs: the package's copy says caption 'Caption of photo" in said
    assert "The package's anchors hold: " in said


# -- the README's openssl commands ---------------------------------------------------------

@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_the_readmes_openssl_commands_check_an_anchor(signed: Signed) -> None:
    readme = (signed.package / "README.txt").read_text()
    pkeyutl = [line.strip() for line in readme.splitlines()
               if line.strip().startswith("openssl pkeyutl") and "anchors/" in line]
    ts = [line.strip() for line in readme.splitlines()
          if line.strip().startswith("openssl ts -verify")]
    assert len(pkeyutl) == 1 and len(ts) == 1, readme
    last = signed.index()["checkpoints"][-1]
    assert last["head"] in pkeyutl[0] and last["signature"] in pkeyutl[0]
    assert re.search(r"anchors/token-\d+\.tsr", ts[0])
    done = subprocess.run(shlex.split(pkeyutl[0]), cwd=signed.package, capture_output=True,
                          text=True)
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done
    done = subprocess.run(shlex.split(ts[0]), cwd=signed.package, capture_output=True,
                          text=True)
    assert done.returncode == 0 and "Verification: OK" in done.stdout, done
    # and the authority's own CA, as a careful recipient would give it
    command = shlex.split(ts[0])
    command[command.index("-CAfile") + 1] = str(signed.ca)
    done = subprocess.run(command, cwd=signed.package, capture_output=True, text=True)
    assert done.returncode == 0 and "Verification: OK" in done.stdout, done


# -- what is refused, and other CAs ---------------------------------------------------------

def test_a_token_checked_against_another_authoritys_ca_proves_nothing(
        signed: Signed, other_tsa: LocalTsa, capsys) -> None:
    capsys.readouterr()
    code = cli.main(["verify-package", str(signed.package), "--key", str(signed.pub),
                     "--tsa-ca", str(other_tsa.ca_file)])
    said = capsys.readouterr().out
    assert code == 1, said
    for entry in signed.tokens:
        assert f"The time-stamp token of entry {entry} (anchors/token-{entry}.tsr) does not " \
               "prove it: its signing certificate does not chain to the trusted CA " in said
    assert "checked against the authority's certificate the package carries" not in said
    assert "This package's history is proven up to entry" in said  # by its checkpoints


def test_a_zipped_package_is_checked_with_its_anchors(signed: Signed, tmp_path: Path,
                                                       capsys) -> None:
    with Catalogue.open(signed.root) as catalogue:
        session_key(catalogue, signed.key, PASSPHRASE)
        list(PackageExport(catalogue, tmp_path / "zipped", Selection(), ACTOR, make_zip=True,
                           sign_with=signed.key).run())
    capsys.readouterr()
    code = cli.main(["verify-package", str(tmp_path / "zipped.zip"), "--key", str(signed.pub),
                     "--tsa-ca", str(signed.ca)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "This package's history is proven up to entry" in said


def test_an_export_from_a_log_rewritten_since_its_anchors_is_refused(signed: Signed,
                                                                      tmp_path: Path) -> None:
    from catalog_app.errors import ExportError

    target = signed.tokens[0] + 2
    rewrite_log(signed.root / "catalogue.sqlite", target, {"new": "Staged by the victims"})
    with Catalogue.open(signed.root) as catalogue, pytest.raises(ExportError) as refused:
        list(PackageExport(catalogue, tmp_path / "again", Selection(), ACTOR).run())
    assert str(refused.value) == (
        f"The catalogue's signed checkpoint of entry {target} no longer matches its custody "
        "log (rewritten or cut since); verify the catalogue before exporting.")


def test_a_cut_package_log_is_found_beyond_its_head(signed: Signed, tmp_path: Path,
                                                    capsys) -> None:
    """The log's tail cut off: the last entries and custody_head.txt set back to an earlier
    entry, but the anchors of the entries cut are still there."""
    lines = (signed.package / "custody_log.jsonl").read_text().splitlines()
    kept = [json.loads(line) for line in lines][:-1]
    (signed.package / "custody_log.jsonl").write_text("".join(line + "\n"
                                                              for line in lines[:-1]))
    (signed.package / "custody_head.txt").write_text(
        f"{kept[-1]['id']} {kept[-1]['entry_hash']}\n")
    resign(signed.package, tmp_path)
    code, said = verify_package(capsys, signed)
    assert code == 1, said
    cut = [p for p in anchor_problems(said) if p.startswith(
        "The package anchors entries beyond the head custody_head.txt names (entry "
        f"{kept[-1]['id']}): ")]
    assert len(cut) == 1, said
    assert cut[0].endswith("; its custody log was cut after they were anchored.")
    # the caption entry cut with the tail still shows in the manifest, which it set
    assert f"Manifest row for p{lines and json.loads(lines[-1])['photo_id']} says caption " \
           in said


def test_the_catalogue_still_verifies_after_exporting_its_anchors(signed: Signed,
                                                                  capsys) -> None:
    capsys.readouterr()
    code = cli.main(["--catalogue", str(signed.root), "verify", "--key", str(signed.pub)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "State matches the log (from entry 1)." in said
