"""How values are named to a person, the same in every face and export."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalog_app.core.models import Camera


def camera_label(camera: Camera, *, serial: bool = False) -> str:
    """'Canon EOS 40D' (with ' 1234' if `serial` and one is recorded); '' when nothing is."""
    parts = (camera.make, camera.model, camera.serial if serial else None)
    return " ".join(part for part in parts if part)
