"""The photo's history in the inspector, and verifying the catalogue from the window."""

from __future__ import annotations

import os
from pathlib import Path

from tests.gui.test_main_window import _open, import_and_wait

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


def test_history_and_verify(qtbot, controller, tmp_path) -> None:
    window = _open(qtbot, controller, tmp_path / "cat")
    import_and_wait(qtbot, window, [SAMPLE])
    with qtbot.waitSignal(window.preview_shown, timeout=20000):
        window.grid.setCurrentIndex(window.model.index(0))
    qtbot.waitUntil(lambda: "import" in window.inspector.fields["history"].text(), timeout=10000)
    assert "gui-tester" in window.inspector.fields["history"].text()
    assert window.inspector.describe.incident.currentText() == "— untagged —"

    with qtbot.waitSignal(controller.verifier.finished if controller.verifier else
                          _started(controller), timeout=60000) as done:
        controller.verify()
    report = done.args[0]
    assert report.ok and report.checked == 19

    photo = window.session.catalogue.photo(window.model.photo_id(0))
    stored = window.session.catalogue.layout.resolve(photo.stored_path)
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes() + b"\x00")
    with qtbot.waitSignal(controller.verifier.finished, timeout=60000) as done:
        controller.verify()
    assert [p for p in done.args[0].problems if f"photo {photo.id}" in p]


def _started(controller):
    """The verifier is made on first use: make it now so its signal can be awaited."""
    from catalog_app.gui.verifying import VerifyController

    controller.verifier = VerifyController(controller.session.root, controller.actor(),
                                           controller)
    return controller.verifier.finished
