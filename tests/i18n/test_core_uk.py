"""core/ in Ukrainian: its errors and labels follow the language, what it stores does not."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from catalog_app import i18n
from catalog_app.core import (
    anchors,
    captions,
    clock,
    geotrack,
    history,
    imaging,
    incident_fields,
    keys,
    labels,
    lock,
    places,
    raw,
    reasons,
    redaction,
    scan,
)
from catalog_app.core.models import CustodyEntry
from catalog_app.core.replay import replay
from catalog_app.errors import UnreadableImage

CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")


@pytest.fixture
def uk() -> Iterator[None]:
    before = i18n.current()
    i18n.set_language("uk")
    try:
        yield
    finally:
        i18n.set_language(before)


def in_both(make):  # type: ignore[no-untyped-def]
    """What `make()` gives in English, then in Ukrainian (the language restored after)."""
    before = i18n.current()
    try:
        i18n.set_language("en")
        english = make()
        i18n.set_language("uk")
        return english, make()
    finally:
        i18n.set_language(before)


def message(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(Exception) as caught:
        call()
    return str(caught.value)


# -- errors -----------------------------------------------------------------------------------

def test_key_errors_are_ukrainian(uk, tmp_path: Path) -> None:
    said = message(lambda: keys.make_key(tmp_path / "k", b""))
    assert said == "Парольна фраза порожня, а захищений ключ її потребує."
    keys.make_key(tmp_path / "k", None)
    said = message(lambda: keys.make_key(tmp_path / "k", None))
    assert said == f"{tmp_path / 'k'} (або його .pub) уже існує; ключ ніколи не перезаписується."
    os.chmod(tmp_path / "k", 0o644)
    said = message(lambda: keys.unlock(tmp_path / "k"))
    assert said.startswith(f"Закритий ключ {tmp_path / 'k'} можуть прочитати інші користувачі "
                           "(права -rw-r--r--)")
    said = message(lambda: keys.unlock(tmp_path / "missing"))
    assert said.startswith(f"Не вдалося прочитати закритий ключ {tmp_path / 'missing'} (")
    catalogue = tmp_path / "cat"
    (catalogue / "keys").mkdir(parents=True)
    said = message(lambda: keys.refuse_inside(catalogue / "keys" / "op", [catalogue]))
    assert "лежить у теці каталогу" in said and "поза каталогом" in said


def test_a_locked_catalogue_is_refused_in_ukrainian(uk, tmp_path: Path) -> None:
    first = lock.WindowLock(tmp_path)
    first.acquire()
    try:
        said = message(lambda: lock.WindowLock(tmp_path).acquire())
    finally:
        first.release()
    assert said == (f"Каталог {first.path.parent} уже відкрито в іншому вікні catalog_app; "
                    "закрийте його там або відкрийте інший каталог.")


def test_typed_values_are_refused_in_ukrainian(uk) -> None:
    assert message(lambda: clock.parse_offset("soon")) == (
        "«soon» не є поправкою; запишіть її так: «+1 год 03 хв», «-00:05:30» або «3780 с».")
    assert message(lambda: captions.check("{who}")) == (
        "У шаблоні невідоме поле {who}; доступні поля: {incident}, {place}, {date}, {time}, {n}, "
        "{camera}, {caption}.")
    assert message(lambda: captions.check("{")).startswith(
        "У шаблоні незбалансована фігурна дужка (")
    assert message(lambda: redaction.Region("rectangle", x=2, y=0, w=0.1, h=0.1)) == (
        "Ділянка приховування має лежати в межах фотографії й мати ненульовий розмір.")
    assert incident_fields.problem(name=" ") == "Інцидент повинен мати назву."
    assert incident_fields.problem(lat=1.0) == "Укажіть і широту, і довготу — або жодної з них."
    assert incident_fields.problem(starts_at="2024-07-08T10:45") == (
        "Час початку '2024-07-08T10:45' не має часового поясу: додайте зсув, як у "
        "2024-07-08T10:45+03:00 (або Z для UTC).")
    assert incident_fields.problem(ends_at="yesterday").startswith("Час завершення 'yesterday'")
    assert incident_fields.problem(starts_at="2024-07-09", ends_at="2024-07-08") == (
        "Час завершення раніший за час початку.")
    assert message(lambda: geotrack.parse(b"<gpx version='1.1'></gpx>", "walk.gpx")) == (
        "Файл walk.gpx не є GPS-треком, який ця програма може прочитати: у ньому немає жодної "
        "точки треку з часом.")


def test_the_errors_stay_english_by_default() -> None:
    assert i18n.current() == "en"
    assert message(lambda: clock.parse_offset("soon")).startswith("'soon' is not an offset")
    assert incident_fields.problem(name=" ") == "An incident needs a name."


# -- labels -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("n", "form"), [
    (1, "1 файл не збережено"), (2, "2 файли не збережено"), (4, "4 файли не збережено"),
    (5, "5 файлів не збережено"), (11, "11 файлів не збережено"), (12, "12 файлів не збережено"),
    (21, "21 файл не збережено"), (22, "22 файли не збережено"), (25, "25 файлів не збережено"),
    (111, "111 файлів не збережено")])
def test_the_wipe_warning_has_the_three_plural_forms(uk, n: int, form: str) -> None:
    assert labels.wipe_warning(n) == f"Поки що не очищуйте картку: {form}"


def test_the_wipe_warning_groups_digits_the_ukrainian_way(uk) -> None:
    text = labels.wipe_warning(1234)
    assert text is not None and re.search(r"1\s234 файли не збережено$", text)


def test_the_wipe_warning_for_json_is_english_in_every_language(uk) -> None:
    assert labels.wipe_warning(1, language="en") == (
        "Do not wipe the card yet: 1 file was not preserved")
    assert labels.wipe_warning(1234, language="en") == (
        "Do not wipe the card yet: 1234 files were not preserved")
    assert labels.wipe_warning(0) is None and labels.wipe_warning(0, language="en") is None
    english, ukrainian = in_both(lambda: labels.wipe_warning(3, language="en"))
    assert english == ukrainian


def test_labels_counted_stays_the_english_machine_form(uk) -> None:
    assert labels.counted(1234, "photo") == "1,234 photos"


# -- stored reasons: English where they are kept, worded at display ----------------------------

def test_every_stored_reason_has_a_ukrainian_wording(uk) -> None:
    for reason in reasons.FIXED:
        shown = reasons.describe_reason(reason)
        assert shown != reason and CYRILLIC.search(shown), reason
    assert reasons.describe_reason("folder cannot be read (permission denied)") == (
        "не вдалося прочитати теку (доступ заборонено)")
    assert reasons.describe_reason(
        "not a photo file type ('.txt'), and its content is not an image") == (
        "тип файлу не фотографічний («.txt»), і його вміст не є зображенням")
    assert reasons.describe_reason(imaging._TOO_LARGE).startswith(
        "зображення завелике для безпечного декодування (понад 200")
    assert reasons.describe_reason(f"the photo cannot be shown ({raw._TRUNCATED})") == (
        "фотографію не вдається показати (RAW-файл камери обрізано: дані сенсора закінчуються "
        "раніше, ніж мали б)")
    assert reasons.describe_reason("taken 120 m from its centre (radius 500 m), within its "
                                   "dates") == (
        "знято за 120 м від його центру (радіус 500 м), у межах його дат")


def test_a_reason_the_app_does_not_know_is_shown_as_stored(uk) -> None:
    assert reasons.describe_reason("no space left on device") == "no space left on device"
    assert reasons.describe_reason("") == ""


def test_reasons_are_shown_unchanged_in_english() -> None:
    for reason in reasons.FIXED:
        assert reasons.describe_reason(reason) == reason


def test_every_template_matches_the_english_its_maker_writes(uk) -> None:
    made = [f"folder cannot be read ({scan._os_reason(PermissionError())})",
            scan._outside_note("/tmp/x", "/card") or "", imaging._TOO_LARGE,
            f"the photo cannot be shown ({imaging._CORRUPT})"]
    for text in made:
        shown = reasons.describe_reason(text)
        assert CYRILLIC.search(shown) and not re.search(r"\b(the|is|of)\b", shown), text


def test_the_reasons_core_makes_stay_english_in_ukrainian(uk, tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage) as caught:
        imaging.analyse_image(b"not an image at all")
    assert str(caught.value) == "not an image in a format this app can read"
    card = tmp_path / "card"
    card.mkdir()
    (card / "notes.txt").write_text("hello")
    os.symlink(tmp_path / "nowhere", card / "gone.jpg")
    passed = sorted(p.reason for p in scan.scan([str(card)]) if isinstance(p, scan.Passed))
    assert passed == ["broken symbolic link",
                      "not a photo file type ('.txt'), and its content is not an image"]
    assert [reasons.describe_reason(r) for r in passed] == [
        "недійсне символьне посилання",
        "тип файлу не фотографічний («.txt»), і його вміст не є зображенням"]


# -- what is stored or machine-read is byte-identical --------------------------------------------

from tests.core.test_replay import _entry, _import  # noqa: E402  (the log rows of replay's tests)


def test_replay_findings_are_byte_identical_in_ukrainian() -> None:
    rows = [
        _entry(1, "import-started", {"import": 1, "started_at": "t", "in_place": False,
                                     "paths": ["/card"]}),
        _import(2, 1), _import(3, 3),
        _entry(4, "import-finished", {"import": 1, "finished_at": "t", "imported": 1234,
                                      "already_present": 0, "failed": 0}),
        _entry(5, "caption", {"old": "other", "new": "x"}, 1),
        _entry(6, "caption", {"old": "", "new": "x"}, 7),
        _entry(7, "evidence-withdrawn", {}),
    ]
    english, ukrainian = in_both(lambda: replay(rows))
    assert english.problems and english.problems == ukrainian.problems
    assert english.state == ukrainian.state
    assert any("says it imported 1,234 photos, but the log holds 2 import entries" in p
               for p in english.problems)
    assert not any(CYRILLIC.search(p) for p in ukrainian.problems)


# -- the custody log in words (core/history.py): read in the language, the entry untouched ------

def _log_entry(action: str, details: dict, photo_id: int | None = 5) -> CustodyEntry:
    return CustodyEntry(id=9, at="2026-01-01T10:00:00Z", operator="olena", machine="laptop",
                        app_version="1", action=action, photo_id=photo_id, details=details,
                        prev_hash="0" * 64, entry_hash="1" * 64)


def _said(action: str, details: dict, names: dict | None = None) -> str:
    return history.describe(_log_entry(action, details), names or {}, UTC).text()


def test_log_entries_are_worded_in_ukrainian(uk) -> None:
    assert _said("caption", {"old": "", "new": "Міст"}).endswith(
        "olena@laptop  фотографія 5: підпис змінено: (немає) → Міст")
    assert _said("tag", {"incident": 4, "previous": None}, {4: "Ізюм"}).endswith(
        "прив’язано: інцидент 4 «Ізюм» (було: без інциденту)")
    assert _said("flag", {"flag": "graphic", "old": False, "new": True}).endswith(
        "позначку «шокуючий вміст» встановлено (було: не встановлено)")
    assert _said("import-failed", {"import": 2, "path": "/card/a.jpg",
                                   "reason": "permission denied"}).endswith(
        "під час імпорту 2 не вдалося взяти /card/a.jpg: доступ заборонено")
    assert _said("verify", {"checked": 1234, "problems": 0}).endswith(
        "каталог перевірено: перевірено 1\N{NO-BREAK SPACE}234 оригінали, проблем не виявлено")


@pytest.mark.parametrize(("n", "words"), [
    (1, "перенесено 1 фотографію"), (2, "перенесено 2 фотографії"), (5, "перенесено 5 фотографій"),
    (21, "перенесено 21 фотографію"), (11, "перенесено 11 фотографій")])
def test_log_entries_have_the_ukrainian_plural_forms(uk, n: int, words: str) -> None:
    said = _said("incident-merged", {"incident": 3, "into": 4, "photos": n}, {3: "A", 4: "B"})
    assert said.endswith(f"інцидент 3 «A» приєднано до іншого (інцидент 4 «B»); {words}")


def test_reading_the_log_in_ukrainian_changes_no_entry(uk) -> None:
    details = {"import": 2, "path": "/card/a.jpg", "reason": "permission denied"}
    entry = _log_entry("import-failed", details)
    stored = json.dumps(dataclasses.asdict(entry), sort_keys=True)
    english, ukrainian = in_both(lambda: history.describe(entry, {}, UTC).text())
    assert english.endswith("import 2 could not take /card/a.jpg: permission denied")
    assert CYRILLIC.search(ukrainian)
    assert json.dumps(dataclasses.asdict(entry), sort_keys=True) == stored


def test_every_action_has_ukrainian_words(uk) -> None:
    """No log line the app writes is left English (only values from the entry are)."""
    samples = {
        "backup": {"destination": "/b", "copied": 2, "problems": 1},
        "export-package": {"destination": "/p", "photos": [1, 2], "withheld": [3],
                           "signed_by": "ab"},
        "export-gallery": {"destination": "/g", "photos": [1], "keep_location": False},
        "key-registered": {"fingerprint": "ab", "protected": False, "operator": "olena"},
        "faces-scanned": {"faces": 2, "old_faces": 1, "detector": "yunet", "version": "1"},
        "redaction-reviewed": {"redaction": 3, "old": "proposed", "new": "confirmed"},
        "clock-correction": {"camera": {"make": "Canon", "model": "EOS 40D", "serial": None},
                             "old_offset_s": None, "new_offset_s": 60, "photos": 3,
                             "reason": "GPS"},
    }
    for action, details in samples.items():
        said = _said(action, details)
        assert CYRILLIC.search(said), action
        assert not re.search(r"\b(photo|photos|exported|signed|registered|found|was)\b", said), said


def test_offsets_and_places_are_written_the_ukrainian_way(uk) -> None:
    for seconds, shown in ((3780, "+1 год 03 хв"), (-330, "-5 хв 30 с"), (0, "0 с")):
        assert clock.describe_offset(seconds) == shown
        assert clock.parse_offset(shown) == seconds  # what is shown can be typed back
    assert clock.parse_offset("+1 h 03 min") == 3780  # and the English units still work
    izium = places.Place("Izium", "Kharkivs'ka Oblast'", "Ukraine", 3600.0, "NE")
    assert izium.describe() == ("3,6 км на північний схід від Izium, Kharkivs'ka Oblast', "
                                "Ukraine")


def test_offsets_and_places_stay_as_they_were_in_english() -> None:
    assert clock.describe_offset(3780) == "+1 h 03 min"
    izium = places.Place("Izium", "Kharkivs'ka Oblast'", "Ukraine", 3600.0, "NE")
    assert izium.describe() == "3.6 km NE of Izium, Kharkivs'ka Oblast', Ukraine"


def test_a_redaction_region_is_described_in_ukrainian(uk) -> None:
    region = redaction.Region("ellipse", x=0.1, y=0.05, w=0.2, h=0.3, method="pixelate",
                              status="proposed")
    assert region.describe() == (
        "еліпс 20 % × 30 % у точці 10 %, 5 %: пікселізація (запропоновано, не застосовано)")
    said = _said("redaction-added", {"redaction": 2, "region": region.values()})
    assert said.endswith("ділянку приховування 2 додано: еліпс 20 % × 30 % у точці 10 %, 5 %: "
                         "пікселізація (запропоновано, не застосовано)")


def test_a_redaction_region_is_described_as_before_in_english() -> None:
    region = redaction.Region("rectangle", x=0.1, y=0.05, w=0.2, h=0.3)
    assert region.describe() == "rectangle 20 % x 30 % at 10 %, 5 %: blur"


# -- what the anchors prove (core/anchors.py, shown by verify) ---------------------------------

_ANCHORS = [anchors.Anchor(7, "ab" * 32, anchors.SIGNED, "2026-01-01T10:00:00Z", "f" * 64),
            anchors.Anchor(7, "ab" * 32, anchors.TIMESTAMP, "2026-01-01T10:01:00Z", "Sectigo")]


def test_what_the_anchors_prove_is_said_in_ukrainian(uk) -> None:
    assert anchors.proof_sentence(_ANCHORS, 7, True) == (
        "Історію доведено до запису 7 (підписана контрольна точка від 2026-01-01T10:00:00Z, "
        "ключ ffffffffffffffff; позначка часу від 2026-01-01T10:01:00Z, Sectigo).", True)
    text, anchored = anchors.proof_sentence(_ANCHORS, 9, True)
    assert not anchored and text.endswith("записи від 8 до 9 ще не засвідчено.")
    text, anchored = anchors.proof_sentence(_ANCHORS, 9, True, last_change=7)
    assert anchored and text.endswith("нічого не змінюють.")
    assert anchors.proof_sentence([], 3, False)[0].startswith("Історію не доведено: ланцюг")


def test_what_the_anchors_prove_reads_as_before_in_english() -> None:
    assert anchors.proof_sentence(_ANCHORS, 9, True, last_change=7) == (
        "History proven up to entry 7 (signed checkpoint of 2026-01-01T10:00:00Z by "
        "ffffffffffffffff; timestamp of 2026-01-01T10:01:00Z by Sectigo); entries 8 to 9 record "
        "only verifications and exports and change nothing.", True)
    assert anchors.proof_sentence(_ANCHORS, 9, True)[0].endswith(
        "; entries 8 to 9 are not yet anchored.")


# -- a time-stamping authority's refusal: Ukrainian to read, English for JSON ------------------

def test_a_bad_tsa_reply_is_said_in_ukrainian_and_kept_in_english_for_json(uk) -> None:
    from catalog_app.core import tsa

    with pytest.raises(tsa.TsaBadReply) as caught:
        tsa.check_reply(b"not DER", None, b"head", [], "https://tsa.example")  # type: ignore[arg-type]
    said, english = str(caught.value), caught.value.english
    assert said.startswith("Служба позначок часу https://tsa.example надіслала відповідь, яка не "
                           "є відповіддю RFC 3161")
    assert english.startswith("The time-stamping authority at https://tsa.example sent a reply "
                              "that is not an RFC 3161 time-stamp response (")
    assert english.endswith("); the head stays queued.")
    assert tsa.TsaUnreachable("plain").english == "plain"  # one sentence: both forms are it


def test_badge_marks_and_words_follow_the_language() -> None:
    from catalog_app.core.badges import Badge, marks, words

    try:
        i18n.set_language("uk")
        assert words(Badge.GRAPHIC | Badge.RESTRICTED | Badge.NO_GPS) == [
            "шокуючий вміст", "з обмеженим доступом", "без GPS"]
        drawn = {badge: mark for badge, mark, _w in marks()}
        assert drawn[Badge.GRAPHIC] == "Ш" and drawn[Badge.DUPLICATE] == "Д"
    finally:
        i18n.set_language("en")
    assert words(Badge.GRAPHIC | Badge.NO_GPS) == ["graphic", "no GPS"]
    assert {badge: mark for badge, mark, _w in marks()}[Badge.GRAPHIC] == "G"
