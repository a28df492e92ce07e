"""Filters above the grid: free text, camera, GPS, date range."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from catalog_app.core.labels import camera_label, make_spellings
from catalog_app.core.models import Camera, PhotoFilter

ANY_CAMERA = QT_TRANSLATE_NOOP("FilterBar", "Any camera")  # translated when shown
CAMERA_CHARS = 22  # characters of a camera's name the box itself shows


class FilterBar(QWidget):
    """Emits `changed` (debounced) whenever a filter changes."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(
            placeholderText=self.tr("Search captions, keywords, incidents, places, cameras, "
                                    "file names…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Show photos with every word typed (or a word beginning "
                                       "with it) in the caption, keywords, incident name or "
                                       "place, camera or file name; any case, any script "
                                       "(Ctrl+F)"))
        self.camera = QComboBox()
        self.camera.setToolTip(self.tr("Show photos from one camera"))
        self.camera.addItem(self.tr(str(ANY_CAMERA)), None)
        # Room for a usual name in the box; the list it opens is as wide as its longest name,
        # and the box's tooltip names the camera chosen in full.
        self.camera.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.camera.setMinimumContentsLength(CAMERA_CHARS)
        self.gps = QComboBox()
        self.gps.addItems([self.tr("With or without GPS"), self.tr("With GPS"),
                           self.tr("Without GPS")])
        self.gps.setToolTip(self.tr("Filter by whether the photo records a position"))
        self.use_from = QCheckBox(self.tr("From"))
        self.date_from = QDateEdit()
        self.use_to = QCheckBox(self.tr("to"))
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setToolTip(self.tr("Capture date, as the camera recorded it"))
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
        self.camera.currentIndexChanged.connect(self._name_chosen)

    def _schedule(self, *_: object) -> None:
        self._debounce.start()

    def set_cameras(self, cameras: list[tuple[str, str, int]]) -> None:
        """List each camera (make, model, photo count) by its readable name and count; the
        filter's value stays the make and model as recorded."""
        current = self.camera.currentData()
        spellings = make_spellings(make for make, _, _ in cameras)
        named = sorted(((camera_label(Camera(make or None, model or None), spellings=spellings),
                         f"{make} {model}".strip(), count) for make, model, count in cameras),
                       key=lambda entry: (entry[0].casefold(), entry[1]))
        self.camera.blockSignals(True)
        self.camera.clear()
        self.camera.addItem(self.tr(str(ANY_CAMERA)), None)
        for name, recorded, count in named:
            self.camera.addItem(f"{name}  ({QLocale().toString(count)})", recorded)
            self.camera.setItemData(self.camera.count() - 1,
                                    self.tr("Recorded as %1").replace("%1", recorded),
                                    Qt.ItemDataRole.ToolTipRole)
        index = self.camera.findData(current) if current is not None else 0
        self.camera.setCurrentIndex(max(index, 0))
        self.camera.blockSignals(False)
        view = self.camera.view()
        widest = max(view.fontMetrics().horizontalAdvance(self.camera.itemText(n))
                     for n in range(self.camera.count()))
        view.setMinimumWidth(widest + 2 * view.frameWidth() + 32)  # padding, a scroll bar
        self._name_chosen()

    def _name_chosen(self, *_: object) -> None:
        self.camera.setToolTip(self.tr("Show photos from one camera: %1")
                               .replace("%1", self.camera.currentText())
                               if self.camera.currentIndex() > 0 else
                               self.tr("Show photos from one camera"))

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
        camera = self.camera.currentData()
        gps = {0: None, 1: True, 2: False}[self.gps.currentIndex()]
        return PhotoFilter(
            collection=collection,
            text=self.search.text(),
            camera=camera or None,
            has_gps=gps,
            date_from=self.date_from.date().toString("yyyy-MM-dd") if self.use_from.isChecked()
            else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_to.isChecked()
            else None,
        )

    def show_spec(self, spec: PhotoFilter) -> None:
        """Set every filter to `spec`'s (a saved search recalled); `changed` follows once."""
        self.search.setText(spec.text)
        found = self.camera.findData(spec.camera) if spec.camera else 0
        self.camera.setCurrentIndex(max(found, 0))
        self.gps.setCurrentIndex({None: 0, True: 1, False: 2}[spec.has_gps])
        for use, edit, value in ((self.use_from, self.date_from, spec.date_from),
                                 (self.use_to, self.date_to, spec.date_to)):
            use.setChecked(value is not None)
            if value:
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))
