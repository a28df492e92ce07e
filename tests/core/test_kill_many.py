"""Twenty SIGKILLs at random points of imports and tagging batches; nothing is lost."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from catalog_app.core.store import sha256_file
from catalog_app.db.catalogue import Catalogue
from tests.support.synthetic import make_jpegs

pytestmark = pytest.mark.slow
KILLS_PER_KIND = 10  # of each kind: 20 kills in the run at least
ATTEMPTS = 24  # runs started per kind, at most, to get them


def _start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "catalog_app", "--catalogue", str(root),
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)


def _kill_at_random(process: subprocess.Popen, rng: random.Random, longest: float) -> bool:
    """SIGKILL after a random delay; False if it finished first."""
    deadline = time.monotonic() + rng.uniform(0.1, 0.95 * longest)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def _assert_sound(root: Path) -> dict[int, int | None]:
    """The catalogue opens; SQLite, the chain and every recorded original are intact."""
    with Catalogue.open(root) as catalogue:
        assert catalogue.integrity_problems() == []
        assert catalogue.custody_chain_problems() == []
        for photo_id, sha, stored in catalogue.stored_files():
            assert sha256_file(catalogue.layout.resolve(stored)) == sha, photo_id
        return {p.id: (p.incident[0] if p.incident else None) for p in catalogue.photos()}


def test_random_kills_of_imports_and_tagging(tmp_path: Path) -> None:
    """At least KILLS_PER_KIND imports and KILLS_PER_KIND tagging batches are killed at
    random points of their run; runs that finish first are retried (up to ATTEMPTS)."""
    rng = random.Random(20241122)
    cards = tmp_path / "cards"
    for n in range(ATTEMPTS):  # a card of its own for each import: new files to read
        make_jpegs(cards / f"card{n:02d}", 30, seed=n)
    make_jpegs(tmp_path / "calibration", 30, seed=999)
    root = tmp_path / "catalogue"
    start = time.monotonic()  # how long one card takes, unkilled: the window to kill in
    subprocess.run([sys.executable, "-m", "catalog_app", "--catalogue", str(root), "import",
                    "--json", str(tmp_path / "calibration")], capture_output=True, check=True)
    import_time = time.monotonic() - start
    import_kills = 0
    for n in range(ATTEMPTS):
        if import_kills >= KILLS_PER_KIND:
            break
        import_kills += _kill_at_random(
            _start(root, "import", "--json", str(cards / f"card{n:02d}")), rng, import_time)
        _assert_sound(root)
    finished = _start(root, "import", "--json", str(cards))
    out, err = finished.communicate(timeout=300)
    assert finished.returncode == 0, err
    summary = json.loads(out)
    assert summary["imported"] + summary["already_present"] == 30 * ATTEMPTS

    site = json.loads(subprocess.run(
        [sys.executable, "-m", "catalog_app", "--catalogue", str(root), "incidents", "add",
         "--name", "Site", "--json"], capture_output=True, text=True, check=True).stdout)["id"]
    ids = sorted(_assert_sound(root)) * 8  # a long batch (repeats change nothing twice)
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "catalog_app", "--catalogue", str(root), "untag",
                    *map(str, ids)], capture_output=True, check=True)
    batch_time = time.monotonic() - start
    outcomes: Counter = Counter()  # (killed, batch took effect) -> runs
    tag_kills = 0
    for n in range(ATTEMPTS):
        if tag_kills >= KILLS_PER_KIND:
            break
        target = site if n % 2 == 0 else None
        command = ("tag", "--incident", str(site)) if target else ("untag",)
        before = _assert_sound(root)
        killed = _kill_at_random(_start(root, *command, *map(str, ids)), rng, batch_time)
        tag_kills += killed
        after = _assert_sound(root)
        tagged = {pid for pid, incident in after.items() if incident == site}
        unchanged = {pid for pid, i in before.items() if i == site}
        applied = set(ids) if target else set()
        assert tagged in (unchanged, applied), "a tagging batch was half applied"
        outcomes[(killed, tagged == applied and tagged != unchanged)] += 1
    assert (import_kills, tag_kills) == (KILLS_PER_KIND, KILLS_PER_KIND), \
        f"killed {import_kills} imports and {tag_kills} batches before they finished"
    verified = subprocess.run([sys.executable, "-m", "catalog_app", "--catalogue", str(root),
                               "verify"], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stdout
    print(f"\n{import_kills + tag_kills} SIGKILLs; catalogue sound after each; tagging runs "
          f"(killed, took effect): {dict(outcomes)}; verify: {verified.stdout.strip()}")


MID_TRANSACTION = """
import os, signal, sys
from catalog_app.db import custody, incidents
from catalog_app.db.catalogue import Catalogue
from catalog_app.core.models import Actor
catalogue = Catalogue.open(sys.argv[1])
ids = [p.id for p in catalogue.photos()]
with catalogue._write() as conn:
    log = custody.CustodyWriter(conn, Actor("killer", "test", "test"))
    incidents.tag(conn, log, ids[: len(ids) // 2], int(sys.argv[2]))
    os.kill(os.getpid(), signal.SIGKILL)  # half the rows and log entries written, no commit
"""


def test_a_kill_inside_the_tagging_transaction_leaves_nothing_half_done(tmp_path) -> None:
    from catalog_app.core.models import Incident
    from catalog_app.services.importing import ImportJob
    from tests.conftest import ACTOR

    card = tmp_path / "card"
    make_jpegs(card, 60)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(card)], ACTOR, workers=0).run())
        site = catalogue.add_incident(Incident(0, "Site"), ACTOR)
        entries_before = len(catalogue.custody_log())
    killed = subprocess.run([sys.executable, "-c", MID_TRANSACTION, str(tmp_path / "cat"),
                             str(site)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    after = _assert_sound(tmp_path / "cat")
    assert all(incident is None for incident in after.values())
    with Catalogue.open(tmp_path / "cat") as catalogue:
        assert len(catalogue.custody_log()) == entries_before
