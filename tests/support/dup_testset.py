"""Build a duplicate test set from corpus photos: copies as messengers and people make them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pillow_heif
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

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


def _font(px: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=px)


def _fit_width(image: Image.Image, width: int) -> Image.Image:
    return image.resize((width, round(image.height * width / image.width)))


def _status_bar(canvas: Image.Image, height: int) -> None:
    """A phone's status bar: dark, with the time, signal and battery drawn in white."""
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, canvas.width, height), fill=(18, 18, 20))
    draw.text((40, height * 0.2), "14:07", fill="white", font=_font(int(height * 0.55)))
    for n in range(4):  # signal bars
        x = canvas.width - 260 + n * 18
        draw.rectangle((x, height * (0.7 - 0.12 * n), x + 10, height * 0.75), fill="white")
    draw.rectangle((canvas.width - 120, height * 0.3, canvas.width - 50, height * 0.72),
                   outline="white", width=3)
    draw.rectangle((canvas.width - 114, height * 0.36, canvas.width - 80, height * 0.66),
                   fill="white")


def _screenshot(image: Image.Image) -> Image.Image:
    """A messenger screenshot: status bar, white chat background, the photo, a line of text."""
    photo = _fit_width(image, 1000)
    canvas = Image.new("RGB", (1080, max(2340, photo.height + 700)), (255, 255, 255))
    _status_bar(canvas, 90)
    canvas.paste(photo, (40, 330))
    draw = ImageDraw.Draw(canvas)
    draw.text((60, 200), "Forwarded", fill=(120, 120, 120), font=_font(40))
    draw.text((60, 330 + photo.height + 40), "see this, from this morning", fill=(30, 30, 30),
              font=_font(44))
    return canvas


def _white_border(image: Image.Image) -> Image.Image:
    """Re-encoded at 1080 px inside a white border."""
    photo = image.copy()
    photo.thumbnail((1080 - 2 * 70, 1080 - 2 * 70))
    canvas = Image.new("RGB", (photo.width + 140, photo.height + 140), (250, 250, 250))
    canvas.paste(photo, (70, 70))
    return canvas


