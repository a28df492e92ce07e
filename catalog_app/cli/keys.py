"""Operator keys: `keygen`, `key register|list`, `checkpoint`, and the session key of --key."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from catalog_app.cli.common import actor, print_json
from catalog_app.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from catalog_app.db.catalogue import Catalogue

KEY_ENV = "CATALOG_APP_KEY"
PASSPHRASE_ENV = "CATALOG_APP_PASSPHRASE_FILE"


def _add_keygen(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Writes KEYFILE (the private key, owner-only, encrypted with a passphrase asked for "
        "twice, or read from --passphrase-file) and KEYFILE.pub (give this one to recipients, "
        "by another channel than the exports). KEYFILE must be outside every catalogue.")
    parser.add_argument("key", type=Path, metavar="KEYFILE")
    parser.add_argument("--passphrase-file", dest="passphrase_file", type=Path, metavar="FILE",
                        default=argparse.SUPPRESS,
                        help=f"read the passphrase from FILE (default: ${PASSPHRASE_ENV})")
    parser.add_argument("--no-passphrase", action="store_true",
                        help="write the private key unprotected (recorded when registered)")
    parser.add_argument("--register", action="store_true",
                        help="register the public key in the catalogue (a logged entry)")
    parser.add_argument("--json", action="store_true")
    parser.epilog = ("The new public key is added to your own trusted-keys file (in your "
                     "config folder, owner-only), so verify on this machine takes its "
                     "checkpoints as proof.")
    parser.set_defaults(handler=keygen)


def _add_key(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    register = actions.add_parser(
        "register", help="record a public key in the catalogue (a logged entry)",
        description="Records PUBFILE in the catalogue's custody log (fingerprint, the key, "
                    "whether its private key is protected, the operator), so checkpoints "
                    "signed with it can be checked. The catalogue holds public keys only.")
    register.add_argument("public", type=Path, metavar="PUBFILE")
    register.add_argument("--private", type=Path, metavar="KEYFILE",
                          help="its private key, to tell whether it is protected (default: "
                               "PUBFILE without .pub)")
    register.add_argument("--json", action="store_true")
    register.set_defaults(action_handler=register_public)
    trusting = actions.add_parser(
        "trust", help="trust another operator's public key on this machine",
        description="Adds PUBFILE to your own trusted-keys file (in your config folder), so "
                    "verify takes checkpoints signed with it as proof. Compare its fingerprint "
                    "with the one its owner gave you by another channel first.")
    trusting.add_argument("public", type=Path, metavar="PUBFILE")
    trusting.add_argument("--json", action="store_true")
    trusting.set_defaults(action_handler=trust_public)
    listing = actions.add_parser("list", help="list the keys registered in the catalogue")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(action_handler=list_keys)
    parser.set_defaults(handler=key)


def _add_checkpoint(parser: argparse.ArgumentParser) -> None:
    parser.description = ("Signs the custody log's head now with the session key (--key) and "
                          "stores the checkpoint; every change made with --key is signed so "
                          "anyway, at its end.")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=checkpoint)


COMMANDS = {"keygen": _add_keygen, "key": _add_key, "checkpoint": _add_checkpoint}


# -- passphrases and the session key -------------------------------------------------------
def passphrase_file(args: argparse.Namespace) -> Path | None:
    chosen = getattr(args, "passphrase_file", None) or os.environ.get(PASSPHRASE_ENV)
    return Path(chosen).expanduser() if chosen else None


def key_file(args: argparse.Namespace) -> Path | None:
    chosen = getattr(args, "session_key", None) or os.environ.get(KEY_ENV)
    return Path(chosen).expanduser() if chosen else None


def read_passphrase(file: Path | None, confirm: bool, what: str) -> bytes:
    """The passphrase from `file` (its first line), else asked on the terminal (twice when
    `confirm`); with no terminal to ask on, a usage error rather than a wait."""
    if file is not None:
        try:
            lines = file.read_bytes().splitlines()
        except OSError as exc:
            raise UsageError(f"The passphrase file {file} cannot be read "
                             f"({exc.strerror}).") from exc
        if not lines or not lines[0]:
            raise UsageError(f"The passphrase file {file} is empty.")
        return lines[0]
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(f"A passphrase is needed for {what} and there is no terminal to ask "
                         "for it on; give it with --passphrase-file FILE (or $"
                         f"{PASSPHRASE_ENV}).")
    try:
        first = getpass.getpass(f"Passphrase for {what}: ")
        if confirm and getpass.getpass("The same passphrase again: ") != first:
            raise UsageError("The two passphrases differ; nothing was written.")
    except EOFError as exc:
        raise UsageError(f"No passphrase was typed for {what}.") from exc
    if not first:
        raise UsageError("The passphrase is empty; a protected key needs one.")
    return first.encode("utf-8")


def prepare(args: argparse.Namespace, catalogue: Catalogue) -> None:
    """What --passphrase-file and --key ask of an opened catalogue: remember the passphrase
    for keys this command loads; unlock the session key once and sign every write with it."""
    from catalog_app.core import keys
    from catalog_app.services.keys import session_key

    secret_file = passphrase_file(args)
    if secret_file is not None:
        keys.remember_passphrase(read_passphrase(secret_file, False, "the key"))
    chosen = key_file(args)
    if chosen is None:
        return
    keys.refuse_inside(chosen, [catalogue.layout.root])  # before asking for its passphrase
    passphrase = None
    try:
        protected = keys.is_protected(chosen.read_bytes())
    except OSError:
        protected = False  # unlock() names the reason in its sentence
    if protected and secret_file is None:
        passphrase = read_passphrase(None, False, f"the key {chosen}")
    session_key(catalogue, chosen, passphrase)


# -- commands ------------------------------------------------------------------------------
def _catalogue_roots(args: argparse.Namespace) -> list[Path]:
    from catalog_app import settings

    roots = [settings.default_catalogue(), settings.demo_catalogue()]
    if args.catalogue is not None:
        roots.append(args.catalogue)
    return roots


def _open_for_keys(args: argparse.Namespace) -> Catalogue:
    """The catalogue named, made if new (keys are often registered first); no session key."""
    from catalog_app import settings
    from catalog_app.db.catalogue import Catalogue

    return Catalogue.open(args.catalogue or settings.default_catalogue(), create=True)


def keygen(args: argparse.Namespace) -> int:
    from catalog_app.core import keys
    from catalog_app.services.keys import register_key, trust_key

    keys.refuse_inside(args.key, _catalogue_roots(args))
    if args.no_passphrase and passphrase_file(args) is not None:
        raise UsageError("Give either a passphrase file or --no-passphrase, not both.")
    passphrase = None if args.no_passphrase else read_passphrase(
        passphrase_file(args), True, f"the new key {args.key}")
    made = keys.make_key(args.key, passphrase)
    public_file = args.key.with_name(args.key.name + ".pub")
    _, _, trusted_in = trust_key(public_file.read_bytes(), f"{args.key.name} of "
                                 f"{actor(args).operator}, made by keygen")
    registered = None
    if args.register:
        with _open_for_keys(args) as catalogue:
            public = args.key.with_name(args.key.name + ".pub").read_bytes()
            registered, _ = register_key(catalogue, public, passphrase is not None, actor(args))
    if args.json:
        print_json({"key": str(args.key), "public_key": f"{args.key}.pub", "fingerprint": made,
                    "protected": passphrase is not None,
                    "registered_entry": registered.entry if registered else None,
                    "trusted_in": str(trusted_in)})
        return ExitCode.OK
    state = "protected by its passphrase" if passphrase is not None else "UNPROTECTED"
    print(f"Signing key written to {args.key} ({state}; keep it private, outside the "
          f"catalogue) and its public key to {args.key}.pub; fingerprint {made}.")
    print(f"Added to your trusted keys ({trusted_in}): verify on this machine takes its "
          "checkpoints as proof.")
    if registered is not None:
        print(f"Registered in the catalogue at entry {registered.entry}.")
    return ExitCode.OK


def key(args: argparse.Namespace) -> int:
    """`key register` or `key list`."""
    return int(args.action_handler(args))


def register_public(args: argparse.Namespace) -> int:
    from catalog_app.services import keys

    public = args.public
    private = args.private
    if private is None and public.name.endswith(".pub"):
        private = public.with_name(public.name[:-len(".pub")])
    if private is None:
        raise UsageError(f"{public} does not end in .pub; name its private key with --private "
                         "so the record can say whether it is protected.")
    try:
        pem = public.read_bytes()
    except OSError as exc:
        raise UsageError(f"The public key {public} cannot be read ({exc.strerror}).") from exc
    protected = keys.private_is_protected(private)
    with _open_for_keys(args) as catalogue:
        made, new = keys.register_key(catalogue, pem, protected, actor(args))
    if args.json:
        print_json({"fingerprint": made.fingerprint, "protected": made.protected,
                    "entry": made.entry, "new": new})
    elif new:
        print(f"Key {made.fingerprint} registered at entry {made.entry} "
              f"({'protected' if made.protected else 'UNPROTECTED'} private key).")
    else:
        print(f"Key {made.fingerprint} was already registered, at entry {made.entry}.")
    return ExitCode.OK


def trust_public(args: argparse.Namespace) -> int:
    from catalog_app.core import signing
    from catalog_app.services.keys import trust_key

    try:
        pem = args.public.read_bytes()
    except OSError as exc:
        raise UsageError(f"The public key {args.public} cannot be read ({exc.strerror})."
                         ) from exc
    try:
        fingerprint, new, where = trust_key(pem, f"{args.public.name}, trusted by "
                                            f"{actor(args).operator}")
    except signing.SigningError as exc:
        raise UsageError(f"{args.public} is not an Ed25519 public key.") from exc
    if args.json:
        print_json({"fingerprint": fingerprint, "new": new, "trusted_in": str(where)})
    else:
        print(f"Key {fingerprint} " + ("added to" if new else "was already in") +
              f" your trusted keys ({where}).")
    return ExitCode.OK


def list_keys(args: argparse.Namespace) -> int:
    from catalog_app.cli.common import open_catalogue

    with open_catalogue(args) as catalogue:
        found = catalogue.registered_keys()
    if args.json:
        print_json([{"fingerprint": k.fingerprint, "protected": k.protected, "entry": k.entry,
                     "at": k.at, "operator": k.operator} for k in found])
        return ExitCode.OK
    for k in found:
        print(f"{k.fingerprint}  entry {k.entry}  {k.at}  {k.operator}  "
              f"{'protected' if k.protected else 'UNPROTECTED'}")
    if not found:
        print("No key is registered in this catalogue.")
    return ExitCode.OK


def checkpoint(args: argparse.Namespace) -> int:
    from catalog_app.cli.common import open_catalogue

    if key_file(args) is None:
        raise UsageError(f"There is no key to sign with; give --key KEYFILE (or ${KEY_ENV}).")
    with open_catalogue(args) as catalogue:
        made = catalogue.sign_checkpoint()
    if made is None:
        raise UsageError("The custody log is empty; there is nothing to sign yet.")
    if args.json:
        print_json({"entry": made.entry, "hash": made.entry_hash, "signed_at": made.signed_at,
                    "key": made.key_fingerprint})
    else:
        print(f"Checkpoint: entry {made.entry} ({made.entry_hash}) signed at {made.signed_at} "
              f"by key {made.key_fingerprint}.")
    return ExitCode.OK
