"""Keywords are one whatever their case (Unicode case folding, Cyrillic too)."""

from __future__ import annotations

from catalog_app.db.catalogue import Catalogue
from catalog_app.services.verify import VerifyJob
from tests.conftest import ACTOR
from tests.support.synthetic import make_jpegs


def test_church_and_church_are_one_keyword(tmp_path) -> None:
    from catalog_app.services.importing import ImportJob

    photos = make_jpegs(tmp_path / "in", 3, size=(64, 48))
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(p) for p in photos], ACTOR, workers=0).run())
        a, b, c = (p.id for p in catalogue.photos())
        catalogue.change_keywords([a], ["church", "Церква"], [], ACTOR)
        catalogue.change_keywords([b], ["Church", "ЦЕРКВА"], [], ACTOR)
        catalogue.change_keywords([a], ["CHURCH"], [], ACTOR)  # already there: no change
        assert sorted(catalogue.keywords()) == [("church", 2), ("Церква", 2)]
        assert catalogue.photo(b).keywords and set(catalogue.photo(b).keywords) == {
            "church", "Церква"}
        catalogue.change_keywords([a, b], [], ["церква"], ACTOR)  # removed in any spelling
        assert catalogue.keywords() == [("church", 2)]
        assert catalogue.photo(c).keywords == ()
        job = VerifyJob(catalogue, workers=1)
        list(job.run())
        assert job.report.ok, job.report.problems  # the log replays into these keywords
