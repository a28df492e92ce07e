"""The command line in Ukrainian (LANG=uk_UA.UTF-8): messages, --help and table headings are
Ukrainian; the JSON of every command is byte-identical to LANG=C's; exit codes stay the same."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages import pofile

from catalog_app import cli, i18n
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "catalog_app" / "locale" / "uk" / "LC_MESSAGES" / "catalog_app.po"
UK = "uk_UA.UTF-8"
CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
# each command's sub-actions, whose --help is its own page
ACTIONS = {"duplicates": ["resolve", "accept"],
           "incidents": ["add", "edit", "list", "merge", "archive", "delete"],
           "faces": ["detect", "list", "review", "publish-anyway"],
           "key": ["register", "trust", "list"]}


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """cli.main sets the global language from LANG: every test leaves it as it found it."""
    before = i18n.current()
    yield
    i18n.set_language(before)


def _english_msgids() -> list[str]:
    """The English source texts of the CLI catalogue whose translation differs from them."""
    with PO.open("rb") as f:
        catalog = pofile.read_po(f, locale="uk")
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [m for m in ids if m not in strings]
    return found


def _fragments(msgid: str) -> list[str]:
    """The literal runs of `msgid` between placeholders, long enough to be telling."""
    parts = re.split(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]", msgid)
    return [" ".join(p.split()) for p in parts if len(" ".join(p.split())) >= 16]


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        lang: str = UK) -> tuple[int, str, str]:
    """cli.main in this process, with the language environment of a terminal set to `lang`."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    monkeypatch.setenv("CATALOG_APP_OPERATOR", "тестувальник")
    capsys.readouterr()
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # --help, and argparse's usage errors
        code = int(exc.code or 0)
    finally:
        i18n.set_language("en")
    out, err = capsys.readouterr()
    return code, out, err


