"""Full-text search (migration 15): Unicode case folding over every searched field, the index
kept in step with each write, verify still passing, and an older catalogue indexed on upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalog_app.core.models import Flag, Incident, PhotoFilter
from catalog_app.db.catalogue import Catalogue
from catalog_app.db.search import match_expression
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.schema_undo import UNDO_SEARCH_INDEX
from tests.support.synthetic import make_jpegs


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Four tiny photos: a Cyrillic caption, a keyword, an incident with a place."""
    folder = tmp_path_factory.mktemp("search-photos")
    make_jpegs(folder, 4, size=(48, 36))
    catalogue = Catalogue.open(tmp_path_factory.mktemp("search-catalogue"), create=True)
    list(ImportJob(catalogue, [str(folder)], ACTOR, workers=1).run())
    ids = sorted(p.id for p in catalogue.photos())
    by_name = {row.name: row.id for row in catalogue.grid_rows(PhotoFilter())}
    catalogue.set_caption(by_name["IMG_00000.JPG"], "Знищений міст у Бучі", ACTOR)
    catalogue.change_keywords([by_name["IMG_00001.JPG"]], ["Church"], [], ACTOR)
    incident = catalogue.add_incident(Incident(0, "Shelling of Irpin", place="Ірпінь"), ACTOR)
    catalogue.tag([by_name["IMG_00002.JPG"]], incident, ACTOR)
    yield catalogue, by_name, ids, incident
    catalogue.close()


def found(catalogue: Catalogue, text: str) -> set[str]:
    return {row.name for row in catalogue.grid_rows(PhotoFilter(text=text))}


def test_cyrillic_is_found_in_either_case(small) -> None:
    catalogue, *_ = small
    assert found(catalogue, "Бучі") == {"IMG_00000.JPG"}
    assert found(catalogue, "бучі") == {"IMG_00000.JPG"}
    assert found(catalogue, "БУЧІ") == {"IMG_00000.JPG"}
    assert found(catalogue, "міст бу") == {"IMG_00000.JPG"}  # every word, as a prefix
    assert found(catalogue, "міст Київ") == set()


def test_keywords_incidents_places_cameras_and_file_names(small) -> None:
    catalogue, *_ = small
    assert found(catalogue, "church") == {"IMG_00001.JPG"}
    assert found(catalogue, "irpin") == {"IMG_00002.JPG"}
    assert found(catalogue, "ірпінь") == {"IMG_00002.JPG"}
    assert found(catalogue, "synthetic") == {f"IMG_0000{n}.JPG" for n in range(4)}
    assert found(catalogue, "img_00003") == {"IMG_00003.JPG"}
    assert found(catalogue, "jpg") == {f"IMG_0000{n}.JPG" for n in range(4)}


def test_fts_syntax_typed_is_searched_as_words(small) -> None:
    catalogue, *_ = small
    assert match_expression('caption: "x" OR NEAR(') == '"caption"* "x"* "OR"* "NEAR"*'
    assert found(catalogue, 'міст" (*') == {"IMG_00000.JPG"}
    assert match_expression(" -- ") is None


def test_the_index_follows_every_write_and_verify_passes(small) -> None:
    catalogue, by_name, _ids, incident = small
    photo = by_name["IMG_00003.JPG"]
    catalogue.set_caption(photo, "École détruite", ACTOR)
    assert found(catalogue, "ecole") == {"IMG_00003.JPG"}  # diacritics removed (Latin)
    catalogue.set_caption(photo, "", ACTOR)
    assert found(catalogue, "ecole") == set()
    catalogue.change_keywords([photo], ["crater"], [], ACTOR)
    assert found(catalogue, "crater") == {"IMG_00003.JPG"}
    catalogue.change_keywords([photo], [], ["crater"], ACTOR)
    assert found(catalogue, "crater") == set()
    catalogue.edit_incident(incident, {"name": "Shelling of Hostomel"}, ACTOR)
    assert found(catalogue, "hostomel") == {"IMG_00002.JPG"}
    assert found(catalogue, "irpin") == set()
    catalogue.set_flag([photo], Flag.GRAPHIC, True, ACTOR)  # a write the index does not hold
    check = catalogue.state_check()
    assert (check.problems, check.chain_problems, check.schema_problems) == ([], [], [])


def test_an_older_catalogue_is_indexed_on_upgrade(small, tmp_path: Path) -> None:
    catalogue, *_ = small
    copy = tmp_path / "older"
    copy.mkdir()
    catalogue.backup_database(copy / "catalogue.sqlite")
    conn = sqlite3.connect(copy / "catalogue.sqlite", isolation_level=None)
    conn.executescript(UNDO_SEARCH_INDEX)
    conn.execute("PRAGMA user_version = 14")
    conn.close()
    older = Catalogue.open(copy)
    try:
        assert found(older, "бучі") == {"IMG_00000.JPG"}
        assert older.state_check().schema_problems == []
    finally:
        older.close()
