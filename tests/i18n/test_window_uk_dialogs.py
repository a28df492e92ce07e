"""The dialogs and panels of the window's second part (signing, incidents, import, jobs, map,
suggestions, verification, the grid's day headers) in Ukrainian: no English source text left,
plural forms right (1/2/5/21), numbers and days the locale's way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from catalog_app.core.badges import Badge
from catalog_app.core.models import GridRow, ImportFailure, ImportSummary
from catalog_app.core.progress import Progress
from catalog_app.core.suggest import Suggestion
from catalog_app.gui import translation
from catalog_app.gui.models.grid_order import NO_DAY, DayHeader, SortBy, sort_label
from catalog_app.gui.models.grid_roles import HEADER_ROLE
from catalog_app.gui.models.photo_grid import PhotoGridModel
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.thumbnails import ThumbnailLoader
from catalog_app.gui.views.import_panel import ImportPanel, ImportSummaryDialog
from catalog_app.gui.views.incident_dialog import IncidentDialog
from catalog_app.gui.views.job_dialog import JobProgressDialog
from catalog_app.gui.views.map_panel import MapPanel
from catalog_app.gui.views.signing_dialog import (
    SigningDialog,
    TimestampDialog,
    register_question,
)
from catalog_app.gui.views.suggestions_dialog import SuggestionsDialog
from catalog_app.gui.views.verify_report import VerifyReportDialog
from tests.gui import visible_text
from tests.gui.visible_text import english_left, visible_texts

# names and formats that read the same in both languages (never an English sentence)
ALLOWED: set[str] = set()


def _headers(model: QAbstractItemModel) -> Iterator[str]:
    """visible_text._model_headers, skipping list models: a list view shows no header, and
    PySide makes a QAbstractListModel's columnCount() private (TypeError on a QListWidget)."""
    if isinstance(model, QAbstractListModel):
        return
    for column in range(model.columnCount(QModelIndex())):
        value = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield value


@pytest.fixture(autouse=True)
def _list_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(visible_text, "_model_headers", _headers)


@pytest.fixture
def uk(qapp: QApplication) -> Iterator[QApplication]:
    translation.install(qapp, "uk")
    try:
        yield qapp
    finally:
        translation.install(qapp, "en")


@pytest.fixture
def en(qapp: QApplication) -> Iterator[QApplication]:
    translation.install(qapp, "en")
    yield qapp


def _summary() -> ImportSummary:
    return ImportSummary(imported=21, already_present=2, cancelled=True,
                         failed=[ImportFailure("/card/DCIM/a.jpg", "unreadable")],
                         skipped=[ImportFailure("/card/notes.txt", "not a photo")],
                         warnings=[ImportFailure("/card/DCIM/b.jpg", "no capture time")])


def _suggestions(n: int) -> list[Suggestion]:
    return [Suggestion(k, 1, "Ізюм, ліс", 120.0 if k % 2 else None, "reason") for k in range(n)]


def _widgets(qapp: QApplication) -> list[QWidget]:
    panel = ImportPanel()
    panel.begin()
    panel.update_progress(Progress(5, 21, "/card/DCIM/c.jpg",
                                   counts={"imported": 1, "already_present": 2, "failed": 2}))
    job = JobProgressDialog(None, "t", "x", lambda done, total: f"{done}/{total}", lambda: None)
    maps = MapPanel()
    maps.set_data([(1, 50.0, 36.0, "camera")], [(2, "a.jpg"), (3, "")])
    verify = VerifyReportDialog(None, "headline", ["line"], True)
    verify.copy()
    return [SigningDialog(None), SigningDialog(Path("/keys/k.pem")), TimestampDialog("", None),
            IncidentDialog(None, []), panel, ImportSummaryDialog(_summary()), job, maps,
            SuggestionsDialog(_suggestions(5)), verify]


def test_no_english_left_in_the_dialogs_and_panels(uk: QApplication) -> None:
    widgets = _widgets(uk)
    try:
        for widget in widgets:
            assert english_left(widget, ALLOWED) == [], type(widget).__name__
            assert visible_texts(widget), type(widget).__name__  # it did show something
        summary = widgets[5]
        assert isinstance(summary, ImportSummaryDialog)
        kinds = {summary.table.item(r, 2).text() for r in range(summary.table.rowCount())}
        assert kinds == {"не збережено", "пропущено", "попередження"}
        assert "імпортовано: 21" in summary.headline.text()
        panel = widgets[4]
        assert isinstance(panel, ImportPanel)
        assert panel.status.text().startswith("5 з 21 файлу · ")
        assert "1 нова" in panel.status.text() and "не вдалося: 2" in panel.status.text()
    finally:
        for widget in widgets:
            widget.deleteLater()


