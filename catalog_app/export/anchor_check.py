"""A package's anchors checked as a recipient would: each checkpoint by a key they trust, each
time-stamp token against a CA, and each anchored head against the custody log it carries."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from catalog_app.core import signing, tsa
from catalog_app.core.anchors import Anchor, head_text
from catalog_app.core.labels import counted
from catalog_app.export.package_anchors import FOLDER, INDEX
from catalog_app.export.trust import Signature, Trust, signature_of_bytes, untrusted_sentence

CHECKPOINT, TIMESTAMP = "signed checkpoint", "time-stamp"


@dataclass(slots=True)
class AnchorCheck:
    """What the anchors a package carries prove, and what is wrong with them."""

    carried: int = 0                                        # checkpoints and tokens listed
    anchors: list[Anchor] = field(default_factory=list)     # each one valid (trusted, checked)
    problems: list[str] = field(default_factory=list)
    untrusted: list[str] = field(default_factory=list)      # valid, by keys not trusted
    notes: list[str] = field(default_factory=list)


def check_anchors(folder: Path, trust: Trust, tsa_ca: bytes | None = None) -> AnchorCheck:
    """Check every anchor under `folder`/anchors: signatures against `trust`, tokens against
    `tsa_ca` (PEM; else the CA each token carries, with a note saying what that proves)."""
    found = AnchorCheck()
    if not (folder / FOLDER).exists():
        return found
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        checkpoints = list(index.get("checkpoints") or [])
        tokens = list(index.get("timestamps") or [])
    except (OSError, ValueError, AttributeError, TypeError):
        found.problems.append(f"{INDEX} is missing or cannot be read, so the package's "
                              "anchors cannot be checked.")
        return found
    found.carried = len(checkpoints) + len(tokens)
    given = _certificates(tsa_ca, found) if tsa_ca is not None else None
    heads: dict[str, list[tuple[str, dict, Anchor | str | None]]] = {}
    untrusted: dict[str, list[int]] = {}
    keys: dict[str, Ed25519PublicKey | None] = {}  # each carried key file, read once
    carried_ca = False
    for item in checkpoints:
        checked = _checkpoint(folder, item, trust, keys)
        result: Anchor | str | None = None
        if isinstance(checked, tuple):  # valid, by a key not trusted
            untrusted.setdefault(checked[0], []).append(checked[1])
        else:
            result = checked
        heads.setdefault(str(item.get("head")), []).append((CHECKPOINT, item, result))
    for item in tokens:
        result, used_carried = _token(folder, item, given)
        carried_ca |= used_carried and isinstance(result, Anchor)
        heads.setdefault(str(item.get("head")), []).append((TIMESTAMP, item, result))
    for head, results in heads.items():
        _judge(folder, head, results, found)
    for fingerprint, entries in untrusted.items():
        found.untrusted.append(untrusted_sentence(
            f"{counted(len(entries), 'signed checkpoint')} of the package's custody log (entries "
            f"{ranges(entries)})", fingerprint))
    if carried_ca:
        found.notes.append("The time-stamp tokens were checked against the authority's "
                           "certificate the package carries (anchors/tsa-ca-N.pem): that "
                           "proves only as much as you trust that certificate; give the "
                           "authority's own with --tsa-ca FILE.")
    return found


def _judge(folder: Path, head: str, results: list[tuple[str, dict, Anchor | str | None]],
           found: AnchorCheck) -> None:
    """One head file's anchors: the valid ones kept, one sentence for what fails."""
    parsed = _parse_head(folder, head)
    if parsed is None:
        found.problems.append(f"{head} is missing or is not a custody head text, so the "
                              f"{counted(len(results), 'anchor')} of it prove nothing.")
        return
    failed = [(kind, item, r) for kind, item, r in results if isinstance(r, str)]
    held = [r for _, _, r in results if isinstance(r, Anchor)]
    if len(failed) > 1 and len(failed) == len(results):
        files = ", ".join(_file_of(kind, item) for kind, item, _ in failed)
        found.problems.append(f"{head} was changed after it was anchored: none of its "
                              f"{len(failed)} anchors ({files}) covers it.")
    else:
        found.problems += [r for _, _, r in failed if isinstance(r, str)]
    found.anchors += [Anchor(parsed[0], parsed[1], a.kind, a.when, a.by) for a in held]


