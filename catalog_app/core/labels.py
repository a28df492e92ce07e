"""How values are named to a person, the same in every face and export."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from catalog_app.core.models import Camera


def camera_label(camera: Camera, *, serial: bool = False) -> str:
    """'Canon EOS 40D' (with ' 1234' if `serial` and one is recorded); '' when nothing is."""
    parts = (camera.make, camera.model, camera.serial if serial else None)
    return " ".join(part for part in parts if part)


def wipe_warning(not_preserved: int) -> str | None:
    """What an import says before anything else when files on the card were not kept."""
    if not not_preserved:
        return None
    return (f"Do not wipe the card yet: {not_preserved} file{'s' * (not_preserved != 1)} "
            f"{'were' if not_preserved != 1 else 'was'} not preserved")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 photo', '3 photos', '0 photos': the one place a count meets its noun, so that
    translated plural forms (Qt's %n) can later replace it in one spot."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def time_label(when: datetime | None, empty: str = "") -> str:
    """'2015-04-10 20:15:02+03:00': a capture time to the second, as a person reads it."""
    return when.replace(microsecond=0).isoformat(sep=" ") if when is not None else empty
