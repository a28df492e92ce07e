"""Drive the real window (run under xvfb-run) and save screenshots of it to docs/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from catalog_app.core.models import ExportKind
from catalog_app.gui import translation
from catalog_app.gui.app import make_app
from catalog_app.gui.settings_store import AppSettings


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal, ms: int = 20000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("catalogue", type=Path)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--select", type=int, default=5, help="row to select")
    parser.add_argument("--import-from", type=Path, help="also shoot an import in progress")
    parser.add_argument("--language", default="en", choices=["en", "uk"],
                        help="the window's language (files other than English end in -LANG)")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    from importlib import resources

    app.setStyleSheet(resources.files("catalog_app.resources").joinpath("style.qss").read_text())
    translation.install(app, args.language)
    suffix = "" if args.language == "en" else f"-{args.language}"
    settings_file = args.out / ".screenshot-settings.ini"
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.sample_offered = True
    controller = make_app(settings, "screenshot", notify=print, ask=lambda *_: False)
    opening = QEventLoop()
    controller.opened.connect(opening.quit)
    assert controller.open(args.catalogue, create=True)
    opening.exec()
    workspace = controller.workspace
    window = workspace.window
    window.resize(1400, 860)
    wait_for(workspace.browse.refreshed)
    wait(1500)
    args.out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out / f"main-window{suffix}.png"))
    window.grid.setCurrentIndex(window.model.index(args.select))
    wait_for(workspace.inspect.preview_shown)
    wait(800)
    window.grab().save(str(args.out / f"inspector{suffix}.png"))
    if workspace.session.catalogue.count_photos() and not args.import_from:
        window.sidebar.select("duplicates")
        wait_for(workspace.review.loaded)
        window.duplicates.groups.setCurrentRow(0)
        wait(1500)
        window.grab().save(str(args.out / f"duplicates{suffix}.png"))
        window.duplicates.show_differences.setChecked(True)
        wait(2000)
        window.duplicates.grab().save(str(args.out / f"duplicates-differences{suffix}.png"))
    if workspace.session.catalogue.count_photos() and not args.import_from:
        workspace.exporter.export(ExportKind.GALLERY)
        wait(1500)
        dialog = workspace.exporter.dialog
        dialog.credit.setText("Demo field team" if args.language == "en"
                              else "Демонстраційна польова група")
        dialog.out.setText(str(Path.home() / "exports" / "demo-gallery"))
        wait(300)
        dialog.grab().save(str(args.out / f"export-dialog{suffix}.png"))
        dialog.reject()
        incidents = workspace.tagging.incidents
        if incidents:
            editor = workspace.tagging.edit_incident(next(iter(incidents)))
            wait(800)
            editor.grab().save(str(args.out / f"incident-editor{suffix}.png"))
            editor.reject()
    if args.import_from:
        shot = QEventLoop()
        workspace.importer.progress.connect(
            lambda e: e.total and e.done >= e.total // 4 and shot.quit())
        workspace.importer.start([str(args.import_from)])
        shot.exec()
        wait(300)  # let the panel repaint with that event
        window.grab().save(str(args.out / f"import-progress{suffix}.png"))
        wait_for(workspace.importer.finished, 120000)
        wait(500)
    controller.close_window()
    wait(300)  # the catalogue closes on its database thread
    settings_file.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
