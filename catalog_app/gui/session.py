"""The open catalogue as the window sees it: every read runs on one database thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.tasks import Callback, Task, TaskRunner

T = TypeVar("T")


class CatalogueSession(QObject):
    """Owns a Catalogue connection used only on its own single-thread pool."""

    failed = Signal(str)  # a read or write failed and its caller gave no handler

    def __init__(self, catalogue: Catalogue, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.actor = actor
        self.runner = TaskRunner.single_thread(self)  # one connection, one thread

    @property
    def root(self) -> Path:
        return self.catalogue.layout.root

    def read(self, query: Callable[[Catalogue], T], on_done: Callable[[T], None],
             on_error: Callback | None = None) -> Task:
        """Run `query(catalogue)` on the database thread; on_done gets its result.

        Without on_error, a failure is reported through `failed` as one sentence.
        """
        return self.runner.run(lambda: query(self.catalogue), on_done,
                               on_error or self._report)

    def _report(self, error: BaseException) -> None:
        self.failed.emit(f"The catalogue could not do that: {error}")

    def close(self) -> None:
        """Wait for queued reads, then close the connection on the thread that used it."""
        self.runner.forget_pending()
        self.runner.wait()
        done: list[Any] = []
        self.runner.run(self.catalogue.close, done.append)
        self.runner.wait()
