"""The stored time order follows core/clock.py's rule for every writer: a clock correction set
before a later import, a zone-unknown photo placed by its camera or its incident, and schema 7
recomputing an older catalogue's order in one transaction."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from catalog_app.core.models import Camera, Incident, PhotoFilter
from catalog_app.db import migrate, sort_order
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import CatalogueError
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.clock_photos import jpeg
from tests.support.schema_undo import UNDO_SEARCH_INDEX

KYIV = timezone(timedelta(hours=3))
YEAR = 366 * 86400  # 2023-07-15 -> 2024-07-15
SLOW = Camera("Clockwork", "Slow", "S-1")


def _import(catalogue: Catalogue, folder: Path) -> None:
    job = ImportJob(catalogue, [str(folder)], ACTOR, workers=0)
    list(job.run())
    assert job.summary.failed == [] and job.summary.imported > 0


def _grid(catalogue: Catalogue, **spec) -> list[tuple[str, str]]:
    return [(r.name, r.label) for r in catalogue.grid_rows(PhotoFilter(**spec))]


def test_a_correction_set_before_a_later_import_orders_the_new_photo(tmp_path: Path) -> None:
    """The slow camera's clock is a year behind; the correction is set, then another card
    from it is imported: the grid must place the new photo by its corrected time."""
    jpeg(tmp_path / "card1" / "slow_0900.jpg", datetime(2023, 7, 15, 9, 0, tzinfo=KYIV),
         "Slow", "S-1", 1)
    jpeg(tmp_path / "card1" / "right_1000.jpg", datetime(2024, 7, 15, 10, 0, tzinfo=KYIV),
         "Right", "R-1", 2)
    jpeg(tmp_path / "card2" / "slow_1100.jpg", datetime(2023, 7, 15, 11, 0, tzinfo=KYIV),
         "Slow", "S-1", 3)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        _import(catalogue, tmp_path / "card1")
        catalogue.set_clock(SLOW, YEAR, "a year behind", ACTOR)
        _import(catalogue, tmp_path / "card2")
        assert _grid(catalogue) == [("slow_0900.jpg", "2024-07-15 09:00:00 *"),
                                    ("right_1000.jpg", "2024-07-15 10:00:00"),
                                    ("slow_1100.jpg", "2024-07-15 11:00:00 *")]
        # every listing and the date filter go by the same corrected time
        assert [p.sources[0].path.rsplit("/", 1)[-1] for p in catalogue.photos()] == [
            "slow_0900.jpg", "right_1000.jpg", "slow_1100.jpg"]
        assert [n for n, _ in _grid(catalogue, date_from="2024-07-15", date_to="2024-07-15")
                ] == ["slow_0900.jpg", "right_1000.jpg", "slow_1100.jpg"]
        assert _grid(catalogue, date_to="2023-12-31") == []
        catalogue.set_clock(SLOW, None, "cleared", ACTOR)  # clearing it puts them back in 2023
        assert [n for n, _ in _grid(catalogue)] == ["slow_0900.jpg", "slow_1100.jpg",
                                                    "right_1000.jpg"]
        assert _grid(catalogue)[0][1] == "2023-07-15 09:00:00"


def test_a_zone_unknown_photo_is_placed_in_its_cameras_zone(tmp_path: Path) -> None:
    """Its camera's zone-known photo says its clock runs on +03:00; imported later, that
    photo moves the earlier zone-unknown one to its place."""
    jpeg(tmp_path / "card1" / "nozone_0930.jpg", datetime(2024, 7, 15, 9, 30), "Mixed", "M-1",
         1)
    jpeg(tmp_path / "card1" / "other_0945.jpg", datetime(2024, 7, 15, 9, 45, tzinfo=KYIV),
         "Other", "O-1", 2)
    jpeg(tmp_path / "card2" / "zone_1000.jpg", datetime(2024, 7, 15, 10, 0, tzinfo=KYIV),
         "Mixed", "M-1", 3)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        _import(catalogue, tmp_path / "card1")
        # nothing tells its zone yet: local time, marked as local (no "Z"), after 06:45 UTC
        keys = dict(catalogue._conn.execute(
            "SELECT s.path, p.sort_time FROM photos p JOIN sources s ON s.photo_id = p.id"))
        assert keys[str(tmp_path / "card1" / "nozone_0930.jpg")] == "2024-07-15T09:30:00"
        assert [n for n, _ in _grid(catalogue)] == ["other_0945.jpg", "nozone_0930.jpg"]
        _import(catalogue, tmp_path / "card2")
        assert [n for n, _ in _grid(catalogue)] == ["nozone_0930.jpg", "other_0945.jpg",
                                                    "zone_1000.jpg"]
        # a zone-unknown photo shows its local time; no UTC time is made up for it
        nozone = next(p for p in catalogue.photos() if p.capture.taken_at_utc is None)
        assert nozone.best_time_utc is None


def test_photos_that_name_no_camera_do_not_place_each_other(tmp_path: Path) -> None:
    jpeg(tmp_path / "card" / "anon_0930.jpg", datetime(2024, 7, 15, 9, 30), None, None, 1)
    jpeg(tmp_path / "card" / "anon_1000.jpg", datetime(2024, 7, 15, 10, 0, tzinfo=KYIV), None,
         None, 2)
    jpeg(tmp_path / "card" / "other_0945.jpg", datetime(2024, 7, 15, 9, 45, tzinfo=KYIV),
         "Other", "O-1", 3)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        _import(catalogue, tmp_path / "card")
        assert {p.capture.camera.make for p in catalogue.photos()} == {None, "Clockwork"}
        # 09:30 of no known zone stays local (after 06:45 and 07:00 UTC), marked as local
        assert [n for n, _ in _grid(catalogue)] == ["other_0945.jpg", "anon_1000.jpg",
                                                    "anon_0930.jpg"]


def test_an_incidents_position_places_a_zone_unknown_photo(tmp_path: Path) -> None:
    jpeg(tmp_path / "card" / "nozone_0930.jpg", datetime(2024, 7, 15, 9, 30), "Lone", "L-1", 1)
    jpeg(tmp_path / "card" / "other_0945.jpg", datetime(2024, 7, 15, 9, 45, tzinfo=KYIV),
         "Other", "O-1", 2)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        _import(catalogue, tmp_path / "card")
        assert [n for n, _ in _grid(catalogue)] == ["other_0945.jpg", "nozone_0930.jpg"]
        lone = next(p.id for p in catalogue.photos() if p.capture.camera.model == "Lone")
        kyiv = catalogue.add_incident(Incident(0, "Strike in Kyiv", lat=50.4535, lon=30.4724),
                                      ACTOR)
        catalogue.tag([lone], kyiv, ACTOR)
        assert [n for n, _ in _grid(catalogue)] == ["nozone_0930.jpg", "other_0945.jpg"]
        # the incident turns out to be in London (+01:00 in July): 08:30 UTC, after 06:45
        catalogue.edit_incident(kyiv, {"lat": 51.5072, "lon": -0.1276}, ACTOR)
        assert [n for n, _ in _grid(catalogue)] == ["other_0945.jpg", "nozone_0930.jpg"]
        catalogue.edit_incident(kyiv, {"lat": 50.4535, "lon": 30.4724}, ACTOR)
        assert [n for n, _ in _grid(catalogue)] == ["nozone_0930.jpg", "other_0945.jpg"]
        catalogue.tag([lone], None, ACTOR)  # untagged: nothing places it any more
        assert [n for n, _ in _grid(catalogue)] == ["other_0945.jpg", "nozone_0930.jpg"]


def _as_schema_6(db: Path) -> None:
    """An older catalogue: schema 6, and sort_time as its import wrote it (recorded UTC, else
    local, no clock correction)."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(
        f"BEGIN; {UNDO_SEARCH_INDEX}"
        " ALTER TABLE photos DROP COLUMN thumbnail_sha256; DROP INDEX photos_zone_unknown;"
        " ALTER TABLE photos DROP COLUMN preview_missing;"
        " ALTER TABLE photos DROP COLUMN corrected_local;"
        " UPDATE photos SET sort_time = coalesce(taken_at_utc, taken_at);"
        " PRAGMA user_version = 6; COMMIT;")
    conn.close()


