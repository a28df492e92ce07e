"""Signing from the window: unlock a key once, sign every change's head with it, checkpoint now,
and time-stamp the record through a time-stamping authority the user names."""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar

from catalog_app.core import keys
from catalog_app.core.keys import Checkpoint, SessionKey
from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import AppError, UsageError
from catalog_app.gui.controllers import fill
from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.settings_store import AppSettings
from catalog_app.gui.tasks import Cancel, TaskRunner
from catalog_app.gui.views.main_window import MainWindow
from catalog_app.gui.views.signing_dialog import SigningDialog, TimestampDialog, register_question
from catalog_app.services.keys import (
    KeyNotRegistered,
    register_key,
    session_key,
    trust_key,
)
from catalog_app.services.timestamps import StampRun, stamp_heads

Ask = Callable[[str, str], bool]
READ_ONLY_TIP = ("Not available: this catalogue is open read-only, so nothing can be signed or "
                 "time-stamped.")  # in English; shown through read_only_tip()


translate = QCoreApplication.translate  # lupdate reads each call's literal context and text


def read_only_tip() -> str:
    return translate("SigningController", "Not available: this catalogue is open read-only, "
                     "so nothing can be signed or time-stamped.")


def signing_label(key: SessionKey) -> str:
    """The status bar's permanent line while the window signs."""
    return fill(translate("SigningController", "Signing as key %1…"), key.fingerprint[:8])


def unlock_outside(path: Path, passphrase: bytes, root: Path) -> SessionKey:
    """Decrypt the key once (slow-ish: on a worker thread), refused inside the catalogue."""
    keys.refuse_inside(path, [root])  # before its passphrase is tried
    key = keys.unlock(path, passphrase or None)
    # whoever holds the private key and its passphrase is its operator: their own verify
    # takes its checkpoints as proof (keygen does the same on the command line)
    trust_key(key.public_pem, f"{key.path.name} (signed with in the window)")
    return key


def stamp_work(root: Path, url: str, ca_file: Path | None, key: SessionKey | None,
               actor: Actor) -> Callable[[Cancel], Generator[None, None, StampRun]]:
    """The time-stamp run as a job: its own connection; its `timestamped` entries are signed
    with the session key like every other change of the window."""
    def work(_cancel: Cancel) -> Generator[None, None, StampRun]:
        ca_pem = None
        if ca_file is not None:
            try:
                ca_pem = ca_file.read_bytes()
            except OSError as exc:
                raise UsageError(fill(translate(
                    "SigningController", "The CA certificate file %1 cannot be read (%2)."),
                    ca_file, exc.strerror)) from exc
        with Catalogue.open(root) as catalogue:
            catalogue.sign_checkpoints_with(key)
            return stamp_heads(catalogue, url, ca_pem, actor)
        yield  # a generator, as the job controller runs them

    return work


