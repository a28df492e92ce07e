"""Tagging from the window: incidents, keywords, flags, drops on the sidebar, bulk actions.

Every write runs on the database thread; the window refreshes when it is done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMessageBox

from catalog_app.core import captions, places, suggest
from catalog_app.core.models import Incident, Photo
from catalog_app.gui.views.incident_dialog import IncidentDialog
from catalog_app.gui.views.suggestions_dialog import SuggestionsDialog


class TaggingController(QObject):
    """Owned by the main window; `changed` is emitted after each write is committed."""

    changed = Signal(str)  # what was done, one sentence
    dialog_opened = Signal(object)  # the incident dialog (tests and screenshots use it)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.incidents: dict[int, Incident] = {}
        panel = window.inspector.describe
        panel.incident_chosen.connect(self.tag_selection)
        panel.keywords_changed.connect(self._keywords)
        panel.flag_changed.connect(self._flag)
        window.sidebar.photos_dropped.connect(self.tag)
        window.sidebar.incident_activated.connect(self.edit_incident)
        self.changed.connect(self._done)
        self._menu()

    def _menu(self) -> None:
        bar = self.window.menuBar()
        help_menu = next((a for a in bar.actions() if a.text() == "&Help"), None)
        menu = bar.addMenu("&Tag")
        if help_menu is not None:  # Tag sits before Help, as menus usually do
            bar.insertMenu(help_menu, menu)
        menu.addAction("&New incident…", self.new_incident, "Ctrl+Shift+N")
        menu.addAction("&Edit incident…", self._edit_current)
        menu.addAction("&Merge incident into…", self._merge_current)
        menu.addAction("&Archive incident", lambda: self._with_current(self.archive_incident))
        menu.addAction("&Delete incident…", lambda: self._with_current(self.delete_incident))
        menu.addSeparator()
        menu.addAction("&Tag selection to incident…", self._choose_incident, "Ctrl+T")
        menu.addAction("&Untag selection", lambda: self.tag_selection(None), "Ctrl+Shift+T")
        menu.addAction("&Caption selection from a template…", self._template)
        menu.addSeparator()
        menu.addAction("&Suggest incidents for untagged photos…", self.suggest)

    # -- data the controls need ----------------------------------------------------------
    def set_incidents(self, incidents: list[Incident]) -> None:
        self.incidents = {i.id: i for i in incidents}
        self.window.inspector.describe.set_incidents([(i.id, i.name) for i in incidents])

    def show_where(self, photo: Photo) -> None:
        """Fill the inspector's "where" line off the GUI thread (the town lookup loads data)."""
        gps = photo.capture.gps
        if gps is None:
            return
        incident = self.incidents.get(photo.incident[0]) if photo.incident else None

        def where() -> str:
            text = places.nearest_place(gps.lat, gps.lon).describe()
            if incident is not None and incident.lat is not None and incident.lon is not None:
                far = places.distance_m(incident.lat, incident.lon, gps.lat, gps.lon)
                text += f"\n{far:,.0f} m from the centre of {incident.name}"
            return text

        self.window.previews.run(where, lambda text: self.window.inspector.show_where(
            photo.id, text), lambda error: None)

    # -- writes --------------------------------------------------------------------------
    def _write(self, work: Callable, sentence: Callable[[object], str]) -> None:
        actor = self.window.session.actor
        self.window.session.read(lambda c: work(c, actor),
                                 lambda result: self.changed.emit(sentence(result)))

    def tag(self, incident_id: int | None, photo_ids: list[int]) -> None:
        """Tag (None: untag) photos; Ctrl+Z puts each back in the incident it had."""
        if photo_ids:
            self.window.undo_stack.push(TagChange(self, list(photo_ids), incident_id))

    def _retag(self, change: TagChange) -> None:  # the redo of a TagChange
        incident_id, ids = change.incident, change.photo_ids
        name = self._name(incident_id)

        def work(c, a) -> int:
            if change.previous is None:  # first time: remember what to go back to
                change.previous = c.incidents_of(ids)
            return c.tag(ids, incident_id, a)

        self._write(work, lambda n: f"{n} photo(s) tagged to {name}." if incident_id is not None
                    else f"{n} photo(s) untagged.")

    def _restore(self, change: TagChange) -> None:  # the undo of a TagChange
        def work(c, a) -> int:
            groups: dict[int | None, list[int]] = {}
            for photo_id, before in (change.previous or {}).items():
                groups.setdefault(before, []).append(photo_id)
            return sum(c.tag(ids, before, a) for before, ids in groups.items())

        self._write(work, lambda n: f"Undone: {n} photo(s) back in their earlier incident.")

    def _name(self, incident_id: int | None) -> str:
        return self.incidents[incident_id].name if incident_id in self.incidents else "none"

    def tag_selection(self, incident_id: int | None) -> None:
        self.tag(incident_id, self.window.selected_ids())

    def _keywords(self, added: list[str], removed: list[str]) -> None:
        ids = self.window.selected_ids()
        self._write(lambda c, a: c.change_keywords(ids, added, removed, a),
                    lambda n: f"Keywords changed on {n} photo(s).")

    def _flag(self, flag: str, value: bool) -> None:
        ids = self.window.selected_ids()
        label = {"caption_review": "caption needs review"}.get(flag, flag)
        self._write(lambda c, a: c.set_flag(ids, flag, value, a),
                    lambda n: f"{label.capitalize()} {'on' if value else 'off'} for {n} "
                    "photo(s).")

    def _done(self, sentence: str) -> None:
        self.window.statusBar().showMessage(sentence, 8000)
        self.window.refresh()
        self.window.reshow_photo()

    # -- incidents -----------------------------------------------------------------------
    def new_incident(self) -> IncidentDialog:
        return self._open_dialog(None)

    def edit_incident(self, incident_id: int) -> IncidentDialog | None:
        incident = self.incidents.get(incident_id)
        return self._open_dialog(incident) if incident else None

    def _edit_current(self) -> None:
        key = self.window.sidebar.current_key()
        if key.startswith("incident:"):
            self.edit_incident(int(key.split(":", 1)[1]))
        else:
            self.window.statusBar().showMessage("Choose an incident in the sidebar first.", 6000)

    def _with_current(self, action: Callable[[int], object]) -> None:
        key = self.window.sidebar.current_key()
        if key.startswith("incident:"):
            action(int(key.split(":", 1)[1]))
        else:
            self.window.statusBar().showMessage("Choose an incident in the sidebar first.", 6000)

    def archive_incident(self, incident_id: int) -> None:
        name = self.incidents[incident_id].name
        self._write(lambda c, a: c.edit_incident(incident_id, {"archived": 1}, a),
                    lambda _: f"Incident {name} archived (its photos stay tagged).")

    def merge_incidents(self, source: int, target: int) -> None:
        names = self.incidents[source].name, self.incidents[target].name
        self._write(lambda c, a: c.merge_incidents(source, target, a),
                    lambda n: f"{names[0]} merged into {names[1]}: {n} photo(s) moved.")

    def _merge_current(self) -> None:
        def ask(source: int) -> None:
            others = [i for i in self.incidents.values() if i.id != source]
            if not others:
                return
            name, ok = QInputDialog.getItem(self.window, "Merge incident",
                                            f"Move the photos of {self.incidents[source].name} "
                                            "into:", [i.name for i in others], 0, False)
            if ok:
                self.merge_incidents(source, next(i.id for i in others if i.name == name))

        self._with_current(ask)

    def delete_incident(self, incident_id: int, confirmed: bool = False) -> QMessageBox | None:
        """Delete at once when it has no photos; otherwise ask first (photos are untagged)."""
        incident = self.incidents[incident_id]

        def delete() -> None:
            self._write(lambda c, a: c.delete_incident(incident_id, a),
                        lambda n: f"Incident {incident.name} deleted; {n} photo(s) untagged.")

        if not incident.photo_count or confirmed:
            delete()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, "Delete incident",
                          f"{incident.name} has {incident.photo_count} photo(s). Untag them "
                          "and delete the incident? The photos stay in the catalogue, and the "
                          "incident's text stays in the custody log.",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setObjectName("delete-incident")
        box.accepted.connect(delete)
        box.open()
        return box

    def _open_dialog(self, incident: Incident | None) -> IncidentDialog:
        kinds = sorted({i.kind for i in self.incidents.values() if i.kind})
        dialog = IncidentDialog(incident, kinds, self.window)
        dialog.place_wanted.connect(lambda lat, lon: self.window.previews.run(
            lambda: places.nearest_place(lat, lon).name(), dialog.set_place,
            lambda error: None))

        def save() -> None:
            if incident is None:
                made = dialog.incident()
                self._write(lambda c, a: c.add_incident(made, a),
                            lambda new_id: f"Incident {made.name} added (id {new_id}).")
            else:
                changes = dialog.changes()
                self._write(lambda c, a: c.edit_incident(incident.id, changes, a),
                            lambda _: f"Incident {dialog.incident().name} saved "
                            f"({len(changes)} field(s) changed).")

        dialog.accepted.connect(save)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    # -- bulk ----------------------------------------------------------------------------
    def _choose_incident(self) -> None:
        if not self.incidents or not self.window.selected_ids():
            self.window.statusBar().showMessage("Select photos, and add an incident first.",
                                                6000)
            return
        names = [i.name for i in self.incidents.values()]
        name, ok = QInputDialog.getItem(self.window, "Tag to incident",
                                        f"Tag the {len(self.window.selected_ids())} selected "
                                        "photo(s) to:", names, 0, False)
        if ok:
            self.tag_selection(next(i.id for i in self.incidents.values() if i.name == name))

    def _template(self) -> None:
        ids = self.window.selected_ids()
        if not ids:
            return
        template, ok = QInputDialog.getText(
            self.window, "Caption from a template",
            "Fields: " + ", ".join(f"{{{f}}}" for f in captions.FIELDS) + "\nCaption for the "
            f"{len(ids)} selected photo(s):", text="{incident}, {date}: photo {n}")
        if ok:
            self.caption_from_template(template, ids)

    def caption_from_template(self, template: str, ids: list[int]) -> None:
        try:
            captions.check(template)
        except captions.BadTemplate as exc:
            QMessageBox.warning(self.window, "Caption from a template", str(exc))
            return
        incidents = dict(self.incidents)

        def work(c, a):
            pairs = captions.render(template, [c.photo(i) for i in ids], incidents)
            changed = c.set_captions(pairs, a)
            c.set_flag(ids, "caption_review", True, a)
            return changed

        self._write(work, lambda n: f"{n} caption(s) written from the template and marked "
                    "for review.")

    def suggest(self) -> None:
        def work(c, _a):
            return suggest.suggest(c.photos(), c.incidents())

        actor = self.window.session.actor
        self.window.session.read(lambda c: work(c, actor), self._show_suggestions)

    def _show_suggestions(self, found: list[suggest.Suggestion]) -> None:
        if not found:
            QMessageBox.information(self.window, "Suggestions",
                                    "No untagged photo lies in an incident's area and dates, "
                                    "or near a tagged photo from the same camera.")
            return
        dialog = SuggestionsDialog(found, self.window)
        dialog.accepted.connect(lambda: self._apply({s.photo: s for s in dialog.chosen()}))
        dialog.open()
        self.suggestions_dialog = dialog

    def _apply(self, first: dict[int, suggest.Suggestion]) -> None:
        def work(c, a):
            done = 0
            for incident in {s.incident for s in first.values()}:
                done += c.tag([p for p, s in first.items() if s.incident == incident],
                              incident, a)
            return done

        self._write(work, lambda n: f"{n} photo(s) tagged to their suggested incidents.")


class TagChange(QUndoCommand):
    """Tagging a set of photos that Ctrl+Z can take back (both directions are logged)."""

    def __init__(self, controller: TaggingController, photo_ids: list[int],
                 incident: int | None) -> None:
        super().__init__(f"tag {len(photo_ids)} photo(s)")
        self.controller, self.photo_ids, self.incident = controller, photo_ids, incident
        self.previous: dict[int, int | None] | None = None  # filled on the database thread

    def redo(self) -> None:
        self.controller._retag(self)

    def undo(self) -> None:
        self.controller._restore(self)
