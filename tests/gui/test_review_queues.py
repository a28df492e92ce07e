"""Review queues in the sidebar (flags, keywords, cameras, archived incidents) with counts that
follow each change, restoring an archived incident, and the search box's full-text search."""

from __future__ import annotations

import shutil

import pytest

from catalog_app.core.models import Flag, Incident
from catalog_app.core.queues import archived_key, camera_key, keyword_key
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.gui.conftest import open_window, settle
from tests.support.synthetic import make_jpegs


@pytest.fixture(scope="module")
def four_photos(tmp_path_factory):
    """Four tiny photos imported once for this module (each test opens a copy)."""
    card = tmp_path_factory.mktemp("queue-card")
    make_jpegs(card, 4, size=(48, 36))
    root = tmp_path_factory.mktemp("queues") / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(card)], ACTOR, workers=1).run())
    return root


@pytest.fixture
def window4(qtbot, controller, tmp_path, four_photos):
    root = tmp_path / "cat"
    shutil.copytree(four_photos, root)
    workspace = open_window(qtbot, controller, root, create=False)
    qtbot.waitUntil(lambda: workspace.window.model.rowCount() == 4, timeout=20000)
    return workspace


def refreshed(qtbot, workspace) -> dict[str, str]:
    """Refresh as a change does; the sidebar's entries (key -> text) once both lists are in."""
    with qtbot.waitSignal(workspace.queues.read, timeout=10000):
        workspace.browse.refresh()
    settle(qtbot, workspace)
    return dict(workspace.window.sidebar.entries())


def choose(qtbot, workspace, key: str) -> list[int]:
    with qtbot.waitSignal(workspace.browse.refreshed, timeout=10000):
        workspace.window.sidebar.select(key)
    model = workspace.window.model
    return sorted(model.photo_id(row) for row in range(model.rowCount()))


def test_queues_show_counts_that_follow_changes(qtbot, window4) -> None:
    catalogue, actor = window4.session.catalogue, window4.session.actor
    settle(qtbot, window4)
    ids = sorted(p.id for p in catalogue.photos())
    catalogue.set_flag(ids[:2], Flag.GRAPHIC, True, actor)
    catalogue.set_flag(ids[3:], Flag.RESTRICTED, True, actor)
    catalogue.set_flag(ids[1:2], Flag.CAPTION_REVIEW, True, actor)
    catalogue.change_keywords(ids[:3], ["church"], [], actor)
    entries = refreshed(qtbot, window4)
    assert entries["graphic"] == "Graphic  (2)"
    assert entries["restricted"] == "Restricted  (1)"
    assert entries["caption-review"] == "Check caption  (1)"
    assert entries["redaction-unreviewed"] == "Redaction not reviewed  (0)"
    assert entries[keyword_key("church")] == "church  (3)"
    assert entries[camera_key("Test", "Synthetic 1")] == "Test Synthetic 1  (4)"
    assert choose(qtbot, window4, "graphic") == ids[:2]
    assert choose(qtbot, window4, camera_key("Test", "Synthetic 1")) == ids
    assert choose(qtbot, window4, keyword_key("church")) == ids[:3]

    catalogue.change_keywords(ids[:1], [], ["church"], actor)
    catalogue.set_flag(ids[:1], Flag.GRAPHIC, False, actor)
    entries = refreshed(qtbot, window4)
    assert entries[keyword_key("church")] == "church  (2)"
    assert entries["graphic"] == "Graphic  (1)"
    assert window4.window.model.rowCount() == 2  # the keyword's grid followed too
    catalogue.change_keywords(ids[1:3], [], ["church"], actor)
    entries = refreshed(qtbot, window4)
    assert keyword_key("church") not in entries  # no photo has it: the queue is gone
    assert window4.window.sidebar.current_key() == "all"
    qtbot.waitUntil(lambda: window4.window.model.rowCount() == 4, timeout=10000)


def test_an_archived_incident_is_listed_shown_and_restored(qtbot, window4) -> None:
    catalogue, actor = window4.session.catalogue, window4.session.actor
    settle(qtbot, window4)
    ids = sorted(p.id for p in catalogue.photos())
    incident = catalogue.add_incident(Incident(0, "Hospital strike"), actor)
    catalogue.tag(ids[:3], incident, actor)
    catalogue.edit_incident(incident, {"archived": 1}, actor)
    entries = refreshed(qtbot, window4)
    assert entries[archived_key(incident)] == "Hospital strike  (3)"
    assert f"incident:{incident}" not in entries
    assert choose(qtbot, window4, archived_key(incident)) == ids[:3]

    with qtbot.waitSignal(window4.queues.changed, timeout=10000) as restored:
        window4.window.sidebar.restore_requested.emit(incident)
    assert restored.args == ["Incident Hospital strike restored."]
    qtbot.waitUntil(lambda: archived_key(incident) not in dict(window4.window.sidebar.entries()),
                    timeout=10000)
    settle(qtbot, window4)
    entries = dict(window4.window.sidebar.entries())
    assert entries[f"incident:{incident}"] == "◆ Hospital strike  (3)"
    assert window4.window.sidebar.current_key() == f"incident:{incident}"  # still chosen
    assert window4.window.model.rowCount() == 3
    last = catalogue.custody_log()[-1]
    assert last.action == "incident-edited" and last.operator == actor.operator


def test_the_search_box_finds_cyrillic_in_any_case(qtbot, window4) -> None:
    catalogue, actor = window4.session.catalogue, window4.session.actor
    settle(qtbot, window4)
    ids = sorted(p.id for p in catalogue.photos())
    catalogue.set_caption(ids[2], "Знищений міст у Бучі", actor)
    filters = window4.window.filters
    assert "captions, keywords, incidents, places, cameras, file names" in \
        filters.search.placeholderText()
    for typed in ("бучі", "БУЧІ", "Бучі"):
        with qtbot.waitSignal(window4.browse.refreshed, timeout=10000):
            filters.search.setText(typed)
        qtbot.waitUntil(lambda: window4.window.model.rowCount() == 1, timeout=10000)
        assert window4.window.model.photo_id(0) == ids[2]
