"""Screenshots of File > Sign changes with a key and of the status bar while the window signs.

Run under a display (xvfb-run -a python docs/screenshots/make_signing_screenshots.py OUT_DIR);
it makes the demo catalogue and a protected key in a temporary folder, signs in the window
(the passphrase typed into the dialog) and saves a caption change.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_session import demo_catalogue, open_window, wait

from catalog_app.core import keys


def settle(app: QApplication) -> None:
    for _ in range(50):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work, root = demo_catalogue("signing-shots-")
    key = work / "keys" / "ana.key"
    keys.make_key(key, b"a long passphrase for the screenshot")
    app, controller, workspace = open_window(work, root, "ana", ask=True, size=(1500, 1000))
    assert workspace.signing is not None
    window = workspace.window

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
