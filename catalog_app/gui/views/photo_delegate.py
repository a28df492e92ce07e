"""The grid's item delegate: the thumbnail and its label as Qt draws them, then the badges
(gui/views/grid_badges.py) from data the row already holds: no query while painting."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from catalog_app.gui.models.grid_roles import BADGES_ROLE, HEADER_ROLE, INCIDENT_COLOUR_ROLE
from catalog_app.gui.views import day_header, grid_badges


class PhotoDelegate(QStyledItemDelegate):
    """Paints a photo's cell with its badges, or a day's header cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        header = index.data(HEADER_ROLE)
        if header:
            day_header.paint(painter, option, header)
            return
        super().paint(painter, option, index)
        badges = index.data(BADGES_ROLE) or 0
        colour = index.data(INCIDENT_COLOUR_ROLE)
        if not badges and not colour:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        if style is None:
            return
        icon = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt, opt.widget)
        grid_badges.paint(painter, icon, badges, colour)