def _order(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0].rsplit("/", 1)[-1] for r in conn.execute(
            "SELECT (SELECT path FROM sources s WHERE s.photo_id = p.id) FROM photos p"
            " ORDER BY (p.sort_time IS NULL), p.sort_time, p.id")]
    finally:
        conn.close()


def _older_catalogue(tmp_path: Path) -> Path:
    jpeg(tmp_path / "card" / "slow_0900.jpg", datetime(2023, 7, 15, 9, 0, tzinfo=KYIV),
         "Slow", "S-1", 1)
    jpeg(tmp_path / "card" / "right_1000.jpg", datetime(2024, 7, 15, 10, 0, tzinfo=KYIV),
         "Right", "R-1", 2)
    jpeg(tmp_path / "card" / "nozone_0930.jpg", datetime(2024, 7, 15, 9, 30), "Right", "R-1",
         3)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        _import(catalogue, tmp_path / "card")
        catalogue.set_clock(SLOW, YEAR, "a year behind", ACTOR)
        db = catalogue.layout.db_path
    _as_schema_6(db)
    assert _order(db) == ["slow_0900.jpg", "right_1000.jpg", "nozone_0930.jpg"]
    return db


def test_schema_7_recomputes_an_older_catalogues_order(tmp_path: Path) -> None:
    db = _older_catalogue(tmp_path)
    with Catalogue.open(tmp_path / "cat") as catalogue:
        assert [n for n, _ in _grid(catalogue)] == ["slow_0900.jpg", "nozone_0930.jpg",
                                                    "right_1000.jpg"]
        assert _grid(catalogue)[0][1] == "2024-07-15 09:00:00 *"
    assert _order(db) == ["slow_0900.jpg", "nozone_0930.jpg", "right_1000.jpg"]


