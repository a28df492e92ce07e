"""The verify report dialog: the same lines `catalog-app verify` prints, to read, copy, save."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class VerifyReportDialog(QDialog):
    """Thin view: a headline over the report's text (selectable, read-only); Copy puts the
    whole report on the clipboard, Save… asks where and emits save_requested(path)."""

    save_requested = Signal(str)

    def __init__(self, parent: QWidget | None, headline: str, lines: list[str],
                 ok: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verification"))
        self.setObjectName("verifyReport")
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        self.headline = QLabel(headline, wordWrap=True)
        self.headline.setObjectName("verifyHeadline")
        self.headline.setProperty("ok", ok)
        layout.addWidget(self.headline)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setAccessibleName(self.tr("Verification report"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        self.text.setPlainText("\n".join(lines))
        layout.addWidget(self.text)
        self.note = QLabel("", wordWrap=True)  # where it was saved, or why it could not be
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the whole report to the clipboard"))
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save the report as a text file"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self._choose_file)
        layout.addWidget(buttons)

    def report_text(self) -> str:
        return self.text.toPlainText() + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.note.setText(self.tr("The report is on the clipboard."))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the verification report"),
                                              "verification-report.txt",
                                              self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.save_requested.emit(path)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
