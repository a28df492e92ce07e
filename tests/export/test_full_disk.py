"""A full disk stops an export with one clear sentence and no damage to the catalogue."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from catalog_app.errors import ExportError
from catalog_app.export import public_image
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from tests.conftest import ACTOR
from tests.export.conftest import Mission


def _full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_stops_a_package(mission: Mission, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("catalog_app.export.package.shutil.copyfile", _full)
    before = mission.catalogue.custody_head()
    with pytest.raises(ExportError, match=r"The disk holding .* is full; free some space"):
        list(PackageExport(mission.catalogue, tmp_path / "pkg", Selection(), ACTOR).run())
    assert mission.catalogue.custody_head() == before  # no export was recorded as done
    assert mission.catalogue.integrity_problems() == []


def test_a_full_disk_stops_a_gallery(mission: Mission, tmp_path: Path, monkeypatch) -> None:
    real, writes = public_image._write, []

    def fills_up(path, data):
        writes.append(path)
        if len(writes) > 6:  # three images and their thumbnails fit
            _full()
        return real(path, data)

    monkeypatch.setattr(public_image, "_write", fills_up)
    job = GalleryExport(mission.catalogue, tmp_path / "site", GalleryOptions(), ACTOR, workers=0)
    with pytest.raises(ExportError, match="is full"):
        list(job.run())
    assert not (tmp_path / "site" / "index.html").exists()
    monkeypatch.undo()
    again = GalleryExport(mission.catalogue, tmp_path / "site", GalleryOptions(), ACTOR,
                          workers=0)
    list(again.run())  # with space again, the same folder is finished
    assert (tmp_path / "site" / "index.html").is_file()
    assert again.summary.reused == 3  # what was made before the disk filled is kept
