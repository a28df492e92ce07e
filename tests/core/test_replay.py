"""core/replay.py folds entries into the state they record; what does not apply is named."""

from __future__ import annotations

import json

from catalog_app.core.record import PHOTO_RECORD
from catalog_app.core.replay import replay
from catalog_app.core.state_diff import differences


def _entry(entry_id: int, action: str, details: dict, photo_id: int | None = None) -> tuple:
    return (entry_id, "2026-01-01T00:00:00Z", "op", "m", "v", action, photo_id,
            json.dumps(details))


def _import(entry_id: int, photo_id: int) -> tuple:
    photo = dict.fromkeys(PHOTO_RECORD)
    photo.update(sha256=f"{photo_id:064x}", import_id=1)
    source = {"path": f"/card/{photo_id}.jpg", "path_raw": f"/card/{photo_id}.jpg".encode().hex(),
              "size_bytes": 1, "mtime": None, "import_id": 1, "recorded_at": "t"}
    return _entry(entry_id, "import", {"import": 1, "photo": photo, "source": source},
                  photo_id)


def test_a_caption_for_a_photo_never_imported_is_a_problem() -> None:
    found = replay([_import(1, 1), _entry(2, "caption", {"old": "", "new": "x"}, 7)])
    assert found.problems == ["custody log entry 2 (caption): it is about photo 7, which no "
                              "earlier entry imports"]
    assert found.state["photos"][1]["caption"] == ""


def test_changes_fold_in_order() -> None:
    found = replay([
        _import(1, 1),
        _entry(2, "incident-added", {"incident": 4, "name": "Bridge", "created_at": "t"}),
        _entry(3, "tag", {"incident": 4, "previous": None}, 1),
        _entry(4, "caption", {"old": "", "new": "first"}, 1),
        _entry(5, "caption", {"old": "first", "new": "second"}, 1),
        _entry(6, "flag", {"flag": "restricted", "old": False, "new": True}, 1),
        _entry(7, "keywords", {"added": ["a", "b"], "removed": []}, 1),
        _entry(8, "keywords", {"added": [], "removed": ["a"]}, 1),
        _entry(9, "incident-edited", {"incident": 4, "old": {}, "new": {"place": "Kyiv"}}),
    ])
    assert found.problems == [] and found.entries == 9 and found.proven_from == 1
    photo = found.state["photos"][1]
    assert (photo["caption"], photo["incident_id"], photo["restricted"]) == ("second", 4, 1)
    assert set(found.state["photo_keywords"]) == {(1, "b")}
    assert found.state["incidents"][4]["place"] == "Kyiv"


def test_a_caption_whose_old_text_is_not_the_logged_one_is_a_problem() -> None:
    found = replay([_import(1, 1), _entry(2, "caption", {"old": "other", "new": "x"}, 1)])
    assert "photo 1's caption was '' by the log, not 'other'" in found.problems[0]


def test_a_gap_in_the_imported_photos_is_named() -> None:
    found = replay([_import(1, 1), _import(2, 3)])
    assert found.problems == ["custody log entry 2 (import): photo 3 follows photo 1: the "
                              "entry importing photo 2 is missing from the log"]


def test_differences_name_the_row_and_the_field() -> None:
    logged = replay([_import(1, 1)]).state
    held = {table: {key: dict(row) for key, row in rows.items()}
            for table, rows in logged.items()}
    held["photos"][1]["gps_lat"] = 48.5
    held["photos"][2] = dict(held["photos"][1])
    assert list(differences(logged, held)) == [
        "photo 2 is in the catalogue but no custody entry records its import",
        "photo 1: gps_lat differs from its custody record: log says nothing, catalogue says "
        "48.5",
    ]


def test_every_action_the_code_writes_is_replayed_or_known_to_change_nothing() -> None:
    from catalog_app.core.replay import UNCHANGING, state_actions
    from tests.core.test_history import written_actions

    unplaced = written_actions() - state_actions() - UNCHANGING
    assert not unplaced, (
        f"the code writes {sorted(unplaced)}, which replay neither applies nor knows: add a "
        "handler in catalog_app/core/replay.py _Folder.__init__ (self.handlers) if the action "
        "changes what a table holds, else add it to UNCHANGING in catalog_app/core/replay.py")
    assert not state_actions() & UNCHANGING


def test_an_action_no_writer_makes_is_a_problem() -> None:
    found = replay([_import(1, 1), _entry(2, "evidence-withdrawn", {}, 1),
                    _entry(3, "verify", {"checked": 1, "problems": 0})])
    assert found.problems == ["custody log entry 2 (evidence-withdrawn): no version of the app "
                              "writes this action, so the entry was not written by the app"]


def test_details_the_app_never_writes_are_a_problem_not_an_exception() -> None:
    rows = [_import(1, 1), (2, "t", "op", "m", "v", "caption", 1, "{not json"),
            _entry(3, "caption", {}, 1), (4, "t", "op", "m", "v", "tag", 1, "[1, 2]"),
            _entry(5, "caption", {"old": "", "new": "still applied"}, 1)]
    found = replay(rows)
    assert [p.split(":")[0] for p in found.problems] == [
        f"custody log entry {n} ({a})" for n, a in ((2, "caption"), (3, "caption"), (4, "tag"))]
    assert all("its details are not what the app writes (" in p for p in found.problems)
    assert found.state["photos"][1]["caption"] == "still applied"


def test_a_homoglyph_is_named_by_its_code_point() -> None:
    logged = replay([_import(1, 1), _entry(2, "caption", {"old": "", "new": "a cat"}, 1)])
    held = {t: {k: dict(v) for k, v in rows.items()} for t, rows in logged.state.items()}
    held["photos"][1]["caption"] = "a c\u0430t"
    (sentence,) = differences(logged.state, held)
    assert sentence == ("photo 1: caption differs from its custody record: log says 'a cat', "
                        "catalogue says 'a c\\u0430t' (they first differ at character 4: log "
                        "U+0061 LATIN SMALL LETTER A, catalogue U+0430 CYRILLIC SMALL LETTER A)")


def test_the_last_change_skips_only_records_of_verifications_exports_and_anchors() -> None:
    from catalog_app.core.replay import RECORDS_ONLY, UNCHANGING

    assert RECORDS_ONLY <= UNCHANGING
    rows = [_import(1, 1), _entry(2, "verify", {"checked": 1, "problems": 0}),
            _entry(3, "export-package", {}), _entry(4, "head-signed", {})]
    assert replay(rows).last_change == 1
    assert replay([*rows, _entry(5, "key-registered", {})]).last_change == 5
    found = replay([*rows, _entry(5, "verify", {"checked": 1, "checkpoints": 2})])
    assert found.last_verify == (5, "2026-01-01T00:00:00Z", {"checked": 1, "checkpoints": 2})
