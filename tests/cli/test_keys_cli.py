"""`keygen`, `key register|list`, `checkpoint`, the global --key / --passphrase-file, and
signing heads and packages with a protected key, from the command line."""

from __future__ import annotations

import json
import os
import pty
import select
import sqlite3
import sys
from pathlib import Path

import pytest

from catalog_app.core import keys
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.anchors import check_checkpoints
from tests.cli.test_cli_contract import assert_one_sentence, run
from tests.support import killing

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
        queued = [(t.entry_id, t.token) for t in catalogue.timestamps(queued_only=True)]
    assert found.problems == [] and [a.entry for a in found.anchors] == [2, 3, 4]
    assert queued == [(4, None)]  # the explicit checkpoint waits for `timestamp --tsa`


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


def test_a_change_killed_after_its_checkpoint_keeps_neither(setup) -> None:
    root, key, secret = setup
    argv = killing.catalog_app(root, "--key", str(key), "--passphrase-file", str(secret),
                               "incidents", "add", "--name", "Bridge")
    with killing.Run(argv, "checkpoint") as child:
        child.wait_for_point()  # the checkpoint row written, not yet committed
        child.kill()
    with Catalogue.open(root) as catalogue:
        assert [e.action for e in catalogue.custody_log()] == ["key-registered"]
        assert catalogue.incidents() == [] and catalogue.checkpoints() == []
    assert killing.run(argv).returncode == 0  # the positive control keeps both
    with Catalogue.open(root) as catalogue:
        assert [i.name for i in catalogue.incidents()] == ["Bridge"]
        assert [c.entry for c, _ in catalogue.checkpoints()] == [2]


def _on_a_terminal(argv: list[str], answers: list[bytes]) -> tuple[int, bytes]:
    """Run argv on a new pseudo-terminal, typing each answer after the prompt before it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CATALOG_APP_PASSPHRASE")}
    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pty, as in a person's shell
        os.execve(sys.executable, [sys.executable, "-m", "catalog_app", *argv], env)
    output = b""
    pending = list(answers)
    answered = 0  # how much of the output had been read when the last answer was typed
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        assert ready, output  # a safety net against a hang, not a measure of time
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        if not chunk:
            break
        output += chunk
        # answer only a prompt printed since the last answer: getpass flushes what was typed
        # ahead of its prompt (TCSAFLUSH), so an early answer would be lost and the child wait
        if pending and output[answered:].rstrip().endswith(b":"):
            os.write(fd, pending.pop(0) + b"\n")
            answered = len(output)
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output


def test_keygen_asks_twice_on_a_terminal(tmp_path: Path) -> None:
    key = tmp_path / "team.key"
    code, output = _on_a_terminal(["keygen", str(key)], [b"typed on the terminal"] * 2)
    assert code == 0, output
    assert b"Passphrase for" in output and b"again" in output
    assert b"typed on the terminal" not in output  # never echoed
    assert keys.unlock(key, b"typed on the terminal").protected
    other = tmp_path / "other.key"
    code, output = _on_a_terminal(["keygen", str(other)], [b"first try", b"second try"])
    assert code == 2 and b"The two passphrases differ" in output
    assert not other.exists()


def test_keygen_trusts_its_key_here_and_key_trust_adds_another(setup, tmp_path: Path) -> None:
    from catalog_app import settings
    from catalog_app.core import signing
    from catalog_app.export.trust import load

    root, key, secret = setup
    trusted = settings.trusted_keys_file()
    assert str(trusted).startswith(os.environ["XDG_CONFIG_HOME"])  # never the real one
    assert trusted.stat().st_mode & 0o777 == 0o600
    assert trusted.parent.stat().st_mode & 0o777 == 0o700
    mine = signing.fingerprint(signing.load_public((key.parent / "team.key.pub").read_bytes()))
    assert load((), (), trusted).fingerprints == {mine}
    signed = run("--key", str(key), "--passphrase-file", str(secret), "checkpoint",
                 catalogue=root)
    assert signed.returncode == 0, signed.stderr
    checked = run("verify", catalogue=root)  # no option: the operator's own trusted keys
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "History proven up to entry 1 (signed checkpoint of " in checked.stdout
    other = tmp_path / "other" / "colleague.key"
    keys.make_key(other, None)
    added = run("key", "trust", f"{other}.pub", catalogue=root)
    assert added.returncode == 0, added.stderr
    assert "added to your trusted keys" in added.stdout
    again = run("key", "trust", f"{other}.pub", catalogue=root)
    assert again.returncode == 0 and "was already in your trusted keys" in again.stdout
    theirs = signing.fingerprint(signing.load_public(Path(f"{other}.pub").read_bytes()))
    assert load((), (), trusted).fingerprints == {mine, theirs}
    refused = run("key", "trust", str(secret), catalogue=root)
    assert refused.returncode != 0
    assert_one_sentence(refused.stderr)


def test_a_key_only_registered_in_the_catalogue_proves_nothing(setup, tmp_path: Path) -> None:
    from catalog_app import settings

    root, key, secret = setup
    assert run("--key", str(key), "--passphrase-file", str(secret), "checkpoint",
               catalogue=root).returncode == 0
    settings.trusted_keys_file().unlink()  # another machine: the catalogue alone
    checked = run("verify", catalogue=root)
    assert checked.returncode == 0, checked.stderr
    assert "Signed up to entry 1 by key " in checked.stdout
    assert "which this catalogue registers but you have not said to trust" in checked.stdout
    assert "History proven" not in checked.stdout
    assert "no problems found, but the history is not proven" in checked.stdout
