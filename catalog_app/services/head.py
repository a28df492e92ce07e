"""Sign the custody log's head: a small text file naming the last entry, signed, and logged."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalog_app.core import signing
from catalog_app.core.custody import now_utc
from catalog_app.core.models import Actor
from catalog_app.db.interface import CatalogueStore
from catalog_app.export import folder


@dataclass(frozen=True, slots=True)
class SignedHead:
    """Where the signed head was written and the fingerprint of the key that signed it."""

    entry: int
    sha256: str
    text_file: Path
    signed_by: str


def sign_head(catalogue: CatalogueStore, key_file: Path, out: Path, actor: Actor,
              passphrase: bytes | None = None) -> SignedHead:
    """Write head.txt (catalogue, last entry, its hash, the time) into `out`, sign it with the
    Ed25519 key in `key_file` and record the signing in the custody log.

    The key must sit outside the catalogue and be owner-only; a protected key is opened with
    `passphrase` or the one the session remembers (SigningError otherwise); a folder that
    cannot be written is an ExportError.
    """
    signing.outside(key_file, catalogue.layout.root)
    key = signing.load_private(key_file, passphrase)
    entry, sha = catalogue.custody_head()
    text = f"catalogue {catalogue.layout.root}\nentry {entry}\nhash {sha}\nat {now_utc()}\n"
    target = out / "head.txt"
    folder.write_text(target, text)
    _, signed_by = signing.sign_file(key, target)
    catalogue.record_event("head-signed", {"entry": entry, "hash": sha, "signed_by": signed_by},
                           actor)
    return SignedHead(entry, sha, target, signed_by)
