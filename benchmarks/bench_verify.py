"""verify on a 10,000-photo catalogue, against `sha256sum` over the same files, same run.

The catalogue (cached under benchmarks/out/) holds 10,000 distinct 200 KB originals written
through the real store (verified, read-only) and recorded through the Catalogue API.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from catalog_app.core import store
from catalog_app.core.layout import Layout
from catalog_app.core.models import Actor, CaptureInfo, NewPhoto, Recorded, SourceFile
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.verify import VerifyJob

OUT = Path(__file__).parent / "out"
COUNT, SIZE = 10_000, 200_000


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


def main() -> int:
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
