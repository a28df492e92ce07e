"""The window on a 100,000-photo catalogue: time to first painted screen, memory, full scroll.

Builds (once, cached under benchmarks/out/) a catalogue of synthetic rows through the real
Catalogue API, pointing at 1,000 real thumbnail files, then measures in a fresh process:
  first screen   from process start (before any import) to the grid painted with rows
  memory         resident set size after the first screen and after the scroll
  scroll         page by page from top to bottom, each page painted; the slowest frame, and
                 how many database reads and GUI-thread thumbnail decodes happened meanwhile
Badges are painted on every run (a tenth of the photos graphic, one in 17 with a caption to
check, one in 5 tagged to an incident, a third without GPS). The window is measured twice in the
same run: without day headers (the baseline) and grouped by day under header cells.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before the heavy imports: launch cost is part of the figure

import argparse  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: installed wins
OUT = Path(__file__).parent / "out"


def build(root: Path, count: int) -> None:
    """A catalogue of `count` photos made through Catalogue.record_batch."""
    import random
    from datetime import datetime, timedelta, timezone

    from PIL import Image

    from catalog_app.core.layout import Layout
    from catalog_app.core.models import (
        Actor,
        Camera,
        CaptureInfo,
        GeoPoint,
        NewPhoto,
        Recorded,
        SourceFile,
        TimeSource,
    )
    from catalog_app.db.catalogue import Catalogue

    catalogue = Catalogue.open(root, create=True)
    layout = Layout(root)
    thumbs = []
    for n in range(1000):
        sha = f"{n:064x}"
        rel = layout.thumbnail_relpath(sha)
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        Image.effect_noise((320, 240), 30 + n % 50).convert("RGB").save(root / rel, "JPEG")
        thumbs.append(rel)
    actor = Actor("bench", "bench", "bench")
    import_id = catalogue.begin_import(["synthetic"], False, actor)
    rng = random.Random(1)
    start = datetime(2024, 7, 1, tzinfo=timezone(timedelta(hours=3)))
    batch = []
    for n in range(count):
        sha = f"{n + 10**9:064x}"
        capture = CaptureInfo(
            taken_at=start + timedelta(seconds=37 * n), time_source=TimeSource.EXIF_OFFSET,
            gps=GeoPoint(49.2 + rng.random() / 10, 37.2 + rng.random() / 10) if n % 3 else None,
            camera=Camera("Bench", f"Model {n % 7}", None), orientation=1)
        photo = NewPhoto(sha, f"originals/{sha[:2]}/{sha}.jpg", False, "JPEG", 3_000_000, 4000,
                         3000, capture, rng.getrandbits(64), rng.getrandbits(64),
                         thumbs[n % len(thumbs)], ())
        path = f"/media/card{n % 4}/DCIM/IMG_{n:06d}.JPG"
        batch.append(Recorded(SourceFile(path, path.encode(), 3_000_000, None), photo))
        if len(batch) == 5000:
            catalogue.record_batch(import_id, batch, actor)
            batch.clear()
    if batch:
        catalogue.record_batch(import_id, batch, actor)
    catalogue.finish_import(import_id, count, 0, 0, False, actor)
    from catalog_app.core.models import Flag, Incident

    ids = [photo.id for photo in catalogue.photos()]
    catalogue.set_flag(ids[::10], Flag.GRAPHIC, True, actor)  # badges to paint
    catalogue.set_flag(ids[::17], Flag.CAPTION_REVIEW, True, actor)
    incident = catalogue.add_incident(Incident(0, "Bench incident"), actor)
    catalogue.tag(ids[::5], incident, actor)
    catalogue.close()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(root: Path, by_day: bool) -> int:
    """Runs in a fresh process: open the window (grouped by day or not) and time it."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QThread, QTimer
    from PySide6.QtWidgets import QApplication

    from catalog_app.gui import thumbnails
    from catalog_app.gui.app import make_app
    from catalog_app.gui.settings_store import AppSettings

    app = QApplication(sys.argv)
    decodes_on_gui = []
    original_drain = thumbnails.ThumbnailLoader._drain

    def drain(self, cancel):
        decodes_on_gui.append(QThread.currentThread() is app.thread())
        yield from original_drain(self, cancel)

    thumbnails.ThumbnailLoader._drain = drain
    settings = AppSettings(QSettings(str(OUT / "bench-settings.ini"), QSettings.Format.IniFormat))
    settings.sample_offered = True
    controller = make_app(settings, "bench", notify=print, ask=lambda *_: False)
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and shown[0].model.rowCount() and not painted:
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    shown: list = []

    refreshed: list[float] = []  # the whole query can be in before the first paint

    def opened(ok):
        shown.append(controller.window)
        shown[0].resize(1400, 900)
        shown[0].order.by_day.setChecked(by_day)  # before the first rows arrive
        shown[0].grid.viewport().installEventFilter(watch)
        controller.workspace.browse.refreshed.connect(
            lambda: refreshed.append(time.perf_counter()))

    controller.opened.connect(opened)
    opening = QEventLoop()
    controller.opened.connect(opening.quit)
    controller.open(root)
    if not shown:
        opening.exec()
    window = shown[0]
    workspace = controller.workspace
    def wait_for(happened: list) -> None:
        """Run the event loop, idle as app.exec() would (not spinning), until it happened."""
        loop, poll = QEventLoop(), QTimer(interval=5)

        def check() -> None:
            if happened:
                loop.quit()

        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()

    wait_for(painted)
    first_screen = painted[0] - STARTED
    first_rows = window.model.rowCount()
    wait_for(refreshed)
    all_rows_s = refreshed[0] - STARTED
    rows = window.model.rowCount()
    memory_first = rss_mb()
    reads = []
    original_read = workspace.session.read
    workspace.session.read = lambda *a, **k: (reads.append(1), original_read(*a, **k))[1]
    import gc

    collections: list[float] = []
    gc_started: list[float] = []

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started.append(time.perf_counter())
        elif info.get("generation") == 2 and gc_started:
            collections.append(time.perf_counter() - gc_started[-1])

    gc.callbacks.append(on_gc)
    decoded = []
    window.thumbnails.ready.connect(decoded.append)
    bar = window.grid.verticalScrollBar()
    frames = []
    start = time.perf_counter()
    value = 0
    while True:
        t = time.perf_counter()
        bar.setValue(value)
        window.grid.viewport().repaint()
        app.processEvents()
        frames.append(time.perf_counter() - t)
        if value >= bar.maximum():
            break
        value = min(value + bar.pageStep(), bar.maximum())
    scroll = time.perf_counter() - start
    print(f"  day headers                    "
          f"{window.model.rowCount() - window.model.photo_count():,}"
          f" ({'grouped by day' if by_day else 'none: the baseline'})")
    print(f"  first screen painted           {first_screen:.2f} s after process start "
          f"({first_rows:,} rows)")
    print(f"  all {rows:,} rows and counts    {all_rows_s:.2f} s after process start")
    print(f"  memory after first screen      {memory_first:.0f} MB")
    print(f"  scroll top to bottom           {scroll:.2f} s, {len(frames)} pages painted")
    print(f"  slowest frame                  {max(frames) * 1000:.1f} ms "
          f"(median {sorted(frames)[len(frames) // 2] * 1000:.1f} ms)")
    print(f"  memory after the scroll        {rss_mb():.0f} MB")
    print(f"  database reads during scroll   {len(reads)}")
    print(f"  thumbnails decoded meanwhile   {len(decoded):,}, decoder runs on the GUI thread: "
          f"{sum(decodes_on_gui)} of {len(decodes_on_gui)}")
    slow = sorted(range(len(frames)), key=frames.__getitem__)[-3:]
    print(f"  slowest pages                  {[(i, round(frames[i] * 1000, 1)) for i in slow]}; "
          f"full garbage collections: {len(collections)}, longest "
          f"{max(collections, default=0) * 1000:.1f} ms")
    controller.close_window()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--by-day", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args.measure, args.by_day)
    root = OUT / f"gui-catalogue-{args.photos}"
    if not (root / "catalogue.sqlite").is_file():
        t = time.perf_counter()
        build(root, args.photos)
        print(f"built a {args.photos:,}-photo catalogue in {time.perf_counter() - t:.1f} s")
    print(f"window benchmark: {args.photos:,} photos, Qt platform "
          f"{os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = 0
    for by_day in (False, True):  # the baseline first, then grouped by day
        print("without day headers (baseline):" if not by_day else "grouped by day:", flush=True)
        failed += subprocess.run([sys.executable, __file__, "--measure", str(root)]
                                 + ["--by-day"] * by_day, env=env, check=False).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
