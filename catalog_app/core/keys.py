"""Operator keys: passphrase-protected Ed25519 private keys, where they may live, unlocked once."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from catalog_app.errors import UsageError
from catalog_app.i18n import _

if TYPE_CHECKING:  # cryptography costs ~30 ms to import; opening a catalogue needs none of it
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ENCRYPTED_HEADER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
REGISTERED = "key-registered"  # the custody log action that records a public key


class SigningError(UsageError):
    """A key cannot be made, read or used; the message is one sentence for a person."""


class PassphraseNeeded(SigningError):
    """A protected private key was to be used and no passphrase was given for it."""


class KeyInsideCatalogue(SigningError):
    """A private key would sit (or sits) inside a catalogue folder."""


@dataclass(frozen=True, slots=True)
class SessionKey:
    """A private key unlocked for one session: decrypted once, kept in memory only."""

    path: Path
    private: Ed25519PrivateKey
    fingerprint: str
    protected: bool  # its file on disk is encrypted with a passphrase

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)

    @property
    def public_pem(self) -> bytes:
        from catalog_app.core.signing import public_pem

        return public_pem(self.private.public_key())


@dataclass(frozen=True, slots=True)
class RegisteredKey:
    """A public key recorded in the catalogue by a `key-registered` custody entry."""

    fingerprint: str
    public_pem: bytes
    protected: bool
    entry: int      # the registering entry's id
    at: str
    operator: str


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signature over head_text(entry, entry_hash), made when the log ended at `entry`."""

    id: int
    entry: int
    entry_hash: str
    signed_at: str
    key_fingerprint: str
    signature: bytes


_unlocked: dict[tuple[int, int, int], SessionKey] = {}
_opened_with: dict[tuple[int, int, int], bytes | None] = {}  # salted digest of its passphrase
_SALT = os.urandom(16)  # this process's own: the digests are worth nothing outside it
_passphrase: bytes | None = None


def remember_passphrase(passphrase: bytes | None) -> None:
    """The passphrase this session gives for any protected key it loads (None: forget it)."""
    global _passphrase
    _passphrase = passphrase


def make_key(path: Path, passphrase: bytes | None) -> str:
    """Write a new private key at `path` (PKCS#8 PEM, owner-only; encrypted with `passphrase`
    unless it is None) and its public key at path.pub; returns the key's fingerprint."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from catalog_app.core.signing import fingerprint, public_pem

    path = Path(path)
    public = path.with_name(path.name + ".pub")
    if path.exists() or public.exists():
        raise SigningError(_("{path} (or its .pub) already exists; a key is never overwritten.")
                           .format(path=path))
    if passphrase is not None and not passphrase:
        raise SigningError(_("The passphrase is empty; a protected key needs one."))
    key = Ed25519PrivateKey.generate()
    protection: serialization.KeySerializationEncryption = (
        serialization.NoEncryption() if passphrase is None
        else serialization.BestAvailableEncryption(passphrase))
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            protection)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        public.write_bytes(public_pem(key.public_key()))
    except OSError as exc:
        raise SigningError(_("The key cannot be written at {path} ({why}).")
                           .format(path=path, why=exc.strerror)) from exc
    return fingerprint(key.public_key())


def is_protected(pem: bytes) -> bool:
    """Whether a private key's PEM is encrypted (told from its header, no passphrase needed)."""
    return pem.lstrip().startswith(ENCRYPTED_HEADER)


