"""The command-line contract: JSON shapes, exit codes, one-sentence errors, no tracebacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

PHOTO_KEYS = {"id", "sha256", "sources", "stored_path", "format", "size_bytes", "width",
              "height", "taken_at", "taken_at_utc", "time_source", "gps", "camera",
              "orientation", "phash", "dhash", "imported_at"}


def run(*args: str, catalogue: Path | None = None, env: dict | None = None):
    base = [sys.executable, "-m", "catalog_app"]
    if catalogue is not None:
        base += ["--catalogue", str(catalogue)]
    full_env = {**os.environ, "CATALOG_APP_OPERATOR": "cli-tester", **(env or {})}
    full_env.pop("CATALOG_APP_DEBUG", None)
    return subprocess.run(base + list(args), capture_output=True, text=True, env=full_env,
                          timeout=300, stdin=subprocess.DEVNULL)


def assert_one_sentence(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("catalog-app: ") and lines[0].endswith(".")


@pytest.fixture(scope="module")
def cli_catalogue(tmp_path_factory) -> tuple[Path, dict]:
    """A catalogue made by `catalog-app import --json` over a few corpus folders."""
    root = tmp_path_factory.mktemp("cli") / "catalogue"
    result = run("import", "--json", str(CORPUS / "exif-samples/jpg/gps"),
                 str(CORPUS / "exif-samples/heic"), catalogue=root)
    assert result.returncode == 0, result.stderr
    return root, json.loads(result.stdout)


def test_import_json_summary(cli_catalogue) -> None:
    _, summary = cli_catalogue
    assert summary["imported"] == 9 + 5
    assert summary["already_present"] == 0
    assert summary["failed"] == []
    assert isinstance(summary["import_id"], int)


def test_second_import_reports_already_present(cli_catalogue) -> None:
    root, _ = cli_catalogue
    result = run("import", "--json", str(CORPUS / "exif-samples/jpg/gps"), catalogue=root)
    assert result.returncode == 0
    summary = json.loads(result.stdout)
    assert (summary["imported"], summary["already_present"]) == (0, 9)


def test_import_with_failures_exits_1_and_lists_them(tmp_path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_text("not a jpeg")
    good = CORPUS / "exif-samples/jpg/Canon_40D.jpg"
    result = run("import", "--json", str(bad), str(good), catalogue=tmp_path / "cat")
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert summary["imported"] == 1
    refused = [{"path": str(bad), "reason": "not an image: no known image or camera raw "
                                            "signature"}]
    assert summary["failed"] == summary["not_preserved"] == refused
    assert summary["do_not_wipe"] == "Do not wipe the card yet: 1 file was not preserved"


def test_photos_json_has_the_contract_fields(cli_catalogue) -> None:
    root, _ = cli_catalogue
    result = run("photos", "--json", catalogue=root)
    assert result.returncode == 0, result.stderr
    photos = json.loads(result.stdout)
    assert len(photos) == 14
    for photo in photos:
        assert set(photo) >= PHOTO_KEYS
        assert re.fullmatch(r"[0-9a-f]{64}", photo["sha256"])
        assert re.fullmatch(r"[0-9a-f]{16}", photo["phash"])
        assert re.fullmatch(r"[0-9a-f]{16}", photo["dhash"])
        assert photo["sources"] and all(isinstance(s, str) for s in photo["sources"])
        assert Path(photo["stored_path"]).is_file()
        assert set(photo["camera"]) == {"make", "model", "serial"}
        if photo["taken_at_utc"] is not None:
            assert photo["taken_at_utc"].endswith("Z")
        if photo["gps"] is not None:
            assert set(photo["gps"]) == {"lat", "lon", "alt", "source", "detail"}
    times = [p["taken_at_utc"] or p["taken_at"] for p in photos if p["taken_at"]]
    assert times == sorted(times)


def test_a_gps_photo_shows_its_zone_source(cli_catalogue) -> None:
    root, _ = cli_catalogue
    photos = json.loads(run("photos", "--json", catalogue=root).stdout)
    nikon = next(p for p in photos if p["sources"][0].endswith("DSCN0010.jpg"))
    # The P6000's GPS date is a day off its clock, so the zone comes from the position (Italy).
    assert nikon["time_source"] == "gps-position"
    assert nikon["taken_at"] == "2008-10-22T16:28:39+02:00"
    assert nikon["taken_at_utc"] == "2008-10-22T14:28:39Z"
    assert nikon["gps"]["lat"] == pytest.approx(43.4674483, abs=1e-6)


def test_show_json_and_text(cli_catalogue) -> None:
    root, _ = cli_catalogue
    photos = json.loads(run("photos", "--json", catalogue=root).stdout)
    first = photos[0]
    shown = run("show", str(first["id"]), "--json", catalogue=root)
    assert shown.returncode == 0
    assert json.loads(shown.stdout) == first
    text = run("show", str(first["id"]), catalogue=root)
    assert f"sha256: {first['sha256']}" in text.stdout


def test_photos_table_lists_every_photo(cli_catalogue) -> None:
    root, _ = cli_catalogue
    result = run("photos", catalogue=root)
    assert result.returncode == 0
    assert "14 of 14 photos." in result.stdout


def test_show_unknown_id_is_a_usage_error(cli_catalogue) -> None:
    root, _ = cli_catalogue
    result = run("show", "999999", catalogue=root)
    assert result.returncode == 2
    assert_one_sentence(result.stderr)
    assert "999999" in result.stderr


def test_missing_catalogue_is_exit_3_with_one_sentence(tmp_path) -> None:
    result = run("photos", catalogue=tmp_path / "nowhere")
    assert result.returncode == 3
    assert_one_sentence(result.stderr)


def test_catalogue_from_a_newer_version_is_refused(cli_catalogue, tmp_path) -> None:
    import shutil
    import sqlite3

    root, _ = cli_catalogue
    copy = tmp_path / "newer"
    shutil.copytree(root, copy)
    with sqlite3.connect(copy / "catalogue.sqlite") as conn:
        conn.execute("PRAGMA user_version = 999")
    result = run("photos", catalogue=copy)
    assert result.returncode == 3
    assert_one_sentence(result.stderr)
    assert "newer version" in result.stderr


def test_bad_arguments_exit_2(tmp_path) -> None:
    result = run("import", catalogue=tmp_path / "cat")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_environment_variable_chooses_the_catalogue(tmp_path) -> None:
    root = tmp_path / "from-env"
    result = run("import", "--json", str(CORPUS / "exif-samples/jpg/Nikon_D70.jpg"),
                 env={"CATALOG_APP_CATALOGUE": str(root)})
    assert result.returncode == 0, result.stderr
    assert (root / "catalogue.sqlite").is_file()


def test_no_display_gives_one_sentence_and_points_at_the_cli(tmp_path) -> None:
    env = {"CATALOG_APP_CATALOGUE": str(tmp_path / "c"), "DISPLAY": "", "WAYLAND_DISPLAY": "",
           "QT_QPA_PLATFORM": ""}
    result = run(env=env)
    assert result.returncode == 5
    assert_one_sentence(result.stderr)
    assert "catalog-app --help" in result.stderr


def test_missing_x11_libraries_are_named_in_one_sentence(tmp_path, monkeypatch) -> None:
    from catalog_app.gui import launch

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr("ctypes.util.find_library",
                        lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    assert launch.missing_x11_libraries() == ["xcb-cursor"]
    assert launch.launch(tmp_path / "c", None) == 5
