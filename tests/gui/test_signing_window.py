"""Signing in the window: a protected key unlocked once signs every change's head; register,
stop, checkpoint now, time-stamp through a local TSA, and exports signed with a protected key."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QMessageBox

from catalog_app import cli
from catalog_app.core import keys
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers.signing import READ_ONLY_TIP
from catalog_app.gui.settings_store import AppSettings
from catalog_app.services.importing import ImportJob
from catalog_app.services.keys import register_key
from catalog_app.services.verify import VerifyJob
from catalog_app.services.verify_text import report_lines
from tests.conftest import ACTOR
from tests.gui.conftest import open_window, settle
from tests.support.local_tsa import LocalTsa

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("signing") / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(SAMPLE)], ACTOR, workers=0).run())
    return root


@pytest.fixture
def root(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "cat"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "team.key"
    keys.make_key(path, PASSPHRASE.encode())
    return path


def registered(root: Path, key: Path) -> None:
    with Catalogue.open(root) as catalogue:
        register_key(catalogue, Path(f"{key}.pub").read_bytes(), True, ACTOR)


def sign(qtbot, workspace, key: Path, passphrase: str = PASSPHRASE):
    """Sign as a person does: File > Sign changes, the key, the passphrase typed, Sign."""
    signing = workspace.signing
    with qtbot.waitSignal(signing.dialog_opened, timeout=10000) as opened:
        workspace.window.sign_action.trigger()
    dialog = opened.args[0]
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    dialog.key.setText(str(key))
    qtbot.keyClicks(dialog.passphrase, passphrase)
    return dialog


def sign_and_wait(qtbot, workspace, key: Path) -> None:
    dialog = sign(qtbot, workspace, key)
    with qtbot.waitSignal(workspace.signing.signing_changed, timeout=30000):
        dialog.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)


def change_caption(qtbot, workspace, text: str) -> None:
    window = workspace.window
    if window.grid.currentIndex().row() != 0:
        with qtbot.waitSignal(workspace.inspect.photo_shown, timeout=20000):
            window.grid.setCurrentIndex(window.model.index(0))
    settle(qtbot, workspace)
    with qtbot.waitSignal(workspace.inspect.caption_saved, timeout=20000):
        window.inspector.caption.setPlainText(text)
        window.inspector.save_caption.click()
    settle(qtbot, workspace)


def verified(root: Path) -> tuple[list[str], int, list[int]]:
    """verify's report lines (through the services), the log's length, the checkpoints' entries."""
    with Catalogue.open(root) as catalogue:
        job = VerifyJob(catalogue, workers=1)
        list(job.run())
        head = catalogue.custody_head()
        signed = [checkpoint.entry for checkpoint, _ in catalogue.checkpoints()]
        return report_lines(job.report, head), head[0], signed


def test_a_protected_key_signs_every_change_made_in_the_window(qtbot, controller, root, key,
                                                                app_settings, tmp_path) -> None:
    registered(root, key)
    workspace = open_window(qtbot, controller, root, create=False)
    assert not workspace.window.checkpoint_action.isEnabled()
    sign_and_wait(qtbot, workspace, key)
    fingerprint = keys.unlock(key).fingerprint
    label = workspace.signing.label
    assert label.isVisible() and label.text() == f"Signing as key {fingerprint[:8]}…"
    assert workspace.session.catalogue.checkpoint_key is workspace.signing.key
    assert workspace.window.checkpoint_action.isEnabled()

    change_caption(qtbot, workspace, "Signed in the window.")
    lines, entries, signed = verified(root)
    assert signed[-1] == entries  # the caption change's head is signed
    assert f"History proven up to entry {entries} (signed checkpoint of " in "\n".join(lines)
    assert label.text() == f"Signing as key {fingerprint[:8]}…"  # it stays
    # the key's path is remembered, its passphrase nowhere
    app_settings.sync()
    assert app_settings.signing_key == key and app_settings.sign_at_start
    assert PASSPHRASE.encode() not in (tmp_path / "settings.ini").read_bytes()


