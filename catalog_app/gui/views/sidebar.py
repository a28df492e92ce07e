"""The sidebar of collections, each with its count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

COLLECTIONS = (
    ("all", "All photos", "Every photo in the catalogue"),
    ("untagged", "Untagged", "Photos not yet tagged to an incident"),
    ("no-gps", "No GPS", "Photos without a position"),
    ("no-time", "No capture time", "Photos whose EXIF holds no capture time"),
    ("duplicates", "Duplicates", "Groups of copies to review: keep one, link the rest"),
    ("marked-duplicates", "Marked duplicates", "Copies linked to a kept photo (never deleted)"),
    ("failed", "Failed imports", "Files that could not be imported, with the reason"),
)


class Sidebar(QListWidget):
    """Click a collection to show it; counts come from set_counts()."""

    collection_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Collections")
        for key, label, tip in COLLECTIONS:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(Qt.ItemDataRole.UserRole + 1, label)
            item.setToolTip(tip)
            self.addItem(item)
        self.setCurrentRow(0)
        self.currentItemChanged.connect(self._changed)
        self.setMaximumWidth(240)
        self.setWordWrap(True)  # long incident names wrap instead of scrolling sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_counts(self, counts: dict[str, int]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            label = item.data(Qt.ItemDataRole.UserRole + 1)
            if key in counts:
                item.setText(f"{label}  ({counts[key]:,})")

    def set_incidents(self, incidents: list[tuple[int, str, int]]) -> None:
        """Show each incident (id, name, photo count) below the fixed collections."""
        current = self.current_key()
        self.blockSignals(True)
        while self.count() > len(COLLECTIONS):
            self.takeItem(len(COLLECTIONS))
        for incident_id, name, count in incidents:
            item = QListWidgetItem(f"◆ {name}  ({count:,})")
            item.setData(Qt.ItemDataRole.UserRole, f"incident:{incident_id}")
            item.setData(Qt.ItemDataRole.UserRole + 1, f"◆ {name}")
            item.setToolTip(f"Photos tagged to {name}")
            self.addItem(item)
        self.blockSignals(False)
        self.select(current)

    def select(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.setCurrentRow(row)

    def current_key(self) -> str:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "all"

    def _changed(self, current, _previous) -> None:
        if current is not None:
            self.collection_chosen.emit(current.data(Qt.ItemDataRole.UserRole))
