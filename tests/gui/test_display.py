"""The window's rough display fixed (#15): no "(s)" plurals, readable camera names with
counts, time labels that fit every thumbnail, a hint on an empty grid, sidebar counts that a
long name never hides (pytest-qt, headless, on three tiny photos)."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionViewItem

import catalog_app
from catalog_app.core.labels import camera_label, make_spellings
from catalog_app.core.models import Camera, Incident
from catalog_app.core.queues import camera_key
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.views.count_delegate import COUNT_ROLE, CountDelegate, fit
from catalog_app.gui.views.main_window import THUMB_SIZES
from catalog_app.gui.views.photo_delegate import LINE_BREAK
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.gui.conftest import open_window, settle

# (size, make, model): a portrait Canon whose model repeats its make, two spellings of CASIO
PHOTOS = (((36, 48), "Canon", "Canon DIGITAL IXUS 40"),
          ((48, 36), "CASIO COMPUTER CO.,LTD", "EX-Z750"),
          ((48, 36), "CASIO COMPUTER CO.,LTD.", "EX-M2"))
LONG_NAME = "Shelling of the central market and the bus station on the northern ring road"


@pytest.fixture(scope="module")
def three_photos(tmp_path_factory) -> Path:
    card = tmp_path_factory.mktemp("display-card")
    for n, (size, make, model) in enumerate(PHOTOS):
        exif = Image.Exif()
        exif[0x010F], exif[0x0110] = make, model
        exif.get_ifd(0x8769)[0x9003] = f"2015:04:10 20:15:0{n}"
        Image.new("RGB", size, (200, 60 * n, 90)).save(card / f"P{n}.JPG", "JPEG", exif=exif)
    root = tmp_path_factory.mktemp("display") / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(card)], ACTOR, workers=0).run())
        incident = catalogue.add_incident(Incident(0, LONG_NAME), ACTOR)
        catalogue.tag([1], incident, ACTOR)
    return root


@pytest.fixture
def ws(qtbot, controller, tmp_path, three_photos):
    root = tmp_path / "cat"
    shutil.copytree(three_photos, root)
    workspace = open_window(qtbot, controller, root, create=False)
    qtbot.waitUntil(lambda: workspace.window.model.rowCount() == 3
                    and workspace.window.filters.camera.count() == 4
                    and bool(workspace.window.sidebar.entries()), timeout=20000)
    settle(qtbot, workspace)
    return workspace


def _literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
    return found


def test_no_message_of_the_window_or_the_cli_says_s_in_brackets() -> None:
    package = Path(catalog_app.__file__).parent
    said = [f"{path.relative_to(package)}: {text!r}"
            for face in ("gui", "cli") for path in sorted((package / face).rglob("*.py"))
            for text in _literals(path) if "(s)" in text]
    assert said == []


def test_tagging_says_how_many_photos_in_words(qtbot, ws) -> None:
    window = ws.window
    selection = window.grid.selectionModel()
    for photo_id in (2, 3):  # the untagged ones
        selection.select(window.model.index(window.model.row_of(photo_id)),
                         QItemSelectionModel.SelectionFlag.Select)
    incident = int(next(k for k, _ in window.sidebar.entries()
                        if k.startswith("incident:")).split(":")[1])
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000) as said:
        ws.tagging.tag_selection(incident)
    assert said.args[0].startswith("2 photos tagged to ")
    assert window.undo_stack.undoText() == "tag 2 photos"
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000) as said:
        window.undo_stack.undo()
    assert said.args[0] == "Undone: 2 photos back in their earlier incident."
    settle(qtbot, ws)
    with qtbot.waitSignal(ws.tagging.changed, timeout=10000) as said:
        ws.tagging.tag(None, [1])
    assert said.args[0] == "1 photo untagged." and window.undo_stack.undoText() == "untag 1 photo"
    settle(qtbot, ws)


def test_camera_names_are_readable_counted_and_whole(qtbot, ws) -> None:
    combo = ws.window.filters.camera
    shown = [combo.itemText(n) for n in range(combo.count())]
    assert shown == ["Any camera", "Canon DIGITAL IXUS 40  (1)", "CASIO EX-M2  (1)",
                     "CASIO EX-Z750  (1)"]
    assert combo.sizeAdjustPolicy() == \
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    assert combo.minimumContentsLength() >= 20
    widest = max(combo.view().fontMetrics().horizontalAdvance(text) for text in shown)
    assert combo.view().minimumWidth() > widest  # the list it opens cuts no name
    with qtbot.waitSignal(ws.browse.refreshed, timeout=10000):
        combo.setCurrentIndex(1)  # filters on the make and model as recorded
    assert ws.window.filters.spec("all").camera == "Canon Canon DIGITAL IXUS 40"
    assert combo.toolTip().endswith(": Canon DIGITAL IXUS 40  (1)")
    assert [ws.window.model.photo_id(r) for r in range(ws.window.model.rowCount())] == [1]
    entries = dict(ws.window.sidebar.entries())
    assert entries[camera_key("Canon", "Canon DIGITAL IXUS 40")] == "Canon DIGITAL IXUS 40  (1)"
    assert entries[camera_key("CASIO COMPUTER CO.,LTD", "EX-Z750")] == "CASIO EX-Z750  (1)"
    assert entries[camera_key("CASIO COMPUTER CO.,LTD.", "EX-M2")] == "CASIO EX-M2  (1)"


def test_camera_label_names_the_make_once_in_one_spelling() -> None:
    assert camera_label(Camera("NIKON CORPORATION", "NIKON D70")) == "NIKON D70"
    assert camera_label(Camera("OLYMPUS IMAGING CORP.", "E-P3")) == "OLYMPUS E-P3"
    assert camera_label(Camera("Apple", "iPhone XR", "77"), serial=True) == "Apple iPhone XR 77"
    spellings = make_spellings(["samsung", "samsung", "SAMSUNG"])
    assert camera_label(Camera("SAMSUNG", "GT-I9000"), spellings=spellings) == \
        "samsung GT-I9000"


def _cell(view, row: int) -> tuple[QStyleOptionViewItem, QRect, QRect]:
    """The option the delegate paints a row with, its picture's box and its text's box."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)
    style = view.style()
    return (option, style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, option,
                                         view),
            style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view))


