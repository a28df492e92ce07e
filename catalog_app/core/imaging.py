"""One decode per file: the orientation-corrected small image gives pHash, dHash and thumbnail."""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import BinaryIO

import imagehash
import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from catalog_app.core import content_area
from catalog_app.errors import UnreadableImage

THUMBNAIL_PX = 320  # longest side of a stored thumbnail
THUMBNAIL_QUALITY = 80
# Refuse images above this many pixels: a 200-megapixel frame is past any field camera, and a
# decompression bomb declares far more. Pillow raises at twice its limit, so set half.
MAX_PIXELS = 200_000_000
_ORIENTATION = 0x0112
# Failure reasons are for a person: plain words, never a decoder's message or hint.
_CORRUPT = "image data is damaged or uses a feature the decoder does not support"
_TOO_LARGE = f"image is too large to decode safely (more than {MAX_PIXELS:,} pixels)"
_SWAPS_AXES = {5, 6, 7, 8}


@dataclass(frozen=True, slots=True)
class Rendition:
    """What one decode of an image yields."""

    format: str
    width: int  # as displayed, orientation applied
    height: int
    phash: int
    dhash: int
    thumbnail_jpeg: bytes
    warnings: tuple[str, ...] = ()
    canonical_phashes: tuple[int, ...] = ()  # pHash of the image turned to canonical pose
    pixel_hash: str | None = None  # same for identical pixels, whatever the metadata


@cache
def register_decoders() -> None:
    """Teach Pillow HEIC/HEIF/AVIF (pillow-heif) and JPEG XL (pillow-jxl-plugin); idempotent."""
    import pillow_heif
    import pillow_jxl  # noqa: F401  (registers the JXL plugin on import)

    pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2


def analyse_image(source: bytes | str | Path,
                  on_header: Callable[[str], None] | None = None) -> Rendition:
    """Decode once (DCT-scaled for JPEG), apply orientation, hash and thumbnail the small image.

    `source` is the file's bytes or its path (Pillow then reads the file as it decodes, so a
    large file is never held whole). `on_header`, if given, is called with the format once the
    header has been read, before the pixels are decoded; it must not raise.
    A JPEG cut short is decoded as far as it goes (see _load): its rendition says how much is
    missing, and below FULL_ENOUGH decoded it carries no hashes for duplicates.
    Raises UnreadableImage with a one-line reason for anything that is not a readable image.
    """
    register_decoders()
    return _guarded(lambda: _analyse(source, on_header))


def analyse_picture(image: Image.Image, fmt: str, size: tuple[int, int],
                    warnings: tuple[str, ...] = (), pixel_hash: str | None = None) -> Rendition:
    """Hashes and thumbnail of an already decoded, upright picture (a camera raw's preview or
    its half-size decode), recorded with `size` (the sensor image's, not the preview's)."""
    register_decoders()
    return _guarded(lambda: _rendition(_reduce(image.convert("RGB")), fmt, size, warnings,
                                       pixel_hash, True))