def unlock(path: Path, passphrase: bytes | None = None) -> SessionKey:
    """The private key at `path`, decrypted once per session (later calls reuse it).

    Refused with a sentence: a file other users can read, a protected key with no passphrase
    (given here or remembered), a wrong passphrase, anything but Ed25519.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from catalog_app.core.signing import fingerprint

    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise SigningError(_("The private key {path} cannot be read ({why}).")
                           .format(path=path, why=exc.strerror)) from exc
    if info.st_mode & 0o077:
        raise SigningError(
            _("The private key {path} can be read by other users (mode {mode}); make it "
              "readable by its owner only (chmod 600) and treat it as exposed.")
            .format(path=path, mode=stat.filemode(info.st_mode)))
    cache = (info.st_dev, info.st_ino, info.st_mtime_ns)
    secret = passphrase if passphrase is not None else _passphrase
    found = _unlocked.get(cache)
    # reused when no passphrase is given (the same session asking again), or for the one
    # that opened it: a window open for hours must not hand the key to whoever types
    # anything after "Stop signing"
    if found is not None and (not found.protected or passphrase is None or
                              _opened_with.get(cache) == _digest(passphrase)):
        return found
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise SigningError(_("The private key {path} cannot be read ({why}).")
                           .format(path=path, why=exc.strerror)) from exc
    protected = is_protected(pem)
    if protected and secret is None:
        raise PassphraseNeeded(_("The private key {path} is protected by a passphrase and "
                                 "none was given.").format(path=path))
    try:
        key = serialization.load_pem_private_key(pem, password=secret if protected else None)
    except (ValueError, TypeError) as exc:
        if protected:
            raise SigningError(_("The passphrase does not open the private key {path}.")
                               .format(path=path)) from exc
        raise SigningError(_("{path} is not a readable Ed25519 private key ({why}).")
                           .format(path=path, why=exc)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(_("{path} is not an Ed25519 key.").format(path=path))
    unlocked = SessionKey(path, key, fingerprint(key.public_key()), protected)
    _unlocked[cache] = unlocked
    _opened_with[cache] = _digest(secret)
    return unlocked


def _digest(secret: bytes | None) -> bytes | None:
    """What the cache keeps of the passphrase that opened a key (never the passphrase)."""
    return None if secret is None else hashlib.sha256(_SALT + secret).digest()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()  # follows symbolic links: a linked folder is its target
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _folders_up(path: Path) -> Iterable[Path]:
    """`path` and every folder above it, as written and as resolved."""
    for start in (Path(path).absolute(), Path(path).resolve()):
        yield start
        yield from start.parents


def _same_file_within(target: os.stat_result, root: Path) -> bool:
    """Whether a file with `target`'s inode sits anywhere under `root` (a hard link)."""
    for folder, _dirs, names in os.walk(root):
        for name in names:
            try:
                found = os.stat(os.path.join(folder, name), follow_symlinks=False)
            except OSError:
                continue
            if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
                return True
    return False


def inside(path: Path, catalogues: Iterable[Path]) -> Path | None:
    """The catalogue folder `path` is (or would be) inside, or None.

    Folders are compared by device and inode up the whole path, so a symbolic link, a bind
    mount or another spelling of the folder is found; a file that exists with more than one
    hard link is also looked for among the catalogue's files.
    """
    roots = [Path(c).expanduser() for c in catalogues]
    wanted = {ident: root for root in roots if (ident := _identity(root)) is not None}
    for folder in _folders_up(Path(path).expanduser()):
        ident = _identity(folder)
        if ident is not None and ident in wanted:
            return wanted[ident]
        if any(folder == r.absolute() or folder == r.resolve() for r in roots):
            return next(r for r in roots if folder in (r.absolute(), r.resolve()))
    try:
        info = Path(path).stat()
    except OSError:
        return None
    if stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
        for root in roots:
            ident = _identity(root)
            if ident is not None and ident[0] == info.st_dev and _same_file_within(info, root):
                return root
    return None


def refuse_inside(path: Path, catalogues: Iterable[Path]) -> None:
    """Refuse a private key kept inside a catalogue: whoever holds the catalogue would hold it."""
    found = inside(path, catalogues)
    if found is not None:
        raise KeyInsideCatalogue(
            _("The private key {path} is inside the catalogue folder {folder} (links "
              "resolved); keep it on the operator's own media, outside the catalogue.")
            .format(path=path, folder=found))
