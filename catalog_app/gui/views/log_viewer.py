"""The custody log in a window of its own: filters (action, operator, photo, dates) above a
table of entries with their old and new values, newest first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from catalog_app.core.history import HistoryLine, one_line
from catalog_app.core.log_filter import LogFilter
from catalog_app.gui.views.history_table import tooltip

ANY_ACTION = QT_TRANSLATE_NOOP("LogViewer", "Any action")  # translated when shown
ANY_OPERATOR = QT_TRANSLATE_NOOP("LogViewer", "Any operator")
COLUMNS = ("#", QT_TRANSLATE_NOOP("LogViewer", "When (local)"),  # UTC: tooltip
           QT_TRANSLATE_NOOP("LogViewer", "Who"), QT_TRANSLATE_NOOP("LogViewer", "Photo"),
           QT_TRANSLATE_NOOP("LogViewer", "What"), QT_TRANSLATE_NOOP("LogViewer", "Old"),
           QT_TRANSLATE_NOOP("LogViewer", "New"))


class LogViewer(QDialog):
    """Thin view: `filters_changed` (debounced) asks for entries; show() fills the table."""

    filters_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custody log"))
        self.setObjectName("log_viewer")
        self.resize(1180, 640)
        self.action = QComboBox()
        self.action.addItem(self.tr(str(ANY_ACTION)))
        self.action.setToolTip(self.tr("Show entries of one action"))
        self.operator = QComboBox()
        self.operator.addItem(self.tr(str(ANY_OPERATOR)))
        self.operator.setToolTip(self.tr("Show entries one operator wrote"))
        self.photo = QLineEdit(placeholderText=self.tr("Photo id"))
        self.photo.setToolTip(self.tr("Show entries about one photo (its id, as the inspector "
                                      "shows it)"))
        self.photo.setMaximumWidth(110)
        self.use_from, self.use_to = QCheckBox(self.tr("From")), QCheckBox(self.tr("to"))
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setToolTip(self.tr("The day the entry was written (UTC)"))
        bar = QHBoxLayout()
        for widget in (self.action, self.operator, self.photo, self.use_from, self.date_from,
                       self.use_to, self.date_to):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Custody log entries"))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHeaderLabels([self.tr(str(name)) for name in COLUMNS])
        for column, width in enumerate((50, 200, 120, 55, 320, 200)):
            self.table.setColumnWidth(column, width)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.filters_changed)
        for signal in (self.action.currentIndexChanged, self.operator.currentIndexChanged,
                       self.photo.textChanged, self.use_from.toggled, self.use_to.toggled,
                       self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self._schedule)

    def _schedule(self, *_: object) -> None:
        self._debounce.start()

    def set_choices(self, actions: list[str], operators: list[str]) -> None:
        for box, first, values in ((self.action, ANY_ACTION, actions),
                                   (self.operator, ANY_OPERATOR, operators)):
            current = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr(str(first)))
            box.addItems(values)
            box.setCurrentIndex(max(box.findText(current), 0))
            box.blockSignals(False)

    def spec(self) -> LogFilter:
        photo = self.photo.text().strip().lstrip("#")
        return LogFilter(
            action=None if self.action.currentIndex() <= 0 else self.action.currentText(),
            operator=None if self.operator.currentIndex() <= 0 else self.operator.currentText(),
            photo_id=int(photo) if photo.isdigit() else None,
            date_from=self.date_from.date().toString("yyyy-MM-dd")
            if self.use_from.isChecked() else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_to.isChecked()
            else None)

    def show_lines(self, lines: list[HistoryLine], total: int) -> None:
        """Show `lines` newest first; the summary says how many matched and how many are shown."""
        self.table.clear()
        items = []
        for line in sorted(lines, key=lambda x: x.entry_id, reverse=True):
            cells = [str(line.entry_id), line.local, line.who,
                     "" if line.photo_id is None else str(line.photo_id), line.what,
                     line.old or "", line.new or ""]
            item = QTreeWidgetItem([one_line(cell) for cell in cells])
            for column, tip in ((1, f"{line.local}\n{line.utc}"), (4, line.sentence or line.what),
                                (5, line.old or ""), (6, line.new or "")):
                if tip:
                    item.setToolTip(column, tooltip(tip))
            items.append(item)
        self.table.addTopLevelItems(items)
        shown = len(lines)
        self.summary.setText(
            self.tr("%Ln entries match", "", total) if shown == total
            else self.tr("%Ln entries match; the newest %1 are shown", "", total)
            .replace("%1", QLocale().toString(shown)))

    def rows(self) -> list[list[str]]:
        """Every row's cells as shown (for tests and copying)."""
        found = []
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item is not None:
                found.append([item.text(column) for column in range(len(COLUMNS))])
        return found
