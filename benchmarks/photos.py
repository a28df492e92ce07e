"""Make photo-like 12-megapixel JPEGs with EXIF (cached under benchmarks/out/)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).parent / "out"


def photo_like(index: int, size: tuple[int, int] = (4000, 3000)) -> Image.Image:
    """Smooth shapes upscaled, then fine grain: compresses and decodes like a real photo."""
    rng = random.Random(index)
    small = Image.new("RGB", (400, 300), tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(small)
    for _ in range(40):
        x, y = rng.randrange(400), rng.randrange(300)
        r = rng.randrange(5, 120)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    image = small.filter(ImageFilter.GaussianBlur(3)).resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, 12).convert("RGB")
    return Image.blend(image, grain, 0.12)


def twelve_megapixel_set(count: int) -> list[Path]:
    folder = OUT / f"jpeg12mp-{count}"
    paths = sorted(folder.glob("*.jpg"))
    if len(paths) == count:
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2024, 7, 12, 9, 0, 0)
    paths = []
    for index in range(count):
        exif = Image.Exif()
        exif[0x010F] = "Bench"
        exif[0x0110] = "Camera 12MP"
        exif[0x0112] = 6 if index % 5 == 0 else 1
        exif.get_ifd(0x8769)[0x9003] = (start + timedelta(minutes=index)).strftime(
            "%Y:%m:%d %H:%M:%S")
        path = folder / f"DSC{index:05d}.jpg"
        photo_like(index).save(path, "JPEG", quality=90, exif=exif)
        paths.append(path)
    return paths
