"""JSON forms of domain objects: the command-line contract other tools rely on."""

from __future__ import annotations

from typing import Any

from catalog_app.core import hashes, labels, timezones
from catalog_app.core.dedup import DuplicateGroup
from catalog_app.core.layout import Layout
from catalog_app.core.models import ImportFailure, ImportSummary, Incident, Photo


def photo(item: Photo, layout: Layout) -> dict[str, Any]:
    capture = item.capture
    utc = capture.taken_at_utc
    corrected_utc = item.best_time_utc if item.taken_at_corrected else None
    return {
        "id": item.id,
        "sha256": item.sha256,
        "sources": [s.path for s in item.sources],
        "stored_path": str(layout.resolve(item.stored_path)),
        "in_place": item.in_place,
        "format": item.format,
        "size_bytes": item.size_bytes,
        "width": item.width,
        "height": item.height,
        "taken_at": capture.taken_at.isoformat() if capture.taken_at else None,
        "taken_at_utc": timezones.to_utc_iso(utc) if utc else None,
        "time_source": capture.time_source.value,
        # where it was: the camera's GPS, else a position assigned from a track or by hand
        # ("source" says which; "detail" how it was assigned); the camera's is never replaced
        "gps": _gps(item),
        "camera": {"make": capture.camera.make, "model": capture.camera.model,
                   "serial": capture.camera.serial},
        "orientation": capture.orientation,
        # None when no pixel decoded: "original preserved, no preview" (preview_missing says why)
        "phash": hashes.to_hex(item.phash) if item.preview_missing is None else None,
        "dhash": hashes.to_hex(item.dhash) if item.preview_missing is None else None,
        "preview_missing": item.preview_missing,
        "imported_at": item.imported_at,
        "incident": {"id": item.incident[0], "name": item.incident[1]} if item.incident
        else None,
        "caption": item.caption,
        "caption_needs_review": item.caption_review,
        "keywords": list(item.keywords),
        "graphic": item.graphic,
        "restricted": item.restricted,
        "duplicate_of": item.duplicate_of,
        "same_shot": item.same_shot,  # the raw or JPEG of the same shot (one shot, two files)
        "clock_offset_s": item.clock_offset_s,
        "taken_at_corrected": item.taken_at_corrected.isoformat()
        if item.taken_at_corrected else None,
        # the same moment as taken_at_corrected, in UTC (None when its zone is unknown)
        "taken_at_corrected_utc": timezones.to_utc_iso(corrected_utc) if corrected_utc
        else None,
        "thumbnail_path": str(layout.resolve(item.thumbnail_path)) if item.thumbnail_path
        else None,
        "metadata_warnings": list(capture.warnings),
        "source_files": [{"path": s.path, "size_bytes": s.size_bytes, "mtime": s.mtime,
                          "recorded_at": s.recorded_at} for s in item.sources],
    }


def _gps(item: Photo) -> dict[str, Any] | None:
    gps, placed = item.capture.gps, item.assigned
    if gps is not None:
        return {"lat": gps.lat, "lon": gps.lon, "alt": gps.alt, "source": "camera",
                "detail": None}
    if placed is not None:
        return {"lat": placed.lat, "lon": placed.lon, "alt": None,
                "source": placed.source.value, "detail": placed.detail}
    return None


def incident(item: Incident) -> dict[str, Any]:
    return {"id": item.id, "name": item.name, "kind": item.kind, "place": item.place,
            "lat": item.lat, "lon": item.lon, "radius_m": item.radius_m,
            "start": item.starts_at, "end": item.ends_at, "description": item.description,
            "sources": item.sources, "notes": item.notes, "archived": item.archived,
            "photos": item.photo_count}


def import_summary(summary: ImportSummary, import_id: int | None) -> dict[str, Any]:
    return {
        # in English in every language; None: every file was kept
        "do_not_wipe": labels.wipe_warning(len(summary.failed), language="en"),
        "not_preserved": _pairs(summary.failed),
        "import_id": import_id,
        "imported": summary.imported,
        "already_present": summary.already_present,
        "failed": _pairs(summary.failed),
        "skipped": _pairs(summary.skipped),
        "warnings": _pairs(summary.warnings),
        "cancelled": summary.cancelled,
        "near_duplicates": len(summary.near_duplicates),
        "near_duplicate_photos": [{"photo": new, "of": others}
                                  for new, others in summary.near_duplicates.items()],
    }


def duplicate_group(group: DuplicateGroup) -> dict[str, Any]:
    return {"id": group.id, "kind": group.kind, "keeper": group.keeper,
            "resolved": group.resolved,
            "members": [{"photo": m.photo, "distance": m.distance, "reason": m.reason,
                         "partner": m.partner, "box": m.box, "partner_box": m.partner_box}
                        for m in group.members]}


def _pairs(items: list[ImportFailure]) -> list[dict[str, str]]:
    return [{"path": f.path, "reason": f.reason} for f in items]
