"""The inspector: a preview and everything the catalogue knows about the selected photo."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core import clock, timezones
from catalog_app.core.history import HistoryLine
from catalog_app.core.labels import camera_label, time_label
from catalog_app.core.models import Photo, TimeSource
from catalog_app.gui.views.describe_panel import DescribePanel
from catalog_app.gui.views.faces_row import FacesRow
from catalog_app.gui.views.history_table import HistoryTable, HistoryWindow

ZONE_SOURCES = {  # translated when shown (context "Inspector")
    TimeSource.EXIF_OFFSET:
        QT_TRANSLATE_NOOP("Inspector", "zone written by the camera (EXIF offset)"),
    TimeSource.GPS_TIME:
        QT_TRANSLATE_NOOP("Inspector", "zone from the GPS time stamp"),
    TimeSource.GPS_POSITION:
        QT_TRANSLATE_NOOP("Inspector", "zone at the GPS position (offline lookup)"),
    TimeSource.UNKNOWN:
        QT_TRANSLATE_NOOP("Inspector", "zone unknown: local camera time"),
    TimeSource.XMP:
        QT_TRANSLATE_NOOP("Inspector", "time from XMP (no EXIF time); "
                                       "its zone as written, else at the GPS position"),
    TimeSource.IPTC:
        QT_TRANSLATE_NOOP("Inspector", "time from IPTC (no EXIF time); "
                                       "its zone as written, else at the GPS position"),
    TimeSource.NONE:
        QT_TRANSLATE_NOOP("Inspector", "no capture time recorded"),
}


class CaptionBox(QPlainTextEdit):
    """The caption text: Ctrl+Z undoes typing, and once there is none to undo (as right after
    a save) it is the window's Edit > Undo, so it takes back the saved caption."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            document = self.document()
            if ((event.matches(QKeySequence.StandardKey.Undo)
                 and not document.isUndoAvailable())
                    or (event.matches(QKeySequence.StandardKey.Redo)
                        and not document.isRedoAvailable())):
                event.ignore()  # not ours: the window's shortcut runs
                return False
        return super().event(event)


