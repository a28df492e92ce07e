"""GPX track files written for tests: timed points, one or more segments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

Point = tuple[datetime, float, float]  # (aware time, lat, lon)


def gpx_text(segments: Sequence[Sequence[Point]]) -> str:
    """A GPX 1.1 document with one track holding `segments`."""
    parts = []
    for seg in segments:
        points = "".join(
            f'<trkpt lat="{lat:.9f}" lon="{lon:.9f}"><ele>120.0</ele>'
            f"<time>{t.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
            for t, lat, lon in seg)
        parts.append(f"<trkseg>{points}</trkseg>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="tests" '
            'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>walk</name>'
            + "".join(parts) + "</trk></gpx>\n")


def write_gpx(path: Path, segments: Sequence[Sequence[Point]]) -> Path:
    path.write_text(gpx_text(segments), encoding="utf-8")
    return path
