"""Signing keys, the custody chain head, and checking an exported package."""

from __future__ import annotations

import argparse
from pathlib import Path

from catalog_app import settings
from catalog_app.cli_common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, print_json, say
from catalog_app.core import signing
from catalog_app.core.custody import now_utc
from catalog_app.export import folder
from catalog_app.export.check import check_package


def add_parsers(commands) -> None:
    keygen = commands.add_parser(
        "keygen", help="make an Ed25519 signing key (keep it outside the catalogue)",
        description="Writes KEYFILE (private, owner-only) and KEYFILE.pub (give this one to "
        "recipients, by another channel than the exports).")
    keygen.add_argument("key", type=Path, metavar="KEYFILE")
    head = commands.add_parser(
        "head", help="print the custody log's head (last entry id and hash); --sign signs it")
    head.add_argument("--sign", type=Path, metavar="KEYFILE")
    head.add_argument("--out", type=Path, metavar="DIR", help="where to write head.txt, "
                      "head.txt.sig and signing-key.pub (default: current folder)")
    head.add_argument("--json", action="store_true")
    check = commands.add_parser(
        "verify-package", help="check an evidence package or signed gallery: every hash, "
        "the signature and the custody entries; exit 1 on any problem")
    check.add_argument("folder", type=Path, metavar="FOLDER")
    check.add_argument("--key", type=Path, metavar="PUBFILE",
                       help="the public key the package must be signed with")
    check.add_argument("--json", action="store_true")


def keygen(args: argparse.Namespace) -> int:
    made = signing.make_key(args.key)
    print(f"Signing key written to {args.key} (keep it private, outside the catalogue) and "
          f"its public key to {args.key}.pub; fingerprint {made}.")
    return EXIT_OK


def head(args: argparse.Namespace, catalogue) -> int:
    head_id, head_hash = catalogue.custody_head()
    signed_by = None
    if args.sign is not None:
        signing.outside(args.sign, catalogue.layout.root)
        key = signing.load_private(args.sign)
        out = args.out or Path.cwd()
        text = (f"catalogue {catalogue.layout.root}\nentry {head_id}\nhash {head_hash}\n"
                f"at {now_utc()}\n")
        target = out / "head.txt"
        folder.write_text(target, text)
        _, signed_by = signing.sign_file(key, target)
        catalogue.record_event("head-signed", {"entry": head_id, "hash": head_hash,
                                               "signed_by": signed_by},
                               settings.actor(args.operator))
    if args.json:
        print_json({"entry": head_id, "hash": head_hash, "signed_by": signed_by})
    else:
        print(f"{head_id} {head_hash}")
        if signed_by:
            print(f"Signed head.txt written to {args.out or Path.cwd()} (key {signed_by}).")
    return EXIT_OK


def verify_package(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        say(f"{args.folder} is not a folder.")
        return EXIT_USAGE
    expected = None
    if args.key is not None:
        try:
            expected = args.key.read_bytes()
        except OSError as exc:
            say(f"The public key {args.key} cannot be read ({exc.strerror}).")
            return EXIT_USAGE
    report = check_package(args.folder, expected)
    if args.json:
        print_json({"files": report.files, "signed_by": report.signed_by,
                    "problems": report.problems, "ok": report.ok})
    else:
        for problem in report.problems:
            print(problem)
        if report.ok:
            signed = (f"; signed by key {report.signed_by}" if report.signed_by
                      else "; not signed")
            print(f"All {report.files} files match SHA256SUMS{signed}.")
    return EXIT_OK if report.ok else EXIT_SOME_FAILED
