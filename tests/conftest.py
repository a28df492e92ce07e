"""Shared fixtures: the real-photo corpus, temporary catalogues, one corpus import per session."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from catalog_app.core.models import Actor, ImportSummary
from catalog_app.core.progress import Progress
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


@dataclass(frozen=True)
class CorpusImport:
    """The corpus imported once: the closed catalogue at `root` (copy it, never change it),
    the import's summary, id and progress events."""

    root: Path
    summary: ImportSummary
    import_id: int | None
    events: list[Progress]


def _shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder all test processes of this run share (pytest-xdist workers each have their
    own base temp folder under it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def corpus_import(tmp_path_factory, corpus: Path, corpus_hashes_before) -> CorpusImport:
    """The corpus imported once per run through the real process pool: the first test process
    to ask imports it, under a lock; the others wait and take the same catalogue."""
    shared = _shared_folder(tmp_path_factory)
    result = shared / "corpus-import.pickle"
    with open(shared / "corpus-import.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not result.exists():
            root = shared / "corpus-import"
            shutil.rmtree(root, ignore_errors=True)  # a run that died half-way
            with Catalogue.open(root, create=True) as catalogue:
                job = ImportJob(catalogue, [str(corpus)], ACTOR, workers=2)
                events = list(job.run())
            made = CorpusImport(root, job.summary, job.import_id, events)
            partial = result.with_suffix(".part")
            partial.write_bytes(pickle.dumps(made))
            partial.rename(result)
    return pickle.loads(result.read_bytes())


def copy_catalogue(source: Path, target: Path) -> Path:
    """A catalogue of one's own: a copy of the closed catalogue folder `source`."""
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def imported_corpus(tmp_path_factory, corpus_import: CorpusImport):
    """A copy of the imported corpus, open for this test process's session; yields
    (catalogue, the import: .summary and .import_id, its progress events)."""
    root = copy_catalogue(corpus_import.root, tmp_path_factory.mktemp("corpus") / "catalogue")
    catalogue = Catalogue.open(root)
    yield catalogue, corpus_import, corpus_import.events
    catalogue.close()


@pytest.fixture
def new_catalogue(tmp_path: Path):
    catalogue = Catalogue.open(tmp_path / "catalogue", create=True)
    yield catalogue
    catalogue.close()
