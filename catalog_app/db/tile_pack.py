"""An MBTiles tile pack prepared before a mission, opened read-only from a file: never fetched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from catalog_app.errors import UsageError


class NotATilePack(UsageError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path} is not an MBTiles tile pack this app can show: {why}.")


class TilePack:
    """Raster tiles (PNG, JPEG or WebP) by slippy-map (zoom, x, y); MBTiles rows count y from
    the south (TMS), which tile() turns round."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                         check_same_thread=False)
            meta = dict(self._conn.execute("SELECT name, value FROM metadata"))
            zooms = self._conn.execute(
                "SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
        except sqlite3.Error as exc:
            raise NotATilePack(path, str(exc)) from None
        if zooms[0] is None:
            raise NotATilePack(path, "it holds no tiles")
        if meta.get("format", "png") not in ("png", "jpg", "jpeg", "webp"):
            raise NotATilePack(path, f"its tiles are {meta.get('format')}, not raster images")
        self.name = meta.get("name", path.stem)
        self.attribution = meta.get("attribution", "")
        self.min_zoom, self.max_zoom = int(zooms[0]), int(zooms[1])

    def tile(self, zoom: int, x: int, y: int) -> bytes | None:
        row = self._conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND"
            " tile_row = ?", (zoom, x, (1 << zoom) - 1 - y)).fetchone()
        return bytes(row[0]) if row else None

    def close(self) -> None:
        self._conn.close()
