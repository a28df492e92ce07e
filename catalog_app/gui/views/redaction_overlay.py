"""The viewer's redaction layer: draws regions over the photo and takes new ones by the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from catalog_app.core.redaction import Region, Shape

MIN_DRAG_PX = 6  # a shorter drag is a click (it selects the region under it)


class RedactionOverlay(QWidget):
    """Sits over the photo's label; `photo_rect` is where the photo is drawn inside it."""

    drawn = Signal(float, float, float, float)  # x, y, w, h normalised to the photo
    selection_changed = Signal(object)  # the selected region's id, or None

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("redaction-overlay")
        self.setAccessibleName("Redaction regions")
        self.setMouseTracking(False)
        self.photo_rect = QRectF()
        self.shape = Shape.RECTANGLE
        self.regions: tuple[Region, ...] = ()
        self.selected: int | None = None
        self._start: QPointF | None = None
        self._end: QPointF | None = None

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
        if self._start is not None and self._end is not None:
            painter.setPen(QPen(QColor("#ff4040"), 2, Qt.PenStyle.DotLine))
            self._draw(painter, self.shape, QRectF(self._start, self._end).normalized())
        painter.end()

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

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.photo_rect.isEmpty():
            super().mousePressEvent(event)
            return
        self._start = self._end = self._clamped(event.position())

    def mouseMoveEvent(self, event) -> None:
        if self._start is not None:
            self._end = self._clamped(event.position())
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if self._start is None:
            super().mouseReleaseEvent(event)
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

    def _select_at(self, point: QPointF) -> None:
        """A click selects the region under it; a click beside every region selects none."""
        for region in reversed(self.regions):
            if self.to_widget(region).contains(point):
                self.select(region.id)
                return
        self.select(None)
