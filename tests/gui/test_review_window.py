"""The window built for review: queues in the sidebar (flags, keywords, cameras, archived
incidents) with counts that follow each change, full-text search, badges, sort and day groups."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from catalog_app.core.badges import Badge, incident_colour
from catalog_app.core.models import Actor, Camera, Flag, GridRow, Incident
from catalog_app.core.queues import archived_key, camera_key, keyword_key
from catalog_app.core.redaction import Region, Shape, Status
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.models.grid_order import NO_DAY, SortBy, arrange
from catalog_app.gui.models.grid_roles import BADGES_ROLE, HEADER_ROLE, INCIDENT_COLOUR_ROLE
from catalog_app.gui.views import grid_badges
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


def test_grid_rows_carry_badges_and_the_delegate_paints_them(qtbot, window4) -> None:
    catalogue, actor = window4.session.catalogue, window4.session.actor
    settle(qtbot, window4)
    ids = sorted(p.id for p in catalogue.photos())
    catalogue.set_flag(ids[:1], Flag.GRAPHIC, True, actor)
    catalogue.set_flag(ids[1:2], Flag.RESTRICTED, True, actor)
    catalogue.set_flag(ids[2:3], Flag.CAPTION_REVIEW, True, actor)
    incident = catalogue.add_incident(Incident(0, "Market"), actor)
    catalogue.tag(ids[:1], incident, actor)
    catalogue.add_redaction(ids[1], Region(Shape.RECTANGLE, 0.1, 0.1, 0.2, 0.2,
                                           status=Status.PROPOSED), actor)
    catalogue.set_clock(Camera("Test", "Synthetic 1", None), 3600, "an hour slow", actor)
    catalogue.mark_duplicates(ids[3], [(ids[2], "near", 3)], actor)
    window4.window.sidebar.select("all")
    refreshed(qtbot, window4)
    model = window4.window.model
    shown = {model.photo_id(r): model.index(r) for r in range(model.rowCount())}
    assert sorted(shown) == [ids[0], ids[1], ids[3]]  # the marked copy is in its own list
    every = Badge.NO_GPS | Badge.CORRECTED_CLOCK  # no photo has GPS; the camera is corrected
    assert shown[ids[0]].data(BADGES_ROLE) == every | Badge.GRAPHIC
    assert shown[ids[1]].data(BADGES_ROLE) == every | Badge.RESTRICTED | Badge.REDACTION_OPEN
    assert shown[ids[3]].data(BADGES_ROLE) == every | Badge.DUPLICATE  # a keeper
    assert shown[ids[0]].data(INCIDENT_COLOUR_ROLE) == incident_colour(incident)
    assert shown[ids[1]].data(INCIDENT_COLOUR_ROLE) is None
    assert shown[ids[1]].data(Qt.ItemDataRole.ToolTipRole).endswith(
        "Restricted, redaction not reviewed, no GPS, camera clock corrected")
    assert shown[ids[0]].data(Qt.ItemDataRole.DisplayRole).endswith(" *")  # corrected time

    image = QImage(200, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("#808080"))
    icon = QRect(10, 10, 180, 135)
    painter = QPainter(image)
    grid_badges.paint(painter, icon, int(Badge.GRAPHIC | Badge.NO_GPS), "#3cb44b")
    painter.end()
    side = grid_badges.mark_size(icon)
    assert image.pixelColor(100, 11).name() == "#3cb44b"  # the incident's band on top
    mark_y = icon.bottom() - 1 - side // 2
    assert image.pixelColor(icon.left() + 4, mark_y).name() == "#c62828"  # G, graphic
    assert image.pixelColor(icon.left() + 4 + side + 2, mark_y).name() == "#616161"  # no GPS
    assert image.pixelColor(icon.left() + 4 + 2 * (side + 2), mark_y).name() == "#808080"


def test_sort_and_group_by_day(qtbot, window4) -> None:
    window, model = window4.window, window4.window.model
    settle(qtbot, window4)
    captured = [model.photo_id(r) for r in range(model.rowCount())]
    window.order.sort.setCurrentIndex(window.order.sort.findData("name"))
    window.order.by_day.setChecked(True)
    assert model.rowCount() == 5 and model.is_header(0) and model.photo_count() == 4
    assert model.index(0).data(HEADER_ROLE) == "2024-07-12\n4 photos"
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    names = [model.index(r).data(Qt.ItemDataRole.ToolTipRole).split("\n")[0]
             for r in range(1, 5)]
    assert names == sorted(names)
    window.grid.selectAll()
    assert sorted(window.selected_ids()) == sorted(captured)  # the header is not selected
    window4.browse.show_status()
    assert window.statusBar().currentMessage().startswith("4 shown · 4 selected")
    window.order.by_day.setChecked(False)
    window.order.sort.setCurrentIndex(window.order.sort.findData("capture"))
    assert [model.photo_id(r) for r in range(model.rowCount())] == captured


def test_arrange_orders_days_and_puts_untimed_photos_last() -> None:
    rows = [GridRow(1, None, "2024-07-13 09:00:00", "b.jpg", 0, None, "2025-01-02T10:00:00Z"),
            GridRow(2, None, "2024-07-12 23:00:00 *", "c.jpg", 0, None, "2025-01-01T10:00:00Z"),
            GridRow(3, None, "a.jpg", "a.jpg", int(Badge.NO_TIME), None, "2025-01-01T09:00:00Z"),
            GridRow(4, None, "2024-07-13 08:00:00", "D.jpg", 0, None, "2025-01-02T09:00:00Z")]
    by_capture = arrange(rows, SortBy.CAPTURE, by_day=True)
    assert [getattr(i, "day", None) or i.id for i in by_capture] == \
        ["2024-07-12", 2, "2024-07-13", 1, 4, NO_DAY, 3]
    assert [r.id for r in arrange(rows, SortBy.NAME)] == [3, 1, 2, 4]  # any case: a b c D
    by_import = arrange(rows, SortBy.IMPORT, by_day=True)
    assert [getattr(i, "day", None) or i.id for i in by_import] == \
        ["2025-01-01", 3, 2, "2025-01-02", 4, 1]


def test_the_custody_log_viewer_filters_and_shows_old_and_new(qtbot, window4) -> None:
    catalogue, actor = window4.session.catalogue, window4.session.actor
    settle(qtbot, window4)
    ids = sorted(p.id for p in catalogue.photos())
    catalogue.set_caption(ids[1], "first words", actor)
    catalogue.set_caption(ids[1], "Знищений міст", actor)
    other = Actor("second-operator", "laptop", "test")
    catalogue.set_flag(ids[2:3], Flag.GRAPHIC, True, other)
    controller = window4.log_viewer
    with qtbot.waitSignal(controller.shown, timeout=10000):
        viewer = controller.open()
    settle(qtbot, window4)
    total = len(catalogue.custody_log())
    assert viewer.summary.text() == f"{total:,} entries match"
    assert int(viewer.rows()[0][0]) == total  # newest first

    viewer.action.setCurrentIndex(viewer.action.findText("caption"))
    with qtbot.waitSignal(controller.shown, timeout=10000):
        pass
    rows = viewer.rows()
    assert [(r[3], r[5], r[6]) for r in rows] == [
        (str(ids[1]), "first words", "Знищений міст"), (str(ids[1]), "(none)", "first words")]
    assert viewer.summary.text() == "2 entries match"

    viewer.action.setCurrentIndex(0)
    viewer.operator.setCurrentIndex(viewer.operator.findText("second-operator"))
    with qtbot.waitSignal(controller.shown, timeout=10000):
        pass
    assert [r[2] for r in viewer.rows()] == ["second-operator@laptop"]
    assert viewer.summary.text() == "1 entry matches"

    viewer.operator.setCurrentIndex(0)
    viewer.photo.setText(str(ids[2]))
    viewer.use_to.setChecked(True)
    viewer.date_to.setDate(QDate(2000, 1, 1))  # before anything was written
    with qtbot.waitSignal(controller.shown, timeout=10000):
        pass
    assert viewer.rows() == []
    viewer.use_to.setChecked(False)
    with qtbot.waitSignal(controller.shown, timeout=10000):
        pass
    assert viewer.rows() and all(r[3] == str(ids[2]) for r in viewer.rows())
    viewer.close()


def test_a_saved_search_is_recalled_from_the_sidebar_and_forgotten(qtbot, window4) -> None:
    catalogue, actor = window4.session.catalogue, window4.session.actor
    settle(qtbot, window4)
    ids = sorted(p.id for p in catalogue.photos())
    catalogue.set_caption(ids[0], "Міст у Бучі", actor)
    catalogue.set_caption(ids[1], "Бучі, school", actor)
    catalogue.set_flag(ids[1:3], Flag.GRAPHIC, True, actor)
    window, saved = window4.window, window4.saved_searches
    choose(qtbot, window4, "graphic")
    with qtbot.waitSignal(window4.browse.refreshed, timeout=10000):
        window.filters.search.setText("бучі")
    assert [window.model.photo_id(r) for r in range(window.model.rowCount())] == [ids[1]]
    saved.ask_name = lambda suggested: f"{suggested} graphic"
    assert saved.save_current() == "бучі graphic"
    assert dict(window.sidebar.entries())["saved:бучі graphic"] == "⌕ бучі graphic"
    entries_before = len(catalogue.custody_log())

    window.filters.search.setText("")
    choose(qtbot, window4, "all")
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10000)
    with qtbot.waitSignal(window4.browse.refreshed, timeout=10000):
        window.sidebar.select("saved:бучі graphic")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    assert window.sidebar.current_key() == "graphic"
    assert window.filters.search.text() == "бучі"
    assert window.model.photo_id(0) == ids[1]
    assert len(catalogue.custody_log()) == entries_before  # a view: nothing logged

    assert "бучі graphic" in saved.searches()  # kept in the settings for this catalogue
    saved.forget("бучі graphic")
    assert "saved:бучі graphic" not in dict(window.sidebar.entries())
    assert saved.searches() == {}
