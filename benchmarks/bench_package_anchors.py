"""A package's signed checkpoints checked by verify-package (anchor_check), beside a baseline
measured in the same run: hashing the same anchor files, as `sha256sum -c` does for them.

The worst case for the count: --checkpoints writes, each its own checkpoint, over a log the
package carries whole (one entry per write); every checkpoint is a head-N.txt and head-N.sig.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from catalog_app.core import signing
from catalog_app.core.anchors import head_text
from catalog_app.export import anchor_check, package_anchors, trust


def build(folder: Path, count: int) -> tuple[list[dict], Path]:
    """An anchors/ folder of `count` checkpoints and the log entries they sign."""
    key = Ed25519PrivateKey.generate()
    fingerprint = signing.fingerprint(key.public_key())
    anchors = folder / package_anchors.FOLDER
    anchors.mkdir(parents=True)
    public = folder / package_anchors.key_name(fingerprint)
    public.write_bytes(signing.public_pem(key.public_key()))
    entries, index, previous = [], [], "0" * 64
    for n in range(1, count + 1):
        digest = hashlib.sha256(f"entry {n}".encode()).hexdigest()
        entries.append({"id": n, "entry_hash": digest, "prev_hash": previous})
        previous = digest
        text = head_text(n, digest)
        (anchors / f"head-{n}.txt").write_bytes(text)
        (anchors / f"head-{n}.sig").write_bytes(key.sign(text))
        index.append({"entry": n, "hash": digest, "head": f"anchors/head-{n}.txt",
                      "signature": f"anchors/head-{n}.sig",
                      "key": package_anchors.key_name(fingerprint), "fingerprint": fingerprint,
                      "signed_at": "2026-12-02T00:00:00Z"})
    (folder / package_anchors.INDEX).write_text(json.dumps(
        {"format": package_anchors.INDEX_FORMAT, "checkpoints": index, "timestamps": []}))
    return entries, public


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoints", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-anchors-"))
    try:
        entries, public = build(work, args.checkpoints)
        trusted = trust.load([public])
        start, cpu = time.perf_counter(), time.process_time()
        for path in sorted((work / package_anchors.FOLDER).iterdir()):
            hashlib.sha256(path.read_bytes()).hexdigest()
        hashing, hashing_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        found = anchor_check.check_anchors(work, trusted)
        checking, checking_cpu = time.perf_counter() - start, time.process_time() - cpu
        start = time.perf_counter()
        problems, history, proven = anchor_check.tie(found.anchors, entries,
                                                     (args.checkpoints, entries[-1]["entry_hash"]))
        tying = time.perf_counter() - start
        assert not found.problems and not problems and proven, (found.problems, problems)
        print(f"{args.checkpoints} checkpoints: hashing their files (baseline) "
              f"{hashing * 1000:.0f} ms ({hashing_cpu * 1000:.0f} ms CPU); checking every "
              f"signature {checking * 1000:.0f} ms ({checking_cpu * 1000:.0f} ms CPU); tying "
              f"them to the log {tying * 1000:.0f} ms")
        print(history)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
