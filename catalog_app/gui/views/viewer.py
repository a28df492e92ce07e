"""The full-screen viewer: one photo at a time, next/previous, fit or 100 %."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout


class Viewer(QDialog):
    """Keys: ←/→ previous/next, 1 actual pixels, 0 fit, Esc or Space close."""

    step = Signal(int)  # -1 previous, +1 next
    want_full_size = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Photo")
        self.setObjectName("viewer")
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName("Photo")
        self.scroll_area = QScrollArea()
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.caption)
        self._pixmap = QPixmap()
        self.actual_size = False
        self._keys = {Qt.Key.Key_Right: lambda: self.step.emit(1),
                      Qt.Key.Key_Left: lambda: self.step.emit(-1),
                      Qt.Key.Key_1: self._actual, Qt.Key.Key_0: self._fit,
                      Qt.Key.Key_Space: self.close, Qt.Key.Key_Escape: self.close}

    def keyPressEvent(self, event) -> None:
        action = self._keys.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()

    def show_pixmap(self, pixmap: QPixmap, caption: str) -> None:
        self._pixmap = pixmap
        self.caption.setText(caption)
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
            return
        area = self.scroll_area.viewport().size()
        self.image.setPixmap(self._pixmap.scaled(area, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
