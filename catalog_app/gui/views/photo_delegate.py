"""The grid's item delegate: the thumbnail and its label as Qt draws them, then the badges
(gui/views/grid_badges.py) from data the row already holds: no query while painting."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from catalog_app.gui.models.grid_roles import BADGES_ROLE, HEADER_ROLE, INCIDENT_COLOUR_ROLE
from catalog_app.gui.views import day_header, grid_badges

LINE_BREAK = "\u2028"  # Qt's line separator: the label's second line
TEXT_MARGIN = 6  # pixels of a cell's width that Qt keeps beside its text


def fitted_label(label: str, metrics: QFontMetrics, width: int) -> str:
    """The label on one line when it fits `width`, else its date over its time: a time is
    broken at its space, never elided ('2015-04-10 20:1…')."""
    if metrics.horizontalAdvance(label) <= width or " " not in label:
        return label
    day, _, rest = label.partition(" ")
    return f"{day}{LINE_BREAK}{rest}"


def image_rect(pixmap: QPixmap | None, box: QRect) -> QRect:
    """Where a thumbnail is drawn in its decoration box: scaled down to fit, centred."""
    if pixmap is None or pixmap.isNull():
        return box
    size = pixmap.deviceIndependentSize().toSize()
    if size.width() > box.width() or size.height() > box.height():
        size = size.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QStyle.alignedRect(Qt.LayoutDirection.LeftToRight, Qt.AlignmentFlag.AlignCenter,
                              size, box)


class PhotoDelegate(QStyledItemDelegate):
    """Paints a photo's cell with its badges, or a day's header cell."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(HEADER_ROLE):
            return
        view = option.widget
        if isinstance(view, QAbstractItemView) and view.iconSize().isValid():
            box: QSize = view.iconSize()
            # Every thumbnail in the view's icon box: a portrait one is scaled into it rather
            # than growing the picture and pushing its label out of the cell.
            option.decorationSize = box
        if option.rect.width() > 0 and option.text:
            option.text = fitted_label(option.text, option.fontMetrics,
                                       option.rect.width() - TEXT_MARGIN)

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
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt, opt.widget)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        grid_badges.paint(painter, image_rect(pixmap if isinstance(pixmap, QPixmap) else None,
                                              box), badges, colour)
