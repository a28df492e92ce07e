"""The thumbnail grid's view: a list view in icon mode that says what to do when empty."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QListView

EMPTY_HINT = QT_TRANSLATE_NOOP("PhotoGridView",  # translated when shown
                               "Drop photos or folders here, or use Import photos")


class PhotoGridView(QListView):
    """Paints `empty_hint` in the middle of the viewport while its model has no rows."""

    empty_hint = EMPTY_HINT

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_hint:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr(str(self.empty_hint)))
            painter.end()
