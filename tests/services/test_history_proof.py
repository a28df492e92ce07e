"""What `verify` says of history: proven up to a signed checkpoint or a time-stamp, and a
consistent rewrite (log and tables changed together) found against each; unproven without."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalog_app.cli import main
from catalog_app.core import keys
from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from catalog_app.services.keys import register_key, session_key
from catalog_app.services.timestamps import stamp_heads
from tests.conftest import ACTOR
from tests.services.test_checkpoints import PASSPHRASE
from tests.support.local_tsa import LocalTsa
from tests.support.log_rewrite import rewrite_log
from tests.support.synthetic import make_jpegs


def _mission(tmp_path: Path, key: Path | None) -> Path:
    root = tmp_path / "cat"
    make_jpegs(tmp_path / "card", 3)
    with Catalogue.open(root, create=True) as catalogue:
        if key is not None:
            register_key(catalogue, key.with_name(key.name + ".pub").read_bytes(), True, ACTOR)
            session_key(catalogue, key, PASSPHRASE)
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        incident = catalogue.add_incident(Incident(0, "Market square"), ACTOR)
        catalogue.tag([p for p, _, _ in catalogue.stored_files()], incident, ACTOR)
    return root


def _consistent_rewrite(root: Path) -> None:
    """Rename the incident in its log entry AND its table row, every hash recomputed: the
    chain holds and the state matches the log, so only an anchor can tell."""
    conn = sqlite3.connect(root / "catalogue.sqlite")
    first = conn.execute("SELECT id FROM custody_log WHERE action = 'incident-added'"
                         ).fetchone()[0]
    conn.close()
    rewrite_log(root / "catalogue.sqlite", first, {"name": "Empty field"})
    conn = sqlite3.connect(root / "catalogue.sqlite")
    with conn:
        conn.execute("UPDATE incidents SET name = 'Empty field'")
    conn.close()


def _verify(root: Path, capsys, *extra: str) -> tuple[int, str]:
    """`verify` with global options `extra`, or the command itself with its options when
    `extra` starts with "verify"."""
    capsys.readouterr()
    argv = [*extra] if extra[:1] == ("verify",) else [*extra, "verify"]
    code = main(["--catalogue", str(root), *argv])
    return code, capsys.readouterr().out


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "team.key"
    keys.make_key(path, PASSPHRASE)
    (tmp_path / "keys" / "pass").write_bytes(PASSPHRASE + b"\n")
    # the operator trusts their own key on their machine (keygen does this itself)
    assert main(["key", "trust", str(path) + ".pub"]) == 0
    return path


def test_without_an_anchor_a_rewrite_is_unproven_never_no_problems(tmp_path, capsys) -> None:
    root = _mission(tmp_path, None)
    _consistent_rewrite(root)
    code, out = _verify(root, capsys)
    assert code == 0, out  # nothing it can show to be wrong...
    assert "State matches the log (from entry 1)." in out
    assert "History unproven: no signed checkpoint or time-stamp anchors this log" in out
    assert "no problems found, but the history is not proven" in out  # ...nor proven right


def test_a_signed_catalogue_is_proven_up_to_its_last_checkpoint(tmp_path, key, capsys) -> None:
    root = _mission(tmp_path, key)
    with Catalogue.open(root) as catalogue:
        entries, _ = catalogue.custody_head()
    code, out = _verify(root, capsys, "--key", str(key), "--passphrase-file",
                        str(key.parent / "pass"))
    assert code == 0, out
    assert f"History proven up to entry {entries} (signed checkpoint of " in out
    assert out.splitlines()[-1].startswith("Verified 3 originals: no problems. ")
    code, out = _verify(root, capsys)  # the last run's own entry was signed too
    assert code == 0 and f"History proven up to entry {entries + 1} " in out, out
    code, out = _verify(root, capsys)  # the unsigned run before this one changes nothing
    assert code == 0 and f"History proven up to entry {entries + 1} " in out, out
    assert f"entries {entries + 2} to {entries + 2} record only verifications and exports " \
           "and change nothing." in out
    assert main(["--catalogue", str(root), "caption", "1", "unsigned"]) == 0
    code, out = _verify(root, capsys)  # a change no checkpoint signs is not proven
    assert f"entries {entries + 2} to {entries + 4} are not yet anchored." in out, out
    assert "no problems found, but the history is not proven" in out


def test_a_consistent_rewrite_is_found_against_a_signed_checkpoint(tmp_path, key,
                                                                    capsys) -> None:
    root = _mission(tmp_path, key)
    _consistent_rewrite(root)
    code, out = _verify(root, capsys)
    assert code == 1, out
    assert "State matches the log (from entry 1)." in out  # the tables were changed too
    assert "The custody log was rewritten: entry " in out
    assert "no longer has the hash signed in the checkpoint of" in out


def test_a_consistent_rewrite_is_found_against_a_time_stamp(tmp_path, capsys,
                                                             local_tsa: LocalTsa) -> None:
    root = _mission(tmp_path, None)
    with Catalogue.open(root) as catalogue:
        run = stamp_heads(catalogue, local_tsa.url, local_tsa.ca_pem, ACTOR)
        assert run.error is None and run.stamped
        stamped = run.stamped[0].entry
    code, out = _verify(root, capsys)  # the CA stored beside the token is not trusted
    assert code == 0 and "whose CA this catalogue holds but you have not said to trust" in out
    assert "History proven" not in out, out
    trusted = ("verify", "--tsa-ca", str(local_tsa.ca_file))  # the CA, from the authority
    code, out = _verify(root, capsys, *trusted)
    assert code == 0 and f"History proven up to entry {stamped} (timestamp of " in out, out
    _consistent_rewrite(root)
    code, out = _verify(root, capsys, *trusted)
    assert code == 1, out
    assert "the custody log was rewritten: entry " in out.lower()
    assert "time-stamped by" in out


def test_with_trusted_keys_given_a_checkpoint_by_another_key_proves_nothing(tmp_path, key,
                                                                             capsys) -> None:
    from catalog_app import settings

    root = _mission(tmp_path, key)
    other = tmp_path / "keys" / "other.key"
    keys.make_key(other, PASSPHRASE)
    settings.trusted_keys_file().unlink()  # a recipient's machine: only the keys they name
    code, out = _verify(root, capsys, "verify", "--key", str(key) + ".pub")
    assert code == 0 and "History proven up to entry" in out, out
    code, out = _verify(root, capsys, "verify", "--key", str(other) + ".pub")
    assert code == 1, out
    assert "which is not among the keys given as trusted" in out
    assert "History unproven: no signed checkpoint or time-stamp" in out
