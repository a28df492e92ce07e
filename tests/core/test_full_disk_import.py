"""A full disk stops an import (or any write) with one sentence and no damage; the next run
finishes once there is space."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from catalog_app.core import store
from catalog_app.core.models import Incident
from catalog_app.errors import CatalogueFull
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.synthetic import make_jpegs


def test_no_space_for_originals(new_catalogue, tmp_path: Path, monkeypatch) -> None:
    card = tmp_path / "card"
    make_jpegs(card, 30)
    real, calls = store.PendingOriginal.write, []

    def fills_up(self):  # the copy's write, in the reader's copying thread
        calls.append(1)
        if len(calls) > 12:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self)

    monkeypatch.setattr(store.PendingOriginal, "write", fills_up)
    job = ImportJob(new_catalogue, [str(card)], ACTOR, workers=0, batch_size=5)
    with pytest.raises(CatalogueFull, match=r"is full; 12 photos were recorded and stay"):
        list(job.run())
    assert new_catalogue.count_photos() == 12
    assert new_catalogue.failures() == []  # the files are not to blame: none is "failed"
    assert new_catalogue.import_status(job.import_id) == "cancelled"
    assert new_catalogue.integrity_problems() == []
    assert list(new_catalogue.layout.originals.glob("*/.*.part")) == []  # no half copy left
    monkeypatch.setattr(store.PendingOriginal, "write", real)
    again = ImportJob(new_catalogue, [str(card)], ACTOR, workers=0)
    list(again.run())
    assert (again.summary.imported, again.summary.already_present) == (18, 12)


def test_a_full_database_changes_nothing(new_catalogue, tmp_path: Path) -> None:
    make_jpegs(tmp_path / "card", 40)
    list(ImportJob(new_catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
    site = new_catalogue.add_incident(Incident(0, "Site"), ACTOR)
    ids = [p.id for p in new_catalogue.photos()]
    entries = len(new_catalogue.custody_log())
    conn = new_catalogue._conn  # SQLite's own limit makes the database file "full"
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(CatalogueFull, match="is full; nothing of this change was written"):
        new_catalogue.tag(ids, site, ACTOR)
    assert all(p.incident is None for p in new_catalogue.photos())
    assert len(new_catalogue.custody_log()) == entries
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert new_catalogue.tag(ids, site, ACTOR) == 40
    assert new_catalogue.custody_chain_problems() == []
