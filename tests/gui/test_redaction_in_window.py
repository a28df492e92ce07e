"""Redaction in the viewer: draw a region with the mouse, undo and redo it, export it hidden."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from catalog_app.core.models import ExportKind
from catalog_app.core.redaction import Method, Region, Shape, Status
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers.redaction import RedactionController
from catalog_app.services.demo import apply_mission, sample_mission
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.gui.conftest import open_window, settle
from tests.gui.test_export_dialog import open_dialog, result_text
from tests.support.gallery_names import tokens


@pytest.fixture
def demo_root(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(sample_mission())], ACTOR, workers=0).run())
        apply_mission(catalogue, ACTOR)
    return root


def _published_photo(root: Path) -> int:
    with Catalogue.open(root) as catalogue:
        return next(p.id for p in catalogue.photos() if p.incident and not p.restricted
                    and not p.graphic and p.duplicate_of is None)


def _open_viewer(qtbot, workspace, photo_id: int):
    window = workspace.window
    row = next(r for r in range(window.model.rowCount()) if window.model.photo_id(r) == photo_id)
    window.grid.setCurrentIndex(window.model.index(row))
    redactor = window.findChild(RedactionController)
    with qtbot.waitSignal(redactor.shown, timeout=20000,
                          check_params_cb=lambda pid: pid == photo_id):
        window.view_action.trigger()
    return window.viewer, redactor


def _drag(qtbot, overlay, a: tuple[float, float], b: tuple[float, float]) -> None:
    rect = overlay.photo_rect
    start = QPoint(round(rect.x() + a[0] * rect.width()), round(rect.y() + a[1] * rect.height()))
    end = QPoint(round(rect.x() + b[0] * rect.width()), round(rect.y() + b[1] * rect.height()))
    qtbot.mousePress(overlay, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(overlay, end)
    qtbot.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=end)


def _centre_level(path: Path) -> float:
    with Image.open(path) as image:
        w, h = image.size
        return float(np.asarray(image.convert("L").crop((int(w * .4), int(h * .4), int(w * .6),
                                                           int(h * .6)))).mean())


def test_draw_a_region_undo_redo_and_export_it_hidden(qtbot, controller, demo_root,
                                                      tmp_path) -> None:
    photo_id = _published_photo(demo_root)
    workspace = open_window(qtbot, controller, demo_root, create=False)
    viewer, redactor = _open_viewer(qtbot, workspace, photo_id)
    qtbot.keyClick(viewer, Qt.Key.Key_F)  # solid fill
    qtbot.keyClick(viewer, Qt.Key.Key_E)  # ellipse
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        _drag(qtbot, viewer.overlay, (0.25, 0.25), (0.75, 0.75))
    [region] = viewer.overlay.regions
    assert (region.shape, region.method, region.status) == (Shape.ELLIPSE, Method.FILL,
                                                            Status.CONFIRMED)
    assert region.x == pytest.approx(0.25, abs=0.01) and region.w == pytest.approx(0.5, abs=0.01)
    shown = viewer._pixmap.toImage()  # the effect: the centre is filled
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).value() < 10

    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert viewer.overlay.regions == ()
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    assert len(viewer.overlay.regions) == 1
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    settle(qtbot, workspace)
    listed = workspace.window.inspector.fields["redactions"]
    qtbot.waitUntil(lambda: "ellipse" in listed.text(), timeout=20000)
    assert listed.text().endswith(": fill")  # the inspector lists the region

    dialog = open_dialog(qtbot, workspace, ExportKind.GALLERY)
    dialog.out.setText(str(tmp_path / "site"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000):
        dialog.export_button.click()
    qtbot.waitUntil(lambda: "The gallery is in" in result_text(workspace.window))
    token = tokens(demo_root, tmp_path / "site")[photo_id]
    assert _centre_level(tmp_path / "site" / "images" / f"{token}.jpg") < 8
    assert _centre_level(tmp_path / "site" / "thumbs" / f"{token}.jpg") < 8
    with Catalogue.open(demo_root) as catalogue:
        actions = [e.action for e in catalogue.custody_log(photo_id)]
        assert actions.count("redaction-added") == 2 and "redaction-removed" in actions
        assert catalogue.state_check().problems == []


def test_a_proposed_region_is_dashed_until_confirmed_with_enter(qtbot, controller, demo_root
                                                               ) -> None:
    photo_id = _published_photo(demo_root)
    with Catalogue.open(demo_root) as catalogue:
        catalogue.add_redaction(photo_id, Region(Shape.RECTANGLE, 0.1, 0.1, 0.3, 0.3,
                                                 Method.BLUR, Status.PROPOSED), ACTOR)
    workspace = open_window(qtbot, controller, demo_root, create=False)
    viewer, redactor = _open_viewer(qtbot, workspace, photo_id)
    [proposed] = viewer.overlay.regions
    assert not proposed.applied and viewer.confirm_button.isEnabled()
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_Return)
    [confirmed] = viewer.overlay.regions
    assert confirmed.applied and not viewer.confirm_button.isEnabled()
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not viewer.overlay.regions[0].applied  # undone: proposed again
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_Delete)  # dismissed
    assert viewer.overlay.regions == ()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    settle(qtbot, workspace)


def test_the_method_of_the_selected_region_changes_and_changes_back(qtbot, controller,
                                                                    demo_root) -> None:
    photo_id = _published_photo(demo_root)
    workspace = open_window(qtbot, controller, demo_root, create=False)
    viewer, redactor = _open_viewer(qtbot, workspace, photo_id)
    qtbot.keyClick(viewer, Qt.Key.Key_B)  # nothing selected: the method of the next region
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_N)  # a region in the middle, by the keyboard
    [drawn] = viewer.overlay.regions
    assert drawn.method is Method.BLUR and viewer.overlay.selected == drawn.id
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_P)  # the selected region is pixelated instead
    [changed] = viewer.overlay.regions
    assert changed.method is Method.PIXELATE and changed.box((100, 100)) == drawn.box((100, 100))
    with qtbot.waitSignal(redactor.shown, timeout=20000):
        qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.method for r in viewer.overlay.regions] == [Method.BLUR]
    _drag(qtbot, viewer.overlay, (0.02, 0.02), (0.02, 0.02))  # a click beside it
    assert viewer.overlay.selected is None
    viewer.method_box.showPopup()  # a click on the method list takes no focus
    viewer.method_box.hidePopup()
    qtbot.keyClick(viewer.focusWidget() or viewer, Qt.Key.Key_Tab)  # the next region
    assert viewer.overlay.selected == viewer.overlay.regions[0].id
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    settle(qtbot, workspace)
    with Catalogue.open(demo_root) as catalogue:
        assert catalogue.state_check().problems == []


def _box(region: Region) -> tuple[float, float, float, float]:
    return region.x, region.y, region.w, region.h


def test_move_and_resize_the_selected_region_by_the_mouse_undo_and_redo(qtbot, controller,
                                                                       demo_root) -> None:
    from PySide6.QtCore import QPointF

    photo_id = _published_photo(demo_root)
    with Catalogue.open(demo_root) as catalogue:
        catalogue.add_redaction(photo_id, Region(Shape.RECTANGLE, 0.2, 0.2, 0.2, 0.2,
                                                 Method.FILL), ACTOR)
    workspace = open_window(qtbot, controller, demo_root, create=False)
    viewer, redactor = _open_viewer(qtbot, workspace, photo_id)
    overlay = viewer.overlay
    [drawn] = overlay.regions
    _drag(qtbot, overlay, (0.3, 0.3), (0.3, 0.3))  # a click on it selects it
    assert overlay.selected == drawn.id
    rect = overlay.to_widget(drawn)
    assert overlay.edges_at(rect.bottomRight()) == (0, 0, 1, 1)  # its bottom-right handle
    assert overlay.edges_at(rect.center()) == (1, 1, 1, 1)  # inside: a move
    assert overlay.edges_at(QPointF(rect.right() + 40, rect.bottom() + 40)) is None  # draws

    with qtbot.waitSignal(redactor.shown, timeout=20000):
        _drag(qtbot, overlay, (0.3, 0.3), (0.6, 0.4))  # moved right and down
    [moved] = overlay.regions
    assert (moved.x, moved.y) == (pytest.approx(0.5, abs=0.01), pytest.approx(0.3, abs=0.01))
    assert (moved.w, moved.h, moved.method) == (drawn.w, drawn.h, Method.FILL)  # same size
    assert overlay.selected == moved.id  # it stays selected for the next change

    with qtbot.waitSignal(redactor.shown, timeout=20000):
        _drag(qtbot, overlay, (0.7, 0.5), (0.9, 0.7))  # by its bottom-right handle
    [resized] = overlay.regions
    assert (resized.x, resized.y) == (moved.x, moved.y)  # the other corner stays put
    assert (resized.w, resized.h) == (pytest.approx(0.4, abs=0.01),
                                      pytest.approx(0.4, abs=0.01))
    with Catalogue.open(demo_root) as catalogue:
        [stored] = catalogue.redactions([photo_id])[photo_id]
        assert stored.values() == resized.values()

    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.ShiftModifier)
    for keys, expected in ((undo, moved), (undo, drawn), (redo, moved)):
        with qtbot.waitSignal(redactor.shown, timeout=20000):
            qtbot.keyClick(viewer, *keys)
        [now] = overlay.regions
        assert _box(now) == _box(expected)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    settle(qtbot, workspace)
    with Catalogue.open(demo_root) as catalogue:
        removed = [e.details for e in catalogue.custody_log(photo_id)
                   if e.action == "redaction-removed"]
        assert [d["reason"] for d in removed] == ["moved", "resized", "resized back",
                                                  "moved back", "moved"]
        assert [d["region"]["x"] for d in removed] == [drawn.x, moved.x, resized.x, moved.x,
                                                       drawn.x]
        [stored] = catalogue.redactions([photo_id])[photo_id]
        assert _box(stored) == _box(moved)
        assert catalogue.state_check().problems == []
