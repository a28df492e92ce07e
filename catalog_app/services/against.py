"""Check a catalogue against what was given out: a signed head, an evidence package, a gallery."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog_app import i18n
from catalog_app.core import signing
from catalog_app.core.anchors import Anchor
from catalog_app.core.custody import GENESIS, canonical_details, entry_hash
from catalog_app.core.labels import counted
from catalog_app.core.models import Actor, CustodyEntry
from catalog_app.core.replay import BASELINE
from catalog_app.core.store import sha256_file
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import UsageError
from catalog_app.export import anchor_check
from catalog_app.export import check as export_check
from catalog_app.export import folder as export_folder
from catalog_app.export.check import Signature, signature_of, untrusted_sentence
from catalog_app.export.package_anchors import FOLDER as ANCHORS
from catalog_app.export.trust import Trust

_FIELDS = ("at", "operator", "machine", "app_version", "action", "photo_id", "details")


class NotGivenOut(UsageError):
    """The file named is not something the app gives out (a head, a package, a gallery)."""


@dataclass(slots=True)
class AgainstReport:
    """What checking a catalogue against one thing given out found."""

    kind: str                      # "signed head", "evidence package" or "gallery"
    head_entries: int | None       # the head given out (a gallery records only its hash)
    head_hash: str
    signature: Signature | None = None
    key: str | None = None
    held_at: int | None = None     # the catalogue entry that holds the head given out
    parted_at: int | None = None   # the first entry found to differ (or missing)
    parted_exactly: bool = False   # the entry before it matches: the parting is there
    compared: int = 0              # the entries given out compared one by one
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_against(catalogue: CatalogueStore, given: Path, trust: Trust) -> AgainstReport:
    """Does this catalogue's log still hold what `given` was made from, and extend it?"""
    with export_check.opened(Path(given), originals=False) as folder:
        return _check(catalogue.custody_log(), folder, trust)


def _check(entries: Sequence[CustodyEntry], given: Path, trust: Trust) -> AgainstReport:
    if given.is_dir() and (given / "custody_head.txt").is_file():
        return _package(entries, given, trust)
    if given.is_dir() and export_folder.read_marker(given).get("kind") == "gallery":
        return _gallery(entries, given)
    if given.is_file():
        return _head(entries, given, trust)
    raise NotGivenOut(i18n._("{path} is neither a signed head (head.txt), an evidence package nor "
                        "a gallery folder.").format(path=given))


# -- what each kind gives -------------------------------------------------------------------

def _head(entries: Sequence[CustodyEntry], given: Path, trust: Trust) -> AgainstReport:
    number, digest = _parse_head(given)
    report = AgainstReport("signed head", number, digest)
    sig = given.with_name(given.name + ".sig")  # head --sign's head.txt.sig
    if not sig.is_file() and given.with_suffix(".sig").is_file():
        sig = given.with_suffix(".sig")  # a checkpoint written out as head-N.txt, head-N.sig
    report.signature, report.key = signature_of(given, sig, given.parent / signing.PUBLIC_NAME,
                                                trust)
    _signature_findings(report, given.name, trust)
    _part(report, entries, {number: digest}, {}, "the signed head")
    return report


