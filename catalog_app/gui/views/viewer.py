"""The full-screen viewer: one photo at a time, next/previous, fit or 100 %, a 1:1 loupe,
redaction regions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core.redaction import Method, Shape
from catalog_app.gui.views.redaction_overlay import RedactionOverlay

HINT = QT_TRANSLATE_NOOP(  # translated when shown
    "Viewer", "Drag over the photo to hide a part of it.  R rectangle, E ellipse, B blur, "
    "P pixelate, F fill, N new region, Tab next region, Delete remove, Enter confirm, "
    "Ctrl+Z undo.  ←/→ previous/next, 1 actual pixels, 0 fit, L loupe (1:1 under the mouse)")
_SHAPES = {"rectangle": QT_TRANSLATE_NOOP("Viewer", "Rectangle"),
           "ellipse": QT_TRANSLATE_NOOP("Viewer", "Ellipse")}
_METHODS = {"blur": QT_TRANSLATE_NOOP("Viewer", "Blur (irreversible)"),
            "pixelate": QT_TRANSLATE_NOOP("Viewer", "Pixelate"),
            "fill": QT_TRANSLATE_NOOP("Viewer", "Solid fill")}
LOUPE = 240  # the loupe's side in pixels, each one a pixel of the photo
BACKGROUND = QColor(24, 24, 24)  # around the photo, fitted or at actual pixels


class _PhotoLabel(QLabel):
    """The photo, with the redaction overlay kept over it whatever its size."""

    def __init__(self) -> None:
        super().__init__(alignment=Qt.AlignmentFlag.AlignCenter)
        self.overlay = RedactionOverlay(self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())
        self.place_overlay()

    def place_overlay(self) -> None:
        shown = self.pixmap()
        if shown is None or shown.isNull():
            self.overlay.photo_rect = QRectF()
        else:
            size = shown.deviceIndependentSize()
            self.overlay.photo_rect = QRectF((self.width() - size.width()) / 2,
                                             (self.height() - size.height()) / 2,
                                             size.width(), size.height())
        self.overlay.update()


class Viewer(QDialog):
    """Keys: ←/→ previous/next, 1 actual pixels, 0 fit, L loupe, Esc or Space close; and
    HINT's."""

    step = Signal(int)  # -1 previous, +1 next
    want_full_size = Signal()
    photo_shown = Signal(int)  # photo id, once its pixels are shown
    delete_requested = Signal(int)  # region id
    confirm_requested = Signal(int)  # region id (a proposed one)
    method_requested = Signal(int, str)  # region id, method: change a region's method
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo"))
        self.setObjectName("viewer")
        self.image = _PhotoLabel()
        self.image.setAccessibleName(self.tr("Photo"))
        self.overlay = self.image.overlay
        self.scroll_area = QScrollArea()
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        for dark in (self.scroll_area, self.scroll_area.viewport(), self.image):
            palette = dark.palette()
            palette.setColor(QPalette.ColorRole.Window, BACKGROUND)
            dark.setPalette(palette)
            dark.setAutoFillBackground(True)
        # The scroll area would take ←/→ to scroll: they step through photos instead.
        self.scroll_area.installEventFilter(self)
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)  # file name and time
        self.photo_caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.photo_caption.setTextFormat(Qt.TextFormat.PlainText)  # never read as markup
        self.photo_caption.setAccessibleName(self.tr("Caption"))
        self.loupe = QLabel(self)
        self.loupe.setObjectName("loupe")
        self.loupe.setFixedSize(LOUPE, LOUPE)
        self.loupe.setStyleSheet("border: 2px solid white; background: black")
        self.loupe.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.loupe.hide()
        self.loupe_on = False
        self.overlay.installEventFilter(self)  # the mouse over the photo moves the loupe
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self._tools())
        layout.addWidget(self.caption)
        layout.addWidget(self.photo_caption)
        self._pixmap = QPixmap()  # what is shown: the photo, or it with its regions hidden
        self._photo = QPixmap()  # the photo as decoded
        self._base = QImage()  # the photo as decoded, never redacted
        self.photo_id: int | None = None
        self.actual_size = False
        self._keys = {Qt.Key.Key_Right: lambda: self.step.emit(1),
                      Qt.Key.Key_Left: lambda: self.step.emit(-1),
                      Qt.Key.Key_1: self._actual, Qt.Key.Key_0: self._fit,
                      Qt.Key.Key_L: self.toggle_loupe,
                      Qt.Key.Key_Space: self.close, Qt.Key.Key_Escape: self.close,
                      Qt.Key.Key_R: lambda: self._choose(self.shape_box, Shape.RECTANGLE),
                      Qt.Key.Key_E: lambda: self._choose(self.shape_box, Shape.ELLIPSE),
                      Qt.Key.Key_B: lambda: self._choose(self.method_box, Method.BLUR),
                      Qt.Key.Key_P: lambda: self._choose(self.method_box, Method.PIXELATE),
                      Qt.Key.Key_F: lambda: self._choose(self.method_box, Method.FILL),
                      Qt.Key.Key_N: self.add_centred,
                      Qt.Key.Key_Tab: self.overlay.select_next,
                      Qt.Key.Key_Delete: self.delete_selected,
                      Qt.Key.Key_Backspace: self.delete_selected,
                      Qt.Key.Key_Return: self.confirm_selected,
                      Qt.Key.Key_Enter: self.confirm_selected}
        self.overlay.selection_changed.connect(lambda _id: self._enable())
        self._enable()

    def _tools(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        self.shape_box = QComboBox()
        self.shape_box.setAccessibleName(self.tr("Region shape"))
        for shape in Shape:
            self.shape_box.addItem(self.tr(str(_SHAPES.get(shape.value, shape.value))),
                                   shape)
        self.method_box = QComboBox()
        self.method_box.setAccessibleName(self.tr("Redaction method"))
        for method in Method:
            self.method_box.addItem(self.tr(str(_METHODS[method.value])), method)
        self.shape_box.currentIndexChanged.connect(self._shape_chosen)
        self.method_box.activated.connect(self._method_chosen)
        self.confirm_button = QPushButton(self.tr("Confirm proposed region"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.delete_button = QPushButton(self.tr("Remove region"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.hint = QLabel(self.tr(str(HINT)))
        self.hint.setWordWrap(True)
        for control in (self.shape_box, self.method_box, self.confirm_button,
                        self.delete_button):  # clicked, never focused: keys stay the viewer's
            control.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for button in (self.confirm_button, self.delete_button):
            button.setAutoDefault(False)  # Enter confirms a region, not the focused button
        for part in (QLabel(self.tr("Shape")), self.shape_box, QLabel(self.tr("Method")),
                     self.method_box,
                     self.confirm_button, self.delete_button):
            row.addWidget(part)
        row.addWidget(self.hint, 1)
        return bar

    # -- redaction controls --------------------------------------------------------------
    @property
    def method(self) -> Method:
        return Method(self.method_box.currentData())

    def _choose(self, box: QComboBox, value: object) -> None:
        box.setCurrentIndex(box.findData(value))
        if box is self.method_box:
            self._method_chosen()

    def _shape_chosen(self) -> None:
        self.overlay.shape = Shape(self.shape_box.currentData())

    def _method_chosen(self, _index: int = 0) -> None:
        region = self.overlay.selected_region()
        if region is not None and region.id is not None and region.method is not self.method:
            self.method_requested.emit(region.id, self.method.value)

    def _enable(self) -> None:
        region = self.overlay.selected_region()
        self.delete_button.setEnabled(region is not None)
        self.confirm_button.setEnabled(region is not None and not region.applied)
        if region is not None:
            self.method_box.setCurrentIndex(self.method_box.findData(region.method))

    def add_centred(self) -> None:
        """A region in the middle of the photo (then refined by the mouse, or kept)."""
        if not self.overlay.photo_rect.isEmpty():
            self.overlay.drawn.emit(0.375, 0.375, 0.25, 0.25)

    def delete_selected(self) -> None:
        region = self.overlay.selected_region()
        if region is not None and region.id is not None:
            self.delete_requested.emit(region.id)

    def confirm_selected(self) -> None:
        region = self.overlay.selected_region()
        if region is not None and region.id is not None and not region.applied:
            self.confirm_requested.emit(region.id)

    def keyPressEvent(self, event) -> None:
        key, mods = Qt.Key(event.key()), event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            if key == Qt.Key.Key_Z:
                (self.redo_requested if mods & Qt.KeyboardModifier.ShiftModifier
                 else self.undo_requested).emit()
                return
            if key == Qt.Key.Key_Y:
                self.redo_requested.emit()
                return
        action = self._keys.get(key)
        if action is None:
            super().keyPressEvent(event)
            return
        action()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.scroll_area and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)):  # type: ignore[attr-defined]
            self.keyPressEvent(event)
            return True
        if (watched is self.overlay and self.loupe_on
                and event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent)):
            self.loupe_at(event.position())
        return super().eventFilter(watched, event)

    # -- the loupe -----------------------------------------------------------------------
    def toggle_loupe(self) -> None:
        """L: a square of the photo at actual pixels follows the mouse (the full-size decode
        is asked for, so it shows the photo's own pixels)."""
        self.loupe_on = not self.loupe_on
        self.overlay.setMouseTracking(self.loupe_on)
        if self.loupe_on:
            self.want_full_size.emit()
        else:
            self.loupe.hide()

    def loupe_at(self, point: QPointF) -> None:
        """Show the photo's pixels around `point` (in the photo label's coordinates) 1:1."""
        shown = self.overlay.photo_rect
        if self._pixmap.isNull() or shown.isEmpty() or not shown.contains(point):
            self.loupe.hide()
            return
        x = round((point.x() - shown.x()) / shown.width() * self._pixmap.width())
        y = round((point.y() - shown.y()) / shown.height() * self._pixmap.height())
        self.loupe.setPixmap(self._pixmap.copy(QRect(x - LOUPE // 2, y - LOUPE // 2,
                                                     LOUPE, LOUPE)))
        centre = self.image.mapTo(self, point.toPoint())
        self.loupe.move(centre.x() - LOUPE // 2, centre.y() - LOUPE // 2)
        self.loupe.show()
        self.loupe.raise_()

    def focusNextPrevChild(self, next_: bool) -> bool:
        return False  # Tab steps through the regions, not through the controls

    # -- the photo -----------------------------------------------------------------------
    def show_pixmap(self, pixmap: QPixmap, caption: str, photo_id: int | None = None,
                    image: QImage | None = None, detail: str = "", text: str = "") -> None:
        """Show a photo (`image`: its pixels as decoded, for the redaction effect); `caption`
        names it, `detail` is its tooltip (the time as recorded), `text` its caption."""
        self._pixmap = self._photo = pixmap
        self._base = image if image is not None else QImage()
        self.caption.setText(caption)
        self.caption.setToolTip(detail)
        self.photo_caption.setText(text)
        self.photo_caption.setVisible(bool(text))
        self.loupe.hide()
        if photo_id != self.photo_id:
            self.overlay.set_regions(())
        self.photo_id = photo_id
        self._render()
        if photo_id is not None:
            self.photo_shown.emit(photo_id)

    def base_image(self) -> QImage:
        """The photo as decoded (its regions not applied), for the effect to be made from."""
        return self._base

    def show_effect(self, pixmap: QPixmap | None) -> None:
        """Show the photo as it will be published (its confirmed regions hidden); None: as
        decoded (it has no confirmed region)."""
        self._pixmap = self._photo if pixmap is None else pixmap
        self._render()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render()

    def _actual(self) -> None:
        self.actual_size = True
        self.scroll_area.setWidgetResizable(False)
        self.want_full_size.emit()
        self._render()

    def _fit(self) -> None:
        self.actual_size = False
        self.scroll_area.setWidgetResizable(True)
        self._render()

    def _render(self) -> None:
        if self._pixmap.isNull():
            return
        if self.actual_size:
            self.image.setPixmap(self._pixmap)
            self.image.adjustSize()
        else:
            area = self.scroll_area.viewport().size()
            self.image.setPixmap(self._pixmap.scaled(
                area, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.image.place_overlay()
