"""Which signing keys a person has said to trust (key files, trusted-keys files), and whether
a signature is by one of them."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from catalog_app.core import signing
from catalog_app.errors import UsageError

_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


class Signature(StrEnum):
    """What the signature of SHA256SUMS shows (the JSON report's word)."""

    TRUSTED = "trusted"      # valid, by a key the person said to trust
    UNTRUSTED = "untrusted"  # valid, but by a key nobody said to trust: proves nothing of who
    INVALID = "invalid"      # does not verify: the files or the signature were changed
    UNSIGNED = "unsigned"


class TrustError(UsageError):
    """A key file or trusted-keys file cannot be read; one sentence for a person."""


@dataclass(frozen=True, slots=True)
class Trust:
    """The keys a signature may be by to count as trusted, and whether a signature is expected."""

    keys: tuple[Ed25519PublicKey, ...] = ()
    fingerprints: frozenset[str] = frozenset()  # every trusted key's, PEM or fingerprint entry
    expected: bool = False  # a key was named for this check: an unsigned export is a problem
    sources: tuple[str, ...] = field(default=())  # the files the trust came from, for messages

    def trusts(self, fingerprint: str) -> bool:
        return fingerprint in self.fingerprints


def load(key_files: Sequence[Path] = (), trusted_files: Sequence[Path] = (),
         default_file: Path | None = None) -> Trust:
    """Trust from public key files (`--key`), trusted-keys files and the user's default file
    (read only when it exists). Naming a key or a trusted-keys file makes a signature expected."""
    keys: list[Ed25519PublicKey] = []
    prints: set[str] = set()
    sources: list[str] = []
    for path in key_files:
        key = _public(_read(path), str(path))
        keys.append(key)
        prints.add(signing.fingerprint(key))
        sources.append(str(path))
    files = list(trusted_files)
    if default_file is not None and default_file.is_file():
        files.append(default_file)
    for path in files:
        found, more = parse_trusted(_read(path).decode("utf-8", "replace"), str(path))
        keys += found
        prints |= more | {signing.fingerprint(k) for k in found}
        sources.append(str(path))
    return Trust(tuple(keys), frozenset(prints), bool(key_files) or bool(trusted_files),
                 tuple(sources))


def signature_of(target: Path, sig: Path, public: Path,
                 trust: Trust) -> tuple[Signature, str | None]:
    """Whether `sig` signs `target`, and by whose key: a trusted key's first, then the public
    key beside it (whose fingerprint must then be trusted)."""
    if not sig.is_file():
        return Signature.UNSIGNED, None
    for key in trust.keys:
        if signing.check_file(target, sig, key):
            return Signature.TRUSTED, signing.fingerprint(key)
    try:
        key = signing.load_public(public.read_bytes())
    except (OSError, signing.SigningError):
        return Signature.INVALID, None  # no key beside it, and no trusted key verifies it
    fingerprint = signing.fingerprint(key)
    if not signing.check_file(target, sig, key):
        return Signature.INVALID, fingerprint
    return (Signature.TRUSTED if trust.trusts(fingerprint) else Signature.UNTRUSTED), fingerprint


def signature_of_bytes(data: bytes, signature: bytes, beside: Ed25519PublicKey | None,
                       trust: Trust) -> tuple[Signature, str | None]:
    """signature_of for bytes already read: a trusted key's first, then the key `beside`."""
    for key in trust.keys:
        if signing.check_bytes(key, signature, data):
            return Signature.TRUSTED, signing.fingerprint(key)
    if beside is None:
        return Signature.INVALID, None
    fingerprint = signing.fingerprint(beside)
    if not signing.check_bytes(beside, signature, data):
        return Signature.INVALID, fingerprint
    return (Signature.TRUSTED if trust.trusts(fingerprint) else Signature.UNTRUSTED), fingerprint


def untrusted_sentence(what: str, fingerprint: str) -> str:
    return (f"The signature of {what} is valid, but by key {fingerprint}, which you have not "
            "said to trust: it does not show who made it; compare that fingerprint with the "
            "one the team gave you by another channel, then trust its key.")


def parse_trusted(text: str, origin: str) -> tuple[list[Ed25519PublicKey], set[str]]:
    """A trusted-keys file: one entry each, a PEM public key or a SHA-256 fingerprint (hex,
    colons and spaces allowed, a name may follow after white space); '#' starts a comment."""
    keys: list[Ed25519PublicKey] = []
    prints: set[str] = set()
    pem: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if pem is not None:
            pem.append(stripped)
            if stripped.startswith("-----END"):
                keys.append(_public("\n".join(pem).encode("ascii", "replace") + b"\n",
                                    f"{origin} (the key ending on line {number})"))
                pem = None
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("-----BEGIN"):
            pem = [stripped]
            continue
        candidate = stripped.split()[0].replace(":", "").lower()
        if len(stripped.split()) > 1 and not _FINGERPRINT.fullmatch(candidate):
            candidate = "".join(stripped.split("#")[0].split()).replace(":", "").lower()
        if not _FINGERPRINT.fullmatch(candidate):
            raise TrustError(f"Line {number} of {origin} is neither a public key nor a "
                             "SHA-256 key fingerprint.")
        prints.add(candidate)
    if pem is not None:
        raise TrustError(f"{origin} ends inside a public key (no -----END line).")
    return keys, prints


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise TrustError(f"The key file {path} cannot be read ({exc.strerror}).") from exc


def _public(data: bytes, origin: str) -> Ed25519PublicKey:
    try:
        return signing.load_public(data)
    except signing.SigningError as exc:
        raise TrustError(f"{origin} is not an Ed25519 public key.") from exc


def add_key(trusted_file: Path, public_pem: bytes, label: str) -> bool:
    """Add a public key to a trusted-keys file (made owner-only, in an owner-only folder, if
    new); False when the file already trusts it."""
    key = _public(public_pem, label)
    if trusted_file.is_file():
        keys, prints = parse_trusted(_read(trusted_file).decode("utf-8", "replace"),
                                     str(trusted_file))
        if signing.fingerprint(key) in prints | {signing.fingerprint(k) for k in keys}:
            return False
    pem = signing.public_pem(key).decode("ascii")
    _append(trusted_file, f"# {one_line(label)}\n{pem}")
    return True


def add_ca(trusted_file: Path, ca_pem: bytes, label: str) -> bool:
    """Add CA certificates (PEM) to a trusted-CAs file, made owner-only if new; False when
    every one of them is there already."""
    from cryptography.hazmat.primitives import serialization

    from catalog_app.core import tsa

    try:
        given = tsa.load_certificates(ca_pem)
    except ValueError as exc:
        raise TrustError(f"{label} holds no PEM certificate.") from exc
    have: set[bytes] = set()
    if trusted_file.is_file():
        try:
            have = {c.public_bytes(serialization.Encoding.DER)
                    for c in tsa.load_certificates(_read(trusted_file))}
        except ValueError:
            have = set()
    new = [c for c in given if c.public_bytes(serialization.Encoding.DER) not in have]
    if not new:
        return False
    _append(trusted_file, f"# {one_line(label)}\n" + tsa.pem_of(new).decode("ascii"))
    return True


def trusted_cas(files: Sequence[Path]) -> bytes:
    """The PEM certificates of every CA file given (ones that do not exist are skipped only
    when they are the default: the caller names which)."""
    return b"".join(_read(path) for path in files)


def one_line(text: str) -> str:
    return " ".join(text.split())


def _append(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as out:
            out.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise TrustError(f"The trusted file {path} cannot be written ({exc.strerror}).") from exc
