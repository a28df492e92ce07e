"""What every command shares: exit codes and the two ways of talking to a person."""

from __future__ import annotations

import json
import sys
from typing import Any

EXIT_OK = 0
EXIT_SOME_FAILED = 1  # the rest was done; what failed is listed
EXIT_USAGE = 2
EXIT_CATALOGUE = 3  # the catalogue is missing, read-only, too new or damaged
EXIT_INTERNAL = 4
EXIT_NO_DISPLAY = 5
EXIT_OUTPUT = 6  # an export cannot be written where asked
EXIT_INTERRUPTED = 130

EPILOG = """exit status:
  0    everything asked for was done
  1    some inputs failed (the rest was done; failures are listed), or verify found problems
  2    usage error (bad arguments, unknown photo id)
  3    the catalogue cannot be used (missing, read-only, newer version, damaged, busy)
  4    internal error (please report it)
  5    the window cannot open here (no display, or Qt's system libraries are missing)
  6    an export cannot be written (folder not empty and not an earlier export, disk full,
       no permission)
  130  interrupted (Ctrl-C); what was recorded stays, run the same command again to finish

With no command, the desktop window opens."""


def open_catalogue(args: Any, create: bool = False):
    """The catalogue the command names (--catalogue, $CATALOG_APP_CATALOGUE, the default)."""
    from catalog_app import settings
    from catalog_app.db.catalogue import Catalogue

    return Catalogue.open(args.catalogue or settings.default_catalogue(), create=create)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(sentence: str) -> None:
    print(f"catalog-app: {sentence}", file=sys.stderr)
