"""Where things live inside a catalogue folder (portable: copy the folder, keep everything)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "catalogue.sqlite"


@dataclass(frozen=True, slots=True)
class Layout:
    """Paths inside one catalogue folder."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def thumbnails(self) -> Path:
        return self.root / "thumbnails"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def original_relpath(self, sha256: str, ext: str) -> str:
        """Content-addressed: originals/ab/<sha256><ext>, relative to the root."""
        return f"originals/{sha256[:2]}/{sha256}{ext}"

    def thumbnail_relpath(self, sha256: str) -> str:
        return f"thumbnails/{sha256[:2]}/{sha256}.jpg"

    def resolve(self, stored_path: str) -> Path:
        """An absolute path for a stored path (relative ones live under the root)."""
        path = Path(stored_path)
        return path if path.is_absolute() else self.root / path
