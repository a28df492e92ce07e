"""The grid's order and grouping: by capture time, import time or file name; day headers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt

from catalog_app.core.badges import Badge
from catalog_app.core.models import GridRow


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate (translated where it is shown); typed, unlike PySide's."""
    return text


class SortBy(StrEnum):
    CAPTURE = "capture"  # the catalogue's order: corrected capture time, unknown times last
    IMPORT = "import"
    NAME = "name"


# English sources; shown through sort_label() (translated where it is displayed)
SORT_LABELS = {SortBy.CAPTURE: QT_TRANSLATE_NOOP("GridOrder", "Capture time"),
               SortBy.IMPORT: QT_TRANSLATE_NOOP("GridOrder", "Import time"),
               SortBy.NAME: QT_TRANSLATE_NOOP("GridOrder", "File name")}
NO_DAY = "No capture time"  # the group of photos without a day (a key; shown translated)


class GridOrder(QObject):
    """The translation context of the grid's order texts (lupdate finds plural forms only in
    self.tr() calls)."""

    def photos(self, count: int) -> str:
        return self.tr("%Ln photos", "", count)


_TEXTS: list[GridOrder] = []


def _texts() -> GridOrder:
    if not _TEXTS:
        _TEXTS.append(GridOrder())
    return _TEXTS[0]


def sort_label(sort: SortBy) -> str:
    """The order's name in the window's language."""
    return QCoreApplication.translate("GridOrder", SORT_LABELS[sort])


def day_label(day: str) -> str:
    """A day header's date ('YYYY-MM-DD') written the locale's way; NO_DAY translated."""
    if day == NO_DAY:
        return QCoreApplication.translate("GridOrder", "No capture time")
    date = QDate.fromString(day, Qt.DateFormat.ISODate)
    if not date.isValid():
        return day
    # the translator chooses how a day is written ("d MMMM yyyy" in Ukrainian)
    return QLocale().toString(date, QCoreApplication.translate("GridOrder", "yyyy-MM-dd"))


@dataclass(frozen=True, slots=True)
class DayHeader:
    """The cell that opens a day's photos in the grid."""

    day: str  # 'YYYY-MM-DD', or NO_DAY
    count: int

    @property
    def text(self) -> str:
        return f"{day_label(self.day)}\n{_texts().photos(self.count)}"


def day_of(row: GridRow, sort: SortBy) -> str:
    """The day a row is grouped under: its import day (UTC) when sorted by import time, else
    the local capture day the grid's label shows (corrected for the camera's clock)."""
    if sort == SortBy.IMPORT:
        return row.imported_at[:10] or NO_DAY
    return NO_DAY if row.badges & Badge.NO_TIME else row.label[:10]


def arrange(rows: list[GridRow], sort: SortBy = SortBy.CAPTURE,
            by_day: bool = False) -> list[GridRow | DayHeader]:
    """`rows` (in the catalogue's capture order) in `sort` order; with `by_day`, each day's
    photos after a header, days in the order of the sort (photos without a day last)."""
    if sort == SortBy.IMPORT:
        ordered = sorted(rows, key=lambda r: (r.imported_at, r.id))
    elif sort == SortBy.NAME:
        ordered = sorted(rows, key=lambda r: (r.name.casefold(), r.name, r.id))
    else:
        ordered = list(rows)
    if not by_day:
        return list(ordered)
    days: dict[str, list[GridRow]] = {}
    for row in ordered:
        days.setdefault(day_of(row, sort), []).append(row)
    keys = sorted(days, key=lambda d: (d == NO_DAY, d))
    arranged: list[GridRow | DayHeader] = []
    for day in keys:
        arranged.append(DayHeader(day, len(days[day])))
        arranged.extend(days[day])
    return arranged
