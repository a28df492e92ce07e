"""Screenshots of the inspector's history and File > Verify's report, from the demo mission.

Run under a display (xvfb-run -a python docs/screenshots/make_history_screenshots.py OUT_DIR);
it makes the demo catalogue in a temporary folder, edits a caption in the window, tampers one
original and verifies from the window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from window_session import demo_catalogue, open_window, wait


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work, root = demo_catalogue("history-shots-")
    app, controller, workspace = open_window(work, root, "oleh", size=(1500, 1000))
    window = workspace.window
    shown: list[int] = []
    previews: list[int] = []
    workspace.inspect.history_shown.connect(shown.append)
    workspace.inspect.preview_shown.connect(previews.append)
    window.grid.setCurrentIndex(window.model.index(4))
    wait(app, lambda: bool(shown) and bool(previews))
    inspector = window.inspector
    inspector.caption.setPlainText(inspector.caption.toPlainText()
                                   + " Photographed from the northern edge at first light.")
    shown.clear()
    previews.clear()
    inspector.save_caption.click()
    wait(app, lambda: bool(shown) and bool(previews))  # the photo is shown again, whole
    wait(app, lambda: not workspace.session.busy)  # a refresh after the save may show it anew
    wait(app, lambda: not inspector.preview.pixmap().isNull())
    inspector.verticalScrollBar().setValue(inspector.verticalScrollBar().maximum())
    for _ in range(50):
        app.processEvents()
    window.grab().save(str(out / "inspector-history.png"))
    inspector.open_history.click()
    for _ in range(50):
        app.processEvents()
    inspector.history_window.grab().save(str(out / "history-window.png"))
    inspector.history_window.close()

    photo = workspace.session.catalogue.photo(window.model.photo_id(2))
    stored = workspace.session.catalogue.layout.resolve(photo.stored_path)
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0x01
    stored.write_bytes(bytes(data))
    dialogs: list = []
    workspace.verifier.report_shown.connect(dialogs.append)
    window.verify_action.trigger()
    wait(app, lambda: bool(dialogs), 120)
    for _ in range(50):
        app.processEvents()
    dialogs[0].grab().save(str(out / "verify-report.png"))
    dialogs[0].close()
    controller.close_window()
    wait(app, lambda: controller.idle, 60)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
