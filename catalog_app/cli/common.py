"""What every command shares: the exit-status text, the two ways of talking to a person, the
catalogue and the actor a command names, and the hints the command line adds to library errors.

Kept light on purpose: `catalog-app --version` and `--help` import this and nothing heavier.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

from catalog_app import i18n
from catalog_app.errors import AppError, CatalogueMissing, GroupNotFound
from catalog_app.i18n import N_, _, pgettext  # noqa: F401  (pgettext: the commands import it from here)

if TYPE_CHECKING:
    import argparse

    from catalog_app.core.models import Actor
    from catalog_app.db.catalogue import Catalogue

EPILOG = N_("""exit status:
  0    everything asked for was done
  1    some inputs failed (the rest was done; failures are listed), or verify found problems
  2    usage error (bad arguments, unknown photo id)
  3    the catalogue cannot be used (missing, read-only, newer version, damaged, busy)
  4    internal error (please report it)
  5    the window cannot open here (no display, or Qt's system libraries are missing)
  6    an export cannot be written (folder not empty and not an earlier export, disk full,
       no permission)
  7    a head could not be time-stamped (authority unreachable, refused, or a bad
       reply); it stays queued for the next run
  130  interrupted (Ctrl-C); what was recorded stays, run the same command again to finish

With no command, the desktop window opens.""")  # translated where it is shown

# What the command line adds to a library error's sentence: the library never names a face's
# controls, so the hint that names a flag or a command lives here.
HINTS: dict[type[AppError], str] = {
    CatalogueMissing: N_("import photos to create one, or choose another with --catalogue"),
    GroupNotFound: N_("list them with `catalog-app duplicates` (and the same --threshold)"),
}
# the same for errors of modules this light one does not import (by class name)
NAMED_HINTS: dict[str, str] = {
    "PassphraseNeeded": N_("give it with --passphrase-file FILE (or "
                           "$CATALOG_APP_PASSPHRASE_FILE)"),
    "KeyNotRegistered": N_("register it first with `catalog-app key register KEYFILE.pub`"),
}


def sentence(exc: AppError) -> str:
    """The one sentence a person reads for `exc`: its message, with the command line's hint."""
    text = str(exc).strip() or _("{kind} (no details).").format(kind=type(exc).__name__)
    hint = next((h for kind, h in HINTS.items() if isinstance(exc, kind)), None) or next(
        (NAMED_HINTS[k.__name__] for k in type(exc).__mro__ if k.__name__ in NAMED_HINTS), None)
    if hint:
        text = _("{sentence}; {hint}.").format(sentence=text.rstrip("."), hint=_(hint))
    return text


# Commands that only read the catalogue: each takes --read-only, and on read-only media each
# opens it read-only by itself. Exports and backups are not among them: they are recorded in
# the catalogue's custody log (what was given out, and when), which read-only cannot do.
READ_COMMANDS = frozenset({"photos", "show", "log", "verify", "head", "duplicates",
                           "incidents", "keywords"})


def only_reads(args: argparse.Namespace) -> bool:
    """Whether the command asked for only reads the catalogue (`head --sign` logs a signing)."""
    return getattr(args, "command", None) in READ_COMMANDS and not getattr(args, "sign", None)


def open_catalogue(args: argparse.Namespace, create: bool = False) -> Catalogue:
    """The catalogue the command names (--catalogue, $CATALOG_APP_CATALOGUE, the default).

    Read-only with --read-only; also, for a command that only reads, when the catalogue is on
    read-only media (one line says so). Opened for writing, imports a killed process left
    running are marked interrupted.
    """
    from catalog_app import settings
    from catalog_app.db.catalogue import Catalogue, cannot_be_written

    root = (args.catalogue or settings.default_catalogue()).expanduser().absolute()
    read_only = bool(getattr(args, "read_only", False))
    if (not read_only and only_reads(args) and (root / "catalogue.sqlite").is_file()
            and cannot_be_written(root)):
        say(_("The catalogue at {folder} is on read-only media (or write-protected): opened "
              "read-only; nothing will be changed or logged.").format(folder=root))
        read_only = True
    if read_only:  # nothing is written, so nothing is signed
        return Catalogue.open(root, read_only=True)
    catalogue = Catalogue.open(root, create=create, actor=actor(args))
    if any(getattr(args, name, None) for name in ("session_key", "passphrase_file")) or any(
            os.environ.get(name) for name in ("CATALOG_APP_KEY", "CATALOG_APP_PASSPHRASE_FILE")):
        from catalog_app.cli.keys import prepare

        try:  # the session key signs a checkpoint at the end of every write (cli/keys.py)
            prepare(args, catalogue)
        except BaseException:
            catalogue.close()
            raise
    return catalogue


def add_key_options(parser: argparse.ArgumentParser) -> None:
    """The global options naming the session key and the passphrase for keys."""
    from pathlib import Path

    parser.add_argument("--key", dest="session_key", metavar="KEYFILE", type=Path, default=None,
                        help=_("sign the custody log's head with this private key at the end "
                               "of every change (default: $CATALOG_APP_KEY)"))
    parser.add_argument("--passphrase-file", dest="passphrase_file", metavar="FILE", type=Path,
                        default=None, help=_("the passphrase of the keys used (default: "
                                             "$CATALOG_APP_PASSPHRASE_FILE; else asked for)"))


def actor(args: argparse.Namespace) -> Actor:
    """Who is acting: --operator, else $CATALOG_APP_OPERATOR, else the login name."""
    from catalog_app import settings

    return settings.actor(args.operator)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(sentence: str) -> None:
    print(f"catalog-app: {sentence}", file=sys.stderr)


# -- argparse's own words ("usage:", "options", its error messages) in the app's language -----
# argparse looks its strings up through the module globals `argparse._` and `argparse.ngettext`
# at the moment it prints them; `install_argparse_text()` points both at the app's gettext. The
# msgids below are argparse's own (Python 3.11), marked here so that Babel extracts them.
ARGPARSE_MESSAGES = (
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


def _argparse_plurals() -> None:  # never called: marks argparse's plural messages for Babel
    i18n.ngettext("expected %s argument", "expected %s arguments", 1)
    i18n.ngettext("conflicting option string: %s", "conflicting option strings: %s", 1)


def _argparse_gettext(message: str) -> str:
    return i18n._(message) if message else message


def install_argparse_text() -> None:
    """argparse speaks the current language from now on (looked up at each message)."""
    import argparse

    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
