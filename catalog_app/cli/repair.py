"""How `verify` words a repair of the originals and a run that was not logged."""

from __future__ import annotations

from catalog_app.cli.common import say
from catalog_app.errors import ExitCode
from catalog_app.services.repair import RepairReport


def print_repair(report: RepairReport, as_json: bool) -> None:
    """One line per file adopted or quarantined (on stderr with --json: stdout is the report)."""
    for path, photo_id in report.adopted:
        _line(f"Adopted {path} as photo {photo_id} (stored by an interrupted import; logged).",
              as_json)
    for path, moved_to in report.quarantined:
        _line(f"Moved {path} to {moved_to} (unknown among the originals; logged).", as_json)


def not_logged_code(not_logged: str, as_json: bool) -> int:
    """After the report: say why the run is not in the log. A read-only run is meant to be
    (0 unless problems); a log that could not be written is the catalogue's fault (3)."""
    if not not_logged:
        return 0
    text = not_logged[0].upper() + not_logged[1:].rstrip(".") + "."
    if "read-only" in not_logged and "could not" not in not_logged:
        _line(text, as_json)
        return 0
    say(text)
    return int(ExitCode.CATALOGUE)


def _line(text: str, as_json: bool) -> None:
    if as_json:
        say(text)
    else:
        print(text)
