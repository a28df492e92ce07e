"""Signed checkpoints: every write of a session with a key ends with one, in its transaction;
check_checkpoints finds a consistent rewrite of history, a cut log and keys it cannot trust."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from catalog_app.core import keys
from catalog_app.core.anchors import head_text
from catalog_app.core.models import Incident
from catalog_app.db import checkpoints
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.anchors import check_checkpoints
from catalog_app.services.importing import ImportJob
from catalog_app.services.keys import KeyNotRegistered, register_key, session_key
from tests.conftest import ACTOR
from tests.support.log_rewrite import rewrite_log
from tests.support.synthetic import make_jpegs

PASSPHRASE = b"a long and private passphrase"


def _key(folder: Path, name: str = "team.key") -> Path:
    path = folder / name
    keys.make_key(path, PASSPHRASE)
    return path


def _register(catalogue: Catalogue, key: Path) -> None:
    pub = key.with_name(key.name + ".pub").read_bytes()
    register_key(catalogue, pub, True, ACTOR)


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Catalogue, Path]:
    """A catalogue whose key was registered first; then an import and some changes, each
    signed at its end by the session key."""
    key = _key(tmp_path / "keys")
    catalogue = Catalogue.open(tmp_path / "cat", create=True)
    _register(catalogue, key)
    session_key(catalogue, key, PASSPHRASE)
    make_jpegs(tmp_path / "card", 4)
    list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
    incident = catalogue.add_incident(Incident(0, "Market square"), ACTOR)
    ids = [p for p, _, _ in catalogue.stored_files()]
    catalogue.tag(ids, incident, ACTOR)
    catalogue.set_caption(ids[0], "A crater beside the market", ACTOR)
    yield catalogue, key
    catalogue.close()


def _rows(catalogue: Catalogue) -> list[tuple]:
    conn = sqlite3.connect(catalogue.layout.db_path)
    try:
        return conn.execute("SELECT entry_id, entry_hash, key_fingerprint FROM checkpoints"
                            " ORDER BY id").fetchall()
    finally:
        conn.close()


def test_every_write_ends_with_a_checkpoint_of_its_head(signed) -> None:
    catalogue, key = signed
    log = catalogue.custody_log()
    rows = _rows(catalogue)
    # registration came before the session key; then import start, batch, finish,
    # incident, tag, caption: one checkpoint each, on the last entry each one wrote
    assert len(rows) == 6
    assert rows[-1][:2] == (log[-1].id, log[-1].entry_hash)
    assert [r[0] for r in rows] == sorted({r[0] for r in rows})
    by_id = {e.id: e.entry_hash for e in log}
    assert all(by_id[entry] == digest for entry, digest, _ in rows)
    assert {r[2] for r in rows} == {keys.unlock(key, PASSPHRASE).fingerprint}
    found = check_checkpoints(catalogue)
    assert found.problems == []
    assert [a.entry for a in found.anchors] == [r[0] for r in rows]
    assert found.anchors[-1].kind == "signed checkpoint"


def test_a_write_that_logs_nothing_signs_nothing(signed) -> None:
    catalogue, _ = signed
    before = _rows(catalogue)
    catalogue.set_duplicate_hashes([])
    assert _rows(catalogue) == before


def test_a_failed_change_keeps_no_checkpoint(signed) -> None:
    catalogue, _ = signed
    before = _rows(catalogue)
    with pytest.raises(RuntimeError), catalogue.unit_of_work(ACTOR) as uow:
        uow.record_event("note", {"text": "half a change"})
        raise RuntimeError("the change fails after its log entry")
    assert _rows(catalogue) == before
    assert catalogue.custody_log()[-1].action != "note"


def test_openssl_checks_a_checkpoint(signed, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    catalogue, key = signed
    checkpoint, _ = catalogue.checkpoints()[-1]
    (tmp_path / "head.txt").write_bytes(head_text(checkpoint.entry, checkpoint.entry_hash))
    (tmp_path / "head.sig").write_bytes(checkpoint.signature)
    done = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                           f"{key}.pub", "-rawin", "-in", "head.txt", "-sigfile", "head.sig"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout




def test_a_consistent_rewrite_of_history_is_found(signed) -> None:
    catalogue, key = signed
    log = catalogue.custody_log()
    target = next(e for e in log if e.action == "incident-added")
    rewrite_log(catalogue.layout.db_path, target.id, {"name": "Another square"})
    assert catalogue.custody_chain_problems() == []  # the chain alone holds: consistent
    found = check_checkpoints(catalogue)
    fingerprint = keys.unlock(key, PASSPHRASE).fingerprint
    rewritten = [p for p in found.problems if p.startswith("The custody log was rewritten")]
    assert rewritten and len(rewritten) == len(found.problems)
    first = next(c for c, _ in catalogue.checkpoints() if c.entry >= target.id)
    assert rewritten[0] == (f"The custody log was rewritten: entry {first.entry} no longer has "
                            f"the hash signed in the checkpoint of {first.signed_at} by key "
                            f"{fingerprint[:16]}….")
    assert all(a.entry < target.id for a in found.anchors) and found.anchors


def test_a_cut_log_is_found(signed) -> None:
    catalogue, _ = signed
    last = catalogue.custody_log()[-1].id
    conn = sqlite3.connect(catalogue.layout.db_path, isolation_level=None)
    conn.executescript("BEGIN; DROP TRIGGER custody_log_no_delete;"
                       f" DELETE FROM custody_log WHERE id >= {last - 1}; COMMIT;")
    conn.close()
    problems = check_checkpoints(catalogue).problems
    assert any(p.startswith(f"The custody log was cut: entry {last}, signed in the checkpoint")
               for p in problems), problems


def test_a_checkpoint_by_an_unregistered_key_is_reported(signed, tmp_path: Path) -> None:
    catalogue, _ = signed
    stranger = keys.unlock(_key(tmp_path / "elsewhere", "stranger.key"), PASSPHRASE)
    with pytest.raises(KeyNotRegistered, match="not registered"):
        session_key(catalogue, stranger.path, PASSPHRASE)
    catalogue.sign_checkpoints_with(stranger)  # what a forger with the files could add
    catalogue.sign_checkpoint()
    problems = check_checkpoints(catalogue).problems
    assert problems == [p for p in problems if "not registered" in p] and len(problems) == 1
    assert f"by key {stranger.fingerprint[:16]}…" in problems[0]


def test_a_key_registered_after_the_history_it_signs_is_reported(signed, tmp_path: Path) -> None:
    catalogue, _ = signed
    late = keys.unlock(_key(tmp_path / "later", "late.key"), PASSPHRASE)
    catalogue.sign_checkpoints_with(late)
    signed_entry = catalogue.sign_checkpoint()
    catalogue.sign_checkpoints_with(None)
    _register(catalogue, late.path)  # registered now, after the entry it claimed to sign
    problems = check_checkpoints(catalogue).problems
    assert len(problems) == 1, problems
    assert signed_entry is not None and f"at entry {signed_entry.entry}" in problems[0]
    assert "before that key was registered" in problems[0]


def test_an_altered_signature_or_head_does_not_verify(signed) -> None:
    catalogue, _ = signed
    conn = sqlite3.connect(catalogue.layout.db_path, isolation_level=None)
    conn.executescript("BEGIN; DROP TRIGGER checkpoints_no_update;"
                       " UPDATE checkpoints SET signature = substr(signature, 3) || '00'"
                       " WHERE id = 2;"
                       " UPDATE checkpoints SET entry_hash = (SELECT entry_hash FROM custody_log"
                       " WHERE id = 1) WHERE id = 3; COMMIT;")
    conn.close()
    problems = check_checkpoints(catalogue).problems
    assert len(problems) == 2 and all("does not verify" in p for p in problems), problems


def test_checkpoints_are_append_only(signed) -> None:
    catalogue, _ = signed
    conn = sqlite3.connect(catalogue.layout.db_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM checkpoints")
    conn.close()
    assert checkpoints.registered_keys(sqlite3.connect(catalogue.layout.db_path))


def test_only_trusted_keys_anchor_when_trust_is_given(signed, tmp_path: Path) -> None:
    """A forger who registers a key of their own and signs with it is caught by a person who
    knows which keys the operators hold."""
    catalogue, key = signed
    forger = keys.unlock(_key(tmp_path / "forger", "forger.key"), PASSPHRASE)
    _register(catalogue, forger.path)
    catalogue.sign_checkpoints_with(forger)
    catalogue.add_incident(Incident(0, "Planted"), ACTOR)
    assert check_checkpoints(catalogue).problems == []  # registered: valid on its own terms
    team = keys.unlock(key, PASSPHRASE).fingerprint
    found = check_checkpoints(catalogue, trusted={team}, strict=True)  # keys named: --key
    assert len(found.problems) == 1 and "not among the keys given as trusted" in \
        found.problems[0]
    assert {a.by for a in found.anchors} == {team}
    found = check_checkpoints(catalogue, trusted={team})  # the operator's trusted-keys file
    assert found.problems == [] and {a.by for a in found.anchors} == {team}
    assert len(found.notes) == 1 and found.notes[0].startswith("Signed up to entry ")
    assert f"by key {forger.fingerprint[:16]}…, which this catalogue registers but you have " \
           "not said to trust" in found.notes[0]