class Inspector(QScrollArea):
    """Thin view: show_photo() fills it, set_preview() shows the picture."""

    preview_size_changed = Signal(QSize)
    caption_edited = Signal(int, str, str)  # photo id, old caption, new caption

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(280)
        self.setAccessibleName(self.tr("Inspector"))
        body = QWidget()
        layout = QVBoxLayout(body)
        self.preview = QLabel(self.tr("No photo selected"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(200)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.preview.setObjectName("preview")
        layout.addWidget(self.preview)
        self.caption = CaptionBox()
        self.caption.setPlaceholderText(self.tr("Caption: what this photo shows"))
        self.caption.setAccessibleName(self.tr("Caption"))
        self.caption.setMaximumHeight(80)
        self.save_caption = QPushButton(self.tr("Save caption"))
        self.save_caption.setToolTip(self.tr("Save the caption (Ctrl+Return); Ctrl+Z undoes it"))
        self.save_caption.clicked.connect(self._save_caption)
        QShortcut(QKeySequence("Ctrl+Return"), self.caption, self._save_caption)
        layout.addWidget(self.caption)
        layout.addWidget(self.save_caption)
        self.describe = DescribePanel()
        layout.addWidget(self.describe)
        self.faces = FacesRow()  # "N faces found, not reviewed" (gui/controllers/faces.py)
        layout.addWidget(self.faces)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in (("taken", self.tr("Taken")), ("zone", self.tr("Time zone")),
                           ("utc", "UTC"), ("camera", self.tr("Camera")),
                           ("size", self.tr("Dimensions")), ("format", self.tr("File")),
                           ("sha256", "SHA-256"), ("imported", self.tr("Imported")),
                           ("sources", self.tr("Sources")), ("where", self.tr("Where")),
                           ("duplicate", self.tr("Duplicate")),
                           ("warnings", self.tr("Warnings")),
                           ("redactions", self.tr("Redactions"))):
            field = QLabel("—", wordWrap=True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            field.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.fields[key] = field
            form.addRow(label, field)
            if key == "utc":
                form.addRow("GPS", self._gps_row())
        self.fields["sha256"].setFont(QFont("monospace", 8))
        self._form = form
        layout.addLayout(form)
        heading = QLabel(self.tr("History (custody log, newest first)"))
        heading.setObjectName("historyHeading")
        layout.addWidget(heading)
        self.history = HistoryTable()
        heading.setBuddy(self.history)
        layout.addWidget(self.history)
        self.open_history = QPushButton(self.tr("Open history in a window…"))
        self.open_history.setToolTip(self.tr("The same history, wide, with UTC times; it "
                                             "follows the photo shown here"))
        self.open_history.clicked.connect(self._open_history_window)
        layout.addWidget(self.open_history)
        self.history_window: HistoryWindow | None = None
        self._history: tuple[int, list[HistoryLine]] | None = None
        layout.addStretch(1)
        self.setWidget(body)
        self._pixmap: QPixmap | None = None
        self._photo: Photo | None = None
        self.show_photo(None)

    def _gps_row(self) -> QWidget:
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.gps = QLineEdit(readOnly=True)
        self.gps.setAccessibleName(self.tr("GPS position"))
        self.copy_gps = QPushButton(self.tr("Copy"))
        self.copy_gps.setToolTip(self.tr("Copy the position as «latitude, longitude»"))
        self.copy_gps.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.gps.text()))
        self.open_map = QPushButton(self.tr("Map…"))
        self.open_map.setToolTip(self.tr("Open the position on OpenStreetMap in your browser "
                                         "(needs a network; nothing is sent unless you click)"))
        self.open_map.clicked.connect(self._open_map)
        buttons = QHBoxLayout()  # under the field, so "lat, lon" is shown whole
        buttons.addWidget(self.copy_gps)
        buttons.addWidget(self.open_map)
        buttons.addStretch(1)
        layout.addWidget(self.gps)
        layout.addLayout(buttons)
        return row

    def show_photo(self, photo: Photo | None, selected: int = 0) -> None:
        previous, self._photo = self._photo, photo
        self.describe.show_photos(photo, 1 if photo else selected)
        self.caption.setPlainText(photo.caption if photo else "")
        self.caption.setEnabled(photo is not None)
        self.save_caption.setEnabled(photo is not None)
        self._history = None
        self.open_history.setEnabled(False)
        has_gps = bool(photo and photo.capture.gps)
        self.copy_gps.setEnabled(has_gps)
        self.open_map.setEnabled(has_gps)
        if photo is None:
            self.faces.show_scan(None, None)
            for field in self.fields.values():
                field.setText("—")
            self._form.setRowVisible(self.fields["duplicate"], False)
            self.history.show_message("—")
            self.gps.setText("")
            self._pixmap = None
            text = (self.tr("%Ln photos selected", "", selected) if selected > 1
                    else self.tr("No photo selected"))
            self.preview.setPixmap(QPixmap())
            self.preview.setText(text)
            return
        capture = photo.capture
        taken = capture.taken_at
        text = time_label(taken, "—")
        if photo.taken_at_corrected is not None and photo.clock_offset_s is not None:
            text = (self.tr("%1\n(camera clock corrected %2; recorded %3)")
                    .replace("%1", time_label(photo.taken_at_corrected))
                    .replace("%2", clock.describe_offset(photo.clock_offset_s))
                    .replace("%3", text))
        self.fields["taken"].setText(text)
        self.fields["zone"].setText(self.tr(str(ZONE_SOURCES[capture.time_source])))
        utc = photo.best_time_utc  # the same moment as the (corrected) local time above it
        self.fields["utc"].setText(timezones.to_utc_iso(utc) if utc else "—")
        gps = capture.gps
        self.gps.setText(f"{gps.lat:.6f}, {gps.lon:.6f}" if gps else "")
        altitude = (self.tr("altitude %1 m").replace("%1", QLocale().toString(gps.alt, "f", 1))
                    if gps and gps.alt is not None else "")
        self.gps.setToolTip(altitude)
        placed = photo.assigned  # no camera GPS: a position from a track or by hand, so labelled
        if gps is None and placed is not None:
            how = (self.tr("from a track") if placed.source.value == "track"
                   else self.tr("by hand"))
            self.gps.setText(f"{placed.lat:.6f}, {placed.lon:.6f} ({how})")
            self.gps.setToolTip(self.tr("%1; not the camera’s GPS").replace("%1", placed.detail))
        self.gps.setCursorPosition(0)  # show the latitude first when the field is narrow
        cam = capture.camera
        camera = camera_label(cam) or "—"
        self.fields["camera"].setText(camera + (self.tr(" · serial %1").replace("%1", cam.serial)
                                                if cam.serial else ""))
        orientation = (self.tr(" · EXIF orientation %1").replace("%1", str(capture.orientation))
                       if capture.orientation else "")
        self.fields["size"].setText(self.tr("%1 × %2 px").replace("%1", str(photo.width))
                                     .replace("%2", str(photo.height)) + orientation)
        self.fields["format"].setText(self.tr("%1 · %2 MB").replace("%1", photo.format).replace(
            "%2", QLocale().toString(photo.size_bytes / 1e6, "f", 2)))
        self.fields["sha256"].setText(photo.sha256)
        self.fields["imported"].setText(photo.imported_at)
        self.fields["sources"].setText("\n".join(s.path for s in photo.sources) or "—")
        self.fields["warnings"].setText("\n".join(capture.warnings) or self.tr("none"))
        same_place = (previous is not None and previous.id == photo.id
                      and previous.capture.gps == capture.gps
                      and previous.incident == photo.incident)
        if not same_place:  # shown again after a change: keep the line, it is still true
            self.fields["where"].setText("…" if capture.gps
                                            else self.tr("no position recorded"))
        keeper = photo.duplicate_of
        self.fields["duplicate"].setText(
            self.tr("marked as a duplicate of photo %1 (the keeper)").replace("%1", str(keeper))
            if keeper else "")
        self._form.setRowVisible(self.fields["duplicate"], keeper is not None)
        self.fields["redactions"].setText("…")
        self.history.show_message(self.tr("Loading…"))
        self.preview.setText(self.tr("Loading preview…"))

    def show_where(self, photo_id: int, text: str) -> None:
        if self._photo is not None and self._photo.id == photo_id:
            self.fields["where"].setText(text)

    def show_redactions(self, photo_id: int, lines: list[str]) -> None:
        """The photo's redaction regions, one line each (gui/controllers/redaction.py)."""
        if self._photo is not None and self._photo.id == photo_id:
            self.fields["redactions"].setText("\n".join(lines) or self.tr("none"))

    def _save_caption(self) -> None:
        if self._photo is not None and self.caption.toPlainText() != self._photo.caption:
            self.caption.document().clearUndoRedoStacks()  # Ctrl+Z now undoes the save
            self.caption_edited.emit(self._photo.id, self._photo.caption,
                                     self.caption.toPlainText())

    def show_history(self, photo_id: int, lines: list[HistoryLine]) -> None:
        """The photo's custody log described: when, who, what, old and new value."""
        if self._photo is None or self._photo.id != photo_id:
            return  # another photo is shown now
        if lines:
            self.history.show_lines(lines)
        else:
            self.history.show_message(self.tr("No custody log entry names this photo."))
        self._history = (photo_id, lines)
        self.open_history.setEnabled(True)
        if self.history_window is not None and self.history_window.isVisible():
            self.history_window.show_lines(photo_id, lines)

    def _open_history_window(self) -> None:
        if self._history is None:
            return
        if self.history_window is None:
            self.history_window = HistoryWindow(self.window())
        self.history_window.show_lines(*self._history)
        self.history_window.show()
        self.history_window.raise_()

    def set_preview(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._fit()

    def preview_target(self) -> QSize:
        return QSize(max(self.preview.width(), 200), max(self.preview.width(), 200))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
        self.preview_size_changed.emit(self.preview_target())

    def _fit(self) -> None:
        if self._pixmap is None or self._pixmap.isNull():
            return
        width = self.preview.width()
        scaled = self._pixmap.scaled(width, width, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(scaled)

    def _open_map(self) -> None:
        if self._photo and self._photo.capture.gps:
            gps = self._photo.capture.gps
            url = (f"https://www.openstreetmap.org/?mlat={gps.lat:.6f}&mlon={gps.lon:.6f}"
                   f"#map=17/{gps.lat:.6f}/{gps.lon:.6f}")
            QDesktopServices.openUrl(QUrl(url))
