"""Tagging 10,000 selected photos at once: in the catalogue, and from the window.

Prints
  catalogue   Catalogue.tag of 10,000 photos in one transaction (one custody entry each);
  window      the same through the window (TaggingController.tag, the database thread), from
              the call to the status message, and the longest the GUI thread went without
              processing events meanwhile (a 5 ms timer measures it): the window must not freeze.
over a catalogue of --count synthetic photos (bench_gui's builder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_gui import build


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--select", type=int, default=10000)
    args = parser.parse_args()
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from catalog_app.core.models import Actor, Incident
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.gui.app import make_app
    from catalog_app.gui.settings_store import AppSettings

    work = Path(tempfile.mkdtemp(prefix="bench-tagging-"))
    try:
        build(work / "cat", args.count)
        actor = Actor("bench", "bench", "bench")
        with Catalogue.open(work / "cat") as catalogue:
            first = catalogue.add_incident(Incident(0, "First site"), actor)
            second = catalogue.add_incident(Incident(0, "Second site"), actor)
            ids = [p for p, _, _ in catalogue.stored_files()][: args.select]
            start = time.perf_counter()
            changed = catalogue.tag(ids, first, actor)
            core = time.perf_counter() - start
        app = QApplication(sys.argv)
        settings = AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
        settings.sample_offered = True
        controller = make_app(settings, "bench", notify=print, ask=lambda *_: False)
        opening = QEventLoop()
        controller.opened.connect(opening.quit)
        assert controller.open(work / "cat")
        opening.exec()
        window = controller.workspace
        loop = QEventLoop()
        window.browse.refreshed.connect(loop.quit)
        loop.exec()
        worst, clock = 0, QElapsedTimer()
        clock.start()

        def tick() -> None:
            nonlocal worst
            worst = max(worst, clock.restart())

        ticker = QTimer(interval=5)
        ticker.timeout.connect(tick)
        ticker.start()
        done = QEventLoop()
        window.tagging.changed.connect(lambda _: done.quit())
        start = time.perf_counter()
        clock.restart()
        window.tagging.tag(second, ids)
        done.exec()
        through_window = time.perf_counter() - start
        ticker.stop()
        controller.close_window()
        del app
        print(f"catalogue: {changed:,} photos tagged in {core:.2f} s "
              f"({changed / core:,.0f} photos/s), one custody entry each")
        print(f"window:    {len(ids):,} photos re-tagged in {through_window:.2f} s from the "
              f"call to the status message; the GUI thread's longest pause meanwhile "
              f"{worst} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
