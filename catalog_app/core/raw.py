"""Camera raw files through rawpy (LibRaw): sensor size, preview or half-size decode, hashes."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
from PIL import Image

from catalog_app.core import imaging
from catalog_app.core.stderr_capture import captured_stderr
from catalog_app.errors import UnreadableImage

# What LibRaw reads, by the file's own suffix where its signature is TIFF's (DNG, NEF, CR2,
# ARW, PEF, SRW, 3FR, IIQ, ...) and by the signature alone where it is the format's own.
RAW_BY_SUFFIX = {".dng": "DNG", ".cr2": "CR2", ".cr3": "CR3", ".nef": "NEF", ".nrw": "NRW",
                 ".arw": "ARW", ".raf": "RAF", ".orf": "ORF", ".rw2": "RW2", ".pef": "PEF",
                 ".srw": "SRW", ".3fr": "3FR", ".iiq": "IIQ", ".crw": "CRW", ".x3f": "X3F",
                 ".mrw": "MRW"}
_RAW_SIGNATURES = {"ORF", "RW2", "RAF", "CRW", "X3F", "MRW"}
_TIFF_KINDS = {"TIFF", "BigTIFF"}
PREVIEW_MIN_PX = 1024  # an embedded preview this long (or longer) gives thumbnail and hashes
# LibRaw's flip: 3 = 180 degrees, 5 = 90 anticlockwise, 6 = 90 clockwise
_FLIPS = {3: Image.Transpose.ROTATE_180, 5: Image.Transpose.ROTATE_90,
          6: Image.Transpose.ROTATE_270}
_TRUNCATED = "the camera raw file is cut short: its sensor data ends before it should"
_UNSUPPORTED = "this camera raw format or its compression is not supported by LibRaw"


def raw_format(kind: str | None, suffix: str, head: bytes) -> str | None:
    """The raw format a file is ('DNG', 'ARW', 'CR3', ...) by its signature, else None."""
    suffix = suffix.lower()
    if kind in _RAW_SIGNATURES:
        return kind
    if kind == "ISO-BMFF" and b"crx " in head[:32]:
        return "CR3"
    if kind in _TIFF_KINDS and suffix in RAW_BY_SUFFIX:
        return RAW_BY_SUFFIX[suffix]
    return None


def analyse_raw(path: str | Path, fmt: str) -> imaging.Rendition:
    """Decode a camera raw: sizes from the sensor image, pictures from its preview (when at
    least PREVIEW_MIN_PX long) or LibRaw's half-size decode.

    Raises UnreadableImage in plain words when LibRaw cannot open the file or its sensor
    data is incomplete (a truncated file is never accepted on its preview alone).
    """
    import rawpy

    try:
        with rawpy.imread(str(path)) as raw:
            sizes = raw.sizes
            flip = sizes.flip
            size = ((sizes.height, sizes.width) if flip in (5, 6)
                    else (sizes.width, sizes.height))
            if size[0] <= 0 or size[1] <= 0:
                raise UnreadableImage("the camera raw file has no sensor image")
            preview = _preview(raw)
            warnings: list[str] = []
            try:
                raw.unpack()  # reads all the sensor data: a short file fails here
                pixel_hash = _sensor_hash(raw)
            except rawpy.LibRawIOError as exc:
                raise UnreadableImage(_TRUNCATED) from exc
            except (rawpy.LibRawFileUnsupportedError, rawpy.LibRawDataError,
                    rawpy.LibRawNotImplementedError) as exc:
                if preview is None:
                    raise UnreadableImage(_UNSUPPORTED) from exc
                warnings.append("camera raw: its sensor data uses a compression LibRaw cannot "
                                "decode; thumbnail and hashes come from its embedded preview")
                pixel_hash = None
            if preview is not None and (max(preview.size) >= PREVIEW_MIN_PX or pixel_hash
                                        is None):
                picture = preview if flip not in _FLIPS else preview.transpose(_FLIPS[flip])
                if pixel_hash is not None:
                    warnings.append(f"camera raw: thumbnail and hashes come from its embedded "
                                    f"preview ({preview.size[0]}×{preview.size[1]})")
            else:
                picture = Image.fromarray(raw.postprocess(
                    half_size=True, use_camera_wb=True, output_bps=8, no_auto_bright=False))
                warnings.append("camera raw: thumbnail and hashes come from a half-size decode "
                                "of its sensor image")
    except UnreadableImage:
        raise
    except rawpy.LibRawIOError as exc:
        raise UnreadableImage(_TRUNCATED) from exc
    except rawpy.LibRawFileUnsupportedError as exc:
        raise UnreadableImage(_UNSUPPORTED) from exc
    except (rawpy.LibRawError, OSError, ValueError) as exc:
        raise UnreadableImage("the camera raw file is damaged or cannot be decoded") from exc
    return imaging.analyse_picture(picture, fmt, size, tuple(warnings), pixel_hash)


def render_raw(path: str | Path) -> Image.Image:
    """A camera raw's picture to show, upright: its preview when at least PREVIEW_MIN_PX
    long (or when LibRaw cannot decode the sensor data), else LibRaw's half-size decode.
    Raises UnreadableImage in plain words; LibRaw's own messages never reach stderr."""
    import rawpy

    try:
        with captured_stderr(), rawpy.imread(str(path)) as raw:
            preview = _preview(raw)
            flip = raw.sizes.flip
            if preview is not None and flip in _FLIPS:
                preview = preview.transpose(_FLIPS[flip])
            try:
                raw.unpack()  # a file cut short is not shown on its preview alone
                if preview is not None and max(preview.size) >= PREVIEW_MIN_PX:
                    return preview
                return Image.fromarray(raw.postprocess(half_size=True, use_camera_wb=True,
                                                       output_bps=8))
            except (rawpy.LibRawFileUnsupportedError, rawpy.LibRawDataError,
                    rawpy.LibRawNotImplementedError):
                if preview is None:
                    raise
                return preview
    except rawpy.LibRawIOError as exc:
        raise UnreadableImage(f"the photo cannot be shown ({_TRUNCATED})") from exc
    except (rawpy.LibRawError, OSError, ValueError) as exc:
        raise UnreadableImage(f"the photo cannot be shown ({_UNSUPPORTED})") from exc


