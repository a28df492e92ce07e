"""verify in Ukrainian: the sentences a person reads are Ukrainian, the JSON stays English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app import cli, i18n


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LANG", "C")
    root = tmp_path / "cat"
    assert cli.main(["--catalogue", str(root), "demo", "--language", "en"]) == 0
    yield root
    i18n.set_language("en")


def test_verify_speaks_ukrainian_and_its_json_does_not(
        demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    assert cli.main(["--catalogue", str(demo), "--read-only", "verify"]) == 0
    text = capsys.readouterr().out
    assert "Стан відповідає журналу (починаючи із запису 1)." in text
    assert "Історію не доведено" in text
    assert "State matches" not in text and "History" not in text
    assert cli.main(["--catalogue", str(demo), "--read-only", "verify", "--json"]) == 0
    uk = json.loads(capsys.readouterr().out)
    monkeypatch.setenv("LANG", "C")
    assert cli.main(["--catalogue", str(demo), "--read-only", "verify", "--json"]) == 0
    en = json.loads(capsys.readouterr().out)
    assert uk == en
    assert en["state"] == "state matches the log (from entry 1)"
    assert en["history"].startswith("History unproven")
