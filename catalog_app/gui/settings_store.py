"""Settings that persist between runs (QSettings): geometry, catalogues, operator, sizes, the
signing key's path (never its passphrase) and the time-stamping authority."""

from __future__ import annotations

import hashlib
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
    def language(self) -> str:
        """'en', 'uk', or '' for the system's language."""
        return str(self._s.value("language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("language", code)

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

    # -- signing and time-stamps: paths and an address only, never a passphrase -----------
    @property
    def signing_key(self) -> Path | None:
        """The private key file the window last signed with (offered on the next start)."""
        return self._path("signing/key")

    @signing_key.setter
    def signing_key(self, path: Path | None) -> None:
        self._s.setValue("signing/key", str(path) if path is not None else "")

    @property
    def sign_at_start(self) -> bool:
        """Whether the window was signing when it was last used (then it offers the key)."""
        return str(self._s.value("signing/at_start", "false")).lower() == "true"

    @sign_at_start.setter
    def sign_at_start(self, value: bool) -> None:
        self._s.setValue("signing/at_start", "true" if value else "false")

    @property
    def tsa_url(self) -> str:
        """The time-stamping authority's address; empty (the default): nothing is sent."""
        value = self._s.value("timestamps/tsa_url", "")
        return value.strip() if isinstance(value, str) else ""

    @tsa_url.setter
    def tsa_url(self, url: str) -> None:
        self._s.setValue("timestamps/tsa_url", url.strip())

    @property
    def tsa_ca(self) -> Path | None:
        """The PEM file of the authority's CA (None: the system's trusted CAs)."""
        return self._path("timestamps/tsa_ca")

    @tsa_ca.setter
    def tsa_ca(self, path: Path | None) -> None:
        self._s.setValue("timestamps/tsa_ca", str(path) if path is not None else "")

    def _path(self, key: str) -> Path | None:
        value = self._s.value(key, "")
        return Path(value) if isinstance(value, str) and value else None

    # -- saved searches, per catalogue (gui/saved_searches.py's JSON) ----------------------
    def saved_searches(self, root: Path) -> str:
        value = self._s.value(f"saved_searches/{_key(root)}", "")
        return value if isinstance(value, str) else ""

    def set_saved_searches(self, root: Path, text: str) -> None:
        self._s.setValue(f"saved_searches/{_key(root)}", text)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._s.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"geometry/{key}", value)

    def sync(self) -> None:
        self._s.sync()


def _key(root: Path) -> str:
    """A settings key for a catalogue folder (its path, hashed: no '/' in a key)."""
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
