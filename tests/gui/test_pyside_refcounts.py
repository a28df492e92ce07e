"""Guard against the PySide6 6.12.0 bug: Python slots over-release their return values.

The values counted are fresh objects: None and the bools are immortal on Python 3.12+, so
their reference counts never move and a test on them could not fail.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton


class _Emitter(QObject):
    value = Signal(object)


class _Marker:
    """A mortal object whose reference count tells whether slot calls balance it."""


def test_slot_calls_keep_their_return_values_balanced(qtbot) -> None:
    returned, passed = _Marker(), _Marker()
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: returned)
    emitter = _Emitter()
    emitter.value.connect(lambda v: returned)
    before = sys.getrefcount(returned), sys.getrefcount(passed)
    for _ in range(500):
        button.click()
        emitter.value.emit(passed)
    after = sys.getrefcount(returned), sys.getrefcount(passed)
    assert after == before, f"reference counts moved from {before} to {after}"