def _preview(raw) -> Image.Image | None:
    """The embedded preview LibRaw finds (JPEG or bitmap), decoded, or None."""
    import rawpy

    try:
        thumb = raw.extract_thumb()
    except (rawpy.LibRawError, OSError):
        return None
    try:
        if thumb.format == rawpy.ThumbFormat.JPEG:
            with Image.open(io.BytesIO(thumb.data)) as image:
                image.draft("RGB", (PREVIEW_MIN_PX, PREVIEW_MIN_PX))
                return image.convert("RGB")
        return Image.fromarray(thumb.data).convert("RGB")
    except (OSError, ValueError, SyntaxError):
        return None  # a damaged preview: the sensor image still decodes


def _sensor_hash(raw) -> str:
    """SHA-256 of the visible sensor data: the same for the same exposure, whatever the tags."""
    visible = raw.raw_image_visible
    digest = hashlib.sha256(f"raw {visible.shape} {visible.dtype}".encode())
    digest.update(np.ascontiguousarray(visible).data)  # a copy only if the view has margins
    return digest.hexdigest()


def analyse_stored(path: Path, data: bytes | None = None) -> imaging.Rendition:
    """A stored original's rendition, as its import made it: a camera raw (by its stored
    suffix) through LibRaw, anything else through Pillow (from `data` when given)."""
    fmt = RAW_BY_SUFFIX.get(path.suffix.lower())
    if fmt is not None:
        return analyse_raw(path, fmt)
    return imaging.analyse_image(data if data is not None else path)
