"""Operator keys in a catalogue: register a public key (a logged entry), unlock a session key."""

from __future__ import annotations

from pathlib import Path

from catalog_app.core import keys, signing
from catalog_app.core.keys import RegisteredKey, SessionKey
from catalog_app.core.models import Actor
from catalog_app.db.checkpoints import CheckpointStore
from catalog_app.errors import UsageError
from catalog_app.i18n import _


class KeyNotRegistered(UsageError):
    """A session key would sign checkpoints in a catalogue that does not know its public key."""


def register_key(catalogue: CheckpointStore, public_pem: bytes, protected: bool,
                 actor: Actor) -> tuple[RegisteredKey, bool]:
    """Record a public key in the catalogue with a `key-registered` entry; returns the
    registration and whether it is new (a key already registered is not registered twice)."""
    public = signing.load_public(public_pem)
    fingerprint = signing.fingerprint(public)
    for known in catalogue.registered_keys():
        if known.fingerprint == fingerprint:
            return known, False
    pem = signing.public_pem(public)  # normalised: the key, not the file's extra text
    with catalogue.unit_of_work(actor) as uow:
        uow.record_event(keys.REGISTERED, {"fingerprint": fingerprint,
                                           "public_key": pem.decode("ascii"),
                                           "protected": protected,
                                           "operator": actor.operator})
    made = next(k for k in catalogue.registered_keys() if k.fingerprint == fingerprint)
    return made, True


def trust_key(public_pem: bytes, label: str, trusted_file: Path | None = None
              ) -> tuple[str, bool, Path]:
    """Add a public key to the operator's own trusted-keys file (settings.trusted_keys_file(),
    made owner-only): (its fingerprint, whether it is new there, the file). Verify on this
    machine then takes checkpoints signed with it as proof; the catalogue itself never can."""
    from catalog_app import settings
    from catalog_app.export import trust

    target = trusted_file or settings.trusted_keys_file()
    fingerprint = signing.fingerprint(signing.load_public(public_pem))
    return fingerprint, trust.add_key(target, public_pem, label), target


def private_is_protected(private_file: Path) -> bool:
    """Whether the private key file is encrypted (read from its header; no passphrase)."""
    try:
        return keys.is_protected(Path(private_file).read_bytes())
    except OSError as exc:
        raise signing.SigningError(f"The private key {private_file} cannot be read "
                                   f"({exc.strerror}); it tells whether the key is protected."
                                   ) from exc


def session_key(catalogue: CheckpointStore, key_file: Path,
                passphrase: bytes | None = None) -> SessionKey:
    """Unlock `key_file` for this session and have it sign a checkpoint at the end of every
    write; the key must be outside the catalogue and registered in it."""
    keys.refuse_inside(key_file, [catalogue.layout.root])
    key = keys.unlock(key_file, passphrase)
    if not any(k.fingerprint == key.fingerprint for k in catalogue.registered_keys()):
        raise KeyNotRegistered(_("The key {path} (fingerprint {fingerprint}…) is not "
                                 "registered in this catalogue, so its checkpoints would "
                                 "prove nothing.").format(path=key_file,
                                                          fingerprint=key.fingerprint[:16]))
    catalogue.sign_checkpoints_with(key)
    return key
