"""`catalog-app timestamp`: send queued custody heads to an RFC 3161 time-stamping authority."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.errors import ExitCode, UsageError
from catalog_app.i18n import _, counted

if TYPE_CHECKING:
    from catalog_app.core.anchors import AnchorFindings

TSA_ENV = "CATALOG_APP_TSA"


def _add_timestamp(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Sends every queued custody head, and the current head if it has no token yet, to a "
        "time-stamping authority (RFC 3161 over HTTP); each reply is checked and its token "
        "stored and logged. Nothing is sent unless --tsa (or $CATALOG_APP_TSA) names one; a "
        "head that cannot be stamped stays queued (exit 7). --check checks the stored tokens "
        "offline; --export writes them out for `openssl ts -verify`.")
    parser.add_argument("--tsa", metavar="URL", default=None,
                        help=_("the authority's address (default: ${env}; none: send "
                               "nothing)").format(env=TSA_ENV))
    parser.add_argument("--ca", type=Path, metavar="FILE",
                        help=_("PEM certificates of the authority's CA, one or more (default: "
                               "the system's trusted CAs when sending, the CA stored with each "
                               "token when checking); when sending, it is added to your "
                               "trusted-TSA file"))
    parser.add_argument("--check", action="store_true",
                        help=_("check every stored token against the log; exit 1 on a "
                               "problem"))
    parser.add_argument("--export", type=Path, metavar="DIR",
                        help=_("write head-N.txt, token-N.tsr and tsa-ca-N.pem for each "
                               "token"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))
    parser.set_defaults(handler=timestamp)


COMMANDS = {"timestamp": _add_timestamp}


def timestamp(args: argparse.Namespace) -> int:
    from catalog_app.services import timestamps

    ca_pem = _read_ca(args.ca)
    url = args.tsa or os.environ.get(TSA_ENV) or None
    with open_catalogue(args) as catalogue:
        if args.check:
            return _check(timestamps.check_timestamps(catalogue, ca_pem), args.json)
        if args.export is not None:
            written = timestamps.export_tokens(catalogue, args.export)
            print(counted("Wrote {n} time-stamp token to {folder}.",
                          "Wrote {n} time-stamp tokens to {folder}.", len(written) // 3,
                          folder=args.export))
            return ExitCode.OK
        if url is None:
            rows = catalogue.timestamps()
            queued = sum(1 for r in rows if r.queued)
            print(counted("{n} head time-stamped, {queued} queued; nothing was sent (name a "
                          "time-stamping authority with --tsa URL).",
                          "{n} heads time-stamped, {queued} queued; nothing was sent (name a "
                          "time-stamping authority with --tsa URL).", len(rows) - queued,
                          queued=queued))
            return ExitCode.OK
        run = timestamps.stamp_heads(catalogue, url, ca_pem, actor(args))
    trusted_in = None
    if ca_pem is not None and run.stamped:  # the user gave this CA: verify trusts it here
        trusted_in = timestamps.trust_ca(ca_pem, f"{args.ca} for {url}")
    if args.json:
        print_json({"stamped": [{"entry": s.entry, "hash": s.entry_hash, "gen_time": s.gen_time,
                                 "tsa": s.tsa_name} for s in run.stamped],
                    "still_queued": run.still_queued,
                    "error": run.error.english if run.error else None,
                    "ca_trusted_in": str(trusted_in) if trusted_in else None})
    else:
        for s in run.stamped:
            print(_("Entry {entry} ({hash}…) time-stamped by {tsa} at {at}.").format(
                entry=s.entry, hash=s.entry_hash[:16], tsa=s.tsa_name, at=s.gen_time))
        if trusted_in is not None:
            print(_("The CA {path} was added to your trusted time-stamping authorities "
                    "({file}).").format(path=args.ca, file=trusted_in))
    if run.error is not None:
        say(str(run.error))
        return int(run.error.exit_code)
    if not run.stamped:
        print(_("Nothing to time-stamp: every head has its token."))
    return ExitCode.OK


def _check(findings: AnchorFindings, as_json: bool) -> int:
    if as_json:
        print_json({"anchors": [{"entry": a.entry, "hash": a.entry_hash, "at": a.when,
                                 "by": a.by} for a in findings.anchors],
                    "problems": findings.problems, "ok": not findings.problems})
    else:
        for problem in findings.problems:
            print(problem)
        last = max((a.entry for a in findings.anchors), default=None)
        proven = (_("history proven up to entry {entry}").format(entry=last) if last
                  else _("no entry proven"))
        print(counted("{n} time-stamp token verifies ({proven}); {problems}.",
                      "{n} time-stamp tokens verify ({proven}); {problems}.",
                      len(findings.anchors), proven=proven,
                      problems=counted("{n} problem", "{n} problems", len(findings.problems))))
    return ExitCode.SOME_FAILED if findings.problems else ExitCode.OK


def _read_ca(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(_("The CA certificate file {path} cannot be read ({error}).").format(
            path=path, error=exc.strerror)) from exc
