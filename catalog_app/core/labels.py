"""How a value is named to a person, the same in both faces."""

from __future__ import annotations

from catalog_app.core.models import Camera


def camera_label(camera: Camera, *, serial: bool = False) -> str:
    """'Make Model' as the grid's camera filter lists it ('' when the EXIF names none);
    with serial=True, the serial number follows ('Make Model serial 1234')."""
    name = " ".join(x for x in (camera.make, camera.model) if x)
    if serial and camera.serial:
        return f"{name} serial {camera.serial}".strip()
    return name