def _help_pages() -> list[list[str]]:
    pages = [["--help"]]
    for name in cli.COMMANDS:
        pages.append([name, "--help"])
        pages += [[name, action, "--help"] for action in ACTIONS.get(name, [])]
    return pages


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue of 9 corpus photos (with GPS), two incidents, one photo tagged."""
    root = tmp_path_factory.mktemp("uk") / "catalogue"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LANG", "C")
        mp.setenv("CATALOG_APP_OPERATOR", "тестувальник")
        with open(os.devnull, "w") as devnull:
            saved = sys.stdout
            sys.stdout = devnull
            try:
                assert cli.main(["--catalogue", str(root), "import", "--json",
                                 str(CORPUS / "exif-samples/jpg/gps")]) == 0
                assert cli.main(["--catalogue", str(root), "incidents", "add", "--name",
                                 "Ізюм, масове поховання", "--place", "Ізюм"]) == 0
                assert cli.main(["--catalogue", str(root), "incidents", "add", "--name",
                                 "Буча"]) == 0
            finally:
                sys.stdout = saved
                i18n.set_language("en")
    return root


@pytest.mark.parametrize("argv", _help_pages(), ids=" ".join)
def test_help_is_ukrainian_with_no_english_source_left(argv, monkeypatch, capsys) -> None:
    code, out, _err = run(argv, monkeypatch, capsys)
    assert code == 0
    text = " ".join(out.split())
    assert text.startswith("використання: catalog-app")
    assert "параметри:" in text and "показати цю довідку й вийти" in text
    for english in ("usage:", "options:", "positional arguments", "show this help message"):
        assert english not in text, english
    left = [f for m in _english_msgids() for f in _fragments(m) if f in text]
    assert left == [], left


def test_the_english_help_is_unchanged(monkeypatch, capsys) -> None:
    code, out, _err = run(["photos", "--help"], monkeypatch, capsys, lang="C")
    assert code == 0 and out.startswith("usage: catalog-app photos")
    assert "show this help message and exit" in out and "print a JSON list" in out
    assert not CYRILLIC.search(out)
    text = " ".join(out.split())  # the check of the Ukrainian pages finds English when it is there
    assert len([f for m in _english_msgids() for f in _fragments(m) if f in text]) >= 5


def test_the_photos_table_has_ukrainian_headings(catalogue, monkeypatch, capsys) -> None:
    code, out, _err = run(["--catalogue", str(catalogue), "photos"], monkeypatch, capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "ЗНЯТО", "КАМЕРА", "РОЗМІР", "GPS", "ФОРМАТ", "ДЖЕРЕЛО"]
    assert all(" так  " in line for line in lines[1:10])  # every photo there has a position
    assert not any(" yes " in line or " no " in line for line in lines)
    assert "9 з 9 фотографій." in lines


def test_show_names_each_field_in_ukrainian(catalogue, monkeypatch, capsys) -> None:
    code, out, _err = run(["--catalogue", str(catalogue), "show", "1"], monkeypatch, capsys)
    assert code == 0
    fields = [line.split(":")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert "час зйомки" in fields and "камера" in fields and "ключові слова" in fields
    names = {"sha256", "phash", "dhash"}  # the hashes' own names stay
    assert [f for f in fields if re.fullmatch(r"[a-z_0-9]+", f) and f not in names] == []


def test_counted_messages_take_the_three_ukrainian_forms(catalogue, monkeypatch,
                                                         capsys) -> None:
    base = ["--catalogue", str(catalogue)]
    said = [run([*base, "tag", "--incident", "2", *ids], monkeypatch, capsys)[1].strip()
            for ids in (["1"], ["2", "3"], ["4", "5", "6", "7", "8"])]
    assert said == [
        "1 фотографію тепер прив’язано до інциденту 2; уже були прив’язані: 0.",
        "2 фотографії тепер прив’язано до інциденту 2; уже були прив’язані: 0.",
        "5 фотографій тепер прив’язано до інциденту 2; уже були прив’язані: 0."]
    code, out, _err = run([*base, "incidents", "list"], monkeypatch, capsys)
    assert code == 0
    assert "(0 фотографій)  Ізюм" in out and "Буча  (8 фотографій)" in out
    code, out, _err = run([*base, "untag", "1"], monkeypatch, capsys)
    assert out.strip() == "1 фотографію тепер відв’язано від інциденту; уже були відв’язані: 0."


def test_messages_and_usage_errors_are_ukrainian(catalogue, monkeypatch, capsys) -> None:
    base = ["--catalogue", str(catalogue)]
    code, _out, err = run([*base, "incidents", "merge", "1", "--into", "1"], monkeypatch, capsys)
    assert code == 2
    assert err == "catalog-app: Інцидент не можна об’єднати із самим собою.\n"
    code, _out, err = run([*base, "tag", "1"], monkeypatch, capsys)
    assert code == 2
    assert "catalog-app tag: помилка: потрібні такі аргументи: --incident" in err
    code, _out, err = run([*base, "photos", "--limit", "many"], monkeypatch, capsys)
    assert code == 2 and "неприпустиме значення int: 'many'" in err
    code, _out, err = run([*base, "nonsense"], monkeypatch, capsys)
    assert code == 2 and "неприпустимий вибір: 'nonsense'" in err
    code, out, _err = run([*base, "keywords", "1", "2", "--add", "Ізюм"], monkeypatch, capsys)
    assert code == 0 and out.strip() == "Ключові слова змінено на 2 фотографіях."
    code, out, _err = run([*base, "duplicates"], monkeypatch, capsys)
    assert code == 0 and re.search(r"^\d+ груп[аи]?; \* позначає", out, re.MULTILINE), out
    code, _out, err = run([*base, "--read-only", "caption", "1", "x"], monkeypatch, capsys)
    assert code == 2 and "тож не може працювати лише для читання" in err


@pytest.mark.parametrize("argv", [["photos", "--json"], ["show", "3", "--json"],
                                  ["incidents", "list", "--all", "--json"],
                                  ["duplicates", "--json"], ["duplicates", "--json", "--similar"],
                                  ["--read-only", "verify", "--json"],
                                  ["keywords", "--json"], ["log", "--json"]], ids=" ".join)
def test_json_is_byte_identical_in_every_language(catalogue, argv, monkeypatch, capsys) -> None:
    base = ["--catalogue", str(catalogue)]
    english = run(base + argv, monkeypatch, capsys, lang="C")
    ukrainian = run(base + argv, monkeypatch, capsys, lang=UK)
    assert english[0] == ukrainian[0] and english[0] in (0, 1)
    assert ukrainian[1] == english[1]
    json.loads(ukrainian[1])  # and it is JSON


def test_a_real_process_follows_lang(catalogue) -> None:
    env = {**os.environ, "LANG": UK, "CATALOG_APP_OPERATOR": "тестувальник"}
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "CATALOG_APP_DEBUG"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "catalog_app", "--catalogue", str(catalogue),
                           "photos", "--help"], capture_output=True, text=True, env=env,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("використання: catalog-app photos")
    assert "вивести список у форматі JSON" in done.stdout
    english = {**env, "LANG": "C"}
    shown = [subprocess.run([sys.executable, "-m", "catalog_app", "--catalogue", str(catalogue),
                             "show", "2", "--json"], capture_output=True, env=e, timeout=120,
                            stdin=subprocess.DEVNULL) for e in (env, english)]
    assert shown[0].returncode == shown[1].returncode == 0
    assert shown[0].stdout == shown[1].stdout
