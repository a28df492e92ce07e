"""Tagging from the window: drop a selection on an incident, the describe panel, the incident
editor, template captions and suggestions (pytest-qt, headless)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import select_rows


def drag_and_drop(widget, pos: QPoint, mime) -> QDropEvent:
    """What a mouse drag delivers: enter, move, then the drop (Qt drops only after those)."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, QDragEnterEvent(pos, *args))
    QApplication.sendEvent(widget, QDragMoveEvent(pos, *args))
    drop = QDropEvent(pos.toPointF(), *args)
    QApplication.sendEvent(widget, drop)
    return drop


def incident_item(window, name: str):
    (item,) = window.sidebar.findItems(f"◆ {name}", Qt.MatchFlag.MatchStartsWith)
    return item


def test_drop_a_selection_on_an_incident(qtbot, ws) -> None:
    select_rows(ws.window, [0, 1, 2, 3, 4])
    ids = ws.window.selected_ids()
    before = {i: ws.session.catalogue.photo(i).incident for i in ids}
    mime = ws.window.model.mimeData(ws.window.grid.selectionModel().selectedIndexes())
    target = ws.window.sidebar.visualItemRect(incident_item(ws.window, "Shelled apartment blocks"))
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000) as said:
        drag_and_drop(ws.window.sidebar.viewport(), target.center(), mime)
    assert said.args[0].endswith("tagged to Shelled apartment blocks, Irpin.")
    catalogue = ws.session.catalogue
    assert {catalogue.photo(i).incident[1] for i in ids} == {"Shelled apartment blocks, Irpin"}
    qtbot.waitUntil(lambda: incident_item(ws.window, "Shelled apartment blocks").text()
                    .endswith("(5)"), timeout=10000)
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000) as said:
        ws.window.undo_stack.undo()  # Ctrl+Z: each photo back where it was
    assert said.args[0] == "Undone: 5 photos back in their earlier incident."
    assert {i: catalogue.photo(i).incident for i in ids} == before
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        ws.window.undo_stack.redo()
    assert {catalogue.photo(i).incident[1] for i in ids} == {"Shelled apartment blocks, Irpin"}
    # a drop on a collection that is not an incident does nothing
    other = ws.window.sidebar.visualItemRect(ws.window.sidebar.item(0)).center()
    ignored = drag_and_drop(ws.window.sidebar.viewport(), other, mime)
    assert not ignored.isAccepted()


def test_the_describe_panel_writes_flags_keywords_and_incident(qtbot, ws) -> None:
    with qtbot.waitSignal(ws.inspect.preview_shown, timeout=20000):
        ws.window.grid.setCurrentIndex(ws.window.model.index(0))
    photo_id = ws.window.selected_ids()[0]
    panel = ws.window.inspector.describe
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        panel.flags["graphic"].click()
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        panel.keywords.setText("crater, «воронка», crater")
        panel.keywords.editingFinished.emit()
    untagged = panel.incident.findData(None)
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        panel.incident.setCurrentIndex(untagged)
        panel.incident.activated.emit(untagged)
    photo = ws.session.catalogue.photo(photo_id)
    assert photo.graphic and photo.incident is None
    assert set(photo.keywords) >= {"crater", "«воронка»"}
    actions = [e.action for e in ws.session.catalogue.custody_log(photo_id)]
    assert actions[-3:] == ["flag", "keywords", "untag"]
    qtbot.waitUntil(lambda: "km" in ws.window.inspector.fields["where"].text()
                    or "Ukraine" in ws.window.inspector.fields["where"].text(), timeout=20000)


