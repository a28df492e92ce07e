"""Shared fixtures: the real-photo corpus, temporary catalogues, one corpus import per session."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest_plugins = ["tests.support.local_tsa"]  # the local_tsa fixture: a real TSA on 127.0.0.1

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("CATALOG_APP_CORPUS", ROOT.parent / "shared" / "corpus"))
FIXTURES = Path(__file__).parent / "fixtures"
ACTOR = Actor(operator="test-operator", machine="test-machine", app_version="test")


def corpus_files() -> list[Path]:
    """Every photo-like file of the corpus (its README excluded)."""
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() != ".md")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_HOMES = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory):
    """The session's own home and config folders: no test (module fixtures included) ever
    reads or writes the real ones (trusted keys, trusted TSA CAs, the default catalogue)."""
    home = tmp_path_factory.mktemp("home")
    saved = {name: os.environ.get(name) for name in _HOMES}
    os.environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                      XDG_DATA_HOME=str(home / ".local" / "share"),
                      XDG_CACHE_HOME=str(home / ".cache"))
    yield home
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory, monkeypatch) -> Path:
    """Each test's own config folder: the trusted keys and CAs one test adds are not
    another's (HOME and the data folder stay the session's own)."""
    home = tmp_path_factory.mktemp("user-home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the test corpus is missing at {CORPUS} (set CATALOG_APP_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def exiftool_reference() -> dict[str, dict]:
    data = json.loads((FIXTURES / "exiftool_reference.json").read_text(encoding="utf-8"))
    return data["files"]


@pytest.fixture(scope="session")
def corpus_hashes_before(corpus: Path) -> dict[Path, str]:
    return {p: sha256_of(p) for p in corpus_files()}


@pytest.fixture(scope="session")
def imported_corpus(tmp_path_factory, corpus: Path, corpus_hashes_before):
    """The corpus imported once through the real process pool; yields (catalogue, job)."""
    root = tmp_path_factory.mktemp("corpus-catalogue")
    catalogue = Catalogue.open(root, create=True)
    job = ImportJob(catalogue, [str(corpus)], ACTOR, workers=2)
    events = list(job.run())
    yield catalogue, job, events
    catalogue.close()


@pytest.fixture
def new_catalogue(tmp_path: Path):
    catalogue = Catalogue.open(tmp_path / "catalogue", create=True)
    yield catalogue
    catalogue.close()
