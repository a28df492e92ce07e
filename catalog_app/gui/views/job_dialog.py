"""The progress dialog a long job shows: how far it has got, and a button to cancel it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QProgressDialog, QWidget

from catalog_app.core.progress import Progress


class JobProgressDialog(QProgressDialog):
    """Shows `count` for each Progress event: a function of (done, total) giving the translated
    line, or a str.format pattern ("{done:,} of {total:,} photos exported")."""

    def __init__(self, parent: QWidget | None, title: str, text: str,
                 count: str | Callable[[int, int], str], on_cancel: Callable[[], None]) -> None:
        super().__init__(text, "", 0, 0, parent)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowTitle(title)
        self.setMinimumDuration(0)
        self.canceled.connect(on_cancel)
        self._count = count

    def show_progress(self, event: Progress) -> None:
        self.setMaximum(max(event.total, 1))
        self.setValue(event.done)
        count = self._count
        self.setLabelText(count(event.done, event.total) if callable(count)
                          else count.format(done=event.done, total=event.total))

    def follow(self, progress: SignalInstance, finished: SignalInstance,
               failed: SignalInstance, on_finished: Callable[[Any], None],
               on_failed: Callable[[str], None]) -> Callable[[], None]:
        """Show a job's progress; at its end stop listening, close, and hand the result on.

        Returns the function that stops listening (for a job that did not start after all).
        """
        step = self.show_progress

        def done(result: Any) -> None:
            stop()
            self.close()
            self.deleteLater()
            on_finished(result)

        def stopped(message: str) -> None:
            stop()
            self.close()
            self.deleteLater()
            on_failed(message)

        def stop() -> None:
            for signal, slot in ((progress, step), (finished, done), (failed, stopped)):
                signal.disconnect(slot)

        progress.connect(step)
        finished.connect(done)
        failed.connect(stopped)
        return stop
