"""XMP and IPTC as a file carries them: dates, position, serial, title, caption, keywords."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
    "exifEX": "http://cipa.jp/exif/1.0/",
}
# The XMP date properties that may hold the moment of capture, most specific first.
XMP_DATES = ("exif:DateTimeOriginal", "xmp:CreateDate", "photoshop:DateCreated")
_XMP_DATE = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
_DATE_ONLY = re.compile(r"^\s*\d{4}(-\d{2}(-\d{2})?)?\s*$")
_IPTC_TIME = re.compile(r"^(\d{2}):?(\d{2}):?(\d{2})?([+-]\d{2}:?\d{2})?$")


@dataclass(frozen=True, slots=True)
class Described:
    """What a file's XMP and IPTC say: typed where the catalogue uses it, text otherwise."""

    xmp_values: dict[str, str] = field(default_factory=dict)  # "prefix:Name" -> first value
    title: str | None = None
    caption: str | None = None
    keywords: tuple[str, ...] = ()
    iptc_date: str | None = None  # IPTC DateCreated "YYYYMMDD"
    iptc_time: str | None = None  # IPTC TimeCreated "HHMMSS+HHMM"
    sources: dict[str, str] = field(default_factory=dict)  # title/caption/keywords -> where


class DateProblem(ValueError):
    """A written date that is not a usable moment; its text says why, for a person."""


def read_xmp(packet: bytes | str | None) -> dict[str, object]:
    """The properties of an XMP packet this app uses: 'prefix:Name' -> str or list of str.

    Values may be written as attributes of rdf:Description or as elements (with rdf:Alt,
    rdf:Bag or rdf:Seq lists). Raises ValueError for a packet that is not XML.
    """
    if not packet:
        return {}
    text = packet.decode("utf-8", "replace") if isinstance(packet, bytes) else packet
    start = text.find("<x:xmpmeta")
    if start < 0:
        start = text.find("<rdf:RDF")
    end_tag = "</x:xmpmeta>" if text.find("</x:xmpmeta>") >= 0 else "</rdf:RDF>"
    end = text.find(end_tag)
    if start < 0 or end < 0:
        raise ValueError("XMP packet holds no RDF")
    try:
        root = ET.fromstring(text[start:end + len(end_tag)])
    except ET.ParseError as exc:
        raise ValueError("XMP packet is not well-formed XML") from exc
    wanted = {f"{{{uri}}}": prefix for prefix, uri in _NS.items()}
    found: dict[str, object] = {}
    for description in root.iter(f"{_RDF}Description"):
        for name, value in description.attrib.items():
            key = _short(name, wanted)
            if key and key not in found and value.strip():
                found[key] = value.strip()
        for child in description:
            key = _short(child.tag, wanted)
            if not key or key in found:
                continue
            items = [li.text.strip() for li in child.iter(f"{_RDF}li")
                     if li.text and li.text.strip()]
            if items:
                found[key] = items
            elif child.text and child.text.strip():
                found[key] = child.text.strip()
    return found


def describe(xmp: dict[str, object], iptc: dict[tuple[int, int], object] | None) -> Described:
    """Title, caption and keywords (XMP first, then IPTC) and the date fields, with sources."""
    iptc = iptc or {}
    values = {k: _first(v) for k, v in xmp.items()}
    sources: dict[str, str] = {}
    title = _pick(sources, "title", (("XMP dc:title", values.get("dc:title")),
                                     ("XMP photoshop:Headline", values.get("photoshop:Headline")),
                                     ("IPTC ObjectName", _iptc_text(iptc.get((2, 5)))),
                                     ("IPTC Headline", _iptc_text(iptc.get((2, 105))))))
    caption = _pick(sources, "caption", (
        ("XMP dc:description", values.get("dc:description")),
        ("IPTC Caption-Abstract", _iptc_text(iptc.get((2, 120))))))
    keywords: tuple[str, ...] = ()
    subject = xmp.get("dc:subject")
    if subject:
        keywords = tuple(subject) if isinstance(subject, list) else (str(subject),)
        sources["keywords"] = "XMP dc:subject"
    elif iptc.get((2, 25)):
        raw = iptc[(2, 25)]
        listed = raw if isinstance(raw, list) else [raw]
        keywords = tuple(t for t in (_iptc_text(k) for k in listed) if t)
        if keywords:
            sources["keywords"] = "IPTC Keywords"
    return Described({k: v for k, v in values.items() if v is not None}, title, caption,
                     keywords, _iptc_text(iptc.get((2, 55))), _iptc_text(iptc.get((2, 60))),
                     sources)


def parse_xmp_date(text: str) -> datetime:
    """'2011-03-12T15:36:11.00+01:00' -> a datetime, aware when a zone is written.

    Raises DateProblem for a date without a time of day, or for text that is not a date.
    """
    match = _XMP_DATE.match(text)
    if not match:
        if _DATE_ONLY.match(text):
            raise DateProblem(f"gives only a date ({text.strip()}), not a time of day")
        raise DateProblem(f"{text.strip()!r} is not a date and time")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute),
                          int(second or 0), int(((fraction or "") + "000000")[:6]))
    except ValueError as exc:
        raise DateProblem(f"{text.strip()!r} is not a valid date and time") from exc
    return moment.replace(tzinfo=_zone(zone)) if zone else moment


def parse_iptc_date(date: str, time: str | None) -> datetime:
    """IPTC DateCreated 'YYYYMMDD' + TimeCreated 'HHMMSS+HHMM' -> a datetime (as XMP's)."""
    digits = date.strip()
    if not time:
        raise DateProblem(f"gives only a date ({digits}), not a time of day")
    match = _IPTC_TIME.match(time.strip())
    if not (len(digits) == 8 and digits.isdigit()) or not match:
        raise DateProblem(f"{digits} {time.strip()} is not a date and time")
    hour, minute, second, zone = match.groups()
    try:
        moment = datetime(int(digits[:4]), int(digits[4:6]), int(digits[6:]), int(hour),
                          int(minute), int(second or 0))
    except ValueError as exc:
        raise DateProblem(f"{digits} {time.strip()} is not a valid date and time") from exc
    return moment.replace(tzinfo=_zone(zone)) if zone else moment


def _zone(text: str) -> timezone:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta > timedelta(hours=14) or int(digits[2:]) >= 60:
        raise DateProblem(f"zone {text} is not a time-zone offset")
    return timezone(sign * delta)


def _short(name: str, wanted: dict[str, str]) -> str | None:
    if not name.startswith("{"):
        return None
    uri, _, local = name[1:].partition("}")
    prefix = wanted.get(f"{{{uri}}}")
    return f"{prefix}:{local}" if prefix else None


def _first(value: object) -> str | None:
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value is not None else None


def _pick(sources: dict[str, str], what: str,
          candidates: tuple[tuple[str, str | None], ...]) -> str | None:
    for where, text in candidates:
        if text and text.strip():
            sources[what] = where
            return text.strip()
    return None


def _iptc_text(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bytes):
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            text = value.decode("latin-1")
        return text.replace("\x00", "").strip() or None
    return None
