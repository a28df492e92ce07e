"""What anchors a custody head outside the files: the signed text and an anchor's findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog_app.i18n import N_, _

HEAD_TEXT_VERSION = "catalog_app custody head v1"


def head_text(entries: int, entry_hash: str) -> bytes:
    """The exact bytes a checkpoint signature and a time-stamp token cover for one head.

    Written to a file, they can be checked without the app:
    `openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in head.txt -sigfile head.sig`
    and `openssl ts -verify -data head.txt -in token.tsr -CAfile tsa-ca.pem`.
    """
    return f"{HEAD_TEXT_VERSION}\nentries {entries}\nhash {entry_hash}\n".encode("ascii")


SIGNED, TIMESTAMP = "signed checkpoint", "timestamp"  # Anchor.kind: the same in every language
_PROOF = {SIGNED: N_("signed checkpoint of {when} by {by}"),
          TIMESTAMP: N_("timestamp of {when} by {by}")}


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


def proof_sentence(anchors: list[Anchor], entries: int, chain_intact: bool,
                   last_change: int | None = None) -> tuple[str, bool]:
    """What the anchors prove of a log of `entries` entries: (the sentence, whether every
    entry is anchored), in the current language. Only an intact chain carries an anchor's
    proof back to entry 1. `last_change` (the last entry that changes the state) leaves the
    history proven when the entries after the top anchor change nothing, and says so."""
    if not chain_intact:
        return (_("History unproven: the custody log's hash chain is broken, so no anchor can "
                  "vouch for the entries before it."), False)
    if not anchors:
        return (_("History unproven: no signed checkpoint or time-stamp anchors this log, so a "
                  "consistent rewrite by someone holding the catalogue's files would not be "
                  "seen (sign with --key, time-stamp with `catalog-app timestamp`)."),
                entries == 0)
    top = max(a.entry for a in anchors)
    proofs = []
    for kind in (SIGNED, TIMESTAMP):
        best = [a for a in anchors if a.kind == kind and a.entry == top]
        if best:
            latest = max(best, key=lambda a: a.when)
            proofs.append(_(_PROOF[kind]).format(when=latest.when, by=latest.by[:16]))
    if not proofs:  # the top entry is anchored by another kind only
        proofs = [_("{kind} of {when}").format(kind=a.kind, when=a.when)
                  for a in anchors if a.entry == top][:1]
    values = {"top": top, "proofs": "; ".join(proofs), "first": top + 1, "last": entries}
    if top >= entries:
        return _("History proven up to entry {top} ({proofs}).").format(**values), True
    if last_change is not None and last_change <= top:
        return (_("History proven up to entry {top} ({proofs}); entries {first} to {last} "
                  "record only verifications and exports and change nothing.").format(**values),
                True)
    return (_("History proven up to entry {top} ({proofs}); entries {first} to {last} are not "
              "yet anchored.").format(**values), False)
