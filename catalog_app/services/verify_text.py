"""The verify report as both faces show it: every problem, then the summary line.

The summary line is in the current language; the problems, notes and the state and history
sentences stay as the report holds them (they are also `--json` values, the same in every
language)."""

from __future__ import annotations

from catalog_app import i18n
from catalog_app.services.verify import VerifyReport


def report_lines(report: VerifyReport, head: tuple[int, str]) -> list[str]:
    """What `catalog-app verify` prints and File > Verify shows; `head` is (entries, hash) of
    the custody log after the run was recorded."""
    entries, sha = head
    if not report.ok:
        found = i18n.counted("{n} problem", "{n} problems", len(report.problems))
    elif report.anchored:
        found = i18n._("no problems")
    else:  # never "no problems" for a history nothing outside the files vouches for
        found = i18n._("no problems found, but the history is not proven (see above)")
    lines = [*report.repaired, *report.problems, *report.notes]
    lines += [line[0].upper() + line[1:] + ("" if line.endswith(".") else ".")
              for line in (report.state if i18n.current() == i18n.DEFAULT
                           else report.state_shown or report.state,
                           report.history_shown or report.history) if line]
    lines.append(
        i18n.counted("Verified {n} original: {found}.", "Verified {n} originals: {found}.",
                     report.checked, found=found) + " "
        + i18n.counted("Custody log head: {n} entry, {sha}.",
                       "Custody log head: {n} entries, {sha}.", entries, sha=sha))
    if report.not_logged:  # read-only, or a full disk: said after the report
        lines.append(report.not_logged[0].upper() + report.not_logged[1:].rstrip(".") + ".")
    return lines
