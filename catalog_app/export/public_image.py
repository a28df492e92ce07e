"""Re-encode one photo for publication: oriented, resized, stripped, captioned (a worker task)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFilter

from catalog_app.core.imaging import render_preview
from catalog_app.core.models import GeoPoint

THUMB_PX = 480


@dataclass(frozen=True, slots=True)
class RenderTask:
    """What one exported image needs: where from, where to, and what it may carry."""

    source: str  # the stored original
    image: str  # output paths
    thumb: str
    max_px: int
    caption: str
    credit: str
    gps: GeoPoint | None  # only when the export keeps locations on purpose
    graphic: bool  # the thumbnail is blurred beyond recognition
    quality: int = 88


@dataclass(frozen=True, slots=True)
class RenderResult:
    image: str
    width: int
    height: int
    bytes_written: int
    error: str | None = None


def render(task: RenderTask) -> RenderResult:
    """Write the public image and its thumbnail; a failure comes back as one sentence."""
    from catalog_app.errors import UnreadableImage

    try:
        picture = render_preview(Path(task.source), task.max_px)
    except UnreadableImage as exc:
        return RenderResult(task.image, 0, 0, 0, str(exc))
    icc = picture.info.get("icc_profile")
    written = _write(task.image, _encode(picture, task, icc))
    small = picture.copy()
    small.thumbnail((THUMB_PX, THUMB_PX), Image.Resampling.LANCZOS)
    if task.graphic:  # the warning must hide the picture, not merely soften it
        small = small.filter(ImageFilter.GaussianBlur(max(small.size) / 12))
    written += _write(task.thumb, _encode(small, task, icc, with_text=False))
    return RenderResult(task.image, picture.width, picture.height, written)


def _encode(picture: Image.Image, task: RenderTask, icc: bytes | None,
            with_text: bool = True) -> bytes:
    """JPEG bytes with no metadata but the ICC profile, then caption/credit/GPS if any."""
    buffer = io.BytesIO()
    exif = _gps_exif(task.gps) if task.gps and with_text else None
    picture.save(buffer, "JPEG", quality=task.quality, optimize=True, progressive=True,
                 icc_profile=icc, **({"exif": exif} if exif else {}))
    data = buffer.getvalue()
    if with_text and (task.caption or task.credit):
        data = _with_caption(data, task.caption, task.credit)
    return data


def _gps_exif(point: GeoPoint) -> bytes:
    """An EXIF block holding nothing but the position (no camera, serial or time)."""
    from fractions import Fraction

    def dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
        value = abs(value)
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        seconds = Fraction(round((value - degrees - minutes / 60) * 3600 * 10000), 10000)
        return Fraction(degrees), Fraction(minutes), seconds

    exif = Image.Exif()
    gps: dict[int, object] = {1: "N" if point.lat >= 0 else "S", 2: dms(point.lat),
           3: "E" if point.lon >= 0 else "W", 4: dms(point.lon)}
    if point.alt is not None:
        gps[5] = 0 if point.alt >= 0 else 1
        gps[6] = Fraction(round(abs(point.alt) * 100), 100)
    exif[0x8825] = gps
    return exif.tobytes()


def _with_caption(data: bytes, caption: str, credit: str) -> bytes:
    """Add IPTC Caption-Abstract/Credit and XMP dc:description/photoshop:Credit (exiv2)."""
    import exiv2

    image = exiv2.ImageFactory.open(data)
    image.readMetadata()
    iptc, xmp = exiv2.IptcData(), exiv2.XmpData()
    iptc["Iptc.Envelope.CharacterSet"] = "\x1b%G"  # UTF-8
    if caption:
        iptc["Iptc.Application2.Caption"] = caption[:2000]  # the IPTC field's limit
        xmp["Xmp.dc.description"] = exiv2.LangAltValue(caption)
    if credit:
        iptc["Iptc.Application2.Credit"] = credit[:32]
        xmp["Xmp.photoshop.Credit"] = credit
    image.setIptcData(iptc)
    image.setXmpData(xmp)
    image.writeMetadata()
    io_ = image.io()
    try:
        return bytes(io_.mmap())
    finally:
        io_.munmap()


def _write(path: str, data: bytes) -> int:
    """Write through a temporary name so a killed export never leaves half an image."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    with open(part, "wb") as handle:
        handle.write(data)
    os.replace(part, target)
    return len(data)
