"""Map between catalogue rows and core dataclasses."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from catalog_app.core import clock, hashes, timezones
from catalog_app.core.models import (
    AssignedPosition,
    Camera,
    CaptureInfo,
    GeoPoint,
    NewPhoto,
    Photo,
    PositionSource,
    Source,
    TimeSource,
)

# One field table: (SQL expression over `photos`, the name the row is read by). Rows are read
# with names (sqlite3.Row), so a column added anywhere cannot shift another's value.
PHOTO_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("sha256", "sha256"),
    ("stored_path", "stored_path"),
    ("in_place", "in_place"),
    ("format", "format"),
    ("size_bytes", "size_bytes"),
    ("width", "width"),
    ("height", "height"),
    ("orientation", "orientation"),
    ("taken_at", "taken_at"),
    ("time_source", "time_source"),
    ("gps_lat", "gps_lat"),
    ("gps_lon", "gps_lon"),
    ("gps_alt", "gps_alt"),
    ("camera_make", "camera_make"),
    ("camera_model", "camera_model"),
    ("camera_serial", "camera_serial"),
    ("phash", "phash"),
    ("dhash", "dhash"),
    ("thumbnail_path", "thumbnail_path"),
    ("preview_missing", "preview_missing"),
    ("coalesce((SELECT partner_id FROM shot_links l WHERE l.photo_id = photos.id),"
     " (SELECT photo_id FROM shot_links l WHERE l.partner_id = photos.id))", "same_shot"),
    ("(SELECT json_array(lat, lon, source, detail, track_sha256, set_by, set_at)"
     " FROM photo_positions q WHERE q.photo_id = photos.id)", "assigned"),
    ("metadata_warnings", "metadata_warnings"),
    ("imported_at", "imported_at"),
    ("incident_id", "incident_id"),
    ("(SELECT name FROM incidents i WHERE i.id = photos.incident_id)", "incident_name"),
    ("caption", "caption"),
    ("graphic", "graphic"),
    ("restricted", "restricted"),
    ("caption_review", "caption_review"),
    ("(SELECT group_concat(keyword, char(31)) FROM photo_keywords k"
     " WHERE k.photo_id = photos.id)", "keywords"),
    ("(SELECT keeper_id FROM duplicate_links d WHERE d.photo_id = photos.id)", "keeper"),
    ("(SELECT offset_s FROM camera_clocks c WHERE c.make = coalesce(photos.camera_make, '')"
     " AND c.model = coalesce(photos.camera_model, '')"
     " AND c.serial = coalesce(photos.camera_serial, ''))", "clock_offset_s"),
)
PHOTO_COLUMNS = ", ".join(f"{expr} AS {name}" for expr, name in PHOTO_FIELDS)
KEYWORD_SEPARATOR = "\x1f"


def photo_values(photo: NewPhoto, imported_at: str, import_id: int) -> dict[str, Any]:
    """Column values for inserting a new photo."""
    capture = photo.capture
    gps = capture.gps
    utc = capture.taken_at_utc
    taken_at = capture.taken_at.isoformat() if capture.taken_at else None
    return {
        "sha256": photo.sha256,
        "stored_path": photo.stored_path,
        "in_place": int(photo.in_place),
        "format": photo.format,
        "size_bytes": photo.size_bytes,
        "width": photo.width,
        "height": photo.height,
        "orientation": capture.orientation,
        "taken_at": taken_at,
        "taken_at_utc": timezones.to_utc_iso(utc) if utc else None,
        "time_source": capture.time_source.value,
        # the rule without the context other rows give (a clock correction, a zone-unknown
        # photo's assumed zone): db/sort_order.after_import completes it in the same batch
        "sort_time": clock.sort_key(capture.taken_at, capture.time_source),
        "gps_lat": gps.lat if gps else None,
        "gps_lon": gps.lon if gps else None,
        "gps_alt": gps.alt if gps else None,
        "camera_make": capture.camera.make,
        "camera_model": capture.camera.model,
        "camera_serial": capture.camera.serial,
        "phash": hashes.to_signed(photo.phash),
        "dhash": hashes.to_signed(photo.dhash),
        "thumbnail_path": photo.thumbnail_path,
        "thumbnail_sha256": photo.thumbnail_sha256,
        "metadata_warnings": json.dumps(list(photo.warnings), ensure_ascii=False),
        "preview_missing": photo.preview_missing,
        "pixel_hash": photo.pixel_hash,
        "phash_canonical": hashes.pack_hashes(photo.canonical_phashes),
        "imported_at": imported_at,
        "import_id": import_id,
    }


def named(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Rows of a query, read by column name."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def photo_from_row(row: Mapping[str, Any] | sqlite3.Row,
                   sources: tuple[Source, ...] = ()) -> Photo:
    """A Photo from a row of PHOTO_COLUMNS, read by name."""
    taken_at, lat, lon = row["taken_at"], row["gps_lat"], row["gps_lon"]
    capture = CaptureInfo(
        taken_at=datetime.fromisoformat(taken_at) if taken_at else None,
        time_source=TimeSource(row["time_source"]),
        gps=GeoPoint(lat, lon, row["gps_alt"]) if lat is not None and lon is not None else None,
        camera=Camera(row["camera_make"], row["camera_model"], row["camera_serial"]),
        orientation=row["orientation"],
        warnings=tuple(json.loads(row["metadata_warnings"])),
    )
    incident_id, keywords = row["incident_id"], row["keywords"]
    return Photo(
        id=row["id"], sha256=row["sha256"], stored_path=row["stored_path"],
        in_place=bool(row["in_place"]), format=row["format"], size_bytes=row["size_bytes"],
        width=row["width"], height=row["height"], capture=capture,
        phash=hashes.from_signed(row["phash"]), dhash=hashes.from_signed(row["dhash"]),
        thumbnail_path=row["thumbnail_path"], imported_at=row["imported_at"], sources=sources,
        incident=(incident_id, row["incident_name"]) if incident_id is not None else None,
        caption=row["caption"],
        keywords=tuple(sorted(keywords.split(KEYWORD_SEPARATOR), key=str.casefold))
        if keywords else (),
        graphic=bool(row["graphic"]), restricted=bool(row["restricted"]),
        caption_review=bool(row["caption_review"]), duplicate_of=row["keeper"],
        clock_offset_s=row["clock_offset_s"], preview_missing=row["preview_missing"],
        same_shot=row["same_shot"], assigned=_assigned(row["assigned"]),
    )


def _assigned(text: str | None) -> AssignedPosition | None:
    """A photo_positions row (read as one JSON array) as its value."""
    if text is None:
        return None
    lat, lon, source, detail, track_sha256, set_by, set_at = json.loads(text)
    return AssignedPosition(lat, lon, PositionSource(source), detail, track_sha256, set_by,
                            set_at)
