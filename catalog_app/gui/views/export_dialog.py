"""The export dialog: what to export (incidents, selection, dates), how, and where."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from catalog_app import i18n
from catalog_app.core.models import ExportKind, Incident
from catalog_app.export.gallery import GalleryOptions
from catalog_app.export.selection import Selection

GALLERY, PACKAGE = ExportKind.GALLERY, ExportKind.PACKAGE
LANGUAGE_NAMES = {"en": "English", "uk": "Українська"}  # never translated: each in itself


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kind: ExportKind
    out: Path
    selection: Selection
    gallery: GalleryOptions
    make_zip: bool
    sign_with: Path | None = None
    passphrase: bytes | None = field(default=None, repr=False)  # typed for sign_with; not kept
    redacted_copies: bool = False  # the package's redacted/ (the CLI's --redacted-copies)


class ExportDialog(QDialog):
    """Asks what to export; `request()` reads the answer once the dialog is accepted."""

    def __init__(self, incidents: list[Incident], selected_ids: list[int], kind: ExportKind,
                 parent: QWidget | None = None, session_key: Path | None = None,
                 language: str | None = None,
                 days: tuple[str | None, str | None] = (None, None)) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.session_key = session_key  # the key the window signs with, already unlocked
        self.selected_ids = selected_ids
        self.gallery_button = QRadioButton(self.tr("Gallery to publish (safe: no locations, no "
                                           "camera data, no restricted photos)"))
        self.package_button = QRadioButton(self.tr("Evidence package for investigators (originals, "
                                           "hashes, manifest, custody record)"))
        (self.gallery_button if kind == GALLERY else self.package_button).setChecked(True)

        self.incidents = QListWidget()
        self.incidents.setAccessibleName(self.tr("Incidents to export"))
        self.incidents.setMaximumHeight(160)
        for incident in incidents:
            item = QListWidgetItem(f"{incident.name}  ({incident.photo_count})")
            item.setData(Qt.ItemDataRole.UserRole, incident.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.incidents.addItem(item)
        self.only_selected = QCheckBox(self.tr("Only the %Ln selected photos", "",
                                               len(selected_ids)))
        self.only_selected.setEnabled(bool(selected_ids))
        self.untagged = QCheckBox(self.tr("Also photos not tagged to an incident"))
        self.limit_dates = QCheckBox(self.tr("Only photos taken from"))
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        # the catalogue's first and last capture days, as the grid's date filter: "today" would
        # limit the export to photos nobody took yet
        for edit, day in zip((self.date_from, self.date_to), days, strict=True):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            known = QDate.fromString(day, "yyyy-MM-dd") if day else QDate()
            edit.setDate(known if known.isValid() else QDate.currentDate())
            edit.setEnabled(False)
        self.limit_dates.toggled.connect(self.date_from.setEnabled)
        self.limit_dates.toggled.connect(self.date_to.setEnabled)
        dates = QHBoxLayout()
        for widget in (self.limit_dates, self.date_from, QLabel(self.tr("to")), self.date_to):
            dates.addWidget(widget)
        dates.addStretch()

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Documented incidents (in the gallery's language)"))
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(self.tr("e.g. the team's or organisation's name"))
        self.max_size = QSpinBox()
        self.max_size.setRange(256, 8192)
        self.max_size.setSingleStep(256)
        self.max_size.setValue(2048)
        self.max_size.setSuffix(self.tr(" px"))
        self.keep_location = QCheckBox(
            self.tr("Keep GPS positions in the published photos and pages"))
        self.keep_location.setToolTip(self.tr("Off by default: a position can endanger people and "
                                      "sites. Turn it on only on purpose."))
        self.make_zip = QCheckBox(self.tr("Also make a .zip of the package"))
        self.restricted = QCheckBox(
            self.tr("Include restricted photos (recorded in the custody log)"))
        self.redacted_copies = QCheckBox(self.tr(
            "Also redacted copies (redacted/: full-size copies of "
            "the photos with redaction regions, regions hidden)"))
        self.redacted_copies.setToolTip(self.tr(
            "The originals stay untouched in originals/; "
            "redacted/manifest.json ties each copy to its original."))
        self.gallery_box, self.package_box = QWidget(), QWidget()
        gallery_form = QFormLayout(self.gallery_box)
        gallery_form.addRow(self.tr("Title"), self.title)
        gallery_form.addRow(self.tr("Credit"), self.credit)
        gallery_form.addRow(self.tr("Longest side"), self.max_size)
        gallery_form.addRow(self.keep_location)
        package_form = QVBoxLayout(self.package_box)
        package_form.addWidget(self.make_zip)
        package_form.addWidget(self.restricted)
        package_form.addWidget(self.redacted_copies)

        self.sign_key = QLineEdit()
        self.sign_key.setPlaceholderText(self.tr(
            "optional: an Ed25519 key (catalog-app keygen), kept outside the catalogue"))
        self.sign_key.setAccessibleName(self.tr("Signing key"))
        choose_key = QPushButton(self.tr("Key…"))
        choose_key.clicked.connect(self._choose_key)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Signing key's passphrase"))
        self.passphrase.setMaximumWidth(220)
        signing_row = QHBoxLayout()
        signing_row.addWidget(QLabel(self.tr("Sign with")))
        signing_row.addWidget(self.sign_key, 1)
        signing_row.addWidget(choose_key)
        signing_row.addWidget(QLabel(self.tr("Passphrase")))
        signing_row.addWidget(self.passphrase)
        self.sign_key.textChanged.connect(self._key_changed)
        if session_key is not None:
            self.sign_key.setText(str(session_key))
        self._key_changed()

        # The pages' or README's language, the window's by default: a Ukrainian window may
        # export an English gallery. Each language named in itself.
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the export"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(
            i18n.normalise(language) or i18n.current())))
        language_row = QHBoxLayout()
        language_row.addWidget(QLabel(self.tr("Language of the pages or README")))
        language_row.addWidget(self.language)
        language_row.addStretch()

        self.out = QLineEdit()
        self.out.setPlaceholderText(
            self.tr("an empty folder (or an earlier gallery, to update it)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.out, 1)
        where.addWidget(browse)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.gallery_button)
        layout.addWidget(self.package_button)
        layout.addWidget(QLabel(self.tr("Incidents")))
        layout.addWidget(self.incidents)
        layout.addWidget(self.only_selected)
        layout.addWidget(self.untagged)
        layout.addLayout(dates)
        layout.addWidget(self.gallery_box)
        layout.addWidget(self.package_box)
        layout.addLayout(signing_row)
        layout.addLayout(language_row)
        layout.addWidget(QLabel(self.tr("Export to")))
        layout.addLayout(where)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.gallery_button.toggled.connect(self._kind_changed)
        self._kind_changed()
        self.resize(640, 680)

    def _kind_changed(self) -> None:
        gallery = self.gallery_button.isChecked()
        self.gallery_box.setVisible(gallery)
        self.package_box.setVisible(not gallery)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the export"))
        if folder:
            self.out.setText(folder)

    def _choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the signing key"))
        if path:
            self.sign_key.setText(path)

    def _key_changed(self) -> None:
        """The session key needs no passphrase (it is unlocked); another key may need one."""
        same = self.session_key is not None and self.chosen_key() == self.session_key
        self.passphrase.setEnabled(not same and bool(self.sign_key.text().strip()))
        self.passphrase.setPlaceholderText(
            self.tr("not needed: the key you sign with") if same
            else self.tr("if the key is protected"))
        if same:
            self.passphrase.clear()

    def chosen_key(self) -> Path | None:
        text = self.sign_key.text().strip()
        return Path(text).expanduser() if text else None

    def _accept(self) -> None:
        if not self.out.text().strip():
            self.problem.setText(self.tr("Choose a folder to export to."))
            return
        if not self.checked_incidents() and not self.untagged.isChecked() \
                and not self.only_selected.isChecked():
            self.problem.setText(self.tr("Tick at least one incident, or the untagged photos."))
            return
        self.accept()

    def checked_incidents(self) -> tuple[int, ...]:
        items = (self.incidents.item(i) for i in range(self.incidents.count()))
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked)

    def request(self) -> ExportRequest:
        every = self.incidents.count() == len(self.checked_incidents())
        dates = self.limit_dates.isChecked()
        selection = Selection(
            incident_ids=() if every else self.checked_incidents() or (-1,),
            photo_ids=tuple(self.selected_ids) if self.only_selected.isChecked() else (),
            date_from=_day(self.date_from) if dates else None,
            date_to=_day(self.date_to) if dates else None,
            include_untagged=self.untagged.isChecked(),
            include_restricted=self.restricted.isChecked()
            and self.package_button.isChecked())
        key = self.chosen_key()
        secret = self.passphrase.text().encode("utf-8") if self.passphrase.isEnabled() \
            and self.passphrase.text() else None
        self.passphrase.clear()  # the dialog keeps no copy of it
        options = GalleryOptions(selection, self.keep_location.isChecked(),
                                 self.max_size.value(), self.credit.text().strip(),
                                 self.title.text().strip(), sign_with=key,
                                 language=self.language.currentData())
        kind = GALLERY if self.gallery_button.isChecked() else PACKAGE
        return ExportRequest(kind, Path(self.out.text().strip()).expanduser(), selection,
                             options, self.make_zip.isChecked(), key, secret,
                             self.redacted_copies.isChecked() and kind == PACKAGE)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
