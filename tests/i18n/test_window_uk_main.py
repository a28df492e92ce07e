"""The main window in Ukrainian: menus, sidebar, inspector, viewer, duplicates review, custody
log and About box show no English text left (names, formats and the demo's own data aside),
and the counts take Ukrainian's three plural forms."""

# ruff: noqa: F811  (the fixtures imported from tests/gui/conftest.py are test arguments)
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from catalog_app import i18n
from catalog_app.gui import translation
from catalog_app.gui.views.about import about_text, about_title
from catalog_app.gui.views.day_header import shown
from catalog_app.gui.views.duplicates_view import DuplicatesView
from catalog_app.gui.views.inspector import Inspector
from catalog_app.gui.views.log_viewer import LogViewer
from tests.gui.conftest import (  # noqa: F401  (fixtures: pytest finds them here)
    _window_in_english,
    app_settings,
    controller,
    demo_catalogue,
    dialogs,
    select_rows,
    settle,
    ws,
)
from tests.gui.visible_text import english_left, english_sources, visible_texts

# Names and formats that stay as they are in Ukrainian, and the languages' own names
NAMES = {"GPS", "UTC", "SHA-256", "JPEG", "EXIF", "GeoJSON", "KML", "CSV", "catalog_app",
         "English", "Українська", "#", "—", "…"}
# Words of the English sources that no Ukrainian string holds (whole words, any case)
ENGLISH_WORDS = re.compile(
    r"\b(the|photos?|incidents?|catalogue|caption|captions|keywords?|camera|cameras|show|"
    r"open|import|export|duplicates?|keeper|custody|entries|entry|selected|search|select|"
    r"copy|history|redaction|region|faces?|none|loading|from|with|without|read-only)\b",
    re.IGNORECASE)


@pytest.fixture
def ukrainian(qapp):
    """The window's language Ukrainian while the test builds the window; English after."""
    translation.install(qapp, "uk")
    yield
    translation.install(qapp, "en")
    assert i18n.current() == "en"


def _demo_data(ws) -> set[str]:
    """The demo's own texts (incident names, cameras, file paths): the user's data; and the
    texts of the map dock and import panel, which their own helper's test covers."""
    window = ws.window
    data = {window.windowTitle(), *visible_texts(window.map_dock),
            *visible_texts(window.import_panel)}
    data |= {t for t in visible_texts(window) if t.startswith("/")}  # the photos' sources
    for box in (window.inspector.describe.incident, window.filters.camera):
        data |= {box.itemText(i) for i in range(1, box.count())}  # the first: ours
    return data


def _open_everything(qtbot, ws) -> list:
    """Every menu opened and closed, a photo in the inspector, the viewer, the duplicates
    review and the custody log built; returns the extra top-level windows."""
    window = ws.window
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.popup(window.mapToGlobal(window.rect().center()))
            menu.hide()
    select_rows(window, [0])
    settle(qtbot, ws)
    window.show_collection_page("duplicates")
    window.show_collection_page("all")
    window.log_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, LogViewer) for w in QApplication.topLevelWidgets()),
                    timeout=20000)
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, LogViewer)]


def test_the_main_window_in_ukrainian_has_no_english_left(ukrainian, qtbot, ws):
    window = ws.window
    extra = _open_everything(qtbot, ws)
    allowed = NAMES | _demo_data(ws)
    left = english_left(window, allowed)
    for other in extra:
        left += english_left(other, allowed)
    assert sorted(set(left)) == [], "\n".join(sorted(set(left)))
    texts = [t for w in (window, *extra) for t in visible_texts(w) if t not in allowed]
    worded = sorted({t for t in texts if ENGLISH_WORDS.search(t)})
    assert worded == [], "\n".join(worded)
    sources = english_sources()
    fixed = [text.rsplit("  (", 1)[0] for key, text in window.sidebar.entries()
             if ":" not in key]  # the collections (not the incidents, keywords, cameras)
    assert fixed[:3] == ["Усі фотографії", "Не прив’язані", "Без GPS"]
    assert [t for t in fixed if t in sources] == []
    assert window.menuBar().actions()[0].text() == "&Файл"
    assert window.language_menu.title() == "&Мова"
    assert window.inspector.save_caption.text() == "Зберегти підпис"


def test_the_language_menu_lists_each_language_by_its_own_name(ukrainian, qtbot, ws):
    window = ws.window
    actions = window.language_actions
    assert [a.data() for a in actions] == ["", *translation.NAMES]
    assert [a.text() for a in actions[1:]] == list(translation.NAMES.values())
    assert actions[0].text() == "Мова системи"
    assert all(a.isCheckable() for a in actions)
    window.check_language("uk")
    assert [a.isChecked() for a in actions] == [False, False, True]
    window.check_language("")
    assert [a.isChecked() for a in actions] == [True, False, False]
    window.check_language("xx")  # unknown: the system's
    assert actions[0].isChecked()
    assert window.language_menu.actions()[0] is actions[0]


def test_the_about_box_in_ukrainian(ukrainian):
    assert about_title() == "Про catalog_app"
    assert "Каталог фотографій-доказів для польових команд." in about_text()


@pytest.mark.parametrize(("n", "photos"), [(1, "1 фотографія"), (2, "2 фотографії"),
                                           (5, "5 фотографій"), (21, "21 фотографія"),
                                           (1234, "1 234 фотографії")])
def test_counts_take_the_three_ukrainian_plural_forms(ukrainian, n, photos):
    assert shown(f"2024-07-12\n{n} photos")[1].replace("\u00a0", " ") == photos
    assert DuplicatesView.tr("%Ln photos", "", n).replace("\u00a0", " ") == photos
    selected = {1: "Вибрано 1 фотографію", 2: "Вибрано 2 фотографії", 5: "Вибрано 5 фотографій",
                21: "Вибрано 21 фотографію", 1234: "Вибрано 1 234 фотографії"}[n]
    assert Inspector.tr("%Ln photos selected", "", n).replace("\u00a0", " ") == selected


def test_day_headers_write_the_date_the_ukrainian_way(ukrainian):
    day, count = shown("2024-07-12\n3 photos")
    assert day == "12 липня 2024"
    assert count == "3 фотографії"
    assert shown("No capture time\n1 photo") == ("Без часу зйомки", "1 фотографія")


def test_english_plural_forms_lose_their_s(qapp):
    assert DuplicatesView.tr("%Ln photos", "", 1) == "1 photo"
    assert DuplicatesView.tr("%Ln photos", "", 2) == "2 photos"
    assert Inspector.tr("%Ln photos selected", "", 1234) == "1,234 photos selected"
    assert shown("2024-07-12\n1 photo")[1] == "1 photo"
