"""Keeping the window's resident memory flat: fewer malloc arenas, freed pages given back."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_ARENA_MAX = -8  # glibc's mallopt() parameter
ARENAS = 2  # decodes run on several threads; each would keep its own arena of freed pages

_libc: ctypes.CDLL | None = None


def _glibc() -> ctypes.CDLL | None:
    global _libc
    if _libc is None and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            if not (hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim")):
                return None  # musl and others: nothing to do there
        except (OSError, AttributeError):
            return None
        _libc = libc
    return _libc


def limit_arenas() -> None:
    """Cap glibc's per-thread arenas: a photo decoded on a pool thread then frees its pixels
    into a shared arena that later decodes reuse, instead of one arena per thread that keeps
    its peak (the window grew by hundreds of MB stepping through large photos)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, ARENAS)


def give_back() -> None:
    """Return freed heap pages to the system (after a large decode is shown and dropped)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
