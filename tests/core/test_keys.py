"""Operator keys: protected by a passphrase, never inside a catalogue, never readable by others."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalog_app.core import keys, signing
from catalog_app.core.anchors import head_text
from catalog_app.db.catalogue import Catalogue
from tests.cli.test_cli_contract import assert_one_sentence, run

PASSPHRASE = b"correct horse battery staple"


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret" / "passphrase.txt"
    path.parent.mkdir()
    path.write_bytes(PASSPHRASE + b"\n")
    path.chmod(0o600)
    return path


@pytest.fixture(autouse=True)
def _forget() -> None:
    keys.remember_passphrase(None)


def test_a_protected_key_opens_only_with_its_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "team.key"
    made = keys.make_key(path, PASSPHRASE)
    pem = path.read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----") and keys.is_protected(pem)
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(keys.PassphraseNeeded, match="protected by a passphrase"):
        keys.unlock(path)
    with pytest.raises(signing.SigningError, match="passphrase does not open"):
        keys.unlock(path, b"wrong passphrase")
    unlocked = keys.unlock(path, PASSPHRASE)
    assert unlocked.fingerprint == made and unlocked.protected
    public = signing.load_public(path.with_name("team.key.pub").read_bytes())
    assert signing.check_bytes(public, unlocked.sign(head_text(3, "ab")), head_text(3, "ab"))
    assert keys.unlock(path) is unlocked  # decrypted once per session, then kept in memory


def test_openssl_opens_the_key_with_the_passphrase(tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    path = tmp_path / "team.key"
    keys.make_key(path, PASSPHRASE)
    shown = subprocess.run(["openssl", "pkey", "-in", str(path), "-pubout", "-passin",
                            f"pass:{PASSPHRASE.decode()}"], capture_output=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == path.with_name("team.key.pub").read_bytes()
    refused = subprocess.run(["openssl", "pkey", "-in", str(path), "-passin", "pass:nope"],
                             capture_output=True)
    assert refused.returncode != 0


def test_a_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "team.key"
    keys.make_key(path, PASSPHRASE)
    path.chmod(0o640)
    with pytest.raises(signing.SigningError, match="can be read by other users"):
        keys.unlock(path, PASSPHRASE)
    with pytest.raises(signing.SigningError, match="chmod 600"):
        signing.load_private(path, PASSPHRASE)


def test_keygen_with_a_passphrase_file(tmp_path: Path, passphrase_file: Path) -> None:
    key = tmp_path / "keys" / "team.key"
    made = run("keygen", str(key), "--passphrase-file", str(passphrase_file), "--json",
               catalogue=tmp_path / "cat")
    assert made.returncode == 0, made.stderr
    assert keys.is_protected(key.read_bytes()) and key.stat().st_mode & 0o077 == 0
    assert keys.unlock(key, PASSPHRASE).fingerprint in made.stdout
    assert not (tmp_path / "cat").exists()  # not registered: no catalogue was made


def test_keygen_with_no_terminal_says_so_and_writes_nothing(tmp_path: Path) -> None:
    key = tmp_path / "team.key"
    done = run("keygen", str(key), env={"CATALOG_APP_PASSPHRASE_FILE": ""})
    assert done.returncode == 2
    assert_one_sentence(done.stderr)
    assert "no terminal" in done.stderr and "--passphrase-file" in done.stderr
    assert not key.exists()


def test_an_unprotected_key_only_when_asked_and_recorded(tmp_path: Path) -> None:
    key = tmp_path / "plain.key"
    done = run("keygen", str(key), "--no-passphrase", "--register", catalogue=tmp_path / "cat")
    assert done.returncode == 0, done.stderr
    assert "UNPROTECTED" in done.stdout and not keys.is_protected(key.read_bytes())
    with Catalogue.open(tmp_path / "cat") as catalogue:
        (registered,) = catalogue.registered_keys()
        entry = catalogue.custody_log()[-1]
    assert registered.protected is False and entry.action == "key-registered"
    assert entry.details["protected"] is False and entry.details["operator"] == "cli-tester"
    assert entry.details["public_key"].encode() == key.with_name("plain.key.pub").read_bytes()


def test_keygen_refuses_the_catalogue_through_a_symbolic_link(tmp_path: Path,
                                                              passphrase_file: Path) -> None:
    root = tmp_path / "cat"
    Catalogue.open(root, create=True).close()
    link = tmp_path / "looks-outside"
    link.symlink_to(root, target_is_directory=True)
    for chosen in ({"catalogue": root}, {"env": {"CATALOG_APP_CATALOGUE": str(root)}}):
        done = run("keygen", str(link / "keys" / "team.key"), "--passphrase-file",
                   str(passphrase_file), **chosen)  # --catalogue, then the default catalogue
        assert done.returncode == 2, done.stderr
        assert_one_sentence(done.stderr)
        assert "inside the catalogue folder" in done.stderr
        assert not (root / "keys").exists()


def test_a_folder_reached_another_way_is_the_same_folder(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    (root / "originals").mkdir(parents=True)
    assert keys.inside(tmp_path / "elsewhere" / ".." / "cat" / "originals" / "k.key",
                       [root]) == root
    assert keys.inside(tmp_path / "elsewhere" / "k.key", [root]) is None
    assert keys.inside(tmp_path / "cat-2" / "k.key", [root]) is None


def test_a_key_hard_linked_into_the_catalogue_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    (root / "thumbnails").mkdir(parents=True)
    key = tmp_path / "mine" / "team.key"
    keys.make_key(key, PASSPHRASE)
    assert keys.inside(key, [root]) is None
    os.link(key, root / "thumbnails" / "0001.jpg")  # the same file, under another name
    assert keys.inside(key, [root]) == root
    with pytest.raises(keys.KeyInsideCatalogue, match="outside the catalogue"):
        signing.outside(key, root)


def test_keygen_refuses_the_catalogue_through_a_bind_mount(tmp_path: Path,
                                                            passphrase_file: Path) -> None:
    """The catalogue folder mounted a second time elsewhere: another path, the same folder
    (device and inode). The mount lives in a private mount namespace that ends with the run."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs unshare and root for a private bind mount")
    root = tmp_path / "cat"
    Catalogue.open(root, create=True).close()
    usb = tmp_path / "usb"
    usb.mkdir()
    probe = subprocess.run(["unshare", "-m", "sh", "-c", 'mount --bind "$0" "$1"', str(root),
                            str(usb)], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"bind mounts are not allowed here ({probe.stderr.decode().strip()})")
    script = ('mount --bind "$1" "$2" && exec "$3" -m catalog_app --catalogue "$1" keygen '
              '"$2/keys/team.key" --passphrase-file "$4"')
    done = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(root), str(usb),
                           sys.executable, str(passphrase_file)], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert done.returncode == 2, done.stderr
    assert_one_sentence(done.stderr)
    assert "inside the catalogue folder" in done.stderr
    assert not (root / "keys").exists() and not (usb / "keys").exists()


def test_a_key_once_unlocked_is_not_handed_out_for_another_passphrase(tmp_path) -> None:
    """A window stays open for hours: after a right passphrase, a wrong (or empty) one must
    still be refused, though the key is kept unlocked for the passphrase that opened it."""
    from catalog_app.core import keys as core_keys

    path = tmp_path / "long-session.key"
    core_keys.make_key(path, b"the right passphrase")
    first = core_keys.unlock(path, b"the right passphrase")
    assert core_keys.unlock(path, b"the right passphrase") is first  # decrypted once
    for wrong in (b"a wrong one", b""):
        with pytest.raises(core_keys.SigningError, match="does not open"):
            core_keys.unlock(path, wrong)
