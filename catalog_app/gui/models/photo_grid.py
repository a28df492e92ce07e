"""PhotoGridModel: the thumbnail grid's list model over GridRow values."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from catalog_app.core.badges import incident_colour, words
from catalog_app.core.models import GridRow
from catalog_app.gui.models.grid_order import DayHeader, SortBy, arrange
from catalog_app.gui.models.grid_roles import BADGES_ROLE, HEADER_ROLE, INCIDENT_COLOUR_ROLE
from catalog_app.gui.thumbnails import ThumbnailLoader

PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


PHOTO_IDS_MIME = "application/x-catalog-app-photo-ids"


class PhotoGridModel(QAbstractListModel):
    """Rows are GridRow values; thumbnails come from the loader, never from disk here."""

    def __init__(self, thumbnails: ThumbnailLoader, parent=None) -> None:
        super().__init__(parent)
        self._photos: list[GridRow] = []  # as the catalogue gave them (capture order)
        self._rows: Sequence[GridRow | DayHeader] = []  # as shown: sorted, day headers
        self._row_of: dict[int, int] = {}
        self.sort_by, self.by_day = SortBy.CAPTURE, False
        self._thumbnails = thumbnails
        thumbnails.ready.connect(self._thumbnail_ready)

    def set_rows(self, rows: list[GridRow]) -> None:
        self.beginResetModel()
        self._photos = rows
        self._arrange()
        self.endResetModel()

    def set_order(self, sort: SortBy, by_day: bool) -> None:
        """Show the same photos sorted by `sort`, grouped under day headers with `by_day`."""
        if (sort, by_day) == (self.sort_by, self.by_day):
            return
        self.beginResetModel()
        self.sort_by, self.by_day = sort, by_day
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        if self.sort_by == SortBy.CAPTURE and not self.by_day:
            self._rows = self._photos  # the common case: no copy of 100,000 rows
        else:
            self._rows = arrange(self._photos, self.sort_by, self.by_day)
        self._row_of = {row.id: n for n, row in enumerate(self._rows)
                        if isinstance(row, GridRow)}

    def photo_count(self) -> int:
        """Photos shown (day headers aside)."""
        return len(self._photos)

    def is_header(self, row: int) -> bool:
        return isinstance(self._rows[row], DayHeader)

    def photo_id(self, row: int) -> int:
        """The photo at `row`; on a day header, the first photo of its day."""
        item = self._rows[row]
        if isinstance(item, DayHeader):
            item = self._rows[row + 1]
        assert isinstance(item, GridRow)
        return item.id

    def row_of(self, photo_id: int) -> int | None:
        return self._row_of.get(photo_id)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and isinstance(self._rows[index.row()], DayHeader):
            return Qt.ItemFlag.ItemIsEnabled  # a day's title: not selected, not dragged
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [PHOTO_IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """The dragged photos' ids, for dropping on an incident in the sidebar."""
        data = QMimeData()
        ids = [self.photo_id(i.row()) for i in indexes
               if i.isValid() and not self.is_header(i.row())]
        data.setData(PHOTO_IDS_MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if isinstance(row, DayHeader):
            return row.text if role in (Qt.ItemDataRole.DisplayRole, HEADER_ROLE) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.get(row.id, row.thumbnail_path) or self._thumbnails.placeholder
        if role == BADGES_ROLE:
            return row.badges
        if role == INCIDENT_COLOUR_ROLE:
            return incident_colour(row.incident_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.name}\n{row.label}" if row.name != row.label else row.name
            said = ", ".join(words(row.badges))
            return tip + (f"\n{said[:1].upper()}{said[1:]}" if said else "")
        if role == PHOTO_ID_ROLE:
            return row.id
        return None

    def _thumbnail_ready(self, photo_id: int) -> None:
        row = self._row_of.get(photo_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
