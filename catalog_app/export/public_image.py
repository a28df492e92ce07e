"""Re-encode one photo for publication: oriented, resized, stripped, captioned (a worker task).

Published bytes by allow-list: the JPEG encoder is given the pixels only (in sRGB, with no
`info` of the original, so no comment, ICC profile, EXIF or XMP can ride along), then the app's
own caption and credit are added as IPTC and XMP, and the GPS block with --keep-location.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageFilter

from catalog_app.core import redaction
from catalog_app.core.imaging import render_preview
from catalog_app.core.models import GeoPoint

THUMB_PX = 480
XMP_LIMIT = 65000  # bytes of XMP packet one APP1 segment holds (65,533 less its header)
_EXTENDED_NS = b"http://ns.adobe.com/xmp/extension/\x00"
_EXTENDED_CHUNK = 65000 - len(_EXTENDED_NS) - 40


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
    regions: tuple[redaction.Region, ...] = ()  # hidden in the image and thumbnail alike


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
        picture = pixels_only(render_preview(Path(task.source), task.max_px))
        picture = redaction.apply(picture, task.regions)  # upright and resized: normalised
    except UnreadableImage as exc:
        return RenderResult(task.image, 0, 0, 0, str(exc))
    written = _write(task.image, _encode(picture, task))
    small = picture.copy()
    small.thumbnail((THUMB_PX, THUMB_PX), Image.Resampling.LANCZOS)
    if task.graphic:  # the warning must hide the picture, not merely soften it
        small = small.filter(ImageFilter.GaussianBlur(max(small.size) / 12))
    written += _write(task.thumb, _encode(small, task, with_text=False))
    return RenderResult(task.image, picture.width, picture.height, written)


def pixels_only(picture: Image.Image) -> Image.Image:
    """The picture's pixels in sRGB and nothing else of the original (no `info` at all).

    An embedded ICC profile is applied (its colours converted to sRGB), never copied: its
    description and device maker are text from the original. A profile that cannot be read
    leaves the pixels as they are.
    """
    icc = picture.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(picture, source, _SRGB, outputMode="RGB")
            if converted is not None:
                picture = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    clean = picture if picture.mode == "RGB" else picture.convert("RGB")
    clean.info = {}  # Pillow's encoder takes comment, ICC and XMP from info: give it nothing
    return clean


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _encode(picture: Image.Image, task: RenderTask, with_text: bool = True) -> bytes:
    """JPEG bytes of the pixels alone (JFIF, tables, frame, scans), then caption/credit/GPS."""
    buffer = io.BytesIO()
    exif = _gps_exif(task.gps) if task.gps and with_text else None
    picture.save(buffer, "JPEG", quality=task.quality, optimize=True, progressive=True,
                 **({"exif": exif} if exif else {}))
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
    """Add IPTC Caption-Abstract/Credit and XMP dc:description/photoshop:Credit (exiv2).

    A caption too long for one XMP segment goes into Extended XMP (XMP Specification part 3,
    1.1.3.1): the main packet names the extension by the MD5 of its packet, and the packet
    follows in numbered APP1 segments, which exiftool and Adobe's tools read back whole.
    """
    import exiv2

    image = exiv2.ImageFactory.open(data)
    image.readMetadata()
    iptc, xmp = exiv2.IptcData(), exiv2.XmpData()
    iptc["Iptc.Envelope.CharacterSet"] = "\x1b%G"  # UTF-8
    if caption:
        iptc["Iptc.Application2.Caption"] = _utf8_prefix(caption, 2000)  # the IPTC limit
        xmp["Xmp.dc.description"] = exiv2.LangAltValue(caption)
    if credit:
        iptc["Iptc.Application2.Credit"] = _utf8_prefix(credit, 32)
        xmp["Xmp.photoshop.Credit"] = credit
    extended = b""
    if len(_packet(xmp)) > XMP_LIMIT:  # the caption moves to the extension
        whole = exiv2.XmpData()
        whole["Xmp.dc.description"] = exiv2.LangAltValue(caption)
        extended = _packet(whole, omit_wrapper=True)
        guid = hashlib.md5(extended).hexdigest().upper()  # the standard's name, not a secret
        exiv2.XmpProperties.registerNs("http://ns.adobe.com/xmp/note/", "xmpNote")
        xmp = exiv2.XmpData()
        if credit:
            xmp["Xmp.photoshop.Credit"] = credit
        xmp["Xmp.xmpNote.HasExtendedXMP"] = guid
    image.setIptcData(iptc)
    image.setXmpData(xmp)
    image.writeMetadata()
    io_ = image.io()
    try:
        written = bytes(io_.mmap())
    finally:
        io_.munmap()
    return _insert_extended(written, extended) if extended else written


def _utf8_prefix(text: str, limit: int) -> str:
    """The longest start of text whose UTF-8 form fits in limit bytes (no split character)."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def _packet(xmp: object, omit_wrapper: bool = False) -> bytes:
    import exiv2

    flags = exiv2.XmpParser.XmpFormatFlags.useCompactFormat
    if omit_wrapper:
        flags |= exiv2.XmpParser.XmpFormatFlags.omitPacketWrapper
    return exiv2.XmpParser.encode(xmp, flags)[1].encode("utf-8")


def _insert_extended(data: bytes, packet: bytes) -> bytes:
    """Put the Extended XMP segments right after the main XMP segment."""
    import struct

    guid = hashlib.md5(packet).hexdigest().upper().encode("ascii")
    segments = []
    for offset in range(0, len(packet), _EXTENDED_CHUNK):
        body = (_EXTENDED_NS + guid + struct.pack(">II", len(packet), offset)
                + packet[offset:offset + _EXTENDED_CHUNK])
        segments.append(b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body)
    at = data.find(b"http://ns.adobe.com/xap/1.0/\x00")
    if at < 4:
        raise ValueError("no XMP segment to extend")
    start = at - 4
    end = start + 2 + struct.unpack(">H", data[start + 2:start + 4])[0]
    return data[:end] + b"".join(segments) + data[end:]


def _write(path: str, data: bytes) -> int:
    """Write through a temporary name so a killed export never leaves half an image."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    with open(part, "wb") as handle:
        handle.write(data)
    os.replace(part, target)
    return len(data)
