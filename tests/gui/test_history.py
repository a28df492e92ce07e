"""The inspector's history (old and new value, who, newest first) and File > Verify's report."""

from __future__ import annotations

import os
import re
import sqlite3

from PySide6.QtGui import QGuiApplication

from catalog_app.cli import main as cli_main
from catalog_app.core.models import Actor, Flag
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from tests.gui.conftest import open_window, settle
from tests.support.synthetic import make_jpegs

LONG = "Rows of numbered wooden crosses in the forest burial site, Izyum; " * 5 + "\nsecond line"


def _catalogue(tmp_path, count: int = 3):
    make_jpegs(tmp_path / "card", count)
    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")],
                       Actor("importer", "field-laptop", "test"), workers=0).run())
    return root


def _change(row: dict[str, str]) -> tuple[str, str, str]:
    return row["What"], row["Old"], row["New"]


def _select_first(qtbot, workspace) -> int:
    window = workspace.window
    with qtbot.waitSignal(workspace.inspect.history_shown, timeout=20000):
        window.grid.setCurrentIndex(window.model.index(0))
    return window.model.photo_id(0)


def _edit_caption(qtbot, workspace, text: str) -> None:
    """Type a caption and save it as a person does; wait until the history shows the edit."""
    settle(qtbot, workspace)  # no earlier read is still on its way to the inspector
    inspector = workspace.window.inspector
    inspector.caption.setPlainText(text)
    inspector.save_caption.click()
    qtbot.waitUntil(lambda: inspector.history.lines[:1] != [] and inspector.history.lines[0].what
                    == "caption changed" and inspector.history.lines[0].new == text,
                    timeout=20000)


def test_the_history_shows_a_caption_edit_made_in_the_window(qtbot, controller,
                                                             tmp_path) -> None:
    workspace = open_window(qtbot, controller, _catalogue(tmp_path), create=False)
    history = workspace.window.inspector.history
    photo = _select_first(qtbot, workspace)
    (imported,) = history.row_texts()
    assert imported["Who"] == "importer@field-laptop"
    assert imported["What"].startswith("imported from ") and imported["What"].endswith(
        ".JPG (import 1)")
    assert imported["Old"] == "" and imported["New"].startswith("SHA-256 ")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", imported["When (local)"])
    when = history.topLevelItem(0).toolTip(0)
    assert re.search(r"\d\d:\d\d:\d\d [+-]\d\d:\d\d<br>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", when)

    _edit_caption(qtbot, workspace, "First caption")
    rows = history.row_texts()
    assert len(rows) == 2 and rows[1] == imported  # newest first
    assert rows[0]["Who"].startswith("gui-tester@")
    assert _change(rows[0]) == ("caption changed", "(none)", "First caption")

    _edit_caption(qtbot, workspace, LONG)
    newest = history.topLevelItem(0)
    what, old, new = (history.columns.index(name) for name in ("What", "Old", "New"))
    assert [newest.text(what), newest.text(old)] == ["caption changed", "First caption"]
    assert newest.text(new) == LONG.replace("\n", " ⏎ ")  # one line in the cell, elided by Qt
    assert "\n" not in newest.text(new)
    assert "second line" in newest.toolTip(new) and "Izyum; Rows" in newest.toolTip(new)
    width = history.fontMetrics().horizontalAdvance(newest.text(new))
    assert width > history.columnWidth(new)  # too long for its column: the tooltip has it whole

    workspace.inspect.undo_stack.undo()  # Ctrl+Z
    qtbot.waitUntil(lambda: len(history.row_texts()) == 4, timeout=20000)
    rows = history.row_texts()
    assert _change(rows[0]) == ("caption changed", LONG.replace("\n", " ⏎ "), "First caption")
    assert {line.photo_id for line in history.lines} == {photo}  # this photo's entries only
    ids = [line.entry_id for line in history.lines]
    assert ids == sorted(ids, reverse=True)

    inspector = workspace.window.inspector
    inspector.describe.flags[Flag.RESTRICTED].click()  # through the tagging controller
    qtbot.waitUntil(lambda: history.row_texts()[0]["What"] == "flag restricted set",
                    timeout=20000)
    assert _change(history.row_texts()[0]) == ("flag restricted set", "not set", "set")
    assert history.row_texts()[0]["Who"] == rows[0]["Who"]
    rows = history.row_texts()

    inspector.open_history.click()  # the same history, wide, with UTC beside the local time
    wide = inspector.history_window.table
    assert wide.columns == ("When (local)", "UTC", "What", "Old", "New", "Who")
    assert [{k: v for k, v in row.items() if not k.startswith(("When", "UTC"))}
            for row in wide.row_texts()] == [
        {k: v for k, v in row.items() if not k.startswith("When")} for row in rows]
    assert wide.row_texts()[0]["UTC"].endswith(" UTC")
    assert wide.row_texts()[0]["When (local)"].startswith(rows[0]["When (local)"] + " ")
    _edit_caption(qtbot, workspace, "Third")  # the open window follows the inspector
    assert _change(wide.row_texts()[0]) == ("caption changed", "First caption", "Third")
    inspector.history_window.close()

    history.clearSelection()
    history.copy_selected()  # nothing selected: the whole history, as lines of text
    copied = QGuiApplication.clipboard().text().splitlines()
    assert len(copied) == 6 and "caption changed: First caption → Rows of numbered" in copied[3]
    assert copied[-1].endswith(".JPG (import 1): " + history.lines[-1].new)