def _package(entries: Sequence[CustodyEntry], given: Path, trust: Trust) -> AgainstReport:
    head_file, log_file = given / "custody_head.txt", given / "custody_log.jsonl"
    try:
        number_text, digest = head_file.read_text(encoding="utf-8").split()[:2]
        number = int(number_text)
        carried = [json.loads(line) for line in
                   log_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        ids = [int(c["id"]) for c in carried]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NotGivenOut(i18n._("The evidence package at {path} has a custody head or log that "
                            "cannot be read.").format(path=given)) from exc
    report = AgainstReport("evidence package", number, digest)
    _package_files(given, report)
    report.signature, report.key = signature_of(
        given / "SHA256SUMS", given / "SHA256SUMS.sig", given / signing.PUBLIC_NAME, trust)
    # what the package is signed by matters to its recipient (verify-package), not to whether
    # this catalogue holds its entries: only a broken signature is a problem here
    _signature_findings(report, "the package's SHA256SUMS", trust, untrusted_is_problem=False)
    known = {number: digest}
    copies = dict(zip(ids, carried, strict=True))
    for c in carried:
        known[int(c["id"])] = c["entry_hash"]
        known.setdefault(int(c["id"]) - 1, c["prev_hash"])
    known.pop(0, None)
    for anchor in _package_anchors(given, carried, (number, digest), trust, report):
        known.setdefault(anchor.entry, anchor.entry_hash)
    report.compared = len(carried)
    _part(report, entries, known, copies, "the package")
    return report


def _package_anchors(given: Path, carried: list[dict], head: tuple[int, str], trust: Trust,
                     report: AgainstReport) -> list[Anchor]:
    """The package's checkpoints and tokens checked (tokens against the CA it carries): the
    ones that hold, whose heads this catalogue's log must also hold."""
    found = anchor_check.check_anchors(given, trust)
    report.problems += found.problems
    report.notes += found.untrusted  # whose keys they are is verify-package's to judge
    problems, _, _ = anchor_check.tie(found.anchors, carried, head)
    report.problems += problems
    if found.anchors:
        kinds = {k: sum(1 for a in found.anchors if a.kind == k)
                 for k in (anchor_check.CHECKPOINT, anchor_check.TIMESTAMP)}
        report.notes.append(
            f"The package's anchors hold: "
            f"{counted(kinds[anchor_check.CHECKPOINT], 'signed checkpoint')} and "
            f"{counted(kinds[anchor_check.TIMESTAMP], 'time-stamp')} of its log's "
            f"heads, up to entry {max(a.entry for a in found.anchors)}; this catalogue's log "
            "is compared with each head they anchor.")
    return found.anchors


def _gallery(entries: Sequence[CustodyEntry], given: Path) -> AgainstReport:
    digest = export_folder.read_marker(given).get("custody_head")
    if not isinstance(digest, str):
        raise NotGivenOut(i18n._("The gallery at {path} records no custody head (it was made by an "
                            "earlier version, or not finished).").format(path=given))
    report = AgainstReport("gallery", None, digest)
    held = next((e.id for e in entries if e.entry_hash == digest), None)
    if held is not None:
        _part(report, entries, {held: digest}, {}, "the gallery")
        return report
    sums = given / "SHA256SUMS"
    listed = sha256_file(sums) if sums.is_file() else None
    export = next((e for e in entries if e.action == "export-gallery" and listed is not None
                   and e.details.get("sha256sums_sha256") == listed), None)
    if export is not None:  # its head was the entry before that export's record
        report.parted_at = export.id - 1
        report.parted_exactly = report.parted_at == 1
        report.problems.append(
            f"This catalogue's log no longer holds the head the gallery was made from (hash "
            f"{digest[:16]}…): its entry {export.id} records making that gallery, so the "
            f"histories part at or before entry {export.id - 1}.")
    else:
        report.problems.append(
            f"This catalogue's log holds no entry with hash {digest[:16]}…, the head the "
            "gallery was made from: its history was rewritten or cut since (a gallery records "
            "only the head's hash, so where cannot be said).")
    return report


# -- the comparison ---------------------------------------------------------------------------

def _part(report: AgainstReport, entries: Sequence[CustodyEntry], known: Mapping[int, str],
          copies: Mapping[int, Mapping[str, Any]], what: str) -> None:
    """Find the first entry where this log and the hashes (and copies) given out part."""
    mine = {e.id: e for e in entries}
    last = max(mine, default=0)
    matched = 0
    for number in sorted(known):
        entry = mine.get(number)
        if entry is not None and entry.entry_hash == known[number]:
            matched = number
            continue
        exact = matched == number - 1
        report.parted_at, report.parted_exactly = number, exact
        if entry is None:
            where = f"this catalogue's log has no entry {number}" + (
                f" (it ends at entry {last})" if last < number else "")
            report.problems.append(f"{_cap(what)} holds entry {number}, but {where}: its "
                                   "history was cut or rewritten.")
        elif number in copies:
            report.problems.append(_differs(number, copies[number], entry, exact, matched))
        else:
            span = (f"at entry {number}" if exact else
                    f"between entries {matched + 1} and {number} ({what} does not carry "
                    "the ones in between)")
            report.problems.append(f"Entry {number} differs: {what} records its hash as "
                                   f"{known[number][:16]}…, this catalogue's is "
                                   f"{entry.entry_hash[:16]}…; the histories part {span}.")
        return
    held = max(known, default=0)
    report.held_at = held
    broken = _first_broken(entries, held)
    if broken is not None:
        report.parted_at, report.parted_exactly = broken[0], True
        report.problems.append(broken[1])
        return
    newer = last - held
    head = "the signed head" if what == "the signed head" else f"the head {what} was made from"
    rebased = [e.id for e in entries if e.id > held and e.action == BASELINE]
    if rebased:  # a baseline restates the whole state: after a head given out, it launders it
        report.parted_at, report.parted_exactly = rebased[0], True
        report.problems.append(
            f"Entry {rebased[0]} is a baseline recorded after {head} (entry {held}): a "
            "baseline is only recorded when a catalogue is upgraded from a version that logged "
            "no values, so it restates the state over the history given out.")
        return
    report.notes.append(f"This catalogue's log holds {head} (entry {held}) and extends it" + (
        f" by {newer} {'entry' if newer == 1 else 'entries'}." if newer else "."))


def _differs(number: int, copy: Mapping[str, Any], entry: CustodyEntry, exact: bool,
             matched: int) -> str:
    said = []
    for name in _FIELDS:
        theirs = copy.get(name)
        ours = getattr(entry, name)
        if name == "details" and isinstance(theirs, dict):
            for key in sorted(set(theirs) | set(ours)):
                if theirs.get(key) != ours.get(key):
                    label = entry.action if key == "new" and entry.action == copy.get(
                        "action") else key
                    said.append((f"{label} {_show(theirs.get(key))}",
                                 f"{label} {_show(ours.get(key))}"))
        elif theirs != ours:
            said.append((f"{name} {_show(theirs)}", f"{name} {_show(ours)}"))
    if not said:  # the same content, another hash: an entry before it, or its link, changed
        tail = (f"its link to entry {number - 1} was changed" if exact else
                f"an entry between {matched + 1} and {number - 1} was changed")
        return (f"Entry {number} has the same content as the package's copy but another "
                f"hash: {tail}.")
    theirs_text = ", ".join(t for t, _ in said)
    ours_text = ", ".join(o for _, o in said)
    where = "" if exact else (f" (the histories part between entries {matched + 1} and "
                              f"{number})")
    return (f"Entry {number} differs: the package's copy says {theirs_text}, this "
            f"catalogue's says {ours_text}{where}.")


def _first_broken(entries: Sequence[CustodyEntry], upto: int) -> tuple[int, str] | None:
    """The first of entries 1..upto whose link or own hash does not hold, with a sentence."""
    previous, expected = GENESIS, 1
    actors: dict[tuple[str, str, str], Actor] = {}
    for e in entries:
        if e.id > upto:
            break
        if e.id != expected:
            return expected, f"This catalogue's log has no entry {expected}: it was removed."
        who = (e.operator, e.machine, e.app_version)
        actor = actors.get(who) or actors.setdefault(who, Actor(*who))
        digest = entry_hash(e.prev_hash, e.at, actor, e.action, e.photo_id,
                            canonical_details(e.details))
        if e.prev_hash != previous or digest != e.entry_hash:
            return e.id, (f"This catalogue's entry {e.id} ({e.action}) was altered after it "
                          "was written: the head given out still matches, but not the "
                          "entries leading to it.")
        previous, expected = e.entry_hash, e.id + 1
    return None


def _package_files(given: Path, report: AgainstReport) -> None:
    """The package's custody head and log must be the ones its SHA256SUMS lists."""
    sums = given / "SHA256SUMS"
    if not sums.is_file():
        report.problems.append("The package has no SHA256SUMS: it is not a complete export.")
        return
    listed: dict[str, str] = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    anchors = sorted(p.relative_to(given).as_posix() for p in (given / ANCHORS).glob("*")
                     if p.is_file()) if (given / ANCHORS).is_dir() else []
    for name in ("custody_head.txt", "custody_log.jsonl", *anchors):
        if listed.get(name) != sha256_file(given / name):
            report.problems.append(f"The package's {name} is not the one its SHA256SUMS "
                                   "lists: it was changed after the package was made.")


def _signature_findings(report: AgainstReport, what: str, trust: Trust,
                        untrusted_is_problem: bool = True) -> None:
    if report.signature is Signature.TRUSTED:
        return
    if report.signature is Signature.UNTRUSTED:
        sentence = untrusted_sentence(what, report.key or "?")
        (report.problems if untrusted_is_problem else report.notes).append(sentence)
    elif report.signature is Signature.INVALID:
        report.problems.append(f"The signature of {what} does not verify: it was changed "
                               "after signing.")
    elif trust.expected:
        report.problems.append(f"{_cap(what)} is not signed, but a key to check it with was "
                               "given.")
    else:
        report.notes.append(f"{_cap(what)} is not signed: it shows what its holder says, not "
                            "who made it.")


def _parse_head(given: Path) -> tuple[int, str]:
    """head.txt as `head --sign` writes it ("entry N", "hash H") or as a checkpoint's text
    ("entries N", "hash H")."""
    try:
        lines = given.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise NotGivenOut(i18n._("{path} cannot be read as a signed head.").format(
            path=given)) from exc
    found: dict[str, str] = {}
    for line in lines:
        key, _, value = line.partition(" ")
        found.setdefault(key, value.strip())
    number = found.get("entry") or found.get("entries")
    digest = found.get("hash", "")
    if number is None or not number.isdigit() or len(digest) != 64:
        raise NotGivenOut(i18n._("{path} is not a signed head: it names no entry and hash.").format(
            path=given))
    return int(number), digest


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "…")
    return json.dumps(value, ensure_ascii=False)

