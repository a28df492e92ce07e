"""Export speed: a gallery of N 12-megapixel photos on every core against one process, same run.

Prints photos/s for
  gallery, all cores   the real export (decode with orientation, resize to 2048 px, strip,
                       IPTC/XMP caption, thumbnail, pages) over a process pool on every core;
  gallery, 1 process   the same export code with no pool, over the first --baseline photos
                       (a rate, so a subset is enough to compare);
  package              the evidence package of all N (verified copies, manifest, SHA256SUMS).
The N files are distinct (each has its own bytes, so its own SHA-256): the 80 cached photo-like
12 MP JPEGs of bench_import, each copied with a different JPEG comment.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.photos import OUT, twelve_megapixel_set


def distinct_copies(count: int) -> list[Path]:
    """`count` different files from the 80 cached photos (a COM segment after SOI)."""
    folder = OUT / f"jpeg12mp-distinct-{count}"
    paths = sorted(folder.glob("*.jpg"))
    if len(paths) == count:
        return paths
    base = twelve_megapixel_set(80)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        data = base[index % len(base)].read_bytes()
        comment = f"bench copy {index}".encode()
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        path = folder / f"IMG_{index:05d}.jpg"
        path.write_bytes(data[:2] + segment + data[2:])
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=150,
                        help="photos exported by the single-process run")
    args = parser.parse_args()
    from catalog_app.core.models import Actor
    from catalog_app.core.workers import default_workers
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.export.gallery import GalleryExport, GalleryOptions
    from catalog_app.export.package import PackageExport
    from catalog_app.export.selection import Selection
    from catalog_app.services.importing import ImportJob

    paths = distinct_copies(args.count)
    actor = Actor("bench", "bench", "bench")
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        with Catalogue.open(work / "catalogue", create=True) as catalogue:
            list(ImportJob(catalogue, [str(paths[0].parent)], actor, in_place=True).run())
            photos = catalogue.photos()
            for photo in photos:
                catalogue.set_caption(photo.id, f"Caption of photo {photo.id}", actor)
            everything = Selection(include_untagged=True)
            workers = default_workers()

            start = time.perf_counter()
            job = GalleryExport(catalogue, work / "site", GalleryOptions(everything), actor)
            list(job.run())
            pooled = time.perf_counter() - start
            assert job.summary.exported == len(photos), job.summary

            subset = Selection(photo_ids=tuple(p.id for p in photos[: args.baseline]),
                               include_untagged=True)
            start = time.perf_counter()
            single = GalleryExport(catalogue, work / "site-1", GalleryOptions(subset), actor,
                                   workers=0)
            list(single.run())
            alone = time.perf_counter() - start

            start = time.perf_counter()
            package = PackageExport(catalogue, work / "package", everything, actor)
            list(package.run())
            packed = time.perf_counter() - start
        mb = package.summary.bytes_copied / 1e6
        print(f"gallery, {workers} processes: {len(photos)} photos in {pooled:.1f} s = "
              f"{len(photos) / pooled:.2f} photos/s")
        print(f"gallery, 1 process:   {single.summary.exported} photos in {alone:.1f} s = "
              f"{single.summary.exported / alone:.2f} photos/s")
        print(f"speed-up: {(len(photos) / pooled) / (single.summary.exported / alone):.2f}x")
        print(f"package: {package.summary.photos} originals, {mb:.0f} MB in {packed:.1f} s = "
              f"{mb / packed:.0f} MB/s (copied, fsync'd, re-hashed)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
