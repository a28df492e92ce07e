"""Settings that persist between runs (QSettings): geometry, catalogues, operator, sizes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class AppSettings:
    """Typed access to the app's QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self._s = settings

    @property
    def operator(self) -> str:
        return str(self._s.value("operator", "") or "")

    @operator.setter
    def operator(self, name: str) -> None:
        self._s.setValue("operator", name.strip())

    @property
    def thumbnail_size(self) -> int:
        value = self._s.value("thumbnail_size", 160)
        return int(value) if isinstance(value, int | str) else 160

    @thumbnail_size.setter
    def thumbnail_size(self, size: int) -> None:
        self._s.setValue("thumbnail_size", int(size))

    @property
    def last_catalogue(self) -> Path | None:
        value = self._s.value("last_catalogue", "")
        return Path(value) if isinstance(value, str) and value else None

    @property
    def recent_catalogues(self) -> list[Path]:
        values = self._s.value("recent_catalogues", []) or []
        if isinstance(values, str):
            values = [values]
        return [Path(v) for v in values if isinstance(v, str)] if isinstance(values, list) else []

    def remember_catalogue(self, root: Path) -> None:
        recent = [str(root)] + [str(p) for p in self.recent_catalogues if p != root]
        self._s.setValue("recent_catalogues", recent[:MAX_RECENT])
        self._s.setValue("last_catalogue", str(root))

    @property
    def sample_offered(self) -> bool:
        return str(self._s.value("sample_offered", "false")).lower() == "true"

    @sample_offered.setter
    def sample_offered(self, value: bool) -> None:
        self._s.setValue("sample_offered", "true" if value else "false")

    def geometry(self, key: str) -> QByteArray | None:
        value = self._s.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"geometry/{key}", value)

    def sync(self) -> None:
        self._s.sync()
