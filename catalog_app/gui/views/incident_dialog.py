"""The incident editor: name, kind, place, position and radius, dates, description, sources."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from catalog_app.core import incident_fields
from catalog_app.core.models import Incident


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate (translated where it is shown); typed, unlike PySide's."""
    return text


# Offered kinds, shown in the window's language; the kind is the team's own text (stored as
# chosen or typed, never translated afterwards), so the catalogue's kinds are offered as they are.
KINDS = (QT_TRANSLATE_NOOP("IncidentDialog", "mass grave"),
         QT_TRANSLATE_NOOP("IncidentDialog", "killing of civilians"),
         QT_TRANSLATE_NOOP("IncidentDialog", "strike on a hospital"),
         QT_TRANSLATE_NOOP("IncidentDialog", "strike on a school"),
         QT_TRANSLATE_NOOP("IncidentDialog", "destroyed housing"),
         QT_TRANSLATE_NOOP("IncidentDialog", "destroyed infrastructure"),
         QT_TRANSLATE_NOOP("IncidentDialog", "detention site"),
         QT_TRANSLATE_NOOP("IncidentDialog", "torture site"),
         QT_TRANSLATE_NOOP("IncidentDialog", "attack on a convoy"),
         QT_TRANSLATE_NOOP("IncidentDialog", "cultural heritage damage"))


class IncidentDialog(QDialog):
    """New or edit: `incident()` gives the values; `changes()` only what was edited."""

    place_wanted = Signal(float, float)  # the window looks the town up off the GUI thread

    def __init__(self, incident: Incident | None, kinds: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = incident
        self.setWindowTitle(self.tr("Edit incident") if incident else self.tr("New incident"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)  # the list grows with what people type
        self.kind.addItems(sorted({self.tr(k) for k in KINDS} | set(kinds)))
        self.kind.setCurrentText("")
        self.place = QLineEdit()
        self.fill_place = QPushButton(self.tr("From position"))
        self.fill_place.setToolTip(self.tr("The nearest town, its region and country (offline)"))
        self.lat: QDoubleSpinBox = QDoubleSpinBox()
        self.lon: QDoubleSpinBox = QDoubleSpinBox()
        self.fill_place.clicked.connect(
            lambda: self.place_wanted.emit(self.lat.value(), self.lon.value()))
        for box, limit in ((self.lat, 90), (self.lon, 180)):
            box.setRange(-limit - 1, limit)  # one below the range means "none"
            box.setDecimals(6)
            box.setSpecialValueText("—")
            box.setValue(box.minimum())
        self.radius = QDoubleSpinBox()
        self.radius.setRange(0, 100000)
        self.radius.setSuffix(self.tr(" m", "metres"))
        self.radius.setSpecialValueText("—")
        self.start, self.end = QLineEdit(), QLineEdit()
        for edit in (self.start, self.end):
            edit.setPlaceholderText(self.tr("2024-07-08T10:45:00+03:00 (date, time, zone)"))
        self.description, self.sources, self.notes = (QPlainTextEdit(), QPlainTextEdit(),
                                                      QPlainTextEdit())
        self.sources.setPlaceholderText(self.tr("reports, links, witness references"))
        self.notes.setPlaceholderText(self.tr("the team's own notes (not published)"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        place_row, position = QHBoxLayout(), QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.fill_place)
        for widget in (QLabel(self.tr("lat")), self.lat, QLabel(self.tr("lon")), self.lon,
                       QLabel(self.tr("radius")), self.radius):
            position.addWidget(widget)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Place"), place_row)
        form.addRow(self.tr("Position"), position)
        form.addRow(self.tr("Starts"), self.start)
        form.addRow(self.tr("Ends"), self.end)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Sources"), self.sources)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        if incident is not None:
            self._fill(incident)
        self.resize(620, 640)

    def _fill(self, incident: Incident) -> None:
        self.name.setText(incident.name)
        self.kind.setCurrentText(incident.kind or "")
        self.place.setText(incident.place or "")
        if incident.lat is not None and incident.lon is not None:
            self.lat.setValue(incident.lat)
            self.lon.setValue(incident.lon)
        self.radius.setValue(incident.radius_m or 0)
        self.start.setText(incident.starts_at or "")
        self.end.setText(incident.ends_at or "")
        self.description.setPlainText(incident.description)
        self.sources.setPlainText(incident.sources)
        self.notes.setPlainText(incident.notes)

    def set_place(self, text: str) -> None:
        self.place.setText(text)

    def _accept(self) -> None:
        problem = self._problem()
        self.problem.setText(problem or "")
        if problem is None:
            self.accept()

    def _problem(self) -> str | None:
        """What is wrong with the fields, by the one rule every face applies."""
        located = self.lat.value() > self.lat.minimum()
        has_lon = self.lon.value() > self.lon.minimum()
        return incident_fields.problem(
            name=self.name.text(), lat=self.lat.value() if located else None,
            lon=self.lon.value() if has_lon else None, starts_at=self.start.text().strip(),
            ends_at=self.end.text().strip())

    def incident(self) -> Incident:
        located = self.lat.value() > self.lat.minimum()
        return Incident(
            self.original.id if self.original else 0, self.name.text().strip(),
            self.kind.currentText().strip() or None, self.place.text().strip() or None,
            self.lat.value() if located else None, self.lon.value() if located else None,
            self.radius.value() or None, self.start.text().strip() or None,
            self.end.text().strip() or None, self.description.toPlainText(),
            self.sources.toPlainText(), self.notes.toPlainText())

    def changes(self) -> dict:
        """The edited fields only, as Catalogue.edit_incident takes them."""
        new = self.incident()
        if self.original is None:
            return {}
        fields = ("name", "kind", "place", "lat", "lon", "radius_m", "starts_at", "ends_at",
                  "description", "sources", "notes")
        return {f: getattr(new, f) for f in fields
                if getattr(new, f) != getattr(self.original, f)}
