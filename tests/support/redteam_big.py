"""A 20,000-photo catalogue made fast through the writers, and verify timed beside sha256sum."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from catalog_app.core import store
from catalog_app.core.layout import Layout
from catalog_app.core.models import (
    Actor,
    Camera,
    CaptureInfo,
    NewPhoto,
    Recorded,
    SourceFile,
    TimeSource,
)
from catalog_app.db.catalogue import Catalogue

SIZE = 20_000  # bytes per original: enough to hash, small enough to write 20,000 fast


def build(root: Path, count: int) -> None:
    """`count` distinct originals and thumbnails stored through core/store, recorded through
    record_batch, then a caption on every tenth photo (one unit of work)."""
    actor = Actor("redteam", "bench", "bench")
    with Catalogue.open(root, create=True) as catalogue:
        import_id = catalogue.begin_import(["synthetic"], False, actor)
        layout = Layout(root)
        batch = []
        for n in range(count):
            data = os.urandom(SIZE)
            sha = hashlib.sha256(data).hexdigest()
            stored, _ = store.store_original(layout, sha, data, ".jpg", None)
            thumb = os.urandom(2000)
            thumb_rel = store.store_thumbnail(layout, sha, thumb)
            capture = CaptureInfo(datetime(2024, 7, 12, 9) + timedelta(seconds=n),
                                  TimeSource.UNKNOWN, camera=Camera("Bench", f"C{n % 7}", None))
            photo = NewPhoto(sha, stored, False, "JPEG", SIZE, 1, 1, capture, n, n, thumb_rel,
                             (), thumbnail_sha256=hashlib.sha256(thumb).hexdigest())
            batch.append(Recorded(SourceFile(f"/card/{n}.jpg", b"/card/%d.jpg" % n, SIZE,
                                             None), photo))
            if len(batch) == 2000:
                catalogue.record_batch(import_id, batch, actor)
                batch.clear()
        if batch:
            catalogue.record_batch(import_id, batch, actor)
        catalogue.finish_import(import_id, count, 0, 0, False, actor)
        catalogue.set_captions([(p, f"caption of photo {p}") for p in range(1, count + 1, 10)],
                               actor)


def timed(*command: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.returncode, done.stdout[-400:] + done.stderr[-400:]


def main() -> int:
    root, count = Path(sys.argv[1]), int(sys.argv[2])
    if not (root / "catalogue.sqlite").is_file():
        start = time.perf_counter()
        build(root, count)
        print(f"built {count:,} photos in {time.perf_counter() - start:.1f} s")
    files = [str(p) for p in (root / "originals").rglob("*") if p.is_file()]
    start = time.perf_counter()
    subprocess.run(["xargs", "-0", "-P2", "-n", "500", "sha256sum"], input="\0".join(files),
                   capture_output=True, text=True, check=False)
    print(f"sha256sum of {len(files):,} originals (2 processes): "
          f"{time.perf_counter() - start:.2f} s")
    app = str(Path(sys.executable).with_name("catalog-app"))
    took, code, out = timed(app, "--catalogue", str(root), "--operator", "redteam", "verify")
    print(f"catalog-app verify: {took:.2f} s, exit {code}\n{out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
