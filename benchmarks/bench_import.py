"""Import speed against the floor and a plain full-decode pipeline, same run, every core.

Prints photos/s for
  floor    the least work an import must do: read each file once, SHA-256 it, decode it at
           1/8 scale (Pillow draft, DCT scaling), over a fresh spawned pool on every core;
  plain    read, SHA-256, exifread, one full decode, orientation, pHash, dHash and thumbnail
           from that decode, over the same kind of pool (no copies, no database);
  import   the installed `catalog-app import` into a fresh catalogue, end to end: process
           start-up, DCT-scaled decode, copies fsync'd and read back from the disk,
           thumbnails, duplicate hashes, database writes;
each round in that order, then the medians, import as a share of the floor, and how often the
pHash of the small decode equals the full-decode one. Then how long a spawned import worker
takes to be ready, started from a script shaped like the `catalog-app` console script, with
the lean worker context against a plain spawn context (which re-runs that script). Last, what
reading maker-note serials (libexiv2) costs: metadata.read_metadata per photo as the import
runs it, and with the maker note always opened, beside the import's own time per photo.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins

from benchmarks.photos import twelve_megapixel_set


def floor_read(path: str) -> str:
    """The floor: one read, SHA-256, a 1/8-scale DCT decode."""
    from PIL import Image

    with open(path, "rb") as handle:
        data = handle.read()
    sha = hashlib.sha256(data).hexdigest()
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (320, 320))
        image.load()
    return sha


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


def run_pool(fn, paths: list[Path], workers: int) -> tuple[float, list]:
    """Seconds from starting a spawned pool to the last result (worker start-up included)."""
    start = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(fn, map(str, paths), chunksize=1))
    return time.perf_counter() - start, results


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("catalog-app")
    return [str(script)] if script.exists() else [sys.executable, "-m", "catalog_app"]


def run_import(paths: list[Path]) -> tuple[float, dict]:
    catalogue = Path(tempfile.mkdtemp(prefix="bench-catalogue-"))
    try:
        start = time.perf_counter()
        done = subprocess.run(
            [*console_script(), "--catalogue", str(catalogue / "c"), "import", "--json",
             str(paths[0].parent)],
            capture_output=True, text=True, check=True, cwd=catalogue)
        elapsed = time.perf_counter() - start
        listing = subprocess.run(
            [*console_script(), "--catalogue", str(catalogue / "c"), "photos", "--json"],
            capture_output=True, text=True, check=True, cwd=catalogue)
        summary = json.loads(done.stdout)
        summary["photos"] = json.loads(listing.stdout)
        return elapsed, summary
    finally:
        shutil.rmtree(catalogue, ignore_errors=True)


# Run as a console-script-shaped main: how long until a spawned import worker answers.
WORKER_PROBE = textwrap.dedent("""
    import json, multiprocessing, os, statistics, sys, tempfile, time
    from catalog_app.cli import main  # noqa: F401  (what the console script imports)

    def ready(context, root, photo):
        from concurrent.futures import ProcessPoolExecutor
        from catalog_app.services import reading
        start = time.perf_counter()
        with ProcessPoolExecutor(1, mp_context=context, initializer=reading.init_worker,
                                 initargs=(root, False)) as pool:
            pool.submit(os.getpid).result()
            up = time.perf_counter() - start
            pool.submit(reading.read_in_worker, photo).result()
            return up, time.perf_counter() - start

    if __name__ == "__main__":
        from catalog_app.core import workers
        from catalog_app.db.catalogue import Catalogue
        plain = multiprocessing.get_context("spawn")
        spawn_context = getattr(workers, "spawn_context", lambda: plain)  # older versions
        rounds, photo = int(sys.argv[1]), sys.argv[2]
        lean, old = [], []
        for _ in range(rounds):
            for runs, context in ((lean, spawn_context()), (old, plain)):
                root = os.path.join(tempfile.mkdtemp(), "c")
                Catalogue.open(root, create=True).close()
                runs.append(ready(context, root, photo))
        print(json.dumps({"lean": lean, "plain": old}))
