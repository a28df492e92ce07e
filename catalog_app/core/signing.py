"""Ed25519 signatures (the cryptography package) over exported hash lists and the chain head.

The private key lives outside the catalogue (on the operator's own media), encrypted with a
passphrase (core/keys.py makes, guards and unlocks it); anyone can check a
signature with the public key and OpenSSL:
    openssl pkeyutl -verify -pubin -inkey signing-key.pub -rawin -in SHA256SUMS \\
        -sigfile SHA256SUMS.sig
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from catalog_app.core import keys
from catalog_app.core.keys import SigningError
from catalog_app.i18n import _

__all__ = ["PUBLIC_NAME", "SigningError", "check_bytes", "check_file", "fingerprint",
           "load_private", "load_public", "make_key", "outside", "public_pem", "sign_file"]

PUBLIC_NAME = "signing-key.pub"


def make_key(path: Path, passphrase: bytes | None = None) -> str:
    """Write a new private key at `path` (owner-only; encrypted with `passphrase`, if given)
    and its public key at path.pub; returns the public key's fingerprint (core/keys.py)."""
    return keys.make_key(path, passphrase)


def load_private(path: Path, passphrase: bytes | None = None) -> Ed25519PrivateKey:
    """The private key at `path`, unlocked once per session with `passphrase` (or the one the
    session remembers); refused if others can read it (core/keys.py)."""
    return keys.unlock(path, passphrase).private


def load_public(data: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as exc:
        raise SigningError(f"not an Ed25519 public key ({exc})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError("not an Ed25519 public key")
    return key


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw 32-byte public key, hex."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def sign_file(key: Ed25519PrivateKey, target: Path) -> tuple[Path, str]:
    """Write target.sig (the raw 64-byte signature of target's bytes) and the public key
    beside it; returns (signature path, key fingerprint)."""
    sig = target.with_name(target.name + ".sig")
    try:
        sig.write_bytes(key.sign(Path(target).read_bytes()))
        (target.parent / PUBLIC_NAME).write_bytes(public_pem(key.public_key()))
    except OSError as exc:
        raise SigningError(_("The signature cannot be written beside {target} ({why}).")
                           .format(target=target, why=exc.strerror)) from exc
    return sig, fingerprint(key.public_key())


def check_file(target: Path, sig: Path, public: Ed25519PublicKey) -> bool:
    try:
        public.verify(sig.read_bytes(), target.read_bytes())
    except (InvalidSignature, OSError):
        return False
    return True


def outside(key_path: Path, catalogue_root: Path) -> None:
    """Refuse a key kept inside the catalogue (links resolved): whoever holds the catalogue
    would hold it too."""
    keys.refuse_inside(key_path, [catalogue_root])


def check_bytes(public: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    """Whether `signature` is `public`'s signature of `data`."""
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True
