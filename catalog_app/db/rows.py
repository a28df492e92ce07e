"""Map between catalogue rows and core dataclasses."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from catalog_app.core import hashes, timezones
from catalog_app.core.models import (
    Camera,
    CaptureInfo,
    GeoPoint,
    NewPhoto,
    Photo,
    Source,
    TimeSource,
)

PHOTO_COLUMNS = (
    "id, sha256, stored_path, in_place, format, size_bytes, width, height, orientation, "
    "taken_at, time_source, gps_lat, gps_lon, gps_alt, camera_make, camera_model, "
    "camera_serial, phash, dhash, thumbnail_path, metadata_warnings, imported_at, "
    "incident_id, (SELECT name FROM incidents i WHERE i.id = photos.incident_id), caption, "
    "graphic, restricted, caption_review, "
    "(SELECT group_concat(keyword, char(31)) FROM photo_keywords k"
    " WHERE k.photo_id = photos.id), "
    "(SELECT keeper_id FROM duplicate_links d WHERE d.photo_id = photos.id), "
    "(SELECT offset_s FROM camera_clocks c WHERE c.make = coalesce(photos.camera_make, '')"
    " AND c.model = coalesce(photos.camera_model, '')"
    " AND c.serial = coalesce(photos.camera_serial, ''))"
)
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
        "sort_time": timezones.to_utc_iso(utc) if utc else taken_at,
        "gps_lat": gps.lat if gps else None,
        "gps_lon": gps.lon if gps else None,
        "gps_alt": gps.alt if gps else None,
        "camera_make": capture.camera.make,
        "camera_model": capture.camera.model,
        "camera_serial": capture.camera.serial,
        "phash": hashes.to_signed(photo.phash),
        "dhash": hashes.to_signed(photo.dhash),
        "thumbnail_path": photo.thumbnail_path,
        "metadata_warnings": json.dumps(list(photo.warnings), ensure_ascii=False),
        "pixel_hash": photo.pixel_hash,
        "phash_canonical": hashes.pack_hashes(photo.canonical_phashes),
        "imported_at": imported_at,
        "import_id": import_id,
    }


def photo_from_row(row: sqlite3.Row | tuple, sources: tuple[Source, ...] = ()) -> Photo:
    (pid, sha, stored, in_place, fmt, size, width, height, orientation, taken_at, time_source,
     lat, lon, alt, make, model, serial, phash, dhash, thumb, warnings, imported_at,
     incident_id, incident_name, caption, graphic, restricted, caption_review, keywords,
     keeper, clock_offset) = row
    capture = CaptureInfo(
        taken_at=datetime.fromisoformat(taken_at) if taken_at else None,
        time_source=TimeSource(time_source),
        gps=GeoPoint(lat, lon, alt) if lat is not None and lon is not None else None,
        camera=Camera(make, model, serial),
        orientation=orientation,
        warnings=tuple(json.loads(warnings)),
    )
    return Photo(
        id=pid, sha256=sha, stored_path=stored, in_place=bool(in_place), format=fmt,
        size_bytes=size, width=width, height=height, capture=capture,
        phash=hashes.from_signed(phash), dhash=hashes.from_signed(dhash),
        thumbnail_path=thumb, imported_at=imported_at, sources=sources,
        incident=(incident_id, incident_name) if incident_id is not None else None,
        caption=caption,
        keywords=tuple(sorted(keywords.split(KEYWORD_SEPARATOR), key=str.casefold))
        if keywords else (),
        graphic=bool(graphic), restricted=bool(restricted), caption_review=bool(caption_review),
        duplicate_of=keeper, clock_offset_s=clock_offset,
    )
