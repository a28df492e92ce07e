"""The map: an offline basemap (or a tile pack), photos clustered with counts, incidents' areas.

Drawn by hand in paintEvent (no scene items: 100,000 photos are two arrays). Photos are grouped
into cells of the current zoom once per zoom, so a pan only moves the groups. Drag to pan,
wheel to zoom, Shift+drag to box-select, click a point or group to select it; photos dropped from
the grid are placed where they fall (the controller records it). Nothing here fetches anything.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from catalog_app.core import basemap as bm
from catalog_app.db.tile_pack import TilePack
from catalog_app.gui.models.photo_grid import PHOTO_IDS_MIME

TILE = 256
CELL_PX = 44  # photos closer than this on screen are one group
BASE_MARGIN = 384  # px the base layer reaches past each edge: pans within it redraw nothing
MAX_ZOOM = 19
WATER, LAND, BORDER = QColor("#cfe0ea"), QColor("#f4f1ea"), QColor("#9b9285")
SOURCE_COLOURS = {"camera": QColor("#1f5fae"), "track": QColor("#2e8b57"),
                  "hand": QColor("#d2691e")}
SELECTED = QColor("#e8b400")
PALETTE = ("#c0392b", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#27ae60", "#7f8c8d",
           "#e84393")


def incident_colour(incident_id: int) -> QColor:
    return QColor(PALETTE[incident_id % len(PALETTE)])


class _Groups:
    """Photos grouped into cells of one zoom: centre, count, each photo's group."""

    def __init__(self, x: np.ndarray, y: np.ndarray, zoom: int) -> None:
        size = CELL_PX / (TILE * 2.0 ** zoom)
        cells = np.floor(x / size).astype(np.int64) * (1 << 31) + np.floor(y / size).astype(
            np.int64)
        keys, self.of_point, self.count = np.unique(cells, return_inverse=True,
                                                    return_counts=True)
        self.wx = np.bincount(self.of_point, x, len(keys)) / self.count
        self.wy = np.bincount(self.of_point, y, len(keys)) / self.count
        self.first = np.zeros(len(keys), dtype=np.int64)  # one photo of each group
        self.first[self.of_point[::-1]] = np.arange(len(x))[::-1]
        self._picked: tuple[int, np.ndarray] | None = None

    def picked(self, selected: np.ndarray, version: int) -> np.ndarray:
        """How many selected photos each group holds (kept until the selection changes)."""
        if self._picked is None or self._picked[0] != version:
            counts = np.bincount(self.of_point, selected, len(self.count)) if selected.any() \
                else np.zeros(len(self.count))
            self._picked = (version, counts)
        return self._picked[1]


@dataclass(slots=True)
class _Base:
    """The base layer drawn at one zoom, BASE_MARGIN px wider than the view on every side."""

    pixmap: QPixmap
    cx: float
    cy: float
    size: tuple[int, int]


_MARKERS: dict[tuple[str, int, bool], QPixmap] = {}


def _marker(kind: str, radius: int, chosen: bool) -> QPixmap:
    """A photo's dot (kind: its source) or a group's disc, drawn once and kept."""
    key = (kind, radius, chosen)
    found = _MARKERS.get(key)
    if found is None:
        r = radius or 6
        side = 2 * r + 8
        found = QPixmap(side, side)
        found.fill(Qt.GlobalColor.transparent)
        painter = QPainter(found)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(SELECTED, 3) if chosen else QPen(QColor("white"), 1.5))
        painter.setBrush(QColor(31, 95, 174, 210) if kind == "group"
                         else SOURCE_COLOURS.get(kind, SOURCE_COLOURS["camera"]))
        painter.drawEllipse(QPointF(side / 2, side / 2), r, r)
        painter.end()
        _MARKERS[key] = found
    return found