def test_a_portrait_photo_keeps_its_whole_time_label_at_every_size(qtbot, ws) -> None:
    window = ws.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    view, model = window.grid, window.model
    portrait = model.row_of(1)  # the Canon photo, 36 x 48
    assert portrait is not None
    for size in THUMB_SIZES:
        window.set_thumbnail_size(size)
        qtbot.waitUntil(lambda size=size: _pixmap_height(model, portrait) == size,
                        timeout=10000)
        option, picture, text = _cell(view, portrait)
        cell = QRect(view.visualRect(model.index(portrait)).topLeft(), view.gridSize())
        assert picture.height() <= view.iconSize().height(), size
        assert cell.contains(text), (size, cell, text)  # the label is inside its cell
        lines = option.text.split(LINE_BREAK)
        assert "".join(lines).replace(" ", "") == "2015-04-1020:15:00", size
        metrics = option.fontMetrics
        assert all(metrics.horizontalAdvance(line) <= text.width() for line in lines), size


def _pixmap_height(model, row: int) -> int:
    pixmap = model.data(model.index(row), Qt.ItemDataRole.DecorationRole)
    return pixmap.height() if isinstance(pixmap, QPixmap) else 0


def test_an_empty_grid_says_to_drop_or_import_photos(qtbot, ws) -> None:
    view = ws.window.grid
    assert view.empty_hint == "Drop photos or folders here, or use Import photos"
    ws.window.resize(1000, 700)
    ws.window.show()
    qtbot.waitExposed(ws.window)
    ws.window.model.set_rows([])

    def inked() -> int:
        image = view.viewport().grab().toImage()
        background = image.pixelColor(2, 2)
        return sum(image.pixelColor(x, y) != background
                   for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))

    painted = inked()
    view.empty_hint = ""
    assert painted > 20 and inked() == 0  # the ink is the hint's


def test_a_long_incident_name_is_elided_and_its_count_shown(qtbot, ws) -> None:
    ws.window.resize(1280, 800)
    ws.window.show()
    qtbot.waitExposed(ws.window)
    sidebar = ws.window.sidebar
    assert isinstance(sidebar.itemDelegate(), CountDelegate)
    key = next(k for k, _ in sidebar.entries() if k.startswith("incident:"))
    row = next(r for r in range(sidebar.count())
               if sidebar.item(r).data(Qt.ItemDataRole.UserRole) == key)
    item = sidebar.item(row)
    assert item.data(COUNT_ROLE) == 1
    option = QStyleOptionViewItem()
    sidebar.initViewItemOption(option)
    option.rect = sidebar.visualRect(sidebar.indexFromItem(item))
    width = CountDelegate.text_rect(option).width()
    assert 0 < width < option.fontMetrics.horizontalAdvance(f"◆ {LONG_NAME}")
    name, count = fit(f"◆ {LONG_NAME}", 1, option.fontMetrics, width)
    assert count == "(1)" and name.endswith("…") and name.startswith("◆ Shelling")
    used = option.fontMetrics.horizontalAdvance(f"{name}  {count}")
    assert used <= width
    assert option.rect.height() < 2 * option.fontMetrics.lineSpacing() + 8  # one line: no wrap
