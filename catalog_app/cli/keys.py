"""Operator keys: `keygen`, `key register|list`, `checkpoint`, and the session key of --key."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from catalog_app.cli.common import actor, pgettext, print_json
from catalog_app.errors import ExitCode, UsageError
from catalog_app.i18n import _

if TYPE_CHECKING:
    from catalog_app.db.catalogue import Catalogue

KEY_ENV = "CATALOG_APP_KEY"
PASSPHRASE_ENV = "CATALOG_APP_PASSPHRASE_FILE"


def _add_keygen(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Writes KEYFILE (the private key, owner-only, encrypted with a passphrase asked for "
        "twice, or read from --passphrase-file) and KEYFILE.pub (give this one to recipients, "
        "by another channel than the exports). KEYFILE must be outside every catalogue.")
    parser.add_argument("key", type=Path, metavar="KEYFILE",
                        help=_("the private key file to write"))
    parser.add_argument("--passphrase-file", dest="passphrase_file", type=Path, metavar="FILE",
                        default=argparse.SUPPRESS,
                        help=_("read the passphrase from FILE (default: ${env})").format(
                            env=PASSPHRASE_ENV))
    parser.add_argument("--no-passphrase", action="store_true",
                        help=_("write the private key unprotected (recorded when registered)"))
    parser.add_argument("--register", action="store_true",
                        help=_("register the public key in the catalogue (a logged entry)"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))
    parser.epilog = _("The new public key is added to your own trusted-keys file (in your "
                     "config folder, owner-only), so verify on this machine takes its "
                     "checkpoints as proof.")
    parser.set_defaults(handler=keygen)


def _add_key(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    register = actions.add_parser(
        "register", help=_("record a public key in the catalogue (a logged entry)"),
        description=_("Records PUBFILE in the catalogue's custody log (fingerprint, the key, "
                    "whether its private key is protected, the operator), so checkpoints "
                    "signed with it can be checked. The catalogue holds public keys only."))
    register.add_argument("public", type=Path, metavar="PUBFILE",
                          help=_("the public key file (.pub)"))
    register.add_argument("--private", type=Path, metavar="KEYFILE",
                          help=_("its private key, to tell whether it is protected (default: "
                                 "PUBFILE without .pub)"))
    register.add_argument("--json", action="store_true", help=_("print a JSON object"))
    register.set_defaults(action_handler=register_public)
    trusting = actions.add_parser(
        "trust", help=_("trust another operator's public key on this machine"),
        description=_("Adds PUBFILE to your own trusted-keys file (in your config folder), so "
                    "verify takes checkpoints signed with it as proof. Compare its fingerprint "
                    "with the one its owner gave you by another channel first."))
    trusting.add_argument("public", type=Path, metavar="PUBFILE",
                          help=_("the public key file (.pub)"))
    trusting.add_argument("--json", action="store_true", help=_("print a JSON object"))
    trusting.set_defaults(action_handler=trust_public)
    listing = actions.add_parser("list", help=_("list the keys registered in the catalogue"))
    listing.add_argument("--json", action="store_true", help=_("print a JSON list"))
    listing.set_defaults(action_handler=list_keys)
    parser.set_defaults(handler=key)


def _add_checkpoint(parser: argparse.ArgumentParser) -> None:
    parser.description = _("Signs the custody log's head now with the session key (--key) and "
                           "stores the checkpoint; every change made with --key is signed so "
                           "anyway, at its end.")
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))
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
            raise UsageError(_("The passphrase file {path} cannot be read ({error}).").format(
                path=file, error=exc.strerror)) from exc
        if not lines or not lines[0]:
            raise UsageError(_("The passphrase file {path} is empty.").format(path=file))
        return lines[0]
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(_("A passphrase is needed for {what} and there is no terminal to ask "
                           "for it on; give it with --passphrase-file FILE (or ${env})."
                           ).format(what=what, env=PASSPHRASE_ENV))
    try:
        first = getpass.getpass(_("Passphrase for {what}: ").format(what=what))
        if confirm and getpass.getpass(_("The same passphrase again: ")) != first:
            raise UsageError(_("The two passphrases differ; nothing was written."))
    except EOFError as exc:
        raise UsageError(_("No passphrase was typed for {what}.").format(what=what)) from exc
    if not first:
        raise UsageError(_("The passphrase is empty; a protected key needs one."))
    return first.encode("utf-8")


def prepare(args: argparse.Namespace, catalogue: Catalogue) -> None:
    """What --passphrase-file and --key ask of an opened catalogue: remember the passphrase
    for keys this command loads; unlock the session key once and sign every write with it."""
    from catalog_app.core import keys
    from catalog_app.services.keys import session_key

    secret_file = passphrase_file(args)
    if secret_file is not None:
        keys.remember_passphrase(read_passphrase(secret_file, False, _("the key")))
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
        passphrase = read_passphrase(None, False, _("the key {path}").format(path=chosen))
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
        raise UsageError(_("Give either a passphrase file or --no-passphrase, not both."))
    passphrase = None if args.no_passphrase else read_passphrase(
        passphrase_file(args), True, _("the new key {path}").format(path=args.key))
    made = keys.make_key(args.key, passphrase)
    public_file = args.key.with_name(args.key.name + ".pub")
    _fp, _new, trusted_in = trust_key(public_file.read_bytes(), f"{args.key.name} of "
                                 f"{actor(args).operator}, made by keygen")
    registered = None
    if args.register:
        with _open_for_keys(args) as catalogue:
            public = args.key.with_name(args.key.name + ".pub").read_bytes()
            registered, _was_new = register_key(catalogue, public, passphrase is not None,
                                                actor(args))
    if args.json:
        print_json({"key": str(args.key), "public_key": f"{args.key}.pub", "fingerprint": made,
                    "protected": passphrase is not None,
                    "registered_entry": registered.entry if registered else None,
                    "trusted_in": str(trusted_in)})
        return ExitCode.OK
    state = _("protected by its passphrase") if passphrase is not None else _("UNPROTECTED")
    print(_("Signing key written to {path} ({state}; keep it private, outside the catalogue) "
            "and its public key to {path}.pub; fingerprint {fingerprint}.").format(
        path=args.key, state=state, fingerprint=made))
    print(_("Added to your trusted keys ({file}): verify on this machine takes its checkpoints "
            "as proof.").format(file=trusted_in))
    if registered is not None:
        print(_("Registered in the catalogue at entry {entry}.").format(entry=registered.entry))
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
        raise UsageError(_("{path} does not end in .pub; name its private key with --private "
                           "so the record can say whether it is protected.").format(path=public))
    try:
        pem = public.read_bytes()
    except OSError as exc:
        raise UsageError(_("The public key {path} cannot be read ({error}).").format(
            path=public, error=exc.strerror)) from exc
    protected = keys.private_is_protected(private)
    with _open_for_keys(args) as catalogue:
        made, new = keys.register_key(catalogue, pem, protected, actor(args))
    if args.json:
        print_json({"fingerprint": made.fingerprint, "protected": made.protected,
                    "entry": made.entry, "new": new})
    elif new:
        print((_("Key {fingerprint} registered at entry {entry} (protected private key).")
               if made.protected else
               _("Key {fingerprint} registered at entry {entry} (UNPROTECTED private key)."))
              .format(fingerprint=made.fingerprint, entry=made.entry))
    else:
        print(_("Key {fingerprint} was already registered, at entry {entry}.").format(
            fingerprint=made.fingerprint, entry=made.entry))
    return ExitCode.OK


def trust_public(args: argparse.Namespace) -> int:
    from catalog_app.core import signing
    from catalog_app.services.keys import trust_key

    try:
        pem = args.public.read_bytes()
    except OSError as exc:
        raise UsageError(_("The public key {path} cannot be read ({error}).").format(
            path=args.public, error=exc.strerror)) from exc
    try:
        fingerprint, new, where = trust_key(pem, f"{args.public.name}, trusted by "
                                            f"{actor(args).operator}")
    except signing.SigningError as exc:
        raise UsageError(_("{path} is not an Ed25519 public key.").format(
            path=args.public)) from exc
    if args.json:
        print_json({"fingerprint": fingerprint, "new": new, "trusted_in": str(where)})
    else:
        print((_("Key {fingerprint} added to your trusted keys ({file}).") if new else
               _("Key {fingerprint} was already in your trusted keys ({file}).")).format(
            fingerprint=fingerprint, file=where))
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
        state = pgettext("key", "protected") if k.protected else pgettext("key", "UNPROTECTED")
        print(_("{fingerprint}  entry {entry}  {at}  {operator}  {state}").format(
            fingerprint=k.fingerprint, entry=k.entry, at=k.at, operator=k.operator,
            state=state))
    if not found:
        print(_("No key is registered in this catalogue."))
    return ExitCode.OK


def checkpoint(args: argparse.Namespace) -> int:
    from catalog_app.cli.common import open_catalogue

    if key_file(args) is None:
        raise UsageError(_("There is no key to sign with; give --key KEYFILE (or ${env})."
                           ).format(env=KEY_ENV))
    with open_catalogue(args) as catalogue:
        made = catalogue.sign_checkpoint()
    if made is None:
        raise UsageError(_("The custody log is empty; there is nothing to sign yet."))
    if args.json:
        print_json({"entry": made.entry, "hash": made.entry_hash, "signed_at": made.signed_at,
                    "key": made.key_fingerprint})
    else:
        print(_("Checkpoint: entry {entry} ({hash}) signed at {at} by key {key}.").format(
            entry=made.entry, hash=made.entry_hash, at=made.signed_at,
            key=made.key_fingerprint))
    return ExitCode.OK