def test_schema_7_is_one_transaction_with_its_recompute(tmp_path: Path, monkeypatch) -> None:
    db = _older_catalogue(tmp_path)
    real = sort_order.refresh

    def fails_after_writing(conn: sqlite3.Connection, *args: object) -> int:
        real(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sort_order, "refresh", fails_after_writing)
    with pytest.raises(CatalogueError, match="left unchanged at schema 6"):
        Catalogue.open(tmp_path / "cat")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    assert "corrected_local" not in {r[1] for r in conn.execute("PRAGMA table_info(photos)")}
    conn.close()
    assert _order(db) == ["slow_0900.jpg", "right_1000.jpg", "nozone_0930.jpg"]  # untouched
    monkeypatch.setattr(sort_order, "refresh", real)
    with Catalogue.open(tmp_path / "cat"):
        pass
    assert _order(db) == ["slow_0900.jpg", "nozone_0930.jpg", "right_1000.jpg"]
    assert migrate.latest_version() >= 7


def test_the_demo_missions_first_day_reads_in_order(new_catalogue: Catalogue) -> None:
    """The slow camera's photo (zone unknown, corrected to 09:31:55, in the Izyum incident)
    sits between 09:20 and 10:02 of that +03:00 morning, not after 10:05:09+03:00."""
    from catalog_app.services.demo import apply_mission, sample_mission

    _import(new_catalogue, Path(str(sample_mission())))
    apply_mission(new_catalogue, ACTOR)
    labels = [label for _, label in _grid(new_catalogue, date_from="2024-07-15",
                                          date_to="2024-07-15")]
    assert "2024-07-15 09:31:55 *" in labels and "2024-07-15 10:05:09" in labels
    assert labels == sorted(labels)
