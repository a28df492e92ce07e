"""What the custody log records of each table: one field list shared by writer, replay and check."""

from __future__ import annotations

from typing import Any

# Every column of `photos` an import writes, in the `import` entry's "photo" (values exactly as
# stored; phash_canonical as hex). The writer, the replay and the comparison read this tuple.
PHOTO_RECORD: tuple[str, ...] = (
    "sha256", "stored_path", "in_place", "format", "size_bytes", "width", "height",
    "orientation", "taken_at", "taken_at_utc", "time_source", "gps_lat", "gps_lon", "gps_alt",
    "camera_make", "camera_model", "camera_serial", "phash", "dhash", "pixel_hash",
    "phash_canonical", "thumbnail_path", "thumbnail_sha256", "metadata_warnings",
    "imported_at", "import_id", "preview_missing",
)
# What people change on a photo after its import, with the value a new photo starts with.
PHOTO_ANNOTATIONS: dict[str, Any] = {
    "caption": "", "incident_id": None, "graphic": 0, "restricted": 0, "caption_review": 0,
}
PHOTO_FIELDS: tuple[str, ...] = (*PHOTO_RECORD, *PHOTO_ANNOTATIONS)
# Derived from the others by core/clock.py's rule: recomputed by verify, never logged.
PHOTO_DERIVED: tuple[str, ...] = ("sort_time", "corrected_local")

INCIDENT_FIELDS: tuple[str, ...] = (
    "name", "kind", "place", "lat", "lon", "radius_m", "starts_at", "ends_at", "description",
    "sources", "notes", "archived", "created_at",
)
SOURCE_FIELDS: tuple[str, ...] = ("path", "size_bytes", "mtime", "import_id", "recorded_at")
IMPORT_FIELDS: tuple[str, ...] = (
    "started_at", "finished_at", "status", "operator", "machine", "app_version", "in_place",
    "paths", "imported", "already_present", "failed",
)
FAILURE_FIELDS: tuple[str, ...] = ("import_id", "path", "path_raw", "sha256", "reason",
                                   "recorded_at")
CLOCK_FIELDS: tuple[str, ...] = ("offset_s", "reason", "set_at", "operator")
LINK_FIELDS: tuple[str, ...] = ("keeper_id", "kind", "distance", "decided_at", "operator")
NOT_DUPLICATE_FIELDS: tuple[str, ...] = ("decided_at", "operator")
REDACTION_FIELDS: tuple[str, ...] = ("photo_id", "shape", "x", "y", "w", "h", "method",
                                     "status", "created_by", "created_at")
FACE_SCAN_FIELDS: tuple[str, ...] = (
    "detector", "detector_version", "scanned_at", "boxes", "faces", "reviewed_by",
    "reviewed_at", "published_anyway_by", "published_anyway_at",
)
SHOT_FIELDS: tuple[str, ...] = ("partner_id", "linked_at")  # a raw's JPEG of the same shot
# a position given after import (from a track, or by hand): never the camera's GPS
POSITION_FIELDS: tuple[str, ...] = ("lat", "lon", "source", "detail", "track_sha256", "set_by",
                                    "set_at")

# The tables verify compares, each a mapping key -> {field: value}:
#   photos {id}, sources {(photo_id, path_raw hex)}, photo_keywords {(photo_id, keyword)},
#   camera_clocks {(make, model, serial)}, duplicate_links {photo_id}, not_duplicates {(a, b)},
#   incidents {id}, imports {id}, import_failures {id}, redactions {id},
#   face_scans {photo_id}, shot_links {raw photo_id}, photo_positions {photo_id}
TABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "photos": PHOTO_FIELDS, "sources": SOURCE_FIELDS, "photo_keywords": (),
    "camera_clocks": CLOCK_FIELDS, "duplicate_links": LINK_FIELDS,
    "not_duplicates": NOT_DUPLICATE_FIELDS, "incidents": INCIDENT_FIELDS,
    "imports": IMPORT_FIELDS, "import_failures": FAILURE_FIELDS,
    "redactions": REDACTION_FIELDS,
    "face_scans": FACE_SCAN_FIELDS,
    "shot_links": SHOT_FIELDS,
    "photo_positions": POSITION_FIELDS,
}
State = dict[str, dict[Any, dict[str, Any]]]


def empty_state() -> State:
    return {table: {} for table in TABLE_FIELDS}


def photo_record(values: dict[str, object]) -> dict[str, object]:
    """The recorded fields of a photo's column values (bytes as hex), for a log entry."""
    found = {}
    for name in PHOTO_RECORD:
        value = values.get(name)
        found[name] = value.hex() if isinstance(value, bytes | bytearray | memoryview) \
            else value
    return found
