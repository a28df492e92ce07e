"""Ed25519 signatures (the cryptography package) over exported hash lists and the chain head.

The private key lives outside the catalogue (on the operator's own media); anyone can check a
signature with the public key and OpenSSL:
    openssl pkeyutl -verify -pubin -inkey signing-key.pub -rawin -in SHA256SUMS \\
        -sigfile SHA256SUMS.sig
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from catalog_app.errors import UsageError

PUBLIC_NAME = "signing-key.pub"


class SigningError(UsageError):
    """A key cannot be made, read or used; the message is one sentence for a person."""


def make_key(path: Path) -> str:
    """Write a new private key (PEM, owner-only) at `path` and its public key at path.pub;
    returns the public key's fingerprint."""
    path = Path(path)
    public = path.with_name(path.name + ".pub")
    if path.exists() or public.exists():
        raise SigningError(f"{path} (or its .pub) already exists; a key is never overwritten.")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        public.write_bytes(public_pem(key.public_key()))
    except OSError as exc:
        raise SigningError(f"The key cannot be written at {path} ({exc.strerror}).") from exc
    return fingerprint(key.public_key())


def load_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningError(f"{path} is not a readable Ed25519 private key ({exc}).") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path} is not an Ed25519 key.")
    return key


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
        raise SigningError(f"The signature cannot be written beside {target} "
                           f"({exc.strerror}).") from exc
    return sig, fingerprint(key.public_key())


def check_file(target: Path, sig: Path, public: Ed25519PublicKey) -> bool:
    try:
        public.verify(sig.read_bytes(), target.read_bytes())
    except (InvalidSignature, OSError):
        return False
    return True


def outside(key_path: Path, catalogue_root: Path) -> None:
    """Refuse a key kept inside the catalogue: whoever holds the catalogue would hold it too."""
    if Path(key_path).resolve().is_relative_to(Path(catalogue_root).resolve()):
        raise SigningError("The signing key is inside the catalogue folder; keep it on the "
                           "operator's own media, outside the catalogue.")
