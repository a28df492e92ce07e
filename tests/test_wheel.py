"""The built wheel works on its own: migrations and resources ship inside it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.slow


# What setuptools prints when the packaging configuration is out of date or leaves a folder out
# (`pip -v` shows the build backend's output; a plain `pip install .` hides it).
SETUPTOOLS_WARNING = re.compile(r"SetuptoolsDeprecationWarning|SetuptoolsWarning|_Warning: "
                                r"|is absent from the `packages` configuration")


def _shipped_from_source() -> set[str]:
    """Every file of the source tree that must be in the wheel, by its name inside it."""
    trees = {ROOT / "catalog_app": "catalog_app", ROOT / "resources": "catalog_app/resources",
             ROOT / "sample_data": "catalog_app/sample_data"}
    return {f"{prefix}/{path.relative_to(tree).as_posix()}"
            for tree, prefix in trees.items() for path in tree.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def test_wheel_installs_and_imports_a_photo(tmp_path: Path) -> None:
    shutil.copytree(ROOT, tmp_path / "src", ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w",
                            str(tmp_path / "dist"), str(tmp_path / "src")],
                           capture_output=True, text=True, check=True)
    warnings = [line.strip() for line in (built.stdout + built.stderr).splitlines()
                if SETUPTOOLS_WARNING.search(line)]
    assert warnings == []
    wheel = next((tmp_path / "dist").glob("catalog_app-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    # every module and resource ships (a package left out of pyproject.toml fails here)
    assert sorted(_shipped_from_source() - set(names)) == []
    assert "catalog_app/db/migrations/0001_initial.sql" in names
    assert "catalog_app/resources/catalogue_readme.txt" in names
    for shipped in ("catalog_app/resources/themes/default/index.html",
                    "catalog_app/resources/themes/default/static/style.css",
                    "catalog_app/resources/themes/default/static/gallery.js",
                    "catalog_app/sample_data/mission.json"):
        assert shipped in names, shipped

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = "import catalog_app; print(catalog_app.__file__)"
    where = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env, cwd=tmp_path, check=True)
    assert where.stdout.strip().startswith(str(target)), "the test did not use the wheel"
    version = subprocess.run([sys.executable, "-m", "catalog_app", "--version"],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("catalog_app "), version
    result = subprocess.run(
        [sys.executable, "-m", "catalog_app", "--catalogue", str(tmp_path / "cat"), "import",
         "--json", str(CORPUS / "exif-samples/heic/IMG_5195.HEIC")],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 1
    assert (tmp_path / "cat" / "ABOUT-THIS-FOLDER.txt").is_file()

    # the demo mission and the gallery theme work from the installed wheel alone
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "catalog_app", "--catalogue",
                               str(tmp_path / "demo"), *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path)

    assert cli("demo", "--json").returncode == 0
    made = cli("export", "gallery", str(tmp_path / "gallery"), "--workers", "0", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["exported"] == 12  # 13 tagged, one restricted
    assert (tmp_path / "gallery" / "assets" / "style.css").is_file()
    assert "Mass graves in the Izyum forest" in (tmp_path / "gallery" / "index.html").read_text()
