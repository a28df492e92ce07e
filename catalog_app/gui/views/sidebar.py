"""The sidebar of collections, each with its count."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from catalog_app.core.models import Collection
from catalog_app.gui.models.photo_grid import PHOTO_IDS_MIME

COLLECTIONS = (
    (Collection.ALL, "All photos", "Every photo in the catalogue"),
    (Collection.UNTAGGED, "Untagged", "Photos not yet tagged to an incident"),
    (Collection.NO_GPS, "No GPS", "Photos without a position"),
    (Collection.NO_TIME, "No capture time", "Photos whose EXIF holds no capture time"),
    (Collection.DUPLICATES, "Duplicates", "Groups of copies to review: keep one, link the rest"),
    (Collection.MARKED_DUPLICATES, "Marked duplicates",
     "Copies linked to a kept photo (never deleted)"),
    (Collection.FAILED, "Failed imports", "Files that could not be imported, with the reason"),
)


class Sidebar(QListWidget):
    """Click a collection to show it; counts come from set_counts()."""

    collection_chosen = Signal(str)
    photos_dropped = Signal(int, list)  # incident id, photo ids
    incident_activated = Signal(int)  # double-click: edit it

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Collections")
        for key, label, tip in COLLECTIONS:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(key))
            item.setData(Qt.ItemDataRole.UserRole + 1, label)
            item.setToolTip(tip)
            self.addItem(item)
        self.setCurrentRow(0)
        self.currentItemChanged.connect(self._changed)
        self.setMaximumWidth(240)
        self.setWordWrap(True)  # long incident names wrap instead of scrolling sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)  # drops arrive at the viewport
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.itemDoubleClicked.connect(self._double_clicked)

    # -- dropping photos on an incident tags them ----------------------------------------
    def incident_at(self, pos) -> int | None:
        item = self.itemAt(pos)
        key = item.data(Qt.ItemDataRole.UserRole) if item else ""
        return int(key.split(":", 1)[1]) if key.startswith("incident:") else None

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(PHOTO_IDS_MIME) and \
                self.incident_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        incident = self.incident_at(event.position().toPoint())
        if incident is None or not event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.ignore()
            return
        ids = json.loads(bytes(event.mimeData().data(PHOTO_IDS_MIME)).decode())
        event.acceptProposedAction()
        self.photos_dropped.emit(incident, ids)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key.startswith("incident:"):
            self.incident_activated.emit(int(key.split(":", 1)[1]))

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
        return item.data(Qt.ItemDataRole.UserRole) if item else str(Collection.ALL)

    def _changed(self, current, _previous) -> None:
        if current is not None:
            self.collection_chosen.emit(current.data(Qt.ItemDataRole.UserRole))
