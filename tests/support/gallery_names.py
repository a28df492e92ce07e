"""Test helper: a gallery folder's image names, read from the catalogue's side of the export."""

from __future__ import annotations

import json
from pathlib import Path

from catalog_app.export import folder


def tokens(catalogue_root: Path, out: Path) -> dict[int, str]:
    """Photo id -> image name in the gallery at `out` (the name map under exports/)."""
    export_id = folder.read_marker(out)["export_id"]
    path = Path(catalogue_root) / "exports" / "galleries" / f"{export_id}.json"
    return {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8"))["names"].items()}
