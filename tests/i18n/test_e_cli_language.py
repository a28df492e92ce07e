"""`export gallery|package --language`: the default is the command's language (LANG), the
option overrides it, and the --json output is the same in every language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalog_app import cli, i18n
from tests.export.conftest import Mission, mission  # noqa: F401 - the fixture


@pytest.fixture
def ukrainian(monkeypatch) -> Iterator[None]:
    before = i18n.current()
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    yield
    i18n.set_language(before)


def export(capsys, root: Path, *args: str) -> dict:
    capsys.readouterr()
    assert cli.main(["--catalogue", str(root), "export", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_commands_language_and_the_option(mission: Mission, tmp_path: Path,  # noqa: F811
                                              ukrainian, capsys) -> None:
    root = mission.catalogue.layout.root
    said = export(capsys, root, "package", str(tmp_path / "uk"))
    assert (tmp_path / "uk" / "README.uk.txt").read_text(encoding="utf-8").startswith(
        "ПАКЕТ ДОКАЗІВ")
    english = export(capsys, root, "package", str(tmp_path / "en"), "--language", "en")
    assert not (tmp_path / "en" / "README.uk.txt").exists()
    assert said.keys() == english.keys() and said["withheld"] == english["withheld"]
    gallery = export(capsys, root, "gallery", str(tmp_path / "site"), "--language", "en")
    page = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert page.html["lang"] == "en" and page.h1.get_text() == "Documented incidents"
    assert isinstance(gallery["withheld"], str) and "withheld" in gallery["withheld"]
