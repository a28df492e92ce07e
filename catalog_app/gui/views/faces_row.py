"""The inspector's faces line: "N faces found, not reviewed", with its two decisions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from catalog_app.core.faces import FaceScan


class FacesRow(QWidget):
    """Thin view: show_scan() fills it; the buttons emit the photo id they are about."""

    review = Signal(int)  # photo id: its proposed faces were looked at
    publish_anyway = Signal(int)  # photo id: publish it unredacted (logged)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Faces found"))
        self.status = QLabel("", wordWrap=True)
        self.status.setObjectName("facesStatus")
        self.review_button = QPushButton(self.tr("Mark faces reviewed"))
        self.review_button.setToolTip(self.tr("The proposed faces were looked at (and redacted "
                                              "where needed): galleries may publish this "
                                              "photo (logged)"))
        self.anyway_button = QPushButton(self.tr("Publish anyway…"))
        self.anyway_button.setToolTip(self.tr("Publish this photo with its faces unredacted "
                                              "and unreviewed (logged under your name)"))
        self._photo_id: int | None = None
        self.review_button.clicked.connect(lambda: self._emit(self.review))
        self.anyway_button.clicked.connect(lambda: self._emit(self.publish_anyway))
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.anyway_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.show_scan(None, None)

    def _emit(self, signal: object) -> None:
        if self._photo_id is not None:
            signal.emit(self._photo_id)  # type: ignore[attr-defined]

    @property
    def photo_id(self) -> int | None:
        return self._photo_id

    def show_scan(self, photo_id: int | None, scan: FaceScan | None) -> None:
        """The photo's scan (None: not scanned, or no photo shown)."""
        self._photo_id = photo_id
        waiting = scan is not None and scan.unreviewed
        if photo_id is None:
            text = ""
        elif scan is None:
            text = self.tr("Faces: not scanned yet (File > Find faces to review…)")
        elif waiting:
            text = self.tr("Faces: %1 — galleries withhold this photo until you decide"
                           ).replace("%1", scan.status())
        else:
            text = self.tr("Faces: %1").replace("%1", scan.status())
        self.status.setText(text)
        self.setVisible(photo_id is not None)
        self.review_button.setVisible(waiting)
        self.anyway_button.setVisible(waiting)
