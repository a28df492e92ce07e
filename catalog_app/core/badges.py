"""What a thumbnail's badges say: one bit per fact the grid row carries, and each in words."""

from __future__ import annotations

from enum import IntFlag

from catalog_app.i18n import _, pgettext


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


def marks() -> tuple[tuple[Badge, str, str], ...]:
    """(badge, short mark drawn on the thumbnail, the words of its tooltip), in drawing order,
    in the current language."""
    return (
        (Badge.GRAPHIC, pgettext("badge mark", "G"), _("graphic")),
        (Badge.RESTRICTED, pgettext("badge mark", "R"), _("restricted")),
        (Badge.CAPTION_REVIEW, "?", _("caption to check")),
        (Badge.REDACTION_OPEN, pgettext("badge mark", "F"), _("redaction not reviewed")),
        (Badge.DUPLICATE, pgettext("badge mark", "D"), _("duplicate")),
        (Badge.NO_GPS, "⌀", _("no GPS")),
        (Badge.NO_TIME, pgettext("badge mark", "T"), _("no capture time")),
        (Badge.CORRECTED_CLOCK, "±", _("camera clock corrected")),
    )


# incident colours: distinct hues a person can tell apart at a glance, by incident id
_PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6",
            "#9a6324", "#469990", "#800000", "#808000", "#000075")


def words(badges: int) -> list[str]:
    """The badges set, in words: ['graphic', 'no GPS']."""
    return [text for badge, _mark, text in marks() if badges & badge]


def incident_colour(incident_id: int | None) -> str | None:
    """The colour ('#rrggbb') an incident's photos are marked with; None when untagged."""
    return None if incident_id is None else _PALETTE[(incident_id - 1) % len(_PALETTE)]