def test_a_wrong_passphrase_is_one_sentence_and_nothing_is_signed(qtbot, controller, root,
                                                                   key) -> None:
    registered(root, key)
    workspace = open_window(qtbot, controller, root, create=False)
    dialog = sign(qtbot, workspace, key, "not the passphrase")
    with qtbot.waitSignal(workspace.signing.refused, timeout=30000) as refused:
        dialog.sign_button.click()
    assert refused.args[0] == f"The passphrase does not open the private key {key}."
    assert dialog.problem.text() == refused.args[0] and dialog.isVisible()
    assert dialog.passphrase.text() == "" and dialog.sign_button.isEnabled()
    assert workspace.signing.key is None and not workspace.signing.label.isVisible()
    assert workspace.session.catalogue.checkpoint_key is None
    change_caption(qtbot, workspace, "Not signed.")
    assert verified(root)[2] == []


@pytest.mark.parametrize("case", ["group-readable", "missing", "inside"])
def test_a_key_that_cannot_be_used_is_one_sentence(qtbot, controller, root, key,
                                                   case: str) -> None:
    if case == "group-readable":
        os.chmod(key, 0o640)
        expected = f"The private key {key} can be read by other users (mode -rw-r-----)"
    elif case == "missing":
        key = key.with_name("gone.key")
        expected = f"The private key {key} cannot be read (No such file or directory)."
    else:
        inner = root / "team.key"
        shutil.copy(key, inner)
        os.chmod(inner, 0o600)
        key = inner
        expected = f"The private key {key} is inside the catalogue folder {root}"
    workspace = open_window(qtbot, controller, root, create=False)
    dialog = sign(qtbot, workspace, key)
    with qtbot.waitSignal(workspace.signing.refused, timeout=30000) as refused:
        dialog.sign_button.click()
    assert refused.args[0].startswith(expected), refused.args[0]
    assert "\n" not in refused.args[0] and "Traceback" not in refused.args[0]
    assert workspace.session.catalogue.checkpoint_key is None


def test_an_unregistered_key_is_registered_when_accepted(qtbot, controller, dialogs, root,
                                                          key) -> None:
    dialogs.answer = True
    workspace = open_window(qtbot, controller, root, create=False)
    sign_and_wait(qtbot, workspace, key)
    assert dialogs.questions == ["Register this key?"]
    with Catalogue.open(root) as catalogue:
        entry = catalogue.custody_log()[-1]
        assert entry.action == "key-registered" and entry.operator == "gui-tester"
        assert entry.details["fingerprint"] == workspace.signing.key.fingerprint
        assert entry.details["protected"] is True
        assert [c.entry for c, _ in catalogue.checkpoints()] == [entry.id]  # signed at once


def test_a_declined_registration_signs_nothing(qtbot, controller, dialogs, root, key) -> None:
    dialogs.answer = False
    workspace = open_window(qtbot, controller, root, create=False)
    dialog = sign(qtbot, workspace, key)
    with qtbot.waitSignal(workspace.signing.refused, timeout=30000) as refused:
        dialog.sign_button.click()
    assert dialogs.questions == ["Register this key?"]
    assert refused.args[0].startswith("Not signing: the key is not registered")
    with Catalogue.open(root) as catalogue:
        assert catalogue.registered_keys() == []
    assert workspace.session.catalogue.checkpoint_key is None


def test_after_stop_signing_the_next_change_is_not_signed(qtbot, controller, root, key,
                                                          app_settings) -> None:
    registered(root, key)
    workspace = open_window(qtbot, controller, root, create=False)
    sign_and_wait(qtbot, workspace, key)
    change_caption(qtbot, workspace, "Signed.")
    _, signed_head, _ = verified(root)
    with qtbot.waitSignal(workspace.signing.signing_changed, timeout=10000) as stopped:
        workspace.window.stop_signing_action.trigger()
    assert stopped.args == [None] and not workspace.signing.label.isVisible()
    assert not workspace.window.checkpoint_action.isEnabled()
    assert not app_settings.sign_at_start  # not offered again at the next start
    change_caption(qtbot, workspace, "Not signed any more.")
    lines, entries, signed = verified(root)
    assert entries == signed_head + 1 and max(signed) == signed_head
    assert f"entries {entries} to {entries} are not yet anchored" in "\n".join(lines)


def test_checkpoint_now_signs_the_head(qtbot, controller, root, key) -> None:
    registered(root, key)
    workspace = open_window(qtbot, controller, root, create=False)
    sign_and_wait(qtbot, workspace, key)
    with qtbot.waitSignal(workspace.signing.checkpointed, timeout=10000) as made:
        workspace.window.checkpoint_action.trigger()
    with Catalogue.open(root) as catalogue:
        entries, head = catalogue.custody_head()
        assert (made.args[0].entry, made.args[0].entry_hash) == (entries, head)
        assert [t.entry_id for t in catalogue.timestamps(queued_only=True)] == [entries]


