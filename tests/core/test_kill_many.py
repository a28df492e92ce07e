"""SIGKILLs at chosen points of imports and tagging batches; nothing is lost or half done.

Each run is stopped at a point the test names (catalog_app.core.testpoints): before an import
is even recorded, inside a batch after its first, middle or last photo, after the batch's rows
are written, inside the closing transaction; inside a tagging batch after its first, middle or
last change and after all of it, before the commit. The machine's speed cannot move the kill.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from catalog_app.core.store import sha256_file
from catalog_app.db.catalogue import Catalogue
from tests.support.killing import Run, catalog_app, run
from tests.support.synthetic import make_jpegs

pytestmark = pytest.mark.slow
CARD = 12  # photos on each card
SIZE = (96, 72)
# (point, the how-many-th time it is reached) where each import is killed, with how many of
# its card's photos the catalogue may keep afterwards (at most)
IMPORT_KILLS = [
    ("custody:import-started", 1, 0),  # the import's own record is not committed yet
    ("custody:import", 1, 0),
    ("custody:import", CARD // 2, CARD // 2 - 1),
    ("import-batch", 1, 0),  # the first batch written, not committed
    ("custody:import", CARD, CARD - 1),
    ("custody:import-finished", 1, CARD),  # every batch committed; the closing entry not
]


def _assert_sound(root: Path) -> dict[str, tuple[int, int | None]]:
    """The catalogue opens; SQLite, the chain and every recorded original are intact.

    Returns sha256 -> (photo id, incident id)."""
    with Catalogue.open(root) as catalogue:
        assert catalogue.integrity_problems() == []
        assert catalogue.custody_chain_problems() == []
        for photo_id, sha, stored in catalogue.stored_files():
            assert sha256_file(catalogue.layout.resolve(stored)) == sha, photo_id
        return {p.sha256: (p.id, p.incident[0] if p.incident else None)
                for p in catalogue.photos()}


def _log(root: Path) -> list[tuple[str, int | None]]:
    with Catalogue.open(root) as catalogue:
        return [(e.action, e.photo_id) for e in catalogue.custody_log()]


def _imports(root: Path) -> list[str]:
    with Catalogue.open(root) as catalogue:
        statuses = [catalogue.import_status(i) for i in range(1, len(IMPORT_KILLS) + 2)]
    return [s for s in statuses if s != "unknown"]


def _killed(argv: list[str], point: str, at: int) -> None:
    with Run(argv, point, at=at) as job:
        job.wait_for_point()
        job.kill()


def test_kills_at_every_point_of_imports_and_tagging(tmp_path: Path) -> None:
    cards = tmp_path / "cards"
    hashes = {}
    for n in range(len(IMPORT_KILLS)):  # a card of its own for each import: new files to read
        files = make_jpegs(cards / f"card{n:02d}", CARD, size=SIZE, seed=n)
        hashes[n] = {sha256_file(f) for f in files}
    root = tmp_path / "catalogue"
    for n, (point, at, at_most) in enumerate(IMPORT_KILLS):
        before_log, before_runs = (_log(root), _imports(root)) if root.exists() else ([], [])
        _killed(catalog_app(root, "import", "--json", "--workers", "0",
                            str(cards / f"card{n:02d}")), point, at)
        kept = hashes[n] & set(_assert_sound(root))
        assert len(kept) <= at_most, f"{point}@{at}: {len(kept)} photos of the card kept"
        if point == "custody:import-finished":
            assert len(kept) == CARD
        log, runs = _log(root), _imports(root)
        assert log[: len(before_log)] == before_log  # nothing committed is ever lost
        imported = [a for a, _ in log[len(before_log):] if a == "import"]
        assert len(imported) == len(kept)  # each photo kept has its entry, and only those
        if point == "custody:import-started":
            assert runs == before_runs  # not even the run's record
        else:
            # the killed run stays unfinished; the one killed before it, found with no
            # import alive by this run's open, was marked interrupted then
            earlier = ["interrupted" if r == "running" else r for r in before_runs]
            assert runs == [*earlier, "running"]

    finished = run(catalog_app(root, "import", "--json", "--workers", "0", str(cards)))
    assert finished.returncode == 0, finished.stderr
    summary = json.loads(finished.stdout)
    assert summary["imported"] + summary["already_present"] == CARD * len(IMPORT_KILLS)
    photos = _assert_sound(root)
    assert set(photos) == set().union(*hashes.values())

    added = run(catalog_app(root, "incidents", "add", "--name", "Site", "--json"))
    site = json.loads(added.stdout)["id"]
    ids = sorted(photo_id for photo_id, _ in photos.values())
    tag = ("tag", "--incident", str(site), *map(str, ids))
    untag = ("untag", *map(str, ids))
    plan = [  # (command, point, at): killed; (command, None, 0): run to its end
        (tag, "custody:tag", 1), (tag, "custody:tag", len(ids) // 2),
        (tag, "custody:tag", len(ids)), (tag, "unit-of-work", 1), (tag, None, 0),
        (untag, "custody:untag", 1), (untag, "custody:untag", len(ids)),
        (untag, "unit-of-work", 1), (untag, None, 0),
    ]
    for command, point, at in plan:
        before, before_log = _assert_sound(root), _log(root)
        if point is None:
            done = run(catalog_app(root, *command))
            assert done.returncode == 0, done.stderr
        else:
            _killed(catalog_app(root, *command), point, at)
        after, log = _assert_sound(root), _log(root)
        if point is None:  # the positive control: a batch run to its end is all applied
            target = site if command is tag else None
            assert {i for _, i in after.values()} == {target}
            assert len(log) == len(before_log) + len(ids)
        else:  # killed before its commit: none of the batch, and no entry of it
            assert after == before, f"{command[0]} killed at {point}@{at} was half applied"
            assert log == before_log

    verified = run(catalog_app(root, "verify"))
    assert verified.returncode == 0, verified.stdout


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
    make_jpegs(card, 60, size=SIZE)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(card)], ACTOR, workers=0).run())
        site = catalogue.add_incident(Incident(0, "Site"), ACTOR)
        entries_before = len(catalogue.custody_log())
    killed = subprocess.run([sys.executable, "-c", MID_TRANSACTION, str(tmp_path / "cat"),
                             str(site)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    after = _assert_sound(tmp_path / "cat")
    assert all(incident is None for _, incident in after.values())
    with Catalogue.open(tmp_path / "cat") as catalogue:
        assert len(catalogue.custody_log()) == entries_before
