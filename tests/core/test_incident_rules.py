"""The rules of incidents: suggestions by area/time and by camera, clock offsets, templates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from catalog_app.core import captions, clock, places
from catalog_app.core.models import Camera, CaptureInfo, GeoPoint, Incident, Photo, TimeSource
from catalog_app.core.suggest import suggest

KYIV = timezone(timedelta(hours=3))
PHONE = Camera("Apple", "iPhone 13", None)
SLOW = Camera("Canon", "EOS 5D", "123")


def photo(pid: int, when: datetime | None, gps: GeoPoint | None = None, camera=PHONE,
          incident: tuple[int, str] | None = None, offset: int | None = None) -> Photo:
    capture = CaptureInfo(when, TimeSource.EXIF_OFFSET if when and when.tzinfo else
                          TimeSource.UNKNOWN, gps, camera)
    return Photo(pid, f"{pid:064x}", "x", False, "JPEG", 1, 1, 1, capture, 0, 0, None, "",
                 incident=incident, clock_offset_s=offset)


HOSPITAL = Incident(1, "Hospital strike", lat=50.4534, lon=30.4724, radius_m=300,
                    starts_at="2024-07-08T10:00:00+03:00")
FOREST = Incident(2, "Forest graves", lat=49.1839, lon=37.2305, radius_m=600,
                  starts_at="2022-09-15T00:00:00+03:00", ends_at="2022-09-30T00:00:00+03:00")


def test_area_and_time_window_nearest_first() -> None:
    near = GeoPoint(50.4540, 30.4724)  # ~67 m north of the centre
    overlapping = Incident(3, "Wider area", lat=50.4560, lon=30.4724, radius_m=2000,
                           starts_at="2024-07-01T00:00:00+03:00")
    found = suggest([photo(10, datetime(2024, 7, 8, 13, 0, tzinfo=KYIV), near)],
                    [HOSPITAL, overlapping])
    assert [s.incident for s in found] == [1, 3]  # nearest centre first
    assert found[0].distance_m == pytest.approx(66.7, abs=1)
    assert "from its centre" in found[0].reason


def test_outside_the_area_or_the_dates_is_not_suggested() -> None:
    far = GeoPoint(50.47, 30.4724)  # ~1.8 km away
    before = datetime(2024, 7, 8, 9, 0, tzinfo=KYIV)  # an hour before the strike
    in_forest_later = GeoPoint(49.1839, 37.2305)
    assert suggest([photo(1, datetime(2024, 7, 8, 13, 0, tzinfo=KYIV), far),
                    photo(2, before, GeoPoint(50.4534, 30.4724)),
                    photo(3, datetime(2024, 7, 15, 9, 0, tzinfo=KYIV), in_forest_later),
                    photo(4, None, GeoPoint(50.4534, 30.4724))],
                   [HOSPITAL, FOREST]) == []


def test_tagged_archived_and_duplicate_photos_get_nothing() -> None:
    spot = GeoPoint(50.4534, 30.4724)
    when = datetime(2024, 7, 8, 13, 0, tzinfo=KYIV)
    from dataclasses import replace

    archived = replace(HOSPITAL, archived=True)
    assert suggest([photo(1, when, spot)], [archived]) == []
    assert suggest([photo(1, when, spot, incident=(1, "Hospital strike"))], [HOSPITAL]) == []
    copy = replace(photo(2, when, spot), duplicate_of=7)
    assert suggest([copy], [HOSPITAL]) == []


def test_same_camera_minutes_apart_with_a_corrected_clock() -> None:
    # recorded an hour and three minutes slow; its camera's correction applies to both
    neighbour = photo(2, datetime(2024, 7, 9, 7, 48), camera=SLOW, offset=3780)
    tagged = photo(1, datetime(2024, 7, 9, 7, 42), camera=SLOW, incident=(1, "Hospital strike"),
                   offset=3780)
    stranger = photo(3, datetime(2024, 7, 9, 7, 48), camera=PHONE)
    later = photo(4, datetime(2024, 7, 9, 8, 30), camera=SLOW, offset=3780)
    found = suggest([tagged, neighbour, stranger, later], [HOSPITAL])
    assert [(s.photo, s.incident) for s in found] == [(2, 1)]
    assert found[0].reason.startswith("same camera (Canon EOS 5D 123) 6 min from photo 1")
    assert found[0].distance_m is None


@pytest.mark.parametrize(("text", "seconds"), [
    ("+1 h 03 min", 3780), ("1h3m", 3780), ("-00:05:30", -330), ("+01:03", 3780),
    ("3780 s", 3780), ("-90", -90), ("2 days", 172800), ("1.5 h", 5400),
])
def test_offsets_as_people_write_them(text: str, seconds: int) -> None:
    assert clock.parse_offset(text) == seconds


@pytest.mark.parametrize("text", ["soon", "1 fortnight", "", "1:2:3:4", "h"])
def test_bad_offsets_say_what_is_expected(text: str) -> None:
    with pytest.raises(clock.BadOffset, match="write it like"):
        clock.parse_offset(text)


def test_offset_from_a_known_true_time_and_its_description() -> None:
    offset = clock.offset_from(datetime(2024, 7, 9, 7, 42, 3), datetime(2024, 7, 9, 8, 45, 3))
    assert offset == 3780
    assert clock.describe_offset(offset) == "+1 h 03 min"
    assert clock.describe_offset(-330) == "-5 min 30 s"


def test_corrected_time_keeps_the_recorded_one() -> None:
    p = photo(1, datetime(2024, 7, 9, 7, 42, 3), camera=SLOW, offset=3780)
    assert p.capture.taken_at == datetime(2024, 7, 9, 7, 42, 3)
    assert p.taken_at_corrected == datetime(2024, 7, 9, 8, 45, 3)
    assert p.best_time == p.taken_at_corrected
    assert photo(2, datetime(2024, 7, 9, 7, 42)).taken_at_corrected is None


def test_caption_templates() -> None:
    a = photo(1, datetime(2024, 7, 8, 13, 2, tzinfo=KYIV), incident=(1, "Hospital strike"))
    b = photo(2, None, incident=None)
    incidents = {1: Incident(1, "Hospital strike", place="Kyiv «Охматдит»")}
    made = captions.render("{incident}, {place}: {date} {time} — #{n} {{kept}}", [a, b],
                           incidents)
    assert made == [(1, "Hospital strike, Kyiv «Охматдит»: 8 July 2024 13:02 — #1 {kept}"),
                    (2, ", :   — #2 {kept}")]
    with pytest.raises(captions.BadTemplate, match=r"unknown field \{where\}"):
        captions.check("{where}")
    with pytest.raises(captions.BadTemplate, match="unbalanced"):
        captions.check("{incident")


def test_place_names_offline() -> None:
    izyum = places.nearest_place(49.1838, 37.2305)
    assert (izyum.town, izyum.country) == ("Izium", "Ukraine")
    assert 3000 < izyum.distance_m < 6000 and izyum.direction in {"SW", "S", "W"}
    assert izyum.describe().startswith(f"{izyum.distance_m / 1000:.1f} km")
    assert places.distance_m(0, 0, 0, 1) == pytest.approx(111195, rel=1e-3)


def test_clock_offset_from_the_gps_time_stamp(tmp_path) -> None:
    """A camera 1 h 03 min slow: its GPS receiver's UTC time shows by how much."""
    import io
    from fractions import Fraction

    from PIL import Image

    from catalog_app.core import metadata

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Test", "GPS camera"
    exif.get_ifd(0x8769)[0x9003] = "2024:07:15 08:28:55"  # its clock, 1 h 03 min slow
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (Fraction(49), Fraction(11), Fraction(2))  # Izyum, UTC+3 in July
    gps[3], gps[4] = "E", (Fraction(37), Fraction(13), Fraction(50))
    gps[7] = (Fraction(6), Fraction(31), Fraction(55))  # the satellites' UTC time
    gps[29] = "2024:07:15"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "grey").save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    capture = metadata.read_metadata(data)
    # 08:28:55 against 06:31:55 UTC reads as zone +02:00 (3 min off): the clock fooled it
    assert capture.time_source is TimeSource.GPS_TIME
    assert capture.taken_at.isoformat() == "2024-07-15T08:28:55+02:00"
    taken = Photo(1, "0" * 64, "x", False, "JPEG", 1, 64, 48, capture, 0, 0, None, "")
    offset = clock.offset_from_gps(data, taken)
    assert offset == 3780
    from dataclasses import replace

    corrected = replace(taken, clock_offset_s=offset).taken_at_corrected
    assert corrected.isoformat() == "2024-07-15T09:31:55+03:00"  # the true local time, zone
    assert corrected.astimezone(UTC).strftime("%H:%M:%S") == "06:31:55"
    no_gps = photo(2, datetime(2024, 7, 15, 8, 28, 55))
    with pytest.raises(clock.BadOffset, match="no GPS time stamp"):
        clock.offset_from_gps(b"not a jpeg", no_gps)