def _checkpoint(folder: Path, item: dict, trust: Trust,
                keys: dict[str, Ed25519PublicKey | None]) -> Anchor | str | tuple[str, int]:
    entry = item.get("entry")
    head, sig = _inside(folder, item.get("head")), _inside(folder, item.get("signature"))
    failed = (f"The signed checkpoint of entry {entry} ({item.get('signature')}) does not "
              f"verify: its signature, or {item.get('head')}, was changed after signing.")
    try:
        data, signature = (head.read_bytes(), sig.read_bytes()) if head and sig else (b"", b"")
    except OSError:
        return failed
    name = str(item.get("key"))
    if name not in keys:
        key = _inside(folder, name)
        try:
            keys[name] = signing.load_public(key.read_bytes()) if key is not None else None
        except (OSError, signing.SigningError):
            keys[name] = None
    verdict, fingerprint = signature_of_bytes(data, signature, keys[name], trust)
    if verdict is Signature.TRUSTED and fingerprint is not None:
        return Anchor(int(entry or 0), str(item.get("hash")), CHECKPOINT,
                      str(item.get("signed_at")), fingerprint)
    if verdict is Signature.UNTRUSTED and fingerprint is not None:
        return fingerprint, int(entry or 0)
    return failed


def _token(folder: Path, item: dict, given: list | None) -> tuple[Anchor | str, bool]:
    entry = item.get("entry")
    head, token, ca = (_inside(folder, item.get(k)) for k in ("head", "token", "ca"))
    said = f"The time-stamp token of entry {entry} ({item.get('token')})"
    if head is None or token is None or not head.is_file() or not token.is_file():
        return f"{said} or its head text is missing.", False
    roots = given
    if roots is None:
        try:
            roots = tsa.load_certificates(ca.read_bytes()) if ca is not None else []
        except (OSError, ValueError):
            roots = []
    try:
        stamp = tsa.check_token(token.read_bytes(), head.read_bytes(), roots)
    except tsa.TokenInvalid as exc:
        return f"{said} does not prove it: {exc}.", given is None
    return Anchor(int(entry or 0), str(item.get("hash")), TIMESTAMP, stamp.gen_time,
                  stamp.tsa_name), given is None


def tie(anchors: Sequence[Anchor], entries: Sequence[Mapping[str, Any]],
        head: tuple[int, str] | None) -> tuple[list[str], str, bool]:
    """The valid anchors against the custody log a package carries: (problems, what they
    prove in one sentence, whether every carried entry is proven)."""
    by_id = {int(e["id"]): e for e in entries if isinstance(e.get("id"), int)}
    ids = set(by_id)
    tied: set[int] = set()
    wrong: list[tuple[int, str, str, list[Anchor]]] = []
    beyond: list[int] = []
    grouped: dict[tuple[int, str], list[Anchor]] = {}
    for anchor in anchors:
        grouped.setdefault((anchor.entry, anchor.entry_hash), []).append(anchor)
    for (number, digest), mine in sorted(grouped.items()):
        if head is not None and number > head[0]:
            beyond.append(number)
            continue
        carried, where = _carried_hash(number, by_id, head)
        if carried is None:
            continue  # an anchor of an entry this package does not carry, nor links to
        if carried != digest:
            wrong.append((number, f"{where} {carried[:16]}…", digest, mine))
        else:
            tied.add(number)
    problems = []
    if wrong:
        number, where, digest, mine = wrong[0]
        more = [w[0] for w in wrong[1:]]
        problems.append(
            f"The package's custody log was rewritten after it was anchored: for entry "
            f"{number} {where}, not the hash {digest[:16]}… anchored by its {_kinds(mine)} "
            f"({FOLDER}/head-{number}.txt)" + (
                f"; the anchors of {len(more)} later entr{'y' if len(more) == 1 else 'ies'} "
                f"({ranges(more)}) do not match either." if more else "."))
    if beyond:
        problems.append(f"The package anchors entries beyond the head custody_head.txt names "
                        f"(entry {head[0] if head else '?'}): {ranges(beyond)}; its custody "
                        "log was cut after they were anchored.")
    return problems, *_proof(anchors, tied, ids)