def _stamp(qtbot, workspace, url: str, ca: Path | None):
    signing = workspace.signing
    with qtbot.waitSignal(signing.dialog_opened, timeout=10000) as opened:
        workspace.window.timestamp_action.trigger()
    dialog = opened.args[0]
    dialog.url.setText(url)
    dialog.ca.setText(str(ca) if ca else "")
    with qtbot.waitSignal(signing.stamped, timeout=60000) as stamped:
        dialog.send_button.click()
    boxes = [b for b in workspace.window.findChildren(QMessageBox, "timestamp-result")
             if b.isVisible()]
    return stamped.args[0], boxes[-1].text()


def test_time_stamp_the_record_with_a_local_tsa(qtbot, controller, root, key, app_settings,
                                                local_tsa: LocalTsa) -> None:
    registered(root, key)
    workspace = open_window(qtbot, controller, root, create=False)
    with qtbot.waitSignal(workspace.signing.dialog_opened, timeout=10000) as opened:
        workspace.window.timestamp_action.trigger()
    dialog = opened.args[0]
    assert dialog.url.text() == ""  # nothing is sent unless the user names an authority
    dialog.send_button.click()
    assert "nothing is sent without one" in dialog.problem.text() and dialog.isVisible()
    assert local_tsa.served == 0
    dialog.reject()

    sign_and_wait(qtbot, workspace, key)
    with Catalogue.open(root) as catalogue:
        entries, _ = catalogue.custody_head()
    run, said = _stamp(qtbot, workspace, local_tsa.url, local_tsa.ca_file)
    assert run.error is None and [s.entry for s in run.stamped] == [entries]
    assert said.startswith(f"Entry {entries} was time-stamped by ")
    assert app_settings.tsa_url == local_tsa.url and app_settings.tsa_ca == local_tsa.ca_file
    lines, now, signed = verified(root)
    text = "\n".join(lines)
    assert f"History proven up to entry {now} (signed checkpoint of " in text  # its entry
    assert signed[-1] == now  # the `timestamped` entry was signed like any change
    with Catalogue.open(root) as catalogue:
        assert catalogue.custody_log()[-1].action == "timestamped"
        assert [t.entry_id for t in catalogue.timestamps() if t.token] == [entries]


def test_offline_the_heads_stay_queued(qtbot, controller, root, tsa_down_url: str) -> None:
    workspace = open_window(qtbot, controller, root, create=False)
    run, said = _stamp(qtbot, workspace, tsa_down_url, None)
    assert run.error is not None and run.still_queued == 1 and not run.stamped
    assert "could not be reached" in said and "1 head stays queued" in said
    with Catalogue.open(root) as catalogue:
        assert len(catalogue.timestamps(queued_only=True)) == 1
    assert workspace.window.timestamp_action.isEnabled()


def _export_dialog(qtbot, workspace):
    with qtbot.waitSignal(workspace.exporter.dialog_opened, timeout=10000) as opened:
        workspace.window.export_package_action.trigger()
    return opened.args[0]


def _result(window) -> str:
    boxes = [b for b in window.findChildren(QMessageBox, "export-result") if b.isVisible()]
    return boxes[-1].text() if boxes else ""


