"""Export speed: a gallery of 300 camera-like 12 MP photos on 2 processes beside sigal, same run.

Prints photos/s for
  catalog-app   the real export (DCT-scaled decode, Lanczos to 2048 px, turned upright at the
                small size, sRGB, IPTC/XMP caption, thumbnail, pages) over 2 processes;
  sigal         `sigal build -n 2` on the same photos: 2048 px, the same JPEG encoder options
                (quality 88, optimised Huffman tables, baseline), thumbnails of 480 px;
and the PSNR of every photo's fast rendition against a full-size decode turned and
Lanczos-resized (tests/support/full_path.py), which must be at least 38 dB for each photo and
40 dB at the median. The photos (benchmarks/camera_photos.py) are made once, in all 8 EXIF
orientations, and cached under benchmarks/out/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins

from benchmarks.camera_photos import camera_set

PROCESSES = 2
MAX_PX = 2048
QUALITY = 88  # RenderTask's default
MIN_DB, MEDIAN_DB = 38.0, 40.0
SIGAL_CONF = """\
img_size = ({px}, {px})
jpg_options = {{"quality": {quality}, "optimize": True, "progressive": False}}
thumb_size = (480, 480)
thumb_fit = False
"""


def export_gallery(paths: list[Path], work: Path) -> tuple[int, float]:
    """Import the photos in place, caption them, and time the gallery export alone."""
    from catalog_app.core.models import Actor
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.export.gallery import GalleryExport, GalleryOptions
    from catalog_app.export.selection import Selection
    from catalog_app.services.importing import ImportJob

    actor = Actor("bench", "bench", "bench")
    with Catalogue.open(work / "catalogue", create=True) as catalogue:
        list(ImportJob(catalogue, [str(p) for p in paths], actor, in_place=True,
                       workers=PROCESSES).run())
        photos = catalogue.photos()
        for photo in photos:
            catalogue.set_caption(photo.id, f"Caption of photo {photo.id}", actor)
        options = GalleryOptions(Selection(include_untagged=True), max_px=MAX_PX)
        start = time.perf_counter()
        job = GalleryExport(catalogue, work / "site", options, actor, workers=PROCESSES)
        list(job.run())
        took = time.perf_counter() - start
    if job.summary.failed or job.summary.exported != len(paths):
        raise SystemExit(f"the gallery export did not publish every photo: {job.summary}")
    return job.summary.exported, took


def sigal_gallery(paths: list[Path], work: Path) -> tuple[int, float]:
    """Time `sigal build` on the same photos (linked into an album folder)."""
    sigal = Path(sys.executable).with_name("sigal")
    if not sigal.is_file():
        raise SystemExit("sigal is not installed: `make bench` installs the bench extra "
                         "(pip install -e '.[bench]').")
    album = work / "sigal-src" / "album"
    album.mkdir(parents=True)
    for path in paths:
        (album / path.name).symlink_to(path.resolve())
    conf = work / "sigal.conf.py"
    conf.write_text(SIGAL_CONF.format(px=MAX_PX, quality=QUALITY))
    out = work / "sigal-out"
    start = time.perf_counter()
    subprocess.run([str(sigal), "build", "-q", "-c", str(conf), "-n", str(PROCESSES),
                    str(album.parent), str(out)], check=True)
    took = time.perf_counter() - start
    made = [p for p in (out / "album").glob("*.jpg")]
    if len(made) != len(paths):
        raise SystemExit(f"sigal made {len(made)} images of {len(paths)}")
    return len(made), took


def quality_of(path: Path) -> tuple[str, tuple[int, int], float]:
    """The fast rendition's size and PSNR against the full-size path (sizes must agree)."""
    from catalog_app.export.public_image import upright
    from tests.support.full_path import full_path, psnr

    fast, full = upright(path, MAX_PX), full_path(path, MAX_PX)
    return path.stem, fast.size, psnr(fast, full)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    paths = camera_set(args.count)
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        load = os.getloadavg()[0]
        ours, ours_s = export_gallery(paths, work)
        load_sigal = os.getloadavg()[0]
        theirs, theirs_s = sigal_gallery(paths, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ours_rate, theirs_rate = ours / ours_s, theirs / theirs_s
    print(f"{args.count} camera-like 12 MP photos (4000 x 3000, all 8 orientations) -> "
          f"{MAX_PX} px, JPEG quality {QUALITY}, {PROCESSES} processes")
    print(f"catalog-app gallery: {ours} photos in {ours_s:.1f} s = {ours_rate:.2f} photos/s "
          f"(load average {load:.1f} before)")
    print(f"sigal build:         {theirs} photos in {theirs_s:.1f} s = {theirs_rate:.2f} photos/s"
          f" (load average {load_sigal:.1f} before)")
    print(f"catalog-app / sigal: {ours_rate / theirs_rate:.2f}x (target: at least 2x)")

    with ProcessPoolExecutor(PROCESSES) as pool:
        rows = list(pool.map(quality_of, paths, chunksize=4))
    print("PSNR of the fast path against a full-size decode and Lanczos resize, per photo:")
    for at in range(0, len(rows), 6):
        print("  " + "  ".join(f"{name} {db:5.1f} dB" for name, _, db in rows[at:at + 6]))
    values = [db for _, _, db in rows]
    lowest, median = min(values), statistics.median(values)
    worst = min(rows, key=lambda row: row[2])[0]
    print(f"PSNR lowest {lowest:.1f} dB ({worst}, at least {MIN_DB:.0f}), median {median:.1f} dB"
          f" (at least {MEDIAN_DB:.0f}), highest {max(values):.1f} dB")
    ok = lowest >= MIN_DB and median >= MEDIAN_DB
    print("quality: " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
