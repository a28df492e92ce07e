"""Export speed: a gallery of 300 camera-like 12 MP photos on 2 processes beside sigal, same run.

Prints photos/s and CPU time per photo (this machine is shared, so wall time moves with
everyone's load; the two are run in turn, twice by default) for
  catalog-app   the real export (DCT-scaled decode, resized to 2048 px: OpenCV's bicubic for
                the near-1:1 step, Pillow's Lanczos otherwise; turned upright at the small
                size, sRGB, IPTC/XMP caption, thumbnail, pages) over 2 processes;
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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
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


def cpu_seconds() -> float:
    """CPU time of this process and of every child it has waited for (pool workers, sigal's
    processes): unlike wall time, hardly moved by other programs on a shared machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Run:
    who: str
    photos: int
    wall: float
    cpu: float
    load: float  # 1-minute load average before the run

    def line(self) -> str:
        return (f"{self.who:12} {self.photos} photos in {self.wall:5.1f} s = "
                f"{self.photos / self.wall:5.2f} photos/s, {1000 * self.cpu / self.photos:4.0f} ms "
                f"CPU per photo (load average {self.load:.1f} before)")


def timed(who: str, make: Callable[[], int]) -> Run:
    load, cpu, start = os.getloadavg()[0], cpu_seconds(), time.perf_counter()
    photos = make()
    return Run(who, photos, time.perf_counter() - start, cpu_seconds() - cpu, load)


def gallery_runs(paths: list[Path], work: Path) -> Iterator[Callable[[int], int]]:
    """Import the photos in place and caption them; then each call exports a new gallery."""
    from catalog_app.core.models import Actor
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.export.gallery import GalleryExport, GalleryOptions
    from catalog_app.export.selection import Selection
    from catalog_app.services.importing import ImportJob

    actor = Actor("bench", "bench", "bench")
    with Catalogue.open(work / "catalogue", create=True) as catalogue:
        list(ImportJob(catalogue, [str(p) for p in paths], actor, in_place=True,
                       workers=PROCESSES).run())
        for photo in catalogue.photos():
            catalogue.set_caption(photo.id, f"Caption of photo {photo.id}", actor)
        options = GalleryOptions(Selection(include_untagged=True), max_px=MAX_PX)

        def export(round_: int) -> int:
            job = GalleryExport(catalogue, work / f"site-{round_}", options, actor,
                                workers=PROCESSES)
            list(job.run())
            if job.summary.failed or job.summary.exported != len(paths):
                raise SystemExit(f"the gallery export did not publish every photo: {job.summary}")
            return job.summary.exported

        yield export


def sigal_gallery(paths: list[Path], work: Path, round_: int) -> int:
    """`sigal build` on the same photos (linked into an album folder) into a new folder."""
    sigal = Path(sys.executable).with_name("sigal")
    if not sigal.is_file():
        raise SystemExit("sigal is not installed: `make bench` installs the bench extra "
                         "(pip install -e '.[bench]').")
    album = work / "sigal-src" / "album"
    if not album.is_dir():
        album.mkdir(parents=True)
        for path in paths:
            (album / path.name).symlink_to(path.resolve())
    conf = work / "sigal.conf.py"
    conf.write_text(SIGAL_CONF.format(px=MAX_PX, quality=QUALITY))
    out = work / f"sigal-out-{round_}"
    subprocess.run([str(sigal), "build", "-q", "-c", str(conf), "-n", str(PROCESSES),
                    str(album.parent), str(out)], check=True)
    made = list((out / "album").glob("*.jpg"))
    if len(made) != len(paths):
        raise SystemExit(f"sigal made {len(made)} images of {len(paths)}")
    return len(made)


def quality_of(path: Path) -> tuple[str, tuple[int, int], float]:
    """The fast rendition's size and PSNR against the full-size path (sizes must agree)."""
    from catalog_app.export.public_image import upright
    from tests.support.full_path import full_path, psnr

    fast, full = upright(path, MAX_PX), full_path(path, MAX_PX)
    return path.stem, fast.size, psnr(fast, full)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    paths = camera_set(args.count)
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    runs: list[Run] = []
    try:
        for export in gallery_runs(paths, work):
            for round_ in range(1, args.rounds + 1):  # alternate, so a busy minute hits both
                runs.append(timed("catalog-app", lambda r=round_, e=export: e(r)))
                runs.append(timed("sigal", lambda r=round_: sigal_gallery(paths, work, r)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.count} camera-like 12 MP photos (4000 x 3000, all 8 orientations) -> "
          f"{MAX_PX} px, JPEG quality {QUALITY}, {PROCESSES} processes, {args.rounds} rounds")
    for run in runs:
        print("  " + run.line())
    ours = [r for r in runs if r.who == "catalog-app"]
    theirs = [r for r in runs if r.who == "sigal"]
    rate = sum(r.photos for r in ours) / sum(r.wall for r in ours)
    rate_sigal = sum(r.photos for r in theirs) / sum(r.wall for r in theirs)
    cpu = sum(r.cpu for r in ours) / sum(r.photos for r in ours)
    cpu_sigal = sum(r.cpu for r in theirs) / sum(r.photos for r in theirs)
    print(f"catalog-app {rate:.2f} photos/s, sigal {rate_sigal:.2f} photos/s: "
          f"{rate / rate_sigal:.2f}x (target: at least 2x); CPU per photo "
          f"{1000 * cpu:.0f} ms against {1000 * cpu_sigal:.0f} ms: {cpu_sigal / cpu:.2f}x")

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