class SigningController(QObject):
    """Holds the session key (GUI thread) and sets it on the catalogue (its database thread)."""

    signing_changed = Signal(object)  # the SessionKey, or None when signing stopped
    refused = Signal(str)  # why a key could not be used (also shown in the dialog)
    checkpointed = Signal(object)  # the Checkpoint made by "Checkpoint now"
    stamped = Signal(object)  # StampRun
    stamp_failed = Signal(str)
    dialog_opened = Signal(object)  # the SigningDialog or TimestampDialog (tests, screenshots)

    def __init__(self, session: CatalogueSession, window: MainWindow, status: QStatusBar,
                 background: TaskRunner, app_settings: AppSettings, ask: Ask) -> None:
        super().__init__(window)
        self.session, self.window, self.status = session, window, status
        self.background, self.settings, self.ask = background, app_settings, ask
        self.key: SessionKey | None = None
        self.dialog: SigningDialog | None = None
        self.job = JobController(self)  # the time-stamp run
        self.closing = False
        self.label = QLabel()
        self.label.setObjectName("signingNote")
        self.label.setVisible(False)
        status.addPermanentWidget(self.label)
        window.sign_action.triggered.connect(lambda _c=False: self.choose_key())
        window.stop_signing_action.triggered.connect(lambda _c=False: self.stop())
        window.checkpoint_action.triggered.connect(lambda _c=False: self.checkpoint_now())
        window.timestamp_action.triggered.connect(lambda _c=False: self.ask_timestamp())
        self.read_only = session.catalogue.read_only
        self._update_actions()
        if self.read_only:
            for action in self._actions:
                action.setToolTip(read_only_tip())
                action.setStatusTip(read_only_tip())
        elif app_settings.sign_at_start and app_settings.signing_key is not None:
            QTimer.singleShot(0, self, self.choose_key)  # offered once the window shows

    @property
    def _actions(self):
        w = self.window
        return (w.sign_action, w.stop_signing_action, w.checkpoint_action, w.timestamp_action)

    def _update_actions(self) -> None:
        writable = not self.read_only
        signing = self.key is not None
        self.window.sign_action.setEnabled(writable)
        self.window.stop_signing_action.setEnabled(writable and signing)
        self.window.checkpoint_action.setEnabled(writable and signing)
        self.window.timestamp_action.setEnabled(writable and not self.job.running)

    @property
    def running(self) -> bool:
        return self.job.running

    # -- choosing and unlocking the key --------------------------------------------------
    def choose_key(self) -> SigningDialog | None:
        """The signing dialog, offering the key used last (its path; never its passphrase)."""
        if self.read_only:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = SigningDialog(self.settings.signing_key, self.window)
        dialog.submitted.connect(lambda path, secret: self.unlock(dialog, path, secret))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _close_dialog(self) -> None:
        """Close an open signing dialog now, its signals cut first, so nothing of it runs
        while Qt deletes the window it belongs to."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.submitted.disconnect()
            dialog.finished.disconnect()
            dialog.close()
            dialog.deleteLater()

    def _dialog_closed(self, dialog: SigningDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def unlock(self, dialog: SigningDialog, path: Path, passphrase: bytes) -> None:
        """Unlock on a worker, then make it the catalogue's session key on its thread."""
        root = self.session.root
        self.background.run(dialog, lambda: unlock_outside(path, passphrase, root),
                            lambda key: self._use(dialog, key),
                            lambda error: self._refuse(dialog, error))

    def _use(self, dialog: SigningDialog, key: SessionKey) -> None:
        def registered_or_not(error: BaseException) -> None:
            if not isinstance(error, KeyNotRegistered):
                self._refuse(dialog, error)
            elif self.ask(self.tr("Register this key?"),
                          register_question(key.path, key.fingerprint)):
                self.session.write(dialog, lambda c, actor: _register_and_sign(c, key, actor),
                                   lambda _made: self._signing(dialog, key),
                                   lambda failed: self._refuse(dialog, failed))
            else:
                self._refuse(dialog, KeyNotRegistered(self.tr(
                    "Not signing: the key is not registered in this catalogue, and "
                    "checkpoints by a key it does not know would prove nothing.")))

        self.session.write(dialog, lambda c, _actor: session_key(c, key.path),
                           lambda _key: self._signing(dialog, key), registered_or_not)

    def _refuse(self, dialog: SigningDialog, error: BaseException) -> None:
        sentence = str(error) if isinstance(error, AppError) else (
            fill(self.tr("The key cannot be used: %1"), error))
        dialog.show_problem(sentence)
        self.refused.emit(sentence)

    def _signing(self, dialog: SigningDialog, key: SessionKey) -> None:
        self.key = key
        self.settings.signing_key = key.path
        self.settings.sign_at_start = True
        self.label.setText(signing_label(key))
        self.label.setToolTip(fill(self.tr("Every change made in this window ends with a "
                                           "checkpoint signed by key %1 (%2)."),
                                   key.fingerprint, key.path))
        self.label.setVisible(True)
        self._update_actions()
        dialog.accept()
        self.status.showMessage(fill(self.tr("Signing every change with key %1…."),
                                     key.fingerprint[:16]), 8000)
        self.signing_changed.emit(key)

    def stop(self) -> None:
        """Changes from now on are not signed (checkpoints made so far stay)."""
        def stopped(_none: object) -> None:
            self.key = None
            self.settings.sign_at_start = False  # not offered at the next start
            self.label.setVisible(False)
            self._update_actions()
            self.status.showMessage(self.tr("Signing stopped: changes are no longer signed."),
                                    8000)
            self.signing_changed.emit(None)

        self.session.write(self, lambda c, _actor: c.sign_checkpoints_with(None), stopped)

    # -- checkpoints and time-stamps -----------------------------------------------------
    def checkpoint_now(self) -> None:
        """Sign the current head now; it is queued for a trusted time-stamp."""
        def made(checkpoint: Checkpoint | None) -> None:
            if checkpoint is None:
                self.status.showMessage(self.tr("The custody log is empty; there is nothing "
                                                "to sign yet."), 8000)
                return
            self.status.showMessage(fill(
                self.tr("Checkpoint: entry %1 signed by key %2… (queued for a time-stamp)."),
                checkpoint.entry, checkpoint.key_fingerprint[:8]), 10000)
            self.checkpointed.emit(checkpoint)

        self.session.write(self, lambda c, _actor: c.sign_checkpoint(), made,
                           lambda error: self.status.showMessage(str(error), 15000))

    def ask_timestamp(self) -> TimestampDialog | None:
        """Ask for the authority's address (remembered; empty at first: nothing is sent)."""
        if self.read_only or self.job.running:
            return None
        dialog = TimestampDialog(self.settings.tsa_url, self.settings.tsa_ca, self.window)

        def chosen() -> None:
            url, ca = dialog.chosen()
            self.settings.tsa_url, self.settings.tsa_ca = url, ca
            self.timestamp(url, ca)

        dialog.accepted.connect(chosen)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def timestamp(self, url: str, ca_file: Path | None) -> bool:
        """Send the queued heads on the job thread; the result or the error is shown."""
        work = stamp_work(self.session.root, url, ca_file, self.key, self.session.actor)
        if not self.job.start(work):
            return False

        def done(run: StampRun) -> None:
            disconnect()
            self._update_actions()
            if not self.closing:
                self._show(QMessageBox.Icon.Warning if run.error else
                           QMessageBox.Icon.Information, self.stamp_sentence(run))
            self.stamped.emit(run)

        def failed(message: str) -> None:
            disconnect()
            self._update_actions()
            if not self.closing:
                self._show(QMessageBox.Icon.Warning, message)
            self.stamp_failed.emit(message)

        def disconnect() -> None:
            self.job.finished.disconnect(done)
            self.job.failed.disconnect(failed)

        self.job.finished.connect(done)
        self.job.failed.connect(failed)
        self._update_actions()
        self.status.showMessage(
            fill(self.tr("Time-stamping the custody log's head with %1…"), url), 30000)
        return True

    def stamp_sentence(self, run: StampRun) -> str:
        """The result of a time-stamp run in a few sentences."""
        done = [fill(self.tr("Entry %1 was time-stamped by %2 at %3."), s.entry, s.tsa_name,
                     s.gen_time) for s in run.stamped]
        if run.error is not None:
            return " ".join([*done, str(run.error),
                             self.tr("%Ln heads stay queued for the next time.", "",
                                     run.still_queued)])
        return " ".join(done) or self.tr("Nothing to time-stamp: every head has its token.")

    def _show(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.tr("Time-stamp"), text, parent=self.window)
        box.setObjectName("timestamp-result")
        box.open()

    # -- closing -------------------------------------------------------------------------
    def guard(self, then: Callable[[], bool]) -> Callable[[], bool]:
        """The window's close guard: while a time-stamp run waits on the network the window
        stays open and closes when it ends; then `then` (the workspace's guard) decides."""
        def may_close() -> bool:
            if not self.job.running:
                if not then():
                    return False
                self._close_dialog()  # before the window, its parent, is deleted
                return True
            if not self.closing:
                self.closing = True
                self.job.finished.connect(lambda _r: self.window.close())
                self.job.failed.connect(lambda _m: self.window.close())
                self.status.showMessage(self.tr("Finishing the time-stamp before closing…"))
            return False

        return may_close


def _register_and_sign(catalogue: Catalogue, key: SessionKey, actor: Actor) -> Checkpoint | None:
    """Register the key (a logged entry), make it the session key, and sign that entry."""
    register_key(catalogue, key.public_pem, key.protected, actor)
    session_key(catalogue, key.path)
    return catalogue.sign_checkpoint()
