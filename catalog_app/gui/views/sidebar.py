"""The sidebar of collections and review queues, each with its count."""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu

from catalog_app.core.labels import camera_label, make_spellings
from catalog_app.core.models import Camera, Collection
from catalog_app.core.queues import ReviewQueues, archived_key, camera_key, keyword_key
from catalog_app.gui.models.photo_grid import PHOTO_IDS_MIME
from catalog_app.gui.views.count_delegate import COUNT_ROLE, CountDelegate

COLLECTIONS = (
    (Collection.ALL, QT_TRANSLATE_NOOP("Sidebar", "All photos"),
     QT_TRANSLATE_NOOP("Sidebar", "Every photo in the catalogue")),
    (Collection.UNTAGGED, QT_TRANSLATE_NOOP("Sidebar", "Untagged"),
     QT_TRANSLATE_NOOP("Sidebar", "Photos not yet tagged to an incident")),
    (Collection.NO_GPS, QT_TRANSLATE_NOOP("Sidebar", "No GPS"),
     QT_TRANSLATE_NOOP("Sidebar", "Photos without a position")),
    (Collection.NO_TIME, QT_TRANSLATE_NOOP("Sidebar", "No capture time"),
     QT_TRANSLATE_NOOP("Sidebar", "Photos whose EXIF holds no capture time")),
    (Collection.DUPLICATES, QT_TRANSLATE_NOOP("Sidebar", "Duplicates"),
     QT_TRANSLATE_NOOP("Sidebar", "Groups of copies to review: keep one, link the rest")),
    (Collection.MARKED_DUPLICATES, QT_TRANSLATE_NOOP("Sidebar", "Marked duplicates"),
     QT_TRANSLATE_NOOP("Sidebar", "Copies linked to a kept photo (never deleted)")),
    (Collection.FAILED, QT_TRANSLATE_NOOP("Sidebar", "Failed imports"),
     QT_TRANSLATE_NOOP("Sidebar", "Files that could not be imported, with the reason")),
    (None, QT_TRANSLATE_NOOP("Sidebar", "To review"), ""),
    (Collection.GRAPHIC, QT_TRANSLATE_NOOP("Sidebar", "Graphic"),
     QT_TRANSLATE_NOOP("Sidebar", "Photos flagged graphic (blurred behind a warning when "
                                  "published)")),
    (Collection.RESTRICTED, QT_TRANSLATE_NOOP("Sidebar", "Restricted"),
     QT_TRANSLATE_NOOP("Sidebar", "Photos flagged restricted (they never leave)")),
    (Collection.CAPTION_REVIEW, QT_TRANSLATE_NOOP("Sidebar", "Check caption"),
     QT_TRANSLATE_NOOP("Sidebar", "Photos whose caption is to be checked")),
    (Collection.REDACTION_UNREVIEWED, QT_TRANSLATE_NOOP("Sidebar", "Redaction not reviewed"),
     QT_TRANSLATE_NOOP("Sidebar", "Photos with proposed redaction regions, or faces found with no "
                          "decision yet")),
)
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2  # a section's title: not a collection


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sidebar", text)