def _letterbox(image: Image.Image) -> Image.Image:
    """Shown on a 16:9 player or phone: black bars above and below, or at the sides."""
    photo = image.copy()
    photo.thumbnail((1280, 720))
    canvas = Image.new("RGB", (1280, 720) if photo.width < 1280 else (1280, photo.height + 240))
    canvas.paste(photo, ((canvas.width - photo.width) // 2, (canvas.height - photo.height) // 2))
    return canvas


def _with_status_bar(image: Image.Image) -> Image.Image:
    photo = _fit_width(image, 1080)
    canvas = Image.new("RGB", (1080, photo.height + 90))
    canvas.paste(photo, (0, 90))
    _status_bar(canvas, 90)
    return canvas


def _caption(image: Image.Image) -> Image.Image:
    """A caption burned into the picture's lower part, and a watermark."""
    out = image.copy()
    draw = ImageDraw.Draw(out)
    size = max(16, image.height // 16)
    draw.text((image.width * 0.05, image.height - 2.2 * size), "Market square, 14 July",
              fill="white", font=_font(size), stroke_width=max(1, size // 12), stroke_fill="black")
    draw.text((image.width * 0.6, image.height * 0.05), "@channel", fill=(255, 255, 255),
              font=_font(size // 2))
    return out


def _area_crop(fraction: float) -> Callable[[Image.Image], Image.Image]:
    """Cut away `fraction` of the area, off centre (more from the left and the bottom)."""
    def crop(image: Image.Image) -> Image.Image:
        keep = (1 - fraction) ** 0.5
        w, h = image.width * keep, image.height * keep
        x0, y0 = (image.width - w) * 0.8, (image.height - h) * 0.25
        return image.crop((round(x0), round(y0), round(x0 + w), round(y0 + h)))
    return crop


def _on_screen(image: Image.Image) -> Image.Image:
    """The photo on another screen, photographed a little from the side."""
    import numpy as np

    w, h = image.size
    canvas = (int(w * 1.2), int(h * 1.2))
    source = [(0, 0), (w, 0), (w, h), (0, h)]
    target = [(w * 0.12, h * 0.1), (w * 1.08, h * 0.14), (w * 1.06, h * 1.06), (w * 0.1, h * 1.1)]
    matrix = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coeffs = np.linalg.solve(np.array(matrix), np.array(source).reshape(8))
    back = Image.new("RGB", canvas, (35, 35, 40))
    warped = image.transform(canvas, Image.Transform.PERSPECTIVE, tuple(coeffs),
                             Image.Resampling.BILINEAR)
    mask = Image.new("L", image.size, 255).transform(canvas, Image.Transform.PERSPECTIVE,
                                                     tuple(coeffs))
    back.paste(ImageEnhance.Brightness(warped).enhance(0.9), (0, 0), mask)
    return back


# Issue 16: copies as they come back from messengers and social media (bench_dedup_quality.py
# measures all of them on every base; the suite's test uses a few bases).
COPY_TRANSFORMS = {
    "screenshot": (_screenshot, "PNG", {}),
    "white-border": (_white_border, "JPEG", {"quality": 85}),
    "letterbox": (_letterbox, "JPEG", {"quality": 85}),
    "status-bar": (_with_status_bar, "JPEG", {"quality": 85}),
    "caption": (_caption, "JPEG", {"quality": 85}),
    "crop-5%": (_area_crop(0.05), "JPEG", {}),
    "crop-10%": (_area_crop(0.10), "JPEG", {}),
    "crop-20%": (_area_crop(0.20), "JPEG", {}),
    "on-screen": (_on_screen, "JPEG", {"quality": 85}),
}
BURST_GAPS = (1, 5)  # seconds: burst neighbours of a moving scene (issue 16)


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


def _moving_burst(image: Image.Image, step: int) -> Image.Image:
    """The next shot of a burst of a moving scene: the camera pans, a figure crosses."""
    dx = int(image.width * 0.04 * step)
    shot = image.crop((dx, 0, image.width, image.height)).resize(image.size)
    draw = ImageDraw.Draw(shot)
    x = image.width * (0.2 + 0.15 * step)
    draw.ellipse((x, image.height * 0.45, x + image.width * 0.08, image.height * 0.75),
                 fill=(60, 50, 45))
    return shot


def build(folder: Path, bursts_every: int = 3, transforms: dict | None = None,
          limit: int | None = None, moving_bursts: bool = False, write: bool = True,
          every: int = 1, base_px: int = BASE_PX, quick: bool = False) -> TestSet:
    """Bases (with a capture time each), their transformed copies, and burst neighbours.

    `transforms` replaces TRANSFORMS; `every` takes every n-th corpus photo as a base (spread
    over the corpus's cameras) and `limit` only the first of those; `base_px` is the bases'
    long side; `quick` makes the files cheaply for the suite (originals decoded at a reduced
    size, HEIC at x265's ultrafast preset: ~10x faster, still a lossy HEIC copy);
    `moving_bursts` adds, to every base, shots BURST_GAPS seconds later (files
    base-burst-1s.jpg, ...). Without `write`, only the names are worked out (the files were
    written before).
    """
    save = _save if write else (lambda *_args: None)
    pillow_heif.register_heif_opener()
    folder.mkdir(parents=True, exist_ok=True)
    result = TestSet(folder)
    start = datetime(2024, 7, 15, 9, 0, 0)
    chosen = TRANSFORMS if transforms is None else transforms
    for n, path in enumerate(_bases()[::every][:limit]):
        with Image.open(path) as original:
            if quick:
                original.draft("RGB", (base_px, base_px))
            image = ImageOps.exif_transpose(original).convert("RGB")
        image.info.clear()  # no inherited EXIF: each file carries only what _save gives it
        image.thumbnail((base_px, base_px))
        name = f"base{n:03d}"
        taken = start + timedelta(minutes=7 * n)
        save(image, folder / f"{name}.jpg", "JPEG", {"quality": 92}, taken)
        result.origin[f"{name}.jpg"] = name
        for label, (change, fmt, options) in chosen.items():
            file = f"{name}-{label}{_EXT[fmt]}"
            keep_time = label == "jpeg-q30"  # one copy keeps its EXIF, as some apps do
            if quick and fmt == "HEIF":
                options = {**options, "enc_params": {"preset": "ultrafast"}}
            save(change(image), folder / file, fmt, options, taken if keep_time else None)
            result.origin[file] = name
            result.transform[file] = label
        if n % bursts_every == 0:  # the next shot of a burst: the camera moved a little
            dx = int(image.width * 0.06)
            burst = image.crop((dx, 0, image.width, image.height)).resize(image.size)
            file = f"{name}-burst.jpg"
            save(burst, folder / file, "JPEG", {"quality": 92}, taken + timedelta(seconds=3))
            result.bursts[file] = name
        if moving_bursts:
            for step, gap in enumerate(BURST_GAPS, start=1):
                file = f"{name}-burst-{gap}s.jpg"
                save(_moving_burst(image, step), folder / file, "JPEG", {"quality": 92},
                      taken + timedelta(seconds=gap))
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
