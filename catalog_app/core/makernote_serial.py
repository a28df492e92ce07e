"""Camera serial numbers that live only in a maker note, read with libexiv2 (python-exiv2)."""

from __future__ import annotations

import contextlib
import re
from functools import cache

# exiv2's maker-note keys, per maker, in the order exiftool prefers them.
SERIAL_KEYS = (
    "Exif.Canon.SerialNumber", "Exif.Canon.InternalSerialNumber",
    "Exif.Nikon3.SerialNumber", "Exif.Nikon3.SerialNO",
    "Exif.OlympusEq.SerialNumber", "Exif.Olympus2.SerialNumber2",
    "Exif.Panasonic.InternalSerialNumber",
    "Exif.Sony1.SerialNumber", "Exif.Sony2.SerialNumber",
    "Exif.Fujifilm.SerialNumber",
    "Exif.Pentax.SerialNumber", "Exif.PentaxDng.SerialNumber",
)
_MAKERS = ("canon", "nikon", "olympus", "om digital", "panasonic", "leica", "sony", "fuji",
           "pentax", "ricoh", "asahi")


def worth_reading(make: str | None) -> bool:
    """Whether a maker's notes may hold a serial this module reads (saves opening the rest)."""
    if not make:
        return True
    lowered = make.lower()
    return any(name in lowered for name in _MAKERS)


def maker_note_serial(data: bytes, model: str | None = None) -> str | None:
    """The body serial number in a file's maker note, as exiftool prints it; None if none.

    Never raises: a maker note libexiv2 cannot parse simply gives no serial.
    """
    exiv2 = _exiv2()
    try:
        image = exiv2.ImageFactory.open(data)
        image.readMetadata()
        exif = image.exifData()
    except Exception:  # libexiv2 raises its own Exiv2Error for any file it cannot read
        return None
    for key in SERIAL_KEYS:
        try:
            datum = exif.findKey(exiv2.ExifKey(key))
        except Exception:
            continue
        if datum == exif.end():
            continue
        text = _value_text(datum)
        if text:
            return _canon_form(key, text, model)
    return None


def _value_text(datum) -> str | None:  # type: ignore[no-untyped-def]
    raw = datum.toString()
    if datum.typeName() in ("Undefined", "Byte"):
        with contextlib.suppress(ValueError):
            raw = bytes(int(part) for part in raw.split()).decode("ascii", "replace")
    text = raw.replace("\x00", "").strip()
    return text or None


def _canon_form(key: str, text: str, model: str | None) -> str:
    """The serial as exiftool prints it. Canon writes it as a number, zero-padded (6 digits
    on EOS-1D bodies, else 10); Sony's 0x2031 holds its first 8 digits in pairs, last pair
    first, and loses one leading zero before it is padded to 8 digits."""
    if key == "Exif.Canon.SerialNumber" and text.isdigit():
        width = 6 if model and "EOS-1D" in model else 10
        return text.zfill(width)
    if key in _SONY_KEYS:
        turned = _SONY_PAIRS.sub(r"\4\3\2\1", text, count=1)
        turned = turned[1:] if turned.startswith("0") else turned
        return f"{int(turned):08d}" if turned.isdigit() else text
    return text


_SONY_KEYS = ("Exif.Sony1.SerialNumber", "Exif.Sony2.SerialNumber")
_SONY_PAIRS = re.compile(r"(\d{2})(\d{2})(\d{2})(\d{2})")


@cache
def _exiv2():  # type: ignore[no-untyped-def]
    """python-exiv2, imported on first use (import time matters to every worker) and muted."""
    import exiv2

    exiv2.LogMsg.setLevel(exiv2.LogMsg.Level.mute)
    return exiv2
