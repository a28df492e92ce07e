"""Camera-like 12-megapixel JPEGs in all 8 EXIF orientations (cached under benchmarks/out/)."""

from __future__ import annotations

import random
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).parent / "out"
SIZE = (4000, 3000)
LENS_SIGMA = 0.7  # px: a sharp phone lens (MTF50 near 0.27 cycles/pixel)
SENSOR_NOISE = 3  # two uniform draws in -3..3: 2.8 grey levels s.d. (ISO 200 or so)
QUALITY = 90


def camera_like(index: int, size: tuple[int, int] = SIZE) -> Image.Image:
    """A scene (sky-to-ground gradient, out-of-focus blobs, hard-edged shapes and lines, fine
    texture patches) seen through a lens (Gaussian blur) by a noisy sensor."""
    rng = random.Random(index)
    noise = np.random.default_rng(index)
    width, height = size
    top, bottom = (np.array([rng.randrange(lo, hi) for _ in range(3)], np.float32)
                   for lo, hi in ((80, 220), (20, 160)))
    ramp = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    sky = (top * (1 - ramp) + bottom * ramp).astype(np.uint8)
    scene = Image.fromarray(np.ascontiguousarray(np.broadcast_to(sky[:, None, :],
                                                                 (height, width, 3))))
    blobs = Image.new("RGBA", (width // 10, height // 10), (0, 0, 0, 0))
    draw = ImageDraw.Draw(blobs)
    for _ in range(25):
        x, y, r = rng.randrange(width // 10), rng.randrange(height // 10), rng.randrange(5, 80)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=(*[rng.randrange(256) for _ in range(3)], 200))
    blobs = blobs.filter(ImageFilter.GaussianBlur(4)).resize(size, Image.Resampling.BICUBIC)
    scene.paste(blobs, (0, 0), blobs)
    draw = ImageDraw.Draw(scene)
    for _ in range(30):  # walls, signs, vehicles: hard edges
        x, y = rng.randrange(width), rng.randrange(height)
        corners = [(x + rng.randrange(-600, 600), y + rng.randrange(-600, 600))
                   for _ in range(rng.randrange(3, 6))]
        draw.polygon(corners, fill=tuple(rng.randrange(256) for _ in range(3)))
    for _ in range(40):  # wires, poles, lettering strokes
        x, y = rng.randrange(width), rng.randrange(height)
        draw.line((x, y, x + rng.randrange(-900, 900), y + rng.randrange(-900, 900)),
                  fill=tuple(rng.randrange(256) for _ in range(3)), width=rng.randrange(1, 8))
    pixels = np.asarray(scene, dtype=np.int16).copy()
    for _ in range(4):  # foliage, gravel: texture down to single pixels
        w, h = rng.randrange(300, 1200), rng.randrange(300, 1200)
        x, y = rng.randrange(width - w), rng.randrange(height - h)
        pixels[y:y + h, x:x + w] += noise.integers(-40, 40, (h, w, 1), dtype=np.int16)
    lens = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(LENS_SIGMA))
    pixels = np.asarray(lens, dtype=np.int16)
    for _ in range(2):  # the sensor (a sum of uniform draws: 10 times cheaper than normal())
        pixels += noise.integers(-SENSOR_NOISE, SENSOR_NOISE + 1, pixels.shape, dtype=np.int8)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def orientation_of(index: int) -> int:
    return index % 8 + 1  # every EXIF orientation, in turn


def _make(job: tuple[int, Path]) -> Path:
    index, path = job
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Bench", "Camera 12MP"
    exif[0x0112] = orientation_of(index)
    exif.get_ifd(0x8769)[0x9003] = (datetime(2024, 7, 12, 9) + timedelta(minutes=index)
                                    ).strftime("%Y:%m:%d %H:%M:%S")
    part = path.with_name(path.name + ".part")
    camera_like(index).save(part, "JPEG", quality=QUALITY, exif=exif)
    part.replace(path)
    return path


def camera_set(count: int, workers: int = 2) -> list[Path]:
    """The first `count` distinct camera-like 12 MP JPEGs, made once (in `workers` processes)."""
    folder = OUT / "camera12mp"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"DSC{index:05d}.jpg" for index in range(count)]
    missing = [(i, p) for i, p in enumerate(paths) if not p.is_file()]
    if missing:
        print(f"making {len(missing)} camera-like 12 MP photos in {folder} ...", flush=True)
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_make, missing, chunksize=4))
    return paths
