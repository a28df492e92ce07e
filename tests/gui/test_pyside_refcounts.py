"""Guard against the PySide6 6.12.0 bug: Python slots over-release their return values."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton


class _Emitter(QObject):
    value = Signal(object)


def test_slot_calls_keep_none_and_bools_balanced(qtbot) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: None)
    emitter = _Emitter()
    emitter.value.connect(lambda v: False)
    before = sys.getrefcount(None), sys.getrefcount(False)
    for _ in range(500):
        button.click()
        emitter.value.emit(False)
    after = sys.getrefcount(None), sys.getrefcount(False)
    assert abs(after[0] - before[0]) < 50, f"None refcount drifted by {after[0] - before[0]}"
    assert abs(after[1] - before[1]) < 50, f"False refcount drifted by {after[1] - before[1]}"
