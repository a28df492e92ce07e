"""Turn Pillow images into QImages (safe on any thread; QPixmap is made on the main thread)."""

from __future__ import annotations

from PIL import Image
from PIL.ImageQt import ImageQt
from PySide6.QtGui import QImage


def to_qimage(image: Image.Image) -> QImage:
    """A QImage that owns its pixels (ImageQt's view would dangle once `image` is freed)."""
    return QImage(ImageQt(image.convert("RGB"))).copy()
