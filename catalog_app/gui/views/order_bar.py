"""The grid's order above it: sort by capture time, import time or file name; group by day."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from catalog_app.gui.models.grid_order import SORT_LABELS, SortBy

# SORT_LABELS' English texts (gui/models/grid_order.py), marked here to be translated when shown
_MARKED = (QT_TRANSLATE_NOOP("OrderBar", "Capture time"),
           QT_TRANSLATE_NOOP("OrderBar", "Import time"),
           QT_TRANSLATE_NOOP("OrderBar", "File name"))


class OrderBar(QWidget):
    """Emits `changed(sort, by_day)` when either choice changes (no query: the rows re-sort)."""

    changed = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sort = QComboBox()
        for value, label in SORT_LABELS.items():
            self.sort.addItem(self.tr(label), str(value))
        self.sort.setToolTip(self.tr("The order of the photos in the grid"))
        self.sort.setAccessibleName(self.tr("Sort by"))
        self.by_day = QCheckBox(self.tr("Group by day"))
        self.by_day.setToolTip(self.tr("Show each day’s photos after a header with the date and "
                                       "count (the import day when sorted by import time)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.addWidget(QLabel(self.tr("Sort by")))
        layout.addWidget(self.sort)
        layout.addWidget(self.by_day)
        layout.addStretch(1)
        self.sort.currentIndexChanged.connect(self._emit)
        self.by_day.toggled.connect(self._emit)

    def choice(self) -> tuple[SortBy, bool]:
        return SortBy(self.sort.currentData()), self.by_day.isChecked()

    def _emit(self, *_: object) -> None:
        sort, by_day = self.choice()
        self.changed.emit(str(sort), by_day)
