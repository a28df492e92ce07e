"""Screenshots of the viewer's redaction tool and of a redacted photo in the published gallery.

Run under a display (xvfb-run -a python docs/screenshots/make_redaction_screenshots.py OUT_DIR);
it makes the demo catalogue in a temporary folder, draws regions in the viewer (1280 x 800),
selects one (its move and resize handles), drags a handle, exports the gallery and shoots the
photo's page in headless Chromium (tools/gallery_screenshots.py's way).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from catalog_app.core.models import Actor
from catalog_app.core.redaction import Method, Region, Shape, Status
from catalog_app.db.catalogue import Catalogue
from catalog_app.export import folder
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.gui.controllers.redaction import RedactionController

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from window_session import demo_catalogue, open_window, wait

from tools.gallery_screenshots import shoot


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work, root = demo_catalogue("redaction-shots-")
    with Catalogue.open(root) as catalogue:
        photo = next(p for p in catalogue.photos() if p.incident and not p.restricted
                     and not p.graphic and p.duplicate_of is None
                     and "Okhmatdyt" in p.incident[1])
        # a face detector's proposal, waiting for review (dashed)
        catalogue.add_redaction(photo.id, Region(Shape.ELLIPSE, 0.05, 0.2, 0.2, 0.3,
                                                 Method.BLUR, Status.PROPOSED),
                                Actor("face detection", "docs", "docs"))
    app, controller, workspace = open_window(work, root, "oleh", size=(1280, 800))
    window = workspace.window
    row = next(r for r in range(window.model.rowCount()) if window.model.photo_id(r) == photo.id)
    window.grid.setCurrentIndex(window.model.index(row))
    redactor = window.findChild(RedactionController)
    shown: list[int] = []
    redactor.shown.connect(shown.append)
    viewer = window.viewer
    viewer.resize(1280, 800)
    window.view_action.trigger()
    wait(app, lambda: photo.id in shown)
    # the caption strip (a name on a document, say): solid fill; a window row: pixelated
    for method, shape, box in ((Method.FILL, Shape.RECTANGLE, (0.0, 0.93, 0.62, 0.07)),
                               (Method.PIXELATE, Shape.RECTANGLE, (0.36, 0.2, 0.28, 0.18)),
                               (Method.BLUR, Shape.ELLIPSE, (0.7, 0.3, 0.25, 0.35))):
        viewer.overlay.select(None)  # as a click beside the regions: the next one's method
        viewer._choose(viewer.method_box, method)
        viewer._choose(viewer.shape_box, shape)
        shown.clear()
        viewer.overlay.drawn.emit(*box)
        wait(app, lambda: bool(shown) and not workspace.session.busy)
    for _ in range(50):
        app.processEvents()
    viewer.grab().save(str(out / "redaction-tool.png"))
    # the pixelated block selected: its eight handles; then its bottom-right handle dragged
    overlay = viewer.overlay
    rect = overlay.photo_rect

    def at(x: float, y: float) -> QPoint:
        return QPoint(round(rect.x() + x * rect.width()), round(rect.y() + y * rect.height()))

    QTest.mouseClick(overlay, Qt.MouseButton.LeftButton, pos=at(0.5, 0.29))
    for _ in range(20):
        app.processEvents()
    viewer.grab().save(str(out / "redaction-handles.png"))
    QTest.mousePress(overlay, Qt.MouseButton.LeftButton, pos=at(0.64, 0.38))
    QTest.mouseMove(overlay, at(0.7, 0.5))
    for _ in range(20):
        app.processEvents()
    viewer.grab().save(str(out / "redaction-resize.png"))
    shown.clear()
    QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=at(0.7, 0.5))
    wait(app, lambda: bool(shown) and not workspace.session.busy)
    viewer.close()
    wait(app, lambda: not workspace.session.busy)
    controller.close_window()
    wait(app, lambda: controller.idle)

    site = work / "site"
    with Catalogue.open(root) as catalogue:
        list(GalleryExport(catalogue, site, GalleryOptions(
            credit="Demo field team", title="Demo mission, July 2024"),
            Actor("screenshot", "docs", "docs")).run())
        names = folder.NameMap.for_export(catalogue.layout.root, folder.read_marker(site))
        page = site / "photos" / f"{names.token(photo.id)}.html"
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    shoot(browser, page, out / "gallery-redacted-photo.png", "1280,1000", work / "profile")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
