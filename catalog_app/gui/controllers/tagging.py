"""Tagging from the window: incidents, keywords, flags, drops on the sidebar, bulk actions.

Every change runs on the database thread through the session; the rules (template captions,
suggestions, undoing a tag) are services/tagging.py's, the same as the command line's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox, QStatusBar, QWidget

from catalog_app.core import captions, places
from catalog_app.core.labels import counted
from catalog_app.core.models import Actor, Collection, Flag, Incident, Photo
from catalog_app.core.suggest import Suggestion
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import AppError
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.views.describe_panel import DescribePanel
from catalog_app.gui.views.incident_dialog import IncidentDialog
from catalog_app.gui.views.inspector import Inspector
from catalog_app.gui.views.sidebar import Sidebar
from catalog_app.gui.views.suggestions_dialog import SuggestionsDialog
from catalog_app.services import tagging

Change = Callable[[Catalogue, Actor], object]


class TaggingController(QObject):
    """`changed` is emitted (one sentence) after each change is committed."""

    changed = Signal(str)
    caption_refused = Signal(str)  # an undo or redo left a caption changed since (why)
    dialog_opened = Signal(object)  # the incident dialog (tests and screenshots use it)

    def __init__(self, session: CatalogueSession, inspector: Inspector, sidebar: Sidebar,
                 status: QStatusBar, undo_stack: QUndoStack, places_runner: TaskRunner,
                 selected_ids: Callable[[], list[int]], dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.inspector, self.sidebar = session, inspector, sidebar
        self.status, self.undo_stack, self.places = status, undo_stack, places_runner
        self.selected_ids, self.parent_widget = selected_ids, dialog_parent
        self.incidents: dict[int, Incident] = {}
        self.suggestions_dialog: SuggestionsDialog | None = None
        panel: DescribePanel = inspector.describe
        panel.incident_chosen.connect(self.tag_selection)
        panel.keywords_changed.connect(self._keywords)
        panel.flag_changed.connect(self._flag)
        sidebar.photos_dropped.connect(self.tag)
        sidebar.incident_activated.connect(self.edit_incident)

    # -- data the controls need ----------------------------------------------------------
    def set_incidents(self, incidents: list[Incident]) -> None:
        self.incidents = {i.id: i for i in incidents}
        self.inspector.describe.set_incidents([(i.id, i.name) for i in incidents])

    def show_where(self, photo: Photo) -> None:
        """Fill the inspector's "where" line off the GUI thread (the town lookup loads data)."""
        position = photo.position  # the camera's GPS, else one assigned (track, by hand)
        if position is None:
            return
        gps = position[0]
        incident = self.incidents.get(photo.incident[0]) if photo.incident else None

        def where() -> str:
            text = places.nearest_place(gps.lat, gps.lon).describe()
            if incident is not None and incident.lat is not None and incident.lon is not None:
                far = places.distance_m(incident.lat, incident.lon, gps.lat, gps.lon)
                text += f"\n{far:,.0f} m from the centre of {incident.name}"
            return text

        self.places.run(self.inspector, where,
                        lambda text: self.inspector.show_where(photo.id, text),
                        lambda error: None)

    # -- changes -------------------------------------------------------------------------
    def _write(self, change: Change, sentence: Callable[[Any], str],
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self.session.write(self, change, lambda result: self.changed.emit(sentence(result)),
                           on_error)

    def tag(self, incident_id: int | None, photo_ids: list[int]) -> None:
        """Tag (None: untag) photos; Ctrl+Z puts each back in the incident it had."""
        if photo_ids:
            self.undo_stack.push(TagChange(self, list(photo_ids), incident_id))

    def _retag(self, change: TagChange) -> None:  # the redo of a TagChange
        incident_id, ids = change.incident, change.photo_ids
        name = self._name(incident_id)

        def work(c: Catalogue, actor: Actor) -> int:
            if change.previous is None:  # first time: remember what to go back to
                change.previous = c.incidents_of(ids)
            return tagging.assign_incidents(c, dict.fromkeys(ids, incident_id), actor)

        self._write(work, lambda n: f"{counted(n, 'photo')} tagged to {name}."
                    if incident_id is not None else f"{counted(n, 'photo')} untagged.")

    def _restore(self, change: TagChange) -> None:  # the undo of a TagChange
        # Read on the database thread: its writes run in order, so the redo that fills
        # `previous` has run by then, however quickly Ctrl+Z followed it.
        self._write(lambda c, actor: tagging.assign_incidents(c, dict(change.previous or {}),
                                                              actor),
                    lambda n: f"Undone: {counted(n, 'photo')} back in their earlier incident.")

    def _name(self, incident_id: int | None) -> str:
        return self.incidents[incident_id].name if incident_id in self.incidents else "none"

    def tag_selection(self, incident_id: int | None) -> None:
        self.tag(incident_id, self.selected_ids())

    def untag_selection(self) -> None:
        self.tag_selection(None)

    def _keywords(self, added: list[str], removed: list[str]) -> None:
        ids = self.selected_ids()
        self._write(lambda c, actor: c.change_keywords(ids, added, removed, actor),
                    lambda n: f"Keywords changed on {counted(n, 'photo')}.")

    def _flag(self, flag: str, value: bool) -> None:
        ids, chosen = self.selected_ids(), Flag(flag)
        self._write(lambda c, actor: c.set_flag(ids, chosen, value, actor),
                    lambda n: f"{chosen.label.capitalize()} {'on' if value else 'off'} for "
                    f"{counted(n, 'photo')}.")

    # -- incidents -----------------------------------------------------------------------
    def new_incident(self) -> IncidentDialog:
        return self._open_dialog(None)

    def edit_incident(self, incident_id: int) -> IncidentDialog | None:
        incident = self.incidents.get(incident_id)
        return self._open_dialog(incident) if incident else None

    def _current_incident(self) -> int | None:
        key = self.sidebar.current_key()
        if key.startswith("incident:"):
            return int(key.split(":", 1)[1])
        self.status.showMessage("Choose an incident in the sidebar first.", 6000)
        return None

    def edit_current(self) -> None:
        if (current := self._current_incident()) is not None:
            self.edit_incident(current)

    def archive_current(self) -> None:
        if (current := self._current_incident()) is not None:
            self.archive_incident(current)

    def delete_current(self) -> None:
        if (current := self._current_incident()) is not None:
            self.delete_incident(current)

    def archive_incident(self, incident_id: int, confirmed: bool = False) -> QMessageBox | None:
        """Ask first (saying how many photos it holds), then archive; Ctrl+Z restores it."""
        incident = self.incidents[incident_id]

        def archive() -> None:
            self.undo_stack.push(ArchiveChange(self, incident_id, incident.name))

        if confirmed:
            archive()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, "Archive incident",
                          f"Archive {incident.name}? Its {counted(incident.photo_count, 'photo')}"
                          " stay tagged to it; it leaves the sidebar and the incident lists "
                          "until it is restored (Edit > Undo restores it now).",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.parent_widget)
        box.setObjectName("archive-incident")
        box.accepted.connect(archive)
        box.open()
        return box

    def set_archived(self, incident_id: int, name: str, archived: bool) -> None:
        """Archive, or restore, an incident (both logged as an edit of the incident)."""
        if archived and self.sidebar.current_key() == f"incident:{incident_id}":
            self.sidebar.select(Collection.ALL)  # not whatever row follows it in the sidebar
        self._write(lambda c, actor: c.edit_incident(incident_id, {"archived": int(archived)},
                                                     actor),
                    lambda _: f"Incident {name} archived (its photos stay tagged)." if archived
                    else f"Incident {name} restored.")

    def restore_incident(self, incident_id: int, name: str) -> None:
        """Bring an archived incident back to the sidebar and the lists."""
        self.set_archived(incident_id, name, False)

    def merge_incidents(self, source: int, target: int) -> None:
        names = self.incidents[source].name, self.incidents[target].name
        self._write(lambda c, actor: c.merge_incidents(source, target, actor),
                    lambda n: f"{names[0]} merged into {names[1]}: {counted(n, 'photo')} moved.")

    def merge_current(self) -> None:
        source = self._current_incident()
        if source is None:
            return
        others = [i for i in self.incidents.values() if i.id != source]
        if not others:
            return
        name, ok = QInputDialog.getItem(self.parent_widget, "Merge incident",
                                        f"Move the photos of {self.incidents[source].name} "
                                        "into:", [i.name for i in others], 0, False)
        if ok:
            self.merge_incidents(source, next(i.id for i in others if i.name == name))

    def delete_incident(self, incident_id: int, confirmed: bool = False) -> QMessageBox | None:
        """Delete at once when it has no photos; otherwise ask first (photos are untagged)."""
        incident = self.incidents[incident_id]

        def delete() -> None:
            self._write(lambda c, actor: c.delete_incident(incident_id, actor),
                        lambda n: f"Incident {incident.name} deleted; {counted(n, 'photo')} "
                        "untagged.")

        if not incident.photo_count or confirmed:
            delete()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, "Delete incident",
                          f"{incident.name} has {counted(incident.photo_count, 'photo')}. "
                          "Untag them and delete the incident? The photos stay in the "
                          "catalogue, and the incident's text stays in the custody log.",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.parent_widget)
        box.setObjectName("delete-incident")
        box.accepted.connect(delete)
        box.open()
        return box

    def _open_dialog(self, incident: Incident | None) -> IncidentDialog:
        kinds = sorted({i.kind for i in self.incidents.values() if i.kind})
        dialog = IncidentDialog(incident, kinds, self.parent_widget)
        dialog.place_wanted.connect(lambda lat, lon: self.places.run(
            dialog, lambda: places.nearest_place(lat, lon).name(), dialog.set_place,
            lambda error: None))

        def save() -> None:
            if incident is None:
                made = dialog.incident()
                self._write(lambda c, actor: c.add_incident(made, actor),
                            lambda new_id: f"Incident {made.name} added (id {new_id}).")
            else:
                changes = dialog.changes()
                name = dialog.incident().name
                self._write(lambda c, actor: c.edit_incident(incident.id, changes, actor),
                            lambda _: f"Incident {name} saved ({counted(len(changes), 'field')} "
                            "changed).")

        dialog.accepted.connect(save)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    # -- bulk ----------------------------------------------------------------------------
    def choose_incident(self) -> None:
        ids = self.selected_ids()
        if not self.incidents or not ids:
            self.status.showMessage("Select photos, and add an incident first.", 6000)
            return
        names = [i.name for i in self.incidents.values()]
        name, ok = QInputDialog.getItem(self.parent_widget, "Tag to incident",
                                        f"Tag the {counted(len(ids), 'selected photo')} to:",
                                        names, 0, False)
        if ok:
            self.tag(next(i.id for i in self.incidents.values() if i.name == name), ids)

    def ask_template(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        template, ok = QInputDialog.getText(
            self.parent_widget, "Caption from a template",
            "Fields: " + ", ".join(f"{{{f}}}" for f in captions.FIELDS) + "\nCaption for the "
            f"{counted(len(ids), 'selected photo')}:", text="{incident}, {date}: photo {n}")
        if ok:
            self.caption_from_template(template, ids)

    def caption_from_template(self, template: str, ids: list[int]) -> None:
        """Caption the photos from `template` and mark them for review (one unit of work);
        once written, Ctrl+Z takes the captions and marks back."""
        def refused(error: BaseException) -> None:
            if isinstance(error, captions.BadTemplate):
                QMessageBox.warning(self.parent_widget, "Caption from a template", str(error))
            else:
                self.status.showMessage(f"The catalogue could not do that: {error}", 15000)

        def written(result: tagging.TemplateResult) -> None:
            self.undo_stack.push(TemplateCaptions(self, result))
            self.changed.emit(f"{counted(result.changed, 'caption')} written from the "
                              "template and marked for review.")

        self.session.write(self, lambda c, actor: tagging.caption_from_template(
            c, ids, template, actor), written, refused)

    def _recaption(self, result: tagging.TemplateResult, back: bool) -> None:
        """Undo (back) or redo a template caption, only over captions nobody changed since."""
        before, after = dict(result.before), dict(result.after)
        expected, wanted = (after, before) if back else (before, after)

        def refused(error: BaseException) -> None:
            self.status.showMessage(str(error) if isinstance(error, AppError)
                                    else f"The catalogue could not do that: {error}", 15000)
            self.caption_refused.emit(str(error))

        def said(n: object) -> str:
            done = counted(n if isinstance(n, int) else 0, "caption")
            return (f"Undone: {done} put back as before the template." if back
                    else f"Redone: {done} written from the template.")

        self._write(lambda c, actor: tagging.restore_captions(
            c, expected, wanted, actor, (result.newly_marked, not back)), said, refused)

    def suggest(self) -> None:
        self.session.read(self, tagging.suggestions, self._show_suggestions)

    def _show_suggestions(self, found: list[Suggestion]) -> None:
        if not found:
            QMessageBox.information(self.parent_widget, "Suggestions",
                                    "No untagged photo lies in an incident's area and dates, "
                                    "or near a tagged photo from the same camera.")
            return
        first = tagging.first_choices(found)  # each photo's best suggestion, as the CLI's
        shown = [next(s for s in found if s.photo == photo and s.incident == incident)
                 for photo, incident in first.items()]
        dialog = SuggestionsDialog(shown, self.parent_widget)
        dialog.accepted.connect(
            lambda: self._apply({s.photo: s.incident for s in dialog.chosen()}))
        dialog.open()
        self.suggestions_dialog = dialog

    def _apply(self, chosen: dict[int, int]) -> None:
        self._write(lambda c, actor: tagging.apply_suggestions(c, chosen, actor),
                    lambda n: f"{counted(n, 'photo')} tagged to their suggested incidents.")


class ArchiveChange(QUndoCommand):
    """Archiving an incident; Ctrl+Z restores it (both logged)."""

    def __init__(self, controller: TaggingController, incident_id: int, name: str) -> None:
        super().__init__(f"archive incident {name}")
        self.controller, self.incident_id, self.name = controller, incident_id, name

    def redo(self) -> None:
        self.controller.set_archived(self.incident_id, self.name, True)

    def undo(self) -> None:
        self.controller.set_archived(self.incident_id, self.name, False)


class TemplateCaptions(QUndoCommand):
    """Captions written from a template (already written when pushed): Ctrl+Z puts each
    caption and review mark back, unless a caption was changed after."""

    def __init__(self, controller: TaggingController, result: tagging.TemplateResult) -> None:
        super().__init__(f"template caption of {counted(len(result.after), 'photo')}")
        self.controller, self.result, self._written = controller, result, True

    def redo(self) -> None:
        if self._written:  # pushed after the template was written: nothing to do yet
            self._written = False
            return
        self.controller._recaption(self.result, back=False)

    def undo(self) -> None:
        self.controller._recaption(self.result, back=True)


class TagChange(QUndoCommand):
    """Tagging a set of photos that Ctrl+Z can take back (both directions are logged)."""

    def __init__(self, controller: TaggingController, photo_ids: list[int],
                 incident: int | None) -> None:
        verb = "untag" if incident is None else "tag"  # Edit > Undo says which it was
        super().__init__(f"{verb} {counted(len(photo_ids), 'photo')}")
        self.controller, self.photo_ids, self.incident = controller, photo_ids, incident
        self.previous: dict[int, int | None] | None = None  # filled on the database thread

    def redo(self) -> None:
        self.controller._retag(self)

    def undo(self) -> None:
        self.controller._restore(self)
