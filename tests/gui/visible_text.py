"""The text a person can see in a widget tree (labels, buttons, menus, headers, titles, tips),
for the tests that check a translated window has no English left."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]


def english_sources() -> set[str]:
    """Every English source text of the window (.ts) and of gettext (.po), as shown: without
    accelerator ampersands, %n filled in with nothing."""
    texts: set[str] = set()
    ts = ROOT / "catalog_app" / "gui" / "i18n" / "catalog_app_uk.ts"
    for source in ET.parse(ts).getroot().iter("source"):
        texts.add(clean(source.text or ""))
    for po in (ROOT / "catalog_app" / "locale").rglob("*.po"):
        for line in po.read_text(encoding="utf-8").splitlines():
            if line.startswith(("msgid ", "msgid_plural ")):
                texts.add(clean(line.split(" ", 1)[1].strip('"')))
    texts.discard("")
    return texts


def clean(text: str) -> str:
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split())


def _columns(model: QAbstractItemModel) -> int:
    """The column count, whichever signature the model's binding takes (a list model wants
    its parent; Qt's own table and tree models take none)."""
    for args in ((QModelIndex(),), ()):
        try:
            return model.columnCount(*args)
        except TypeError:
            continue
    return 0


def _model_headers(model: QAbstractItemModel) -> Iterator[str]:
    for orientation, count in ((Qt.Orientation.Horizontal, _columns(model)),
                               (Qt.Orientation.Vertical, 0)):
        for i in range(count):
            value = model.headerData(i, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        if action.menu() is not None:
            yield from _menu_texts(action.menu())  # type: ignore[arg-type]


def visible_texts(root: QWidget) -> list[str]:
    """Every string shown by `root` and its children (hidden ones too: they show later)."""
    out: list[str] = [root.windowTitle(), root.toolTip()]
    for w in [root, *root.findChildren(QWidget)]:
        out.append(w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, (QLineEdit, QTextEdit)):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QMenuBar | QToolBar):
            for action in w.actions():
                out.append(action.text())
                if action.menu() is not None:
                    out += list(_menu_texts(action.menu()))  # type: ignore[arg-type]
        elif isinstance(w, QMenu):
            out += list(_menu_texts(w))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += list(_model_headers(w.model()))
        if hasattr(w, "windowTitle") and w.isWindow():
            out.append(w.windowTitle())
    return [clean(t) for t in out if t and clean(t)]


def english_left(root: QWidget, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The visible strings of `root` that are still an English source text."""
    sources = english_sources()
    return sorted({t for t in visible_texts(root) if t in sources and t not in allowed})
