"""Full-text search over 100,000 captioned photos: FTS5 (migration 15) beside a LIKE scan.

Builds (once, cached under benchmarks/out/) a catalogue through the real Catalogue API: photos
recorded in batches, then every photo captioned in one logged unit of work (the index follows
by its triggers). Then times, on the same catalogue in the same run:
  fts            the photo ids matching the words typed (what the grid's search asks)
  grid rows      Catalogue.grid_rows with that search: the rows the window would show
  LIKE baseline  the query the grid ran before migration 15 (caption or source path LIKE
                 %text%: ASCII case folding only), over the same photos
Each figure is the median of 7 runs, after one warm-up.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins
OUT = Path(__file__).parent / "out"
WORDS = ("міст", "Бучі", "school", "church", "crater", "shelter", "Ірпінь", "Київ", "market",
         "hospital", "bridge", "вулиця", "будинок", "damaged", "destroyed", "roof", "window",
         "car", "burnt", "school", "yard", "street", "north", "south", "école", "café")
TERMS = ("бучі", "Church", "hospital roof", "ірп", "cafe", "IMG_004242", "zzzz")


def build(root: Path, count: int) -> None:
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

    catalogue = Catalogue.open(root, create=True)
    actor = Actor("bench", "bench", "bench")
    import_id = catalogue.begin_import(["synthetic"], False, actor)
    rng = random.Random(3)
    batch = []
    for n in range(count):
        sha = f"{n + 10**9:064x}"
        capture = CaptureInfo(taken_at=None, time_source=TimeSource.NONE,
                              camera=Camera("Bench", f"Model {n % 7}", None), orientation=1)
        photo = NewPhoto(sha, f"originals/{sha[:2]}/{sha}.jpg", False, "JPEG", 3_000_000, 4000,
                         3000, capture, rng.getrandbits(64), rng.getrandbits(64), None, ())
        path = f"/media/card{n % 4}/DCIM/IMG_{n:06d}.JPG"
        batch.append(Recorded(SourceFile(path, path.encode(), 3_000_000, None), photo))
        if len(batch) == 5000:
            catalogue.record_batch(import_id, batch, actor)
            batch.clear()
    if batch:
        catalogue.record_batch(import_id, batch, actor)
    catalogue.finish_import(import_id, count, 0, 0, False, actor)
    ids = [p for p, in catalogue._conn.execute("SELECT id FROM photos ORDER BY id")]
    catalogue.set_captions([(pid, " ".join(rng.choice(WORDS) for _ in range(8))) for pid in ids],
                           actor)
    catalogue.close()


def median_ms(run, repeat: int = 7) -> float:
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100_000)
    args = parser.parse_args()
    from catalog_app.core.models import PhotoFilter
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.db.search import match_expression

    root = OUT / f"search-{args.photos}"
    if not (root / "catalogue.sqlite").exists():
        started = time.perf_counter()
        build(root, args.photos)
        print(f"  built {args.photos:,} captioned photos in {time.perf_counter() - started:.0f} s")
    catalogue = Catalogue.open(root)
    conn = catalogue._conn  # the baseline is the SQL the grid ran before; read-only here
    like = ("SELECT p.id FROM photos p WHERE p.caption LIKE ? OR EXISTS (SELECT 1 FROM sources s"
            " WHERE s.photo_id = p.id AND s.path LIKE ?)")
    fts = "SELECT rowid FROM photo_search WHERE photo_search MATCH ?"
    print(f"  {'search':<16}{'fts ids':>10}{'grid rows':>11}{'LIKE':>10}   found (fts / LIKE)")
    worst = 0.0
    for term in TERMS:
        expression = match_expression(term)
        found = len(conn.execute(fts, (expression,)).fetchall())
        liked = len(conn.execute(like, (f"%{term}%", f"%{term}%")).fetchall())
        t_fts = median_ms(lambda e=expression: conn.execute(fts, (e,)).fetchall())
        t_grid = median_ms(lambda t=term: catalogue.grid_rows(PhotoFilter(text=t)))
        t_like = median_ms(lambda t=term: conn.execute(like, (f"%{t}%", f"%{t}%")).fetchall())
        worst = max(worst, t_fts)
        print(f"  {term:<16}{t_fts:>8.1f} ms{t_grid:>8.1f} ms{t_like:>7.1f} ms   "
              f"{found:,} / {liked:,}")
    print(f"  slowest FTS answer: {worst:.1f} ms (goal: under 50 ms) over {args.photos:,} photos")
    catalogue.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
