"""The export's yardstick: a full-size decode, turned, Lanczos-resized, and PSNR against it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from catalog_app.core.imaging import register_decoders
from catalog_app.export.public_image import to_srgb


def full_path(path: Path, max_px: int) -> Image.Image:
    """What the gallery published before the fast path: every pixel decoded, turned upright
    and converted to RGB at full size, then Lanczos-resized to max_px, then made sRGB."""
    register_decoders()
    with Image.open(path) as image:
        image.load()
        icc = image.info.get("icc_profile")
        turned = ImageOps.exif_transpose(image)
        rgb = turned.convert("RGB")
    rgb.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
    return to_srgb(rgb, icc)


def psnr(image: Image.Image, reference: Image.Image) -> float:
    """Peak signal-to-noise ratio in dB of two RGB images of one size (inf if identical)."""
    if image.size != reference.size:
        raise ValueError(f"sizes differ: {image.size} and {reference.size}")
    a = np.asarray(image.convert("RGB"), dtype=np.float64)
    b = np.asarray(reference.convert("RGB"), dtype=np.float64)
    mse = float(np.mean((a - b) ** 2))
    return float("inf") if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)
