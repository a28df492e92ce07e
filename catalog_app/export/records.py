"""Per-photo records for manifests and tables: everything the catalogue knows, as plain values."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Any

from catalog_app.core import timezones
from catalog_app.core.models import CustodyEntry, Photo

CSV_COLUMNS = (
    "id", "sha256", "package_file", "format", "size_bytes", "width", "height",
    "original_names", "source_paths", "taken_at", "time_source", "taken_at_utc",
    "taken_at_corrected", "taken_at_corrected_utc", "clock_offset_s", "gps_lat", "gps_lon",
    "gps_alt", "camera_make", "camera_model", "camera_serial", "incident_id", "incident", "caption",
    "caption_needs_review", "keywords", "graphic", "restricted", "copy_of_restricted",
    "duplicate_of", "duplicates", "imported_at", "imported_by", "metadata_warnings",
)


def photo_record(photo: Photo, *, package_file: str | None = None,
                 duplicates: Iterable[int] = (), imported_by: str | None = None,
                 copy_of_restricted: Iterable[int] = ()) -> dict[str, Any]:
    """One photo as a JSON-ready dict (the manifest's unit). `copy_of_restricted`: the
    restricted photos this one is a copy of (taken only with --include-restricted)."""
    capture = photo.capture
    gps = capture.gps
    utc = capture.taken_at_utc
    corrected = photo.taken_at_corrected
    corrected_utc = photo.best_time_utc if corrected else None
    return {
        "id": photo.id,
        "sha256": photo.sha256,
        "package_file": package_file,
        "format": photo.format,
        "size_bytes": photo.size_bytes,
        "width": photo.width,
        "height": photo.height,
        "original_names": sorted({PurePath(s.path).name for s in photo.sources}),
        "source_paths": [s.path for s in photo.sources],
        "taken_at": capture.taken_at.isoformat() if capture.taken_at else None,
        "time_source": capture.time_source.value,
        "taken_at_utc": timezones.to_utc_iso(utc) if utc else None,
        "taken_at_corrected": corrected.isoformat() if corrected else None,
        # the same moment as taken_at_corrected, in UTC (None when its zone is unknown)
        "taken_at_corrected_utc": timezones.to_utc_iso(corrected_utc) if corrected_utc
        else None,
        "clock_offset_s": photo.clock_offset_s,
        "gps_lat": gps.lat if gps else None,
        "gps_lon": gps.lon if gps else None,
        "gps_alt": gps.alt if gps else None,
        "camera_make": capture.camera.make,
        "camera_model": capture.camera.model,
        "camera_serial": capture.camera.serial,
        "incident_id": photo.incident[0] if photo.incident else None,
        "incident": photo.incident[1] if photo.incident else None,
        "caption": photo.caption,
        "caption_needs_review": photo.caption_review,
        "keywords": list(photo.keywords),
        "graphic": photo.graphic,
        "restricted": photo.restricted,
        "copy_of_restricted": sorted(copy_of_restricted),
        "duplicate_of": photo.duplicate_of,
        "duplicates": sorted(duplicates),
        "imported_at": photo.imported_at,
        "imported_by": imported_by,
        "metadata_warnings": list(capture.warnings),
    }


def importers(entries: Iterable[CustodyEntry]) -> dict[int, str]:
    """Photo id -> the operator who imported it, from the custody log."""
    found: dict[int, str] = {}
    for entry in entries:
        if entry.action == "import" and entry.photo_id is not None:
            found.setdefault(entry.photo_id, entry.operator)
    return found


def duplicate_map(photos: Iterable[Photo]) -> dict[int, list[int]]:
    """Keeper id -> the ids linked to it as duplicates."""
    found: dict[int, list[int]] = {}
    for photo in photos:
        if photo.duplicate_of is not None:
            found.setdefault(photo.duplicate_of, []).append(photo.id)
    return found


def to_csv(records: Iterable[dict[str, Any]], columns: Sequence[str] = CSV_COLUMNS) -> str:
    """Records as CSV (lists joined with "; "), with a header row; opens in any spreadsheet."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _cell(record.get(k)) for k in columns})
    return buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(text: str) -> str:
    """A cell's text a spreadsheet shows and never runs: one that could start a formula
    (=, +, -, @, a tab or line break before one, or their full-width forms) gets a leading '."""
    if text.lstrip(" ")[:1] in _FORMULA_START:
        return "'" + text
    return text


def _cell(value: Any) -> Any:
    if isinstance(value, list):  # a list cell is text like any other: escaped as a whole
        return spreadsheet_safe("; ".join(str(v) for v in value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)  # a spreadsheet must not run a caption as a formula
    return value


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
