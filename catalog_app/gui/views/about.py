"""The About box's text: versions of catalog_app and the libraries it stands on."""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion

from catalog_app import __version__


def about_title() -> str:
    """The About box's title (the app's name stays as it is)."""
    return QCoreApplication.translate("About", "About %1").replace("%1", "catalog_app")


def about_text() -> str:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return QCoreApplication.translate("About", "not installed")

    blurb = QCoreApplication.translate("About", "A catalogue of evidence photos for field teams.")
    return (f"<b>catalog_app {__version__}</b><br>{blurb}<br><br>"
            f"Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {pyside_version}<br>Pillow {version('Pillow')} · exifread "
            f"{version('exifread')} · imagehash {version('imagehash')} · pillow-heif "
            f"{version('pillow-heif')} · SQLite {sqlite3.sqlite_version}")
