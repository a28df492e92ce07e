"""Import speed: a plain full-decode pipeline against catalog-app's import, same run, all cores.

Prints photos/s for
  plain    read, SHA-256, exifread, one full decode, orientation, pHash, dHash and thumbnail
           from that decode, over a process pool on every core (no copies, no database);
  import   `catalog-app import` into a fresh catalogue, end to end: process start-up, the
           DCT-scaled decode, verified read-only copies (fsync), thumbnails, database writes;
and how often the pHash of the small (draft) decode equals the full-decode one.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.photos import twelve_megapixel_set


def plain_read(path: str) -> tuple[str, int]:
    """The naive pipeline: decode at full size, hash and thumbnail that."""
    import exifread
    import imagehash
    from PIL import Image, ImageOps

    data = Path(path).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    exifread.process_file(io.BytesIO(data), details=False)
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        full = ImageOps.exif_transpose(image).convert("RGB")
    phash = int(str(imagehash.phash(full)), 16)
    imagehash.dhash(full)
    full.thumbnail((320, 320))
    full.save(io.BytesIO(), "JPEG", quality=80)
    return sha, phash


def run_plain(paths: list[Path], workers: int) -> tuple[float, dict[str, int]]:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = dict(pool.map(plain_read, map(str, paths), chunksize=1))
    return time.perf_counter() - start, results


def run_import(paths: list[Path]) -> tuple[float, dict]:
    catalogue = Path(tempfile.mkdtemp(prefix="bench-catalogue-"))
    try:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "catalog_app", "--catalogue", str(catalogue / "c"),
             "import", "--json", str(paths[0].parent)],
            capture_output=True, text=True, check=True,
        )
        elapsed = time.perf_counter() - start
        listing = subprocess.run(
            [sys.executable, "-m", "catalog_app", "--catalogue", str(catalogue / "c"),
             "photos", "--json"], capture_output=True, text=True, check=True)
        summary = json.loads(done.stdout)
        summary["photos"] = json.loads(listing.stdout)
        return elapsed, summary
    finally:
        shutil.rmtree(catalogue, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=80)
    args = parser.parse_args()
    workers = len(os.sched_getaffinity(0))
    paths = twelve_megapixel_set(args.photos)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"import benchmark: {len(paths)} JPEGs of 4000x3000 ({megabytes:.0f} MB), "
          f"{workers} cores")
    plain_s, plain_hashes = run_plain(paths, workers)
    import_s, summary = run_import(paths)
    assert summary["imported"] == len(paths), summary
    plain_rate, import_rate = len(paths) / plain_s, len(paths) / import_s
    print(f"  plain pipeline (full decode, pool)     {plain_rate:6.1f} photos/s  ({plain_s:.1f} s)")
    print(f"  catalog-app import (end to end)        {import_rate:6.1f} photos/s  "
          f"({import_s:.1f} s)")
    print(f"  speed-up                               {import_rate / plain_rate:6.2f}x")
    from catalog_app.core.hashes import distance, from_hex

    ours = {p["sha256"]: from_hex(p["phash"]) for p in summary["photos"]}
    distances = [distance(plain_hashes[sha], ph) for sha, ph in ours.items()]
    same = sum(d == 0 for d in distances)
    print(f"  pHash small vs full decode: identical for {same} of {len(distances)}, "
          f"max distance {max(distances)} bits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