def test_verify_shows_the_report_the_command_line_prints(qtbot, controller, tmp_path,
                                                         capsys) -> None:
    root = _catalogue(tmp_path)
    workspace = open_window(qtbot, controller, root, create=False)
    window, verifier = workspace.window, workspace.verifier
    with qtbot.waitSignal(verifier.report_shown, timeout=60000) as shown:
        window.verify_action.trigger()
    clean = shown.args[0]
    text = clean.text.toPlainText()
    assert re.fullmatch(r"State matches the log \(from entry 1\)\.\n"
                        r"History unproven: no signed checkpoint or time-stamp [^\n]*\n"
                        r"Verified 3 originals: no problems found, but the history is not "
                        r"proven \(see above\)\. Custody log head: \d+ entries, "
                        r"[0-9a-f]{64}\.", text), text
    assert clean.headline.text().startswith("No problems found, but the history is not "
                                            "proven")
    clean.close()

    photo = workspace.session.catalogue.photo(window.model.photo_id(1))
    stored = workspace.session.catalogue.layout.resolve(photo.stored_path)
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one byte of an original
    stored.write_bytes(bytes(data))
    with qtbot.waitSignal(verifier.report_shown, timeout=60000) as shown:
        window.verify_action.trigger()
    dialog = shown.args[0]
    lines = dialog.text.toPlainText().splitlines()
    assert dialog.headline.text().startswith("1 problem found")
    assert len(lines) == 4  # the problem, the state, the history, the summary
    assert lines[1:3] == ["State matches the log (from entry 1).", lines[2]]
    assert lines[2].startswith("History unproven")
    assert lines[0].startswith(f"photo {photo.id}: its original was changed (SHA-256 is ")
    assert lines[0].endswith(f"{stored})")
    with Catalogue.open(root) as catalogue:
        entries, head = catalogue.custody_head()
    assert lines[3] == (f"Verified 3 originals: 1 problem. Custody log head: {entries} "
                        f"entries, {head}.")

    settle(qtbot, workspace)
    capsys.readouterr()
    assert cli_main(["--catalogue", str(root), "verify"]) == 1
    printed = capsys.readouterr().out.splitlines()
    with Catalogue.open(root) as catalogue:
        after, head_after = catalogue.custody_head()
    assert after == entries + 1  # the command line's own run was recorded after the window's
    assert printed == [*lines[:3], lines[3].replace(f"{entries} entries, {head}",
                                                    f"{after} entries, {head_after}")]

    dialog.copy()
    assert QGuiApplication.clipboard().text() == "\n".join(lines) + "\n"
    target = tmp_path / "reports" / "verify.txt"
    verifier.save_report(dialog, target)
    qtbot.waitUntil(lambda: dialog.note.text() == f"Saved to {target}.", timeout=10000)
    assert target.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    verifier.save_report(dialog, root / "catalogue.sqlite" / "x.txt")  # a file, not a folder
    qtbot.waitUntil(lambda: not dialog.note.text().startswith("Saved"), timeout=10000)
    note = dialog.note.text()  # the sentence the export code words for a failed write
    assert note.startswith(f"Writing {root / 'catalogue.sqlite' / 'x.txt'} failed")
    assert "Traceback" not in note and note.endswith(".")


def test_a_history_that_cannot_be_read_says_so(qtbot, controller, tmp_path) -> None:
    root = _catalogue(tmp_path, 1)
    with sqlite3.connect(root / "catalogue.sqlite") as conn:  # behind the app's back
        conn.execute("DROP TRIGGER custody_log_no_update")
        conn.execute("UPDATE custody_log SET details = 'not json' WHERE action = 'import'")
    workspace = open_window(qtbot, controller, root, create=False)
    window = workspace.window
    window.grid.setCurrentIndex(window.model.index(0))
    history = window.inspector.history
    qtbot.waitUntil(lambda: history.row_texts()[0]["What"].startswith(
        "The history could not be read: "), timeout=20000)
    assert history.lines == []
