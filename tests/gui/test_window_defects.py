"""Defects of the window found in use (#15), each reproduced: undo of captions, the inspector's
stale values, the viewer's keys (pytest-qt, headless, on one demo catalogue)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from tests.conftest import ACTOR
from tests.gui.conftest import select_rows, settle


def save_caption(qtbot, ws, text: str) -> None:
    ws.window.inspector.caption.setPlainText(text)
    with qtbot.waitSignal(ws.inspect.caption_saved, timeout=10000):
        ws.window.inspector.save_caption.click()
    settle(qtbot, ws)


def show_row(qtbot, ws, row: int) -> int:
    window = ws.window
    photo_id = window.model.photo_id(row)
    with qtbot.waitSignal(ws.inspect.photo_shown, timeout=10000):
        window.grid.setCurrentIndex(window.model.index(row))
    return photo_id


def test_undo_after_a_template_caption_keeps_every_version(qtbot, ws) -> None:
    catalogue = ws.session.catalogue
    photo_id = show_row(qtbot, ws, 0)
    save_caption(qtbot, ws, "first")
    qtbot.waitUntil(lambda: ws.inspect.photo is not None
                    and ws.inspect.photo.caption == "first", timeout=10000)
    save_caption(qtbot, ws, "second")
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        ws.tagging.caption_from_template("T {n}", [photo_id, ws.window.model.photo_id(1)])
    settle(qtbot, ws)
    assert catalogue.photo(photo_id).caption == "T 1"
    ws.window.undo_stack.undo()  # the template first: photo back to "second", mark off
    settle(qtbot, ws)
    assert catalogue.photo(photo_id).caption == "second"
    ws.window.undo_stack.undo()  # then the second edit
    settle(qtbot, ws)
    assert catalogue.photo(photo_id).caption == "first"
    ws.window.undo_stack.redo()
    ws.window.undo_stack.redo()
    settle(qtbot, ws)
    assert catalogue.photo(photo_id).caption == "T 1"


def test_undo_of_an_older_caption_refuses_when_it_changed_since(qtbot, ws) -> None:
    catalogue = ws.session.catalogue
    photo_id = show_row(qtbot, ws, 2)
    save_caption(qtbot, ws, "mine")
    catalogue.set_caption(photo_id, "someone else's", ACTOR)  # e.g. from the command line
    with qtbot.waitSignal(ws.inspect.caption_refused, timeout=10000):
        ws.window.undo_stack.undo()
    settle(qtbot, ws)
    assert catalogue.photo(photo_id).caption == "someone else's"
    assert "was changed after that edit" in ws.window.statusBar().currentMessage()


def test_ctrl_z_in_the_caption_box_undoes_the_saved_caption(qtbot, ws) -> None:
    window, catalogue = ws.window, ws.session.catalogue
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    photo_id = show_row(qtbot, ws, 3)
    before = catalogue.photo(photo_id).caption
    box = window.inspector.caption
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "typed")
    with qtbot.waitSignal(ws.inspect.caption_saved, timeout=10000):
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ws)
    assert catalogue.photo(photo_id).caption == "typed"
    with qtbot.waitSignal(ws.inspect.caption_saved, timeout=10000):
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ws)
    assert catalogue.photo(photo_id).caption == before


def test_the_incident_box_shows_the_selections_shared_incident(qtbot, ws) -> None:
    window, describe = ws.window, ws.window.inspector.describe
    incident = next(iter(ws.tagging.incidents.values()))
    select_rows(window, [0, 1])
    ids = window.selected_ids()
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        ws.tagging.tag(incident.id, ids)  # what Ctrl+T does once an incident is chosen
    with qtbot.waitSignal(ws.browse.refreshed, timeout=10000):
        pass  # the incident list is read again after the change
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: describe.incident.currentText() == incident.name, timeout=10000)
    select_rows(window, [0, 1])  # the same two selected afresh: still their incident
    settle(qtbot, ws)
    assert describe.incident.currentText() == incident.name


def test_a_search_that_hides_the_selected_photo_empties_the_inspector(qtbot, ws) -> None:
    window = ws.window
    show_row(qtbot, ws, 0)
    assert window.inspector.caption.isEnabled()
    with qtbot.waitSignal(ws.browse.refreshed, timeout=10000):
        window.filters.search.setText("no photo has this in its path")
    settle(qtbot, ws)
    assert window.model.rowCount() == 0
    assert ws.inspect.photo is None
    assert not window.inspector.caption.isEnabled()  # nothing hidden can be edited


def test_the_where_line_is_not_reset_when_the_same_photo_is_shown_again(qtbot, ws) -> None:
    window = ws.window
    catalogue = ws.session.catalogue
    row = next(r for r in range(window.model.rowCount())
               if catalogue.photo(window.model.photo_id(r)).capture.gps is not None)
    show_row(qtbot, ws, row)
    where = window.inspector.fields["where"]
    qtbot.waitUntil(lambda: where.text() not in ("…", "—"), timeout=20000)
    text = where.text()
    with qtbot.waitSignal(ws.inspect.photo_shown, timeout=10000):
        ws.inspect.reshow()  # as after any change: the line stays, it does not flicker
    assert where.text() == text


def test_a_marked_duplicate_names_its_keeper(qtbot, ws) -> None:
    catalogue = ws.session.catalogue
    photo_id = show_row(qtbot, ws, 5)
    keeper = ws.window.model.photo_id(4)
    catalogue.mark_duplicates(keeper, [(photo_id, "near", 3)], ACTOR)
    with qtbot.waitSignal(ws.inspect.photo_shown, timeout=10000):
        ws.inspect.reshow()
    field = ws.window.inspector.fields["duplicate"]
    assert field.text() == f"marked as a duplicate of photo {keeper} (the keeper)"
    assert not field.isHidden()


def test_the_duplicates_page_inspects_a_member_and_counts_its_groups(qtbot, ws) -> None:
    window = ws.window
    show_row(qtbot, ws, window.model.rowCount() - 1)
    with qtbot.waitSignal(ws.review.loaded, timeout=20000):
        window.sidebar.select("duplicates")
    settle(qtbot, ws)
    group = window.duplicates._current
    assert group is not None
    assert ws.inspect.photo is not None and ws.inspect.photo.id == group.keeper
    message = window.statusBar().currentMessage()
    assert " shown" not in message and "open duplicate group" in message
    with qtbot.waitSignal(ws.browse.refreshed, timeout=10000):
        window.sidebar.select("failed")
    settle(qtbot, ws)
    assert ws.inspect.photo is None
    assert window.statusBar().currentMessage().startswith("0 failed imports · ")


def open_viewer(qtbot, ws, row: int):
    window = ws.window
    window.grid.setCurrentIndex(window.model.index(row))
    window.view_action.trigger()
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.photo_id == window.model.photo_id(row), timeout=20000)
    return viewer


def test_viewer_arrows_reach_it_through_the_scroll_area(qtbot, ws) -> None:
    window = ws.window
    viewer = open_viewer(qtbot, ws, 0)
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_Right)  # where the keys go: it has focus
    assert window.grid.currentIndex().row() == 1
    qtbot.waitUntil(lambda: viewer.photo_id == window.model.photo_id(1), timeout=20000)
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_Left)
    assert window.grid.currentIndex().row() == 0
    viewer.close()


def test_viewer_background_stays_dark_at_actual_pixels_and_shows_the_caption(qtbot, ws) -> None:
    window, catalogue = ws.window, ws.session.catalogue
    row = next(r for r in range(window.model.rowCount())
               if catalogue.photo(window.model.photo_id(r)).caption)
    photo = catalogue.photo(window.model.photo_id(row))
    viewer = open_viewer(qtbot, ws, row)
    caption = viewer.photo_caption.text()
    title = viewer.caption.text()
    small = QPixmap(16, 16)  # a photo smaller than the screen at actual pixels
    small.fill(Qt.GlobalColor.red)
    viewer.show_pixmap(small, "small", photo.id)
    qtbot.keyClick(viewer, Qt.Key.Key_1)  # grabbed before the full-size decode arrives
    corner = viewer.scroll_area.viewport().grab().toImage().pixelColor(0, 0)
    assert corner.lightness() < 64  # dark around it, not the light grey of a scroll area
    assert caption == photo.caption
    assert "." not in title.split("   ")[-1]  # the time without microseconds
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: viewer._pixmap.width() == photo.width, timeout=20000)
    viewer.close()


def test_the_loupe_shows_actual_pixels_under_the_mouse(qtbot, ws) -> None:
    window, catalogue = ws.window, ws.session.catalogue
    viewer = open_viewer(qtbot, ws, 1)
    photo = catalogue.photo(window.model.photo_id(1))
    qtbot.keyClick(viewer, Qt.Key.Key_L)
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: viewer._pixmap.width() == photo.width, timeout=20000)
    assert not viewer.actual_size  # the photo stays fitted; the loupe is 1:1
    centre = viewer.overlay.photo_rect.center()
    viewer.loupe_at(centre)
    assert viewer.loupe.isVisible()
    shown = viewer.loupe.pixmap().toImage()
    full = viewer._pixmap.toImage()
    x = round((centre.x() - viewer.overlay.photo_rect.x()) / viewer.overlay.photo_rect.width()
              * full.width())
    y = round((centre.y() - viewer.overlay.photo_rect.y())
              / viewer.overlay.photo_rect.height() * full.height())
    assert shown.size().width() == 240
    assert shown.pixel(120, 120) == full.pixel(x, y)  # the photo's own pixel, not scaled
    viewer.close()


def test_the_incident_editor_refuses_an_end_before_the_start_and_a_time_without_zone(
        qtbot, ws) -> None:
    dialog = ws.tagging.new_incident()
    dialog.name.setText("Checkpoint")
    dialog.start.setText("2024-07-09T10:00+03:00")
    dialog.end.setText("2024-07-09T09:00+03:00")
    dialog.save_button.click()
    assert dialog.problem.text() == "The end is before the start."
    assert dialog.isVisible()
    dialog.end.setText("2024-07-09T11:00")
    dialog.save_button.click()
    assert "has no time zone" in dialog.problem.text() and dialog.isVisible()
    dialog.reject()


def test_archiving_an_incident_asks_keeps_the_page_and_undoes(qtbot, ws) -> None:
    from PySide6.QtWidgets import QMessageBox

    window, tagging, catalogue = ws.window, ws.tagging, ws.session.catalogue
    incident = max(tagging.incidents.values(), key=lambda i: i.photo_count)
    with qtbot.waitSignal(ws.browse.refreshed, timeout=10000):
        window.sidebar.select(f"incident:{incident.id}")
    box = tagging.archive_incident(incident.id)
    assert box is not None and f"Its {incident.photo_count} photos" in box.text()
    with qtbot.waitSignal(tagging.changed, timeout=10000):
        box.button(QMessageBox.StandardButton.Yes).click()
    settle(qtbot, ws)
    assert window.sidebar.current_key() == "all"  # not the next row, Failed imports
    assert {i.id: i for i in catalogue.incidents(include_archived=True)}[incident.id].archived
    with qtbot.waitSignal(tagging.changed, timeout=10000) as said:
        window.undo_stack.undo()
    assert said.args[0] == f"Incident {incident.name} restored."
    assert not {i.id: i for i in catalogue.incidents(include_archived=True)}[incident.id].archived


def test_ticking_from_alone_hides_no_photo(qtbot, ws) -> None:
    window = ws.window
    shown = window.model.rowCount()
    with qtbot.waitSignal(ws.browse.refreshed, timeout=10000):
        window.filters.use_from.setChecked(True)
    settle(qtbot, ws)
    assert window.model.rowCount() == shown  # from the catalogue's first day, not today
    with qtbot.waitSignal(ws.browse.refreshed, timeout=10000):
        window.filters.use_to.setChecked(True)
    settle(qtbot, ws)
    assert window.model.rowCount() == shown


def test_new_catalogue_can_make_a_new_folder(qtbot, controller, tmp_path) -> None:
    from catalog_app.core.layout import DB_NAME

    target = tmp_path / "missions" / "kyiv-2024"  # neither folder exists yet
    dialog = controller.new_catalogue()
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile(str(target))
    with qtbot.waitSignal(controller.opened, timeout=60000) as opened:
        dialog.accept()
    assert opened.args == [True]
    assert (target / DB_NAME).is_file()
