"""The anchors an evidence package carries: its log's signed checkpoints and time-stamp tokens."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from catalog_app.core.anchors import head_text
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import ExportError

FOLDER = "anchors"
INDEX = f"{FOLDER}/anchors.json"
INDEX_FORMAT = "catalog_app package anchors 1"


def key_name(fingerprint: str) -> str:
    """The file a signing key's public PEM is carried in (once per key)."""
    return f"{FOLDER}/key-{fingerprint[:16]}.pub"


@dataclass(slots=True)
class CarriedAnchors:
    """The files of anchors/ (name -> bytes) and how many of each kind they hold."""

    files: dict[str, bytes] = field(default_factory=dict)
    checkpoints: int = 0
    timestamps: int = 0


def collect(catalogue: CatalogueStore, head: tuple[int, str]) -> CarriedAnchors:
    """Every signed checkpoint and stored time-stamp token of the log up to `head`, as files.

    An anchor that no longer matches the log (its entry has another hash, or is gone) means
    the log was rewritten or cut since: the export is refused, as for a changed original."""
    head_id, _ = head
    hashes = {e.id: e.entry_hash for e in catalogue.custody_log()}
    carried = CarriedAnchors()
    heads: dict[int, str] = {}
    index: dict[str, list] = {"checkpoints": [], "timestamps": []}
    keys = {k.fingerprint: k.public_pem for k in catalogue.registered_keys()}

    def head_file(entry: int, entry_hash: str, what: str) -> str:
        if hashes.get(entry) != entry_hash or entry > head_id:
            raise ExportError(f"The catalogue's {what} of entry {entry} no longer matches its "
                              "custody log (rewritten or cut since); verify the catalogue "
                              "before exporting.")
        heads[entry] = entry_hash
        name = f"{FOLDER}/head-{entry}.txt"
        carried.files[name] = head_text(entry, entry_hash)
        return name

    signed: set[tuple[int, str]] = set()
    for checkpoint, _ in catalogue.checkpoints():
        if (checkpoint.entry, checkpoint.key_fingerprint) in signed:
            continue  # the same key signing the same head again: the same signature
        signed.add((checkpoint.entry, checkpoint.key_fingerprint))
        text = head_file(checkpoint.entry, checkpoint.entry_hash, "signed checkpoint")
        others = sum(1 for e, _ in signed if e == checkpoint.entry) - 1
        sig = f"{FOLDER}/head-{checkpoint.entry}" + (
            f".{checkpoint.key_fingerprint[:16]}" if others else "") + ".sig"
        carried.files[sig] = checkpoint.signature
        public = key_name(checkpoint.key_fingerprint)
        if checkpoint.key_fingerprint in keys:
            carried.files[public] = keys[checkpoint.key_fingerprint]
        index["checkpoints"].append({
            "entry": checkpoint.entry, "hash": checkpoint.entry_hash, "head": text,
            "signature": sig, "key": public, "fingerprint": checkpoint.key_fingerprint,
            "signed_at": checkpoint.signed_at})
    for row in catalogue.timestamps():
        if row.token is None:
            continue
        text = head_file(row.entry_id, row.entry_hash, "time-stamp token")
        token, ca = f"{FOLDER}/token-{row.entry_id}.tsr", f"{FOLDER}/tsa-ca-{row.entry_id}.pem"
        carried.files[token] = row.token
        carried.files[ca] = row.ca_pem or b""
        index["timestamps"].append({
            "entry": row.entry_id, "hash": row.entry_hash, "head": text, "token": token,
            "ca": ca, "tsa": row.tsa_name, "gen_time": row.gen_time})
    carried.checkpoints, carried.timestamps = (len(index["checkpoints"]),
                                               len(index["timestamps"]))
    if carried.files:
        carried.files[INDEX] = json.dumps({"format": INDEX_FORMAT, **index}, indent=1,
                                          ensure_ascii=False).encode("utf-8") + b"\n"
    return carried
