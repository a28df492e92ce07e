"""A region replaced (a new method) is one unit of work: a killed process keeps none of it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from catalog_app.core.redaction import Method, Region, Shape
from catalog_app.db.catalogue import Catalogue
from tests.conftest import ACTOR
from tests.support.killing import Run, catalog_app, run
from tests.support.synthetic import make_jpegs

REPLACE = """
import sys
from dataclasses import replace
from catalog_app.core.models import Actor
from catalog_app.core.redaction import Method
from catalog_app.db.catalogue import Catalogue
root, region_id = sys.argv[1], int(sys.argv[2])
with Catalogue.open(root) as catalogue:
    [region] = [r for rs in catalogue.redactions().values() for r in rs if r.id == region_id]
    print(catalogue.replace_redaction(region_id, replace(region, method=Method.FILL),
                                      Actor("killed-operator", "test-machine", "test")))
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> tuple[Path, int]:
    root = tmp_path / "catalogue"
    with Catalogue.open(root, create=True) as made:
        from catalog_app.services.importing import ImportJob

        list(ImportJob(made, [str(p) for p in make_jpegs(tmp_path / "card", 2)], ACTOR,
                       workers=0).run())
        region_id = made.add_redaction(1, Region(Shape.RECTANGLE, 0.1, 0.1, 0.5, 0.5,
                                                 Method.BLUR), ACTOR)
    return root, region_id


def _held(root: Path) -> tuple[dict, int]:
    with Catalogue.open(root) as opened:
        return opened.redactions(), len(opened.custody_log())


@pytest.mark.parametrize("point", ["custody:redaction-removed", "custody:redaction-added",
                                   "unit-of-work"])
def test_a_replace_killed_inside_keeps_the_old_region(catalogue, point) -> None:
    root, region_id = catalogue
    before = _held(root)
    name, _, _ = point.partition("@")
    with Run([sys.executable, "-c", REPLACE, str(root), str(region_id)], name) as job:
        job.wait_for_point()
        job.kill()
    assert _held(root) == before
    verified = run(catalog_app(root, "verify"))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_replace_run_to_its_end_keeps_all_of_it(catalogue) -> None:
    root, region_id = catalogue
    done = run([sys.executable, "-c", REPLACE, str(root), str(region_id)])
    assert done.returncode == 0, done.stderr
    regions, _ = _held(root)
    [region] = regions[1]
    assert region.method is Method.FILL and region.id != region_id
    verified = run(catalog_app(root, "verify"))
    assert verified.returncode == 0, verified.stdout + verified.stderr
