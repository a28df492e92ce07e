"""Hostile text in names and metadata: every export stays well-formed, the terminal stays safe."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from catalog_app.cli import main
from catalog_app.cli.terminal import safe
from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.tables import spreadsheet_safe
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31mRED"  # OSC title, clear screen, colour
CONTROL = "a\x0bvertical tab\x0cform feed\x1bescape\x00nul"
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1"]


@pytest.fixture
def hostile(new_catalogue: Catalogue, tmp_path: Path) -> Catalogue:
    folder = tmp_path / "in"
    folder.mkdir()
    for index, name in enumerate(["evil\nname 1.jpg", "=cmd|' -C calc'!A0.jpg", "plain.jpg"]):
        exif = Image.Exif()
        exif[0x010F], exif[0x0110] = "Make", f"Model {ESCAPES}"
        exif.get_ifd(0x8769)[0x9003] = f"2024:07:0{index + 1} 10:00:00"
        exif.get_ifd(0x8825).update({1: "N", 2: (50.0, 27.0, 12.0), 3: "E",
                                     4: (30.0, 31.0, 2.0)})
        Image.effect_noise((120 + 40 * index, 90), 20 + 30 * index).convert("RGB").save(
            folder / name, "JPEG", exif=exif.tobytes())
    list(ImportJob(new_catalogue, [str(folder)], ACTOR, workers=0).run())
    ids = [p.id for p in new_catalogue.photos()]
    assert len(ids) == 3
    site = new_catalogue.add_incident(Incident(0, f"Site {CONTROL}"), ACTOR)
    new_catalogue.tag(ids, site, ACTOR)
    new_catalogue.set_caption(ids[0], f"Caption {CONTROL} {ESCAPES}", ACTOR)
    new_catalogue.set_caption(ids[1], FORMULAS[0], ACTOR)
    new_catalogue.change_keywords(ids, FORMULAS, [], ACTOR)
    return new_catalogue


def run(catalogue: Catalogue, *args: str) -> int:
    return main(["--catalogue", str(catalogue.layout.root), *args])


def test_csv_cells_cannot_start_a_formula(hostile: Catalogue, tmp_path: Path,
                                          capsys) -> None:
    assert run(hostile, "export", "csv", str(tmp_path / "all.csv")) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text("utf-8"))))
    assert len(rows) == 3
    for row in rows:
        for column, cell in row.items():
            assert cell.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, cell)
    keywords = {row["keywords"] for row in rows}
    assert all(k.startswith("'") for k in keywords)  # the list cell is escaped as a whole
    assert any(name.startswith("'=cmd") for name in (r["original_names"] for r in rows))
    assert "package_file" not in rows[0]  # a catalogue table names no package file
    assert {row["imported_by"] for row in rows} == {ACTOR.operator}


def test_the_escape_rule() -> None:
    for text in [*FORMULAS, " =1", "\r=1", "＝1"]:
        assert spreadsheet_safe(text).startswith("'"), text
    for text in ("plain", "a=b", "2024-07-08", "Kyiv; -", ""):
        assert spreadsheet_safe(text) == text


def test_kml_and_geojson_stay_well_formed(hostile: Catalogue, tmp_path: Path) -> None:
    assert run(hostile, "export", "kml", str(tmp_path / "p.kml")) == 0
    assert run(hostile, "export", "geojson", str(tmp_path / "p.geojson")) == 0
    root = ET.parse(tmp_path / "p.kml").getroot()  # raises on ill-formed XML
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    texts = [e.text or "" for e in root.iterfind(".//k:description", ns)]
    assert any("vertical tab" in t and "\\x0b" in t for t in texts)
    assert not any(ch in "".join(texts) for ch in "\x0b\x0c\x1b\x00")
    folder_name = root.find(".//k:Folder/k:name", ns).text
    assert folder_name.startswith("Site a\\x0bvertical tab")
    data = json.loads((tmp_path / "p.geojson").read_text("utf-8"))
    captions = [f["properties"]["caption"] for f in data["features"]]
    assert any(CONTROL in c for c in captions)  # JSON escapes them and keeps them exact


def test_the_package_kml_and_manifest_too(hostile: Catalogue, tmp_path: Path) -> None:
    assert run(hostile, "export", "package", str(tmp_path / "pkg")) == 0
    ET.parse(tmp_path / "pkg" / "positions.kml")
    manifest = (tmp_path / "pkg" / "manifest.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(manifest)))  # the package's table, same escaping
    assert rows and all(r["keywords"].startswith("'") for r in rows)
    assert all(c.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t") for r in rows
               for c in r.values())


def test_photos_and_show_print_no_control_character(hostile: Catalogue, capsys) -> None:
    assert run(hostile, "photos") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    lines = out.splitlines()
    assert len(lines) == 1 + 3 + 1  # header, one row per photo, the count
    assert "evil\\nname 1.jpg" in out
    assert "\\x1b]0;owned" in out or "\\x1b" in out
    for photo in hostile.photos():
        assert run(hostile, "show", str(photo.id)) == 0
        shown = capsys.readouterr().out
        assert not any(ch in shown for ch in "\x1b\x07\x0b\x0c\x00"), photo.id
    assert "Model \\x1b]0;owned\\x07" in shown


def test_the_terminal_rule() -> None:
    assert safe("plain — Охматдит") == "plain — Охматдит"
    assert safe("a\nb\x1b[31m\u202e") == "a\\nb\\x1b[31m\\u202e"
    assert safe("\x9b31m") == "\\x9b31m"  # the C1 CSI too


def test_a_broken_pipe_ends_quietly(hostile: Catalogue) -> None:
    env = {**os.environ, "CATALOG_APP_CATALOGUE": str(hostile.layout.root)}
    env.pop("CATALOG_APP_DEBUG", None)
    process = subprocess.Popen([sys.executable, "-m", "catalog_app", "log"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    process.stdout.close()  # the reader is gone before the first line: `| head -0`
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert b"BrokenPipe" not in err and b"internal error" not in err and err == b""


def test_an_export_with_nothing_to_publish_says_so(new_catalogue: Catalogue, tmp_path: Path,
                                                   capsys) -> None:
    photo = tmp_path / "in.jpg"
    Image.new("RGB", (50, 50)).save(photo)
    list(ImportJob(new_catalogue, [str(photo)], ACTOR, workers=0).run())
    code = run(new_catalogue, "export", "gallery", str(tmp_path / "site"))
    err = capsys.readouterr().err
    assert code == 1
    assert "Nothing to publish" in err and "1 not tagged to an incident" in err
    assert not (tmp_path / "site").exists()


def test_package_dot_zip_gets_a_sentence_and_works(hostile: Catalogue, tmp_path: Path,
                                                   monkeypatch, capsys) -> None:
    here = tmp_path / "evidence"
    here.mkdir()
    monkeypatch.chdir(here)
    code = run(hostile, "export", "package", ".", "--zip")
    out = capsys.readouterr()
    assert code == 0, out.err
    assert (tmp_path / "evidence.zip").is_file() and (here / "SHA256SUMS").is_file()
    assert "evidence.zip" in out.out
    monkeypatch.chdir("/")
    assert run(hostile, "export", "package", "/", "--zip") == 2
    assert "no name to give the zip file" in capsys.readouterr().err


def test_a_symlinked_output_folder_is_refused(hostile: Catalogue, tmp_path: Path,
                                              capsys) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    for kind in ("gallery", "package"):
        assert run(hostile, "export", kind, str(tmp_path / "link")) == 6
        assert "symbolic link" in capsys.readouterr().err
    assert list(real.iterdir()) == []


def test_every_table_printer_escapes(hostile: Catalogue, capsys) -> None:
    hostile.change_keywords([hostile.photos()[0].id], [f"kw {ESCAPES}"], [], ACTOR)
    for command in (["incidents", "list"], ["keywords"], ["log"], ["clock", "--list"]):
        assert run(hostile, *command) == 0, command
        out = capsys.readouterr().out
        assert not any(ch in out for ch in "\x1b\x07\x0b\x0c\x00"), command
    assert run(hostile, "incidents", "list") == 0
    assert "Site a\\x0bvertical tab\\x0cform feed\\x1bescape" in capsys.readouterr().out
