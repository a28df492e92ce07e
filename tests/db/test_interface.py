"""The SQLite catalogue implements the engine interface method by method, signature by signature."""

from __future__ import annotations

import inspect

import pytest

from catalog_app.db import interface
from catalog_app.db.catalogue import Catalogue
from catalog_app.db.unit_of_work import (
    AnnotationRepository,
    DuplicateRepository,
    IncidentRepository,
    PhotoRepository,
    UnitOfWork,
)

PAIRS = [
    (interface.CatalogueStore, Catalogue),
    (interface.PhotoRepo, PhotoRepository),
    (interface.IncidentRepo, IncidentRepository),
    (interface.AnnotationRepo, AnnotationRepository),
    (interface.DuplicateRepo, DuplicateRepository),
    (interface.WorkUnit, UnitOfWork),
]


def _methods(cls: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(member) for name, member in vars(cls).items()
            if callable(member) and not isinstance(member, property)
            and not name.startswith("_")}


@pytest.mark.parametrize(("protocol", "engine"), PAIRS, ids=[p.__name__ for p, _ in PAIRS])
def test_engine_has_every_method_of_the_interface(protocol: type, engine: type) -> None:
    wanted = _methods(protocol)
    assert wanted, "the protocol lists no methods, so the check would be empty"
    for name, signature in wanted.items():
        found = getattr(engine, name, None)
        assert found is not None, f"{engine.__name__} lacks {name}"
        have = inspect.signature(found)
        assert list(have.parameters) == list(signature.parameters), (
            f"{engine.__name__}.{name}{have} differs from the interface's {name}{signature}")


def test_unit_of_work_exposes_the_repositories(tmp_path) -> None:
    from catalog_app.core.models import Actor

    with Catalogue.open(tmp_path / "cat", create=True) as catalogue, \
            catalogue.unit_of_work(Actor("t", "m", "v")) as uow:
        names = [n for n, m in vars(interface.WorkUnit).items() if isinstance(m, property)]
        assert "photos" in names and "incidents" in names
        for name in names:
            assert hasattr(uow, name), name
