"""The open catalogue as the window sees it: every query and change runs on one database thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.tasks import Callback, Task, TaskRunner

T = TypeVar("T")


class CatalogueSession(QObject):
    """Owns a Catalogue connection used only on its own single-thread pool.

    `read` runs a query; `write` runs a change with the session's actor (who is recorded in
    the custody log). Both deliver to `receiver` only while it lives.
    """

    failed = Signal(str)  # a query or change failed and its caller gave no handler
    closed = Signal()  # the connection was closed on its thread

    def __init__(self, catalogue: Catalogue, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.actor = actor
        self.runner = TaskRunner.single_thread(self)  # one connection, one thread
        self._closing = False

    @property
    def root(self) -> Path:
        return self.catalogue.layout.root

    def read(self, receiver: QObject, query: Callable[[Catalogue], T],
             on_done: Callable[[T], None], on_error: Callback | None = None) -> Task:
        """Run `query(catalogue)` on the database thread; on_done gets its result.

        Without on_error, a failure is reported through `failed` as one sentence.
        """
        return self.runner.run(receiver, lambda: query(self.catalogue), on_done,
                               on_error or self._report)

    def write(self, receiver: QObject, change: Callable[[Catalogue, Actor], T],
              on_done: Callable[[T], None] | None = None,
              on_error: Callback | None = None) -> Task:
        """Run `change(catalogue, actor)` on the database thread: each change is one unit of
        work in the catalogue, recorded with the session's actor."""
        actor = self.actor
        return self.runner.run(receiver, lambda: change(self.catalogue, actor), on_done,
                               on_error or self._report)

    def _report(self, error: BaseException) -> None:
        self.failed.emit(self.tr("The catalogue could not do that: %1").replace("%1", str(error)))

    @property
    def busy(self) -> bool:
        return self.runner.busy()

    def close(self) -> None:
        """Drop the answers still to come and close the connection on its own thread, after
        the work queued before it; `closed` follows. Never waits."""
        if self._closing:
            return
        self._closing = True
        self.runner.forget_pending()
        self.runner.run(self, self.catalogue.close, lambda _: self.closed.emit(),
                        lambda _error: self.closed.emit())
