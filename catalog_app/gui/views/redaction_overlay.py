"""The viewer's redaction layer: draws regions over the photo, takes new ones by the mouse, and
moves or resizes (by its handles) the selected one."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from catalog_app.core.redaction import Region, Shape

MIN_DRAG_PX = 6  # a shorter drag is a click (it selects the region under it)
MIN_MOVE_PX = 2  # a move or resize by less is a click; a region is kept MIN_DRAG_PX across
HANDLE_PX = 10  # the side of a handle's square (and of the area a press on it is taken in)

Edges = tuple[int, int, int, int]  # which of (left, top, right, bottom) a drag moves: 0 or 1
MOVE: Edges = (1, 1, 1, 1)
# the selected region's handles: its corners and the middles of its sides
HANDLES: dict[str, Edges] = {
    "top-left": (1, 1, 0, 0), "top": (0, 1, 0, 0), "top-right": (0, 1, 1, 0),
    "right": (0, 0, 1, 0), "bottom-right": (0, 0, 1, 1), "bottom": (0, 0, 0, 1),
    "bottom-left": (1, 0, 0, 1), "left": (1, 0, 0, 0)}
_CURSORS = {(1, 1, 0, 0): Qt.CursorShape.SizeFDiagCursor,
            (0, 0, 1, 1): Qt.CursorShape.SizeFDiagCursor,
            (0, 1, 1, 0): Qt.CursorShape.SizeBDiagCursor,
            (1, 0, 0, 1): Qt.CursorShape.SizeBDiagCursor,
            (0, 1, 0, 0): Qt.CursorShape.SizeVerCursor, (0, 0, 0, 1): Qt.CursorShape.SizeVerCursor,
            (1, 0, 0, 0): Qt.CursorShape.SizeHorCursor, (0, 0, 1, 0): Qt.CursorShape.SizeHorCursor,
            MOVE: Qt.CursorShape.SizeAllCursor}


def handle_point(rect: QRectF, edges: Edges) -> QPointF:
    """Where the handle that moves `edges` sits on `rect` (a corner or a side's middle)."""
    left, top, right, bottom = edges
    x = rect.left() if left else rect.right() if right else rect.center().x()
    y = rect.top() if top else rect.bottom() if bottom else rect.center().y()
    return QPointF(x, y)


def reshaped_box(box: tuple[float, float, float, float], edges: Edges, dx: float, dy: float,
                 min_w: float, min_h: float) -> tuple[float, float, float, float]:
    """`box` (x, y, w, h, normalised) with `edges` moved by (dx, dy) (normalised too): a move
    (every edge) keeps its size and stays inside the photo; a resize keeps the edges it does
    not move, stays inside the photo and keeps at least min_w x min_h."""
    x, y, w, h = box
    if edges == MOVE:
        return (min(max(x + dx, 0.0), max(0.0, 1.0 - w)),
                min(max(y + dy, 0.0), max(0.0, 1.0 - h)), w, h)
    left, top, right, bottom = x, y, x + w, y + h
    if edges[0]:
        left = min(max(left + dx, 0.0), right - min_w)
    if edges[2]:
        right = max(min(right + dx, 1.0), left + min_w)
    if edges[1]:
        top = min(max(top + dy, 0.0), bottom - min_h)
    if edges[3]:
        bottom = max(min(bottom + dy, 1.0), top + min_h)
    return left, top, min(right, 1.0) - left, min(bottom, 1.0) - top


class RedactionOverlay(QWidget):
    """Sits over the photo's label; `photo_rect` is where the photo is drawn inside it."""

    drawn = Signal(float, float, float, float)  # x, y, w, h normalised to the photo
    # the selected region moved ("moved") or resized ("resized"): id, how, its new x, y, w, h
    reshaped = Signal(int, str, float, float, float, float)
    selection_changed = Signal(object)  # the selected region's id, or None

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("redaction-overlay")
        self.setAccessibleName(self.tr("Redaction regions"))
        self.setMouseTracking(True)  # the cursor says what a press would do
        self.photo_rect = QRectF()
        self.shape = Shape.RECTANGLE
        self.regions: tuple[Region, ...] = ()
        self.selected: int | None = None
        self._start: QPointF | None = None
        self._end: QPointF | None = None
        self._edges: Edges | None = None  # what a drag of the selected region moves

    # -- what it shows ---------------------------------------------------------------------
    def set_regions(self, regions: tuple[Region, ...], select: int | None = None) -> None:
        """Show `regions`; the selection stays, else goes to `select` (a region just made),
        else to the first proposed region (the ones waiting for review), else to none."""
        self.regions = tuple(regions)
        ids = {r.id for r in self.regions}
        proposed = next((r.id for r in self.regions if not r.applied), None)
        self.select(self.selected if self.selected in ids else select if select in ids
                    else proposed)

    def select(self, region_id: int | None) -> None:
        self.selected = region_id
        self.selection_changed.emit(region_id)
        self.update()

    def select_next(self) -> None:
        ids = [r.id for r in self.regions]
        if ids:
            at = ids.index(self.selected) + 1 if self.selected in ids else 0
            self.select(ids[at % len(ids)])

    def selected_region(self) -> Region | None:
        return next((r for r in self.regions if r.id == self.selected), None)

    def to_widget(self, region: Region) -> QRectF:
        rect = self.photo_rect
        return QRectF(rect.x() + region.x * rect.width(), rect.y() + region.y * rect.height(),
                      region.w * rect.width(), region.h * rect.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for region in self.regions:
            chosen = region.id == self.selected
            pen = QPen(QColor("#ffd400") if region.applied else QColor("#00d0ff"),
                       3 if chosen else 2)
            if not region.applied:
                pen.setStyle(Qt.PenStyle.DashLine)  # proposed: waiting for review
            painter.setPen(pen)
            self._draw(painter, region.shape, self.to_widget(region))
        chosen_region = self.selected_region()
        if self._edges is not None and chosen_region is not None:
            painter.setPen(QPen(QColor("#ff4040"), 2, Qt.PenStyle.DotLine))
            self._draw(painter, chosen_region.shape, self._drag_rect(chosen_region))
        elif self._start is not None and self._end is not None:
            painter.setPen(QPen(QColor("#ff4040"), 2, Qt.PenStyle.DotLine))
            self._draw(painter, self.shape, QRectF(self._start, self._end).normalized())
        if chosen_region is not None:
            rect = self._drag_rect(chosen_region) if self._edges is not None \
                else self.to_widget(chosen_region)
            painter.setPen(QPen(QColor("#202020"), 1))
            painter.setBrush(QColor("#ffffff"))
            for edges in HANDLES.values():
                painter.drawRect(self._handle_rect(rect, edges))
        painter.end()

    @staticmethod
    def _handle_rect(rect: QRectF, edges: Edges) -> QRectF:
        at = handle_point(rect, edges)
        half = HANDLE_PX / 2
        return QRectF(at.x() - half, at.y() - half, HANDLE_PX, HANDLE_PX)

    @staticmethod
    def _draw(painter: QPainter, shape: Shape, rect: QRectF) -> None:
        if shape is Shape.ELLIPSE:
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)

    # -- the mouse -----------------------------------------------------------------------
    def _clamped(self, point: QPointF) -> QPointF:
        rect = self.photo_rect
        return QPointF(min(max(point.x(), rect.left()), rect.right()),
                       min(max(point.y(), rect.top()), rect.bottom()))

    def edges_at(self, point: QPointF) -> Edges | None:
        """What a press at `point` would drag: a handle of the selected region (the edges it
        moves), the inside of the selected region (MOVE), or nothing (None: draw)."""
        region = self.selected_region()
        if region is None or self.photo_rect.isEmpty():
            return None
        rect = self.to_widget(region)
        for edges in HANDLES.values():
            if self._handle_rect(rect, edges).contains(point):
                return edges
        return MOVE if rect.contains(point) else None

    def _drag_box(self, region: Region) -> tuple[float, float, float, float]:
        """The selected region's box (normalised) as the drag so far leaves it."""
        rect = self.photo_rect
        start, end = self._start or QPointF(), self._end or self._start or QPointF()
        return reshaped_box((region.x, region.y, region.w, region.h), self._edges or MOVE,
                            (end.x() - start.x()) / rect.width(),
                            (end.y() - start.y()) / rect.height(),
                            min(region.w, MIN_DRAG_PX / rect.width()),
                            min(region.h, MIN_DRAG_PX / rect.height()))

    def _drag_rect(self, region: Region) -> QRectF:
        x, y, w, h = self._drag_box(region)
        rect = self.photo_rect
        return QRectF(rect.x() + x * rect.width(), rect.y() + y * rect.height(),
                      w * rect.width(), h * rect.height())

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.photo_rect.isEmpty():
            super().mousePressEvent(event)
            return
        self._edges = self.edges_at(event.position())
        self._start = self._end = (event.position() if self._edges is not None
                                   else self._clamped(event.position()))

    def mouseMoveEvent(self, event) -> None:
        if self._start is not None:
            self._end = (event.position() if self._edges is not None
                         else self._clamped(event.position()))
            self.update()
            return
        edges = self.edges_at(event.position())
        self.setCursor(QCursor(_CURSORS[edges] if edges is not None
                               else Qt.CursorShape.CrossCursor))

    def mouseReleaseEvent(self, event) -> None:
        if self._start is None:
            super().mouseReleaseEvent(event)
            return
        if self._edges is not None:
            self._end = event.position()
            self._reshaped(self._start, self._end)
            return
        start, end = self._start, self._clamped(event.position())
        self._start = self._end = None
        self.update()
        box = QRectF(start, end).normalized()
        if box.width() < MIN_DRAG_PX or box.height() < MIN_DRAG_PX:
            self._select_at(end)
            return
        rect = self.photo_rect
        x, y = (box.x() - rect.x()) / rect.width(), (box.y() - rect.y()) / rect.height()
        w, h = box.width() / rect.width(), box.height() / rect.height()
        self.drawn.emit(max(0.0, x), max(0.0, y), min(w, 1 - max(0.0, x)),
                        min(h, 1 - max(0.0, y)))

    def _reshaped(self, start: QPointF, end: QPointF) -> None:
        """The end of a drag of the selected region: say its new box (a short one is a click)."""
        region, edges = self.selected_region(), self._edges
        box = self._drag_box(region) if region is not None else None
        self._start = self._end = self._edges = None
        self.update()
        moved = max(abs(end.x() - start.x()), abs(end.y() - start.y()))
        if region is None or region.id is None or box is None or moved < MIN_MOVE_PX:
            self._select_at(end)
            return
        if box != (region.x, region.y, region.w, region.h):
            self.reshaped.emit(region.id, "moved" if edges == MOVE else "resized", *box)

    def _select_at(self, point: QPointF) -> None:
        """A click selects the region under it; a click beside every region selects none."""
        for region in reversed(self.regions):
            if self.to_widget(region).contains(point):
                self.select(region.id)
                return
        self.select(None)
