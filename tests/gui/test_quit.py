"""The application as launched: run_app opens the catalogue, File > Quit ends the process with
status 0, during an import too (the import is cancelled, what it recorded stays)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from catalog_app.db.catalogue import Catalogue
from tests.support.synthetic import make_jpegs

# Runs in a child process: start the app, and once its window shows (optionally once an import
# through it has recorded a photo), choose File > Quit as a person would. The import is held
# after its first photo until it is cancelled, so the quit comes part way however busy the
# machine is (never after the last photo, never before the first).
CHILD = """
import sys
import threading
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from catalog_app import APP_NAME
from catalog_app.gui.app import run_app
from catalog_app.gui.views.main_window import MainWindow
from catalog_app.services.importing import ImportJob

held, release = threading.Event(), threading.Event()
run, cancel = ImportJob.run, ImportJob.cancel

def run_held(self):
    for event in run(self):
        yield event
        if event.done > 0 and not held.is_set():
            held.set()
            if not release.wait(120):
                raise RuntimeError("the window never cancelled the import")

def cancel_and_release(self):
    cancel(self)
    release.set()

ImportJob.run, ImportJob.cancel = run_held, cancel_and_release

root, card = Path(sys.argv[1]), sys.argv[2]
dropped = []
app = QApplication(sys.argv)
app.setOrganizationName(APP_NAME)
app.setApplicationName(APP_NAME)
QSettings().setValue("sample_offered", "true")  # no first-start question to answer

def window():
    return next((w for w in app.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible()), None)

def quit_soon():
    shown = window()
    if shown is None:
        QTimer.singleShot(20, quit_soon)
    elif card and not held.is_set():
        if not dropped:
            dropped.append(card)
            shown.files_dropped.emit([card])
        QTimer.singleShot(20, quit_soon)
    else:
        shown.quit_action.trigger()

QTimer.singleShot(0, quit_soon)
sys.exit(run_app(root, "quit-tester"))
"""


def _run(tmp_path: Path, card: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config")}
    return subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "cat"), card], env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_quit_ends_the_process(tmp_path) -> None:
    Catalogue.open(tmp_path / "cat", create=True).close()
    done = _run(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_quit_during_an_import_cancels_it_and_ends_the_process(tmp_path) -> None:
    make_jpegs(tmp_path / "card", 200)
    Catalogue.open(tmp_path / "cat", create=True).close()
    done = _run(tmp_path, str(tmp_path / "card"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    with Catalogue.open(tmp_path / "cat") as catalogue:
        assert catalogue.integrity_problems() == []
        assert 0 < catalogue.count_photos() < 200  # cancelled part way; what was done stays
