"""PhotoGridModel: the thumbnail grid's list model over GridRow values."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from catalog_app.core.models import GridRow
from catalog_app.gui.thumbnails import ThumbnailLoader

PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


PHOTO_IDS_MIME = "application/x-catalog-app-photo-ids"


class PhotoGridModel(QAbstractListModel):
    """Rows are GridRow values; thumbnails come from the loader, never from disk here."""

    def __init__(self, thumbnails: ThumbnailLoader, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._row_of: dict[int, int] = {}
        self._thumbnails = thumbnails
        thumbnails.ready.connect(self._thumbnail_ready)

    def set_rows(self, rows: list[GridRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._row_of = {row.id: n for n, row in enumerate(rows)}
        self.endResetModel()

    def photo_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, photo_id: int) -> int | None:
        return self._row_of.get(photo_id)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [PHOTO_IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """The dragged photos' ids, for dropping on an incident in the sidebar."""
        data = QMimeData()
        ids = [self.photo_id(i.row()) for i in indexes if i.isValid()]
        data.setData(PHOTO_IDS_MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.get(row.id, row.thumbnail_path) or self._thumbnails.placeholder
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}\n{row.label}" if row.name != row.label else row.name
        if role == PHOTO_ID_ROLE:
            return row.id
        return None

    def _thumbnail_ready(self, photo_id: int) -> None:
        row = self._row_of.get(photo_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
