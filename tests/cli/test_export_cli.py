"""`catalog-app export ...`: the JSON contract, exit codes and one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app.db.catalogue import Catalogue
from tests.cli.test_cli_contract import assert_one_sentence, run

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


@pytest.fixture(scope="module")
def tagged(tmp_path_factory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("export-cli") / "cat"
    assert run("import", "--json", str(SAMPLE), catalogue=root).returncode == 0
    added = run("incidents", "add", "--name", "Bucha, Yablunska street", "--json",
                catalogue=root)
    incident = json.loads(added.stdout)["id"]
    with Catalogue.open(root) as catalogue:
        ids = [str(p.id) for p in catalogue.photos()[:6]]
    assert run("tag", "--incident", str(incident), *ids, catalogue=root).returncode == 0
    assert run("caption", ids[0], "Street <b>&</b> \"cars\"", catalogue=root).returncode == 0
    return root, incident


def test_gallery_package_and_files(tagged, tmp_path: Path) -> None:
    root, incident = tagged
    done = run("export", "gallery", str(tmp_path / "site"), "--incident", str(incident),
               "--max-size", "800", "--workers", "2", "--json", catalogue=root)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["exported"], report["reused"], report["failed"]) == (6, 0, [])
    assert (tmp_path / "site" / "index.html").is_file()
    again = json.loads(run("export", "gallery", str(tmp_path / "site"), "--incident",
                           str(incident), "--max-size", "800", "--json",
                           catalogue=root).stdout)
    assert (again["exported"], again["reused"]) == (0, 6)

    packed = run("export", "package", str(tmp_path / "pkg"), "--zip", "--json",
                 catalogue=root)
    assert packed.returncode == 0, packed.stderr
    assert json.loads(packed.stdout)["photos"] == 6
    assert (tmp_path / "pkg.zip").is_file()

    for kind in ("geojson", "kml", "csv"):
        made = run("export", kind, str(tmp_path / f"all.{kind}"), "--json", catalogue=root)
        assert made.returncode == 0, made.stderr
        assert (tmp_path / f"all.{kind}").stat().st_size > 100
    rows = (tmp_path / "all.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 19  # the whole catalogue, one row a photo
    log = json.loads(run("log", "--json", catalogue=root).stdout)
    assert {"export-gallery", "export-package", "export-geojson", "export-kml",
            "export-csv"} <= {e["action"] for e in log}


@pytest.mark.parametrize(("args", "code", "words"), [
    (["gallery", "{busy}"], 6, "not empty and is not an earlier export"),
    (["gallery", "{out}", "--incident", "999"], 2, "No incident with id 999"),
    (["gallery", "{out}", "--max-size", "10"], 2, "--max-size"),
    (["package", "{file}"], 6, "is a file, not a folder"),
    (["csv", "{busy}"], 6, "is a folder"),
])
def test_errors_are_one_sentence(tagged, tmp_path: Path, args, code, words) -> None:
    root, _ = tagged
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("a person's own file")
    (tmp_path / "file").write_text("x")
    paths = {"busy": busy, "out": tmp_path / "out", "file": tmp_path / "file"}
    done = run("export", *[a.format(**paths) for a in args], catalogue=root)
    assert done.returncode == code, done.stderr
    assert_one_sentence(done.stderr)
    assert words in done.stderr
    assert (busy / "notes.txt").read_text() == "a person's own file"


def test_keygen_signed_package_verify_package_and_head(tagged, tmp_path: Path) -> None:
    root, _ = tagged
    key = tmp_path / "keys" / "team.key"
    assert run("keygen", str(key), "--no-passphrase").returncode == 0
    again = run("keygen", str(key), "--no-passphrase")
    assert again.returncode == 2 and "never overwritten" in again.stderr
    assert_one_sentence(again.stderr)
    made = run("export", "package", str(tmp_path / "pkg"), "--sign", str(key), "--json",
               catalogue=root)
    assert made.returncode == 0, made.stderr
    fingerprint = json.loads(made.stdout)["signed_by"]
    checked = run("verify-package", str(tmp_path / "pkg"), "--key", f"{key}.pub", "--json")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["signed_by"] == fingerprint
    (tmp_path / "pkg" / "manifest.json").write_text("{}")
    broken = run("verify-package", str(tmp_path / "pkg"))
    assert broken.returncode == 1
    assert "manifest.json was changed (its SHA-256 no longer matches)." in broken.stdout
    head = run("head", "--sign", str(key), "--out", str(tmp_path / "head"), "--json",
               catalogue=root)
    assert head.returncode == 0, head.stderr
    entry = json.loads(head.stdout)
    assert (tmp_path / "head" / "head.txt").read_text().count(entry["hash"]) == 1
    assert (tmp_path / "head" / "head.txt.sig").stat().st_size == 64
