"""The grid's order and grouping: by capture time, import time or file name; day headers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from catalog_app.core.badges import Badge
from catalog_app.core.models import GridRow


class SortBy(StrEnum):
    CAPTURE = "capture"  # the catalogue's order: corrected capture time, unknown times last
    IMPORT = "import"
    NAME = "name"


SORT_LABELS = {SortBy.CAPTURE: "Capture time", SortBy.IMPORT: "Import time",
               SortBy.NAME: "File name"}
NO_DAY = "No capture time"


@dataclass(frozen=True, slots=True)
class DayHeader:
    """The cell that opens a day's photos in the grid."""

    day: str  # 'YYYY-MM-DD', or NO_DAY
    count: int

    @property
    def text(self) -> str:
        return f"{self.day}\n{self.count:,} photo{'s' * (self.count != 1)}"


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
