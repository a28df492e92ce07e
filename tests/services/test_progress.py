"""Every long job yields the one Progress value, counting up to its total."""

from __future__ import annotations

from pathlib import Path

from catalog_app.core.progress import Progress
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from catalog_app.services.backup import BackupRun
from catalog_app.services.importing import ImportJob
from catalog_app.services.verify import VerifyJob
from tests.conftest import ACTOR

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


def _check(events: list, total: int) -> None:
    assert events, "the job yielded nothing"
    assert all(type(e) is Progress for e in events), {type(e).__name__ for e in events}
    assert events[-1].done == events[-1].total == total
    assert [e.done for e in events] == sorted(e.done for e in events)


def test_import_verify_backup_and_exports_yield_progress(tmp_path) -> None:
    photos = len([p for p in SAMPLE.iterdir() if p.is_file()])
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        events = list(ImportJob(catalogue, [str(SAMPLE)], ACTOR, workers=0).run())
        _check(events, photos)
        assert events[-1].count("imported") == catalogue.count_photos() > 0
        stored = catalogue.count_photos()
        _check(list(VerifyJob(catalogue, workers=1).run()), stored)
        _check(list(BackupRun(catalogue, tmp_path / "copy").run()), stored)
        package = PackageExport(catalogue, tmp_path / "pkg", Selection(include_untagged=True),
                                ACTOR)
        package_events = list(package.run())
        _check(package_events, package_events[-1].total)
        assert package_events[-1].total > 0
        gallery = GalleryExport(catalogue, tmp_path / "gal",
                                GalleryOptions(selection=Selection(include_untagged=True)),
                                ACTOR, workers=0)
        gallery_events = list(gallery.run())
        _check(gallery_events, gallery_events[-1].total)
