"""What a thumbnail's badges say: one bit per fact the grid row carries, and each in words."""

from __future__ import annotations

from enum import IntFlag


class Badge(IntFlag):
    """Facts about a photo a reviewer wants to see on its thumbnail (db/queries.py sets them)."""

    GRAPHIC = 1
    RESTRICTED = 2
    CAPTION_REVIEW = 4
    DUPLICATE = 8  # marked as a copy of a keeper, or a keeper with copies linked to it
    NO_GPS = 16
    NO_TIME = 32
    CORRECTED_CLOCK = 64  # the camera's clock is corrected: the time shown is not as recorded
    REDACTION_OPEN = 128  # proposed regions, or faces found, with no decision yet


# (badge, short mark drawn on the thumbnail, the words of its tooltip), in drawing order
MARKS: tuple[tuple[Badge, str, str], ...] = (
    (Badge.GRAPHIC, "G", "graphic"),
    (Badge.RESTRICTED, "R", "restricted"),
    (Badge.CAPTION_REVIEW, "?", "caption to check"),
    (Badge.REDACTION_OPEN, "F", "redaction not reviewed"),
    (Badge.DUPLICATE, "D", "duplicate"),
    (Badge.NO_GPS, "⌀", "no GPS"),
    (Badge.NO_TIME, "T", "no capture time"),
    (Badge.CORRECTED_CLOCK, "±", "camera clock corrected"),
)

# incident colours: distinct hues a person can tell apart at a glance, by incident id
_PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6",
            "#9a6324", "#469990", "#800000", "#808000", "#000075")


def words(badges: int) -> list[str]:
    """The badges set, in words: ['graphic', 'no GPS']."""
    return [text for badge, _, text in MARKS if badges & badge]


def incident_colour(incident_id: int | None) -> str | None:
    """The colour ('#rrggbb') an incident's photos are marked with; None when untagged."""
    return None if incident_id is None else _PALETTE[(incident_id - 1) % len(_PALETTE)]
