"""The photo's history in the inspector, and verifying the catalogue from the window."""

from __future__ import annotations

import os
from pathlib import Path

from tests.gui.conftest import import_and_wait, open_window, settle

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


def test_history_and_verify(qtbot, controller, tmp_path) -> None:
    workspace = open_window(qtbot, controller, tmp_path / "cat")
    window = workspace.window
    import_and_wait(qtbot, workspace, [SAMPLE])
    with qtbot.waitSignal(workspace.inspect.preview_shown, timeout=20000):
        window.grid.setCurrentIndex(window.model.index(0))
    history = window.inspector.history
    qtbot.waitUntil(lambda: any(row["What"].startswith("imported from ")
                                for row in history.row_texts()), timeout=10000)
    assert any(row["Who"].startswith("gui-tester@") for row in history.row_texts())
    assert window.inspector.describe.incident.currentText() == "— untagged —"

    verifier = workspace.verifier
    with qtbot.waitSignal(verifier.finished, timeout=60000) as done:
        window.verify_action.trigger()
    report = done.args[0]
    assert report.ok and report.checked == 19 and not report.cancelled
    settle(qtbot, workspace)
    catalogue = workspace.session.catalogue
    entry = catalogue.custody_log()[-1]
    assert (entry.action, entry.details, entry.operator) == (
        "verify", {"checked": 19, "problems": 0, "checkpoints": 0, "tokens": 0,
                   "anchor_top": 0}, "gui-tester")  # the anchors it saw: a later drop is named

    photo = catalogue.photo(window.model.photo_id(0))
    stored = catalogue.layout.resolve(photo.stored_path)
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes() + b"\x00")
    with qtbot.waitSignal(verifier.finished, timeout=60000) as done:
        window.verify_action.trigger()
    assert [p for p in done.args[0].problems if f"photo {photo.id}" in p]
