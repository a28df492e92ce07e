"""An evidence package in Ukrainian: README.uk.txt beside the English README.txt, both hashed
in SHA256SUMS, verify-package passes, the manifest's columns and values as in English."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog_app import cli, i18n
from catalog_app.export.check import check_package
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from tests.conftest import ACTOR
from tests.export.conftest import Mission, mission  # noqa: F401 - the fixture


@pytest.fixture
def language() -> Iterator[None]:
    before = i18n.current()
    yield
    i18n.set_language(before)


def package(mission: Mission, out: Path, lang: str) -> Path:  # noqa: F811
    list(PackageExport(mission.catalogue, out, Selection(), ACTOR, language=lang).run())
    return out


def test_a_ukrainian_package(mission: Mission, tmp_path: Path, language, capsys) -> None:  # noqa: F811
    i18n.set_language("en")
    uk = package(mission, tmp_path / "uk", "uk")
    en = package(mission, tmp_path / "en", "en")
    readme = (uk / "README.uk.txt").read_text(encoding="utf-8")
    assert readme.startswith("ПАКЕТ ДОКАЗІВ\n")
    assert "Що є в кожному файлі" in readme and "Як перевірити" in readme
    assert "manifest.csv          Рядок на кожну фотографію" in readme  # the columns described
    assert "sha256sum -c SHA256SUMS" in readme  # commands and file names as they are
    assert "Не оприлюднено 1 фотографію: 1 фотографія з обмеженим доступом" in readme
    assert "контрольні точки з підписом — 0, позначки часу — 0" in readme
    english = (uk / "README.txt").read_text(encoding="utf-8")
    assert english.startswith("EVIDENCE PACKAGE\n") and "What each file is" in english
    assert not (en / "README.uk.txt").exists()
    sums = (uk / "SHA256SUMS").read_text()
    assert "  README.uk.txt\n" in sums and "  README.txt\n" in sums
    assert check_package(uk).problems == []
    assert cli.main(["verify-package", str(uk)]) == 0, capsys.readouterr().out
    # what machines read is the same in both languages
    for name in ("manifest.json", "incidents.json", "positions.geojson"):
        a, b = (json.loads((d / name).read_text()) for d in (uk, en))
        assert a == b, name
    rows = [list(csv.reader(io.StringIO((d / "manifest.csv").read_text()))) for d in (uk, en)]
    assert rows[0] == rows[1] and rows[0][0][0] == "id"
    assert (uk / "withheld.csv").read_text() == (en / "withheld.csv").read_text()


def test_an_english_package_from_a_ukrainian_process(mission: Mission, tmp_path: Path,  # noqa: F811
                                                     language) -> None:
    i18n.set_language("uk")
    out = package(mission, tmp_path / "pkg", "en")
    assert sorted(p.name for p in out.glob("README*")) == ["README.txt"]
    assert "This package carries 0 signed checkpoints and 0 time-stamp tokens" in \
        (out / "README.txt").read_text()
