"""Tagging from the window: incidents, keywords, flags, drops on the sidebar, bulk actions.

Every change runs on the database thread through the session; the rules (template captions,
suggestions, undoing a tag) are services/tagging.py's, the same as the command line's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox, QStatusBar, QWidget

from catalog_app.core import captions, places
from catalog_app.core.models import Actor, Collection, Flag, Incident, Photo
from catalog_app.core.suggest import Suggestion
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import AppError
from catalog_app.gui.controllers import fill
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
                text += "\n" + fill(QCoreApplication.translate(
                    "TaggingController", "%1 m from the centre of %2"),
                    QLocale().toString(round(far)), incident.name)
            return text

        self.places.run(self.inspector, where,
                        lambda text: self.inspector.show_where(photo.id, text),
                        lambda error: None)

    # -- changes -------------------------------------------------------------------------
    def undo_text(self, what: str, n: int) -> str:
        """Edit > Undo's words for a change of `n` photos (commands are no QObjects: no tr)."""
        if what == "untag":
            return self.tr("untag %Ln photos", "", n)
        if what == "tag":
            return self.tr("tag %Ln photos", "", n)
        return self.tr("template caption of %Ln photos", "", n)

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

        self._write(work, lambda n: fill(self.tr("%Ln photos tagged to %1.", "", n), name)
                    if incident_id is not None else self.tr("%Ln photos untagged.", "", n))

    def _restore(self, change: TagChange) -> None:  # the undo of a TagChange
        # Read on the database thread: its writes run in order, so the redo that fills
        # `previous` has run by then, however quickly Ctrl+Z followed it.
        self._write(lambda c, actor: tagging.assign_incidents(c, dict(change.previous or {}),
                                                              actor),
                    lambda n: self.tr("Undone: %Ln photos back in their earlier incident.", "",
                                      n))

    def _name(self, incident_id: int | None) -> str:
        if incident_id in self.incidents:
            return self.incidents[incident_id].name
        return self.tr("none")

    def tag_selection(self, incident_id: int | None) -> None:
        self.tag(incident_id, self.selected_ids())

    def untag_selection(self) -> None:
        self.tag_selection(None)

    def _keywords(self, added: list[str], removed: list[str]) -> None:
        ids = self.selected_ids()
        self._write(lambda c, actor: c.change_keywords(ids, added, removed, actor),
                    lambda n: self.tr("Keywords changed on %Ln photos.", "", n))

    def _flag(self, flag: str, value: bool) -> None:
        ids, chosen = self.selected_ids(), Flag(flag)
        texts: dict[tuple[Flag, bool], Callable[[int], str]] = {
            (Flag.GRAPHIC, True): lambda n: self.tr("Graphic on for %Ln photos.", "", n),
            (Flag.GRAPHIC, False): lambda n: self.tr("Graphic off for %Ln photos.", "", n),
            (Flag.RESTRICTED, True): lambda n: self.tr("Restricted on for %Ln photos.", "", n),
            (Flag.RESTRICTED, False): lambda n: self.tr("Restricted off for %Ln photos.", "",
                                                        n),
            (Flag.CAPTION_REVIEW, True): lambda n: self.tr(
                "Caption needs review on for %Ln photos.", "", n),
            (Flag.CAPTION_REVIEW, False): lambda n: self.tr(
                "Caption needs review off for %Ln photos.", "", n)}
        self._write(lambda c, actor: c.set_flag(ids, chosen, value, actor),
                    texts[(chosen, value)])

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
        self.status.showMessage(self.tr("Choose an incident in the sidebar first."), 6000)
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
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Archive incident"),
                          fill(self.tr("Archive %1? Its %Ln photos stay tagged to it; it leaves "
                                       "the sidebar and the incident lists until it is "
                                       "restored (Edit > Undo restores it now).", "",
                                       incident.photo_count), incident.name),
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
                    lambda _: fill(self.tr("Incident %1 archived (its photos stay tagged).")
                                   if archived else self.tr("Incident %1 restored."), name))

    def restore_incident(self, incident_id: int, name: str) -> None:
        """Bring an archived incident back to the sidebar and the lists."""
        self.set_archived(incident_id, name, False)

    def merge_incidents(self, source: int, target: int) -> None:
        names = self.incidents[source].name, self.incidents[target].name
        self._write(lambda c, actor: c.merge_incidents(source, target, actor),
                    lambda n: fill(self.tr("%1 merged into %2: %Ln photos moved.", "", n),
                                   *names))

    def merge_current(self) -> None:
        source = self._current_incident()
        if source is None:
            return
        others = [i for i in self.incidents.values() if i.id != source]
        if not others:
            return
        name, ok = QInputDialog.getItem(self.parent_widget, self.tr("Merge incident"),
                                        fill(self.tr("Move the photos of %1 into:"),
                                             self.incidents[source].name),
                                        [i.name for i in others], 0, False)
        if ok:
            self.merge_incidents(source, next(i.id for i in others if i.name == name))

    def delete_incident(self, incident_id: int, confirmed: bool = False) -> QMessageBox | None:
        """Delete at once when it has no photos; otherwise ask first (photos are untagged)."""
        incident = self.incidents[incident_id]

        def delete() -> None:
            self._write(lambda c, actor: c.delete_incident(incident_id, actor),
                        lambda n: fill(self.tr("Incident %1 deleted; %Ln photos untagged.", "",
                                               n), incident.name))

        if not incident.photo_count or confirmed:
            delete()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete incident"),
                          fill(self.tr("%1 has %Ln photos. Untag them and delete the incident? "
                                       "The photos stay in the catalogue, and the incident's "
                                       "text stays in the custody log.", "",
                                       incident.photo_count), incident.name),
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
                            lambda new_id: fill(self.tr("Incident %1 added (id %2)."),
                                                made.name, new_id))
            else:
                changes = dialog.changes()
                name = dialog.incident().name
                self._write(lambda c, actor: c.edit_incident(incident.id, changes, actor),
                            lambda _: fill(self.tr("Incident %1 saved (%Ln fields changed).",
                                                   "", len(changes)), name))

        dialog.accepted.connect(save)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    # -- bulk ----------------------------------------------------------------------------
    def choose_incident(self) -> None:
        ids = self.selected_ids()
        if not self.incidents or not ids:
            self.status.showMessage(self.tr("Select photos, and add an incident first."), 6000)
            return
        names = [i.name for i in self.incidents.values()]
        name, ok = QInputDialog.getItem(self.parent_widget, self.tr("Tag to incident"),
                                        self.tr("Tag the %Ln selected photos to:", "", len(ids)),
                                        names, 0, False)
        if ok:
            self.tag(next(i.id for i in self.incidents.values() if i.name == name), ids)

    def ask_template(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        template, ok = QInputDialog.getText(
            self.parent_widget, self.tr("Caption from a template"),
            fill(self.tr("Fields: %1"), ", ".join(f"{{{f}}}" for f in captions.FIELDS)) + "\n"
            + self.tr("Caption for the %Ln selected photos:", "", len(ids)),
            text=self.tr("{incident}, {date}: photo {n}"))
        if ok:
            self.caption_from_template(template, ids)

    def caption_from_template(self, template: str, ids: list[int]) -> None:
        """Caption the photos from `template` and mark them for review (one unit of work);
        once written, Ctrl+Z takes the captions and marks back."""
        def refused(error: BaseException) -> None:
            if isinstance(error, captions.BadTemplate):
                QMessageBox.warning(self.parent_widget, self.tr("Caption from a template"),
                                    str(error))
            else:
                self.status.showMessage(
                    fill(self.tr("The catalogue could not do that: %1"), error), 15000)

        def written(result: tagging.TemplateResult) -> None:
            self.undo_stack.push(TemplateCaptions(self, result))
            self.changed.emit(self.tr("%Ln captions written from the template and marked "
                                      "for review.", "", result.changed))

        self.session.write(self, lambda c, actor: tagging.caption_from_template(
            c, ids, template, actor), written, refused)

    def _recaption(self, result: tagging.TemplateResult, back: bool) -> None:
        """Undo (back) or redo a template caption, only over captions nobody changed since."""
        before, after = dict(result.before), dict(result.after)
        expected, wanted = (after, before) if back else (before, after)

        def refused(error: BaseException) -> None:
            self.status.showMessage(str(error) if isinstance(error, AppError)
                                    else fill(self.tr("The catalogue could not do that: %1"),
                                              error), 15000)
            self.caption_refused.emit(str(error))

        def said(n: object) -> str:
            done = n if isinstance(n, int) else 0
            return (self.tr("Undone: %Ln captions put back as before the template.", "", done)
                    if back else self.tr("Redone: %Ln captions written from the template.", "",
                                         done))

        self._write(lambda c, actor: tagging.restore_captions(
            c, expected, wanted, actor, (result.newly_marked, not back)), said, refused)

    def suggest(self) -> None:
        self.session.read(self, tagging.suggestions, self._show_suggestions)

    def _show_suggestions(self, found: list[Suggestion]) -> None:
        if not found:
            QMessageBox.information(self.parent_widget, self.tr("Suggestions"),
                                    self.tr("No untagged photo lies in an incident's area and "
                                            "dates, or near a tagged photo from the same "
                                            "camera."))
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
                    lambda n: self.tr("%Ln photos tagged to their suggested incidents.", "",
                                      n))


