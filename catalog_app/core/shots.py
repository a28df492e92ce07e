"""One shot written twice: a camera raw and the JPEG (or HEIF) the camera wrote beside it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

RAW_FORMATS = frozenset({"DNG", "CR2", "CR3", "NEF", "NRW", "ARW", "RAF", "ORF", "RW2", "PEF",
                         "SRW", "3FR", "IIQ", "CRW", "X3F", "MRW"})
_RENDERED = frozenset({"JPEG", "MPO", "HEIF"})


@dataclass(frozen=True, slots=True)
class ShotFile:
    """What the rule needs of a photo: its format, camera, capture time and file names."""

    id: int
    format: str
    make: str | None
    model: str | None
    taken_at: str | None  # as recorded (ISO text)
    names: tuple[str, ...]  # its source files' paths


def _stems(paths: Iterable[str]) -> set[str]:
    return {PurePath(p).stem.casefold() for p in paths}


def same_shot(raw: ShotFile, rendered: ShotFile) -> bool:
    """A raw and a JPEG/HEIF of the same camera, capture time and base name."""
    return (raw.format in RAW_FORMATS and rendered.format in _RENDERED
            and raw.taken_at is not None and raw.taken_at == rendered.taken_at
            and bool(raw.model) and (raw.make, raw.model) == (rendered.make, rendered.model)
            and bool(_stems(raw.names) & _stems(rendered.names)))


def pairs(files: Iterable[ShotFile]) -> list[tuple[int, int]]:
    """(raw id, rendered id) for each shot, each photo in one pair at most, lowest ids first."""
    ordered = sorted(files, key=lambda f: f.id)
    raws = [f for f in ordered if f.format in RAW_FORMATS]
    rendered = [f for f in ordered if f.format in _RENDERED]
    taken: set[int] = set()
    found = []
    for raw in raws:
        for other in rendered:
            if other.id not in taken and same_shot(raw, other):
                found.append((raw.id, other.id))
                taken.add(other.id)
                break
    return found
