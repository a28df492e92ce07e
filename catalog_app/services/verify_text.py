"""The verify report as both faces show it: every problem, then the summary line."""

from __future__ import annotations

from catalog_app.core.labels import counted
from catalog_app.services.verify import VerifyReport


def report_lines(report: VerifyReport, head: tuple[int, str]) -> list[str]:
    """What `catalog-app verify` prints and File > Verify shows; `head` is (entries, hash) of
    the custody log after the run was recorded."""
    entries, sha = head
    if not report.ok:
        found = counted(len(report.problems), "problem")
    elif report.anchored:
        found = "no problems"
    else:  # never "no problems" for a history nothing outside the files vouches for
        found = "no problems found, but the history is not proven (see above)"
    lines = [*report.repaired, *report.problems, *report.notes]
    lines += [line[0].upper() + line[1:] + ("" if line.endswith(".") else ".")
              for line in (report.state, report.history) if line]
    lines.append(f"Verified {report.checked} originals: {found}. "
                 f"Custody log head: {entries} entries, {sha}.")
    if report.not_logged:  # read-only, or a full disk: said after the report
        lines.append(report.not_logged[0].upper() + report.not_logged[1:].rstrip(".") + ".")
    return lines
