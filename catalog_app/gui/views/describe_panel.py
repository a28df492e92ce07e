"""The inspector's describing controls: incident, keywords and flags of the selected photos."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from catalog_app.core.models import Flag, Photo

UNTAGGED = QT_TRANSLATE_NOOP("DescribePanel", "— untagged —")  # translated when shown
MIXED = object()  # the selected photos are in different incidents: the box shows none


class KeywordEdit(QLineEdit):
    """Comma-separated keywords; the completer completes the word being typed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words = QStringListModel(self)
        self.completer_ = QCompleter(self.words, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    def keywords(self) -> list[str]:
        return list(dict.fromkeys(" ".join(w.split()) for w in self.text().split(",")
                                  if w.strip()))

    def _complete(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip()
        if not prefix:
            popup = self.completer_.popup()
            if popup is not None:
                popup.hide()
            return
        self.completer_.setCompletionPrefix(prefix)
        self.completer_.complete()

    def _insert(self, word: str) -> None:
        head = self.text().rsplit(",", 1)[0] + ", " if "," in self.text() else ""
        self.setText(f"{head}{word}, ")


class DescribePanel(QWidget):
    """Emits what the person changed; the window writes it on the database thread."""

    incident_chosen = Signal(object)  # incident id or None (untag)
    keywords_changed = Signal(list, list)  # added, removed
    flag_changed = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.incident = QComboBox()
        self.incident.setAccessibleName(self.tr("Incident"))
        self.incident.activated.connect(self._incident_activated)
        self.keywords = KeywordEdit()
        self.keywords.setAccessibleName(self.tr("Keywords"))
        self.keywords.setPlaceholderText(self.tr("keywords, separated by commas"))
        self.keywords.editingFinished.connect(self._keywords_done)
        self.flags: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for flag, label, tip in (
                (Flag.GRAPHIC, self.tr("Graphic"),
                 self.tr("Bodies or injuries: blurred behind a warning when published")),
                (Flag.RESTRICTED, self.tr("Restricted"),
                 self.tr("Must never leave the catalogue (a witness’s face, a secret location): "
                         "never published")),
                (Flag.CAPTION_REVIEW, self.tr("Check caption"),
                 self.tr("The caption needs review before it is published"))):
            box = QCheckBox(label)
            box.setToolTip(tip)
            box.clicked.connect(lambda checked, f=flag: self.flag_changed.emit(str(f), checked))
            self.flags[flag] = box
            row.addWidget(box)
        row.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Incident"), self.incident)
        form.addRow(self.tr("Keywords"), self.keywords)
        form.addRow(row)
        self._known: tuple[str, ...] = ()
        self._incident_shown: object = MIXED  # what the box shows, kept when the list is re-read
        self.show_photos(None, 0)

    def set_incidents(self, incidents: list[tuple[int, str]]) -> None:
        self.incident.clear()
        self.incident.addItem(self.tr(str(UNTAGGED)), None)
        for incident_id, name in incidents:
            self.incident.addItem(name, incident_id)
        self.show_incident(self._incident_shown)

    def show_incident(self, incident_id: object) -> None:
        """The selection's one incident (None: untagged), or MIXED: the box shows none."""
        self._incident_shown = incident_id
        index = -1 if incident_id is MIXED else self.incident.findData(incident_id)
        self.incident.setCurrentIndex(index if incident_id is MIXED else max(index, 0))

    def set_known_keywords(self, words: list[str]) -> None:
        self.keywords.words.setStringList(words)

    def show_photos(self, photo: Photo | None, selected: int) -> None:
        """One photo: its values. Several: neutral controls that apply to all of them."""
        self.setEnabled(selected > 0)
        self._known = photo.keywords if photo else ()
        self.keywords.setText(", ".join(self._known))
        self.keywords.setPlaceholderText(
            self.tr("keywords, separated by commas") if selected <= 1
            else self.tr("keywords to add to all %Ln photos", "", selected))
        self.show_incident(MIXED if photo is None else
                           photo.incident[0] if photo.incident else None)
        for flag, box in self.flags.items():
            box.setChecked(bool(photo and getattr(photo, flag)))

    def _incident_activated(self, _index: int) -> None:
        self.incident_chosen.emit(self.incident.currentData())

    def _keywords_done(self) -> None:
        now = self.keywords.keywords()
        added = [k for k in now if k not in self._known]
        removed = [k for k in self._known if k not in now]
        if added or removed:
            self._known = tuple(now)
            self.keywords_changed.emit(added, removed)
