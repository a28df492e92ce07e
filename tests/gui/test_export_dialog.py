"""Exporting from the window: the dialog, progress off the GUI thread, cancelling, the result."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMessageBox, QWidget

from catalog_app.core.models import ExportKind
from catalog_app.db.catalogue import Catalogue
from catalog_app.export import folder
from catalog_app.export.gallery import ExportProgress, GalleryExport
from catalog_app.services.demo import apply_mission, sample_mission
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.gui.conftest import open_window


@pytest.fixture
def demo_root(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(sample_mission())], ACTOR, workers=0).run())
        apply_mission(catalogue, ACTOR)
    return root


def open_dialog(qtbot, workspace, kind: ExportKind):
    action = {ExportKind.GALLERY: workspace.window.export_gallery_action,
              ExportKind.PACKAGE: workspace.window.export_package_action}[kind]
    with qtbot.waitSignal(workspace.exporter.dialog_opened, timeout=10000) as opened:
        action.trigger()
    return opened.args[0]


def result_text(window) -> str:
    boxes = [b for b in window.findChildren(QMessageBox, "export-result") if b.isVisible()]
    return boxes[-1].text() if boxes else ""


def test_export_a_gallery_of_one_incident(qtbot, controller, demo_root, tmp_path) -> None:
    workspace = open_window(qtbot, controller, demo_root, create=False)
    dialog = open_dialog(qtbot, workspace, ExportKind.GALLERY)
    assert dialog.gallery_button.isChecked() and not dialog.keep_location.isChecked()
    names = [dialog.incidents.item(i).text() for i in range(dialog.incidents.count())]
    assert len(names) == 5
    for i in range(dialog.incidents.count()):  # only the hospital
        item = dialog.incidents.item(i)
        if "Okhmatdyt" not in item.text():
            item.setCheckState(Qt.CheckState.Unchecked)
    dialog.credit.setText("Demo team")
    dialog.out.setText(str(tmp_path / "site"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000):
        dialog.export_button.click()
    qtbot.waitUntil(lambda: "The gallery is in" in result_text(workspace.window))
    text = result_text(workspace.window)
    assert "Photos: 3 " in text and "1 restricted" in text  # 4 tagged, one restricted
    pages = sorted(p.name for p in (tmp_path / "site").glob("incident-*.html"))
    assert len(pages) == 1
    with Catalogue.open(demo_root) as catalogue:
        assert catalogue.custody_log()[-1].action == "export-gallery"


def test_a_dialog_without_a_folder_says_so(qtbot, controller, demo_root) -> None:
    workspace = open_window(qtbot, controller, demo_root, create=False)
    dialog = open_dialog(qtbot, workspace, ExportKind.PACKAGE)
    assert dialog.package_button.isChecked() and dialog.package_box.isVisibleTo(dialog)
    dialog.export_button.click()
    assert dialog.problem.text() == "Choose a folder to export to."
    assert dialog.isVisible()


def test_a_refused_folder_is_one_sentence(qtbot, controller, demo_root, tmp_path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "mine.txt").write_text("mine")
    workspace = open_window(qtbot, controller, demo_root, create=False)
    dialog = open_dialog(qtbot, workspace, ExportKind.PACKAGE)
    dialog.out.setText(str(busy))
    with qtbot.waitSignal(workspace.exporter.failed, timeout=60000) as failed:
        dialog.export_button.click()
    assert "not empty and is not an earlier export" in failed.args[0]
    assert (busy / "mine.txt").read_text() == "mine"


def test_cancel_keeps_what_was_made(qtbot, controller, demo_root, tmp_path, monkeypatch) -> None:
    # The export is held after its first image until the window has cancelled it: however
    # busy the machine, the cancel comes part way, never after the last image.
    held, release = threading.Event(), threading.Event()
    run = GalleryExport.run

    def run_held(self: GalleryExport) -> Iterator[ExportProgress]:
        for event in run(self):
            yield event
            if event.done >= 1 and not held.is_set():
                held.set()
                assert release.wait(120), "the window never cancelled the export"

    monkeypatch.setattr(GalleryExport, "run", run_held)
    workspace = open_window(qtbot, controller, demo_root, create=False)
    dialog = open_dialog(qtbot, workspace, ExportKind.GALLERY)
    dialog.out.setText(str(tmp_path / "site"))
    exporter = workspace.exporter
    try:
        with qtbot.waitSignal(exporter.finished, timeout=60000) as finished:
            dialog.export_button.click()
            qtbot.waitUntil(held.is_set, timeout=60000)
            exporter.cancel()  # as the progress bar's Cancel button does
            release.set()
    finally:
        release.set()
    job = finished.args[0]
    assert job.summary.cancelled
    assert folder.read_marker(tmp_path / "site")["pages"] is False
    qtbot.waitUntil(lambda: "Cancelled" in result_text(workspace.window))


def test_a_signed_package_from_the_dialog(qtbot, controller, demo_root, tmp_path) -> None:
    from catalog_app.core import signing
    from catalog_app.export import trust
    from catalog_app.export.check import check_package

    key = tmp_path / "keys" / "team.key"
    signing.make_key(key)
    workspace = open_window(qtbot, controller, demo_root, create=False)
    dialog = open_dialog(qtbot, workspace, ExportKind.PACKAGE)
    dialog.sign_key.setText(str(key))
    dialog.make_zip.setChecked(True)
    dialog.out.setText(str(tmp_path / "pkg"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000) as finished:
        dialog.export_button.click()
    assert finished.args[0].summary.signed_by
    qtbot.waitUntil(lambda: "Signed: SHA256SUMS.sig" in result_text(workspace.window))
    report = check_package(tmp_path / "pkg", trust.load([tmp_path / "keys" / "team.key.pub"]))
    assert report.ok and report.signed_by == finished.args[0].summary.signed_by
    assert (tmp_path / "pkg.zip").is_file()


def test_positions_and_table_from_the_file_menu(qtbot, controller, demo_root, tmp_path) -> None:
    import csv
    import json

    workspace = open_window(qtbot, controller, demo_root, create=False)
    names = [a.text() for a in workspace.window.menuBar().actions()[0].menu().actions()]
    assert "Export positions as &GeoJSON…" in names
    with qtbot.waitSignal(workspace.exporter.file_exported, timeout=20000) as made:
        workspace.exporter.export_file(ExportKind.GEOJSON, tmp_path / "where.geojson")
    assert made.args[0].withheld == 1  # the restricted photo stays in the catalogue
    features = json.loads((tmp_path / "where.geojson").read_text())["features"]
    assert len(features) == made.args[0].photos > 0
    with qtbot.waitSignal(workspace.exporter.file_exported, timeout=20000):
        workspace.exporter.export_file(ExportKind.CSV, tmp_path / "all.csv")
    with open(tmp_path / "all.csv", newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 18  # 19 photos, one restricted
    assert "Wrote 18 photos" in workspace.window.statusBar().currentMessage()


def test_a_package_with_redacted_copies_from_the_dialog(qtbot, controller, demo_root,
                                                        tmp_path) -> None:
    import json

    from catalog_app.core.redaction import Method, Region, Shape

    with Catalogue.open(demo_root) as catalogue:
        photo = next(p for p in catalogue.photos() if p.incident and not p.restricted)
        catalogue.add_redaction(photo.id, Region(Shape.RECTANGLE, 0.2, 0.2, 0.5, 0.5,
                                                 Method.FILL), ACTOR)
    workspace = open_window(qtbot, controller, demo_root, create=False)
    dialog = open_dialog(qtbot, workspace, ExportKind.PACKAGE)
    assert dialog.redacted_copies.isVisibleTo(dialog) and not dialog.redacted_copies.isChecked()
    dialog.redacted_copies.setChecked(True)
    dialog.out.setText(str(tmp_path / "pkg"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000) as finished:
        dialog.export_button.click()
    assert finished.args[0].summary.redacted == 1
    qtbot.waitUntil(lambda: "Redacted copies in redacted/: 1 " in result_text(workspace.window))
    [copy] = json.loads((tmp_path / "pkg" / "redacted" / "manifest.json").read_text())["copies"]
    assert copy["photo_id"] == photo.id and copy["original_sha256"] == photo.sha256
    assert (tmp_path / "pkg" / copy["copy"]).is_file()
    with Catalogue.open(demo_root) as catalogue:
        logged = [e for e in catalogue.custody_log() if e.action == "export-package"][-1]
    assert logged.details["redacted_copies"] == {str(photo.id): copy["copy_sha256"]}


def test_the_language_chosen_in_the_dialog_reaches_the_export(qtbot, controller, demo_root,
                                                              tmp_path) -> None:
    from bs4 import BeautifulSoup

    from catalog_app import i18n

    workspace = open_window(qtbot, controller, demo_root, create=False)
    dialog = open_dialog(qtbot, workspace, ExportKind.GALLERY)
    assert dialog.language.currentData() == i18n.current()  # the window's language
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.out.setText(str(tmp_path / "site"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000) as finished:
        dialog.export_button.click()
    assert finished.args[0].options.language == "uk"
    index = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    assert index.html["lang"] == "uk" and index.h1.get_text() == "Задокументовані інциденти"
    dialog = open_dialog(qtbot, workspace, ExportKind.PACKAGE)
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.out.setText(str(tmp_path / "pkg"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000):
        dialog.export_button.click()
    assert (tmp_path / "pkg" / "README.uk.txt").read_text(encoding="utf-8").startswith(
        "ПАКЕТ ДОКАЗІВ")
    assert (tmp_path / "pkg" / "README.txt").is_file()


def test_the_dialog_in_ukrainian_has_no_english_left(qtbot, qapp) -> None:
    from catalog_app import i18n
    from catalog_app.core.models import Incident
    from catalog_app.gui import translation
    from catalog_app.gui.views.export_dialog import ExportDialog
    from tests.gui.visible_text import clean, english_sources

    before = i18n.current()
    translation.install(qapp, "uk")
    try:
        incidents = [Incident(1, "Strike on Okhmatdyt children's hospital", photo_count=4)]
        dialog = ExportDialog(incidents, [3, 5], ExportKind.PACKAGE)
        qtbot.addWidget(dialog)
        assert dialog.language.currentData() == "uk"  # the window's language by default
        assert dialog.only_selected.text() == "Лише 2 вибрані фотографії"
        english = english_sources() - {""}
        shown = [dialog.windowTitle()]
        for widget in dialog.findChildren(QWidget):
            shown += [widget.toolTip(), widget.accessibleName()]
            if isinstance(widget, QLabel | QAbstractButton):
                shown.append(widget.text())
            if isinstance(widget, QLineEdit):
                shown.append(widget.placeholderText())
        assert dialog.export_button.text() == "Експорт"
        assert [t for t in shown if clean(t) in english] == []
    finally:
        translation.install(qapp, before)


def test_the_date_limit_offers_the_catalogues_capture_days(qtbot, controller, demo_root) -> None:
    workspace = open_window(qtbot, controller, demo_root, create=False)
    with Catalogue.open(demo_root, read_only=True) as catalogue:
        first, last = catalogue.date_range()
    assert first and last and first < last
    dialog = open_dialog(qtbot, workspace, ExportKind.GALLERY)
    assert not dialog.limit_dates.isChecked()
    assert dialog.date_from.date().toString("yyyy-MM-dd") == first  # not today: the mission's
    assert dialog.date_to.date().toString("yyyy-MM-dd") == last
    dialog.reject()
