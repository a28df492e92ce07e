"""The copy of an original is checked against the disk, not the page cache, before it counts."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from catalog_app.core import store
from catalog_app.core.layout import Layout


def _data() -> tuple[bytes, str]:
    data = os.urandom(300_000)
    return data, hashlib.sha256(data).hexdigest()


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise on this OS")
def test_the_copy_is_dropped_from_the_cache_before_it_is_read_back(tmp_path: Path,
                                                                   monkeypatch) -> None:
    data, sha = _data()
    events: list[tuple[str, str]] = []
    real_fadvise, real_fsync = os.posix_fadvise, os.fsync

    def fadvise(fd: int, offset: int, length: int, advice: int) -> None:
        name = os.readlink(f"/proc/self/fd/{fd}") if os.path.isdir("/proc/self/fd") else "?"
        events.append(("drop" if advice == os.POSIX_FADV_DONTNEED else str(advice), name))
        real_fadvise(fd, offset, length, advice)

    def fsync(fd: int) -> None:
        events.append(("fsync", ""))
        real_fsync(fd)

    monkeypatch.setattr(store.os, "posix_fadvise", fadvise)
    monkeypatch.setattr(store.os, "fsync", fsync)
    rel, warning = store.store_original(Layout(tmp_path), sha, data, ".jpg", None)
    final = tmp_path / rel
    assert warning is None
    assert [kind for kind, _ in events] == ["fsync", "drop"]  # synced first, then dropped
    if events[1][1] != "?":
        assert events[1][1].endswith(".part")  # the copy, before it is renamed into place
    assert hashlib.sha256(final.read_bytes()).hexdigest() == sha
    assert not final.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def test_a_copy_that_reads_back_wrong_is_not_kept(tmp_path: Path, monkeypatch) -> None:
    data, sha = _data()
    monkeypatch.setattr(store, "sha256_file", lambda path, from_disk=False: "0" * 64)
    with pytest.raises(store.StoreError, match="did not verify"):
        store.store_original(Layout(tmp_path), sha, data, ".jpg", None)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # no copy, no part file
