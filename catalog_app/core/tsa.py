"""RFC 3161 time-stamps of a custody head (rfc3161-client): build the query, check a reply.

rfc3161-client and cryptography are imported by the functions that use them: the values here
are read by every catalogue (db/interface.py), and opening one need not load either library.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from catalog_app.errors import AppError, ExitCode
from catalog_app.i18n import N_, _

if TYPE_CHECKING:
    import rfc3161_client as rfc3161
    from cryptography import x509

QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"


class TimestampError(AppError):
    """A head could not be time-stamped (it stays queued); one sentence for a person, in the
    current language. `english` is the same sentence in English, for JSON (the same in every
    language): refused() makes both from one template."""

    exit_code = ExitCode.TIMESTAMP

    def __init__(self, message: str, english: str | None = None) -> None:
        super().__init__(message)
        self.english = message if english is None else english

    @classmethod
    def refused(cls, template: str, **values: object) -> TimestampError:
        """The error for `template` (marked with N_) with `values` filled in: its message in
        the current language, `english` in English."""
        return cls(_(template).format(**values), template.format(**values))


class TsaUnreachable(TimestampError):
    """The time-stamping authority could not be reached, or refused the query."""


class TsaBadReply(TimestampError):
    """The authority answered, but its reply does not prove the head it was asked to."""


class TokenInvalid(ValueError):
    """A stored token does not verify; the message is the reason (verify words the sentence)."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a verified token says: when (the TSA's genTime), by whom, its serial."""

    gen_time: str      # ISO 8601 UTC with a Z
    tsa_name: str      # the signing certificate's common name (or its whole subject)
    serial: int
    nonce: int | None


@dataclass(frozen=True, slots=True)
class StoredTimestamp:
    """One row of the timestamps table: a head queued for a token, or with its token."""

    id: int
    entry_id: int          # the head: the last entry's id (= the number of entries)
    entry_hash: str
    requested_at: str
    tsa_url: str | None
    token: bytes | None    # the DER TimeStampResp as the TSA sent it; None while queued
    gen_time: str | None
    tsa_name: str | None
    ca_pem: bytes | None   # the CA certificate(s) the token was checked against when stored
    current_hash: str | None  # the custody log's hash at entry_id today (None: no such entry)

    @property
    def queued(self) -> bool:
        return self.token is None


def build_query(message: bytes) -> rfc3161.TimeStampRequest:
    """A time-stamp query for `message` (its SHA-256), with a nonce, asking for the TSA's
    certificate in the reply."""
    import rfc3161_client as rfc3161

    return (rfc3161.TimestampRequestBuilder().data(message)
            .hash_algorithm(rfc3161.HashAlgorithm.SHA256).nonce(nonce=True)
            .cert_request(cert_request=True).build())


def load_certificates(pem: bytes) -> list[x509.Certificate]:
    """Every certificate in a PEM file's bytes; ValueError when there is none. (A system's CA
    list may hold old certificates cryptography warns about; they are read all the same.)"""
    import warnings

    from cryptography import x509

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return x509.load_pem_x509_certificates(pem)


def check_reply(reply: bytes, query: rfc3161.TimeStampRequest, message: bytes,
                roots: list[x509.Certificate], tsa: str) -> Stamp:
    """Check a TSA's reply to `query`: granted, its imprint the SHA-256 of `message`, the
    query's nonce, and its signature chaining to one of `roots`; TsaBadReply otherwise."""
    import rfc3161_client as rfc3161

    try:
        response = rfc3161.decode_timestamp_response(reply)
    except ValueError as exc:
        raise TsaBadReply.refused(N_("The time-stamping authority at {tsa} sent a reply that is "
                                     "not an RFC 3161 time-stamp response ({why}); the head "
                                     "stays queued."), tsa=tsa, why=_short(exc)) from exc
    if response.status != rfc3161.PKIStatus.GRANTED:  # rfc3161-client verifies no other
        why = "; ".join(t.rstrip(".") for t in response.status_string) or \
            f"status {response.status}"
        raise TsaBadReply.refused(N_("The time-stamping authority at {tsa} refused the query "
                                     "({why}); the head stays queued."), tsa=tsa, why=why)
    try:
        return _verified(response, message, roots, query.nonce)
    except TokenInvalid as exc:
        raise TsaBadReply.refused(N_("The time-stamping authority at {tsa} sent a token that "
                                     "does not check ({why}); the head stays queued."),
                                  tsa=tsa, why=exc) from exc


