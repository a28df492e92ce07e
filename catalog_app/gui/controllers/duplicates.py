"""Reviewing duplicates: groups, members side by side, decisions on the database thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMessageBox

from catalog_app.core import imaging
from catalog_app.core.dedup import DuplicateGroup
from catalog_app.core.models import Actor, Collection
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers import fill
from catalog_app.gui.images import to_qimage
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.views.duplicates_view import DuplicatesView
from catalog_app.gui.views.sidebar import Sidebar
from catalog_app.services import duplicates as duplicate_service


class DuplicatesController(QObject):
    """Loads groups and members into the view; records keep / not-duplicate / accept."""

    decided = Signal(str)  # what was recorded, as a sentence for the status bar
    loaded = Signal()
    inspected = Signal(list)  # [photo id]: the inspector shows the shown group's keeper
    question: QMessageBox | None = None  # the last confirmation asked (tests answer it)

    def __init__(self, session: CatalogueSession, view: DuplicatesView, sidebar: Sidebar,
                 images: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.view, self.sidebar, self.images = session, view, sidebar, images
        view.merge_requested.connect(self._merge)
        view.differences_wanted.connect(self._differences)
        view.group_chosen.connect(self._load_group)
        view.keep_requested.connect(self._keep)
        view.not_duplicates_requested.connect(self._not_duplicates)
        view.accept_requested.connect(self._accept)

    def load(self) -> None:
        """Backfill hashes older photos lack (once), then group; all on the DB thread."""
        threshold, similar = self.view.options()

        def work(catalogue: Catalogue,
                 _actor: Actor) -> tuple[list[DuplicateGroup], dict[int, str | None]]:
            duplicate_service.ensure_hashes(catalogue)  # derived data: no custody entry
            groups = duplicate_service.groups(catalogue, threshold, similar)
            keepers = {g.keeper: catalogue.photo(g.keeper).thumbnail_path for g in groups}
            return groups, keepers  # the list shows each suggested keeper's thumbnail

        self.session.write(self, work, self._loaded)

    def _loaded(self, found: tuple[list[DuplicateGroup], dict[int, str | None]]) -> None:
        groups, keepers = found
        self.view.set_groups(groups, keepers)
        self.sidebar.set_counts({Collection.DUPLICATES: self.view.open_count()})
        self.loaded.emit()

    def _load_group(self, group: DuplicateGroup) -> None:
        def shown(photos: list) -> None:
            self.view.show_members(group, photos)
            self.inspected.emit([group.keeper])  # a photo of this group, never the grid's

        self.session.read(self, lambda c: [c.photo(m.photo) for m in group.members], shown)

    def _keep(self, group: DuplicateGroup, keeper: int) -> None:
        self.session.write(self, lambda c, actor: duplicate_service.keep(c, group, keeper, actor),
                           lambda _: self.decided.emit(fill(
                               self.tr("Kept photo %1; the others in group %2 are linked to it."),
                               keeper, group.id)))

    def _not_duplicates(self, group: DuplicateGroup) -> None:
        self.session.write(self, lambda c, actor: duplicate_service.not_duplicates(c, group, actor),
                           lambda _: self.decided.emit(fill(
                               self.tr("Group %1 recorded as not duplicates."), group.id)))

    def _merge(self, group: DuplicateGroup) -> None:
        self.session.write(self, lambda c, actor: duplicate_service.merge_metadata(c, group,
                                                                                    actor),
                           self.decided.emit)

    def _differences(self, group: DuplicateGroup) -> None:
        """Difference images of each copy against the keeper, made off the GUI thread."""
        def paths(catalogue):
            found = {p.id: catalogue.layout.resolve(p.thumbnail_path)
                     for p in (catalogue.photo(m.photo) for m in group.members)}
            return found

        def make(found: dict[int, Path]) -> None:
            keeper = found[group.keeper]
            for photo_id, path in found.items():
                if photo_id != group.keeper:
                    self._difference(photo_id, keeper, path)

        self.session.read(self, paths, make)

    def _difference(self, photo_id: int, keeper: Path, copy: Path) -> None:
        self.images.run(self.view, lambda: to_qimage(imaging.difference_image(keeper, copy)),
                        lambda image: self.view.set_difference(photo_id,
                                                               QPixmap.fromImage(image)))

    def _accept(self, max_distance: int) -> None:
        """Say how many groups and photos it would mark, and accept only when confirmed."""
        threshold, _ = self.view.options()

        def counted_groups(c: Catalogue) -> tuple[int, int]:
            chosen = duplicate_service.acceptable(c, max_distance, threshold)
            return len(chosen), sum(len(g.members) - 1 for g in chosen)

        self.session.read(self, counted_groups,
                          lambda found: self._ask_accept(max_distance, threshold, *found))

    def _ask_accept(self, max_distance: int, threshold: int, groups: int,
                    photos: int) -> None:
        if not groups:
            self.decided.emit(
                self.tr("No open group has all its members that close to its keeper."))
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Accept suggested keepers"),
                          self.tr("Keep the suggested keeper of %Ln groups?", "", groups) + " "
                          + self.tr("%Ln photos will be marked as duplicates and hidden from "
                                    "the grid (each can be unmarked later).", "", photos),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.view)
        box.setObjectName("accept-keepers")
        box.accepted.connect(lambda: self.session.write(
            self, lambda c, actor: duplicate_service.accept_suggested(c, max_distance, actor,
                                                                      threshold),
            lambda count: self.decided.emit(
                self.tr("Accepted the suggested keeper of %Ln groups.", "", count))))
        box.open()
        self.question = box
