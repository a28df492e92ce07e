"""Progress: the one event every long job yields (import, verify, export, backup, hashing)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a job has got: `done` of `total` items, the current one, and bytes so far.

    `counts` carries a job's own tallies by name (an import's imported/present/failed), so
    one renderer in each face can show any job without knowing its type.
    """

    done: int
    total: int
    current: str = ""
    bytes_done: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, name: str) -> int:
        return self.counts.get(name, 0)
