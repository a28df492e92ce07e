"""The geotag command's text output escapes a track file's name (it comes from the card)."""

from __future__ import annotations

from datetime import UTC, datetime

from catalog_app import cli
from catalog_app.db.catalogue import Catalogue
from tests.support.gpx import write_gpx


def test_a_track_name_with_control_characters_is_printed_escaped(tmp_path, capsys) -> None:
    Catalogue.open(tmp_path / "cat", create=True).close()
    start = datetime(2024, 7, 8, 10, 0, tzinfo=UTC)
    track = write_gpx(tmp_path / "walk\x1b[2J.gpx", [[(start, 50.45, 30.52),
                                                      (start.replace(minute=5), 50.46, 30.53)]])
    capsys.readouterr()
    status = cli.main(["--catalogue", str(tmp_path / "cat"), "geotag", "--track", str(track)])
    out = capsys.readouterr().out
    assert status == 0 and out.startswith("Track walk")
    assert "\x1b" not in out
