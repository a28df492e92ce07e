"""The window, headless: importing through it, browsing, the inspector, filters, threads."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThread, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.tasks import TaskRunner
from catalog_app.services.importing import ImportJob
from tests.conftest import CORPUS, CorpusImport, corpus_files
from tests.gui.conftest import import_and_wait, open_window, settle
from tests.support.synthetic import make_jpegs


@pytest.fixture(scope="module")
def corpus_catalogue(corpus_import: CorpusImport):
    """The corpus imported once for the run (each test opens a copy of it)."""
    return corpus_import.root, corpus_import.summary


@pytest.fixture
def corpus_window(qtbot, controller, tmp_path, corpus_catalogue):
    source, summary = corpus_catalogue
    root = tmp_path / "cat"
    shutil.copytree(source, root)
    workspace = open_window(qtbot, controller, root, create=False)
    qtbot.waitUntil(lambda: workspace.window.model.rowCount() == summary.imported,
                    timeout=20000)
    return workspace


def test_import_through_the_window_reaches_the_end(qtbot, controller, tmp_path) -> None:
    workspace = open_window(qtbot, controller, tmp_path / "cat")
    summary, events = import_and_wait(qtbot, workspace, [CORPUS])
    window = workspace.window
    total = len(corpus_files())
    assert summary.imported == total and summary.failed == []  # every corpus file is kept
    assert events and events[-1].done == events[-1].total == total
    assert [e.done for e in events] == sorted(e.done for e in events)
    assert window.model.rowCount() == total
    assert window.import_panel.isHidden()
    assert workspace.importer.last_summary is summary
    assert "117 shown" in window.statusBar().currentMessage()
    assert window.import_action.isEnabled()


def test_selecting_a_photo_fills_the_inspector(qtbot, corpus_window) -> None:
    window = corpus_window.window
    row = next(r for r in range(window.model.rowCount())
               if window.model.data(window.model.index(r), Qt.ItemDataRole.ToolTipRole)
               .startswith("IMG_5195.HEIC"))
    with qtbot.waitSignal(corpus_window.inspect.preview_shown, timeout=20000):
        window.grid.setCurrentIndex(window.model.index(row))
    fields = window.inspector.fields
    assert fields["taken"].text() == "2021-04-11 15:47:53-05:00"  # no microseconds (issue 15)
    assert fields["utc"].text() == "2021-04-11T20:47:53.054000Z"
    assert "EXIF offset" in fields["zone"].text()
    assert fields["camera"].text().startswith("Apple iPhone")
    assert fields["sources"].text().endswith("exif-samples/heic/IMG_5195.HEIC")
    assert len(fields["sha256"].text()) == 64
    assert window.inspector.gps.text() and window.inspector.copy_gps.isEnabled()
    assert not window.inspector.preview.pixmap().isNull()


def test_filters_change_the_grid(qtbot, corpus_window) -> None:
    window, refreshed = corpus_window.window, corpus_window.browse.refreshed
    all_rows = window.model.rowCount()
    with qtbot.waitSignal(refreshed, timeout=10000):
        window.filters.gps.setCurrentIndex(1)  # with GPS
    with_gps = window.model.rowCount()
    assert 0 < with_gps < all_rows
    with qtbot.waitSignal(refreshed, timeout=10000):
        window.filters.gps.setCurrentIndex(0)
        window.filters.search.setText("DSCN")
    assert window.model.rowCount() == 9
    with qtbot.waitSignal(refreshed, timeout=10000):
        window.filters.search.setText("")
        window.filters.camera.setCurrentText("NIKON COOLPIX P6000  (9)")  # its readable name
    assert window.model.rowCount() == 9
    with qtbot.waitSignal(refreshed, timeout=10000):
        window.sidebar.select("no-gps")
    assert window.model.rowCount() == 0  # the P6000 photos all have GPS


def test_multi_selection_is_counted(qtbot, corpus_window) -> None:
    window = corpus_window.window
    window.grid.selectAll()
    assert len(window.selected_ids()) == window.model.rowCount()
    assert f"{window.model.rowCount()} selected" in window.statusBar().currentMessage()
    assert "photos selected" in window.inspector.preview.text()


def test_failed_imports_collection_lists_the_reason(qtbot, corpus_window, tmp_path) -> None:
    window = corpus_window.window
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a photo\n")  # no image signature: the one kind of file not kept
    list(ImportJob(corpus_window.session.catalogue, [str(notes)], corpus_window.session.actor,
                   workers=0).run())
    with qtbot.waitSignal(corpus_window.browse.refreshed, timeout=10000):
        window.sidebar.select("failed")
    assert window.stack.currentWidget() is window.failures
    assert window.failures.rowCount() == 1
    assert "no known image or camera raw signature" in window.failures.item(0, 1).text()


def test_cancel_mid_way_leaves_a_consistent_catalogue(qtbot, controller, tmp_path) -> None:
    card = tmp_path / "card"
    make_jpegs(card, 400)
    root = tmp_path / "cat"
    workspace = open_window(qtbot, controller, root)
    workspace.importer.progress.connect(
        lambda e: e.done > 20 and workspace.window.import_panel.cancel.click())
    with qtbot.waitSignal(workspace.importer.finished, timeout=120000) as finished:
        workspace.importer.start([str(card)])
    summary = finished.args[0]
    assert summary.cancelled
    assert 0 < summary.imported < 400
    controller.close_window()
    qtbot.waitUntil(lambda: controller.idle, timeout=20000)
    with Catalogue.open(root) as catalogue:
        assert catalogue.integrity_problems() == []
        assert catalogue.count_photos() == summary.imported
    workspace = open_window(qtbot, controller, root, create=False)
    summary, _ = import_and_wait(qtbot, workspace, [card])
    assert summary.imported + summary.already_present == 400 and not summary.cancelled


def test_results_reach_the_main_thread_only(qtbot, corpus_window) -> None:
    """Work runs on a pool thread; its result, and every thumbnail, arrive on the main one."""
    window = corpus_window.window
    main = QApplication.instance().thread()
    seen = []
    runner = TaskRunner(QThreadPool())
    receiver = QLabel()
    with qtbot.waitCallback(timeout=5000) as done:
        runner.run(receiver, lambda: threading.current_thread() is threading.main_thread(),
                   lambda work_on_main: (seen.append((work_on_main, QThread.currentThread()
                                                      is main)), done()))
    assert seen == [(False, True)]
    thumbs = []
    window.thumbnails.ready.connect(lambda _id: thumbs.append(QThread.currentThread() is main))
    window.set_thumbnail_size(224)  # drops the cache: the visible thumbnails load again
    window.grid.viewport().update()
    qtbot.waitUntil(lambda: len(thumbs) > 3, timeout=10000)
    assert all(thumbs)


def test_dropping_a_folder_starts_an_import(qtbot, controller, tmp_path) -> None:
    workspace = open_window(qtbot, controller, tmp_path / "cat")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(CORPUS / "exif-samples/jpg/gps"))])
    event = QDropEvent(QPointF(QPoint(400, 300)), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(workspace.importer.finished, timeout=60000) as finished:
        workspace.window.dropEvent(event)
    assert finished.args[0].imported == 9


def test_viewer_steps_through_photos_and_shows_actual_pixels(qtbot, corpus_window) -> None:
    window = corpus_window.window
    window.grid.setCurrentIndex(window.model.index(0))
    window.view_action.trigger()
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.image.pixmap() is not None
                    and not viewer.image.pixmap().isNull(), timeout=20000)
    assert viewer.isVisible()
    first_caption = viewer.caption.text()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert window.grid.currentIndex().row() == 1
    qtbot.waitUntil(lambda: viewer.caption.text() != first_caption, timeout=20000)
    qtbot.keyClick(viewer, Qt.Key.Key_1)  # actual pixels: the full-size decode replaces the fit
    photo_id = window.model.photo_id(1)
    settle(qtbot, corpus_window)
    photo = corpus_window.session.catalogue.photo(photo_id)
    qtbot.waitUntil(lambda: viewer._pixmap.width() == photo.width, timeout=20000)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_untagged_collection_counts_photos_without_an_incident(qtbot, corpus_window) -> None:
    from catalog_app.core.models import Incident

    window, session = corpus_window.window, corpus_window.session
    catalogue = session.catalogue
    settle(qtbot, corpus_window)
    incident = catalogue.add_incident(Incident(0, "Test site"), session.actor)
    catalogue.tag([window.model.photo_id(0), window.model.photo_id(1)], incident,
                  session.actor)
    with qtbot.waitSignal(corpus_window.browse.refreshed, timeout=10000):
        window.sidebar.select("untagged")
    assert window.model.rowCount() == 117 - 2
    texts = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    assert "Untagged  (115)" in texts
    assert "◆ Test site  (2)" in texts  # each incident joins the sidebar, with its count
    with qtbot.waitSignal(corpus_window.browse.refreshed, timeout=10000):
        window.sidebar.select(f"incident:{incident}")
    assert window.model.rowCount() == 2


def test_a_failed_read_is_shown_as_a_sentence(qtbot, corpus_window) -> None:
    session, window = corpus_window.session, corpus_window.window

    def broken(_catalogue):
        raise ValueError("disk unplugged")

    with qtbot.waitSignal(session.failed, timeout=5000) as failure:
        session.read(window, broken, lambda _: None)
    assert failure.args == ["The catalogue could not do that: disk unplugged"]
    assert "disk unplugged" in window.statusBar().currentMessage()


def test_edit_a_caption_and_undo_it(qtbot, corpus_window) -> None:
    window, inspect = corpus_window.window, corpus_window.inspect
    catalogue = corpus_window.session.catalogue
    with qtbot.waitSignal(inspect.preview_shown, timeout=20000):
        window.grid.setCurrentIndex(window.model.index(2))
    photo_id = window.model.photo_id(2)
    text = 'Воронка від ракети — "crater" <north> & debris\nsecond line'
    window.inspector.caption.setPlainText(text)
    with qtbot.waitSignal(inspect.caption_saved, timeout=10000):
        window.inspector.save_caption.click()
    settle(qtbot, corpus_window)
    assert catalogue.photo(photo_id).caption == text
    qtbot.waitUntil(lambda: window.inspector.caption.toPlainText() == text, timeout=10000)
    with qtbot.waitSignal(inspect.caption_saved, timeout=10000):
        window.undo_action.trigger()
    settle(qtbot, corpus_window)
    assert catalogue.photo(photo_id).caption == ""
    qtbot.waitUntil(lambda: window.inspector.caption.toPlainText() == "", timeout=10000)
    with qtbot.waitSignal(inspect.caption_saved, timeout=10000):
        window.redo_action.trigger()
    settle(qtbot, corpus_window)
    assert catalogue.photo(photo_id).caption == text
    actions = [e.action for e in catalogue.custody_log(photo_id)]
    assert actions.count("caption") == 3
