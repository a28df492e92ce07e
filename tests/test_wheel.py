"""The built wheel works on its own: migrations and resources ship inside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.slow


def test_wheel_installs_and_imports_a_photo(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path / "dist"), str(ROOT)], check=True)
    wheel = next((tmp_path / "dist").glob("catalog_app-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "catalog_app/db/migrations/0001_initial.sql" in names
    assert "catalog_app/resources/catalogue_readme.txt" in names

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = "import catalog_app; print(catalog_app.__file__)"
    where = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env, cwd=tmp_path, check=True)
    assert where.stdout.strip().startswith(str(target)), "the test did not use the wheel"
    result = subprocess.run(
        [sys.executable, "-m", "catalog_app", "--catalogue", str(tmp_path / "cat"), "import",
         "--json", str(CORPUS / "exif-samples/heic/IMG_5195.HEIC")],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 1
    assert (tmp_path / "cat" / "ABOUT-THIS-FOLDER.txt").is_file()
