"""Screenshots of File > Sign changes with a key and of the status bar while the window signs.

Run under a display (xvfb-run -a python docs/screenshots/make_signing_screenshots.py OUT_DIR);
it makes the demo catalogue and a protected key in a temporary folder, signs in the window
(the passphrase typed into the dialog) and saves a caption change.
"""

from __future__ import annotations

import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from catalog_app.cli import main as cli_main
from catalog_app.core import keys
from catalog_app.gui.app import make_app
from catalog_app.gui.settings_store import AppSettings


def wait(app: QApplication, done, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication) -> None:
    for _ in range(50):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="signing-shots-"))
    root = work / "demo"
    assert cli_main(["--catalogue", str(root), "--operator", "ana", "demo"]) == 0
    key = work / "keys" / "ana.key"
    keys.make_key(key, b"a long passphrase for the screenshot")
    app = QApplication.instance() or QApplication(sys.argv)
    style = resources.files("catalog_app.resources").joinpath("style.qss")
    app.setStyleSheet(style.read_text(encoding="utf-8"))  # as run_app does
    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    controller = make_app(settings, "ana", notify=lambda *_: None, ask=lambda *_: True)
    controller.open(root)
    wait(app, lambda: controller.workspace is not None)
    workspace = controller.workspace
    assert workspace is not None and workspace.signing is not None
    window = workspace.window
    window.resize(1500, 1000)
    window.show()
    wait(app, lambda: not workspace.browse.refreshing and window.model.rowCount() > 0)

    signing = workspace.signing
    dialog = signing.choose_key()
    assert dialog is not None
    dialog.key.setText(str(key))
    QTest.keyClicks(dialog.passphrase, "a long passphrase for the screenshot")
    settle(app)
    dialog.grab().save(str(out / "signing-dialog.png"))
    dialog.sign_button.click()  # not registered yet: registered (ask says yes), then signing
    wait(app, lambda: signing.key is not None)

    shown: list[int] = []
    workspace.inspect.photo_shown.connect(shown.append)
    window.grid.setCurrentIndex(window.model.index(4))
    wait(app, lambda: bool(shown))
    wait(app, lambda: not workspace.session.busy)
    inspector = window.inspector
    inspector.caption.setPlainText(inspector.caption.toPlainText() + " Signed by Ana.")
    inspector.save_caption.click()
    wait(app, lambda: not workspace.session.busy)
    settle(app)
    status = window.statusBar()
    status.grab().save(str(out / "signing-status-bar.png"))
    controller.close_window()
    wait(app, lambda: controller.idle, 60)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
