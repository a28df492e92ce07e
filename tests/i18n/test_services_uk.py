"""Errors and summaries of services, db and errors come out in the current language;
what is stored or machine-read (custody log, reports' problems, JSON) stays the same."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from catalog_app import i18n
from catalog_app.core.models import Flag, Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import (
    CatalogueMissing,
    GroupNotFound,
    IncidentNotFound,
    PhotoNotFound,
    UsageError,
)
from catalog_app.services.verify import VerifyReport
from catalog_app.services.verify_text import report_lines
from tests.conftest import ACTOR


@pytest.fixture
def uk() -> Iterator[None]:
    before = i18n.current()
    i18n.set_language("uk")
    yield
    i18n.set_language(before)


def test_errors_are_english_by_default() -> None:
    assert i18n.current() == "en"
    assert str(PhotoNotFound(7)) == "No photo with id 7 is in this catalogue."
    assert str(IncidentNotFound(3)) == "No incident with id 3 is in this catalogue."
    assert str(GroupNotFound(2)) == "There is no duplicate group 2 at this threshold."


def test_errors_in_ukrainian(uk, tmp_path) -> None:
    assert str(PhotoNotFound(7)) == "У цьому каталозі немає фотографії з ідентифікатором 7."
    assert str(IncidentNotFound(3)) == "У цьому каталозі немає інциденту з ідентифікатором 3."
    assert str(GroupNotFound(2)) == "За цього порогу немає групи копій 2."
    with pytest.raises(CatalogueMissing) as missing:
        Catalogue.open(tmp_path / "none")
    assert str(missing.value) == f"У {tmp_path / 'none'} немає каталогу."


def test_refusals_in_ukrainian_leave_the_log_as_it_was(uk, new_catalogue) -> None:
    first = new_catalogue.add_incident(Incident(0, "Обстріл"), ACTOR)
    before = new_catalogue.custody_log()
    with pytest.raises(UsageError) as merged, new_catalogue.unit_of_work(ACTOR) as uow:
        uow.incidents.merge(first, first)
    assert str(merged.value) == "Інцидент не можна об’єднати із самим собою."
    with pytest.raises(UsageError) as flagged, new_catalogue.unit_of_work(ACTOR) as uow:
        uow.annotations.set_flag([], "nope", True)
    assert str(flagged.value).startswith("Позначки 'nope' немає; є такі позначки: graphic")
    assert new_catalogue.custody_log() == before
    assert [e.action for e in before] == [e.action for e in before if e.action.isascii()]
    assert Flag.GRAPHIC.value == "graphic"


def _summary(problems: int, checked: int, entries: int) -> str:
    report = VerifyReport(checked=checked, problems=[f"photo {i}: its original is missing"
                                                     for i in range(problems)])
    return report_lines(report, (entries, "ab" * 32))[-1]


@pytest.mark.parametrize(("n", "problem", "original", "entry"), [
    (1, "1 проблема", "1 оригінал", "1 запис"),
    (2, "2 проблеми", "2 оригінали", "2 записи"),
    (5, "5 проблем", "5 оригіналів", "5 записів"),
    (21, "21 проблема", "21 оригінал", "21 запис"),
    (12, "12 проблем", "12 оригіналів", "12 записів"),
    (1234, "1\N{NO-BREAK SPACE}234 проблеми", "1\N{NO-BREAK SPACE}234 оригінали",
     "1\N{NO-BREAK SPACE}234 записи"),
])
def test_the_verify_summary_has_ukrainian_plural_forms(uk, n, problem, original, entry) -> None:
    line = _summary(n, n, n)
    assert line == (f"Перевірено {original}: {problem}. Журнал ланцюга зберігання: {entry}, "
                    f"хеш останнього запису {'ab' * 32}.")


def test_the_verify_report_keeps_its_problems_as_recorded(uk) -> None:
    report = VerifyReport(checked=2, problems=["photo 1: its original is missing"],
                          state="state matches the log (from entry 1)")
    lines = report_lines(report, (3, "cd" * 32))
    assert lines[0] == "photo 1: its original is missing"  # also a --json value
    assert lines[1] == "State matches the log (from entry 1)."
    assert lines[2].startswith("Перевірено 2 оригінали: 1 проблема. ")
    assert report.problems == ["photo 1: its original is missing"]


def test_the_verify_summary_in_english(tmp_path) -> None:
    assert i18n.current() == "en"
    assert _summary(1, 1, 1) == f"Verified 1 original: 1 problem. Custody log head: 1 entry, " \
        f"{'ab' * 32}."
    assert _summary(0, 3, 12) == "Verified 3 originals: no problems found, but the history is " \
        f"not proven (see above). Custody log head: 12 entries, {'ab' * 32}."


def test_the_disk_full_sentence_has_the_three_forms(uk) -> None:
    msg = ("The disk holding the catalogue at {root} is full; {n} photo was recorded and "
           "stays. Free some space and run the same import again to finish the rest.")
    plural = ("The disk holding the catalogue at {root} is full; {n} photos were recorded "
              "and stay. Free some space and run the same import again to finish the rest.")
    said = {n: i18n.counted(msg, plural, n, root="/media/card") for n in (1, 2, 5, 21)}
    assert "збережено 1 фотографію." in said[1]
    assert "збережено 2 фотографії." in said[2]
    assert "збережено 5 фотографій." in said[5]
    assert "збережено 21 фотографію." in said[21]
    assert all(s.startswith("Диск, на якому зберігається каталог /media/card, заповнений")
               for s in said.values())


def test_a_refused_check_against_in_ukrainian(uk, new_catalogue, tmp_path) -> None:
    from catalog_app.services.against import NotGivenOut, _check

    (tmp_path / "empty").mkdir()
    with pytest.raises(NotGivenOut) as refused:
        _check(new_catalogue.custody_log(), tmp_path / "empty", None)  # type: ignore[arg-type]
    assert str(refused.value) == (f"{tmp_path / 'empty'} — не підписаний останній запис журналу "
                                  "(head.txt), не пакет доказів і не папка галереї.")
