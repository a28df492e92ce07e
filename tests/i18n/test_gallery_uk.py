"""A gallery in Ukrainian, checked with BeautifulSoup: lang="uk", the theme's fixed texts
translated (none of gallery.po's English left), Ukrainian dates, the user's text untouched;
and the export's language is its own: an English gallery from a Ukrainian process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages import pofile
from bs4 import BeautifulSoup

from catalog_app import i18n
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from tests.conftest import ACTOR
from tests.export.conftest import Mission, mission  # noqa: F401 - the fixture
from tests.support.gallery_names import tokens

PO = Path(i18n.__file__).with_name("locale") / "uk" / "LC_MESSAGES" / "gallery.po"


@pytest.fixture
def language() -> Iterator[None]:
    before = i18n.current()
    yield
    i18n.set_language(before)


def export(mission: Mission, out: Path, lang: str) -> Path:  # noqa: F811
    list(GalleryExport(mission.catalogue, out, GalleryOptions(language=lang, credit="Команда 2"),
                       ACTOR, workers=0).run())
    return out


def pages(out: Path) -> dict[str, BeautifulSoup]:
    return {str(p.relative_to(out)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(out.rglob("*.html"))}


def fixed_texts() -> list[str]:
    """The English of every fixed text (gallery.po's msgids), placeholders cut out."""
    with PO.open("rb") as f:
        catalogue = pofile.read_po(f)
    found = []
    for message in catalogue:
        if not message.id:
            continue
        for msgid in (message.id if isinstance(message.id, tuple) else (message.id,)):
            for piece in re.split(r"%\(\w+\)s|\{\w+\}|\n", msgid):
                piece = piece.strip(" .,:()→←")
                if piece:
                    found.append(piece)
    return found


def everything_shown(page: BeautifulSoup) -> str:
    """The text a reader sees or hears: the page's text, titles, alt and aria labels."""
    said = [page.get_text(" ")]
    for tag in page.find_all(True):
        said += [tag[a] for a in ("alt", "aria-label", "title") if tag.has_attr(a)]
    return "\n".join(said)


def users_text(mission: Mission) -> list[str]:  # noqa: F811
    """Captions and incident texts: the user's, in whatever language they were written."""
    said = [p.caption.strip() for p in mission.catalogue.photos()]
    for incident in mission.catalogue.incidents(include_archived=True):
        said += [incident.name, incident.kind or "", incident.place or "", incident.description,
                 incident.sources]
    return sorted((t for t in said if t), key=len, reverse=True)


def test_a_ukrainian_gallery(mission: Mission, tmp_path: Path, language) -> None:  # noqa: F811
    i18n.set_language("en")  # the pages' language is the export's, not the process's
    out = export(mission, tmp_path / "site", "uk")
    found = pages(out)
    english = fixed_texts()
    assert "Skip to the photos" in english and "Graphic content" in english
    for name, page in found.items():
        assert page.html["lang"] == "uk" and page.html["dir"] == "ltr", name
        shown = everything_shown(page)
        for text in users_text(mission):
            shown = shown.replace(text, " ")
        left = [text for text in english if re.search(rf"\b{re.escape(text)}\b", shown)]
        assert left == [], (name, left)
        assert "Перейти до фотографій" in shown
    index = everything_shown(found["index.html"])
    assert "Задокументовані інциденти" in index and "Фото: Команда 2" in index
    assert re.search(r"\b2 місця, \d+ фотографі[йяї]\.", index), index
    hospital = everything_shown(found[f"incident-{mission.hospital}.html"])
    assert "Джерела" in hospital and "8 липня 2024 р." in hospital  # the incident's date
    assert "Шокуючий вміст" in hospital
    forest = everything_shown(found[f"incident-{mission.forest}.html"])
    assert "15 вересня 2022 р." in forest
    names = tokens(mission.catalogue.layout.root, out)
    graphic = found[f"photos/{names[mission.graphic]}.html"]
    assert graphic.select_one("details.graphic-gate summary").get_text() == \
        "На цій фотографії шокуючий вміст (поранення або тіла). Показати її."
    months = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
              "вересня", "жовтня", "листопада", "грудня")
    for photo in mission.catalogue.photos():
        if photo.id not in names or not (out / "photos" / f"{names[photo.id]}.html").exists():
            continue
        page = found[f"photos/{names[photo.id]}.html"]
        caption = page.select_one("figcaption .caption")
        assert (caption.get_text() if caption else "") == photo.caption.strip()  # untouched
        when = page.select_one("figcaption .meta span")
        if photo.best_time is not None:
            assert re.fullmatch(rf"\d{{1,2}} ({'|'.join(months)}) \d{{4}} р\., \d\d:\d\d "
                                r"\((UTC[+-]\d\d:\d\d|місцевий час; часовий пояс невідомий)\)",
                                when.get_text()), when.get_text()
        nav = everything_shown(page)
        assert "Фотографії цього інциденту" in nav and "Фотографія " in nav


def test_an_english_gallery_from_a_ukrainian_process(mission: Mission, tmp_path: Path,  # noqa: F811
                                                     language) -> None:
    i18n.set_language("uk")
    out = export(mission, tmp_path / "site", "en")
    found = pages(out)
    for name, page in found.items():
        assert page.html["lang"] == "en", name
        shown = everything_shown(page)
        assert "Skip to the photos" in shown and "Перейти" not in shown, name
    hospital = everything_shown(found[f"incident-{mission.hospital}.html"])
    assert "Sources" in hospital and "8 July 2024" in hospital
    english = fixed_texts()  # the check of the Ukrainian pages finds these in English ones
    assert {"Skip to the photos", "Sources", "Graphic content"} <= {
        text for text in english if re.search(rf"\b{re.escape(text)}\b", hospital)}
    assert "Documented incidents" in everything_shown(found["index.html"])
