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
