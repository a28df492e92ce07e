"""GPS coordinates as devices write them: rationals (0/0 in an unused part), text, XMP form."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# XMP's GPSCoordinate: "DDD,MM,SSk" or "DDD,MM.mmk" (k = N, S, E or W).
_XMP_COORDINATE = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)(?:\s*,\s*(\d+(?:\.\d+)?))?\s*([NSEWnsew])\s*$")


class Unusable(ValueError):
    """A coordinate whose parts cannot be read as a position (not merely an empty one)."""


def degrees_from_parts(parts: Sequence[Any]) -> float | None:
    """Decimal degrees from EXIF's (degrees, minutes, seconds) rationals.

    A part written as 0/0 ("undefined") is read as 0 when no precision is lost by it: the
    seconds after decimal minutes (as Nikon cameras and GPS loggers write them), or minutes
    and seconds after decimal degrees. Returns None for no parts or an all-0/0 value (a device
    with no fix); raises Unusable when a part that carries the position is undefined.
    """
    values = list(parts)[:3]
    if not values:
        return None
    pairs = [(_numerator(v), _denominator(v)) for v in values]
    if all(n == 0 and d == 0 for n, d in pairs):
        return None
    total = 0.0
    undefined_seen = False
    for index, (numerator, denominator) in enumerate(pairs):
        if denominator == 0:
            if numerator != 0:
                raise Unusable("a coordinate part divides by zero")
            undefined_seen = True
            continue
        if undefined_seen and numerator != 0:
            raise Unusable("a coordinate part before a written one is undefined (0/0)")
        total += numerator / denominator / 60**index
    if pairs[0][1] == 0:
        raise Unusable("the degrees of a coordinate are undefined (0/0)")
    return total


def degrees_from_text(text: str) -> float:
    """Decimal degrees from a coordinate written as ASCII ("48.8887", "48 53 19.4", "48,53.3N").

    Up to three numbers are read as degrees, minutes and seconds, as exiftool reads them; a
    trailing S or W (or a leading minus) makes the value negative. Raises Unusable when the
    text holds no number or its minutes or seconds are out of range.
    """
    numbers = [float(n) for n in _NUMBER.findall(text)][:3]
    if not numbers:
        raise Unusable(f"coordinate text {text!r} holds no number")
    negative = numbers[0] < 0 or bool(re.search(r"[SWsw]\s*$", text.strip()))
    numbers = [abs(n) for n in numbers]
    if any(n >= 60 for n in numbers[1:]):
        raise Unusable(f"coordinate text {text!r} has minutes or seconds past 60")
    value = sum(n / 60**i for i, n in enumerate(numbers))
    return -value if negative else value


def degrees_from_xmp(text: str) -> float:
    """Decimal degrees from XMP's GPSCoordinate ("48,53.323582N"); raises Unusable if not one."""
    match = _XMP_COORDINATE.match(text)
    if not match:
        raise Unusable(f"XMP coordinate {text!r} is not in the form 'DDD,MM.mmN'")
    degrees, minutes, seconds, ref = match.groups()
    value = float(degrees) + float(minutes) / 60 + float(seconds or 0) / 3600
    return -value if ref.upper() in "SW" else value


def _numerator(value: Any) -> float:
    return float(getattr(value, "numerator", value))


def _denominator(value: Any) -> float:
    return float(getattr(value, "denominator", 1))
