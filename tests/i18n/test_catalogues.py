"""Every shown string has a translation, and the compiled catalogues that ship are current."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from catalog_app import i18n

ROOT = Path(__file__).resolve().parents[2]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_lupdate_and_babel_report_nothing_unfinished() -> None:
    problems = _tool().check()
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "uk_UA.UTF-8"}, "uk"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "uk_UA.UTF-8"}, "uk"),
    ({"LANG": "uk_UA.UTF-8", "LC_ALL": "C"}, "en"),
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "uk:en"}, "uk"),
    ({"LANG": "C", "LANGUAGE": "uk"}, "en"),  # gettext ignores LANGUAGE in the C locale
])
def test_language_from_env(env: dict[str, str], expected: str) -> None:
    assert i18n.language_from_env(env) == expected


def test_ukrainian_plural_rule_has_three_forms() -> None:
    rule = i18n.translation("uk").plural  # type: ignore[attr-defined]
    assert [rule(n) for n in (1, 2, 5, 11, 21, 22, 25, 101)] == [0, 1, 2, 2, 0, 1, 2, 0]


def test_a_translation_that_loses_or_invents_a_placeholder_is_reported(tmp_path: Path) -> None:
    from babel.messages.catalog import Catalog

    tool = _tool()
    catalog = Catalog(locale="uk")
    catalog.add("Tagged {n} photo to {incident}.", "Прив’язано {n} до {інцидент}.")
    catalog.add("Kept {path}.", "Збережено.")
    catalog.add(("{n} photo", "{n} photos"), ("одну фотографію", "{n} фотографії",
                                             "{n} фотографій"))  # dropping {n}: allowed
    catalog.add("Fine {x}.", "Гаразд {x}.")
    problems = tool.placeholder_problems_po(catalog)
    assert len(problems) == 3, problems  # invents {інцидент}, lacks {incident}, lacks {path}
    assert not any("Fine" in p or "photos" in p for p in problems)
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="uk"><context>'
        "<name>C</name><message><source>Imported %1 of %2</source>"
        "<translation>Імпортовано %1</translation></message>"
        "<message><source>Open %1</source><translation>Відкрити %1</translation></message>"
        "</context></TS>", encoding="utf-8")
    found = tool.placeholder_problems_ts(ts)
    assert len(found) == 1 and "Imported" in found[0]
