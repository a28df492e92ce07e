"""What anchors a custody head outside the files: the signed text and an anchor's findings."""

from __future__ import annotations

from dataclasses import dataclass, field

HEAD_TEXT_VERSION = "catalog_app custody head v1"


def head_text(entries: int, entry_hash: str) -> bytes:
    """The exact bytes a checkpoint signature and a time-stamp token cover for one head.

    Written to a file, they can be checked without the app:
    `openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in head.txt -sigfile head.sig`
    and `openssl ts -verify -data head.txt -in token.tsr -CAfile tsa-ca.pem`.
    """
    return f"{HEAD_TEXT_VERSION}\nentries {entries}\nhash {entry_hash}\n".encode("ascii")


@dataclass(frozen=True, slots=True)
class Anchor:
    """One head proven from outside the files: it held at entry `entry` with `entry_hash`."""

    entry: int
    entry_hash: str
    kind: str          # "signed checkpoint" or "timestamp"
    when: str          # ISO 8601 UTC: when it was signed, or the TSA's genTime
    by: str            # the key's fingerprint or the TSA's name


@dataclass(slots=True)
class AnchorFindings:
    """What one kind of anchor proves about a catalogue's log, and what is wrong with it."""

    anchors: list[Anchor] = field(default_factory=list)   # each valid and matching the log
    problems: list[str] = field(default_factory=list)     # one sentence each
    notes: list[str] = field(default_factory=list)  # valid, but by no one the user trusts


def proof_sentence(anchors: list[Anchor], entries: int, chain_intact: bool) -> tuple[str, bool]:
    """What the anchors prove of a log of `entries` entries: (the sentence, whether every
    entry is anchored). Only an intact chain carries an anchor's proof back to entry 1."""
    if not chain_intact:
        return ("History unproven: the custody log's hash chain is broken, so no anchor can "
                "vouch for the entries before it.", False)
    if not anchors:
        return ("History unproven: no signed checkpoint or time-stamp anchors this log, so a "
                "consistent rewrite by someone holding the catalogue's files would not be "
                "seen (sign with --key, time-stamp with `catalog-app timestamp`).",
                entries == 0)
    top = max(a.entry for a in anchors)
    proofs = []
    for kind in ("signed checkpoint", "timestamp"):
        best = [a for a in anchors if a.kind == kind and a.entry == top]
        if best:
            latest = max(best, key=lambda a: a.when)
            proofs.append(f"{kind} of {latest.when} by {latest.by[:16]}")
    if not proofs:  # the top entry is anchored by another kind only
        proofs = [f"{a.kind} of {a.when}" for a in anchors if a.entry == top][:1]
    text = f"History proven up to entry {top} ({'; '.join(proofs)})"
    if top >= entries:
        return text + ".", True
    return (text + f"; entries {top + 1} to {entries} are not yet anchored.", False)
