"""A copy of a redacted photo would show what its regions hide: it stays out of galleries."""

from __future__ import annotations

from pathlib import Path

from catalog_app.core.redaction import Method, Region, Shape
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.selection import REDACTED_COPY
from tests.conftest import ACTOR
from tests.export.test_restriction_copies import export, photos, published  # noqa: F401


def test_copies_of_a_redacted_photo_are_withheld_until_redacted_too(
        new_catalogue: Catalogue, photos: dict[str, int], tmp_path: Path) -> None:  # noqa: F811
    keeper, copy = photos["keeper"], photos["copy"]
    face = Region(Shape.ELLIPSE, 0.4, 0.3, 0.2, 0.3, Method.BLUR)
    new_catalogue.add_redaction(keeper, face, ACTOR)
    out = tmp_path / "site"
    job = export(new_catalogue, out, all_copies=True)  # every member of the group asked for
    shown = published(new_catalogue, out)
    assert keeper in shown and copy not in shown
    assert job.summary.left_out[REDACTED_COPY] == 1
    new_catalogue.add_redaction(copy, face, ACTOR)  # redacted in its own right: it may go
    job = export(new_catalogue, out, all_copies=True)
    assert {keeper, copy} <= published(new_catalogue, out)
    assert REDACTED_COPY not in job.summary.left_out
