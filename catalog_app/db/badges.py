"""The grid row's badge bits (core/badges.py's Badge) as one SQL expression on photos p."""

from __future__ import annotations

from catalog_app.core.badges import Badge
from catalog_app.db.review_queues import REDACTION_OPEN

_PARTS = (
    (Badge.GRAPHIC, "p.graphic = 1"),
    (Badge.RESTRICTED, "p.restricted = 1"),
    (Badge.CAPTION_REVIEW, "p.caption_review = 1"),
    (Badge.DUPLICATE, "(EXISTS (SELECT 1 FROM duplicate_links d WHERE d.photo_id = p.id)"
                      " OR EXISTS (SELECT 1 FROM duplicate_links d WHERE d.keeper_id = p.id))"),
    (Badge.NO_GPS, "p.gps_lat IS NULL"),
    (Badge.NO_TIME, "p.taken_at IS NULL"),
    (Badge.CORRECTED_CLOCK, "p.corrected_local IS NOT NULL"),
    (Badge.REDACTION_OPEN, REDACTION_OPEN),
)

# read with each grid row, so the delegate paints badges with no query of its own
BADGES = "(" + " | ".join(f"(CASE WHEN {cond} THEN {int(bit)} ELSE 0 END)"
                          for bit, cond in _PARTS) + ")"
