"""The map dock's contents: a few buttons, the map, and the photos without a position beside it."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QLocale, QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from catalog_app.gui.models.photo_grid import PHOTO_IDS_MIME
from catalog_app.gui.views.map_view import MapView

_ID = Qt.ItemDataRole.UserRole + 1


class Unplaced(QListWidget):
    """Photos with no position: drag them onto the map to place them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("unplaced")
        self.setAccessibleName(self.tr("Photos without a position"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def set_photos(self, photos: Sequence[tuple[int, str]]) -> None:
        self.clear()
        unnamed = self.tr("photo")
        for pid, name in photos:
            item = QListWidgetItem(f"{name or unnamed}  #{pid}")
            item.setData(_ID, pid)
            self.addItem(item)

    def ids(self) -> list[int]:
        return [self.item(n).data(_ID) for n in range(self.count())]

    def selected_ids(self) -> list[int]:
        return [item.data(_ID) for item in self.selectedItems()]

    def mimeTypes(self) -> list[str]:
        return [PHOTO_IDS_MIME]

    def mimeData(self, items) -> QMimeData:  # type: ignore[no-untyped-def, override]
        data = QMimeData()
        data.setData(PHOTO_IDS_MIME, QByteArray(json.dumps([i.data(_ID) for i in items])
                                                .encode()))
        return data


class MapPanel(QWidget):
    open_tiles_requested = Signal()
    track_requested = Signal()  # preview a GPX track
    apply_track_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map = MapView()
        self.unplaced = Unplaced()
        self.fit_button = QPushButton(self.tr("Zoom to selection"))
        self.fit_button.setToolTip(
            self.tr("Show the selected photos (all photos when none is selected)"))
        self.tiles_button = QPushButton(self.tr("Open tile pack…"))
        self.tiles_button.setToolTip(self.tr("Street-level tiles from an MBTiles file prepared "
                                             "before the mission (nothing is ever downloaded)"))
        self.track_button = QPushButton(self.tr("Geotag from track…"))
        self.track_button.setToolTip(self.tr("Preview the positions a GPX track gives the photos "
                                             "without one (nothing is recorded yet)"))
        self.apply_button = QPushButton(self.tr("Apply track"))
        self.apply_button.setToolTip(self.tr("Record the previewed positions in one logged step "
                                             "(Ctrl+Z takes it back)"))
        self.apply_button.setEnabled(False)
        self.counts = QLabel()
        self.unplaced_label = QLabel(self.tr("Without a position"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fit_button)
        row.addWidget(self.tiles_button)
        row.addWidget(self.track_button)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        row.addWidget(self.counts)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.unplaced_label)
        column.addWidget(self.unplaced, 1)
        split = QSplitter()
        split.addWidget(self.map)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setSizes([520, 180])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        self.fit_button.clicked.connect(lambda: self.map.fit(self.map.selected_ids() or None))
        self.tiles_button.clicked.connect(self.open_tiles_requested.emit)
        self.track_button.clicked.connect(self.track_requested.emit)
        self.apply_button.clicked.connect(self.apply_track_requested.emit)

    def set_data(self, points: Sequence[tuple[int, float, float, str]],
                 unplaced: Sequence[tuple[int, str]]) -> None:
        self.map.set_points(points)
        self.unplaced.set_photos(unplaced)
        self.counts.setText(" · ".join((
            self.tr("%Ln on the map", "", len(points)),
            self.tr("%Ln without a position", "", len(unplaced)))))
        self.unplaced_label.setText(self.tr("Without a position (%1)")
                                    .replace("%1", QLocale().toString(len(unplaced))))
