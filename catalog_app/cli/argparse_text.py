"""argparse's own words ("usage:", "options", its error messages) in the app's language.

argparse looks its strings up through the module globals `argparse._` and `argparse.ngettext`
at the moment it prints them; `install()` points both at the app's gettext. The msgids below are
argparse's own (Python 3.11), marked here so that Babel extracts them into our catalogue.
"""

from __future__ import annotations

import argparse

from catalog_app import i18n
from catalog_app.i18n import N_

MESSAGES = (
    N_("usage: "),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("argument \"-\" with mode %r"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("subcommands"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
)


def _plural_forms() -> None:  # never called: marks argparse's plural messages for Babel
    i18n.ngettext("expected %s argument", "expected %s arguments", 1)
    i18n.ngettext("conflicting option string: %s", "conflicting option strings: %s", 1)


def _gettext(message: str) -> str:
    return i18n._(message) if message else message


def install() -> None:
    """argparse speaks the current language from now on (looked up at each message)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
