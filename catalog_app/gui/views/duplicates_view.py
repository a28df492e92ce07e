"""Review duplicate groups: every member in a grid, differences highlighted, decide per group;
each group listed with its suggested keeper's thumbnail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core.dedup import KEEPER_RULE, THRESHOLDS, DuplicateGroup
from catalog_app.core.labels import camera_label
from catalog_app.core.models import Photo
from catalog_app.gui.thumbnails import ThumbnailLoader
from catalog_app.gui.views.card_grid import CardGrid

_FIELDS = ("size", "file", "taken", "gps", "camera", "source")
KEEPER_SHOWN_ROLE = Qt.ItemDataRole.UserRole + 1  # a group's icon is its keeper's thumbnail
_KIND_TEXT = {"same-pixels": QT_TRANSLATE_NOOP("DuplicatesView", "same pixels"),
              "near": QT_TRANSLATE_NOOP("DuplicatesView", "near copies"),
              "similar": QT_TRANSLATE_NOOP("DuplicatesView", "similar shots")}  # tr when shown
_FIELD_TEXT = {"size": QT_TRANSLATE_NOOP("DuplicatesView", "size"),
               "file": QT_TRANSLATE_NOOP("DuplicatesView", "file"),
               "taken": QT_TRANSLATE_NOOP("DuplicatesView", "taken"),
               "gps": QT_TRANSLATE_NOOP("DuplicatesView", "GPS"),
               "camera": QT_TRANSLATE_NOOP("DuplicatesView", "camera"),
               "source": QT_TRANSLATE_NOOP("DuplicatesView", "source")}
# core/dedup.KEEPER_RULE's English, marked here to be translated when shown (a changed rule
# shows in English until it is translated again)
_KEEPER_RULE = QT_TRANSLATE_NOOP(
    "DuplicatesView", "largest pixel count, then the original over re-encodings (camera EXIF or "
    "capture time kept, then HEIF/raw/JPEG over PNG/WebP, then the larger file), then earliest "
    "capture time, then has GPS")
_THRESHOLD_TEXT = {"strict": QT_TRANSLATE_NOOP("DuplicatesView", "strict"),
                   "normal": QT_TRANSLATE_NOOP("DuplicatesView", "normal"),
                   "loose": QT_TRANSLATE_NOOP("DuplicatesView", "loose")}


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("DuplicatesView", text, "", n)


def describe(photo: Photo) -> dict[str, str]:
    """The facts compared across a group, as shown."""
    cap = photo.capture
    camera = camera_label(cap.camera) or "—"
    taken = photo.best_time  # corrected for the camera's clock, as the grid shows it
    return {
        "size": QCoreApplication.translate("DuplicatesView", "%1 × %2 px")
        .replace("%1", str(photo.width)).replace("%2", str(photo.height)),
        "file": QCoreApplication.translate("DuplicatesView", "%1 · %2 MB")
        .replace("%1", photo.format)
        .replace("%2", QLocale().toString(photo.size_bytes / 1e6, "f", 2)),
        "taken": taken.isoformat(sep=" ") if taken
        else QCoreApplication.translate("DuplicatesView", "no capture time"),
        "gps": f"{cap.gps.lat:.5f}, {cap.gps.lon:.5f}" if cap.gps
        else QCoreApplication.translate("DuplicatesView", "no GPS"),
        "camera": camera,
        "source": Path(photo.sources[0].path).name if photo.sources else "—",
    }


class MemberCard(QFrame):
    """One member: thumbnail, facts (those differing from the keeper highlighted), Keep."""

    keep = Signal(int)

    def __init__(self, photo: Photo, distance: int, is_keeper: bool,
                 keeper_facts: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.photo_id = photo.id
        self.showing_difference = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setObjectName("keeperCard" if is_keeper else "memberCard")
        layout = QVBoxLayout(self)
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setFixedSize(200, 150)  # two cards side by side at 1280 px
        layout.addWidget(self.image)
        badge = (self.tr("KEEPER") if is_keeper
                 else self.tr("distance %Ln bits", "", distance))
        layout.addWidget(QLabel(f"<b>#{photo.id}</b> · {badge}"))
        grid = QGridLayout()
        self.differs: list[str] = []
        for row, (key, value) in enumerate(describe(photo).items()):
            label = QLabel(value, wordWrap=True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if not is_keeper and value != keeper_facts.get(key):
                label.setStyleSheet("color: #b35900; font-weight: bold;")
                label.setToolTip(self.tr("differs from the keeper"))
                self.differs.append(key)
            grid.addWidget(QLabel(_tr(str(_FIELD_TEXT[key]))), row, 0)
            grid.addWidget(label, row, 1)
        layout.addLayout(grid)
        self.keep_button = QPushButton(self.tr("Keep this one"))
        self.keep_button.setToolTip(self.tr("Keep this photo; link the others to it as "
                                            "duplicates (nothing is deleted)"))
        self.keep_button.setEnabled(not is_keeper)
        self.keep_button.clicked.connect(lambda: self.keep.emit(self.photo_id))
        layout.addWidget(self.keep_button)


class DuplicatesView(QWidget):
    """Thin view: set_groups() lists them, show_members() lays out one group."""

    read_only = False  # the catalogue is open read-only: no decision can be made here

    options_changed = Signal()
    group_chosen = Signal(object)  # DuplicateGroup
    keep_requested = Signal(object, int)  # group, keeper id
    not_duplicates_requested = Signal(object)  # group
    merge_requested = Signal(object)  # group
    accept_requested = Signal(int)  # max distance
    differences_wanted = Signal(object)  # group: compute difference images for its members

    def __init__(self, thumbnails: ThumbnailLoader, parent=None) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self.threshold = QComboBox()
        for name, bits in THRESHOLDS.items():
            self.threshold.addItem(self.tr("%1 (%Ln bits)", "", bits).replace(
                "%1", _tr(str(_THRESHOLD_TEXT.get(name, name)))), bits)
        self.threshold.setCurrentIndex(list(THRESHOLDS).index("normal"))
        self.threshold.setToolTip(self.tr("How different two copies may be and still be grouped"))
        self.similar = QCheckBox(self.tr("Show similar shots"))
        self.similar.setToolTip(self.tr("Also list distinct shots of one scene (taken at "
                                        "different times): a weaker tier"))
        self.max_distance = QSpinBox(minimum=0, maximum=THRESHOLDS["loose"], value=4)
        self.accept = QPushButton(self.tr("Accept suggested keepers"))
        self.accept.setToolTip(self.tr("For every open group whose copies are all within this "
                                       "many bits: keep the suggested photo (%1)")
                               .replace("%1", self.tr(KEEPER_RULE)))
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Threshold")), self.threshold, self.similar,
                       QLabel(self.tr("Up to")), self.max_distance, QLabel(self.tr("bits:")),
                       self.accept):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("Duplicate groups"))
        self.groups.setIconSize(QSize(64, 48))
        self.members = CardGrid()  # every member at once, in as many columns as fit
        scroll = QScrollArea(widgetResizable=True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.members)
        self.not_duplicates = QPushButton(self.tr("Not duplicates"))
        self.not_duplicates.setToolTip(self.tr("These photos are distinct: never group them "
                                               "again"))
        self.merge = QPushButton(self.tr("Merge metadata into keeper"))
        self.merge.setToolTip(self.tr("Carry the copies’ incident over to the keeper"))
        self.show_differences = QCheckBox(self.tr("Show differences"))
        self.show_differences.setToolTip(self.tr("Each copy turned to the keeper’s pose: black "
                                                 "is the same, bright is what changed"))
        self.heading = QLabel(self.tr("Choose a group"), wordWrap=True)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.heading)  # a line of its own: the buttons never squeeze it
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(self.show_differences)
        head.addWidget(self.merge)
        head.addWidget(self.not_duplicates)
        column.addLayout(head)
        column.addWidget(scroll, 1)
        split = QSplitter()
        split.addWidget(self.groups)
        split.addWidget(right)
        split.setSizes([200, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._groups: list[DuplicateGroup] = []
        self._current: DuplicateGroup | None = None
        self.cards: list[MemberCard] = []
        self.threshold.currentIndexChanged.connect(lambda _i: self.options_changed.emit())
        self.similar.toggled.connect(lambda _on: self.options_changed.emit())
        self.groups.currentRowChanged.connect(self._row_changed)
        self.accept.clicked.connect(lambda: self.accept_requested.emit(self.max_distance.value()))
        self.not_duplicates.clicked.connect(self._not_duplicates)
        self.not_duplicates.setEnabled(False)
        self.merge.clicked.connect(lambda: self._current and self.merge_requested.emit(
            self._current))
        self.merge.setEnabled(False)
        self.show_differences.toggled.connect(self._differences_toggled)

    def options(self) -> tuple[int, bool]:
        return int(self.threshold.currentData()), self.similar.isChecked()

    def set_groups(self, groups: list[DuplicateGroup],
                   keeper_thumbnails: dict[int, str | None] | None = None) -> None:
        current = self._current.id if self._current else None
        self._groups = [g for g in groups if g.kind != "same-bytes"]
        self.groups.blockSignals(True)
        self.groups.clear()
        for group in self._groups:
            state = "✓ " if group.resolved else ""
            item = QListWidgetItem(f"{state}#{group.id} · {_tr(str(_KIND_TEXT[group.kind]))} · "
                                   + self.tr("%Ln photos", "", len(group.members)))
            item.setToolTip((self.tr("resolved (suggested keeper #%1)") if group.resolved
                             else self.tr("open: choose what to keep (suggested keeper #%1)"))
                            .replace("%1", str(group.keeper)))
            thumbnail = self._thumbnails.get(group.keeper,
                                             (keeper_thumbnails or {}).get(group.keeper))
            item.setIcon(QIcon(thumbnail or self._thumbnails.placeholder))
            item.setData(KEEPER_SHOWN_ROLE, thumbnail is not None)
            self.groups.addItem(item)
        self.groups.blockSignals(False)
        rows = [n for n, g in enumerate(self._groups) if g.id == current]
        if rows:
            self.groups.setCurrentRow(rows[0])
        elif self._groups:
            self.groups.setCurrentRow(0)
        else:
            self._current = None
            self.show_members(None, [])

    def open_count(self) -> int:
        return sum(not g.resolved for g in self._groups)

    def show_members(self, group: DuplicateGroup | None, photos: list[Photo]) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.members.set_cards([])
        self.not_duplicates.setEnabled(group is not None and not self.read_only)
        self.merge.setEnabled(group is not None and not self.read_only)
        if group is None:
            self.heading.setText(self.tr("No duplicate groups at this threshold."))
            return
        by_id = {p.id: p for p in photos}
        keeper_facts = describe(by_id[group.keeper])
        heading = (self.tr("Group #%1: %2, resolved. Highlighted facts differ from the keeper.")
                   if group.resolved else
                   self.tr("Group #%1: %2, suggested keeper first. Highlighted facts differ "
                           "from the keeper."))
        self.heading.setText(heading.replace("%1", str(group.id))
                             .replace("%2", _tr(str(_KIND_TEXT[group.kind]))))
        for member in group.members:
            photo = by_id[member.photo]
            card = MemberCard(photo, member.distance, member.photo == group.keeper, keeper_facts)
            card.keep.connect(lambda keeper, g=group: self.keep_requested.emit(g, keeper))
            card.keep_button.setEnabled(card.keep_button.isEnabled() and not self.read_only)
            self._set_thumbnail(card, photo)
            self.cards.append(card)
        self.members.set_cards(list(self.cards))
        if self.show_differences.isChecked():
            self.differences_wanted.emit(group)

    def set_difference(self, photo_id: int, pixmap: QPixmap) -> None:
        """Show a member's difference image in place of its thumbnail."""
        for card in self.cards:
            if card.photo_id == photo_id and self.show_differences.isChecked():
                card.image.setPixmap(pixmap.scaled(card.image.size(),
                                                   Qt.AspectRatioMode.KeepAspectRatio))
                card.showing_difference = True

    def _differences_toggled(self, on: bool) -> None:
        if self._current is None:
            return
        if on:
            self.differences_wanted.emit(self._current)
        else:
            for card in self.cards:
                card.showing_difference = False
                self.thumbnail_ready(card.photo_id)

    def thumbnail_ready(self, photo_id: int) -> None:
        for row, group in enumerate(self._groups):
            if group.keeper == photo_id and (item := self.groups.item(row)) is not None:
                pixmap = self._thumbnails.get(photo_id, None)
                if pixmap is not None:
                    item.setIcon(QIcon(pixmap))
                    item.setData(KEEPER_SHOWN_ROLE, True)
        for card in self.cards:
            if card.photo_id == photo_id and not card.showing_difference:
                pixmap = self._thumbnails.get(photo_id, None)
                if pixmap is not None:
                    card.image.setPixmap(pixmap.scaled(card.image.size(),
                                                       Qt.AspectRatioMode.KeepAspectRatio))

    def _set_thumbnail(self, card: MemberCard, photo: Photo) -> None:
        pixmap = self._thumbnails.get(photo.id, photo.thumbnail_path)
        card.image.setPixmap((pixmap or self._thumbnails.placeholder).scaled(
            card.image.size(), Qt.AspectRatioMode.KeepAspectRatio))

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._groups):
            self._current = self._groups[row]
            self.group_chosen.emit(self._current)

    def _not_duplicates(self) -> None:
        if self._current is not None:
            self.not_duplicates_requested.emit(self._current)
