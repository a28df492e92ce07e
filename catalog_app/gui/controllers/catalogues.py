"""Opening catalogues (one window at a time), the first start, and what outlives a window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
)

from catalog_app import settings
from catalog_app.core.layout import DB_NAME
from catalog_app.core.lock import WindowLock
from catalog_app.core.models import Actor, PhotoFilter
from catalog_app.db.catalogue import Catalogue, cannot_be_written
from catalog_app.errors import CatalogueError, CatalogueMissing, CatalogueReadOnly
from catalog_app.gui import translation
from catalog_app.gui.controllers import fill
from catalog_app.gui.controllers.workspace import Workspace
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.settings_store import AppSettings
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.views.about import about_text, about_title
from catalog_app.gui.views.main_window import MainWindow
from catalog_app.services.demo import apply_mission, sample_mission

Notify = Callable[[str, str], None]
Ask = Callable[[str, str], bool]
Compose = Callable[[CatalogueSession, "AppController"], Workspace]
SLOW_OPEN_NOTE_MS = 300


@dataclass
class _Switch:
    """A language switch under way: the window closing, then the same catalogue reopened in
    `language` with what the window showed."""

    workspace: Workspace
    language: str  # the setting: "" for the system's language
    root: Path
    read_only: bool
    collection: str
    spec: PhotoFilter
    selected: list[int]
    quits: bool = True  # the application's quitOnLastWindowClosed, put back once reopened


class AppController(QObject):
    """Opens catalogues in the window (off the GUI thread), closes them, offers the demo."""

    opened = Signal(bool)  # an open() ended: the window shows it (True) or it was refused

    def __init__(self, app_settings: AppSettings, compose: Compose, operator: str | None = None,
                 notify: Notify | None = None, ask: Ask | None = None,
                 workers: int | None = None) -> None:
        super().__init__()
        self.settings = app_settings
        self._compose = compose
        self._operator = operator
        self.notify = notify or (
            lambda title, text: QMessageBox.warning(self.window, title, text))
        self.ask = ask or (lambda title, text: QMessageBox.question(self.window, title, text)
                           == QMessageBox.StandardButton.Yes)
        self.workers = workers
        self.workspace: Workspace | None = None
        self._closing: set[Workspace] = set()  # windows finishing their work before closing
        self._opening = False
        self.dialog_shown: QFileDialog | None = None  # the last folder dialog (tests use it)
        self.read_only = False  # open every catalogue read-only (catalog-app --read-only)
        self._after_open: Callable[[Workspace], object] | None = None
        self._switch: _Switch | None = None  # a language switch waiting for the window to close
        thumb_pool = QThreadPool(self)
        thumb_pool.setMaxThreadCount(2)
        self.thumbnail_runner = TaskRunner(thumb_pool, self)
        pool = QThreadPool(self)
        pool.setMaxThreadCount(2)
        self.background = TaskRunner(pool, self)  # previews, places, opening catalogues

    @property
    def window(self) -> MainWindow | None:
        return self.workspace.window if self.workspace else None

    @property
    def session(self) -> CatalogueSession | None:
        return self.workspace.session if self.workspace else None

    @property
    def idle(self) -> bool:
        """No window is finishing work, no catalogue is opening or closing."""
        return not (self._opening or self._closing)

    def actor(self) -> Actor:
        return settings.actor(self._operator or self.settings.operator or None)

    # -- opening -------------------------------------------------------------------------
    def open(self, root: Path, create: bool = False, read_only: bool = False) -> bool:
        """Start opening the catalogue in `root`; `opened` says how it ended. False at once
        (with the reason said) when it cannot even start; the old window stays until the new
        catalogue is open. Read-only when asked, or by itself on read-only media: the
        window then browses and verifies, and every editing control says why it is off."""
        if self._opening:
            return False
        root = Path(root).expanduser().absolute()
        lock = WindowLock(root)
        try:
            if not (root / DB_NAME).is_file():
                if not create:
                    raise CatalogueMissing(fill(self.tr(
                        "There is no catalogue at %1 (was a disk removed?); choose another "
                        "with File > Open catalogue, or create one with File > New."), root))
                try:
                    root.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise CatalogueReadOnly(fill(
                        self.tr("The catalogue folder %1 cannot be created (%2)."), root,
                        exc.strerror)) from exc
            lock.acquire()
        except CatalogueError as exc:
            lock.release()
            self.notify(self.tr("The catalogue cannot be opened"), str(exc))
            return False
        self._opening = True
        # A schema update and its backup can take seconds on a large catalogue: it runs on a
        # worker thread, with a note if it takes long.
        note = QProgressDialog(self.window)
        note.setLabelText(fill(self.tr("Opening %1 (updating its schema after a backup)…"),
                               root))
        note.setCancelButton(None)  # no button: opening cannot be stopped
        note.setRange(0, 0)
        note.setWindowTitle(self.tr("Opening the catalogue"))
        note.setMinimumDuration(SLOW_OPEN_NOTE_MS)

        def done(catalogue: Catalogue) -> None:
            note.close()
            note.deleteLater()
            self._opening = False
            self.close_window()
            self._show(catalogue, lock)
            self.opened.emit(True)

        def failed(error: BaseException) -> None:
            note.close()
            note.deleteLater()
            self._opening = False
            self._after_open = None
            lock.release()
            text = str(error) if isinstance(error, CatalogueError) else fill(
                self.tr("The catalogue at %1 cannot be opened: %2"), root, error)
            self.notify(self.tr("The catalogue cannot be opened"), text)
            self.opened.emit(False)

        read_only = read_only or self.read_only
        actor = self.actor()

        def opening() -> Catalogue:
            if read_only or ((root / DB_NAME).is_file() and cannot_be_written(root)):
                return Catalogue.open(root, read_only=True)
            return Catalogue.open(root, create=create, actor=actor)

        self.background.run(self, opening, done, failed)
        return True

    def _show(self, catalogue: Catalogue, lock: WindowLock) -> None:
        session = CatalogueSession(catalogue, self.actor(), self)
        workspace = self._compose(session, self)
        workspace.lock = lock
        window = workspace.window
        if catalogue.read_only:
            window.set_read_only(self.tr("on read-only media (or write-protected)")
                                 if catalogue.on_read_only_media else self.tr("open read-only"))
        geometry = self.settings.geometry("main")
        if geometry is not None:
            window.restoreGeometry(geometry)
        else:
            window.resize(1300, 820)
        window.closing.connect(lambda: self._closed(workspace))
        self._fill_recent(workspace)
        self.workspace = workspace
        self.settings.remember_catalogue(catalogue.layout.root)
        window.show()
        after, self._after_open = self._after_open, None
        if after is not None:
            after(workspace)
        else:  # bound to the window: no offer for a window closed meanwhile
            session.read(window, lambda c: c.count_photos(),
                         lambda count: self._offer_sample(workspace, count))

    def _fill_recent(self, workspace: Workspace) -> None:
        menu = workspace.window.recent_menu
        for path in self.settings.recent_catalogues:
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open(p))
        menu.setEnabled(bool(self.settings.recent_catalogues))

    # -- closing -------------------------------------------------------------------------
    def close_window(self) -> None:
        """Close the window: at once when nothing runs; otherwise its jobs are cancelled and
        it closes when they have ended (never waiting here)."""
        workspace = self.workspace
        if workspace is None:
            return
        self.workspace = None
        self._closing.add(workspace)
        workspace.window.close()

    def _closed(self, workspace: Workspace) -> None:
        """The window is closing for good: save its settings, let go of its catalogue."""
        if self.workspace is workspace:
            self.workspace = None
        self._closing.add(workspace)
        window = workspace.window
        switch = self._switch
        if switch is not None and switch.workspace is workspace:
            self._apply_language(switch.language)  # the close went through: switch now
        self.settings.set_geometry("main", window.saveGeometry())
        self.settings.thumbnail_size = workspace.thumbnails.size
        self.settings.sync()
        workspace.thumbnails.stop()
        session = workspace.session
        session.closed.connect(lambda: self._released(workspace))
        session.close()  # on the database thread, after what was queued
        if workspace.lock is not None:
            workspace.lock.release()
            workspace.lock = None
        window.deleteLater()

    def _released(self, workspace: Workspace) -> None:
        self._closing.discard(workspace)
        session = workspace.session
        # Cut the session's connections first: they hold this controller, the session's
        # parent. Dropped inside the session's deletion, the last reference to the controller
        # would delete it, and with it the session a second time (a segfault in the event loop).
        session.closed.disconnect()
        session.deleteLater()
        switch = self._switch
        if switch is not None and switch.workspace is workspace:
            self._switch = None
            self._reopen(switch)

    # -- the language ------------------------------------------------------------------
    def switch_language(self, language: str) -> bool:
        """Speak `language` ("en", "uk", or "" for the system's): the window closes through
        its normal path (which finishes running jobs and asks about what is unsaved), and the
        same catalogue opens again in the new language, read-only if it was, showing the same
        collection, filters and selection. False when the close was refused: the language
        stays as it was. A close that waits for jobs switches when they have ended."""
        workspace = self.workspace
        if self._switch is not None or self._opening:
            return False
        if language == self.settings.language:
            return True  # the language spoken already (its menu entry chosen again)
        if workspace is None:
            self._apply_language(language)
            return True
        window = workspace.window
        collection = window.sidebar.current_key()
        self._switch = _Switch(workspace, language, workspace.session.root,
                               bool(window.read_only), collection,
                               window.filters.spec(collection), window.selected_ids())
        # No window shows between the close and the reopening: the application must not quit
        quits = QApplication.quitOnLastWindowClosed()
        QApplication.setQuitOnLastWindowClosed(False)
        self._switch.quits = quits
        signing = workspace.signing
        if window.close() or workspace.closing or (signing is not None and signing.closing):
            return True  # closed, or closing when its jobs (a time-stamp run) have ended
        self._switch = None  # refused (unsaved signing kept, say): nothing changes
        QApplication.setQuitOnLastWindowClosed(quits)
        window.check_language(self.settings.language)
        return False

    def _apply_language(self, language: str) -> None:
        self.settings.language = language
        self.settings.sync()
        app = QApplication.instance()
        if app is not None:
            translation.install(app, language or translation.system_language())

    def _reopen(self, switch: _Switch) -> None:
        def restore(workspace: Workspace) -> None:
            window, browse = workspace.window, workspace.browse
            steps = ["show", "select"]

            def refreshed() -> None:
                step = steps.pop(0)
                if step == "show":  # the sidebar lists the incidents now: choose as before
                    window.filters.show_spec(switch.spec)
                    window.sidebar.select(switch.collection)  # gone: the window's default
                    browse.refresh()
                else:
                    browse.refreshed.disconnect(refreshed)
                    window.reselect(switch.selected)

            browse.refreshed.connect(refreshed)

        def reopened(_ok: bool) -> None:
            self.opened.disconnect(reopened)
            QApplication.setQuitOnLastWindowClosed(switch.quits)

        self._after_open = restore
        self.opened.connect(reopened)
        if not self.open(switch.root, read_only=switch.read_only):
            self._after_open = None
            self.opened.emit(False)  # no window: whoever runs the application decides

    def new_catalogue(self) -> QFileDialog:
        """Name a new folder for the catalogue (it is made), or choose an empty one."""
        dialog = QFileDialog(self.window, self.tr("New catalogue: name a new folder, or choose "
                                                  "an empty one"))
        dialog.setObjectName("new-catalogue")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("Create"))
        dialog.setLabelText(QFileDialog.DialogLabel.FileName, self.tr("Folder"))
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.selectFile(self.tr("Catalogue"))

        def chosen(paths: list[str]) -> None:
            if paths:
                self.open(Path(paths[0]), create=True)

        dialog.filesSelected.connect(chosen)
        dialog.open()
        self.dialog_shown = dialog
        return dialog

    def open_catalogue(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open a catalogue folder"))
        if folder:
            self.open(Path(folder))

    def open_catalogue_read_only(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window,
                                                  self.tr("Open a catalogue folder read-only"))
        if folder:
            self.open(Path(folder), read_only=True)

    # -- first start ---------------------------------------------------------------------
    def _offer_sample(self, workspace: Workspace, count: int) -> None:
        sample = sample_mission()
        if count or sample is None or self.settings.sample_offered \
                or self.workspace is not workspace:
            return
        self.settings.sample_offered = True
        wanted = self.ask(
            self.tr("Open the demo mission?"),
            self.tr("This catalogue is empty. Open a demo mission to see how catalog_app works? "
                    "It holds made-up photos, each marked DEMO, in a catalogue of its own; your "
                    "catalogue stays as it is."))
        if not wanted:
            return
        actor = self.actor()
        self._after_open = lambda ws: ws.importer.start(
            [str(sample)], lambda catalogue: apply_mission(catalogue, actor))
        if not self.open(settings.demo_catalogue(), create=True):
            self._after_open = None

    # -- settings and help ---------------------------------------------------------------
    def set_operator(self) -> None:
        name, ok = QInputDialog.getText(self.window, self.tr("Operator name"),
                                        self.tr("Name recorded with everything you do:"),
                                        text=self.actor().operator)
        if ok and name.strip():
            self.settings.operator = name
            self._operator = None
            if self.session is not None:
                self.session.actor = self.actor()

    def about(self) -> None:
        QMessageBox.about(self.window, about_title(), about_text())