def test_texts_built_outside_a_dialog_are_ukrainian(uk: QApplication) -> None:
    question = register_question(Path("/keys/k.pem"), "0123456789abcdef0123")
    assert question.startswith("Ключ /keys/k.pem (відбиток 0123456789abcdef…) не зареєстровано")
    assert [sort_label(s) for s in SortBy] == ["Час зйомки", "Час імпорту", "Назва файлу"]
    assert DayHeader(NO_DAY, 2).text == "Без часу зйомки\n2 фотографії"
    assert DayHeader("2024-07-12", 1).text == "12 липня 2024\n1 фотографія"
    maps = MapPanel()
    assert maps.map.credit().startswith("Основа мапи: Natural Earth")
    assert maps.map.accessibleName() == "Мапа"
    maps.deleteLater()
    incident = IncidentDialog(None, ["Ізюм: масове поховання"])  # the team's own kind: as it is
    kinds = [incident.kind.itemText(i) for i in range(incident.kind.count())]
    assert "масове поховання" in kinds and "Ізюм: масове поховання" in kinds
    incident.deleteLater()


@pytest.mark.parametrize(("n", "uk_text", "en_text"), [
    (1, "1 фотографія", "1 photo"),
    (2, "2 фотографії", "2 photos"),
    (5, "5 фотографій", "5 photos"),
    (21, "21 фотографія", "21 photos"),
    (1234, "1\u00a0234 фотографії", "1,234 photos"),
])
def test_plural_forms_of_the_count_labels(qapp: QApplication, n: int, uk_text: str,
                                          en_text: str) -> None:
    try:
        translation.install(qapp, "uk")
        uk_day = DayHeader("2024-07-12", n).text
        uk_list = SuggestionsDialog(_suggestions(n))
        uk_label = visible_texts(uk_list)
        uk_list.deleteLater()
        translation.install(qapp, "en")
        en_day = DayHeader("2024-07-12", n).text
        en_list = SuggestionsDialog(_suggestions(n))
        en_label = visible_texts(en_list)
        en_list.deleteLater()
    finally:
        translation.install(qapp, "en")
    assert uk_day.endswith("\n" + uk_text)
    assert en_day == "2024-07-12\n" + en_text
    accusative = {"1 фотографія": "1 фотографію", "21 фотографія": "21 фотографію"}
    wanted = visible_text.clean(accusative.get(uk_text, uk_text))  # as shown, spaces plain
    assert any(t.startswith(wanted + " без інциденту")
               for t in uk_label), uk_label
    untagged = en_text.replace(" photo", " untagged photo") + " could be tagged."
    assert any(t.startswith(untagged) for t in en_label), en_label


def test_import_counts_follow_the_plural_rules(en: QApplication) -> None:
    panel = ImportPanel()
    try:
        panel.update_progress(Progress(1, 1, counts={"imported": 1}))
        assert panel.status.text().startswith("1 of 1 file · ")
        panel.update_progress(Progress(2, 1234, counts={"imported": 2}))
        assert panel.status.text().startswith("2 of 1,234 files · ")
        translation.install(en, "uk")
        for total, word in ((1, "файлу"), (2, "файлів"), (5, "файлів"), (21, "файлу")):
            panel.update_progress(Progress(1, total, counts={"imported": total}))
            assert panel.status.text().startswith(f"1 з {total} {word} · "), panel.status.text()
    finally:
        translation.install(en, "en")
        panel.deleteLater()


def test_the_grid_models_day_headers_in_ukrainian(uk: QApplication, tmp_path: Path) -> None:
    runner = TaskRunner(QThreadPool.globalInstance())
    model = PhotoGridModel(ThumbnailLoader(tmp_path, runner))
    model.set_rows([GridRow(1, None, "2024-07-12 10:00", "a.jpg"),
                    GridRow(2, None, "2024-07-12 11:00", "b.jpg"),
                    GridRow(3, None, "c.jpg", "c.jpg", badges=Badge.NO_TIME)])
    model.set_order(SortBy.CAPTURE, by_day=True)
    headers = [model.index(r).data(HEADER_ROLE) for r in range(model.rowCount())
               if model.is_header(r)]
    assert headers == ["12 липня 2024\n2 фотографії", "Без часу зйомки\n1 фотографія"]
