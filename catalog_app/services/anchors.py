"""What the signed checkpoints prove about a catalogue's custody log, and what is wrong there."""

from __future__ import annotations

from collections.abc import Collection

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from catalog_app.core import signing
from catalog_app.core.anchors import Anchor, AnchorFindings, head_text
from catalog_app.core.keys import Checkpoint, RegisteredKey
from catalog_app.db.interface import CatalogueStore

KIND = "signed checkpoint"


def short(fingerprint: str) -> str:
    """How a sentence names a key: the first 16 hex digits of its fingerprint."""
    return f"{fingerprint[:16]}…"


def check_checkpoints(catalogue: CatalogueStore, trusted: Collection[str] | None = None,
                      strict: bool = False) -> AnchorFindings:
    """Check every checkpoint: its key is registered (before the entry it signs), its
    signature holds, and the log's entry at its id still has the hash it signed.

    Whoever holds the files can register a key of their own in a rewritten log and sign it
    anew, so a checkpoint proves as much as its key is trusted: with `trusted` (fingerprints
    the person checking has from the operators, outside the catalogue), a checkpoint by any
    other key is no anchor: a note, or a problem when `strict` (the keys were named for this
    check). `trusted` None takes every registered key (a check of the catalogue alone).
    """
    findings = AnchorFindings()
    registered: dict[str, RegisteredKey] = {}
    for key in catalogue.registered_keys():
        registered.setdefault(key.fingerprint, key)  # the first registration counts
    publics: dict[str, Ed25519PublicKey | None] = {}
    untrusted: dict[str, int] = {}  # key -> the highest entry it signs
    for checkpoint, log_hash in catalogue.checkpoints():
        problem = _problem(checkpoint, log_hash, registered, publics)
        if problem is None and trusted is not None and \
                checkpoint.key_fingerprint not in trusted:
            if not strict:
                untrusted[checkpoint.key_fingerprint] = max(
                    checkpoint.entry, untrusted.get(checkpoint.key_fingerprint, 0))
                continue
            problem = (f"The checkpoint of {checkpoint.signed_at} at entry {checkpoint.entry} "
                       f"is signed by key {short(checkpoint.key_fingerprint)}, which is not "
                       "among the keys given as trusted.")
        if problem:
            findings.problems.append(problem)
        else:
            findings.anchors.append(Anchor(checkpoint.entry, checkpoint.entry_hash, KIND,
                                           checkpoint.signed_at, checkpoint.key_fingerprint))
    for fingerprint, top in sorted(untrusted.items(), key=lambda item: item[1]):
        findings.notes.append(
            f"Signed up to entry {top} by key {short(fingerprint)}, which this catalogue "
            "registers but you have not said to trust: that proves nothing, since whoever "
            "holds the files can register a key (trust it with `catalog-app key trust "
            "PUBFILE` or --key, after comparing its fingerprint with its owner's).")
    return findings


def _problem(checkpoint: Checkpoint, log_hash: str | None, registered: dict[str, RegisteredKey],
             publics: dict[str, Ed25519PublicKey | None]) -> str | None:
    """The one sentence naming what is wrong with `checkpoint`, or None when it holds."""
    c = checkpoint
    named = f"the checkpoint of {c.signed_at} at entry {c.entry} by key {short(c.key_fingerprint)}"
    key = registered.get(c.key_fingerprint)
    if key is None:
        return (f"{named[0].upper()}{named[1:]} is signed by a key that is not registered in "
                "this catalogue.")
    if c.key_fingerprint not in publics:
        try:
            public = signing.load_public(key.public_pem)
        except signing.SigningError:
            public = None
        if public is not None and signing.fingerprint(public) != c.key_fingerprint:
            public = None
        publics[c.key_fingerprint] = public
    public = publics[c.key_fingerprint]
    if public is None:
        return (f"The registration of key {short(c.key_fingerprint)} (entry {key.entry}) does "
                "not hold that key, so its checkpoints cannot be checked.")
    if not signing.check_bytes(public, c.signature, head_text(c.entry, c.entry_hash)):
        return (f"{named[0].upper()}{named[1:]} does not verify: its signature, or the head "
                "it names, was altered.")
    if key.entry > c.entry:
        return (f"{named[0].upper()}{named[1:]} signs history written before that key was "
                f"registered (at entry {key.entry}); it proves nothing about it.")
    if log_hash is None:
        return (f"The custody log was cut: entry {c.entry}, signed in the checkpoint of "
                f"{c.signed_at} by key {short(c.key_fingerprint)}, is no longer in it.")
    if log_hash != c.entry_hash:
        return (f"The custody log was rewritten: entry {c.entry} no longer has the hash signed "
                f"in the checkpoint of {c.signed_at} by key {short(c.key_fingerprint)}.")
    return None
