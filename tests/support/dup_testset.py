"""Build a duplicate test set from corpus photos: copies as messengers and people make them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pillow_heif
from PIL import Image, ImageEnhance, ImageOps

from tests.conftest import CORPUS

BASE_PX = 1600  # bases are scaled to this long side first (a typical shared size)
SKIP = ("orientation/", "hdr/iphone_hdr_YES", "invalid/", "tests/", "heic_hdlr_box")


def _crop(image: Image.Image, fraction: float) -> Image.Image:
    dx, dy = int(image.width * fraction), int(image.height * fraction)
    return image.crop((dx, dy, image.width - dx, image.height - dy))


TRANSFORMS = {
    "quarter-size": (lambda im: im.resize((im.width // 4, im.height // 4)), "JPEG", {}),
    "jpeg-q30": (lambda im: im, "JPEG", {"quality": 30}),
    "png": (lambda im: im, "PNG", {}),
    "webp": (lambda im: im, "WEBP", {"quality": 60}),
    "heic": (lambda im: im, "HEIF", {"quality": 50}),
    "exif-stripped": (lambda im: im, "JPEG", {"quality": 95}),
    "rotated-90": (lambda im: im.transpose(Image.Transpose.ROTATE_90), "JPEG", {}),
    "mirrored": (lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT), "JPEG", {}),
    "crop-3%": (lambda im: _crop(im, 0.03), "JPEG", {}),
    "brighter": (lambda im: ImageEnhance.Brightness(im).enhance(1.1), "JPEG", {}),
    "more-contrast": (lambda im: ImageEnhance.Contrast(im).enhance(1.15), "JPEG", {}),
}
_EXT = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "HEIF": ".heic"}


@dataclass
class TestSet:
    folder: Path
    origin: dict[str, str] = field(default_factory=dict)  # file name -> base name
    transform: dict[str, str] = field(default_factory=dict)  # file name -> transformation
    bursts: dict[str, str] = field(default_factory=dict)  # burst file -> its base


def _bases() -> list[Path]:
    chosen = []
    for path in sorted(CORPUS.rglob("*")):
        rel = str(path.relative_to(CORPUS))
        if path.suffix.lower() not in {".jpg", ".jpeg", ".heic"} or any(s in rel for s in SKIP):
            continue
        try:
            with Image.open(path) as image:
                if min(image.size) >= 400:
                    chosen.append(path)
        except Exception:
            continue
    return chosen


def build(folder: Path, bursts_every: int = 3) -> TestSet:
    """Bases (with a capture time each), their transformed copies, and burst neighbours."""
    pillow_heif.register_heif_opener()
    folder.mkdir(parents=True, exist_ok=True)
    result = TestSet(folder)
    start = datetime(2024, 7, 15, 9, 0, 0)
    for n, path in enumerate(_bases()):
        with Image.open(path) as original:
            image = ImageOps.exif_transpose(original).convert("RGB")
        image.info.clear()  # no inherited EXIF: each file carries only what _save gives it
        image.thumbnail((BASE_PX, BASE_PX))
        name = f"base{n:03d}"
        taken = start + timedelta(minutes=7 * n)
        _save(image, folder / f"{name}.jpg", "JPEG", {"quality": 92}, taken)
        result.origin[f"{name}.jpg"] = name
        for label, (change, fmt, options) in TRANSFORMS.items():
            file = f"{name}-{label}{_EXT[fmt]}"
            keep_time = label == "jpeg-q30"  # one copy keeps its EXIF, as some apps do
            _save(change(image), folder / file, fmt, options, taken if keep_time else None)
            result.origin[file] = name
            result.transform[file] = label
        if n % bursts_every == 0:  # the next shot of a burst: the camera moved a little
            dx = int(image.width * 0.06)
            burst = image.crop((dx, 0, image.width, image.height)).resize(image.size)
            file = f"{name}-burst.jpg"
            _save(burst, folder / file, "JPEG", {"quality": 92}, taken + timedelta(seconds=3))
            result.bursts[file] = name
    return result


def _save(image: Image.Image, path: Path, fmt: str, options: dict,
          taken: datetime | None) -> None:
    image.info.clear()
    if taken is not None:
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
        options = {**options, "exif": exif.tobytes()}
    image.save(path, fmt, **options)
