"""Trusted time-stamps of the custody head: send queued heads to an RFC 3161 authority, check
the tokens stored (offline), and write them out for `openssl ts -verify`."""

from __future__ import annotations

import contextlib
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from catalog_app.core import tsa
from catalog_app.core.anchors import Anchor, AnchorFindings, head_text
from catalog_app.core.models import Actor
from catalog_app.core.tsa import StoredTimestamp, TimestampError, TsaBadReply, TsaUnreachable
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import ExportError, UsageError

TIMEOUT_S = 30.0
MAX_REPLY = 1 << 20  # a time-stamp reply is a few kilobytes; more is not one

Post = Callable[[str, bytes], bytes]


@dataclass(frozen=True, slots=True)
class Stamped:
    entry: int
    entry_hash: str
    gen_time: str
    tsa_name: str


@dataclass(slots=True)
class StampRun:
    """What one `timestamp` run did: heads stamped, heads still queued, and why it stopped."""

    stamped: list[Stamped] = field(default_factory=list)
    still_queued: int = 0
    error: TimestampError | None = None


def queue(catalogue: CatalogueStore, entries: int, entry_hash: str) -> bool:
    """Queue one head for a token (no network); the checkpoint writer calls the db form,
    `catalog_app.db.timestamps.queue(conn, entries, entry_hash)`, inside its transaction."""
    return catalogue.queue_timestamp(entries, entry_hash)


def post_query(url: str, query: bytes) -> bytes:
    """POST a DER time-stamp query over HTTP(S) (RFC 3161 section 3.4); TsaUnreachable when the
    authority cannot be reached or does not answer with a reply."""
    request = urllib.request.Request(url, data=query, method="POST", headers={
        "Content-Type": tsa.QUERY_TYPE, "Accept": tsa.REPLY_TYPE})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            reply = response.read(MAX_REPLY + 1)
    except urllib.error.HTTPError as exc:
        raise TsaUnreachable(f"The time-stamping authority at {url} refused the query (HTTP "
                             f"{exc.code} {exc.reason}); the head stays queued.") from exc
    except urllib.error.URLError as exc:
        reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
        raise TsaUnreachable(f"The time-stamping authority at {url} could not be reached "
                             f"({reason}); the head stays queued for the next run.") from exc
    except OSError as exc:  # a timeout, a connection reset mid-reply
        raise TsaUnreachable(f"The time-stamping authority at {url} could not be reached "
                             f"({exc.strerror or type(exc).__name__}); the head stays queued "
                             "for the next run.") from exc
    if len(reply) > MAX_REPLY:
        raise TsaBadReply(f"The time-stamping authority at {url} sent more than a time-stamp "
                          "reply can hold; the head stays queued.")
    return reply


def stamp_heads(catalogue: CatalogueStore, tsa_url: str, ca_pem: bytes | None, actor: Actor,
                post: Post = post_query) -> StampRun:
    """Queue the current head if it has no token, then send every queued head to `tsa_url`;
    each reply is checked (granted, imprint, nonce, signature chaining to `ca_pem`, else the
    system's trusted CAs) and stored with a `timestamped` log entry. The first failure stops
    the run: what was stamped stays, the rest stays queued (`StampRun.error`)."""
    _check_url(tsa_url)
    roots = _roots(ca_pem)
    entries, entry_hash = catalogue.custody_head()
    catalogue.queue_timestamp(entries, entry_hash)  # nothing if queued or stamped already
    run = StampRun()
    pending = catalogue.timestamps(queued_only=True)
    for index, row in enumerate(pending):
        message = head_text(row.entry_id, row.entry_hash)
        query = tsa.build_query(message)
        try:
            reply = post(tsa_url, query.as_bytes())
            stamp = tsa.check_reply(reply, query, message, roots, tsa_url)
        except TimestampError as exc:
            run.error, run.still_queued = exc, len(pending) - index
            return run
        kept = ca_pem if ca_pem is not None else tsa.pem_of(tsa.roots_for(reply, roots))
        if catalogue.store_timestamp(row.id, reply, tsa_url, stamp, kept, actor):
            run.stamped.append(Stamped(row.entry_id, row.entry_hash, stamp.gen_time,
                                       stamp.tsa_name))
    return run


def check_timestamps(catalogue: CatalogueStore, ca_certs: bytes | None = None,
                     trusted: list | None = None) -> AnchorFindings:
    """Every stored token checked offline: its signature chains to `ca_certs` (PEM; default:
    the CA stored with it), it covers head_text of its entry, and the log's entry at that id
    still has that hash. Tokens the log says were stored must still be there, unchanged.

    With `trusted` (the CA certificates the person checking trusts: trusted_roots()), a
    token is an anchor only when it chains to one of them: the CA stored beside it is the
    catalogue's word, and whoever holds the files can store a CA of their own. A token valid
    only by its stored CA is a note, not an anchor."""
    findings = AnchorFindings()
    given = _certificates(ca_certs, "given") if ca_certs is not None else None
    rows = [row for row in catalogue.timestamps() if row.token is not None]
    untrusted: dict[str, int] = {}
    for row in rows:
        problem = _token_problem(row, given)
        if isinstance(problem, str):
            findings.problems.append(problem)
        elif trusted is not None and given is None and \
                isinstance(_token_problem(row, trusted), str):
            untrusted[problem.by] = max(problem.entry, untrusted.get(problem.by, 0))
        else:
            findings.anchors.append(problem)
    for name, top in sorted(untrusted.items(), key=lambda item: item[1]):
        findings.notes.append(
            f"Time-stamped up to entry {top} by {name}, whose CA this catalogue holds but you "
            "have not said to trust: that proves nothing, since whoever holds the files can "
            "store a CA of their own (give the authority's CA with --tsa-ca FILE).")
    findings.problems += _log_problems(catalogue, rows)
    return findings


