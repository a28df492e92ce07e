"""Each metadata layout of issue 13, read as exiftool reads it (values in the oracle test)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from PIL.TiffImagePlugin import IFDRational as R

from catalog_app.core import clock, gps_values, imaging, makernote_serial, metadata
from catalog_app.core.models import TimeSource
from tests.conftest import CORPUS
from tests.support.crafted_metadata import make


def _read(name: str):
    return metadata.read_metadata(make(name))


def test_the_nikon_d5000_gets_its_position_from_exif_and_its_zone_from_it() -> None:
    info = metadata.read_metadata((CORPUS / "metadata-extractor-images/jpg/Nikon D5000.jpg")
                                  .read_bytes())
    assert info.gps is not None
    assert info.gps.lat == pytest.approx(48 + 53.32358 / 60, abs=1e-7)
    assert info.gps.lon == pytest.approx(21 + 2.59507 / 60, abs=1e-7)
    assert not any("XMP" in w or "malformed" in w for w in info.warnings)
    assert info.time_source is TimeSource.GPS_POSITION
    assert info.taken_at == datetime(2011, 3, 12, 15, 36, 11, tzinfo=timezone(timedelta(hours=1)))


def test_zero_over_zero_seconds_after_decimal_minutes_is_read() -> None:
    info, same = _read("gps_decimal_minutes.jpg"), _read("gps_two_parts.jpg")
    assert info.gps == same.gps and info.gps is not None
    assert info.warnings == ()


def test_an_undefined_part_that_carries_the_position_is_still_no_position() -> None:
    info = _read("gps_unusable.jpg")
    assert info.gps is None
    assert any("GPS position is malformed" in w for w in info.warnings)
    assert info.time_source is TimeSource.UNKNOWN


@pytest.mark.parametrize(("parts", "expected"), [
    ((R(48, 1), R(5332358, 100000), R(0, 0)), 48 + 53.32358 / 60),
    ((R(485, 10), R(0, 0), R(0, 0)), 48.5),
    ((R(48, 1), R(30, 1), R(36, 1)), 48.51),
    ((R(0, 0), R(0, 0), R(0, 0)), None),  # a device with no fix
])
def test_degrees_from_rationals(parts, expected) -> None:
    value = gps_values.degrees_from_parts(parts)
    assert value == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize("parts", [
    (R(0, 0), R(53, 1), R(0, 0)), (R(48, 1), R(0, 0), R(30, 1)), (R(48, 0), R(1, 1), R(0, 1)),
])
def test_rationals_whose_written_parts_cannot_be_read_are_unusable(parts) -> None:
    with pytest.raises(gps_values.Unusable):
        gps_values.degrees_from_parts(parts)


def test_gps_written_as_ascii_text() -> None:
    info = _read("gps_ascii.jpg")
    assert info.gps is not None
    assert (info.gps.lat, info.gps.lon) == (pytest.approx(-33.8688197),
                                            pytest.approx(151 + 12 / 60 + 33.5 / 3600))
    assert info.time_source is TimeSource.GPS_POSITION  # Sydney's zone in March: +11:00
    assert info.taken_at.utcoffset() == timedelta(hours=11)
    assert gps_values.degrees_from_text("48,53.32N") == pytest.approx(48 + 53.32 / 60)
    assert gps_values.degrees_from_text("-12.5") == -12.5
    with pytest.raises(gps_values.Unusable):
        gps_values.degrees_from_text("unknown")


def test_exif_in_a_png_exif_chunk_and_in_imagemagicks_raw_profile() -> None:
    chunk = _read("png_exif_chunk.png")
    assert chunk.taken_at.replace(tzinfo=None) == datetime(2020, 2, 3, 4, 5, 6)
    assert chunk.camera.model == "Pilot PNG" and chunk.gps is not None
    profile = _read("png_raw_profile.png")
    assert profile.taken_at == datetime(2021, 3, 4, 5, 6, 7)
    assert (profile.camera.make, profile.camera.model) == ("Lab 308", "Raw Profile")


def test_capture_dates_in_ifd0_win_over_the_editing_date() -> None:
    original = _read("ifd0_dates.jpg")
    assert original.taken_at == datetime(2011, 4, 2, 18, 30, 10)  # not 2020's edit
    assert _read("ifd0_digitized.jpg").taken_at == datetime(2011, 4, 2, 18, 30, 11)


def test_make_and_model_in_the_exif_ifd() -> None:
    camera = _read("exif_ifd_make.jpg").camera
    assert (camera.make, camera.model) == ("Lab 308", "Smart Pilot Cam")


def test_dng_camera_serial_number_tag() -> None:
    assert _read("dng_serial.tif").camera.serial == "3020326"
    dng = next((CORPUS / "exif-py/tests/resources/raw").glob("*.dng"))
    assert metadata.read_metadata(dng.read_bytes()).camera.serial == "3020326"


@pytest.mark.parametrize(("rel", "serial"), [
    ("exif-samples/jpg/corrupted.jpg", "F70501740"),  # Olympus
    ("exif-samples/jpg/Panasonic_DMC-FZ30.jpg", "S010604030293"),
    ("exif-samples/jpg/tests/32-lens_data.jpeg", "3105364"),  # Nikon
])
def test_maker_note_serials(rel: str, serial: str) -> None:
    assert metadata.read_metadata((CORPUS / rel).read_bytes()).camera.serial == serial


def test_maker_notes_are_read_only_when_no_other_serial_is_found(monkeypatch) -> None:
    calls: list[str | None] = []

    def counting(data: bytes, model: str | None = None) -> str | None:
        calls.append(model)
        return None

    monkeypatch.setattr(makernote_serial, "maker_note_serial", counting)
    assert _read("dng_serial.tif").camera.serial == "3020326"  # from the 0xC62F tag
    metadata.read_metadata((CORPUS / "exif-samples/jpg/hdr/iphone_hdr_YES.jpg").read_bytes())
    assert calls == []  # Apple writes no serial in its maker note: not opened
    metadata.read_metadata((CORPUS / "exif-samples/jpg/Canon_40D.jpg").read_bytes())
    assert calls == ["Canon EOS 40D"]


def test_xmp_dates_with_their_zones() -> None:
    dto = _read("xmp_dto_zone.jpg")
    assert dto.time_source is TimeSource.XMP
    assert dto.taken_at == datetime(2019, 5, 4, 10, 20, 30, tzinfo=timezone(timedelta(hours=3)))
    assert any("XMP exif:DateTimeOriginal" in w for w in dto.warnings)
    created = _read("xmp_createdate.jpg")  # no zone written: the one at the GPS position (Kyiv)
    assert created.time_source is TimeSource.XMP
    assert created.taken_at.utcoffset() == timedelta(hours=2)
    photoshop = _read("xmp_photoshop_date.jpg")
    assert photoshop.taken_at.utcoffset() == timedelta(hours=-4)
    assert photoshop.taken_at.microsecond == 500000
    assert photoshop.camera.serial == "AUX-77"  # XMP aux:SerialNumber


def test_a_date_without_a_time_of_day_is_no_capture_time() -> None:
    info = _read("xmp_date_only.jpg")
    assert info.taken_at is None and info.time_source is TimeSource.NONE
    assert any("only a date" in w for w in info.warnings)


def test_xmp_position_when_exif_has_none() -> None:
    info = _read("xmp_gps.jpg")
    assert info.gps is not None and info.gps.lat == pytest.approx(48 + 53.323582 / 60, abs=1e-7)
    assert info.taken_at.utcoffset() == timedelta(hours=1)  # from that position


def test_iptc_date_time_and_zone() -> None:
    info = _read("iptc_date.jpg")
    assert info.time_source is TimeSource.IPTC
    assert info.taken_at == datetime(2016, 3, 4, 12, 13, 14,
                                     tzinfo=timezone(timedelta(hours=5, minutes=30)))


def test_xmp_and_iptc_times_follow_the_clock_rule() -> None:
    """A zone written in XMP does not depend on the camera clock: a correction moves the time,
    not the zone (only GPS_TIME zones move); the sort key is its UTC time."""
    taken = _read("xmp_dto_zone.jpg").taken_at
    moved = clock.corrected_time(taken, TimeSource.XMP, 3600)
    assert moved.utcoffset() == timedelta(hours=3) and moved - taken == timedelta(hours=1)
    assert clock.sort_key(taken, TimeSource.XMP) == "2019-05-04T07:20:30Z"
    local = datetime(2018, 1, 2, 3, 4, 5)
    assert clock.sort_key(local, TimeSource.IPTC) == local.isoformat()


def test_titles_captions_and_keywords_are_kept_with_where_they_were_read() -> None:
    xmp = _read("xmp_captions.jpg").warnings
    assert "the file has a title (XMP dc:title): Checkpoint north" in xmp
    assert "the file has a caption (XMP dc:description): Vehicles queue at the checkpoint" in xmp
    assert "the file has keywords (XMP dc:subject): checkpoint; vehicles" in xmp
    described = metadata.read_description(make("iptc_date.jpg"))
    assert (described.title, described.keywords) == ("Market square", ("März", "crowd"))
    assert described.sources == {"title": "IPTC ObjectName", "caption": "IPTC Caption-Abstract",
                                 "keywords": "IPTC Keywords"}


@pytest.mark.parametrize("name", ["year_9999.jpg", "year_0001.jpg"])
def test_a_date_at_the_ends_of_the_calendar_is_a_warning(name: str) -> None:
    info = _read(name)
    assert info.taken_at is None and info.time_source is TimeSource.NONE
    assert any("ends of the calendar" in w for w in info.warnings)
    assert info.taken_at_utc is None


def test_tiff_size_is_upright_once_for_orientations_5_to_8() -> None:
    tiff = imaging.analyse_image(make("tiff_orientation6.tif"))
    assert (tiff.width, tiff.height) == (40, 60)  # stored 60x40, shown turned
    assert _read("tiff_orientation6.tif").orientation == 6


def test_heif_orientation_is_not_taken_from_pillow_heifs_rewritten_copy() -> None:
    info = _read("heif_orientation6.heic")
    assert info.orientation == 6
    assert info.camera.make == "Apple"


def test_a_damaged_xmp_packet_is_a_warning() -> None:
    data = make("xmp_dto_zone.jpg").replace(b"</rdf:RDF>", b"</rdf:Oops>")
    info = metadata.read_metadata(data)
    assert info.taken_at is None
    assert "XMP metadata is damaged and was not read" in info.warnings


def test_utc_of_an_xmp_time() -> None:
    info = _read("xmp_photoshop_date.jpg")
    assert info.taken_at_utc == datetime(2017, 7, 8, 13, 10, 11, 500000, tzinfo=UTC)


def test_the_imported_nikon_d5000_is_placed_and_zoned(new_catalogue, corpus) -> None:
    """Through the real import of that one photo (not the whole corpus: that costs ~20 s
    when this file runs alone)."""
    from catalog_app.services.importing import ImportJob
    from tests.conftest import ACTOR

    path = str(corpus / "metadata-extractor-images/jpg/Nikon D5000.jpg")
    job = ImportJob(new_catalogue, [path], ACTOR, workers=0)
    list(job.run())
    assert not job.summary.failed, job.summary.failed
    (photo,) = [p for p in new_catalogue.photos() if any(s.path == path for s in p.sources)]
    assert photo.capture.gps is not None
    assert photo.capture.time_source is TimeSource.GPS_POSITION
    assert photo.capture.taken_at_utc == datetime(2011, 3, 12, 14, 36, 11, tzinfo=UTC)
    assert photo.capture.camera.serial == "6607572"  # XMP aux:SerialNumber
