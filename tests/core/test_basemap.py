"""The offline basemap's arithmetic: Web Mercator both ways, and rings read from .shp bytes."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from catalog_app.core import basemap


def test_web_mercator_round_trips_and_clamps() -> None:
    x, y = basemap.to_world(np.array([0.0, 50.45, -33.9]), np.array([0.0, 30.52, 151.2]))
    assert (float(x[0]), float(y[0])) == pytest.approx((0.5, 0.5))
    for n, (lat, lon) in enumerate([(0.0, 0.0), (50.45, 30.52), (-33.9, 151.2)]):
        assert basemap.to_degrees(float(x[n]), float(y[n])) == pytest.approx((lat, lon))
    top = basemap.to_world(90.0, 0.0)[1]
    assert float(top) == pytest.approx(0.0, abs=1e-9)  # the pole is clamped to the edge


def _polygon_record(number: int, rings: list[list[tuple[float, float]]]) -> bytes:
    points = [p for ring in rings for p in ring]
    starts, at = [], 0
    for ring in rings:
        starts.append(at)
        at += len(ring)
    body = struct.pack("<i4dii", 5, 0, 0, 0, 0, len(rings), len(points))
    body += struct.pack(f"<{len(starts)}i", *starts)
    body += struct.pack(f"<{2 * len(points)}d", *[v for p in points for v in p])
    return struct.pack(">ii", number, len(body) // 2) + body


def test_polygon_rings_are_read_from_shapefile_bytes() -> None:
    square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    hole = [(0.2, 0.2), (0.4, 0.2), (0.4, 0.4), (0.2, 0.2)]
    data = b"\0" * 100 + _polygon_record(1, [square, hole]) + _polygon_record(2, [square])
    rings = basemap._shp_rings(data)
    assert [len(r) for r in rings] == [5, 4, 5]
    assert rings[1].tolist() == [list(p) for p in hole]
    coarse = basemap._simplify(np.array(square) / 1000, 0.01)  # all in one cell: 3 kept
    assert len(coarse) == 3
