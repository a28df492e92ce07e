"""Composition root: builds the window and its controllers over a catalogue session, wires them,
and runs the application. No behaviour of its own lives here."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from catalog_app import APP_NAME, settings
from catalog_app.gui import memory, translation
from catalog_app.gui.controllers.browse import BrowseController
from catalog_app.gui.controllers.catalogues import AppController, Ask, Notify
from catalog_app.gui.controllers.duplicates import DuplicatesController
from catalog_app.gui.controllers.exporting import ExportController
from catalog_app.gui.controllers.faces import FacesController
from catalog_app.gui.controllers.importing import ImportController
from catalog_app.gui.controllers.inspect import InspectController, ViewerController
from catalog_app.gui.controllers.log_viewer import LogViewerController
from catalog_app.gui.controllers.map import MapController
from catalog_app.gui.controllers.queues import QueuesController
from catalog_app.gui.controllers.redaction import RedactionController
from catalog_app.gui.controllers.saved_searches import SavedSearchesController
from catalog_app.gui.controllers.signing import SigningController
from catalog_app.gui.controllers.tagging import TaggingController
from catalog_app.gui.controllers.verify import VerifyController
from catalog_app.gui.controllers.workspace import Workspace
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.settings_store import AppSettings
from catalog_app.gui.thumbnails import ThumbnailLoader
from catalog_app.gui.views.main_window import MainWindow

SHUTDOWN_WAIT_MS = 10_000  # after the event loop ended: the database threads close their files

__all__ = ["compose", "make_app", "run_app"]


def compose(session: CatalogueSession, app: AppController) -> Workspace:
    """The window over `session`, with one controller per concern, wired together."""
    thumbnails = ThumbnailLoader(session.root, app.thumbnail_runner,
                                 app.settings.thumbnail_size)
    undo_stack = QUndoStack()
    window = MainWindow(session.root, thumbnails, undo_stack)
    thumbnails.setParent(window)  # its pixmaps go with the window
    undo_stack.setParent(window)
    status = window.statusBar()
    browse = BrowseController(session, window, status)
    inspect = InspectController(session, window.inspector, app.background, undo_stack, window)
    viewer = ViewerController(session, window.viewer, window.grid, window.model,
                              app.background, window)
    importer = ImportController(session, window, window.import_panel, status, app.workers)
    tagging = TaggingController(session, window.inspector, window.sidebar, status, undo_stack,
                                app.background, window.selected_ids, window)
    review = DuplicatesController(session, window.duplicates, window.sidebar, app.background,
                                  window)
    exporter = ExportController(session, window, status, window.selected_ids)
    verifier = VerifyController(session, window)
    signing = SigningController(session, window, status, app.background, app.settings, app.ask)
    exporter.session_key = lambda: signing.key
    redactor = RedactionController(session, window.viewer, window.inspector, undo_stack,
                                   app.background, window)
    faces = FacesController(session, window.inspector.faces, window, status, app.workers)
    map_view = MapController(session, window, undo_stack, app.background, status)
    queues = QueuesController(session, window.sidebar, browse, status)
    log_viewer = LogViewerController(session, window)
    saved = SavedSearchesController(session, window, app.settings)

    session.failed.connect(lambda text: status.showMessage(text, 15000))
    browse.selection_changed.connect(inspect.show_selection)
    browse.selection_changed.connect(map_view.show_selection)
    browse.refreshed.connect(map_view.refresh)  # new photos, positions, incidents
    browse.incidents_read.connect(tagging.set_incidents)
    browse.keywords_read.connect(window.inspector.describe.set_known_keywords)
    browse.duplicates_shown.connect(review.load)
    review.inspected.connect(inspect.show_selection)
    review.loaded.connect(browse.show_status)
    inspect.photo_shown.connect(tagging.show_where)
    inspect.photo_shown.connect(redactor.show_in_inspector)
    inspect.photo_shown.connect(faces.show_photo)
    importer.started.connect(lambda: browse.live(True))

    def import_ended() -> None:
        browse.live(False)
        browse.refresh()

    importer.ended.connect(import_ended)

    def changed(sentence: str) -> None:
        status.showMessage(sentence, 8000)
        browse.refresh()
        inspect.reshow()

    def decided(sentence: str) -> None:
        status.showMessage(sentence, 8000)
        browse.refresh()
        inspect.reshow()  # its history holds the decision

    tagging.changed.connect(changed)
    redactor.changed.connect(changed)
    review.decided.connect(decided)
    faces.changed.connect(changed)
    map_view.changed.connect(changed)
    queues.changed.connect(changed)
    saved.changed.connect(lambda sentence: status.showMessage(sentence, 8000))

    for action, slot in (
            (window.new_catalogue_action, app.new_catalogue),
            (window.open_catalogue_action, app.open_catalogue),
            (window.open_read_only_action, app.open_catalogue_read_only),
            (window.verify_action, verifier.verify_with_dialog),
            (window.find_faces_action, lambda: faces.detect_with_dialog(window.selected_ids()
                                                                        or None)),
            (window.operator_action, app.set_operator),
            (window.about_action, app.about),
            (window.view_action, viewer.open),
            (window.log_action, log_viewer.open),
            (window.new_incident_action, tagging.new_incident),
            (window.edit_incident_action, tagging.edit_current),
            (window.merge_incident_action, tagging.merge_current),
            (window.archive_incident_action, tagging.archive_current),
            (window.delete_incident_action, tagging.delete_current),
            (window.tag_action, tagging.choose_incident),
            (window.untag_action, tagging.untag_selection),
            (window.template_action, tagging.ask_template),
            (window.suggest_action, tagging.suggest)):
        action.triggered.connect(lambda _checked=False, s=slot: s())  # never pass `checked` on
    # Settings > Language (MainWindow's language_actions: data "" is the system's language)
    for action in window.language_actions:
        action.triggered.connect(
            lambda _checked=False, a=action: app.switch_language(str(a.data() or "")))
    window.check_language(app.settings.language)

    workspace = Workspace(session, window, thumbnails, browse, inspect, viewer, importer,
                          tagging, review, exporter, verifier)
    window.close_guard = signing.guard(workspace.may_close)
    workspace.signing = signing
    workspace.map = map_view
    workspace.faces = faces  # a face scan is one of the jobs closing waits for
    workspace.queues = queues
    workspace.log_viewer = log_viewer
    workspace.saved_searches = saved
    browse.refresh()
    return workspace


def make_app(app_settings: AppSettings, operator: str | None = None,
             notify: Notify | None = None, ask: Ask | None = None,
             workers: int | None = None) -> AppController:
    """The application's controller, opening each catalogue into a window built by compose."""
    memory.limit_arenas()
    return AppController(app_settings, compose, operator, notify, ask, workers)


def run_app(catalogue: Path | None, operator: str | None, read_only: bool = False) -> int:
    """Start the application on `catalogue`, else the last one used, else the default."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    style = resources.files("catalog_app.resources").joinpath("style.qss")
    app.setStyleSheet(style.read_text(encoding="utf-8"))
    app_settings = AppSettings(QSettings())
    translation.install(app, app_settings.language or translation.system_language())
    controller = make_app(app_settings, operator)
    controller.read_only = read_only
    default = settings.default_catalogue()
    root = catalogue or app_settings.last_catalogue or default
    fallback = [default] if root != default else []

    def opened(ok: bool) -> None:
        if ok:
            return
        if fallback and controller.open(fallback.pop(), create=True):
            return
        app.exit(3)

    controller.opened.connect(opened)
    if not controller.open(root, create=root == default) and not (
            fallback and controller.open(fallback.pop(), create=True)):
        return 3
    code = app.exec()
    controller.close_window()
    # The event loop has ended and no window is left: let the database threads close their
    # connections (the catalogue is closed on the thread that used it).
    for pool in controller.findChildren(type(controller.background.pool)):
        pool.waitForDone(SHUTDOWN_WAIT_MS)
    return code

