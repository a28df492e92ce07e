"""The map on --count photos: its first paint, and pan and zoom frames (median and slowest).

A fresh map (the shipped basemap read from its cache, which is made first and not timed) is
given --count photos spread over a few mission areas and the world, fitted to them and painted
once: the first paint (photos grouped for that zoom, the visible country outlines made into
paths). Then --frames pans of 60 px and a zoom in and out at each of several places, each frame
timed. The baseline, in the same run: one frame drawing every photo as its own dot (what the
grouping saves), and the same pan frames with no photos (the basemap alone).
A frame whose base layer (basemap and towns, drawn BASE_MARGIN px past each edge) is not kept
for that zoom and place first shows the nearest kept one, moved or scaled, and the detailed
frame follows on the next turn of the event loop (timed apart, printed too).
Targets (issue 17): first paint under 300 ms, a median pan or zoom frame under 16 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins


def _points(count: int):  # type: ignore[no-untyped-def]
    import numpy as np

    rng = np.random.default_rng(17)
    areas = [(50.45, 30.52, 0.08), (48.0, 37.8, 0.3), (46.48, 30.73, 0.05), (36.2, 37.15, 0.2)]
    out = []
    for n in range(count):
        if n % 10 == 9:  # a tenth anywhere
            lat, lon = rng.uniform(-60, 70), rng.uniform(-180, 180)
        else:
            a_lat, a_lon, spread = areas[n % len(areas)]
            lat, lon = a_lat + rng.normal() * spread, a_lon + rng.normal() * spread
        out.append((n + 1, float(lat), float(lon), "camera" if n % 3 else "track"))
    return out


def _timed(view) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    view.grab()
    return time.perf_counter() - start


def _ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:6.2f} ms, slowest "
            f"{max(values) * 1000:6.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from catalog_app.core import basemap
    from catalog_app.gui.views.map_view import MapView

    cache = Path(tempfile.mkdtemp(prefix="bench-map-"))
    basemap.load(cache)  # made and cached once, untimed (a window reads the cache)
    start = time.perf_counter()
    shipped = basemap.load(cache)
    read = time.perf_counter() - start
    points = _points(args.count)

    view = MapView()
    view.resize(1200, 800)
    start = time.perf_counter()
    view.set_basemap(shipped)
    view.set_points(points)
    view.fit([p[0] for p in points if abs(p[1] - 50.45) < 1 and abs(p[2] - 30.52) < 1])
    view.grab()
    first = time.perf_counter() - start
    groups = view.last_frame_groups

    details: list[float] = []

    def frame(target: list[float]) -> None:
        """One frame; when it showed a kept base layer moved or scaled, the detailed frame
        that follows it is timed too (apart)."""
        target.append(_timed(view))
        if view._detail_queued:
            start = time.perf_counter()
            app.processEvents()
            view.grab()
            details.append(time.perf_counter() - start)

    pans: list[float] = []
    for n in range(args.frames):
        dx = 60 / view.scale * (1 if (n // 10) % 2 == 0 else -1)
        view.set_view(view.cx + dx, view.cy, view.zoom)
        frame(pans)
    zooms: list[float] = []
    centre = QPointF(600, 400)
    for n in range(args.frames):
        if n % 6 == 0:  # somewhere new: every kept base layer is out of reach
            view.set_view(view.cx + 500 / view.scale, view.cy, view.zoom)
        view.zoom_at(centre, (1, 1, 1, -1, -1, -1)[n % 6])
        frame(zooms)

    bare = MapView()
    bare.resize(1200, 800)
    bare.set_basemap(shipped)
    bare.set_view(view.cx, view.cy, view.zoom)
    bare.grab()
    bare_pans = []
    for n in range(args.frames):
        dx = 60 / bare.scale * (1 if (n // 10) % 2 == 0 else -1)
        bare.set_view(bare.cx + dx, bare.cy, bare.zoom)
        bare_pans.append(_timed(bare))

    # baseline: every photo its own dot, no grouping (one frame)
    image = view.grab().toImage()
    start = time.perf_counter()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(QColor("#1f5fae"))
    for x, y in zip(view.wx.tolist(), view.wy.tolist(), strict=True):
        painter.drawEllipse(view.to_screen(x, y), 6, 6)
    painter.end()
    every_dot = time.perf_counter() - start

    print(f"map on {args.count:,} photos, 1200x800 px (basemap read from cache in "
          f"{read * 1000:.0f} ms, once per window)")
    print(f"  first paint                  {first * 1000:7.1f} ms  (target < 300 ms; "
          f"{groups} groups drawn)")
    print(f"  pan frame                    {_ms(pans)}  (target median < 16 ms)")
    print(f"  zoom frame (in and out)      {_ms(zooms)}  (target median < 16 ms; each new zoom "
          "groups the photos once)")
    if details:
        print(f"  then, after {len(details)} of those frames, the detailed frame {_ms(details)} "
              "(the frame before showed the nearest kept base layer moved or scaled)")
    print(f"  baseline: pan, basemap alone {_ms(bare_pans)}")
    print(f"  baseline: every photo a dot  {every_dot * 1000:7.1f} ms  (one frame, ungrouped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
