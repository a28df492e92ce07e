"""Duplicate search at scale: grouping 100,000 and 1,000,000 photos, new photos against many.

Synthetic photos get canonical-pose pHashes in the proportions measured on the real corpus
(73 % one, 25 % two, 2 % four: rotations and mirrors are matched through them), and 5 % are
near copies (0-8 bits flipped) of another photo. Printed, in the same run:
  group        dedup.find_groups at the default threshold, index and components included
  brute force  numpy popcount over every pair of hashes (100,000), or over a sample (1,000,000)
  recall       the pairs found equal brute force's (exactly at 100,000, on a sample at 1M)
  memory       peak resident memory of the process that grouped 1,000,000
  new photos   1,000 new photos searched against the 1,000,000 (dedup.near_duplicates_of)
  second stage (issue 16) every photo also carries 6 window hashes, and 1 % are crops (their
               whole frame within 0-6 bits of another's window): grouping with a verify that
               counts the candidate pairs; the local-feature cost per pair and per thumbnail is
               measured on corpus photos and their crops, so the candidates' cost is printed
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins

from catalog_app.core import dedup
from catalog_app.core.hash_index import distances

THRESHOLD = dedup.DEFAULT_THRESHOLD


def synthetic(n: int, seed: int = 5, start_id: int = 1) -> list[dedup.DupPhoto]:
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**64, size=n, dtype=np.uint64)
    copies = rng.random(n) < 0.05
    sources = rng.integers(0, n, size=n)
    for k in np.flatnonzero(copies):
        flips = rng.choice(64, size=rng.integers(0, THRESHOLD + 1), replace=False)
        base[k] = base[sources[k]] ^ np.uint64(sum(1 << int(b) for b in flips))
    windows = rng.integers(0, 2**64, size=(n, 6), dtype=np.uint64)
    crops = np.flatnonzero(rng.random(n) < 0.01)
    for k in crops:  # a crop's whole frame meets a window of its original
        flips = rng.choice(64, size=rng.integers(0, 7), replace=False)
        base[k] = windows[sources[k], rng.integers(0, 6)] ^ np.uint64(sum(1 << int(b)
                                                                           for b in flips))
    counts = rng.choice([1, 2, 4], size=n, p=[0.73, 0.25, 0.02])
    photos = []
    extra = rng.integers(0, 2**64, size=int(counts.sum()), dtype=np.uint64)
    used = 0
    for k in range(n):
        alternates = tuple(int(h) for h in extra[used : used + counts[k] - 1])
        used += counts[k] - 1
        photos.append(dedup.DupPhoto(start_id + k, (int(base[k]), *alternates), None, None,
                                     4000, 3000, "JPEG", True, False,
                                     parts=tuple(int(h) for h in windows[k])))
    return photos


def brute_pairs(photos: list[dedup.DupPhoto], rows: np.ndarray | None = None) -> set:
    owners = np.array([k for k, p in enumerate(photos) for _ in p.canonical])
    hashes = np.array([h for p in photos for h in p.canonical], dtype=np.uint64)
    queries = range(len(hashes)) if rows is None else rows
    found = set()
    for q in queries:
        close = np.flatnonzero(distances(np.full(len(hashes), hashes[q], np.uint64), hashes)
                               <= THRESHOLD)
        found |= {(min(owners[q], owners[c]), max(owners[q], owners[c])) for c in close
                  if owners[c] != owners[q]}
    return found, owners


def grouped_pairs(groups, photos) -> set:
    index = {p.id: k for k, p in enumerate(photos)}
    return {(index[a.photo], index[b.photo]) for g in groups for a in g.members
            for b in g.members if index[a.photo] < index[b.photo]}


def run(n: int, brute_sample: int | None) -> None:
    photos = synthetic(n)
    entries = sum(len(p.canonical) for p in photos)
    start = time.perf_counter()
    groups = dedup.find_groups(photos, THRESHOLD, same_bytes=False)
    grouped = time.perf_counter() - start
    print(f"{n:>9,} photos ({entries:,} canonical hashes): grouped in {grouped:.2f} s, "
          f"{len(groups):,} groups")
    mine = grouped_pairs(groups, photos)
    if brute_sample is None:
        start = time.perf_counter()
        truth, _ = brute_pairs(photos)
        print(f"{'':>9}  brute force over all pairs: {time.perf_counter() - start:.2f} s; "
              f"pairs found by both: {len(truth & mine):,} of {len(truth):,} "
              f"(recall {len(truth & mine) / max(len(truth), 1):.4f})")
    else:
        rng = np.random.default_rng(9)
        rows = rng.integers(0, entries, size=brute_sample)
        start = time.perf_counter()
        truth, owners = brute_pairs(photos, rows)
        per_query = (time.perf_counter() - start) / brute_sample
        sampled = {owners[r] for r in rows}
        mine_sampled = {pair for pair in mine if pair[0] in sampled or pair[1] in sampled}
        covered = truth <= mine_sampled | mine
        print(f"{'':>9}  brute force on {brute_sample} sampled hashes: {per_query * 1000:.0f} ms "
              f"each, so about {per_query * entries / 60:.0f} min for all; every pair it found "
              f"({len(truth)}) was grouped: {covered}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{'':>9}  peak memory {peak:.0f} MB")
        new = synthetic(1000, seed=77, start_id=n + 1)
        for k in range(0, 1000, 10):  # a tenth of them are copies of catalogued photos
            old = photos[k * 97]
            new[k] = dedup.DupPhoto(new[k].id, (old.canonical[0] ^ 0b101,), None, None, 4000,
                                    3000, "JPEG", True, False)
        start = time.perf_counter()
        found = dedup.near_duplicates_of(new, photos, THRESHOLD)
        print(f"{'':>9}  1,000 new photos against {n:,}: {time.perf_counter() - start:.2f} s, "
              f"{len(found)} with a near duplicate (100 planted)")


def second_stage(photos: list[dedup.DupPhoto], per_pair: float) -> None:
    """Group with part hashes and a counting verify (confirms nothing): the candidates."""
    asked = []
    start = time.perf_counter()
    dedup.find_groups(photos, THRESHOLD, same_bytes=False,
                      verify=lambda a, b: asked.append((a.id, b.id)))  # type: ignore[func-returns-value]
    spent = time.perf_counter() - start
    n = len(photos)
    print(f"{'':>9}  with part hashes and the second stage: {spent:.2f} s for the hashes and "
          f"candidate search, {len(asked):,} candidate pairs ({len(asked) / n * 1000:.1f} per "
          f"1,000 photos) x {per_pair * 1000:.1f} ms = {len(asked) * per_pair:.1f} s of local "
          "features")


def local_cost(count: int = 20) -> float:
    """Seconds per candidate pair (features of both thumbnails + match), from corpus photos."""
    from PIL import Image

    from catalog_app.core import local_match
    from tests.support import dup_testset

    spent, pairs = 0.0, 0
    for path in dup_testset._bases()[:count]:
        with Image.open(path) as image:
            image.draft("RGB", (640, 640))
            picture = image.convert("L")
        picture.thumbnail((320, 320))
        crop = dup_testset._area_crop(0.2)(picture)
        crop.thumbnail((320, 320))
        start = time.perf_counter()
        a = local_match.features(np.asarray(picture))
        b = local_match.features(np.asarray(crop))
        local_match.match(a, b)
        spent += time.perf_counter() - start
        pairs += 1
    per_pair = spent / max(pairs, 1)
    print(f"local features (ORB + RANSAC) on {pairs} corpus thumbnails and their 20 % crops: "
          f"{per_pair * 1000:.1f} ms a pair, both thumbnails' features included")
    return per_pair


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--per-pair", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:
        run(args.only, None if args.only <= 100_000 else 200)
        second_stage(synthetic(args.only), args.per_pair or 0.0)
        return 0
    print(f"duplicate benchmark: threshold {THRESHOLD} bits, rotations and mirrors included")
    per_pair = local_cost()
    for n in (100_000, 1_000_000):  # each in its own process, so peak memory is its own
        subprocess.run([sys.executable, __file__, "--only", str(n), "--per-pair",
                        str(per_pair)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
