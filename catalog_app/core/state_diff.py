"""Compare the state the custody log records with the catalogue's tables: one sentence each."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from catalog_app.core.record import TABLE_FIELDS, State
from catalog_app.core.replay import Replayed, derived_times

_SHOWN = 80  # characters of a value quoted in a sentence


def shown(value: Any) -> str:
    """A value as a sentence quotes it: strings in quotes, long ones cut."""
    if value is None:
        return "nothing"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _char(c: str) -> str:
    return f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}"


def _values(a: Any, b: Any) -> str:
    """"log says A, catalogue says B" for two values that differ; two texts that differ first
    at a character outside ASCII (a homoglyph, another normal form, an invisible mark) are
    quoted in ASCII escapes and that character is named, so a reader sees what changed."""
    said = f"log says {shown(a)}, catalogue says {shown(b)}"
    if not (isinstance(a, str) and isinstance(b, str)):
        return said
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
              min(len(a), len(b)))
    x, y = a[at:at + 1], b[at:at + 1]
    if x.isascii() and y.isascii():
        return said
    return (f"log says {_cut(ascii(a))}, catalogue says {_cut(ascii(b))} (they first differ at "
            f"character {at + 1}: log {_char(x) if x else 'ends'}, catalogue "
            f"{_char(y) if y else 'ends'})")


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _source_name(raw: Any) -> str:
    try:
        return bytes.fromhex(raw).decode(errors="replace")
    except (TypeError, ValueError):  # a path_raw the app never writes: shown as it is
        return f"a name stored as {shown(raw)}"


def _sorted(keys: Any) -> list[Any]:
    try:
        return sorted(keys)
    except TypeError:
        return sorted(keys, key=repr)


# how a row of a one-key table is named in a sentence ({} is its key)
_NAMES = {
    "photos": "photo {}", "incidents": "incident {}", "imports": "import {}",
    "import_failures": "import failure {}",
    "shot_links": "photo {}'s link to the JPEG of its shot",
    "redactions": "redaction region {}", "duplicate_links": "photo {}: its duplicate link",
    "face_scans": "photo {}: its face scan",
    "photo_positions": "photo {}: its assigned position",
}


def _name(table: str, key: Any) -> str:
    """What a row is called in a sentence."""
    if table in _NAMES:
        return _NAMES[table].format(key)
    if table == "sources":
        return f"photo {key[0]}: a source file ({_source_name(key[1])})"
    if table == "photo_keywords":
        return f"photo {key[0]}: keyword {key[1]!r}"
    if table == "camera_clocks":
        return "the clock correction of camera " + " ".join(k for k in key if k) if any(key) \
            else "the clock correction of photos naming no camera"
    return f"photos {key[0]} and {key[1]}: their not-duplicate decision"


def _missing_sentence(table: str, key: Any) -> str:
    if table == "photos":
        return (f"photo {key}: the custody log records its import, but it is not in the "
                "catalogue")
    return f"{_name(table, key)}: the custody log records it, but the catalogue does not hold it"


def _extra_sentence(table: str, key: Any) -> str:
    if table == "photos":
        return f"photo {key} is in the catalogue but no custody entry records its import"
    return f"{_name(table, key)} is in the catalogue but no custody entry records it"


def differences(logged: State, held: State) -> Iterator[str]:
    """Every row and field where the catalogue (`held`) is not what the log (`logged`) says."""
    for table, fields in TABLE_FIELDS.items():
        want, have = logged.get(table, {}), held.get(table, {})
        for key in _sorted(want.keys() - have.keys()):
            yield _missing_sentence(table, key)
        for key in _sorted(have.keys() - want.keys()):
            yield _extra_sentence(table, key)
        for key in _sorted(want.keys() & have.keys()):
            a, b = want[key], have[key]
            if a == b:
                continue
            for name in fields:
                if a.get(name) != b.get(name):
                    yield (f"{_name(table, key)}: {name} differs from its custody record: "
                           f"{_values(a.get(name), b.get(name))}")


def derived_differences(expected: dict[Any, tuple[str | None, str | None]],
                        held: dict[Any, tuple[str | None, str | None]]) -> Iterator[str]:
    """sort_time and corrected_local of each photo against what the log's values give."""
    for pid in _sorted(expected.keys() & held.keys()):
        for name, want, have in zip(("sort_time", "corrected_local"), expected[pid], held[pid],
                                    strict=True):
            if want != have:
                yield (f"photo {pid}: {name} differs from what its custody record gives: log "
                       f"gives {shown(want)}, catalogue says {shown(have)}")


@dataclass(slots=True)
class StateCheck:
    """What replaying the log and comparing it with the tables found."""

    problems: list[str] = field(default_factory=list)  # replay, tables, derived times
    chain_problems: list[str] = field(default_factory=list)
    schema_problems: list[str] = field(default_factory=list)
    entries: int = 0
    proven_from: int = 1
    baseline_at: str | None = None
    last_change: int = 0  # the last entry that changes the state; later ones change nothing
    last_verify: tuple[int, str, dict[str, Any]] | None = None  # (entry, at, what it saw)
    # the log's record of each photo's files: id -> (sha256, stored_path, in_place,
    # thumbnail_path, thumbnail_sha256)
    files: dict[int, tuple[str, str, bool, str | None, str | None]] = field(
        default_factory=dict)

    def proven(self) -> str:
        """The sentence saying from which entry the state rests on the log."""
        if self.baseline_at is not None:
            return (f"from the baseline at entry {self.proven_from}, recorded when this "
                    f"catalogue was upgraded on {self.baseline_at[:10]}")
        return f"from entry {self.proven_from}"


def check(replayed: Replayed, held: State,
          held_times: dict[Any, tuple[str | None, str | None]]) -> StateCheck:
    """Compare the replayed log with the tables: every difference as one sentence."""
    logged = replayed.state
    problems = [*replayed.problems, *differences(logged, held),
                *derived_differences(derived_times(logged), held_times)]
    files = {pid: (p["sha256"], p["stored_path"], bool(p["in_place"]), p["thumbnail_path"],
                   p["thumbnail_sha256"]) for pid, p in logged["photos"].items()}
    return StateCheck(problems=problems, entries=replayed.entries,
                      proven_from=replayed.proven_from, baseline_at=replayed.baseline_at,
                      last_change=replayed.last_change, last_verify=replayed.last_verify,
                      files=files)  # type: ignore[arg-type]
