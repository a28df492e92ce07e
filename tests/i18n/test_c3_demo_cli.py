"""`catalog-app demo` in Ukrainian: the messages follow LANG, the demo's texts follow
--language (else the messages' language), the JSON is the same in every language."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from catalog_app import i18n
from catalog_app.cli import main
from catalog_app.db.catalogue import Catalogue


@pytest.fixture
def restore() -> Iterator[None]:
    before = i18n.current()
    yield
    i18n.set_language(before)


def _names(root) -> set[str]:
    with Catalogue.open(root, read_only=True) as catalogue:
        return {i.name for i in catalogue.incidents()}


def test_demo_in_ukrainian_from_lang(tmp_path, monkeypatch, capsys, restore) -> None:
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    root = tmp_path / "uk"
    assert main(["--catalogue", str(root), "--operator", "tester", "demo"]) == 0
    said = capsys.readouterr().out
    assert f"Демонстраційна місія в {root}: 19 фотографій, щойно прив’язано" in said
    assert "Ракетний удар по дитячій лікарні «Охматдит», Київ" in _names(root)
    again = tmp_path / "en-texts"
    assert main(["--catalogue", str(again), "--operator", "tester", "demo", "--json",
                 "--language", "en"]) == 0
    uk_json = json.loads(capsys.readouterr().out)
    assert "Missile strike on Okhmatdyt children's hospital, Kyiv" in _names(again)
    monkeypatch.setenv("LANG", "C")
    third = tmp_path / "uk-texts"
    assert main(["--catalogue", str(third), "--operator", "tester", "demo", "--json",
                 "--language", "uk"]) == 0
    en_json = json.loads(capsys.readouterr().out)
    assert _names(third) == _names(root)
    assert {k: v for k, v in uk_json.items() if k != "catalogue"} == \
        {k: v for k, v in en_json.items() if k != "catalogue"} == {"photos": 19, "tagged": 13}
