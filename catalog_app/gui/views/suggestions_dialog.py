"""Suggested incidents for untagged photos: tick the ones to accept (all are ticked at first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core.labels import counted
from catalog_app.core.suggest import Suggestion


class SuggestionsDialog(QDialog):
    """One line per suggestion given (one per photo: its best); `chosen()` gives the ticked."""

    def __init__(self, suggestions: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggested incidents")
        self.setObjectName("suggestions")
        self.suggestions = list(suggestions)
        self.list = QListWidget()
        self.list.setAccessibleName("Suggestions")
        for suggestion in self.suggestions:
            far = f" ({suggestion.distance_m:,.0f} m)" if suggestion.distance_m is not None else ""
            item = QListWidgetItem(f"Photo {suggestion.photo} → {suggestion.incident_name}{far}: "
                                   f"{suggestion.reason}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.accept_button = buttons.addButton("Tag the ticked photos",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{counted(len(self.suggestions), 'untagged photo')} could be "
                                "tagged. Untick any you do not accept."))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def chosen(self) -> list[Suggestion]:
        return [s for row, s in enumerate(self.suggestions)
                if self.list.item(row).checkState() == Qt.CheckState.Checked]