""")


def cpu_per_photo(paths: list[Path], rounds: int = 3) -> dict[str, float]:
    """CPU ms per photo in this one process (every thread of it): the floor's work, and a
    worker's FileReader.read into a fresh catalogue (copy, read-back, thumbnail, hashes,
    EXIF). CPU time, so other load on the machine barely moves the ratio; the best round."""
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.services import reading

    names = list(map(str, paths))
    floor_read(names[0])
    figures: dict[str, list[float]] = {"floor": [], "read": []}
    for _ in range(rounds):
        start = time.process_time()
        for name in names:
            floor_read(name)
        figures["floor"].append(time.process_time() - start)
        root = Path(tempfile.mkdtemp(prefix="bench-cpu-"))
        try:
            Catalogue.open(root / "c", create=True).close()
            reader = reading.FileReader(root / "c", False)
            reader.read(str(paths[-1]))  # imports and first-call set-up outside the timing
            start = time.process_time()
            for name in names[:-1]:
                reader.read(name)
            figures["read"].append((time.process_time() - start) * len(names)
                                   / (len(names) - 1))
            reader.close()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return {k: min(v) / len(names) * 1000 for k, v in figures.items()}


def worker_ready(rounds: int, photo: Path) -> dict[str, list[list[float]]]:
    folder = Path(tempfile.mkdtemp(prefix="bench-worker-"))
    try:
        script = folder / "catalog-app"
        script.write_text(WORKER_PROBE, encoding="utf-8")
        done = subprocess.run([sys.executable, str(script), str(rounds), str(photo)],
                              capture_output=True, text=True, check=True, cwd=folder)
        return json.loads(done.stdout)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def makernote_cost(paths: list[Path], repeats: int = 3) -> dict[str, float]:
    """Median ms per photo of read_metadata without, then with, the maker note opened.

    The bench photos name a maker whose notes hold no serial, so the import skips them; the
    second figure forces libexiv2 to open every file and look up every maker's serial key
    (it finds none: the worst case, every key tried).
    """
    from catalog_app.core import makernote_serial, metadata

    datas = [p.read_bytes() for p in paths]
    metadata.read_metadata(datas[0])  # imports and caches outside the timing
    makernote_serial.maker_note_serial(datas[0])

    def per_photo() -> float:
        start = time.perf_counter()
        for data in datas:
            metadata.read_metadata(data)
        return (time.perf_counter() - start) / len(datas) * 1000

    figures = {"without": statistics.median(per_photo() for _ in range(repeats))}
    original = makernote_serial.worth_reading
    makernote_serial.worth_reading = lambda make: True  # type: ignore[assignment]
    try:
        figures["with"] = statistics.median(per_photo() for _ in range(repeats))
    finally:
        makernote_serial.worth_reading = original  # type: ignore[assignment]
    return figures


def with_maker(paths: list[Path], make: str) -> list[Path]:
    """Copies of the photos whose EXIF names `make` (pixels untouched: only the APP1 segment
    is rewritten), so the import opens their maker notes for a serial."""
    import struct

    from PIL import Image

    folder = Path(tempfile.mkdtemp(prefix="bench-maker-"))
    copies = []
    for path in paths:
        data = path.read_bytes()
        start = data.index(b"\xff\xe1")
        (length,) = struct.unpack(">H", data[start + 2:start + 4])
        exif = Image.Exif()
        exif.load(data[start + 4:start + 2 + length])
        exif[0x010F] = make
        block = exif.tobytes()
        segment = b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block
        copy = folder / path.name
        copy.write_bytes(data[:start] + segment + data[start + 2 + length:])
        copies.append(copy)
    return copies


def raw_rates(count: int, workers: int) -> dict[str, float]:
    """Photos/s of `catalog-app import` on `count` 24 MP DNGs, with and without a preview."""
    from tests.support.dng import write_dng

    rates = {}
    for label, preview in (("with preview", 1024), ("without preview", 0)):
        folder = Path(tempfile.mkdtemp(prefix="bench-raw-"))
        try:
            paths = [write_dng(folder / f"R{n:04d}.dng", 6000, 4000, preview_px=preview,
                               seed=n) for n in range(count)]
            seconds, summary = run_import(paths)
            assert summary["imported"] == count, summary
            assert all(p["width"] == 6000 and p["preview_missing"] is None
                       for p in summary["photos"]), summary["photos"][:1]
            rates[label] = count / seconds
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return rates


# Peak RSS of one process: read two files whole (the old reader), or import them streamed.
RSS_PROBE = textwrap.dedent("""
    import hashlib, json, resource, sys
    mode, root, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode == "whole":
        import concurrent.futures as cf
        def whole(path):  # what each worker did: the whole file in memory, then hashed
            with open(path, "rb") as handle:
                data = handle.read()
            return hashlib.sha256(data).hexdigest()
        with cf.ThreadPoolExecutor(2) as pool:  # two workers at once
            list(pool.map(whole, paths))
    else:
        from catalog_app.core.models import Actor
        from catalog_app.db.catalogue import Catalogue
        from catalog_app.services.importing import ImportJob
        with Catalogue.open(root, create=True) as catalogue:
            job = ImportJob(catalogue, paths, Actor("bench", "bench", "bench"), workers=0)
            list(job.run())
            assert job.summary.imported == len(paths), job.summary
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report the
    # bench process's own size at the fork; the peak of this program's memory starts at exec
    try:
        with open("/proc/self/status") as status:
            peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(peak_kb / 1024))