class ArchiveChange(QUndoCommand):
    """Archiving an incident; Ctrl+Z restores it (both logged)."""

    def __init__(self, controller: TaggingController, incident_id: int, name: str) -> None:
        super().__init__(fill(QCoreApplication.translate("ArchiveChange", "archive incident %1"),
                              name))
        self.controller, self.incident_id, self.name = controller, incident_id, name

    def redo(self) -> None:
        self.controller.set_archived(self.incident_id, self.name, True)

    def undo(self) -> None:
        self.controller.set_archived(self.incident_id, self.name, False)


class TemplateCaptions(QUndoCommand):
    """Captions written from a template (already written when pushed): Ctrl+Z puts each
    caption and review mark back, unless a caption was changed after."""

    def __init__(self, controller: TaggingController, result: tagging.TemplateResult) -> None:
        super().__init__(controller.undo_text("template", len(result.after)))
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
        # Edit > Undo says which it was
        super().__init__(controller.undo_text("untag" if incident is None else "tag",
                                              len(photo_ids)))
        self.controller, self.photo_ids, self.incident = controller, photo_ids, incident
        self.previous: dict[int, int | None] | None = None  # filled on the database thread

    def redo(self) -> None:
        self.controller._retag(self)

    def undo(self) -> None:
        self.controller._restore(self)
