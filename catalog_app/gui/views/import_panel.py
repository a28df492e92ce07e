"""The import progress panel and the end-of-import summary dialog."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from catalog_app.core import labels
from catalog_app.core.models import ImportSummary
from catalog_app.core.progress import Progress


def rate_and_eta(done: int, total: int, elapsed: float) -> tuple[float, float | None]:
    """Photos per second so far, and seconds left at that rate (None before any is done)."""
    if done <= 0 or elapsed <= 0:
        return 0.0, None
    rate = done / elapsed
    return rate, max(total - done, 0) / rate


class ImportPanel(QFrame):
    """Files done of total, photos/s, ETA, the current file, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("importPanel")
        self.bar = QProgressBar()
        self.bar.setFormat(self.tr("%v of %m"))
        self.status = QLabel(self.tr("Starting…"))
        self.current = QLabel("")
        self.current.setObjectName("currentFile")
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop after the files being read now; what is done stays "
                                       "(Esc)"))
        self.cancel.clicked.connect(self._cancel)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Importing")))
        top.addWidget(self.bar, 1)
        top.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.current)
        self._started = time.monotonic()
        self.hide()

    def begin(self) -> None:
        self._started = time.monotonic()
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Looking for photos…"))
        self.current.setText("")
        self.cancel.setEnabled(True)
        self.show()

    def update_progress(self, event: Progress) -> None:
        self.bar.setRange(0, max(event.total, 1))
        self.bar.setValue(event.done)
        rate, eta = rate_and_eta(event.done, event.total, time.monotonic() - self._started)
        eta_text = "—" if eta is None else f"{int(eta // 60)}:{int(eta % 60):02d}"
        locale = QLocale()
        outcomes = ", ".join((self.tr("%Ln new", "", event.count("imported")),
                              self.tr("%Ln already here", "", event.count("already_present")),
                              self.tr("%Ln failed", "", event.count("failed"))))
        self.status.setText(" · ".join((
            self.tr("%1 of %Ln files", "", event.total).replace("%1",
                                                                 locale.toString(event.done)),
            self.tr("%1 photos/s").replace("%1", locale.toString(rate, "f", 1)),
            self.tr("%1 left").replace("%1", eta_text),
            outcomes)))
        self.current.setText(Path(event.current).name if event.current else "")

    def _cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("Cancelling: finishing the files being read…"))
        self.cancel_requested.emit()


class ImportSummaryDialog(QDialog):
    """What an import did, with every failure and its reason."""

    def __init__(self, summary: ImportSummary, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished") if not summary.cancelled
                            else self.tr("Import cancelled"))
        parts = [self.tr("%Ln imported", "", summary.imported),
                 self.tr("%Ln already in the catalogue", "", summary.already_present),
                 self.tr("%Ln failed", "", len(summary.failed))]
        if summary.cancelled:
            parts.append(self.tr("cancelled: run the same import again to finish the rest"))
        headline = " · ".join(parts)
        layout = QVBoxLayout(self)
        wipe = labels.wipe_warning(len(summary.failed))
        self.wipe_warning = QLabel(self.tr("<b>%1</b>: they are listed first below.")
                                   .replace("%1", wipe) if wipe else "", wordWrap=True)
        self.wipe_warning.setVisible(bool(wipe))
        layout.addWidget(self.wipe_warning)  # before anything else
        self.headline = QLabel(headline, wordWrap=True)
        layout.addWidget(self.headline)
        rows = [(f.path, f.reason, self.tr("not preserved")) for f in summary.failed]
        rows += [(f.path, f.reason, self.tr("skipped")) for f in summary.skipped]
        rows += [(f.path, f.reason, self.tr("warning")) for f in summary.warnings]
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason"), self.tr("Kind")])
        for n, (path, reason, kind) in enumerate(rows):
            for column, text in enumerate((path, reason, kind)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(n, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(rows))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(820, 420 if rows else 120)
