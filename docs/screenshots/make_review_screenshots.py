"""Screenshots of the review workflows (issue 15) from the demo mission, at 1280×800 and
1920×1080: the grid with badges and day headers, the review queues in the sidebar, the
duplicate review's grid and the custody log viewer.

Run under a display (xvfb-run -a -s "-screen 0 1920x1080x24" python
docs/screenshots/make_review_screenshots.py OUT_DIR); it makes the demo catalogue in a
temporary folder, flags and keywords a few photos and archives an incident first.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from window_session import demo_catalogue, open_window, wait

from catalog_app.core.models import Flag, Incident

SIZES = ((1280, 800), (1920, 1080))


def settle(app: QApplication, workspace, rounds: int = 80) -> None:
    wait(app, lambda: not workspace.session.busy and not workspace.browse.refreshing)
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work, root = demo_catalogue("review-shots-")
    app, controller, workspace = open_window(work, root, "oleh")
    window, catalogue, actor = workspace.window, workspace.session.catalogue, \
        workspace.session.actor
    settle(app, workspace)
    ids = [window.model.photo_id(r) for r in range(window.model.rowCount())]
    catalogue.set_flag(ids[1:3], Flag.GRAPHIC, True, actor)
    catalogue.set_flag(ids[4:5], Flag.RESTRICTED, True, actor)
    catalogue.set_flag(ids[6:8], Flag.CAPTION_REVIEW, True, actor)
    catalogue.change_keywords(ids[0:5], ["church"], [], actor)
    catalogue.change_keywords(ids[3:9], ["crater"], [], actor)
    old = catalogue.add_incident(Incident(0, "Checkpoint, first report (superseded)"), actor)
    catalogue.tag(ids[-2:], old, actor)
    catalogue.edit_incident(old, {"archived": 1}, actor)
    workspace.browse.refresh()
    settle(app, workspace)
    window.order.by_day.setChecked(True)
    for width, height in SIZES:
        window.resize(width, height)
        window.sidebar.select("all")
        settle(app, workspace, 150)  # thumbnails decode off the GUI thread
        window.grab().save(str(out / f"review-grid-{width}x{height}.png"))
        window.sidebar.select("graphic")
        settle(app, workspace, 100)
        bar = window.sidebar.verticalScrollBar()
        bar.setValue(bar.maximum())  # the keywords, cameras and archived incidents
        settle(app, workspace, 20)
        window.grab().save(str(out / f"review-queues-{width}x{height}.png"))
        window.sidebar.select("duplicates")
        wait(app, lambda: len(window.duplicates.cards) >= 2)
        settle(app, workspace, 150)
        window.grab().save(str(out / f"duplicates-grid-{width}x{height}.png"))
        viewer = workspace.log_viewer.open()
        viewer.resize(width - 100, height - 120)
        settle(app, workspace, 100)
        viewer.grab().save(str(out / f"log-viewer-{width}x{height}.png"))
        viewer.close()
    window.sidebar.select("all")
    controller.close_window()
    wait(app, lambda: controller.idle)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