class MapView(QWidget):
    selection_changed = Signal(list)  # photo ids chosen on the map
    photos_dropped = Signal(list, float, float)  # photo ids, lat, lon
    frame_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map")
        self.setAccessibleName(self.tr("Map"))
        self.setAcceptDrops(True)
        self.setMouseTracking(False)
        self.setMinimumSize(240, 200)
        self.zoom = 2
        self.cx, self.cy = 0.5, 0.5  # the centre, in world units (0..1)
        self.basemap: bm.Basemap | None = None
        self.tiles: TilePack | None = None  # street level, when a pack is open
        self._tile_images: dict[tuple[int, int, int], QImage | None] = {}
        self._paths: dict[tuple[int, int], QPainterPath] = {}
        self.ids = np.zeros(0, dtype=np.int64)
        self.wx = self.wy = np.zeros(0)  # photos in world units
        self.sources: np.ndarray = np.zeros(0, dtype="<U6")
        self._index: dict[int, int] = {}
        self.selected = np.zeros(0, dtype=bool)
        self._groups: dict[int, _Groups] = {}
        self.incidents: list[tuple[int, str, float, float, float, float]] = []
        self._press: QPointF | None = None
        self._press_centre = (0.5, 0.5)
        self._band: QRectF | None = None
        self.last_frame_groups = 0  # groups drawn in the last frame (tests, bench)
        self.base_renders = 0  # base layers drawn (a pan within the margin draws none)
        self.defer_detail = True  # a new zoom shows the nearest kept one scaled first
        self._detail_queued = False
        self._bases: dict[int, _Base] = {}
        self._selection_version = 0
        self._track: tuple[np.ndarray, np.ndarray] | None = None  # a GPX track being previewed
        self._preview: tuple[np.ndarray, np.ndarray] | None = None  # where it would place
        family = self.font().family()
        self._fonts = (QFont(family, 8), QFont(family, 8, QFont.Weight.Bold), QFont(family, 7))

    # -- data ----------------------------------------------------------------------------
    def set_basemap(self, basemap: bm.Basemap | None) -> None:
        self.basemap = basemap
        self._paths.clear()
        self._bases.clear()
        self.update()

    def set_tiles(self, pack: TilePack | None) -> None:
        self.tiles = pack
        self._tile_images.clear()
        self._bases.clear()
        self.update()

    def set_points(self, points: Sequence[tuple[int, float, float, str]]) -> None:
        """(photo id, lat, lon, source) of every photo with a position."""
        selected = set(self.selected_ids())
        self.ids = np.array([p[0] for p in points], dtype=np.int64)
        self.wx, self.wy = bm.to_world(np.array([p[1] for p in points], dtype=np.float64),
                                     np.array([p[2] for p in points], dtype=np.float64))
        self.sources = np.array([p[3] for p in points], dtype="<U6")
        self._index = {int(pid): n for n, pid in enumerate(self.ids)}
        self.selected = np.zeros(len(self.ids), dtype=bool)
        self._groups.clear()
        self.set_selection(selected)

    def set_incidents(self, incidents: Sequence[tuple[int, str, float, float, float]]) -> None:
        """(id, name, lat, lon, radius in metres) of each incident with an area."""
        self.incidents = []
        for iid, name, lat, lon, radius in incidents:
            x, y = bm.to_world(lat, lon)
            self.incidents.append((iid, name, float(x), float(y), radius,
                                   radius / bm.metres_per_world(lat)))
        self.update()

    def set_track(self, line: Sequence[tuple[float, float]],
                  preview: Sequence[tuple[float, float]]) -> None:
        """A track's points (lat, lon) and where it would place photos, shown before applying;
        empty lists take them away."""
        self._track = bm.to_world(np.array([p[0] for p in line]),
                                  np.array([p[1] for p in line])) if line else None
        self._preview = bm.to_world(np.array([p[0] for p in preview]),
                                    np.array([p[1] for p in preview])) if preview else None
        self.update()

    def set_selection(self, photo_ids: Sequence[int] | set[int]) -> None:
        """Show these photos as selected (the grid's selection); emits nothing."""
        self.selected[:] = False
        self._selection_version += 1
        for pid in photo_ids:
            n = self._index.get(pid)
            if n is not None:
                self.selected[n] = True
        self.update()

    def selected_ids(self) -> list[int]:
        return [int(i) for i in self.ids[self.selected]] if len(self.ids) else []

    def shown_ids(self) -> list[int]:
        return [int(i) for i in self.ids]

    # -- geometry ------------------------------------------------------------------------
    @property
    def scale(self) -> float:
        return TILE * 2.0 ** self.zoom

    def to_screen(self, x: float, y: float) -> QPointF:
        s = self.scale
        return QPointF((x - self.cx) * s + self.width() / 2, (y - self.cy) * s + self.height() / 2)

    def to_world(self, point: QPointF) -> tuple[float, float]:
        s = self.scale
        return (self.cx + (point.x() - self.width() / 2) / s,
                self.cy + (point.y() - self.height() / 2) / s)

    def position_of(self, point: QPointF) -> tuple[float, float]:
        """(lat, lon) under a point of the widget."""
        return bm.to_degrees(*self.to_world(point))

    def screen_of(self, photo_id: int) -> QPointF | None:
        n = self._index.get(photo_id)
        return None if n is None else self.to_screen(float(self.wx[n]), float(self.wy[n]))

    def marker_of(self, photo_id: int) -> QPointF | None:
        """Where the photo's dot, or the group holding it, is drawn."""
        n = self._index.get(photo_id)
        if n is None:
            return None
        g = self.groups()
        k = int(g.of_point[n])
        return self.to_screen(float(g.wx[k]), float(g.wy[k]))

    def set_view(self, cx: float, cy: float, zoom: int) -> None:
        self.cx, self.cy = min(max(cx, 0.0), 1.0), min(max(cy, 0.0), 1.0)
        self.zoom = max(0, min(MAX_ZOOM, int(zoom)))
        self.update()

    def fit(self, photo_ids: Sequence[int] | None = None) -> None:
        """Zoom to these photos (all shown, without any): "zoom to selection"."""
        rows = [self._index[p] for p in photo_ids if p in self._index] if photo_ids is not None \
            else list(range(len(self.ids)))
        if not rows:
            return
        xs, ys = self.wx[rows], self.wy[rows]
        span = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()), 1e-7)
        room = max(min(self.width(), self.height()) - 80, 64)
        zoom = math.floor(math.log2(room / (span * TILE)))
        self.set_view(float(xs.min() + xs.max()) / 2, float(ys.min() + ys.max()) / 2,
                      min(zoom, 17))

    def groups(self) -> _Groups:
        found = self._groups.get(self.zoom)
        if found is None:
            found = self._groups[self.zoom] = _Groups(self.wx, self.wy, self.zoom)
        return found

    def _view_box(self, margin: float = 0.0) -> tuple[float, float, float, float]:
        s = self.scale
        w, h = (self.width() / 2 + margin) / s, (self.height() / 2 + margin) / s
        return self.cx - w, self.cy - h, self.cx + w, self.cy + h

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._paint_base(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_incidents(painter)
        self._paint_track(painter)
        self._paint_photos(painter)
        if self._band is not None:
            painter.setPen(QPen(SELECTED, 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(232, 180, 0, 40))
            painter.drawRect(self._band)
        self._paint_credit(painter)
        painter.end()
        self.frame_painted.emit()

    # -- the base layer: basemap or tiles, and towns, drawn once into a pixmap per zoom ---
    def _paint_base(self, painter: QPainter) -> None:
        """Blit the base layer kept for this zoom (a pan within its margin moves it). When none
        covers the view, with `defer_detail`, the nearest kept one (moved, or another zoom's
        scaled) is shown at once and the new one drawn right after, as the next frame;
        without, it is drawn now."""
        painter.fillRect(self.rect(), WATER)
        entry = self._bases.get(self.zoom)
        if entry is None or not self._covers(entry):
            near = min(self._bases.items(), key=lambda kv: abs(kv[0] - self.zoom),
                       default=None)
            if self.defer_detail and near is not None:  # its own zoom's, moved, or another
                self._draw_base(painter, near[1], near[0])
                if not self._detail_queued:
                    self._detail_queued = True
                    QTimer.singleShot(0, self._detail)
                return
            entry = self._render_base()
        self._draw_base(painter, entry, self.zoom)

    def _detail(self) -> None:
        self._detail_queued = False
        entry = self._bases.get(self.zoom)
        if entry is None or not self._covers(entry):
            self._render_base()
        self.update()

    def _covers(self, entry: _Base) -> bool:
        s = self.scale
        return (entry.size == (self.width(), self.height())
                and abs(entry.cx - self.cx) * s <= BASE_MARGIN
                and abs(entry.cy - self.cy) * s <= BASE_MARGIN)

    def _draw_base(self, painter: QPainter, entry: _Base, zoom: int) -> None:
        f = 2.0 ** (self.zoom - zoom)  # 1 at its own zoom
        s = self.scale
        w, h = entry.pixmap.width() * f, entry.pixmap.height() * f
        # where the entry's centre falls now, less its half size
        x = (entry.cx - self.cx) * s + self.width() / 2 - w / 2
        y = (entry.cy - self.cy) * s + self.height() / 2 - h / 2
        if f == 1.0:
            painter.drawPixmap(round(x), round(y), entry.pixmap)
        else:  # only the part that shows, scaled: a preview until the detail is drawn
            shown = QRectF(x, y, w, h).intersected(QRectF(self.rect()))
            if shown.isEmpty():
                return
            source = QRectF((shown.x() - x) / f, (shown.y() - y) / f, shown.width() / f,
                            shown.height() / f)
            painter.drawPixmap(shown, entry.pixmap, source)

    def _render_base(self) -> _Base:
        m = BASE_MARGIN
        pixmap = QPixmap(self.width() + 2 * m, self.height() + 2 * m)
        pixmap.fill(WATER)
        painter = QPainter(pixmap)
        painter.translate(m, m)
        if self.tiles is not None and self.tiles.min_zoom <= self.zoom:
            self._paint_tiles(painter, m)
        elif self.basemap is not None:
            self._paint_basemap(painter, m)
            self._paint_towns(painter, m)
        painter.end()
        entry = _Base(pixmap, self.cx, self.cy, (self.width(), self.height()))
        self._bases[self.zoom] = entry
        while len(self._bases) > 4:  # the zooms last drawn
            self._bases.pop(next(iter(self._bases)))
        self.base_renders += 1
        return entry

    def _paint_basemap(self, painter: QPainter, margin: float) -> None:
        assert self.basemap is not None
        level = self.basemap.level(self.zoom)
        x0, y0, x1, y1 = self._view_box(margin + 4)
        b = level.boxes
        visible = np.nonzero((b[:, 2] >= x0) & (b[:, 0] <= x1) & (b[:, 3] >= y0)
                             & (b[:, 1] <= y1))[0]
        s = self.scale
        painter.save()
        painter.translate(self.width() / 2 - self.cx * s, self.height() / 2 - self.cy * s)
        painter.scale(s, s)
        pen = QPen(BORDER, 0.8)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(LAND)
        levels = self.basemap.levels.index(level)
        for n in visible.tolist():
            path = self._paths.get((levels, n))
            if path is None:
                ring = level.rings[n]
                path = QPainterPath()
                path.addPolygon(QPolygonF([QPointF(px, py) for px, py in ring.tolist()]))
                self._paths[(levels, n)] = path
            painter.drawPath(path)
        painter.restore()

    def _paint_towns(self, painter: QPainter, margin: float) -> None:
        assert self.basemap is not None
        towns = self.basemap.towns
        if self.zoom < 4 or not len(towns.x):
            return
        least = 5_000 if self.zoom >= 9 else 50_000 if self.zoom >= 6 else 500_000
        x0, y0, x1, y1 = self._view_box(margin)
        inside = np.nonzero((towns.x >= x0) & (towns.x <= x1) & (towns.y >= y0)
                            & (towns.y <= y1) & (towns.population >= least))[0][:80]
        painter.setPen(QColor("#5b5346"))
        painter.setFont(self._fonts[0])
        taken: list[QRectF] = []
        for n in inside.tolist():  # the largest first
            at = self.to_screen(float(towns.x[n]), float(towns.y[n]))
            box = QRectF(at.x() + 4, at.y() - 12, 7 * len(towns.names[n]), 14)
            if any(box.intersects(t) for t in taken):
                continue
            taken.append(box)
            painter.drawEllipse(at, 2, 2)
            painter.drawText(box.bottomLeft() - QPointF(0, 3), towns.names[n])

    def _paint_tiles(self, painter: QPainter, margin: float) -> None:
        pack = self.tiles
        assert pack is not None
        z = min(self.zoom, pack.max_zoom)
        s = self.scale
        tile_px = s / (1 << z)
        x0, y0, x1, y1 = self._view_box(margin)
        n = 1 << z
        for ty in range(max(0, int(y0 * n)), min(n, int(y1 * n) + 1)):
            for tx in range(max(0, int(x0 * n)), min(n, int(x1 * n) + 1)):
                key = (z, tx, ty)
                if key not in self._tile_images:
                    data = pack.tile(z, tx, ty)
                    self._tile_images[key] = QImage.fromData(data) if data else None
                image = self._tile_images[key]
                if image is not None and not image.isNull():
                    at = self.to_screen(tx / n, ty / n)
                    painter.drawImage(QRectF(at.x(), at.y(), tile_px, tile_px), image)

    def _paint_incidents(self, painter: QPainter) -> None:
        s = self.scale
        for iid, name, x, y, _radius, r_world in self.incidents:
            colour = incident_colour(iid)
            at = self.to_screen(x, y)
            r = max(r_world * s, 6.0)
            fill = QColor(colour)
            fill.setAlpha(45)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(fill)
            painter.drawEllipse(at, r, r)
            painter.drawText(at + QPointF(r * 0.71 + 3, -r * 0.71), name)

    def _paint_track(self, painter: QPainter) -> None:
        if self._track is not None:
            painter.setPen(QPen(SOURCE_COLOURS["track"], 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF([self.to_screen(x, y) for x, y in zip(
                self._track[0].tolist(), self._track[1].tolist(), strict=True)]))
        if self._preview is not None:
            painter.setPen(QPen(SOURCE_COLOURS["track"], 2))
            painter.setBrush(QColor(255, 255, 255, 200))
            for x, y in zip(self._preview[0].tolist(), self._preview[1].tolist(), strict=True):
                painter.drawEllipse(self.to_screen(x, y), 7, 7)

    def _paint_photos(self, painter: QPainter) -> None:
        if not len(self.ids):
            self.last_frame_groups = 0
            return
        g = self.groups()
        x0, y0, x1, y1 = self._view_box(CELL_PX)
        shown = np.nonzero((g.wx >= x0) & (g.wx <= x1) & (g.wy >= y0) & (g.wy <= y1))[0]
        self.last_frame_groups = len(shown)
        picked = g.picked(self.selected, self._selection_version)
        painter.setFont(self._fonts[1])
        painter.setPen(QColor("white"))
        s, half_w, half_h = self.scale, self.width() / 2, self.height() / 2
        for n, gx, gy, count, first, chosen in zip(
                shown.tolist(), g.wx[shown].tolist(), g.wy[shown].tolist(),
                g.count[shown].tolist(), g.first[shown].tolist(), picked[shown].tolist(),
                strict=True):
            del n
            x, y = (gx - self.cx) * s + half_w, (gy - self.cy) * s + half_h
            if count == 1:
                mark = _marker(str(self.sources[first]), 0, bool(chosen))
                painter.drawPixmap(int(x) - mark.width() // 2, int(y) - mark.height() // 2,
                                   mark)
                continue
            r = int(11 + 3 * math.log10(count))
            mark = _marker("group", r, bool(chosen))
            painter.drawPixmap(int(x) - mark.width() // 2, int(y) - mark.height() // 2, mark)
            painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                             QLocale().toString(count))

    def credit(self) -> str:
        """The built-in basemap's credit, in the window's language (a tile pack's is its own)."""
        if bm.CREDIT != "Basemap: Natural Earth (public domain) · towns: GeoNames (CC BY 4.0)":
            return bm.CREDIT  # changed at the source: shown as it is until translated again
        return self.tr("Basemap: Natural Earth (public domain) · towns: GeoNames (CC BY 4.0)")

    def _paint_credit(self, painter: QPainter) -> None:
        text = (self.tiles.attribution or self.tiles.name) if self.tiles is not None \
            and self.tiles.min_zoom <= self.zoom else self.credit()
        painter.setFont(self._fonts[2])
        width = painter.fontMetrics().horizontalAdvance(text) + 8
        box = QRect(self.width() - width, self.height() - 16, width, 16)
        painter.fillRect(box, QColor(255, 255, 255, 190))
        painter.setPen(QColor("#333"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # -- picking -------------------------------------------------------------------------
    def ids_in(self, rect: QRectF) -> list[int]:
        """The photos of every dot or group drawn inside a rectangle of the widget."""
        if not len(self.ids):
            return []
        g = self.groups()
        (ax, ay), (bx, by) = self.to_world(rect.topLeft()), self.to_world(rect.bottomRight())
        inside = (g.wx >= ax) & (g.wx <= bx) & (g.wy >= ay) & (g.wy <= by)
        return [int(i) for i in self.ids[inside[g.of_point]]]

    def ids_at(self, point: QPointF) -> list[int]:
        """The photos of the point or group drawn under `point` (nearest within its size)."""
        if not len(self.ids):
            return []
        g = self.groups()
        s = self.scale
        wx, wy = self.to_world(point)
        d = np.hypot((g.wx - wx) * s, (g.wy - wy) * s)
        n = int(np.argmin(d))
        reach = 8 if g.count[n] == 1 else 11 + 3 * math.log10(float(g.count[n]))
        if d[n] > reach + 2:
            return []
        return [int(i) for i in self.ids[g.of_point == n]]

    # -- mouse ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_centre = (self.cx, self.cy)
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._band = QRectF(self._press, self._press)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        if self._band is not None:
            self._band = QRectF(self._press, event.position()).normalized()
        else:
            delta = event.position() - self._press
            self.set_view(self._press_centre[0] - delta.x() / self.scale,
                          self._press_centre[1] - delta.y() / self.scale, self.zoom)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = (event.position() - self._press).manhattanLength()
        if self._band is not None:
            chosen = self.ids_in(self._band)
            self._band = None
            self._choose(chosen, event)
        elif moved < 4:
            self._choose(self.ids_at(event.position()), event)
        self._press = None
        self.update()

    def _choose(self, chosen: list[int], event: QMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            chosen = sorted(set(self.selected_ids()) | set(chosen))
        self.set_selection(chosen)
        self.selection_changed.emit(chosen)

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = 1 if event.angleDelta().y() > 0 else -1
        self.zoom_at(event.position(), step)

    def zoom_at(self, point: QPointF, step: int) -> None:
        """Zoom in (1) or out (-1), keeping the place under `point` where it is."""
        wx, wy = self.to_world(point)
        zoom = max(0, min(MAX_ZOOM, self.zoom + step))
        factor = 2.0 ** (self.zoom - zoom)
        self.set_view(wx - (wx - self.cx) * factor, wy - (wy - self.cy) * factor, zoom)

    # -- drops from the grid -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if not data.hasFormat(PHOTO_IDS_MIME):
            return
        ids = [int(i) for i in json.loads(bytes(data.data(PHOTO_IDS_MIME).data()).decode())]
        lat, lon = self.position_of(event.position())
        event.acceptProposedAction()
        self.drop(ids, lat, lon)

    def drop(self, photo_ids: list[int], lat: float, lon: float) -> None:
        """Photos let go at (lat, lon): the controller places them (logged, undoable)."""
        if photo_ids:
            self.photos_dropped.emit(photo_ids, lat, lon)
