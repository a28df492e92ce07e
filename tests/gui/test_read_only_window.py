"""The window on a read-only catalogue: it browses and verifies; every editing action and
control is off, each saying why, with a status line that stays; nothing is written."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers.workspace import Workspace
from catalog_app.services.demo import apply_mission, sample_mission
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR


@pytest.fixture(scope="module")
def mission(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mission") / "demo"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(sample_mission())], ACTOR, workers=0).run())
        apply_mission(catalogue, ACTOR)
    return root


def _db_state(root: Path) -> tuple[str, int]:
    db = root / "catalogue.sqlite"
    return hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns


def _open(qtbot, controller, root: Path, read_only: bool) -> Workspace:
    with qtbot.waitSignal(controller.opened, timeout=60000) as opened:
        assert controller.open(root, read_only=read_only)
    assert opened.args == [True]
    workspace = controller.workspace
    qtbot.waitUntil(lambda: not workspace.browse.refreshing
                    and workspace.window.model.rowCount() > 0, timeout=20000)
    return workspace


def _check_read_only_window(qtbot, workspace: Workspace, why: str) -> None:
    window = workspace.window
    tip = f"Not available: this catalogue is {why}, so nothing can be changed."
    for action in window.editing_actions():
        assert not action.isEnabled(), action.text()
        assert action.toolTip() == tip and action.statusTip() == tip
    assert len(window.editing_actions()) == 16
    for action in (window.verify_action, window.view_action, window.find_action,
                   window.open_catalogue_action):
        assert action.isEnabled(), action.text()
    assert window.read_only_note.text().startswith(f"Read-only: this catalogue is {why}.")
    assert window.windowTitle().endswith("(read-only)")
    assert not window.acceptDrops() and not window.grid.dragEnabled()
    assert not window.sidebar.viewport().acceptDrops()
    workspace.window.set_importing(False)  # an import's end does not turn Import back on
    assert not window.import_action.isEnabled()

    selection = window.grid.selectionModel()
    with qtbot.waitSignal(workspace.inspect.photo_shown, timeout=20000):
        selection.select(window.model.index(0), QItemSelectionModel.SelectionFlag.Select)
    inspector = window.inspector
    assert inspector.describe.isEnabled()  # shown for the photo chosen...
    describe = inspector.describe
    for widget in (describe.incident, describe.keywords, *describe.flags.values()):
        assert not widget.isEnabled() and widget.toolTip() == tip  # ...but not to be changed
    assert inspector.caption.isReadOnly() and not inspector.save_caption.isVisible()
    for button in (window.duplicates.accept, window.duplicates.not_duplicates,
                   window.duplicates.merge):
        assert not button.isEnabled()


def _verify(qtbot, workspace: Workspace):
    with qtbot.waitSignal(workspace.verifier.finished, timeout=120000) as done:
        assert workspace.verifier.start()
    return done.args[0]


def test_a_catalogue_opened_read_only_browses_and_verifies_and_writes_nothing(
        qtbot, controller, mission, tmp_path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(mission, root)
    before = _db_state(root)
    workspace = _open(qtbot, controller, root, read_only=True)
    _check_read_only_window(qtbot, workspace, "open read-only")
    report = _verify(qtbot, workspace)
    assert report.ok and report.checked == 19
    assert report.not_logged == "this run was not logged (read-only)"
    # a change that still got asked for (a shortcut, a drop) is refused in a sentence
    with qtbot.waitSignal(workspace.session.failed, timeout=20000) as failed:
        workspace.session.write(workspace.window,
                                lambda catalogue, actor: catalogue.set_caption(1, "x", actor))
    assert "is open read-only, so nothing was changed or logged" in failed.args[0]
    controller.close_window()
    qtbot.waitUntil(lambda: controller.idle, timeout=60000)
    assert _db_state(root) == before
    with Catalogue.open(root, read_only=True) as catalogue:
        assert not [e for e in catalogue.custody_log() if e.action == "verify"]


@pytest.fixture
def read_only_mount(tmp_path, mission):
    """`mission`'s copy on a read-only bind mount (root only: the window runs in-process)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount for an in-process window needs root")
    source, mount = tmp_path / "source", tmp_path / "media"
    shutil.copytree(mission, source)
    mount.mkdir()
    subprocess.run(["mount", "--bind", str(source), str(mount)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_catalogue_on_read_only_media_opens_read_only_by_itself(
        qtbot, controller, dialogs, read_only_mount) -> None:
    before = _db_state(read_only_mount)
    workspace = _open(qtbot, controller, read_only_mount, read_only=False)
    assert workspace.session.catalogue.read_only
    assert dialogs.notes == []  # no refusal: it opened, read-only
    _check_read_only_window(qtbot, workspace, "on read-only media (or write-protected)")
    report = _verify(qtbot, workspace)
    assert report.ok and report.not_logged == "this run was not logged (read-only)"
    controller.close_window()
    qtbot.waitUntil(lambda: controller.idle, timeout=60000)
    assert _db_state(read_only_mount) == before