def trusted_roots(ca_files: Sequence[Path] = ()) -> list:
    """The time-stamping CAs the person checking trusts: the files given (--tsa-ca), the
    operator's own trusted-TSA file (settings.trusted_tsa_file(): `timestamp --ca` adds to
    it), and the system's trusted CAs. Never the CA a catalogue stores."""
    from catalog_app import settings

    found: list = []
    default = settings.trusted_tsa_file()
    for path, whose in [*((Path(f), "given") for f in ca_files),
                        *(((default, "trusted"),) if default.is_file() else ())]:
        try:
            found += _certificates(path.read_bytes(), whose)
        except OSError as exc:
            raise UsageError(f"The CA certificate file {path} cannot be read "
                             f"({exc.strerror}).") from exc
    cafile = ssl.get_default_verify_paths().cafile
    if cafile and Path(cafile).is_file():
        with contextlib.suppress(OSError, ValueError):  # no usable system list: the given
            found += tsa.load_certificates(Path(cafile).read_bytes())
    return found


def trust_ca(ca_pem: bytes, label: str) -> Path | None:
    """Add a CA the user gave (`timestamp --ca`) to their own trusted-TSA file; the file, or
    None when it was there already."""
    from catalog_app import settings
    from catalog_app.export import trust

    target = settings.trusted_tsa_file()
    return target if trust.add_ca(target, ca_pem, label) else None


def export_tokens(catalogue: CatalogueStore, folder: Path) -> list[Path]:
    """Write, for every stored token, head-N.txt (the bytes it covers), token-N.tsr and
    tsa-ca-N.pem, so that `openssl ts -verify -data head-N.txt -in token-N.tsr -CAfile
    tsa-ca-N.pem` checks it without the app."""
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for row in catalogue.timestamps():
            if row.token is None:
                continue
            files = {f"head-{row.entry_id}.txt": head_text(row.entry_id, row.entry_hash),
                     f"token-{row.entry_id}.tsr": row.token,
                     f"tsa-ca-{row.entry_id}.pem": row.ca_pem or b""}
            for name, data in files.items():
                (folder / name).write_bytes(data)
                written.append(folder / name)
    except OSError as exc:
        raise ExportError(f"The time-stamp tokens cannot be written to {folder} "
                          f"({exc.strerror}).") from exc
    return written


def _token_problem(row: StoredTimestamp, given: list | None) -> Anchor | str:
    """The anchor a stored token proves, or the sentence saying why it proves nothing."""
    assert row.token is not None
    said = f"by {row.tsa_name or 'an unnamed authority'} at {row.gen_time}"
    try:
        if not isinstance(row.entry_hash, str):
            raise tsa.TokenInvalid("its row is not one the app writes (no head hash)")
        roots = given if given is not None else (
            _certificates(row.ca_pem, "stored") if row.ca_pem else [])
        stamp = tsa.check_token(row.token, head_text(row.entry_id, row.entry_hash), roots)
    except (tsa.TokenInvalid, UsageError, ValueError, TypeError) as exc:
        return (f"the time-stamp token of entry {row.entry_id} ({said}) does not prove it: "
                f"{exc}")
    said = f"by {stamp.tsa_name} at {stamp.gen_time}"
    if row.current_hash is None:
        return (f"the custody log was cut: entry {row.entry_id}, time-stamped {said}, is no "
                "longer in the log")
    if row.current_hash != row.entry_hash:
        return (f"the custody log was rewritten: entry {row.entry_id} no longer has the hash "
                f"time-stamped {said}")
    return Anchor(row.entry_id, row.entry_hash, "timestamp", stamp.gen_time, stamp.tsa_name)


def _log_problems(catalogue: CatalogueStore, rows: list[StoredTimestamp]) -> list[str]:
    """A token the log recorded that is gone from the catalogue, or is not the one stored."""
    import hashlib

    stored: dict[tuple[object, object], StoredTimestamp] = {
        (r.entry_id, r.entry_hash): r for r in rows}
    problems = []
    for log_id, details in catalogue.logged_timestamps():
        row = stored.get((details.get("entry"), details.get("hash")))
        if row is None:
            problems.append(f"the time-stamp token of entry {details.get('entry')} recorded "
                            f"in log entry {log_id} is missing from the catalogue")
        elif row.token is not None and \
                hashlib.sha256(row.token).hexdigest() != details.get("token_sha256"):
            problems.append(f"the time-stamp token of entry {row.entry_id} is not the one "
                            f"log entry {log_id} recorded (it was replaced)")
    return problems


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{url!r} is not an http:// or https:// address of a time-stamping "
                         "authority.")


def _roots(ca_pem: bytes | None) -> list:
    """The CA certificates a reply must chain to: the ones given, else the system's."""
    if ca_pem is not None:
        return _certificates(ca_pem, "given")
    cafile = ssl.get_default_verify_paths().cafile
    if not cafile or not Path(cafile).is_file():
        raise TsaBadReply("No CA certificate was given for the time-stamping authority and "
                          "this system has no list of trusted CAs; nothing was sent.")
    return _certificates(Path(cafile).read_bytes(), "system")


def _certificates(pem: bytes, whose: str) -> list:
    try:
        return tsa.load_certificates(pem)
    except ValueError as exc:
        raise UsageError(f"The {whose} CA certificate file holds no PEM certificate.") from exc
