"""The demo mission in Ukrainian: Ukrainian incidents and captions, the same photos, ids,
tags, flags and copies as the English one; once made, never translated again."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog_app import i18n
from catalog_app.services import demo
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR

# what may stay in Latin letters in the Ukrainian texts: names, ids and formats
ALLOWED_LATIN = ("DEMO_012", "DEMO_016", "catalog-app suggest", "Amnesty International",
                 "W-07", "GPS")
PLACES = ("Ізюм", "Буча", "Ірпінь", "Охматдит", "Київ")


@pytest.fixture
def language() -> Iterator[None]:
    before = i18n.current()
    yield
    i18n.set_language(before)


def _latin_left(text: str) -> list[str]:
    for allowed in ALLOWED_LATIN:
        text = text.replace(allowed, "")
    return re.findall(r"[A-Za-z]+", text)


def _made(catalogue, language: str | None = None) -> dict[str, object]:
    list(ImportJob(catalogue, [str(demo.sample_mission())], ACTOR, workers=0).run())
    assert demo.apply_mission(catalogue, ACTOR, language=language) == 13
    return {Path(p.sources[0].path).name: p for p in catalogue.photos()}


def test_the_ukrainian_texts_cover_the_english_mission_and_read_as_ukrainian() -> None:
    en, uk = demo.mission("en"), demo.mission("uk")
    assert [i["key"] for i in en["incidents"]] == [i["key"] for i in uk["incidents"]]
    assert en["photos"].keys() == uk["photos"].keys()
    for a, b in zip(en["incidents"], uk["incidents"], strict=True):
        for field in ("lat", "lon", "radius_m", "start", "end"):
            assert a.get(field) == b.get(field)
        for field in ("name", "kind", "place", "description", "sources", "notes"):
            assert a[field] != b[field], (a["key"], field)
            assert not _latin_left(b[field]), (a["key"], field, _latin_left(b[field]))
            assert "'" not in b[field] and '"' not in b[field]  # ’ and «» in Ukrainian
    for name, spec in uk["photos"].items():
        english = en["photos"][name]
        assert spec["caption"] != english["caption"]
        assert not _latin_left(spec["caption"]), (name, spec["caption"])
        assert not any(_latin_left(k) for k in spec.get("keywords", []))
        assert {k: v for k, v in spec.items() if k not in ("caption", "keywords")} == \
            {k: v for k, v in english.items() if k not in ("caption", "keywords")}
        assert len(spec.get("keywords", [])) == len(english.get("keywords", []))
    names = " ".join(i["name"] + " " + i["place"] for i in uk["incidents"])
    assert all(place in names for place in PLACES)
    assert uk["clocks"][0]["offset_s"] == en["clocks"][0]["offset_s"]


def test_an_unknown_language_gives_the_english_mission() -> None:
    assert demo.mission("fr") == demo.mission("en")


def test_the_demo_follows_the_current_language(new_catalogue, language) -> None:
    i18n.set_language("uk")
    by_name = _made(new_catalogue)
    incidents = {i.name: i for i in new_catalogue.incidents()}
    hospital = incidents["Ракетний удар по дитячій лікарні «Охматдит», Київ"]
    assert (hospital.photo_count, hospital.starts_at) == (4, "2024-07-08T10:00:00+03:00")
    assert hospital.place == ("Національна дитяча спеціалізована лікарня «Охматдит», Київ, "
                              "Україна")
    assert by_name["DEMO_015.HEIC"].caption == "Рятувальники й волонтери розбирають завали."
    assert "«Яблунська»" in by_name["DEMO_008.JPG"].caption
    assert by_name["DEMO_014.JPG"].graphic and by_name["DEMO_015.HEIC"].restricted
    assert set(by_name["DEMO_006.JPG"].keywords) == {"окоп", "боєприпаси"}
    i18n.set_language("en")  # the texts are the user's data now: never translated again
    again = {Path(p.sources[0].path).name: p.caption for p in new_catalogue.photos()}
    assert again["DEMO_001.HEIC"] == "Ряди дерев’яних хрестів із номерами на місці поховання " \
        "в лісі, Ізюм."
    assert all(not _latin_left(p.caption) for p in new_catalogue.photos())


def test_both_languages_make_the_same_catalogue_but_its_texts(tmp_path, language) -> None:
    from catalog_app.db.catalogue import Catalogue

    made = {}
    for code in ("en", "uk"):
        with Catalogue.open(tmp_path / code, create=True) as catalogue:
            by_name = _made(catalogue, language=code)
            made[code] = {
                n: (p.id, p.sha256, p.incident[0] if p.incident else None, p.graphic,
                    p.restricted, p.caption_review, p.duplicate_of, p.taken_at_corrected)
                for n, p in by_name.items()}
            made[code + " incidents"] = [(i.id, i.photo_count, i.starts_at)
                                         for i in catalogue.incidents()]
    assert made["en"] == made["uk"]
    assert made["en incidents"] == made["uk incidents"]


def test_the_demo_in_another_language_later_adds_nothing(new_catalogue) -> None:
    by_name = _made(new_catalogue, language="en")
    assert demo.apply_mission(new_catalogue, ACTOR, language="uk") == 0
    assert len(new_catalogue.incidents()) == 5
    assert all(not re.search("[а-яіїєґ]", i.name) for i in new_catalogue.incidents())
    again = {Path(p.sources[0].path).name: p.caption for p in new_catalogue.photos()}
    assert again == {n: p.caption for n, p in by_name.items()}
    assert len(new_catalogue.camera_clocks()) >= 1
