"""A photo's history as a table: when, who, what, old and new value; newest first."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from catalog_app.core.history import HistoryLine, one_line

COLUMNS = ("When", "Who", "What", "Old", "New")
WIDTHS = (150, 110, 180, 140, 140)  # a start; the person can drag them wider


def tooltip(text: str) -> str:
    """Rich text, so Qt wraps a long value instead of one screen-wide line; escaped, so a
    caption holding '<b>' is shown as typed."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class HistoryTable(QTreeWidget):
    """Thin view: show() fills it. Each cell is one line (long values elided, whole in the
    tooltip); Ctrl+C copies the selected entries as lines of text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("History")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        for column, width in enumerate(WIDTHS):
            self.setColumnWidth(column, width)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setMinimumHeight(160)
        copy = QAction("Copy", self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selected)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.lines: list[HistoryLine] = []

    def show_lines(self, lines: list[HistoryLine]) -> None:
        """Show `lines` newest first (the log's order reversed)."""
        self.clear()
        self.lines = sorted(lines, key=lambda line: line.entry_id, reverse=True)
        for line in self.lines:
            cells = (line.local, line.who, line.what, line.old or "", line.new or "")
            item = QTreeWidgetItem([one_line(cell) for cell in cells])
            item.setToolTip(0, tooltip(f"{line.local}\n{line.utc}\nentry {line.entry_id}"))
            item.setToolTip(1, tooltip(line.who))
            item.setToolTip(2, tooltip(line.sentence or line.what))
            for column, value in ((3, line.old), (4, line.new)):
                if value:
                    item.setToolTip(column, tooltip(value))
            self.addTopLevelItem(item)

    def show_message(self, text: str) -> None:
        """A note in place of entries ("Loading…")."""
        self.clear()
        self.lines = []
        item = QTreeWidgetItem(["", "", text, "", ""])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(item)

    def row_texts(self) -> list[list[str]]:
        """What each row shows, cell by cell (for people reading tests and screenshots)."""
        rows = []
        for r in range(self.topLevelItemCount()):
            item = self.topLevelItem(r)
            assert item is not None
            rows.append([item.text(c) for c in range(self.columnCount())])
        return rows

    def copy_selected(self) -> None:
        rows = sorted(self.indexOfTopLevelItem(item) for item in self.selectedItems())
        picked = [self.lines[r] for r in rows if 0 <= r < len(self.lines)] or self.lines
        QGuiApplication.clipboard().setText("\n".join(line.text() for line in picked))
