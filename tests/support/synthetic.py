"""Make distinct photo-like JPEGs with EXIF for tests and benchmarks."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw


def make_jpegs(folder: Path, count: int, size: tuple[int, int] = (320, 240),
               seed: int = 7, quality: int = 85) -> list[Path]:
    """`count` different JPEGs: noise plus shapes, a capture time and a camera in EXIF."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    start = datetime(2024, 7, 12, 9, 0, 0)
    paths = []
    for index in range(count):
        image = Image.effect_noise(size, 40 + index % 30).convert("RGB")
        draw = ImageDraw.Draw(image)
        for _ in range(6):
            x, y = rng.randrange(size[0]), rng.randrange(size[1])
            w, h = rng.randrange(10, size[0] // 2), rng.randrange(10, size[1] // 2)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.rectangle((x, y, x + w, y + h), fill=colour)
        exif = Image.Exif()
        exif[0x010F] = "Test"
        exif[0x0110] = "Synthetic 1"
        taken = (start + timedelta(seconds=17 * index)).strftime("%Y:%m:%d %H:%M:%S")
        exif.get_ifd(0x8769)[0x9003] = taken
        path = folder / f"IMG_{index:05d}.JPG"
        image.save(path, "JPEG", quality=quality, exif=exif)
        paths.append(path)
    return paths
