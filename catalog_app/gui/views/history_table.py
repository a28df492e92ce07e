"""A photo's history as a table (when, who, what, old and new value; newest first), in the
inspector and, wide, in a window of its own."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from catalog_app.core.history import HistoryLine, one_line

COMPACT = ("When (local)", "What", "Old", "New", "Who")  # what happened first: a narrow panel
WIDE = ("When (local)", "UTC", "What", "Old", "New", "Who")
# the columns' names are keys (row_texts); their headings are translated when shown
_HEADINGS = (QT_TRANSLATE_NOOP("HistoryTable", "When (local)"),
             QT_TRANSLATE_NOOP("HistoryTable", "What"), QT_TRANSLATE_NOOP("HistoryTable", "Old"),
             QT_TRANSLATE_NOOP("HistoryTable", "New"), QT_TRANSLATE_NOOP("HistoryTable", "Who"))


def tooltip(text: str) -> str:
    """Rich text, so Qt wraps a long value instead of one screen-wide line; escaped, so a
    caption holding '<b>' is shown as typed."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class HistoryTable(QTreeWidget):
    """Thin view: show_lines() fills it. Each cell is one line (long values elided, whole in
    the tooltip); Ctrl+C copies the selected entries as lines of text. `wide` adds a UTC
    column and the zone to the local time (the compact one has them in the When tooltip)."""

    def __init__(self, parent=None, wide: bool = False) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("History"))
        self.wide = wide
        self.columns = WIDE if wide else COMPACT
        self.setColumnCount(len(self.columns))
        self.setHeaderLabels([self.tr(name) for name in self.columns])
        metrics = self.fontMetrics()
        pad = 3 * metrics.horizontalAdvance("M")
        local = metrics.horizontalAdvance("2026-12-01 23:38:51" + (" +00:00" if wide else ""))
        utc = metrics.horizontalAdvance("2026-12-01 23:38:51 UTC")
        widths = ((local + pad, utc + pad, 330, 200, 200, 110) if wide
                  else (local + pad, 180, 140, 140, 110))
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setMinimumHeight(160)
        copy = QAction(self.tr("Copy"), self)
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
            when = [line.local, line.utc] if self.wide else [line.local.rsplit(" ", 1)[0]]
            cells = [*when, line.what, line.old or "", line.new or "", line.who]
            item = QTreeWidgetItem([one_line(cell) for cell in cells])
            entry = self.tr("entry %1").replace("%1", str(line.entry_id))
            tips = [f"{line.local}\n{line.utc}\n{entry}"] * len(when) + [
                line.sentence or line.what, line.old or "", line.new or "", line.who]
            for column, tip in enumerate(tips):
                if tip:
                    item.setToolTip(column, tooltip(tip))
            self.addTopLevelItem(item)

    def show_message(self, text: str) -> None:
        """A note in place of entries ("Loading…")."""
        self.clear()
        self.lines = []
        item = QTreeWidgetItem([""] * self.columns.index("What") + [text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(item)

    def row_texts(self) -> list[dict[str, str]]:
        """What each row shows, by column name (for tests and people reading them)."""
        rows = []
        for r in range(self.topLevelItemCount()):
            item = self.topLevelItem(r)
            assert item is not None
            rows.append({name: item.text(c) for c, name in enumerate(self.columns)})
        return rows

    def copy_selected(self) -> None:
        rows = sorted(self.indexOfTopLevelItem(item) for item in self.selectedItems())
        picked = [self.lines[r] for r in rows if 0 <= r < len(self.lines)] or self.lines
        QGuiApplication.clipboard().setText("\n".join(line.text() for line in picked))


class HistoryWindow(QDialog):
    """The same history, wide: a window beside the main one, following the inspector."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.resize(1240, 480)
        layout = QVBoxLayout(self)
        self.table = HistoryTable(wide=True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy"))
        copy.setToolTip(self.tr("Copy the selected entries (all if none is selected) as lines "
                                "of text"))
        copy.clicked.connect(self.table.copy_selected)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def show_lines(self, photo_id: int, lines: list[HistoryLine]) -> None:
        self.setWindowTitle(self.tr("History of photo %1 (custody log, newest first)")
                            .replace("%1", str(photo_id)))
        self.table.show_lines(lines)
