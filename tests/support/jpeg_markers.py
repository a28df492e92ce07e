"""Walk a JPEG's segments (test code): which markers a published file carries, and their bytes."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

# markers with no length field: SOI, EOI, TEM and the restart markers RST0..RST7
_STANDALONE = {0xD8, 0xD9, 0x01, *range(0xD0, 0xD8)}
NAMES = {0xC0: "SOF0", 0xC1: "SOF1", 0xC2: "SOF2", 0xC4: "DHT", 0xD8: "SOI", 0xD9: "EOI",
         0xDA: "SOS", 0xDB: "DQT", 0xDD: "DRI", 0xE0: "APP0", 0xE1: "APP1", 0xE2: "APP2",
         0xED: "APP13", 0xEE: "APP14", 0xFE: "COM"}


@dataclass(frozen=True)
class Segment:
    marker: int
    payload: bytes  # without the marker and length

    @property
    def name(self) -> str:
        return NAMES.get(self.marker, f"0x{self.marker:02X}")


def segments(data: bytes) -> list[Segment]:
    """Every marker segment in order, entropy-coded data skipped (it holds no markers but
    RSTn and stuffed 0xFF00)."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG (no SOI)")
    found = [Segment(0xD8, b"")]
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            raise ValueError(f"no marker at byte {at}")
        while data[at] == 0xFF:  # fill bytes
            at += 1
        marker = data[at]
        at += 1
        if marker in _STANDALONE:
            found.append(Segment(marker, b""))
            if marker == 0xD9:
                if data[at:].strip(b"\x00"):
                    raise ValueError(f"{len(data) - at} bytes after EOI")
                return found
            continue
        (length,) = struct.unpack(">H", data[at:at + 2])
        found.append(Segment(marker, data[at + 2:at + length]))
        at += length
        if marker == 0xDA:  # skip the scan's entropy-coded data up to the next real marker
            while at < len(data) - 1:
                if data[at] == 0xFF and data[at + 1] != 0x00 and not 0xD0 <= data[at + 1] <= 0xD7:
                    break
                at += 1
    raise ValueError("no EOI")


def disallowed(path: Path, *, gps: bool = False) -> list[str]:
    """What in this published file is not on the allow-list (empty when it is clean)."""
    problems = []
    for seg in segments(path.read_bytes()):
        body = seg.payload
        if seg.marker in (0xD8, 0xD9, 0xDB, 0xC4, 0xC0, 0xC1, 0xC2, 0xDA, 0xDD):
            continue
        if seg.marker == 0xE0 and body.startswith(b"JFIF\x00"):
            continue
        if seg.marker == 0xE1 and body.startswith(b"http://ns.adobe.com/xap/1.0/\x00"):
            continue
        if seg.marker == 0xE1 and body.startswith(b"http://ns.adobe.com/xmp/extension/\x00"):
            continue
        if seg.marker == 0xE1 and body.startswith(b"Exif\x00\x00") and gps:
            continue  # its content is checked with exifread by the caller
        if seg.marker == 0xED and body.startswith(b"Photoshop 3.0\x00"):
            continue
        problems.append(f"{seg.name} ({len(body)} bytes: {body[:40]!r})")
    return problems


def xmp_text(path: Path) -> str:
    """The main XMP packet and any Extended XMP, joined, as text."""
    parts = []
    for seg in segments(path.read_bytes()):
        if seg.marker == 0xE1 and seg.payload.startswith(b"http://ns.adobe.com/xap/1.0/\x00"):
            parts.append(seg.payload[29:])
        elif seg.marker == 0xE1 and seg.payload.startswith(b"http://ns.adobe.com/xmp/extension/"):
            parts.append(seg.payload[35 + 32 + 8:])
    return b"".join(parts).decode("utf-8")
