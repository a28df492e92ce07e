"""What the command line marks for translation on behalf of others stays in step with them:
argparse's own msgids, the duplicate keeper rule of core/dedup.py, the flags of core/models.py."""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Iterator

import pytest

from catalog_app import i18n
from catalog_app.cli import common, duplicates, tagging
from catalog_app.core import dedup
from catalog_app.core.models import Flag


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    before = i18n.current()
    yield
    i18n.set_language(before)


def test_every_argparse_msgid_marked_is_one_argparse_prints() -> None:
    source = inspect.getsource(argparse)
    for message in common.ARGPARSE_MESSAGES:
        assert repr(message)[1:-1] in source or message in source, message


def test_argparse_speaks_the_current_language_and_english_again() -> None:
    common.install_argparse_text()

    def parser() -> argparse.ArgumentParser:  # titles and -h's help are taken when it is made
        made = argparse.ArgumentParser(prog="catalog-app")
        made.add_argument("--count", type=int)
        return made

    i18n.set_language("uk")
    shown = parser().format_help()
    assert shown.startswith("використання: catalog-app") and "параметри:" in shown
    assert "показати цю довідку й вийти" in shown
    with pytest.raises(SystemExit):
        parser().parse_args(["--count", "x"])
    i18n.set_language("en")
    shown = parser().format_help()
    assert shown.startswith("usage: catalog-app") and "show this help message" in shown


def test_the_keeper_rule_marked_is_the_one_dedup_applies() -> None:
    assert duplicates.KEEPER_RULE == dedup.KEEPER_RULE


@pytest.mark.parametrize("flag", list(Flag))
@pytest.mark.parametrize("value", [True, False])
def test_every_flag_has_its_own_sentence(flag, value) -> None:
    i18n.set_language("en")
    said = tagging._flag_done(flag, value, 2, 1)
    assert said == f"{flag.label} {'on' if value else 'off'}: 2 photos changed, 1 already were."
    i18n.set_language("uk")
    assert "фотографії" in tagging._flag_done(flag, value, 2, 1)
