"""Signed exports: a third party checks them with OpenSSL or `verify-package`; tampering shows."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from catalog_app.core import signing
from catalog_app.export import trust
from catalog_app.export.check import check_package
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from tests.conftest import ACTOR
from tests.export.conftest import Mission


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "team.key"
    signing.make_key(path)
    return path


def signed_package(mission: Mission, out: Path, key: Path) -> PackageExport:
    job = PackageExport(mission.catalogue, out, Selection(), ACTOR, sign_with=key)
    list(job.run())
    return job


def test_openssl_verifies_the_signature(mission: Mission, tmp_path: Path, key: Path) -> None:
    out = tmp_path / "pkg"
    job = signed_package(mission, out, key)
    assert job.summary.signed_by == signing.fingerprint(signing.load_private(key).public_key())
    assert (key.parent / "team.key").stat().st_mode & 0o077 == 0  # owner-only
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    checked = subprocess.run(
        ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signing-key.pub", "-rawin",
         "-in", "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"], cwd=out, capture_output=True,
        text=True)
    assert checked.returncode == 0 and "Signature Verified Successfully" in checked.stdout
    log = mission.catalogue.custody_log()[-1]
    assert log.action == "export-package" and log.details["signed_by"] == job.summary.signed_by


def test_verify_package_finds_each_kind_of_tampering(mission: Mission, tmp_path: Path,
                                                     key: Path) -> None:
    out = tmp_path / "pkg"
    signed_package(mission, out, key)
    public = trust.load([key.with_name("team.key.pub")])
    report = check_package(out, public)
    assert report.ok and report.files > 10 and report.signed_by
    (out / "notes.txt").write_text("added later")
    manifest = out / "manifest.csv"
    manifest.write_text(manifest.read_text().replace("Caption of", "Kaption of", 1))
    lines = (out / "custody_log.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[0])
    entry["operator"] = "someone else"
    lines[0] = json.dumps(entry, ensure_ascii=False)
    (out / "custody_log.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_package(out, public).problems
    assert "notes.txt is not listed in SHA256SUMS (added afterwards)." in problems
    assert "manifest.csv was changed (its SHA-256 no longer matches)." in problems
    assert any("does not match its own hash" in p for p in problems)
    # a re-signed SHA256SUMS with another key does not pass for the team's key
    other = tmp_path / "other.key"
    signing.make_key(other)
    signing.sign_file(signing.load_private(other), out / "SHA256SUMS")
    resigned = check_package(out, public)
    assert resigned.signature == "untrusted" and resigned.signed_by is None
    assert resigned.key == signing.fingerprint(signing.load_private(other).public_key())


def test_a_key_inside_the_catalogue_is_refused(mission: Mission, tmp_path: Path) -> None:
    inside = mission.catalogue.layout.root / "team.key"
    signing.make_key(inside)
    with pytest.raises(signing.SigningError, match="outside the catalogue"):
        signed_package(mission, tmp_path / "pkg", inside)
    assert not (tmp_path / "pkg").exists()


def test_a_signed_gallery_checks_out(mission: Mission, tmp_path: Path, key: Path) -> None:
    out = tmp_path / "site"
    job = GalleryExport(mission.catalogue, out, GalleryOptions(sign_with=key), ACTOR, workers=0)
    list(job.run())
    assert job.summary.signed_by
    assert check_package(out, trust.load([key.with_name("team.key.pub")])).ok
    untrusted = check_package(out)
    assert untrusted.signature == "untrusted" and not untrusted.ok
    if shutil.which("sha256sum"):
        assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=out).returncode == 0