def _guarded(run: Callable[[], Rendition]) -> Rendition:
    """Run a decode with Pillow's warnings recorded and its errors as UnreadableImage."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            rendition = run()
        noted = tuple(dict.fromkeys(f"image: {w.message}" for w in caught))
        return replace(rendition, warnings=rendition.warnings + noted) if noted else rendition
    except UnreadableImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage(_TOO_LARGE) from exc
    except UnidentifiedImageError as exc:
        raise UnreadableImage("not an image in a format this app can read") from exc
    except MemoryError as exc:
        raise UnreadableImage("image needs more memory to decode than is available") from exc
    except OSError as exc:
        if "truncated" in str(exc).lower():
            raise UnreadableImage("image data is truncated (the file is incomplete)") from exc
        raise UnreadableImage(_CORRUPT) from exc
    except Exception as exc:  # decoders raise SyntaxError, ValueError, struct.error, ...
        raise UnreadableImage(_CORRUPT) from exc


FULL_ENOUGH = 0.9  # a cut-short JPEG decoded less than this gets no hashes for duplicates
_TRUNCATED_LOCK = threading.Lock()


def _analyse(source: bytes | str | Path, on_header: Callable[[str], None] | None) -> Rendition:
    with _opened(source) as (image, stream):
        fmt = image.format or "UNKNOWN"
        full_w, full_h = image.size
        if full_w <= 0 or full_h <= 0:
            raise UnreadableImage("image has no pixels")
        if on_header is not None:
            on_header(fmt)
        warnings: tuple[str, ...] = ()
        pixel_hash: str | None = None
        try:
            orientation = image.getexif().get(_ORIENTATION)
        except Exception:  # a garbage EXIF block must not cost the pixels
            orientation = None
            warnings = ("EXIF block is unreadable, so no orientation was applied",)
        if fmt == "JPEG":
            image.draft("RGB", (THUMBNAIL_PX, THUMBNAIL_PX))  # DCT scaling: decode 1/2..1/8
        image, decoded = _load(image, fmt, source)
        # a JPEG's pixel hash is of its coded data; others are decoded at full size anyway
        if fmt == "JPEG":
            pixel_hash = jpeg_pixel_hash(source if isinstance(source, bytes | bytearray)
                                         else stream)
        else:
            pixel_hash = _pixels_hash(image)
        oriented = ImageOps.exif_transpose(image) if orientation in range(2, 9) else image
        # an RGB decode is used as it is (no copy): the rendition is made before it closes
        small = _reduce(oriented if oriented.mode == "RGB" else oriented.convert("RGB"))
        # Pillow already reports (and loads) a TIFF upright: only other formats are turned here.
        turned = orientation in _SWAPS_AXES and fmt != "TIFF"
        size = (full_h, full_w) if turned else (full_w, full_h)
        usable = True
        if decoded < 1.0:
            missing = max(1, round((1 - decoded) * 100))
            warnings += (f"the file is cut short: about {missing} % of the picture is missing "
                         "(the preview shows what is there)",)
            usable = decoded >= FULL_ENOUGH
            if not usable:
                warnings += ("too little of the picture decodes to compare it for duplicates",)
            pixel_hash = None  # the grey fill is not the photo's pixels
        return _rendition(small, fmt, size, warnings, pixel_hash, usable)


def _rendition(small: Image.Image, fmt: str, size: tuple[int, int], warnings: tuple[str, ...],
               pixel_hash: str | None, usable: bool) -> Rendition:
    """Hashes and thumbnail of the reduced, upright RGB picture."""
    grey_small = small.convert("L")  # what imagehash's phash and dhash both start from
    grey = grey_small.resize((_PHASH_PX, _PHASH_PX), Image.Resampling.LANCZOS)  # phash_input
    phash = _phash(grey)
    dhash = int(str(imagehash.dhash(grey_small)), 16)
    canonical = canonical_phashes(grey) if usable else ()
    # issue 16 (core/content_area.py): part hashes for bordered and cropped copies; a plain
    # picture gets no duplicate hashes at all
    canonical = content_area.with_parts(canonical, grey_small, grey) if canonical else ()
    thumb = small.resize(_fit(small.size), Image.Resampling.BILINEAR, reducing_gap=2.0)
    buffer = io.BytesIO()
    thumb.save(buffer, "JPEG", quality=THUMBNAIL_QUALITY, optimize=True)
    return Rendition(fmt, size[0], size[1], phash, dhash, buffer.getvalue(), warnings,
                     canonical, pixel_hash)


@contextmanager
def _opened(source: bytes | str | Path) -> Iterator[tuple[Image.Image, BinaryIO]]:
    """The image and the stream it reads from (the file itself when given a path)."""
    with (io.BytesIO(source) if isinstance(source, bytes | bytearray)
          else open(source, "rb")) as stream, Image.open(stream) as image:
        yield image, stream


def _load(image: Image.Image, fmt: str, source: bytes | str | Path,
          draft_px: int = THUMBNAIL_PX) -> tuple[Image.Image, float]:
    """Decode the pixels: the decoded image and the share of the picture it holds (1.0
    unless cut short).

    A JPEG cut short is decoded again with Pillow's LOAD_TRUNCATED_IMAGES set for that one
    decode (a lock keeps other threads' decodes in this process strict meanwhile): libjpeg
    fills what is missing with flat grey rows at the bottom, which tell how much is missing.
    """
    try:
        image.load()
        return image, 1.0
    except OSError as exc:
        if fmt != "JPEG" or "truncated" not in str(exc).lower():
            raise
    with _TRUNCATED_LOCK:
        ImageFile.LOAD_TRUNCATED_IMAGES = True
        try:
            with _opened(source) as (again, _):
                again.draft("RGB", (draft_px, draft_px))
                again.load()
                loaded = again.copy()  # outlives the file (its info keeps the EXIF)
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = False
    return loaded, _decoded_share(loaded)


def _decoded_share(image: Image.Image) -> float:
    """1 - the share of rows at the bottom that are one flat value (what libjpeg fills in)."""
    rows = np.asarray(image).reshape(image.size[1], -1)
    flat = (rows == rows[:, :1]).all(axis=1)
    missing = int(np.argmin(flat[::-1])) if not flat.all() else len(flat)
    return 1.0 - missing / len(flat)


_DIHEDRAL = (None, Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM,
             Image.Transpose.ROTATE_180, Image.Transpose.TRANSPOSE, Image.Transpose.ROTATE_90,
             Image.Transpose.ROTATE_270, Image.Transpose.TRANSVERSE)
_AMBIGUOUS = 0.01  # brightness differences (0..1) below this cannot decide a pose
_PHASH_PX = 32  # imagehash.phash: hash_size 8 x highfreq_factor 4


def _phash(grey: Image.Image) -> int:
    """imagehash's pHash of a 32x32 greyscale block, as an integer."""
    return int(str(imagehash.phash(grey)), 16)


def canonical_phashes(grey: Image.Image) -> tuple[int, ...]:
    """pHash(es) of the image turned to a canonical pose, so rotations and mirrors hash alike.

    `grey` is the 32x32 greyscale pHash itself works on (see phash_input), so every pose is
    a transpose of 1,024 pixels, not a second resize of the photo. The pose puts the brighter
    half on the left and on top, and the stronger of those two differences left-right.
    Turning or mirroring a picture only permutes these, so every variant reaches the same
    pose. Where a difference is too small to decide, every pose it allows is hashed (rarely
    more than two), and matching compares them all.
    """
    hashes = []
    for turn in _DIHEDRAL:
        posed = grey if turn is None else grey.transpose(turn)
        pixels = np.asarray(posed, dtype=np.float32) / 255.0
        left_right = pixels[:, :16].mean() - pixels[:, 16:].mean()
        top_bottom = pixels[:16, :].mean() - pixels[16:, :].mean()
        if (left_right >= -_AMBIGUOUS and top_bottom >= -_AMBIGUOUS
                and abs(left_right) >= abs(top_bottom) - _AMBIGUOUS):
            hashes.append(_phash(posed))
    return tuple(dict.fromkeys(hashes))


def phash_input(small: Image.Image) -> Image.Image:
    """What imagehash.phash reduces an image to first: greyscale, 32x32, Lanczos."""
    return small.convert("L").resize((_PHASH_PX, _PHASH_PX), Image.Resampling.LANCZOS)


def difference_image(keeper: Path, member: Path, gain: float = 4.0) -> Image.Image:
    """Where `member` differs from `keeper`: the member turned to the keeper's pose (the best
    of the 8 rotations and mirrors), scaled to its size, then |difference| amplified.

    Black means the same; bright marks what changed (a crop shows as edges, an edit as a
    patch). Works on the stored thumbnails, so it costs no decode of an original.
    """
    from PIL import ImageChops

    with Image.open(keeper) as a_file, Image.open(member) as b_file:
        a = a_file.convert("RGB")
        b = b_file.convert("RGB")
    probe_a = a.convert("L").resize((64, 64), Image.Resampling.BILINEAR)

    def mismatch(turn) -> float:
        turned = b if turn is None else b.transpose(turn)
        probe_b = turned.convert("L").resize((64, 64), Image.Resampling.BILINEAR)
        histogram = ImageChops.difference(probe_a, probe_b).histogram()
        return sum(level * count for level, count in enumerate(histogram))

    best = min(_DIHEDRAL, key=mismatch)
    aligned = (b if best is None else b.transpose(best)).resize(a.size, Image.Resampling.BILINEAR)
    difference = ImageChops.difference(a, aligned).convert("L")
    return difference.point(lambda v: min(255, int(v * gain)))


def jpeg_pixel_hash(source: bytes | BinaryIO) -> str | None:
    """SHA-256 of a JPEG without its APPn and COM segments: what decodes to the pixels.

    Two files that differ only in EXIF, XMP, ICC or comments get the same value. `source` is
    the bytes or an open file (read in chunks from its start, then left where it ends).
    """
    import hashlib
    import struct

    if isinstance(source, bytes | bytearray):
        return _jpeg_pixel_hash_of_bytes(source)
    stream = source
    stream.seek(0)
    if stream.read(2) != b"\xff\xd8":
        return None
    digest = hashlib.sha256()
    while len(header := stream.read(4)) == 4:
        if header[0] != 0xFF:
            return None
        marker = header[1]
        if marker == 0xDA:  # start of scan: the rest is image data
            digest.update(header)
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
            return digest.hexdigest()
        (length,) = struct.unpack_from(">H", header, 2)
        body = stream.read(length - 2)
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE):
            digest.update(header)
            digest.update(body)
    return None


