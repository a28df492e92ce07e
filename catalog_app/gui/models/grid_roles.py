"""Item data roles of the photo grid beyond Qt's own (what the delegate paints from)."""

from __future__ import annotations

from PySide6.QtCore import Qt

BADGES_ROLE = Qt.ItemDataRole.UserRole + 10  # core/badges.py's Badge bits
INCIDENT_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 11  # '#rrggbb', None when untagged
HEADER_ROLE = Qt.ItemDataRole.UserRole + 12  # a day header's text; None on a photo
