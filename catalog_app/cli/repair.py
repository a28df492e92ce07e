"""How `verify` words a repair of the originals, and the exit status of a run not logged."""

from __future__ import annotations

from catalog_app.cli.common import say
from catalog_app.errors import ExitCode
from catalog_app.i18n import _
from catalog_app.services.repair import RepairReport


def print_repair(report: RepairReport, as_json: bool) -> None:
    """One line per file adopted or quarantined (on stderr with --json: stdout is the report)."""
    for path, photo_id in report.adopted:
        _line(_("Adopted {path} as photo {id} (stored by an interrupted import; logged)."
                ).format(path=path, id=photo_id), as_json)
    for path, moved_to in report.quarantined:
        _line(_("Moved {path} to {destination} (unknown among the originals; logged)."
                ).format(path=path, destination=moved_to), as_json)


def not_logged_code(not_logged: str) -> int:
    """The exit status a run that is not in the log adds (its report says why): none for a
    read-only run, which is meant not to be; 3 when the log could not be written."""
    if not not_logged or not not_logged.startswith("this run could not be logged"):
        return 0
    return int(ExitCode.CATALOGUE)


def _line(text: str, as_json: bool) -> None:
    if as_json:
        say(text)
    else:
        print(text)
