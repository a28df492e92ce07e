"""Composition root: builds the catalogue session and services and hands them to the window."""

from __future__ import annotations

import platform
import sqlite3
import sys
import threading
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QEventLoop,
    QObject,
    QSettings,
    QThreadPool,
    QTimer,
    Signal,
    qVersion,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
)

from catalog_app import APP_NAME, __version__, settings
from catalog_app.core.layout import DB_NAME
from catalog_app.core.lock import WindowLock
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import CatalogueError, CatalogueMissing, CatalogueReadOnly
from catalog_app.export.selection import Selection
from catalog_app.export.tables import FileExport, export_file
from catalog_app.gui.exporting import ExportController
from catalog_app.gui.exporting import run_with_dialog as run_export
from catalog_app.gui.importing import ImportController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.settings_store import AppSettings
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.thumbnails import ThumbnailLoader
from catalog_app.gui.verifying import VerifyController, run_with_dialog
from catalog_app.gui.views.main_window import MainWindow
from catalog_app.services.demo import apply_mission, sample_mission

Notify = Callable[[str, str], None]
Ask = Callable[[str, str], bool]


class AppController(QObject):
    """Opens catalogues (one window at a time) and owns what outlives a window."""

    file_exported = Signal(object)  # FileExport

    def __init__(self, app_settings: AppSettings, operator: str | None = None,
                 notify: Notify | None = None, ask: Ask | None = None,
                 workers: int | None = None) -> None:
        super().__init__()
        self.settings = app_settings
        self._operator = operator
        self.notify = notify or (
            lambda title, text: QMessageBox.warning(self.window, title, text))
        self.ask = ask or (lambda title, text: QMessageBox.question(self.window, title, text)
                           == QMessageBox.StandardButton.Yes)
        self.workers = workers
        self.window: MainWindow | None = None
        self.session: CatalogueSession | None = None
        self.importer: ImportController | None = None
        self._lock: WindowLock | None = None
        self.verifier: VerifyController | None = None
        self.exporter: ExportController | None = None
        self.export_dialog = None  # the open export dialog, for tests and screenshots
        self._thumb_pool = QThreadPool(self)
        self._thumb_pool.setMaxThreadCount(2)
        preview_pool = QThreadPool(self)
        preview_pool.setMaxThreadCount(2)
        self.previews = TaskRunner(preview_pool, self)

    def actor(self):
        return settings.actor(self._operator or self.settings.operator or None)

    # -- opening -------------------------------------------------------------------------
    def open(self, root: Path, create: bool = False) -> bool:
        """Open the catalogue in `root` in the window; on failure say why and keep the old one."""
        root = Path(root).expanduser().absolute()
        lock = WindowLock(root)
        try:
            if not (root / DB_NAME).is_file():
                if not create:
                    raise CatalogueMissing(
                        f"There is no catalogue at {root} (was a disk removed?); choose "
                        "another with File > Open catalogue, or create one with File > New.")
                try:
                    root.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise CatalogueReadOnly(
                        f"The catalogue folder {root} cannot be created ({exc.strerror})."
                    ) from exc
            lock.acquire()
            catalogue = self._open_off_thread(root, create)
        except CatalogueError as exc:
            lock.release()
            self.notify("The catalogue cannot be opened", str(exc))
            return False
        self.close_window()
        self._lock = lock
        self._show(catalogue)
        return True

    def _open_off_thread(self, root: Path, create: bool) -> Catalogue:
        """Catalogue.open on a worker thread (a schema update and its backup can take seconds
        on a large catalogue); the event loop keeps running, with a note if it takes long."""
        result: dict[str, object] = {}

        def work() -> None:
            try:
                result["catalogue"] = Catalogue.open(root, create=create)
            except BaseException as exc:  # handed back to this thread below
                result["error"] = exc

        thread = threading.Thread(target=work, name="open-catalogue", daemon=True)
        thread.start()
        thread.join(0.1)
        if thread.is_alive():
            note = QProgressDialog(f"Opening {root} (updating its schema after a backup)…",
                                   None, 0, 0, self.window)
            note.setWindowTitle("Opening the catalogue")
            note.setMinimumDuration(300)
            loop = QEventLoop()
            timer = QTimer(interval=20)
            timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
            timer.start()
            loop.exec()
            timer.stop()
            note.close()
        thread.join()
        if "error" in result:
            raise result["error"]  # type: ignore[misc]
        return result["catalogue"]  # type: ignore[return-value]

    def _show(self, catalogue: Catalogue) -> None:
        actor = self.actor()
        self.session = CatalogueSession(catalogue, actor, self)
        self.importer = ImportController(catalogue.layout.root, actor, self.workers, self)
        loader = ThumbnailLoader(catalogue.layout.root, self._thumb_pool,
                                 self.settings.thumbnail_size, self)
        window = MainWindow(self.session, self.importer, self.previews, loader, self._menus)
        loader.setParent(window)  # its pixmaps go with the window
        geometry = self.settings.geometry("main")
        if geometry is not None:
            window.restoreGeometry(geometry)
        else:
            window.resize(1300, 820)
        window.closing.connect(lambda: self._save_window(window))
        self.window = window
        self.settings.remember_catalogue(catalogue.layout.root)
        window.show()
        self.session.read(lambda c: c.count_photos(), self._offer_sample)

    def close_window(self) -> None:
        if self.verifier is not None:
            self.verifier.wait()
        if self.window is not None:
            window, self.window = self.window, None
            window.close()
            window.thumbnails.stop()
            self.previews.forget_pending()
            self._thumb_pool.waitForDone(5000)
            window.deleteLater()
        if self.session is not None:
            self.session.close()
            self.session = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _save_window(self, window: MainWindow) -> None:
        self.settings.set_geometry("main", window.saveGeometry())
        self.settings.thumbnail_size = window.thumbnails.size
        self.settings.sync()

    # -- first start ---------------------------------------------------------------------
    def _offer_sample(self, count: int) -> None:
        sample = sample_mission()
        if count or sample is None or self.settings.sample_offered:
            return
        self.settings.sample_offered = True
        wanted = self.ask(
            "Open the demo mission?",
            "This catalogue is empty. Open a demo mission to see how catalog_app works? It holds "
            "made-up photos, each marked DEMO, in a catalogue of its own; your catalogue stays "
            "as it is.")
        if wanted and self.open(settings.demo_catalogue(), create=True) and self.window:
            actor = self.actor()
            self.window.start_import([str(sample)],
                                     lambda catalogue: apply_mission(catalogue, actor))

    # -- menus ---------------------------------------------------------------------------
    def _menus(self, window: MainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        bar.insertMenu(bar.actions()[0], file_menu)
        file_menu.addAction("&New catalogue…", self._new_catalogue)
        file_menu.addAction("&Open catalogue…", self._open_catalogue, "Ctrl+O")
        recent = file_menu.addMenu("Open &recent")
        for path in self.settings.recent_catalogues:
            recent.addAction(str(path), lambda p=path: self.open(p))
        recent.setEnabled(bool(self.settings.recent_catalogues))
        file_menu.addSeparator()
        file_menu.addAction(window.import_action)
        file_menu.addAction(window.import_folder_action)
        file_menu.addAction("&Verify catalogue…", self.verify)
        file_menu.addSeparator()
        file_menu.addAction("&Export gallery…", lambda: self.export("gallery"), "Ctrl+E")
        file_menu.addAction("Export evidence &package…", lambda: self.export("package"),
                            "Ctrl+Shift+E")
        for kind, label in (("geojson", "Export positions as &GeoJSON…"),
                            ("kml", "Export positions as &KML…"),
                            ("csv", "Export the catalogue as a CSV &table…")):
            file_menu.addAction(label, lambda k=kind: self._ask_file(k))
        file_menu.addSeparator()
        file_menu.addAction("&Quit", window.close, "Ctrl+Q")
        settings_menu = bar.addMenu("&Settings")
        settings_menu.addAction("&Operator name…", self._set_operator)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction("&About catalog_app", self._about)

    def verify(self) -> None:
        """Re-hash every original and check the record, with a progress dialog."""
        if self.window is None or self.session is None:
            return
        if self.verifier is None or self.verifier.root != self.session.root:
            self.verifier = VerifyController(self.session.root, self.actor(), self)
        run_with_dialog(self.window, self.verifier)

    def export(self, kind: str) -> None:
        """Ask what to export (gallery or package) and run it with progress."""
        if self.window is None or self.session is None:
            return
        if self.exporter is None or self.exporter.root != self.session.root:
            self.exporter = ExportController(self.session.root, self.actor(), self)
        window, exporter = self.window, self.exporter
        selected = window.selected_ids()
        self.session.read(lambda c: c.incidents(), lambda incidents: setattr(
            self, "export_dialog",
            run_export(window, exporter, incidents, selected, kind)))

    def _ask_file(self, kind: str) -> None:
        if self.window is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.window, f"Export {kind.upper()}",
                                              f"catalogue.{kind}")
        if path:
            self.export_file(kind, Path(path))

    def export_file(self, kind: str, path: Path) -> None:
        """Write positions or the table on the database thread (restricted photos withheld)."""
        if self.window is None or self.session is None:
            return
        window, actor = self.window, self.actor()

        def done(made: FileExport) -> None:
            withheld = f"; {made.withheld} restricted withheld" if made.withheld else ""
            window.statusBar().showMessage(
                f"Wrote {made.photos} photo(s) to {made.path}{withheld}.", 10000)
            self.file_exported.emit(made)

        self.session.read(lambda c: export_file(c, kind, path, Selection(), actor), done,
                          lambda error: window.statusBar().showMessage(str(error), 15000))

    def _new_catalogue(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window,
                                                  "Choose an empty folder for the catalogue")
        if folder:
            self.open(Path(folder), create=True)

    def _open_catalogue(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open a catalogue folder")
        if folder:
            self.open(Path(folder))

    def _set_operator(self) -> None:
        name, ok = QInputDialog.getText(self.window, "Operator name",
                                        "Name recorded with everything you do:",
                                        text=self.actor().operator)
        if ok and name.strip():
            self.settings.operator = name
            self._operator = None
            if self.session and self.importer:
                self.session.actor = self.importer.actor = self.actor()

    def _about(self) -> None:
        QMessageBox.about(self.window, "About catalog_app", about_text())


def about_text() -> str:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return (f"<b>catalog_app {__version__}</b><br>A catalogue of evidence photos for field "
            f"teams.<br><br>Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {pyside_version}<br>Pillow {version('Pillow')} · exifread "
            f"{version('exifread')} · imagehash {version('imagehash')} · pillow-heif "
            f"{version('pillow-heif')} · SQLite {sqlite3.sqlite_version}")


def run_app(catalogue: Path | None, operator: str | None) -> int:
    """Start the application on `catalogue`, else the last one used, else the default."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    style = resources.files("catalog_app.resources").joinpath("style.qss")
    app.setStyleSheet(style.read_text(encoding="utf-8"))
    app_settings = AppSettings(QSettings())
    controller = AppController(app_settings, operator)
    default = settings.default_catalogue()
    root = catalogue or app_settings.last_catalogue or default
    opened = controller.open(root, create=root == default) or (
        root != default and controller.open(default, create=True))
    if not opened:
        return 3
    code = app.exec()
    controller.close_window()
    return code
