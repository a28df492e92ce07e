"""Single-file exports: photo positions (GeoJSON, KML) and the catalogue as a CSV table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.core.models import Actor
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import ExportError
from catalog_app.export import folder, geo, records, selection
from catalog_app.export.selection import Selection

# `export csv` is the catalogue, not a package: it has no package file to name
TABLE_COLUMNS = tuple(c for c in records.CSV_COLUMNS if c != "package_file")
KINDS = {"geojson": geo.geojson, "kml": geo.kml,
         "csv": lambda rows: records.to_csv(rows, TABLE_COLUMNS)}
spreadsheet_safe = records.spreadsheet_safe  # the one escaping every CSV cell goes through


@dataclass(frozen=True, slots=True)
class FileExport:
    kind: str
    path: Path
    photos: int  # rows written (for positions: the photos that have one)
    withheld: int  # restricted photos and copies of restricted photos left out
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> count (the withheld)


def export_file(catalogue: CatalogueStore, kind: str, path: Path, chosen: Selection,
                actor: Actor) -> FileExport:
    """Write one file of every chosen photo (untagged ones included; restricted ones and
    copies of them only on purpose) and record the export in the custody log."""
    path = Path(path).absolute()
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name for the {kind.upper()}.")
    picked = selection.for_package(catalogue.photos(), Selection(
        chosen.incident_ids, chosen.photo_ids, chosen.date_from, chosen.date_to,
        include_untagged=True, include_restricted=chosen.include_restricted),
        selection.copy_groups(catalogue))
    copies = records.duplicate_map(picked.photos)
    importers = records.importers(catalogue.custody_log()) if kind == "csv" else {}
    rows = [records.photo_record(p, duplicates=copies.get(p.id, ()),
                                 imported_by=importers.get(p.id),
                                 copy_of_restricted=picked.copies_of_restricted.get(p.id, ()))
            for p in picked.photos]
    folder.write_text(path, KINDS[kind](rows))
    catalogue.record_event(f"export-{kind}", {
        "destination": str(path), "photos": [r["id"] for r in rows],
        "withheld": [p.id for p in picked.withheld]}, actor)
    count = len(rows) if kind == "csv" else sum(1 for r in rows if r["gps_lat"] is not None)
    return FileExport(kind, path, count, len(picked.withheld), dict(picked.left_out))
