"""Re-encode one photo for publication: oriented, resized, stripped, captioned (a worker task).

Published bytes by allow-list: the JPEG encoder is given the pixels only (in sRGB, with no
`info` of the original, so no comment, ICC profile, EXIF or XMP can ride along), then the app's
own caption and credit are added as IPTC and XMP, and the GPS block with --keep-location.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageFilter

from catalog_app.core import redaction
from catalog_app.core.imaging import register_decoders
from catalog_app.core.models import GeoPoint

THUMB_PX = 480
_ORIENTATION = 0x0112
_CORRUPT = "image data is damaged or uses a feature the decoder does not support"
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
        picture = upright(Path(task.source), task.max_px)
        picture = redaction.apply(picture, task.regions)  # upright and resized: normalised
    except UnreadableImage as exc:
        return RenderResult(task.image, 0, 0, 0, str(exc))
    written = _write(task.image, _encode(picture, task))
    small = picture.resize(thumb_size(picture.size), Image.Resampling.LANCZOS,
                           reducing_gap=THUMB_REDUCING_GAP)
    if task.graphic:  # the warning must hide the picture, not merely soften it
        small = small.filter(ImageFilter.GaussianBlur(max(small.size) / 12))
    written += _write(task.thumb, _encode(small, task, with_text=False))
    return RenderResult(task.image, picture.width, picture.height, written)


def upright(path: Path, max_px: int) -> Image.Image:
    """The stored photo upright, at most max_px on its long side, in sRGB, with no `info`.

    A JPEG is decoded DCT-scaled (1/2, 1/4 or 1/8) when that still gives at least
    max_px / DCT_UPSCALE on its long side, then Lanczos-resized to the exact size; everything
    else after the resize (turning, colour conversion) works on the small image, so no
    full-size copy is made. Raises UnreadableImage like core/imaging.render_preview.
    """
    from catalog_app.errors import UnreadableImage

    register_decoders()
    try:
        with Image.open(path) as image:
            box = None
            scale = dct_scale(image.size, max_px) if image.format in _DCT_FORMATS else 1
            if scale > 1:
                drafted = image.draft(image.mode, (image.width // scale, image.height // scale))
                box = drafted[1] if drafted else None
            image.load()  # a TIFF that libtiff turns upright loses its orientation tag here
            turn = _turn(image)
            icc = image.info.get("icc_profile")
            picture: Image.Image = image
            if picture.mode not in _RESIZED_AS_IS:  # palette, 16-bit, alpha: as before, RGB
                picture = picture.convert("RGB")
            size = _stored_fit(image.size if box is None else _full_size(box, scale),
                               max_px, turn)
            if _near_one(picture, size, box):
                picture = _cubic(picture, size)
            elif picture.size != size or box is not None:
                picture = picture.resize(size, Image.Resampling.LANCZOS, box=box)
            elif picture is image:
                picture = picture.copy()  # the file closes with the block
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableImage(f"the photo cannot be shown ({_CORRUPT})") from exc
    if turn is not None:
        picture = picture.transpose(turn)
    return to_srgb(picture, icc)


def _near_one(picture: Image.Image, size: tuple[int, int],
              box: tuple[float, float, float, float] | None) -> bool:
    """Whether the resize is the fast path's last step: 8-bit RGB or grey, the whole decoded
    picture, enlarged or shrunk by at most NEAR_ONE (no antialiasing filter is then needed)."""
    if picture.mode not in ("RGB", "L") or picture.size == size:
        return False
    if box is not None and box != (0, 0, *picture.size):
        return False  # a DCT-scaled decode of a side not divisible by the scale: Pillow's box
    return max(picture.width / size[0], picture.height / size[1]) <= NEAR_ONE


def _cubic(picture: Image.Image, size: tuple[int, int]) -> Image.Image:
    """OpenCV's bicubic resize (SIMD, one thread): a third of Pillow's Lanczos time for the
    2000 -> 2048 px step, within 0.1 dB of it against the full-size path (bench_export)."""
    import cv2
    import numpy as np

    if cv2.getNumThreads() != 1:
        cv2.setNumThreads(1)  # a worker per core already
    resized = cv2.resize(np.asarray(picture), size, interpolation=cv2.INTER_CUBIC)
    return Image.fromarray(resized)  # RGB from H x W x 3, L from H x W


NEAR_ONE = 1.1  # shrinking by more than this needs Pillow's antialiased Lanczos
DCT_UPSCALE = 1.05  # a 4000 x 3000 photo decodes at 2000 x 1500 for 2048 px (x1.024)
THUMB_REDUCING_GAP = 1.0  # box-reduce the 2048 px image to the thumbnail (x4), then Lanczos:
# half the time of a gap of 2.0, within 41 dB of a plain Lanczos thumbnail (bench photos)
_DCT_FORMATS = {"JPEG", "MPO"}  # MPO: a phone's JPEG with a second picture after it
_RESIZED_AS_IS = {"RGB", "L", "CMYK"}  # resized before conversion (8-bit, no alpha)
# EXIF orientation -> the turn that shows the picture upright (as ImageOps.exif_transpose)
_TURNS = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
          4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
          6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
          8: Image.Transpose.ROTATE_90}
_SWAPS_AXES = {Image.Transpose.TRANSPOSE, Image.Transpose.ROTATE_270,
               Image.Transpose.TRANSVERSE, Image.Transpose.ROTATE_90}


def dct_scale(size: tuple[int, int], max_px: int) -> int:
    """The largest JPEG DCT scale denominator (1, 2, 4, 8) whose decode is big enough."""
    longest = max(size)
    for scale in (8, 4, 2):
        if longest / scale * DCT_UPSCALE >= max_px:
            return scale
    return 1


def fit(size: tuple[int, int], max_px: int) -> tuple[int, int]:
    """`size` shrunk to fit max_px square, never enlarged, rounded as Image.thumbnail rounds
    (down or up, whichever keeps the aspect ratio closer), so sizes match earlier exports."""
    width, height = size
    if width <= max_px and height <= max_px:
        return size
    aspect = width / height

    def nearest(number: float, error) -> int:
        return max(min(math.floor(number), math.ceil(number), key=error), 1)

    if aspect <= 1:  # as tall as wide or taller: the height is max_px
        return nearest(max_px * aspect, lambda n: abs(aspect - n / max_px)), max_px
    return max_px, nearest(max_px / aspect, lambda n: abs(aspect - max_px / n) if n else 0)


def thumb_size(size: tuple[int, int]) -> tuple[int, int]:
    return fit(size, THUMB_PX)


def _stored_fit(size: tuple[int, int], max_px: int,
                turn: Image.Transpose | None) -> tuple[int, int]:
    """fit() of the picture as shown (rounding can differ by a pixel), as stored."""
    if turn not in _SWAPS_AXES:
        return fit(size, max_px)
    width, height = fit((size[1], size[0]), max_px)
    return height, width


def _full_size(box: tuple[float, float, float, float], scale: int) -> tuple[int, int]:
    return round(box[2] * scale), round(box[3] * scale)


def _turn(image: Image.Image) -> Image.Transpose | None:
    """How to turn the decoded picture upright (EXIF, else XMP tiff:Orientation, as Pillow)."""
    try:
        orientation = image.getexif().get(_ORIENTATION, 1)
    except Exception:  # unreadable EXIF: show the pixels as stored
        return None
    return _TURNS.get(orientation) if isinstance(orientation, int) else None


def to_srgb(picture: Image.Image, icc: bytes | None) -> Image.Image:
    """The picture's pixels in sRGB and nothing else of the original (no `info` at all).

    An embedded ICC profile is applied (its colours converted to sRGB), never copied: its
    description and device maker are text from the original. A profile that cannot be read,
    or does not fit the pixels, leaves them as they are (converted to RGB by Pillow).
    """
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
    # Baseline with optimised Huffman tables: progressive coding took 3x as long (72 ms
    # against 25 ms for 2048 x 1536) for files a few per cent smaller.
    picture.save(buffer, "JPEG", quality=task.quality, optimize=True,
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