def _jpeg_pixel_hash_of_bytes(data: bytes | bytearray) -> str | None:
    """jpeg_pixel_hash of bytes in memory: the same segments hashed from views of the bytes
    (no chunk copies), so the same value."""
    import hashlib

    if data[:2] != b"\xff\xd8":
        return None
    view = memoryview(data)
    digest = hashlib.sha256()
    at, end = 2, len(data)
    while at + 4 <= end:
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            digest.update(view[at:])
            return digest.hexdigest()
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if length < 2:  # the stream form reads on to the end and finds no scan
            return None
        segment_end = min(at + 2 + length, end)  # a cut-short body is what a read would give
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE):
            digest.update(view[at:segment_end])
        at = segment_end
    return None


def _pixels_hash(image: Image.Image) -> str:
    import hashlib

    digest = hashlib.sha256(f"{image.mode} {image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def render_preview(path: Path, max_px: int) -> Image.Image:
    """An RGB rendition of a stored photo, orientation applied, at most max_px on its long side.

    A camera raw (by its stored suffix) is shown from its preview or half-size decode; a
    JPEG cut short shows what is there. Raises UnreadableImage like analyse_image.
    """
    register_decoders()
    from catalog_app.core import raw  # it builds on this module

    if Path(path).suffix.lower() in raw.RAW_BY_SUFFIX:
        picture = raw.render_raw(path)
        picture.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        return picture
    try:
        with Image.open(path) as opened:
            if opened.format == "JPEG":
                opened.draft("RGB", (max_px, max_px))
            image, _ = _load(opened, opened.format or "", path, max_px)
            try:
                oriented = ImageOps.exif_transpose(image)
            except Exception:  # unreadable EXIF: show the pixels as stored
                oriented = image
            rgb = oriented.convert("RGB")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableImage(f"the photo cannot be shown ({_CORRUPT})") from exc
    rgb.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
    return rgb


@cache
def _fit(size: tuple[int, int]) -> tuple[int, int]:
    """The size Image.thumbnail gives within THUMBNAIL_PX square (thumbnail() itself costs
    0.6 ms more for the same pixels); remembered per size, as a camera's photos share one."""
    width, height = size
    if max(width, height) <= THUMBNAIL_PX:
        return size
    probe = Image.new("1", size)
    probe.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX), Image.Resampling.NEAREST)
    return probe.size


def _reduce(image: Image.Image) -> Image.Image:
    """Shrink a large decode by a power of two, as JPEG DCT scaling does, so hashes compare."""
    factor = 1
    while factor < 8 and min(image.size) // (factor * 2) >= THUMBNAIL_PX:
        factor *= 2
    return image.reduce(factor) if factor > 1 else image
