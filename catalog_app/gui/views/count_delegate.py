"""The sidebar's item delegate: a long name is cut short, its photo count never is."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

COUNT_ROLE = Qt.ItemDataRole.UserRole + 3  # an entry's photo count; None on other rows
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the entry's name without its count


def fit(name: str, count: int, metrics: QFontMetrics, width: int) -> tuple[str, str]:
    """(name, count) as they fit in `width` pixels: the count whole, the name elided."""
    shown = f"({QLocale().toString(count)})"
    room = width - metrics.horizontalAdvance(shown) - metrics.horizontalAdvance("  ")
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0)), shown


class CountDelegate(QStyledItemDelegate):
    """Paints an entry with a count as its name (elided) and its count right-aligned."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        count = index.data(COUNT_ROLE)
        if count is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = self.text_rect(opt)
        name, shown = fit(str(index.data(NAME_ROLE) or ""), int(count), opt.fontMetrics,
                          area.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | middle, name)
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | middle, shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """No wider than the list: a long name is elided in its row, never scrolled to."""
        hint = super().sizeHint(option, index)
        view = option.widget
        if isinstance(view, QAbstractScrollArea) and view.viewport().width() > 0:
            hint.setWidth(min(hint.width(), view.viewport().width()))
        return hint

    @staticmethod
    def text_rect(option: QStyleOptionViewItem) -> QRect:
        """Where an entry's name and count go: the row less a small margin each side."""
        return option.rect.adjusted(4, 0, -4, 0)
