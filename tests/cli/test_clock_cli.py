"""`clock`: a GPS date stamp a day off, the >12 h confirmation and naming a camera (#15)."""

from __future__ import annotations

import io
import json
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.test_cli_contract import assert_one_sentence, run


def _jpeg(path: Path, model: str, taken: str, gps_time: tuple[int, int, int],
          gps_date: str) -> None:
    """A small JPEG in Izyum (UTC+3, written as its EXIF offset) with a GPS time stamp."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Test", model
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003], exif_ifd[0x9011] = taken, "+03:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (Fraction(49), Fraction(11), Fraction(2))
    gps[3], gps[4] = "E", (Fraction(37), Fraction(13), Fraction(50))
    gps[7] = tuple(Fraction(x) for x in gps_time)
    gps[29] = gps_date
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), "grey").save(buffer, "JPEG", exif=exif)
    path.write_bytes(buffer.getvalue())


@pytest.fixture(scope="module")
def clocks(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """A catalogue of two photos: one whose GPS date stamp is a day late, one 14 h 30 off."""
    folder = tmp_path_factory.mktemp("clock-photos")
    # camera 09:30:00 +03:00; GPS 06:32:00 UTC = 09:32 local, but dated the 16th (a day late)
    _jpeg(folder / "day_off.jpg", "Day Off", "2024:07:15 09:30:00", (6, 32, 0), "2024:07:16")
    # camera 23:30:00 +03:00; GPS 06:00:00 UTC = 09:00 local the same day: -14 h 30 min
    _jpeg(folder / "far_off.jpg", "Far Off", "2024:07:15 23:30:00", (6, 0, 0), "2024:07:15")
    root = tmp_path_factory.mktemp("clock-cli") / "catalogue"
    made = run("import", "--json", str(folder), catalogue=root)
    assert made.returncode == 0, made.stderr
    listed = json.loads(run("photos", "--json", catalogue=root).stdout)
    return root, {Path(p["sources"][0]).stem: p["id"] for p in listed}


def _offsets(root: Path) -> dict[str, int | None]:
    listed = json.loads(run("clock", "--list", "--json", catalogue=root).stdout)
    return {c["model"]: c["offset_s"] for c in listed}


def test_a_gps_date_stamp_a_day_off_uses_its_time_of_day_only(clocks) -> None:
    root, ids = clocks
    done = run("clock", str(ids["day_off"]), "--from-gps", catalogue=root)
    assert done.returncode == 0, done.stderr
    note, result = done.stdout.splitlines()
    assert note == (f"The GPS date stamp of photo {ids['day_off']} is taken as a day off "
                    f"(photo {ids['day_off']}: camera 2024-07-15 09:30:00, GPS 2024-07-16 "
                    "09:32:00, +24 h 02 min apart), so only its time of day is used: +2 min.")
    assert "set to +2 min" in result
    assert _offsets(root)["Day Off"] == 120  # not +24 h 02 min


def test_a_correction_over_12_h_needs_yes_and_shows_its_evidence(clocks) -> None:
    root, ids = clocks
    refused = run("clock", str(ids["far_off"]), "--from-gps", catalogue=root)
    assert refused.returncode == 2
    assert_one_sentence(refused.stderr)
    assert (f"A correction of -14 h 30 min for Test Far Off is over 12 h (photo "
            f"{ids['far_off']}: camera 2024-07-15 23:30:00, GPS 2024-07-15 09:00:00)"
            ) in refused.stderr
    assert "--yes" in refused.stderr
    by_hand = run("clock", "Test Far Off", "--offset", "+13 h", catalogue=root)
    assert by_hand.returncode == 2 and "(--offset +13 h)" in by_hand.stderr
    done = run("clock", str(ids["far_off"]), "--from-gps", "--yes", catalogue=root)
    assert done.returncode == 0, done.stderr
    log = json.loads(run("log", "--json", catalogue=root).stdout)
    far = [e["details"] for e in log if e["action"] == "clock-correction"
           and e["details"]["camera"]["model"] == "Far Off"]
    # one entry only: the two refusals applied nothing; --yes applied and logged it
    assert [(d["old_offset_s"], d["new_offset_s"]) for d in far] == [(None, -52200)]


def test_an_unknown_camera_names_the_close_matches(clocks) -> None:
    root, _ = clocks
    wrong = run("clock", "Test Far Of", "--offset", "5", catalogue=root)
    assert wrong.returncode == 2
    assert_one_sentence(wrong.stderr)
    assert "No camera is named 'Test Far Of'; close matches: 'Test Far Off'" in wrong.stderr
    shown = run("clock", "--help").stdout
    assert "a photo id (that photo's camera), e.g. 17" in shown
    assert "catalog-app clock 'Canon EOS 40D 1234' --offset" in shown
