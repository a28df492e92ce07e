"""Suggested incidents for untagged photos: tick the ones to accept (all are ticked at first)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core.suggest import Suggestion


class SuggestionsDialog(QDialog):
    """One line per suggestion given (one per photo: its best); `chosen()` gives the ticked."""

    def __init__(self, suggestions: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggested incidents"))
        self.setObjectName("suggestions")
        self.suggestions = list(suggestions)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Suggestions"))
        locale = QLocale()
        for suggestion in self.suggestions:
            if suggestion.distance_m is not None:
                line = self.tr("Photo %1 → %2 (%3 m): %4").replace(
                    "%3", locale.toString(round(suggestion.distance_m)))
            else:
                line = self.tr("Photo %1 → %2: %4")
            item = QListWidgetItem(line.replace("%1", str(suggestion.photo))
                                   .replace("%4", suggestion.reason)
                                   .replace("%2", suggestion.incident_name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.accept_button = buttons.addButton(self.tr("Tag the ticked photos"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%Ln untagged photos could be tagged. Untick any you do "
                                        "not accept.", "", len(self.suggestions))))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def chosen(self) -> list[Suggestion]:
        return [s for row, s in enumerate(self.suggestions)
                if self.list.item(row).checkState() == Qt.CheckState.Checked]