""")


def large_file_rss(megabytes: int, photo: Path) -> dict[str, float]:
    """Peak RSS (MB) reading two large files whole, and importing them streamed."""
    folder = Path(tempfile.mkdtemp(prefix="bench-large-"))
    try:
        jpeg = photo.read_bytes()
        paths = []
        for n in range(2):
            path = folder / f"large{n}.jpg"
            with open(path, "wb") as handle:
                handle.write(jpeg)
                block = bytes([n + 1]) * (1 << 20)
                for _ in range(megabytes):
                    handle.write(block)
            paths.append(str(path))
        probe = folder / "probe.py"
        probe.write_text(RSS_PROBE, encoding="utf-8")
        found = {}
        for mode in ("whole", "streamed"):
            done = subprocess.run([sys.executable, str(probe), mode, str(folder / "c"), *paths],
                                  capture_output=True, text=True, check=True, cwd=folder)
            found[mode] = json.loads(done.stdout)
        return found
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=300)
    parser.add_argument("--raw-photos", type=int, default=8,
                        help="24 MP DNGs per raw import (48 MB each)")
    parser.add_argument("--large-mb", type=int, default=1900,
                        help="size of each of the two large files of the memory figure")
    parser.add_argument("--only", choices=("jpeg", "raw", "memory"), default=None,
                        help="run one part only")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--plain-photos", type=int, default=80,
                        help="photos for the plain pipeline (about 9 photos/s: the first N)")
    args = parser.parse_args()
    import catalog_app

    workers = len(os.sched_getaffinity(0))
    paths = twelve_megapixel_set(args.photos)
    if args.only in ("raw", "memory"):
        return _raw_and_memory(args, workers, paths, None)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"import benchmark: {len(paths)} JPEGs of 4000x3000 ({megabytes:.0f} MB), "
          f"{workers} cores, catalog_app from {Path(catalog_app.__file__).parent}")
    rates: dict[str, list[float]] = {"floor": [], "plain": [], "import": [], "canon": []}
    canon_paths = with_maker(paths, "Canon")
    plain_hashes: dict[str, int] = {}
    summary: dict = {}
    for round_ in range(1, args.rounds + 1):
        floor_s, _ = run_pool(floor_read, paths, workers)
        plain_paths = paths[: args.plain_photos]
        plain_s, results = run_pool(plain_read, plain_paths, workers)
        plain_hashes = dict(results)
        import_s, summary = run_import(paths)
        assert summary["imported"] == len(paths), summary
        canon_s, canon_summary = run_import(canon_paths)
        assert canon_summary["imported"] == len(paths), canon_summary
        for name, count, seconds in (("floor", len(paths), floor_s),
                                     ("plain", len(plain_paths), plain_s),
                                     ("import", len(paths), import_s),
                                     ("canon", len(paths), canon_s)):
            rates[name].append(count / seconds)
        print(f"  round {round_}: floor {rates['floor'][-1]:5.1f}  plain {rates['plain'][-1]:5.1f}"
              f"  import {rates['import'][-1]:5.1f}  (maker notes read "
              f"{rates['canon'][-1]:5.1f}) photos/s  "
              f"(import {rates['import'][-1] / rates['floor'][-1]:.0%} of the floor)", flush=True)
    floor, plain, imp = (statistics.median(rates[k]) for k in ("floor", "plain", "import"))
    print(f"  medians of {args.rounds} rounds:")
    print(f"    floor (read, SHA-256, 1/8 decode)      {floor:6.1f} photos/s")
    print(f"    plain pipeline (full decode, pool)     {plain:6.1f} photos/s  "
          f"(on the first {min(args.plain_photos, len(paths))})")
    print(f"    catalog-app import (end to end)        {imp:6.1f} photos/s  "
          f"{imp / floor:.0%} of the floor, {imp / plain:.2f}x the plain pipeline")
    canon = statistics.median(rates["canon"])
    print(f"    the same photos naming Canon as maker  {canon:6.1f} photos/s  "
          f"{canon / plain:.2f}x the plain pipeline (every maker note opened for a serial)")
    shutil.rmtree(canon_paths[0].parent, ignore_errors=True)
    from catalog_app.core.hashes import distance, from_hex

    ours = {p["sha256"]: from_hex(p["phash"]) for p in summary["photos"]
            if p["sha256"] in plain_hashes}
    distances = [distance(plain_hashes[sha], ph) for sha, ph in ours.items()]
    same = sum(d == 0 for d in distances)
    print(f"  pHash small vs full decode: identical for {same} of {len(distances)}, "
          f"max distance {max(distances)} bits")
    cpu = cpu_per_photo(paths[:40])
    print(f"  CPU per photo in one process (best of 3, first 40): floor {cpu['floor']:.1f} ms,"
          f" a worker's read for the import {cpu['read']:.1f} ms "
          f"(the floor is {cpu['floor'] / cpu['read']:.0%} of it)")
    ready = worker_ready(5, paths[0])
    print("  a spawned import worker (from a console-script main, median of 5): ready to read,"
          " and its first photo read")
    for name, label in (("lean", "lean worker context"),
                        ("plain", "plain spawn (re-runs the script)")):
        up = statistics.median(r[0] for r in ready[name])
        first = statistics.median(r[1] for r in ready[name])
        print(f"    {label:36s} {up:6.3f} s  {first:6.3f} s")
    cost = makernote_cost(paths[:50])
    per_photo_ms = workers / imp * 1000  # one core's time per photo in the import
    added = cost["with"] - cost["without"]
    print(f"  maker-note serials (libexiv2), read_metadata per photo on the first "
          f"{min(50, len(paths))}, median of 3:")
    print(f"    as the import runs it (no maker note opened)  {cost['without']:6.2f} ms")
    print(f"    maker note always opened, every key tried     {cost['with']:6.2f} ms  "
          f"(+{added:.2f} ms, {added / per_photo_ms:.1%} of the import's "
          f"{per_photo_ms:.0f} ms per photo per core)")
    return _raw_and_memory(args, workers, paths, imp)


def _raw_and_memory(args: argparse.Namespace, workers: int, paths: list[Path],
                    jpeg_rate: float | None) -> int:
    """The camera raw import rates (beside the JPEG one) and the large-file memory figure."""
    beside = f" (12 MP JPEG import: {jpeg_rate:.1f} photos/s)" if jpeg_rate else ""
    if args.only in (None, "raw"):
        raw = raw_rates(args.raw_photos, workers)
        print(f"  camera raw import: {args.raw_photos} DNGs of 6000x4000 (24 MP) per run{beside}")
        for label, rate in raw.items():
            print(f"    catalog-app import, DNG {label:16s} {rate:6.2f} photos/s")
    if args.only in (None, "memory"):
        rss = large_file_rss(args.large_mb, paths[0])
        print(f"  memory: two files of {args.large_mb} MB each, peak RSS of the reading process")
        print(f"    read whole, two at once (the reader before)  {rss['whole']:8.0f} MB")
        print(f"    catalog-app import, streamed (now)           {rss['streamed']:8.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
