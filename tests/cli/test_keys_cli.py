"""`keygen`, `key register|list`, `checkpoint`, the global --key / --passphrase-file, and
signing heads and packages with a protected key, from the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from catalog_app.db.catalogue import Catalogue
from catalog_app.services.anchors import check_checkpoints
from tests.cli.test_cli_contract import assert_one_sentence, run

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(catalogue, protected key registered in it, passphrase file)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("seven words make a fine passphrase\n")
    secret.chmod(0o600)
    key = tmp_path / "keys" / "team.key"
    root = tmp_path / "cat"
    made = run("keygen", str(key), "--passphrase-file", str(secret), "--register", "--json",
               catalogue=root)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["registered_entry"] == 1
    return root, key, secret


def _checkpoints(root: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(root / "catalogue.sqlite")
    try:
        return conn.execute("SELECT entry_id, key_fingerprint FROM checkpoints ORDER BY id"
                            ).fetchall()
    finally:
        conn.close()


def test_changes_with_a_session_key_are_signed(setup) -> None:
    root, key, secret = setup
    listed = json.loads(run("key", "list", "--json", catalogue=root).stdout)
    assert [k["protected"] for k in listed] == [True]
    fingerprint = listed[0]["fingerprint"]
    added = run("--key", str(key), "--passphrase-file", str(secret), "incidents", "add",
                "--name", "Bridge", catalogue=root)
    assert added.returncode == 0, added.stderr
    assert _checkpoints(root) == [(2, fingerprint)]
    by_env = run("incidents", "add", "--name", "Station", catalogue=root,
                 env={"CATALOG_APP_KEY": str(key), "CATALOG_APP_PASSPHRASE_FILE": str(secret)})
    assert by_env.returncode == 0, by_env.stderr
    assert _checkpoints(root)[-1] == (3, fingerprint)
    unsigned = run("incidents", "add", "--name", "Depot", catalogue=root)
    assert unsigned.returncode == 0 and len(_checkpoints(root)) == 2
    now = run("--key", str(key), "--passphrase-file", str(secret), "checkpoint", "--json",
              catalogue=root)
    assert now.returncode == 0, now.stderr
    assert json.loads(now.stdout)["entry"] == 4 and _checkpoints(root)[-1] == (4, fingerprint)
    with Catalogue.open(root) as catalogue:
        found = check_checkpoints(catalogue)
    assert found.problems == [] and [a.entry for a in found.anchors] == [2, 3, 4]


def test_a_protected_session_key_without_a_passphrase_or_terminal(setup) -> None:
    root, key, _ = setup
    done = run("--key", str(key), "incidents", "add", "--name", "Bridge", catalogue=root)
    assert done.returncode == 2
    assert_one_sentence(done.stderr)
    assert "no terminal" in done.stderr
    with Catalogue.open(root) as catalogue:
        assert len(catalogue.custody_log()) == 1  # nothing was done unsigned


def test_an_unregistered_or_exposed_key_is_refused(setup, tmp_path: Path) -> None:
    root, _, secret = setup
    other = tmp_path / "other.key"
    assert run("keygen", str(other), "--passphrase-file", str(secret)).returncode == 0
    done = run("--key", str(other), "--passphrase-file", str(secret), "incidents", "add",
               "--name", "Bridge", catalogue=root)
    assert done.returncode == 2
    assert_one_sentence(done.stderr)
    assert "not registered" in done.stderr and "key register" in done.stderr
    registered = run("key", "register", f"{other}.pub", "--json", catalogue=root)
    assert json.loads(registered.stdout)["new"] is True
    again = run("key", "register", f"{other}.pub", catalogue=root)
    assert again.returncode == 0 and "already registered" in again.stdout
    other.chmod(0o644)
    exposed = run("--key", str(other), "--passphrase-file", str(secret), "incidents", "add",
                  "--name", "Bridge", catalogue=root)
    assert exposed.returncode == 2
    assert_one_sentence(exposed.stderr)
    assert "can be read by other users" in exposed.stderr


def test_head_and_package_are_signed_with_a_protected_key(setup, tmp_path: Path) -> None:
    root, key, secret = setup
    assert run("import", "--json", str(SAMPLE), catalogue=root).returncode == 0
    head = run("head", "--sign", str(key), "--passphrase-file", str(secret), "--out",
               str(tmp_path / "head"), "--json", catalogue=root)
    assert head.returncode == 0, head.stderr
    assert (tmp_path / "head" / "head.txt.sig").stat().st_size == 64
    refused = run("export", "package", str(tmp_path / "pkg0"), "--sign", str(key),
                  catalogue=root)
    assert refused.returncode == 2
    assert_one_sentence(refused.stderr)
    assert "protected by a passphrase" in refused.stderr and "--passphrase-file" in refused.stderr
    made = run("--passphrase-file", str(secret), "export", "package", str(tmp_path / "pkg"),
               "--sign", str(key), "--json", catalogue=root)
    assert made.returncode == 0, made.stderr
    checked = run("verify-package", str(tmp_path / "pkg"), "--key", f"{key}.pub", "--json")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["signed_by"] == json.loads(made.stdout)["signed_by"]