def test_the_incident_editor_adds_and_edits(qtbot, ws) -> None:
    dialog = ws.tagging.new_incident()
    dialog.name.setText('Школа №1 "east" <wing> & yard')
    dialog.kind.setCurrentText("strike on a school")
    dialog.lat.setValue(49.1838)
    dialog.lon.setValue(37.2305)
    dialog.radius.setValue(250)
    dialog.start.setText("not a date")
    dialog.save_button.click()
    assert "not a date and time" in dialog.problem.text() and dialog.isVisible()
    dialog.start.setText("2022-09-15T10:00:00+03:00")
    dialog.fill_place.click()
    qtbot.waitUntil(lambda: "Izium" in dialog.place.text(), timeout=20000)
    dialog.description.setPlainText("Line one\nline two «quoted»")
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        dialog.save_button.click()
    catalogue = ws.session.catalogue
    made = next(i for i in catalogue.incidents() if i.name.startswith("Школа"))
    assert (made.name, made.kind, made.radius_m, made.description) == (
        'Школа №1 "east" <wing> & yard', "strike on a school", 250,
        "Line one\nline two «quoted»")
    qtbot.waitUntil(lambda: made.id in ws.tagging.incidents, timeout=10000)
    edit = ws.tagging.edit_incident(made.id)
    edit.radius.setValue(300)
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000) as said:
        edit.save_button.click()
    assert "(1 field changed)" in said.args[0]
    entry = catalogue.custody_log()[-1]
    assert (entry.action, entry.details["old"], entry.details["new"]) == (
        "incident-edited", {"radius_m": 250}, {"radius_m": 300})


def test_template_captions_and_suggestions(qtbot, ws) -> None:
    select_rows(ws.window, [0, 1])
    ids = ws.window.selected_ids()
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000):
        ws.tagging.caption_from_template("{incident} #{n}", ids)
    photos = [ws.session.catalogue.photo(i) for i in ids]
    assert all(p.caption_review for p in photos)
    assert photos[0].caption.endswith("#1") and photos[1].caption.endswith("#2")
    ws.tagging.suggest()
    qtbot.waitUntil(lambda: getattr(ws.tagging, "suggestions_dialog", None) is not None
                    and ws.tagging.suggestions_dialog.isVisible(), timeout=10000)
    dialog = ws.tagging.suggestions_dialog
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(lines) == 2 and all(" m): taken " in line for line in lines)
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)  # accept one of the two
    accepted = dialog.suggestions[0]
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000) as said:
        dialog.accept_button.click()
    assert ws.session.catalogue.photo(accepted.photo).incident[0] == accepted.incident
    assert ws.session.catalogue.photo(dialog.suggestions[1].photo).incident is None
    assert said.args[0] == "1 photo tagged to its suggested incident."


def test_merge_archive_and_delete_incidents(qtbot, ws) -> None:
    tagging, catalogue = ws.tagging, ws.session.catalogue
    by_name = {i.name: i for i in catalogue.incidents()}
    bridge = by_name["Destroyed Romanivskyi bridge, Irpin"]
    blocks = by_name["Shelled apartment blocks, Irpin"]
    bucha = by_name["Killings of civilians on Yablunska Street, Bucha"]
    with qtbot.waitSignal(tagging.changed, timeout=10000) as said:
        tagging.merge_incidents(bridge.id, blocks.id)
    assert said.args[0].endswith("2 photos moved.")
    qtbot.waitUntil(lambda: bridge.id not in tagging.incidents, timeout=10000)  # archived
    box = tagging.archive_incident(blocks.id)  # asks first, saying how many photos
    assert box is not None and "Its 2 photos stay tagged" in box.text()
    with qtbot.waitSignal(tagging.changed, timeout=10000):
        box.button(QMessageBox.StandardButton.Yes).click()
    box = tagging.delete_incident(bucha.id)
    assert box is not None and "2 photos" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert bucha.id in {i.id for i in catalogue.incidents()}
    box = tagging.delete_incident(bucha.id)
    with qtbot.waitSignal(tagging.changed, timeout=10000) as said:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert said.args[0].endswith("deleted; 2 photos untagged.")
    assert catalogue.count_photos() == 19  # nothing but the incident went
    everything = {i.id: i for i in catalogue.incidents(include_archived=True)}
    assert bucha.id not in everything and everything[blocks.id].archived
    assert everything[blocks.id].photo_count == 2
    deleted = [e for e in catalogue.custody_log() if e.action == "incident-deleted"][-1]
    assert deleted.details["values"]["name"] == bucha.name
