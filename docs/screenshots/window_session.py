"""What the screenshot scripts share: the demo catalogue, a styled application, a window on it."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from catalog_app.cli import main as cli_main
from catalog_app.gui.app import make_app
from catalog_app.gui.settings_store import AppSettings


def wait(app: QApplication, done: Callable[[], object], seconds: float = 60.0) -> None:
    """Turn the event loop until `done()` is true (TimeoutError after `seconds`)."""
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def demo_catalogue(prefix: str) -> tuple[Path, Path]:
    """A temporary folder and the demo mission's catalogue made in it by `catalog-app demo`."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    root = work / "demo"
    assert cli_main(["--catalogue", str(root), "--operator", "ana", "demo"]) == 0
    return work, root


def open_window(work: Path, root: Path, operator: str, ask: bool = False,
                size: tuple[int, int] | None = None):
    """The application styled as run_app styles it, and a shown window on `root` once its grid
    has rows: (app, controller, workspace)."""
    app = QApplication.instance() or QApplication(sys.argv)
    style = resources.files("catalog_app.resources").joinpath("style.qss")
    app.setStyleSheet(style.read_text(encoding="utf-8"))  # as run_app does
    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    controller = make_app(settings, operator, notify=lambda *_: None, ask=lambda *_: ask)
    controller.open(root)
    wait(app, lambda: controller.workspace is not None)
    workspace = controller.workspace
    window = workspace.window
    if size is not None:
        window.resize(*size)
    window.show()
    wait(app, lambda: not workspace.browse.refreshing and window.model.rowCount() > 0)
    return app, controller, workspace
