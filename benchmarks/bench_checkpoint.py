"""What a signed checkpoint adds to a write: one caption change, with and without a session key.

Prints, over a catalogue of --count synthetic photos (bench_gui's builder, one custody entry
each), the median and 95th percentile of --writes caption changes (each its own unit of work)
without a session key and with one (the checkpoint signed and stored in the same transaction),
the two measured alternately in the same run (each write waits for its fsync, so the two
overlap); then the signature alone, the one-off cost of unlocking the key and the time
check_checkpoints takes over every checkpoint written.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins

from benchmarks.bench_gui import build


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:6.2f} ms, p95 {p95 * 1000:6.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--writes", type=int, default=200)
    args = parser.parse_args()
    from catalog_app.core import keys
    from catalog_app.core.anchors import head_text
    from catalog_app.core.models import Actor
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.services.anchors import check_checkpoints
    from catalog_app.services.keys import register_key

    work = Path(tempfile.mkdtemp(prefix="bench-checkpoint-"))
    try:
        build(work / "cat", args.count)
        actor = Actor("bench", "bench", "bench")
        key_file = work / "keys" / "team.key"
        keys.make_key(key_file, b"a benchmark passphrase")
        start = time.perf_counter()
        key = keys.unlock(key_file, b"a benchmark passphrase")
        unlock = time.perf_counter() - start
        plain: list[float] = []
        signed: list[float] = []
        with Catalogue.open(work / "cat") as catalogue:
            register_key(catalogue, key.public_pem, key.protected, actor)
            ids = [p for p, _, _ in catalogue.stored_files()]
            for n in range(args.writes * 2):
                with_key = n % 2 == 1
                catalogue.sign_checkpoints_with(key if with_key else None)
                start = time.perf_counter()
                catalogue.set_caption(ids[n % len(ids)], f"caption {n}", actor)
                (signed if with_key else plain).append(time.perf_counter() - start)
            entries, head_hash = catalogue.custody_head()
        start = time.perf_counter()
        for _ in range(1000):
            key.sign(head_text(entries, head_hash))
        sign_alone = (time.perf_counter() - start) / 1000
        with Catalogue.open(work / "cat") as catalogue:
            start = time.perf_counter()
            found = check_checkpoints(catalogue)
            checked = time.perf_counter() - start
        assert not found.problems, found.problems[:3]
        print(f"caption write, {entries:,} log entries: without a key  {_ms(plain)}")
        print(f"caption write, {entries:,} log entries: with a key     {_ms(signed)}  "
              f"(adds {(statistics.median(signed) - statistics.median(plain)) * 1000:.2f} ms)")
        print(f"the signature alone (Ed25519 over head_text): {sign_alone * 1e6:.0f} µs")
        print(f"unlocking the key (once per session): {unlock * 1000:.1f} ms")
        print(f"check_checkpoints over {len(found.anchors)} checkpoints: "
              f"{checked * 1000:.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
