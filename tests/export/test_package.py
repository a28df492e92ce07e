"""The evidence package: originals byte for byte, verifiable hashes, manifest, custody, maps."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import geojson
import pytest

from catalog_app.core.custody import entry_hash
from catalog_app.core.models import Actor
from catalog_app.errors import ExportError
from catalog_app.export import folder
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from tests.conftest import ACTOR
from tests.export.conftest import HOSTILE, Mission


def package(mission: Mission, out: Path, **selection) -> PackageExport:
    job = PackageExport(mission.catalogue, out, Selection(**selection), ACTOR, make_zip=True)
    list(job.run())
    return job


def test_sha256sum_verifies_the_package(mission: Mission, tmp_path: Path) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum (coreutils) is not installed")
    out = tmp_path / "pkg"
    package(mission, out)
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True,
                             text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert all(line.endswith(": OK") for line in lines)
    listed = {line.rsplit(":", 1)[0] for line in lines}
    on_disk = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert on_disk - listed == {"SHA256SUMS", folder.MARKER}
    # one changed byte is caught
    victim = next((out / "originals").iterdir())
    victim.chmod(0o644)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 1
    victim.write_bytes(bytes(data))
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=out,
                          capture_output=True).returncode == 1


def test_originals_manifest_and_duplicates(mission: Mission, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    job = package(mission, out)
    catalogue = mission.catalogue
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["photos"]
    by_id = {row["id"]: row for row in manifest}
    tagged = {p.id for p in catalogue.photos() if p.incident and not p.restricted}
    assert set(by_id) == tagged  # the marked copies come with their keepers
    assert set(mission.copies) <= set(by_id)
    for row in manifest:
        photo = catalogue.photo(row["id"])
        original = out / row["package_file"]
        assert hashlib.sha256(original.read_bytes()).hexdigest() == row["sha256"]
        assert original.read_bytes() == catalogue.layout.resolve(photo.stored_path).read_bytes()
        assert row["source_paths"] == [s.path for s in photo.sources]
        assert row["imported_by"] == ACTOR.operator
        assert row["incident"] == photo.incident[1]
    copy = by_id[mission.copies[0]]
    assert mission.copies[0] in by_id[copy["duplicate_of"]]["duplicates"]
    assert by_id[mission.hostile]["caption"] == HOSTILE
    with open(out / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["id"]) for r in rows] == [r["id"] for r in manifest]
    assert next(r for r in rows if int(r["id"]) == mission.hostile)["caption"] == HOSTILE
    # restricted: withheld, named by hash only
    withheld = (out / "withheld.csv").read_text().splitlines()
    restricted = catalogue.photo(mission.restricted)
    assert withheld[1] == f"{restricted.id},{restricted.sha256},restricted"
    assert job.summary.withheld == 1
    assert (out / "README.txt").read_text().count("sha256sum -c SHA256SUMS") == 1
    with zipfile.ZipFile(tmp_path / "pkg.zip") as archive:
        assert archive.testzip() is None
        assert "pkg/SHA256SUMS" in archive.namelist()


def test_custody_entries_check_out_against_their_hashes(mission: Mission, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    package(mission, out)
    entries = [json.loads(line) for line in
               (out / "custody_log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["action"] for e in entries} >= {"import", "tag", "caption", "flag",
                                             "duplicate-marked", "incident-added"}
    for e in entries:  # exactly as the README tells a third party to check them
        details = json.dumps(e["details"], ensure_ascii=False, sort_keys=True,
                             separators=(",", ":"))
        actor = Actor(e["operator"], e["machine"], e["app_version"])
        assert entry_hash(e["prev_hash"], e["at"], actor, e["action"], e["photo_id"],
                          details) == e["entry_hash"]
    head_id, head_hash = (out / "custody_head.txt").read_text().split()
    assert (int(head_id), head_hash) <= mission.catalogue.custody_head()
    last = mission.catalogue.custody_log()[-1]
    assert last.action == "export-package" and last.prev_hash == head_hash


def test_restricted_photos_go_only_when_asked(mission: Mission, tmp_path: Path) -> None:
    job = package(mission, tmp_path / "pkg", include_restricted=True)
    assert job.summary.withheld == 0
    manifest = json.loads((tmp_path / "pkg" / "manifest.json").read_text())["photos"]
    assert mission.restricted in {r["id"] for r in manifest}
    assert not (tmp_path / "pkg" / "withheld.csv").exists()


def test_positions_validate(mission: Mission, tmp_path: Path) -> None:
    package(mission, tmp_path / "pkg")
    collection = geojson.loads((tmp_path / "pkg" / "positions.geojson").read_text())
    assert collection.is_valid, collection.errors()
    located = [p for p in mission.catalogue.photos()
               if p.capture.gps and p.incident and not p.restricted]
    assert len(collection["features"]) == len(located) > 0
    feature = collection["features"][0]
    photo = mission.catalogue.photo(feature["properties"]["photo"])
    assert feature["geometry"]["coordinates"][:2] == [photo.capture.gps.lon,
                                                      photo.capture.gps.lat]
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    tree = ET.parse(tmp_path / "pkg" / "positions.kml")
    marks = tree.getroot().findall(".//k:Folder/k:Placemark", ns)
    assert len(marks) == len(located)
    folders = [f.findtext("k:name", namespaces=ns) for f in tree.getroot().iterfind(
        ".//k:Folder", ns)]
    assert set(folders) == {p.incident[1] for p in located}


def test_a_package_never_goes_into_a_used_folder(mission: Mission, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        package(mission, tmp_path / "mine")
    package(mission, tmp_path / "pkg")
    with pytest.raises(ExportError, match="already holds a package"):
        package(mission, tmp_path / "pkg")
    with pytest.raises(ExportError, match="outside"):
        folder.inside(tmp_path / "pkg", "../escape.txt")
