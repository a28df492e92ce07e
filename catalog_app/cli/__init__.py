"""The command line: argparse subcommands over the services; with cli/gui, the only place that
talks to people.

One convention for every command: a module here per command group holds `COMMANDS`, a mapping
from each command's name to a function that fills in that command's parser (its arguments, its
description) and sets `handler=` with `set_defaults`. `main` runs `args.handler(args)` and turns
any `AppError` into its one sentence and exit code.

Start-up stays quick: only the chosen command's module is imported (the table below holds the
one-line help every command shows in `--help`), so `--version` and `--help` import none of
them, and none of Jinja2, cryptography, numpy, scipy, PIL or timezonefinder.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from catalog_app import __version__, i18n
from catalog_app.cli.common import (
    EPILOG,
    READ_COMMANDS,
    add_key_options,
    install_argparse_text,
    only_reads,
    say,
    sentence,
)
from catalog_app.errors import AppError, ExitCode
from catalog_app.i18n import N_, _

# command -> (module in catalog_app.cli, one-line help), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("photos", N_("import photos from files and folders")),
    "photos": ("photos", N_("list photos in capture-time order")),
    "show": ("photos", N_("show everything known about one photo")),
    "duplicates": ("duplicates", N_("list duplicate groups; resolve them")),
    "incidents": ("incidents", N_("add, edit, list, merge, archive and delete incidents "
                               "(site + event)")),
    "export": ("export", N_("export a gallery to publish, an evidence package, positions, "
                            "a table")),
    "tag": ("incidents", N_("tag photos to an incident")),
    "untag": ("incidents", N_("remove photos from their incident")),
    "caption": ("incidents", N_("set a photo's caption (\"\" clears it)")),
    "faces": ("faces", N_("find faces offline (proposed for redaction); review or publish anyway")),
    "flag": ("tagging", N_("mark photos graphic or restricted, or their captions as needing "
                        "review")),
    "keywords": ("tagging", N_("add or remove keywords, or list them")),
    "captions": ("tagging", N_("caption several photos from a template (always marked for "
                            "review)")),
    "suggest": ("tagging", N_("suggest incidents for untagged photos (area and dates, same "
                           "camera)")),
    "geotag": ("geotag", N_("give photos without a position one from a GPX track (--apply "
                         "records it)")),
    "place": ("geotag", N_("place photos on the map by hand, or --remove assigned positions")),
    "clock": ("tagging", N_("correct a camera's clock (the recorded times are never changed)")),
    "keygen": ("keys", N_("make an Ed25519 signing key, protected by a passphrase (keep it "
                       "outside the catalogue)")),
    "key": ("keys", N_("register an operator's public key in the catalogue; list them")),
    "checkpoint": ("keys", N_("sign the custody log's head now with the session key (--key)")),
    "head": ("custody", N_("print the custody log's head (last entry id and hash); --sign "
                        "signs it")),
    "verify-package": ("custody", N_("check an evidence package or signed gallery: every hash, "
                                  "the signature and the custody entries; exit 1 on any "
                                  "problem")),
    "verify": ("custody", N_("re-hash every original and check the catalogue's record")),
    "timestamp": ("timestamp", N_("send custody heads to an RFC 3161 time-stamping authority")),
    "demo": ("demo", N_("make the demo mission's catalogue (made-up photos, incidents, captions)")),
    "backup": ("custody", N_("copy the catalogue, consistently, while it may be in use")),
    "log": ("custody", N_("show the custody log (every recorded action)")),
}

_GLOBAL_WITH_VALUE = ("--catalogue", "--operator", "--key", "--passphrase-file")
_READ_ONLY_HELP = N_("open the catalogue for reading only: nothing is changed or logged (chosen "
                     "by itself on read-only media); for commands that only read: {commands}")


def _read_only_help() -> str:
    return _(_READ_ONLY_HELP).format(commands=", ".join(sorted(READ_COMMANDS)))


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named in `argv` (the first argument that is not an option or its value)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token == "--":
            continue
        if token.startswith("-"):
            # --catalogue DIR (or an abbreviation argparse accepts, like --cat DIR) takes the
            # next argument as its value; --catalogue=DIR does not
            skip = "=" not in token and len(token) > 2 and any(
                name.startswith(token) for name in _GLOBAL_WITH_VALUE)
            continue
        return token if token in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; `command`'s own arguments are filled in, the others only named with their
    help (parsing is only ever asked of the command chosen)."""
    from catalog_app import settings

    parser = argparse.ArgumentParser(
        prog="catalog-app",
        description=_("Catalogue a mission's photos as evidence: import, inspect, find "
                      "duplicates, tag to incidents, caption, export, sign, verify, back up."),
        epilog=_(EPILOG),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"catalog_app {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument(
        "--catalogue", metavar="DIR", type=Path, default=None,
        help=_("catalogue folder (default: ${env} or {folder})").format(
            env=settings.CATALOGUE_ENV, folder=settings.default_catalogue()),
    )
    parser.add_argument(
        "--operator", metavar="NAME", default=None,
        help=_("name recorded with every change (default: ${env} or login)").format(
            env=settings.OPERATOR_ENV),
    )
    add_key_options(parser)
    parser.add_argument("--read-only", action="store_true", help=_read_only_help())
    parser.set_defaults(handler=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, marked) in COMMANDS.items():
        summary = _(marked)
        sub = commands.add_parser(name, help=summary, description=summary)
        if name in READ_COMMANDS:  # after the command too; SUPPRESS keeps the global one
            sub.add_argument("--read-only", action="store_true", default=argparse.SUPPRESS,
                             help=_read_only_help())
        if name == command:
            module = importlib.import_module(f"catalog_app.cli.{module_name}")
            module.COMMANDS[name](sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _never_fail_on_a_letter()
    i18n.set_language(_printable(i18n.language_from_env()))  # LANG / LC_MESSAGES
    install_argparse_text()  # argparse's own words ("usage:", its errors) in that language
    args = build_parser(chosen_command(argv)).parse_args(argv)
    if args.read_only and args.command not in {None, "verify-package"} and not only_reads(args):
        command = "head --sign" if args.command == "head" else args.command
        say(_("`{command}` changes the catalogue or records what it gives out in its "
              "custody log, so it cannot run read-only; copy the catalogue folder somewhere "
              "writable to run it there.").format(command=command))
        return int(ExitCode.USAGE)
    try:
        if args.command is None:
            return _window(args)
        return int(args.handler(args))
    except AppError as exc:
        say(sentence(exc))
        return int(exc.exit_code)
    except KeyboardInterrupt:
        say(_("Interrupted; what was recorded stays. Run the same command again to finish."))
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        from catalog_app.cli.terminal import quiet_broken_pipe

        return quiet_broken_pipe()
    except Exception as exc:
        if os.environ.get("CATALOG_APP_DEBUG"):
            raise
        say(_("catalog_app hit an internal error ({kind}: {error}); please report it with the "
              "command you ran (CATALOG_APP_DEBUG=1 shows details).").format(
            kind=type(exc).__name__, error=exc))
        return int(ExitCode.INTERNAL)
    finally:
        keys = sys.modules.get("catalog_app.core.keys")
        if keys is not None:  # --passphrase-file is for this command only, not the process
            keys.remember_passphrase(None)  # (cli.main called twice in one process: tests)


def _never_fail_on_a_letter() -> None:
    """A terminal that is not UTF-8 (ASCII, Latin-1) gets letters it cannot show escaped
    ('\\xd7'), instead of the command failing on the first one."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _printable(language: str) -> str:
    """`language`, unless the terminal cannot print its letters (an ASCII or Latin-1 stdout
    under LANG=uk_UA.UTF-8): then English, rather than a failure on the first message."""
    sample = {"uk": "Перевірено ґ є ї"}.get(language)
    for stream in (sys.stdout, sys.stderr):
        try:
            if sample and stream is not None:
                sample.encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            return i18n.DEFAULT
    return language


def _window(args: argparse.Namespace) -> int:
    """No command: the desktop window, on the catalogue named if one was."""
    from catalog_app import settings
    from catalog_app.gui.launch import launch

    chosen = args.catalogue or (settings.default_catalogue()
                                if os.environ.get(settings.CATALOGUE_ENV) else None)
    return launch(chosen, args.operator, args.read_only)
