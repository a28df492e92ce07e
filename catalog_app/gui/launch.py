"""Open the desktop window, or say in one sentence why it cannot open here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

EXIT_NO_DISPLAY = 5
_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc"}


def has_display() -> bool:
    """True when Qt has somewhere to draw a window."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.split(":")[0] in _HEADLESS_PLATFORMS:
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a desktop session for a logged-in user


# System libraries Qt's X11 plugin loads; without them Qt aborts with a long plugin error.
_XCB_LIBRARIES = ("xcb-cursor", "xkbcommon-x11", "xcb-icccm", "xcb-keysyms", "xcb-image",
                  "xcb-render-util", "xcb-shape", "xcb-randr", "EGL", "fontconfig")


def missing_x11_libraries() -> list[str]:
    """Libraries the X11 window needs but this system lacks (only asked on Linux with X11)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return []
    if not os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return []
    from ctypes.util import find_library

    return [name for name in _XCB_LIBRARIES if find_library(name) is None]


def launch(catalogue: Path | None, operator: str | None, read_only: bool = False) -> int:
    """Open the window on `catalogue` (None: the last one used, else the default)."""
    if not has_display():
        print("catalog-app: There is no display here, so the window cannot open; the command "
              "line does everything it does (see catalog-app --help).", file=sys.stderr)
        return EXIT_NO_DISPLAY
    missing = missing_x11_libraries()
    if missing:
        print(f"catalog-app: The window needs system libraries this machine lacks "
              f"(lib{', lib'.join(missing)}); on Debian or Ubuntu `sudo make system-deps` "
              "installs them, and the command line works without them.", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from catalog_app.gui.app import run_app

    return run_app(catalogue, operator, read_only)
