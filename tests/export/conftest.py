"""A documented demo mission to export: two incidents, captions, flags and marked duplicates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.services import duplicates as duplicate_service
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"
HOSTILE = '<script>alert(1)</script> "quotes" & <tags> — Охматдит\nsecond line'


@dataclass
class Mission:
    catalogue: Catalogue
    hospital: int
    forest: int
    hostile: int  # photo whose caption is hostile text
    graphic: int
    restricted: int
    copies: list[int]  # marked as duplicates of their keepers
    untagged: list[int]


@pytest.fixture
def mission(new_catalogue: Catalogue) -> Mission:
    catalogue = new_catalogue
    list(ImportJob(catalogue, [str(SAMPLE)], ACTOR, workers=0).run())
    duplicate_service.accept_suggested(catalogue, 32, ACTOR)
    photos = catalogue.photos()
    copies = [p.id for p in photos if p.duplicate_of is not None]
    assert copies, "the demo mission has near-duplicates to mark"
    hospital = catalogue.add_incident(Incident(
        0, "Strike on Okhmatdyt children's hospital", kind="strike on a hospital",
        place="Kyiv", lat=50.4534, lon=30.4724, radius_m=300,
        starts_at="2024-07-08T10:45:00+03:00",
        description="A missile hit the toxicology building.\n\n<b>Not bold</b> & kept as text.",
        sources="UN HRMMU https://example.org/report?a=1&b=2\nWitness W-3"), ACTOR)
    forest = catalogue.add_incident(Incident(
        0, "Graves in the Izyum forest", kind="mass grave", place="Izyum",
        starts_at="2022-09-15T00:00:00+03:00"), ACTOR)
    keepers = [p.id for p in photos if p.duplicate_of is None]
    first, second = keepers[: len(keepers) // 2], keepers[len(keepers) // 2 : -2]
    catalogue.tag(first + copies, hospital, ACTOR)
    catalogue.tag(second, forest, ACTOR)
    for photo_id in first + second:
        catalogue.set_caption(photo_id, f"Caption of photo {photo_id}", ACTOR)
    catalogue.set_caption(first[0], HOSTILE, ACTOR)
    catalogue.set_flag([first[1]], "graphic", True, ACTOR)
    catalogue.set_flag([second[0]], "restricted", True, ACTOR)
    return Mission(catalogue, hospital, forest, first[0], first[1], second[0], copies,
                   keepers[-2:])
