"""Importing the real-photo corpus: nothing lost, nothing altered, nothing added twice."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from catalog_app.db import custody
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR, corpus_files, sha256_of


def _recorded_paths(catalogue) -> set[str]:
    return {s.path for p in catalogue.photos() for s in p.sources}


def test_every_corpus_file_is_preserved(imported_corpus) -> None:
    """Every corpus file is an image: each is copied and recorded, decodable or not."""
    catalogue, job, _ = imported_corpus
    files = {str(p) for p in corpus_files()}
    assert _recorded_paths(catalogue) == files, "a file was not preserved"
    assert job.summary.failed == [] and catalogue.failures(job.import_id) == []
    assert job.summary.imported == len(files) == catalogue.count_photos()


def test_the_truncated_arw_is_preserved_with_its_capture_time(imported_corpus) -> None:
    catalogue, _, _ = imported_corpus
    (arw,) = [p for p in catalogue.photos()
              if p.sources[0].path.endswith("sony_alpha_a7iii_raw_image.ARW")]
    assert arw.format == "ARW" and arw.thumbnail_path is None
    assert arw.preview_missing == ("the camera raw file is cut short: its sensor data ends "
                                   "before it should")
    assert f"original preserved, no preview: {arw.preview_missing}" in arw.capture.warnings
    assert arw.capture.taken_at is not None and arw.capture.camera.make
    stored = catalogue.layout.resolve(arw.stored_path)
    assert stored.suffix == ".arw" and stored.read_bytes() == Path(
        arw.sources[0].path).read_bytes()


def test_the_nikon_dng_is_recorded_at_its_sensor_size(imported_corpus) -> None:
    catalogue, _, _ = imported_corpus
    (dng,) = [p for p in catalogue.photos() if p.sources[0].path.endswith(".dng")]
    assert (dng.format, dng.width, dng.height) == ("DNG", 5392, 3592)  # not its 256x171 preview
    assert dng.thumbnail_path is not None and dng.preview_missing is None


def test_all_heic_and_heif_files_import(imported_corpus, exiftool_reference, corpus) -> None:
    catalogue, _, _ = imported_corpus
    heif = {str(corpus / rel) for rel, ref in exiftool_reference.items()
            if ref.get("File:FileType") in {"HEIC", "HEIF"}}
    assert len(heif) == 12
    by_source = {s.path: p for p in catalogue.photos() for s in p.sources}
    for path in heif:
        assert path in by_source, f"{path} was not imported"
        assert by_source[path].format == "HEIF"
    # HEIC content under a .jpg name is stored under the extension of what it really is.
    disguised = by_source[str(corpus / "exif-py/tests/resources/heic/heic_hdlr_box.jpg")]
    assert disguised.stored_path.endswith(".heic")


def test_originals_are_unchanged(imported_corpus, corpus_hashes_before) -> None:
    assert {p: sha256_of(p) for p in corpus_hashes_before} == corpus_hashes_before


def test_stored_copies_match_their_hash_and_are_read_only(imported_corpus) -> None:
    catalogue, _, _ = imported_corpus
    for photo in catalogue.photos():
        stored = catalogue.layout.resolve(photo.stored_path)
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == photo.sha256
        assert stat.S_IMODE(stored.stat().st_mode) & 0o222 == 0, f"{stored} is writable"
        if os.geteuid() != 0:  # root ignores permission bits
            try:
                stored.open("r+b")
            except PermissionError:
                pass
            else:
                raise AssertionError(f"{stored} could be opened for writing")
        if photo.preview_missing is None:
            assert catalogue.layout.resolve(photo.thumbnail_path).stat().st_size > 0
        else:
            assert photo.thumbnail_path is None
    originals = [p for p in catalogue.layout.originals.rglob("*") if p.is_file()]
    assert len(originals) == catalogue.count_photos()


def test_metadata_reaches_the_catalogue(imported_corpus, corpus) -> None:
    catalogue, _, _ = imported_corpus
    by_name = {Path(p.sources[0].path).name: p for p in catalogue.photos()}
    iphone = by_name["IMG_5195.HEIC"]
    assert iphone.capture.taken_at.isoformat() == "2021-04-11T15:47:53.054000-05:00"
    assert iphone.capture.time_source.value == "exif-offset"
    rotated = by_name["landscape_6.jpg"]  # stored 450x600 with orientation 6: shown 600x450
    assert (rotated.width, rotated.height, rotated.capture.orientation) == (600, 450, 6)
    below_sea = by_name["Issue 173 (dotnet).jpg"]
    assert below_sea.capture.gps.alt < 0 and below_sea.capture.gps.lon < 0
    zero = by_name["Samsung GT-I9000 (Galaxy S).jpg"]
    assert zero.capture.gps is None
    assert "GPS position (0, 0) treated as no position" in zero.capture.warnings


def test_hashes_of_one_picture_in_all_eight_orientations_agree(imported_corpus) -> None:
    """Orientation is applied before hashing, so the 8 EXIF orientations hash alike."""
    from catalog_app.core.hashes import distance

    catalogue, _, _ = imported_corpus
    for kind in ("landscape", "portrait"):
        photos = [p for p in catalogue.photos()
                  if Path(p.sources[0].path).name.startswith(kind + "_")]
        assert len(photos) == 8
        first = photos[0]
        assert max(distance(first.phash, p.phash) for p in photos) <= 6


def test_importing_again_adds_nothing(imported_corpus, corpus) -> None:
    catalogue, first, _ = imported_corpus
    before = (catalogue.count_photos(), len(_recorded_paths(catalogue)),
              sorted(p.name for p in catalogue.layout.originals.rglob("*")))
    again = ImportJob(catalogue, [str(corpus)], ACTOR, workers=2)
    list(again.run())
    assert again.summary.imported == 0
    assert again.summary.already_present == first.summary.imported
    assert len(again.summary.failed) == len(first.summary.failed)
    after = (catalogue.count_photos(), len(_recorded_paths(catalogue)),
             sorted(p.name for p in catalogue.layout.originals.rglob("*")))
    assert after == before


def test_a_copy_from_another_card_adds_its_path_as_a_source(imported_corpus, corpus,
                                                             tmp_path) -> None:
    catalogue, _, _ = imported_corpus
    original = corpus / "exif-samples/jpg/Canon_40D.jpg"
    copy = tmp_path / "card2" / "DCIM" / "IMG_0001.JPG"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(original.read_bytes())
    job = ImportJob(catalogue, [str(copy)], ACTOR, workers=0)
    list(job.run())
    assert (job.summary.imported, job.summary.already_present) == (0, 1)
    photo = catalogue.photo(job.summary.photo_ids[0])
    assert {s.path for s in photo.sources} >= {str(original), str(copy)}
    entries = catalogue.custody_log(photo.id)
    assert [e.action for e in entries][-1] == "add-source"


def test_progress_reaches_the_end(imported_corpus) -> None:
    _, _job, events = imported_corpus
    assert events[0].done == 0
    assert events[-1].done == events[-1].total == len(corpus_files())
    assert [e.done for e in events] == sorted(e.done for e in events)


def test_custody_log_is_a_valid_hash_chain(imported_corpus) -> None:
    catalogue, job, _ = imported_corpus
    entries = catalogue.custody_log()
    prev = custody.GENESIS
    for entry in entries:
        assert entry.prev_hash == prev
        text = json.dumps(entry.details, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))
        actor = type(ACTOR)(entry.operator, entry.machine, entry.app_version)
        assert custody.entry_hash(prev, entry.at, actor, entry.action, entry.photo_id,
                                  text) == entry.entry_hash
        prev = entry.entry_hash
    actions = [e.action for e in entries]
    assert actions.count("import") == job.summary.imported
    assert actions.count("import-failed") == len(job.summary.failed) == 0
    assert entries[0].operator == "test-operator"