def _carried_hash(number: int, by_id: Mapping[int, Mapping[str, Any]],
                  head: tuple[int, str] | None) -> tuple[str | None, str]:
    if number in by_id:
        return str(by_id[number].get("entry_hash")), "custody_log.jsonl carries hash"
    if number + 1 in by_id:
        return (str(by_id[number + 1].get("prev_hash")),
                f"custody_log.jsonl's entry {number + 1} names as the hash before it")
    if head is not None and number == head[0]:
        return head[1], "custody_head.txt names hash"
    return None, ""


def _proof(anchors: Sequence[Anchor], tied: set[int], ids: set[int]) -> tuple[str, bool]:
    """Which carried entries a tied anchor reaches through consecutive carried entries."""
    if not anchors:
        return ("This package's history is unproven: it carries no signed checkpoint or "
                "time-stamp that holds, so a consistent rewrite of its custody log before it "
                "reached you would not be seen.", not ids)
    if not tied:
        return ("This package's history is unproven: its anchors hold, but none of them "
                "names an entry of the custody log it carries.", not ids)
    proven: set[int] = set()
    covered, previous = False, None
    for number in sorted(ids, reverse=True):
        covered = (covered and previous == number + 1) or number in tied
        if covered:
            proven.add(number)
        previous = number
    top = max(tied)
    best = [a for a in anchors if a.entry == top]
    parts = []
    for kind in (CHECKPOINT, TIMESTAMP):
        of_kind = [a for a in best if a.kind == kind]
        if of_kind:
            latest = max(of_kind, key=lambda a: a.when)
            by = f"key {latest.by[:16]}…" if kind == CHECKPOINT else latest.by
            parts.append(f"{kind} of {latest.when} by {by}")
    text = f"This package's history is proven up to entry {top} ({'; '.join(parts)})"
    left = sorted(ids - proven)
    if not left:
        return text + ".", True
    return (text + f"; {len(left)} of the {len(ids)} entries it carries ({ranges(left)}) are "
            "unproven: no anchor reaches them through the entries it carries.", False)


def ranges(numbers: Sequence[int] | set[int]) -> str:
    """1, 2, 3, 5 -> '1 to 3, 5'."""
    spans: list[list[int]] = []
    for n in sorted(set(numbers)):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a} to {b}" if a != b else f"{a}" for a, b in spans)


def _kinds(anchors: Sequence[Anchor]) -> str:
    kinds = sorted({a.kind for a in anchors}, key=(CHECKPOINT, TIMESTAMP).index)
    return " and ".join(kinds)


def _file_of(kind: str, item: dict) -> str:
    return str(item.get("signature") if kind == CHECKPOINT else item.get("token"))


def _parse_head(folder: Path, name: str) -> tuple[int, str] | None:
    """(entry, hash) of a head text that is exactly what head_text writes, else None."""
    path = _inside(folder, name)
    try:
        data = path.read_bytes() if path is not None else b""
        lines = data.decode("ascii").split("\n")
        number, digest = int(lines[1].removeprefix("entries ")), lines[2].removeprefix("hash ")
    except (OSError, UnicodeDecodeError, IndexError, ValueError):
        return None
    return (number, digest) if head_text(number, digest) == data else None


def _inside(folder: Path, name: object) -> Path | None:
    """folder/name when name is one file name directly inside anchors/ (nothing that leaves
    it: no further folder, no '..')."""
    if not isinstance(name, str) or not name.startswith(f"{FOLDER}/"):
        return None
    base = name[len(FOLDER) + 1:]
    if not base or "/" in base or "\\" in base or base in (".", ".."):
        return None
    return folder / FOLDER / base


def _certificates(pem: bytes, found: AnchorCheck) -> list:
    try:
        return tsa.load_certificates(pem)
    except ValueError:
        found.problems.append("The CA file given with --tsa-ca holds no PEM certificate.")
        return []
