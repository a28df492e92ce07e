"""Badges painted over a thumbnail: the incident's colour and one mark per fact (core/badges)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from catalog_app.core.badges import Badge, marks

_FILL = {
    Badge.GRAPHIC: "#c62828", Badge.RESTRICTED: "#212121", Badge.CAPTION_REVIEW: "#f9a825",
    Badge.REDACTION_OPEN: "#6a1b9a", Badge.DUPLICATE: "#1565c0", Badge.NO_GPS: "#616161",
    Badge.NO_TIME: "#616161", Badge.CORRECTED_CLOCK: "#00796b",
}
_INK = {Badge.CAPTION_REVIEW: "#000000"}  # dark text on the light fill


def mark_size(icon: QRect) -> int:
    """The side of one mark: readable at the smallest thumbnails, modest at the largest."""
    return max(12, min(22, icon.height() // 7))


def paint(painter: QPainter, icon: QRect, badges: int, incident_colour: str | None) -> None:
    """Draw over the thumbnail's rectangle `icon`: a band of the incident's colour along its
    top, and the marks of `badges` in a row along its bottom-left corner."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if incident_colour:
        painter.fillRect(QRect(icon.left(), icon.top(), icon.width(), max(3, icon.height() // 30)),
                         QColor(incident_colour))
    side = mark_size(icon)
    font = QFont(painter.font())
    font.setPixelSize(side * 3 // 4)
    font.setBold(True)
    painter.setFont(font)
    x, y = icon.left() + 2, icon.bottom() - side - 1
    for badge, mark, _words in marks():
        if not badges & badge:
            continue
        if x + side > icon.right():
            break  # a thumbnail too narrow for every mark shows those that fit
        box = QRect(x, y, side, side)
        painter.setPen(QPen(QColor("#ffffff"), 1))
        painter.setBrush(QColor(_FILL[badge]))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor(_INK.get(badge, "#ffffff")))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
        x += side + 2
    painter.restore()