def test_a_package_signed_with_a_protected_key_from_the_dialog(qtbot, controller, root, key,
                                                               tmp_path, capsys) -> None:
    workspace = open_window(qtbot, controller, root, create=False)
    dialog = _export_dialog(qtbot, workspace)
    dialog.untagged.setChecked(True)
    dialog.sign_key.setText(str(key))
    assert dialog.passphrase.isEnabled()
    dialog.out.setText(str(tmp_path / "nopass"))
    with qtbot.waitSignal(workspace.exporter.failed, timeout=60000) as failed:
        dialog.export_button.click()
    assert failed.args[0] == (f"The key {key} is protected by a passphrase: type it beside "
                              "the key in the export dialog.")

    dialog = _export_dialog(qtbot, workspace)
    dialog.untagged.setChecked(True)
    dialog.sign_key.setText(str(key))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.out.setText(str(tmp_path / "pkg"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000) as finished:
        dialog.export_button.click()
    fingerprint = finished.args[0].summary.signed_by
    assert fingerprint == keys.unlock(key).fingerprint
    qtbot.waitUntil(lambda: "Signed: SHA256SUMS.sig" in _result(workspace.window))
    capsys.readouterr()
    code = cli.main(["verify-package", str(tmp_path / "pkg"), "--key", f"{key}.pub"])
    said = capsys.readouterr().out
    assert code == 0, said
    # its SHA256SUMS is signed by a trusted key; its history carries no checkpoint (the
    # window was not signing), so it is not called proven
    assert (f"signed by trusted key {fingerprint}: no problems found, but its history is not "
            "proven.") in said


def test_an_export_uses_the_session_key_without_asking_again(qtbot, controller, root, key,
                                                             tmp_path) -> None:
    registered(root, key)
    workspace = open_window(qtbot, controller, root, create=False)
    sign_and_wait(qtbot, workspace, key)
    dialog = _export_dialog(qtbot, workspace)
    assert dialog.sign_key.text() == str(key) and not dialog.passphrase.isEnabled()
    dialog.untagged.setChecked(True)
    dialog.out.setText(str(tmp_path / "pkg"))
    with qtbot.waitSignal(workspace.exporter.finished, timeout=60000) as finished:
        dialog.export_button.click()
    assert finished.args[0].summary.signed_by == workspace.signing.key.fingerprint
    with Catalogue.open(root) as catalogue:
        entries, _ = catalogue.custody_head()
        assert catalogue.custody_log()[-1].action == "export-package"
        assert [c.entry for c, _ in catalogue.checkpoints()][-1] == entries


def test_read_only_disables_signing_with_a_tooltip(qtbot, controller, root) -> None:
    with qtbot.waitSignal(controller.opened, timeout=60000):
        assert controller.open(root, read_only=True)
    window = controller.workspace.window
    for action in (window.sign_action, window.stop_signing_action, window.checkpoint_action,
                   window.timestamp_action):
        assert not action.isEnabled() and action.toolTip() == READ_ONLY_TIP, action.text()
    assert controller.workspace.signing.choose_key() is None


def test_the_key_used_last_is_offered_at_the_next_start(qtbot, root, key, dialogs,
                                                        tmp_path) -> None:
    from catalog_app.gui.app import make_app

    settings = AppSettings(QSettings(str(tmp_path / "again.ini"), QSettings.Format.IniFormat))
    settings.signing_key, settings.sign_at_start = key, True
    app = make_app(settings, "gui-tester", notify=dialogs.notify, ask=dialogs.ask, workers=2)
    try:
        workspace = open_window(qtbot, app, root, create=False)
        qtbot.waitUntil(lambda: workspace.signing.dialog is not None, timeout=10000)
        dialog = workspace.signing.dialog
        assert dialog.key.text() == str(key) and dialog.passphrase.text() == ""
        assert workspace.signing.key is None  # offered, not used until the passphrase is typed
    finally:
        app.close_window()
        qtbot.waitUntil(lambda: app.idle, timeout=60000)


def test_an_import_in_the_window_is_signed(qtbot, controller, root, key, corpus) -> None:
    from tests.conftest import corpus_files
    from tests.gui.conftest import import_and_wait

    registered(root, key)
    workspace = open_window(qtbot, controller, root, create=False)
    sign_and_wait(qtbot, workspace, key)
    summary, _ = import_and_wait(qtbot, workspace, corpus_files()[:2])
    assert summary.imported == 2
    with Catalogue.open(root) as catalogue:
        entries, _ = catalogue.custody_head()
        assert [c.entry for c, _ in catalogue.checkpoints()][-1] == entries


def test_closing_while_time_stamping_waits_for_the_run(qtbot, controller, root,
                                                       monkeypatch) -> None:
    import threading

    from catalog_app.gui.controllers import signing as signing_module
    from catalog_app.services.timestamps import StampRun

    release, sending = threading.Event(), threading.Event()

    def slow_authority(*_args, **_kwargs) -> StampRun:
        sending.set()
        release.wait(60)
        return StampRun()

    monkeypatch.setattr(signing_module, "stamp_heads", slow_authority)
    workspace = open_window(qtbot, controller, root, create=False)
    window = workspace.window
    assert workspace.signing.timestamp("http://127.0.0.1:9/tsr", None)
    qtbot.waitUntil(sending.is_set, timeout=10000)
    assert not window.timestamp_action.isEnabled()  # one run at a time
    assert not window.close()  # it stays open while the run waits on the network
    assert window.isVisible()
    with qtbot.waitSignal(window.closing, timeout=20000):
        release.set()