def check_token(token: bytes, message: bytes, roots: list[x509.Certificate]) -> Stamp:
    """Check a stored token covers `message` and is signed by a TSA certificate chaining to
    one of `roots`; TokenInvalid (with the reason) otherwise."""
    import rfc3161_client as rfc3161

    try:
        response = rfc3161.decode_timestamp_response(token)
    except ValueError as exc:
        raise TokenInvalid(f"it cannot be read as a time-stamp response: {_short(exc)}") from exc
    return _verified(response, message, roots, None)


def roots_for(token: bytes, candidates: list[x509.Certificate]) -> list[x509.Certificate]:
    """Of `candidates` (a system's trusted CAs, say), the ones the token's signer chains up to
    (through intermediates the token carries): what is stored beside the token so it can be
    checked again offline."""
    import rfc3161_client as rfc3161
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    try:
        response = rfc3161.decode_timestamp_response(token)
    except ValueError:
        return []
    carried = [x509.load_der_x509_certificate(der) for der in response.signed_data.certificates]
    current = _signer(response)
    seen: set[bytes] = set()
    while current is not None and current.fingerprint(hashes.SHA256()) not in seen:
        seen.add(current.fingerprint(hashes.SHA256()))
        issued = [c for c in candidates if c.subject == current.issuer]
        if issued:
            return issued
        current = next((c for c in carried if c.subject == current.issuer), None)
    return []


def pem_of(certificates: list[x509.Certificate]) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


def _verified(response: rfc3161.TimeStampResponse, message: bytes,
              roots: list[x509.Certificate], nonce: int | None) -> Stamp:
    import rfc3161_client as rfc3161

    imprint = response.tst_info.message_imprint.message
    if imprint != hashlib.sha256(message).digest():
        raise TokenInvalid("it time-stamps other data than this head (its message imprint "
                           "differs)")
    if nonce is not None and response.tst_info.nonce != nonce:
        raise TokenInvalid("its nonce is not the one sent, so it answers another query")
    if not roots:
        raise TokenInvalid("no CA certificate was given to check its signature against")
    builder = rfc3161.VerifierBuilder()
    for root in roots:
        builder = builder.add_root_certificate(root)
    try:
        builder.build().verify_message(response, message)
    except (rfc3161.VerificationError, ValueError) as exc:
        raise TokenInvalid(_why(exc)) from exc
    signer = _signer(response)
    return Stamp(gen_time=_iso(response.tst_info.gen_time),
                 tsa_name=_name(signer) if signer else "an unnamed authority",
                 serial=response.tst_info.serial_number, nonce=response.tst_info.nonce)


def _signer(response: rfc3161.TimeStampResponse) -> x509.Certificate | None:
    from cryptography import x509

    infos = list(response.signed_data.signer_infos)
    for der in response.signed_data.certificates:
        cert = x509.load_der_x509_certificate(der)
        if infos and cert.issuer == infos[0].issuer and \
                cert.serial_number == infos[0].serial_number:
            return cert
    return None


def _name(cert: x509.Certificate) -> str:
    from cryptography.x509.oid import NameOID

    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else cert.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def _iso(when: datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _why(exc: Exception) -> str:
    """What a failed signature check means, in words (OpenSSL's error stack read for them)."""
    text = str(exc)
    chain = re.search(r'data: "Verify error: ([^"]+)"', text)
    if chain:
        return (f"its signing certificate does not chain to the trusted CA certificates "
                f"({chain.group(1)})")
    if 'reason: "signature failure"' in text:
        return "its signature does not match its contents (it was altered after signing)"
    return f"it does not verify ({_short(exc).rstrip('.')})"


def _short(exc: Exception) -> str:
    """The first line of a library's message, cut to a readable length."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "…"
