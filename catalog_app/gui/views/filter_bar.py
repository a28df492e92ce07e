"""Filters above the grid: free text, camera, GPS, date range."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from catalog_app.core.models import PhotoFilter

ANY_CAMERA = "Any camera"


class FilterBar(QWidget):
    """Emits `changed` (debounced) whenever a filter changes."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(
            placeholderText="Search captions, keywords, incidents, places, cameras, file names…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show photos with every word typed (or a word beginning with "
                               "it) in the caption, keywords, incident name or place, camera "
                               "or file name; any case, any script (Ctrl+F)")
        self.camera = QComboBox()
        self.camera.setToolTip("Show photos from one camera")
        self.camera.addItem(ANY_CAMERA)
        self.gps = QComboBox()
        self.gps.addItems(["With or without GPS", "With GPS", "Without GPS"])
        self.gps.setToolTip("Filter by whether the photo records a position")
        self.use_from = QCheckBox("From")
        self.date_from = QDateEdit()
        self.use_to = QCheckBox("to")
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setToolTip("Capture date, as the camera recorded it")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.search, self.camera, self.gps, self.use_from, self.date_from,
                       self.use_to, self.date_to):
            layout.addWidget(widget)
        layout.setStretch(0, 3)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.changed)
        # Not connected straight to QTimer.start: its start(int msec) overload would take each
        # signal's argument as a new interval.
        for signal in (self.search.textChanged, self.camera.currentIndexChanged,
                       self.gps.currentIndexChanged, self.use_from.toggled, self.use_to.toggled,
                       self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self._schedule)

    def _schedule(self, *_: object) -> None:
        self._debounce.start()

    def set_cameras(self, cameras: list[str]) -> None:
        current = self.camera.currentText()
        self.camera.blockSignals(True)
        self.camera.clear()
        self.camera.addItem(ANY_CAMERA)
        self.camera.addItems(cameras)
        index = self.camera.findText(current)
        self.camera.setCurrentIndex(max(index, 0))
        self.camera.blockSignals(False)

    def set_date_range(self, first: str | None, last: str | None) -> None:
        """Start the date boxes at the catalogue's first and last capture dates, so that
        ticking "From" or "to" alone hides nothing; a box in use is left as chosen."""
        for box, edit, value in ((self.use_from, self.date_from, first),
                                 (self.use_to, self.date_to, last)):
            date = QDate.fromString(value or "", "yyyy-MM-dd")
            if not box.isChecked() and date.isValid():
                edit.blockSignals(True)
                edit.setDate(date)
                edit.blockSignals(False)

    def spec(self, collection: str) -> PhotoFilter:
        camera = self.camera.currentText()
        gps = {0: None, 1: True, 2: False}[self.gps.currentIndex()]
        return PhotoFilter(
            collection=collection,
            text=self.search.text(),
            camera=None if camera == ANY_CAMERA else camera,
            has_gps=gps,
            date_from=self.date_from.date().toString("yyyy-MM-dd") if self.use_from.isChecked()
            else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_to.isChecked()
            else None,
        )

    def show_spec(self, spec: PhotoFilter) -> None:
        """Set every filter to `spec`'s (a saved search recalled); `changed` follows once."""
        self.search.setText(spec.text)
        self.camera.setCurrentIndex(max(self.camera.findText(spec.camera or ANY_CAMERA), 0))
        self.gps.setCurrentIndex({None: 0, True: 1, False: 2}[spec.has_gps])
        for use, edit, value in ((self.use_from, self.date_from, spec.date_from),
                                 (self.use_to, self.date_to, spec.date_to)):
            use.setChecked(value is not None)
            if value:
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))
