"""A package's manifest checked against its log, and verify --against over a long log, each
beside a baseline measured in the same run (reading the JSON; hashing the chain alone)."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins

from catalog_app.core.custody import GENESIS, canonical_details, entry_hash
from catalog_app.core.models import Actor, CustodyEntry
from catalog_app.export import manifest_check
from catalog_app.export.trust import Trust
from catalog_app.services import against

PHOTOS, ENTRIES = 100_000, 1_000_000
ACTOR = Actor("bench", "bench", "bench")


def package_texts(count: int) -> tuple[str, str]:
    columns = {"format": "JPEG", "size_bytes": 2_000_000, "width": 4000, "height": 3000,
               "taken_at": "2022-03-04T10:00:00+02:00", "taken_at_utc": "2022-03-04T08:00:00Z",
               "time_source": "exif_offset", "gps_lat": 50.45, "gps_lon": 30.52,
               "gps_alt": None, "camera_make": "Canon", "camera_model": "EOS",
               "camera_serial": "123"}
    rows, entries = [], [{"id": 1, "action": "incident-added", "photo_id": None,
                          "details": {"incident": 1, "name": "Strike"}}]
    for n in range(1, count + 1):
        sha = f"{n:064x}"
        entries.append({"id": 3 * n - 1, "action": "import", "photo_id": n,
                        "details": {"sha256": sha, "photo": {"sha256": sha, **columns}}})
        entries.append({"id": 3 * n, "action": "tag", "photo_id": n,
                        "details": {"incident": 1, "previous": None}})
        entries.append({"id": 3 * n + 1, "action": "caption", "photo_id": n,
                        "details": {"old": "", "new": f"Photo {n}"}})
        rows.append({"id": n, "sha256": sha, **columns, "caption": f"Photo {n}",
                     "incident_id": 1, "incident": "Strike", "graphic": False,
                     "restricted": False, "caption_needs_review": False, "keywords": []})
    manifest = json.dumps({"photos": rows}, ensure_ascii=False, indent=1)
    log = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    return manifest, log


def chain(count: int) -> list[CustodyEntry]:
    found, previous = [], GENESIS
    for n in range(1, count + 1):
        details = {"old": "", "new": f"caption {n}"}
        at = f"2026-01-01T00:00:{n % 60:02d}.000000Z"
        digest = entry_hash(previous, at, ACTOR, "caption", n % 1000 + 1,
                            canonical_details(details))
        found.append(CustodyEntry(n, at, "bench", "bench", "bench", "caption", n % 1000 + 1,
                                  details, previous, digest))
        previous = digest
    return found


class FakeStore:
    def __init__(self, entries: list[CustodyEntry]) -> None:
        self.entries = entries

    def custody_log(self) -> list[CustodyEntry]:
        return self.entries


def main() -> int:
    manifest, log = package_texts(PHOTOS)
    started = time.perf_counter()
    rows = json.loads(manifest)["photos"]
    entries = [json.loads(line) for line in log.splitlines()]
    read = time.perf_counter() - started
    started = time.perf_counter()
    found = manifest_check.check(rows, [], entries)
    checked = time.perf_counter() - started
    assert found.problems == [], found.problems[:3]
    print(f"manifest of {PHOTOS:,} photos against {len(entries):,} entries: {checked:.2f} s "
          f"(reading that JSON, the baseline: {read:.2f} s)")

    log_entries = chain(ENTRIES)
    started = time.perf_counter()
    for e in log_entries:
        assert entry_hash(e.prev_hash, e.at, ACTOR, e.action, e.photo_id,
                          canonical_details(e.details)) == e.entry_hash
    hashed = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        head = Path(folder) / "head.txt"
        head.write_text(f"entry {ENTRIES}\nhash {log_entries[-1].entry_hash}\n")
        started = time.perf_counter()
        report = against.check_against(FakeStore(log_entries), head,  # type: ignore[arg-type]
                                       Trust())
        compared = time.perf_counter() - started
    assert report.problems == [], report.problems
    print(f"verify --against a head at entry {ENTRIES:,}: {compared:.2f} s (hashing the "
          f"chain alone, the baseline: {hashed:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
