"""A terminal that cannot print Ukrainian (LANG=uk_UA.UTF-8 over an ASCII or Latin-1 stdout)
gets English, and letters it cannot show escaped: never a failed command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(encoding: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "uk_UA.UTF-8", "PYTHONPATH": str(ROOT)}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run([sys.executable, "-m", "catalog_app", *args], env=env,
                          capture_output=True, timeout=60,
                          encoding=encoding or "utf-8", errors="strict")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_without_cyrillic_gets_english(encoding: str, tmp_path: Path) -> None:
    result = _run(encoding, "--catalogue", str(tmp_path / "cat"), "photos")
    assert result.returncode == 3, result.stderr  # no catalogue there: said in English
    assert "There is no catalogue at" in result.stderr
    helped = _run(encoding, "--help")  # English help has letters beyond ASCII (…, ’): escaped
    assert helped.returncode == 0, helped.stderr
    assert helped.stderr == "" and "usage:" in helped.stdout
    usage = _run(encoding, "tag")
    assert usage.returncode == 2
    assert "the following arguments are required" in usage.stderr


def test_a_utf8_terminal_gets_ukrainian() -> None:
    usage = _run(None, "tag")
    assert usage.returncode == 2
    assert "потрібні такі аргументи" in usage.stderr
