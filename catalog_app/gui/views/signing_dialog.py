"""The dialogs of signing: choose a private key and type its passphrase; a time-stamping address."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def signing_note() -> str:
    return QCoreApplication.translate(
        "SigningDialog",
        "From now on every change you make in this window ends with a checkpoint: your key's "
        "signature of the custody log's head. Someone who later rewrites the log cannot forge "
        "it. The key is unlocked once and kept in memory until you stop signing or close the "
        "window; the passphrase is never stored.")


def register_note() -> str:
    return QCoreApplication.translate(
        "SigningDialog",
        "Registering records the key's public half in this catalogue's custody log (a logged "
        "entry), so anyone can check the checkpoints it signs; the private key never enters "
        "the catalogue.")


def tsa_note() -> str:
    return QCoreApplication.translate(
        "SigningDialog",
        "Sends the SHA-256 of the custody log's head (and of every head still queued) to a "
        "time-stamping authority (RFC 3161), which signs the time it saw it; nothing else "
        "leaves the computer. Heads that cannot be sent stay queued for the next time.")


def register_question(path: Path, fingerprint: str) -> str:
    """What the window asks when the key is not registered in the catalogue."""
    question = QCoreApplication.translate(
        "SigningDialog", "The key %1 (fingerprint %2…) is not registered in this catalogue, so "
        "its checkpoints would prove nothing. Register it now? %3")
    return (question.replace("%1", str(path)).replace("%2", fingerprint[:16])
            .replace("%3", register_note()))


def _file_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problem")
    label.setWordWrap(True)
    return label


class SigningDialog(QDialog):
    """Asks for a private key and its passphrase; `submitted` carries them. It stays open
    (busy) while the key is unlocked, shows why it could not be, or is closed by its owner."""

    submitted = Signal(object, bytes)  # the key file's Path, the passphrase typed

    def __init__(self, key_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign changes with a key"))
        self.setObjectName("signing-dialog")
        note = QLabel(signing_note())
        note.setWordWrap(True)
        self.key = QLineEdit(str(key_path) if key_path is not None else "")
        self.key.setAccessibleName(self.tr("Private key file"))
        self.key.setPlaceholderText(self.tr("the private key (catalog-app keygen), kept "
                                            "outside the catalogue"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(
            self.tr("the key's passphrase (empty for an unprotected key)"))
        self.problem = _problem_label()
        self.busy_note = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(self.tr("Sign changes"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Private key"), _file_row(self.key, choose))
        form.addRow(self.tr("Passphrase"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy_note)
        layout.addWidget(buttons)
        self.resize(620, 260)
        (self.passphrase if key_path is not None else self.key).setFocus()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose your private key"))
        if path:
            self.key.setText(path)

    def _submit(self) -> None:
        text = self.key.text().strip()
        if not text:
            self.show_problem(self.tr("Choose the private key file to sign with."))
            return
        secret = self.passphrase.text().encode("utf-8")
        self.passphrase.clear()  # the widget keeps no copy of it
        self.problem.clear()
        self.set_busy(True)
        self.submitted.emit(Path(text).expanduser(), secret)

    def set_busy(self, busy: bool) -> None:
        """While the key is unlocked (off the GUI thread): no second attempt."""
        self.sign_button.setEnabled(not busy)
        self.key.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.busy_note.setText(self.tr("Unlocking the key…") if busy else "")

    def show_problem(self, sentence: str) -> None:
        self.set_busy(False)
        self.problem.setText(sentence)
        self.passphrase.setFocus()


class TimestampDialog(QDialog):
    """Asks for the time-stamping authority's address and, optionally, its CA's certificate."""

    def __init__(self, url: str, ca_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Time-stamp the record"))
        self.setObjectName("timestamp-dialog")
        note = QLabel(tsa_note())
        note.setWordWrap(True)
        self.url = QLineEdit(url)
        self.url.setAccessibleName(self.tr("Time-stamping authority address"))
        self.url.setPlaceholderText(self.tr("https://… (given by the authority; nothing is "
                                            "sent without one)"))
        self.ca = QLineEdit(str(ca_file) if ca_file is not None else "")
        self.ca.setAccessibleName(self.tr("Authority's CA certificate"))
        self.ca.setPlaceholderText(
            self.tr("optional: its CA certificate (PEM); default: the system's"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        self.problem = _problem_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(self.tr("Time-stamp"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Authority"), self.url)
        form.addRow(self.tr("CA certificate"), _file_row(self.ca, choose))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, 220)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The authority's CA certificate (PEM)"))
        if path:
            self.ca.setText(path)

    def _accept(self) -> None:
        if not self.url.text().strip():
            self.problem.setText(self.tr("Give the time-stamping authority's address; nothing "
                                         "is sent without one."))
            return
        self.accept()

    def chosen(self) -> tuple[str, Path | None]:
        ca = self.ca.text().strip()
        return self.url.text().strip(), Path(ca).expanduser() if ca else None
