"""A day's header cell in the grid: the date and its photo count, in the cell's place."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QObject, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

_MARKED = QT_TRANSLATE_NOOP("DayHeader", "No capture time")  # gui/models/grid_order.NO_DAY


class DayHeader(QObject):
    """The context of the header's texts (a class, so that lupdate reads its plural form)."""


def shown(text: str) -> tuple[str, str]:
    """The header's two lines in the window's language: the day as the locale writes a date
    (or "No capture time"), the count through Qt's plural forms."""
    day, _, count = text.partition("\n")
    date = QDate.fromString(day, "yyyy-MM-dd")
    if date.isValid():
        day = QLocale().toString(date, "d MMMM yyyy")
    else:
        day = QCoreApplication.translate("DayHeader", day)  # "No capture time"
    digits = "".join(ch for ch in count if ch.isdigit())
    if digits:
        count = DayHeader.tr("%Ln photos", "", int(digits))  # type: ignore[arg-type]
    return day, count


def paint(painter: QPainter, option: QStyleOptionViewItem, text: str) -> None:
    """Draw `text` ('2024-07-12\\n37 photos') in a band that fills the cell's thumbnail area."""
    painter.save()
    cell: QRect = option.rect.adjusted(4, 4, -4, -4)
    painter.fillRect(cell, QColor("#37474f"))
    painter.fillRect(QRect(cell.left(), cell.top(), 4, cell.height()), QColor("#90a4ae"))
    day, count = shown(text)
    font = QFont(option.font)
    font.setBold(True)
    font.setPixelSize(max(12, min(22, cell.height() // 6)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    upper = QRect(cell.left() + 10, cell.top(), cell.width() - 14, cell.height() // 2)
    painter.drawText(upper, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, day)
    font.setBold(False)
    font.setPixelSize(max(10, font.pixelSize() * 3 // 4))
    painter.setFont(font)
    painter.setPen(QColor("#cfd8dc"))
    lower = QRect(cell.left() + 10, cell.top() + cell.height() // 2 + 4, cell.width() - 14,
                  cell.height() // 2 - 4)
    painter.drawText(lower, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, count)
    painter.restore()