class Sidebar(QListWidget):
    """Click a collection to show it; counts come from set_counts(), set_incidents() and
    set_queues() (keywords, cameras, archived incidents)."""

    collection_chosen = Signal(str)
    restore_requested = Signal(int)  # an archived incident's id
    saved_chosen = Signal(str)  # a saved search's name: recall its collection and filters
    forget_requested = Signal(str)  # a saved search's name
    photos_dropped = Signal(int, list)  # incident id, photo ids
    incident_activated = Signal(int)  # double-click: edit it

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Collections"))
        self._incidents: list[tuple[int, str, int]] = []
        self._queues = ReviewQueues([], [], [])
        self._saved: list[str] = []
        for key, label, tip in COLLECTIONS:
            label, tip = _tr(str(label)), _tr(str(tip)) if tip else ""
            if key is None:
                self.addItem(self._header(label))
                continue
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(key))
            item.setData(Qt.ItemDataRole.UserRole + 1, label)
            item.setToolTip(tip)
            self.addItem(item)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.setCurrentRow(0)
        self.currentItemChanged.connect(self._changed)
        self.setMaximumWidth(240)
        self.setItemDelegate(CountDelegate(self))  # a long name is elided, its count is not
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows follow the width
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)  # drops arrive at the viewport
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.itemDoubleClicked.connect(self._double_clicked)

    # -- dropping photos on an incident tags them ----------------------------------------
    def incident_at(self, pos) -> int | None:
        item = self.itemAt(pos)
        key = item.data(Qt.ItemDataRole.UserRole) if item else ""
        return int(key.split(":", 1)[1]) if key.startswith("incident:") else None

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(PHOTO_IDS_MIME) and \
                self.incident_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        incident = self.incident_at(event.position().toPoint())
        if incident is None or not event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.ignore()
            return
        ids = json.loads(bytes(event.mimeData().data(PHOTO_IDS_MIME)).decode())
        event.acceptProposedAction()
        self.photos_dropped.emit(incident, ids)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole) or ""
        if key.startswith("incident:"):
            self.incident_activated.emit(int(key.split(":", 1)[1]))

    def _context_menu(self, pos) -> None:
        item = self.itemAt(pos)
        key = (item.data(Qt.ItemDataRole.UserRole) or "") if item else ""
        if key.startswith("saved:"):
            name = key.split(":", 1)[1]
            menu = QMenu(self)
            forget = menu.addAction(self.tr("Forget this saved search"))
            forget.triggered.connect(lambda _c=False: self.forget_requested.emit(name))
            menu.popup(self.viewport().mapToGlobal(pos))
        if key.startswith("archived:"):
            incident_id = int(key.split(":", 1)[1])
            menu = QMenu(self)
            restore = menu.addAction(self.tr("Restore incident"))
            restore.triggered.connect(lambda _c=False: self.restore_requested.emit(incident_id))
            menu.popup(self.viewport().mapToGlobal(pos))

    @staticmethod
    def _header(title: str) -> QListWidgetItem:
        item = QListWidgetItem(title)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable, skipped by the keys
        item.setData(HEADER_ROLE, title)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        return item

    @staticmethod
    def _entry(key: str, label: str, count: int, tip: str) -> QListWidgetItem:
        item = QListWidgetItem(f"{label}  ({QLocale().toString(count)})")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, label)
        item.setData(COUNT_ROLE, count)
        item.setToolTip(tip)
        return item

    def set_counts(self, counts: dict[str, int]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            label = item.data(Qt.ItemDataRole.UserRole + 1)
            if key in counts:
                item.setText(f"{label}  ({QLocale().toString(counts[key])})")
                item.setData(COUNT_ROLE, counts[key])

    def set_incidents(self, incidents: list[tuple[int, str, int]]) -> None:
        """Show each incident (id, name, photo count) below the fixed collections."""
        self._incidents = list(incidents)
        self._rebuild()

    def set_queues(self, queues: ReviewQueues) -> None:
        """Show each keyword, camera and archived incident with its photos' count."""
        self._queues = queues
        self._rebuild()

    def set_saved(self, names: list[str]) -> None:
        """Show each saved search by name (choosing one recalls it)."""
        self._saved = list(names)
        self._rebuild()

    def _rebuild(self) -> None:
        current = self.current_key()
        self.blockSignals(True)
        while self.count() > len(COLLECTIONS):
            self.takeItem(len(COLLECTIONS))
        if self._saved:
            self.addItem(self._header(self.tr("Saved searches")))
        for name in self._saved:
            item = QListWidgetItem(f"⌕ {name}")
            item.setData(Qt.ItemDataRole.UserRole, f"saved:{name}")
            item.setData(Qt.ItemDataRole.UserRole + 1, f"⌕ {name}")
            item.setToolTip(self.tr("Show the saved search %1 (right-click to forget it)")
                            .replace("%1", name))
            self.addItem(item)
        if self._incidents:
            self.addItem(self._header(self.tr("Incidents")))
        for incident_id, name, count in self._incidents:
            self.addItem(self._entry(f"incident:{incident_id}", f"◆ {name}", count,
                                     self.tr("Photos tagged to %1").replace("%1", name)))
        if self._queues.keywords:
            self.addItem(self._header(self.tr("Keywords")))
        for keyword, count in self._queues.keywords:
            self.addItem(self._entry(keyword_key(keyword), keyword, count,
                                     self.tr("Photos with the keyword %1")
                                     .replace("%1", keyword)))
        if self._queues.cameras:
            self.addItem(self._header(self.tr("Cameras")))
        spellings = make_spellings(make for make, _, _ in self._queues.cameras)
        named = sorted(((camera_label(Camera(make or None, model or None), spellings=spellings),
                         make, model, count) for make, model, count in self._queues.cameras),
                       key=lambda entry: (entry[0].casefold(), entry[1], entry[2]))
        for name, make, model, count in named:
            self.addItem(self._entry(camera_key(make, model), name, count,
                                     self.tr("Photos made by the camera recorded as %1")
                                     .replace("%1", f"{make} {model}".strip())))
        if self._queues.archived:
            self.addItem(self._header(self.tr("Archived incidents")))
        for incident_id, name, count in self._queues.archived:
            self.addItem(self._entry(archived_key(incident_id), name, count,
                                     self.tr("Archived incident %1 (right-click to restore)")
                                     .replace("%1", name)))
        restored = f"incident:{current.split(':', 1)[1]}" if current.startswith("archived:") \
            else None  # an archived incident restored stays chosen
        if not self.select(current) and not (restored and self.select(restored)):
            self.setCurrentRow(0)  # its collection is gone (a keyword no photo has now)
        self.blockSignals(False)
        if self.current_key() != current:  # the same collection, rebuilt, is no new choice
            self.collection_chosen.emit(self.current_key())

    def archived(self) -> list[tuple[int, str, int]]:
        """The archived incidents listed: (id, name, photo count)."""
        return list(self._queues.archived)

    def entries(self) -> list[tuple[str, str]]:
        """(key, text shown) of every collection listed, headers left out."""
        found = []
        for row in range(self.count()):
            key = self.item(row).data(Qt.ItemDataRole.UserRole)
            if key:
                found.append((key, self.item(row).text()))
        return found

    def select(self, key: str) -> bool:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.setCurrentRow(row)
                return True
        return False

    def current_key(self) -> str:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else str(Collection.ALL)

    def _changed(self, current, _previous) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole) or ""
        if key.startswith("saved:"):  # not a collection: it chooses one (and the filters)
            self.saved_chosen.emit(key.split(":", 1)[1])
        else:
            self.collection_chosen.emit(key)
