"""Small JPEGs with a chosen camera, capture time and (optionally) zone, for clock tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw


def jpeg(path: Path, taken: datetime, model: str | None, serial: str | None,
         seed: int) -> Path:
    """A distinct JPEG whose EXIF says camera 'Clockwork <model>' #serial took it at `taken`
    (its zone written as OffsetTimeOriginal when `taken` is aware); no camera at all when
    `model` is None."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.effect_noise((160, 120), 40 + seed % 40).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle((seed % 100, 10, seed % 100 + 50, 80), fill=(seed * 37 % 256, 90, 200))
    exif = Image.Exif()
    if model is not None:
        exif[0x010F] = "Clockwork"
        exif[0x0110] = model
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if serial is not None:
        ifd[0xA431] = serial
    if taken.tzinfo is not None:
        offset = taken.strftime("%z")
        ifd[0x9011] = f"{offset[:3]}:{offset[3:]}"
    image.save(path, "JPEG", quality=85, exif=exif)
    return path
