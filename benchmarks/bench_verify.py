"""verify on a 10,000-photo catalogue, against `sha256sum` over the same files, same run; and
replaying and comparing the custody log of 100,000 photos with 1,000,000 entries.

The catalogue (cached under benchmarks/out/) holds 10,000 distinct 200 KB originals written
through the real store (verified, read-only) and recorded through the Catalogue API. The state
catalogue (cached too) holds 100,000 photos recorded through record_batch (no files: only the
log and the tables are timed) and 900,000 more entries: captions, keywords and flags written
through the Catalogue API, 10,000 changes per unit of work.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins

from catalog_app.core import store
from catalog_app.core.layout import Layout
from catalog_app.core.models import (
    Actor,
    Camera,
    CaptureInfo,
    Flag,
    NewPhoto,
    Recorded,
    SourceFile,
    TimeSource,
)
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.verify import VerifyJob

OUT = Path(__file__).parent / "out"
COUNT, SIZE = 10_000, 200_000
STATE_PHOTOS, STATE_ENTRIES = 100_000, 1_000_000


def build(root: Path) -> None:
    import hashlib

    catalogue = Catalogue.open(root, create=True)
    actor = Actor("bench", "bench", "bench")
    import_id = catalogue.begin_import(["synthetic"], False, actor)
    layout = Layout(root)
    batch = []
    for n in range(COUNT):
        data = os.urandom(SIZE)
        sha = hashlib.sha256(data).hexdigest()
        stored, _ = store.store_original(layout, sha, data, ".jpg", None)
        photo = NewPhoto(sha, stored, False, "JPEG", SIZE, 1, 1, CaptureInfo(), 0, 0, "", ())
        batch.append(Recorded(SourceFile(f"/card/{n}.jpg", b"/card/%d.jpg" % n, SIZE, None),
                              photo))
        if len(batch) == 1000:
            catalogue.record_batch(import_id, batch, actor)
            batch.clear()
    catalogue.finish_import(import_id, COUNT, 0, 0, False, actor)
    catalogue.close()


def build_state(root: Path) -> None:
    """100,000 photos and 1,000,000 entries through the writers (no original files)."""
    catalogue = Catalogue.open(root, create=True)
    actor = Actor("bench", "bench", "bench")
    import_id = catalogue.begin_import(["synthetic"], False, actor)
    batch = []
    for n in range(STATE_PHOTOS):
        sha = f"{n:064x}"
        capture = CaptureInfo(datetime(2024, 7, 12, 9) + timedelta(seconds=n),
                              TimeSource.UNKNOWN, camera=Camera("Bench", f"C{n % 7}", None))
        photo = NewPhoto(sha, f"originals/{sha[:2]}/{sha}.jpg", False, "JPEG", SIZE, 1, 1,
                         capture, n, n, f"thumbnails/{sha[:2]}/{sha}.jpg", (),
                         thumbnail_sha256=sha)
        batch.append(Recorded(SourceFile(f"/card/{n}.jpg", b"/card/%d.jpg" % n, SIZE, None),
                              photo))
        if len(batch) == 5000:
            catalogue.record_batch(import_id, batch, actor)
            batch.clear()
    catalogue.finish_import(import_id, STATE_PHOTOS, 0, 0, False, actor)
    written = catalogue.custody_head()[0]
    ids = list(range(1, STATE_PHOTOS + 1))
    round_ = 0
    while written < STATE_ENTRIES:
        chunk = min(10_000, STATE_ENTRIES - written)
        start = (round_ * 10_000) % STATE_PHOTOS
        some = ids[start : start + chunk]
        kind = round_ % 3
        if kind == 0:
            catalogue.set_captions([(p, f"caption {round_} of photo {p}") for p in some], actor)
        elif kind == 1:
            catalogue.change_keywords(some, [f"k{round_ % 5}"], [f"k{(round_ - 3) % 5}"],
                                      actor)
        else:
            catalogue.set_flag(some, Flag.CAPTION_REVIEW, round_ % 2 == 0, actor)
        written = catalogue.custody_head()[0]
        round_ += 1
    catalogue.close()


def bench_state() -> float:
    root = OUT / "state-catalogue"
    if not (root / "catalogue.sqlite").is_file():
        shutil.rmtree(root, ignore_errors=True)
        start = time.perf_counter()
        build_state(root)
        print(f"built a {STATE_PHOTOS:,}-photo catalogue with {STATE_ENTRIES:,} entries in "
              f"{time.perf_counter() - start:.1f} s")
    with Catalogue.open(root) as catalogue:
        entries = catalogue.custody_head()[0]
        start = time.perf_counter()
        catalogue.custody_chain_problems()
        chain = time.perf_counter() - start
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        start, cpu = time.perf_counter(), time.process_time()
        found = catalogue.state_check()
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    problems = [*found.chain_problems, *found.schema_problems, *found.problems]
    print(f"  replay + compare, {STATE_PHOTOS:,} photos, {entries:,} entries "
          f"{took:6.2f} s  (target < 15 s; "
          f"{'state matches the log' if not problems else problems[:3]})")
    print(f"    CPU: replay and compare {cpu:.2f} s, chain check in its process {child:.2f} s; "
          f"the chain check alone, in one process, took {chain:.2f} s; load average "
          f"{os.getloadavg()[0]:.1f} on {len(os.sched_getaffinity(0))} cores")
    return took


def main() -> int:
    if "--state-only" in sys.argv:
        bench_state()
        return 0
    root = OUT / "verify-catalogue"
    if not (root / "catalogue.sqlite").is_file():
        shutil.rmtree(root, ignore_errors=True)
        start = time.perf_counter()
        build(root)
        print(f"built a {COUNT:,}-photo catalogue in {time.perf_counter() - start:.1f} s")
    files = sorted(str(p) for p in (root / "originals").rglob("*.jpg"))
    gigabytes = COUNT * SIZE / 1e9
    subprocess.run(["cat", *files[:2000]], stdout=subprocess.DEVNULL, check=True)  # warm-ish
    start = time.perf_counter()
    for chunk in range(0, len(files), 2000):
        subprocess.run(["sha256sum", *files[chunk : chunk + 2000]], stdout=subprocess.DEVNULL,
                       check=True)
    sha256sum = time.perf_counter() - start
    with Catalogue.open(root) as catalogue:
        job = VerifyJob(catalogue)
        start = time.perf_counter()
        for _ in job.run():
            pass
        verify = time.perf_counter() - start
    print(f"verify benchmark: {COUNT:,} originals, {gigabytes:.1f} GB, "
          f"{len(os.sched_getaffinity(0))} cores")
    print(f"  sha256sum over the files        {sha256sum:6.2f} s")
    print(f"  catalog-app verify (all checks) {verify:6.2f} s  "
          f"({'no problems' if job.report.ok else job.report.problems[:3]})")
    print(f"  (hashing the originals: {COUNT * SIZE / 1e9 / sha256sum:.2f} GB/s by sha256sum, "
          f"so {STATE_PHOTOS:,} such originals would take ~{sha256sum * 10:.0f} s)")
    bench_state()
    return 0


if __name__ == "__main__":
    sys.exit(main())
