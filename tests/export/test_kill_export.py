"""SIGKILL during exports: the catalogue stays sound, half exports are never mistaken for
whole ones, and the next export completes.

Each export is stopped at a point the test names (catalog_app.core.testpoints): half-way
through its items, or after its files are whole and inside the transaction that logs it. So
every run kills exactly four exports, however fast or busy the machine is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app.core.store import sha256_file
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.check import check_package
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.killing import Run, Watch, catalog_app, children, run
from tests.support.synthetic import make_jpegs

pytestmark = pytest.mark.slow
PHOTOS = 12
EXIT_EXPORT_ERROR = 6


def _export(root: Path, kind: str, out: Path) -> list[str]:
    return catalog_app(root, "export", kind, str(out), "--include-untagged", "--json")


def _exports_logged(root: Path, action: str) -> list[str]:
    """The destinations of the exports the catalogue's custody log records; and it is sound."""
    with Catalogue.open(root) as catalogue:
        assert catalogue.integrity_problems() == []
        assert catalogue.custody_chain_problems() == []
        for photo_id, sha, stored in catalogue.stored_files():
            assert sha256_file(catalogue.layout.resolve(stored)) == sha, photo_id
        return [e.details["destination"] for e in catalogue.custody_log() if e.action == action]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        photos = make_jpegs(tmp_path / "in", PHOTOS, size=(480, 360))
        list(ImportJob(catalogue, [str(p) for p in photos], ACTOR, workers=0).run())
        assert catalogue.count_photos() == PHOTOS
    return root


def test_a_package_killed_while_copying_is_refused_not_completed(root, tmp_path) -> None:
    out = tmp_path / "package"
    with Run(_export(root, "package", out), "export-package-copied", at=PHOTOS // 2) as job:
        job.wait_for_point()
        job.kill()
    assert len(list((out / "originals").iterdir())) == PHOTOS // 2
    assert not check_package(out).ok  # no SHA256SUMS: it cannot pass for a whole package
    assert _exports_logged(root, "export-package") == []
    again = run(_export(root, "package", out))
    assert again.returncode == EXIT_EXPORT_ERROR
    assert "holds an unfinished package export (it was interrupted)" in again.stderr
    assert _exports_logged(root, "export-package") == []
    final = tmp_path / "final"
    done = run(_export(root, "package", final))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["photos"] == PHOTOS
    assert check_package(final).ok
    assert _exports_logged(root, "export-package") == [str(final)]


def test_a_package_killed_while_being_logged(root, tmp_path) -> None:
    out = tmp_path / "package"
    with Run(_export(root, "package", out), "custody:export-package") as job:
        job.wait_for_point()  # every file written, the log entry not committed
        job.kill()
    assert check_package(out).ok
    assert _exports_logged(root, "export-package") == []  # the rolled back entry is gone
    again = run(_export(root, "package", out))
    assert again.returncode == EXIT_EXPORT_ERROR
    assert "already holds a package export" in again.stderr
    assert check_package(out).ok


def test_a_gallery_killed_half_way_resumes_in_place(root, tmp_path) -> None:
    out = tmp_path / "gallery"
    argv = [*_export(root, "gallery", out), "--workers", "2"]
    with Run(argv, "export-gallery-image", at=PHOTOS // 2) as job:
        job.wait_for_point()  # half the images reported; the encoding pool is running
        workers = children(job.pid)
        assert workers, "the gallery encodes on worker processes"
        watch = Watch(workers)
        job.kill()
    assert watch.still_running_after(30) == [], "worker processes outlived their parent"
    assert not check_package(out).ok  # no pages, no SHA256SUMS yet
    assert _exports_logged(root, "export-gallery") == []
    again = run(argv)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["exported"] + summary["reused"] == PHOTOS and not summary["failed"]
    assert check_package(out).ok
    assert len(list((out / "images").iterdir())) == PHOTOS
    assert _exports_logged(root, "export-gallery") == [str(out)]


def test_a_gallery_killed_while_being_logged_is_finished_by_the_next_run(root, tmp_path):
    out = tmp_path / "gallery"
    argv = [*_export(root, "gallery", out), "--workers", "0"]
    with Run(argv, "custody:export-gallery") as job:
        job.wait_for_point()  # the site is whole, its log entry not committed
        job.kill()
    assert check_package(out).ok
    assert _exports_logged(root, "export-gallery") == []
    again = run(argv)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert (summary["exported"], summary["reused"]) == (0, PHOTOS)  # nothing made twice
    assert check_package(out).ok
    assert _exports_logged(root, "export-gallery") == [str(out)]
