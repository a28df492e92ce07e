"""RFC 3161 time-stamps of the custody head against a real TSA on 127.0.0.1 (openssl ts)."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from catalog_app.core import tsa
from catalog_app.core.anchors import head_text
from catalog_app.db import timestamps as db_timestamps
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from catalog_app.services.timestamps import check_timestamps, export_tokens, stamp_heads
from tests.conftest import ACTOR
from tests.support.log_rewrite import rewrite_log
from tests.support.synthetic import make_jpegs

if TYPE_CHECKING:
    from tests.support.local_tsa import LocalTsa


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    make_jpegs(tmp_path / "card", 4)
    with Catalogue.open(tmp_path / "cat", create=True) as opened:
        list(ImportJob(opened, [str(tmp_path / "card")], ACTOR, workers=0).run())
        opened.set_caption(1, "Shelling of the market, seen from the north", ACTOR)
        yield opened


def _stamp(catalogue: Catalogue, authority: LocalTsa) -> int:
    run = stamp_heads(catalogue, authority.url, authority.ca_pem, ACTOR)
    assert run.error is None and len(run.stamped) == 1
    return run.stamped[0].entry




def _set_token(db: Path, entry: int, token: bytes) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER timestamps_token_once")
    conn.execute("UPDATE timestamps SET token = ? WHERE entry_id = ?", (token, entry))
    conn.commit()
    conn.close()


def test_the_head_is_stamped_logged_and_verifies(catalogue: Catalogue, local_tsa) -> None:
    entries, head = catalogue.custody_head()
    stamped = _stamp(catalogue, local_tsa)
    assert stamped == entries
    [row] = catalogue.timestamps()
    assert (row.entry_id, row.entry_hash, row.queued, row.tsa_url) == (
        entries, head, False, local_tsa.url)
    assert row.ca_pem == local_tsa.ca_pem and row.tsa_name == "local time-stamping authority"
    last = catalogue.custody_log()[-1]
    assert last.action == "timestamped" and last.details["entry"] == entries
    assert last.details["hash"] == head and last.details["gen_time"] == row.gen_time
    findings = check_timestamps(catalogue)  # offline: the CA stored with the token
    assert findings.problems == []
    [anchor] = findings.anchors
    assert (anchor.entry, anchor.entry_hash, anchor.kind, anchor.when) == (
        entries, head, "timestamp", row.gen_time)
    assert check_timestamps(catalogue, local_tsa.ca_pem).problems == []
    # the next run stamps the new head (the `timestamped` entry), not the old one again
    assert _stamp(catalogue, local_tsa) == entries + 1
    assert local_tsa.served == 2


def test_a_consistent_rewrite_of_history_is_found_against_the_token(catalogue: Catalogue,
                                                                   local_tsa) -> None:
    entries = _stamp(catalogue, local_tsa)
    gen_time = catalogue.timestamps()[0].gen_time
    rewrite_log(catalogue.layout.db_path, 3, {"note": "rewritten"})
    assert catalogue.custody_chain_problems() == []  # the chain alone cannot tell
    findings = check_timestamps(catalogue)
    assert findings.anchors == []
    assert findings.problems == [
        f"the custody log was rewritten: entry {entries} no longer has the hash time-stamped "
        f"by local time-stamping authority at {gen_time}"]


def test_a_cut_tail_is_found_against_the_token(catalogue: Catalogue, local_tsa) -> None:
    entries = _stamp(catalogue, local_tsa)
    with sqlite3.connect(catalogue.layout.db_path) as conn:
        conn.execute("DROP TRIGGER custody_log_no_delete")
        conn.execute("DELETE FROM custody_log WHERE id >= ?", (entries - 1,))
    problems = check_timestamps(catalogue).problems
    assert any(p.startswith(f"the custody log was cut: entry {entries}, time-stamped by local")
               for p in problems), problems


def test_a_token_from_another_tsa_is_a_problem(catalogue: Catalogue, local_tsa,
                                               other_tsa) -> None:
    entries = _stamp(catalogue, other_tsa)
    assert check_timestamps(catalogue).problems == []  # against the CA stored with it
    [problem] = check_timestamps(catalogue, local_tsa.ca_pem).problems  # the CA one trusts
    assert problem.startswith(f"the time-stamp token of entry {entries} (by other "
                              "time-stamping authority at ")
    assert problem.endswith("does not prove it: its signing certificate does not chain to the"
                            " trusted CA certificates (unable to get local issuer "
                            "certificate)")


def test_a_token_swapped_for_another_tsas_is_a_problem(catalogue: Catalogue, local_tsa,
                                                       other_tsa) -> None:
    entries = _stamp(catalogue, local_tsa)
    row = catalogue.timestamps()[0]
    forged = other_tsa.reply(tsa.build_query(head_text(entries, row.entry_hash)).as_bytes())
    _set_token(catalogue.layout.db_path, entries, forged)
    problems = check_timestamps(catalogue).problems
    assert len(problems) == 2, problems
    assert "does not prove it: its signing certificate does not chain" in problems[0]
    assert problems[1].startswith(f"the time-stamp token of entry {entries} is not the one log "
                                  "entry")


def test_a_tampered_token_is_a_problem(catalogue: Catalogue, local_tsa) -> None:
    entries = _stamp(catalogue, local_tsa)
    token = bytearray(catalogue.timestamps()[0].token or b"")
    token[-3] ^= 0x01  # inside the signature value
    _set_token(catalogue.layout.db_path, entries, bytes(token))
    findings = check_timestamps(catalogue)
    assert findings.anchors == []
    assert findings.problems[0].startswith(f"the time-stamp token of entry {entries} (by local "
                                           "time-stamping authority at ")
    assert findings.problems[0].endswith("does not prove it: its signature does not match its "
                                         "contents (it was altered after signing)")
    assert "was replaced" in findings.problems[1]


def test_a_row_rewritten_with_the_log_no_longer_matches_its_token(catalogue: Catalogue,
                                                                  local_tsa) -> None:
    entries = _stamp(catalogue, local_tsa)
    rewrite_log(catalogue.layout.db_path, 2, {"note": "rewritten"})
    with sqlite3.connect(catalogue.layout.db_path) as conn:  # the rewriter updates the row too
        conn.execute("DROP TRIGGER timestamps_token_once")
        conn.execute("UPDATE timestamps SET entry_hash = (SELECT entry_hash FROM custody_log"
                     " WHERE id = ?)", (entries,))
    problems = check_timestamps(catalogue).problems
    assert any("time-stamps other data than this head" in p for p in problems), problems


def test_a_tsa_that_is_down_leaves_the_head_queued_until_it_is_up(catalogue: Catalogue,
                                                                   local_tsa,
                                                                   tsa_down_url) -> None:
    entries_before = len(catalogue.custody_log())
    run = stamp_heads(catalogue, tsa_down_url, local_tsa.ca_pem, ACTOR)
    assert run.stamped == [] and run.still_queued == 1
    assert isinstance(run.error, tsa.TsaUnreachable)
    message = str(run.error)
    assert "could not be reached" in message and "stays queued" in message
    assert message.endswith(".") and "\n" not in message
    assert int(run.error.exit_code) == 7
    [row] = catalogue.timestamps()
    assert row.queued and row.entry_id == entries_before
    assert len(catalogue.custody_log()) == entries_before  # queuing logs nothing
    catalogue.set_caption(2, "A second caption, written while offline", ACTOR)
    run = stamp_heads(catalogue, local_tsa.url, local_tsa.ca_pem, ACTOR)
    assert run.error is None
    assert [s.entry for s in run.stamped] == [entries_before, entries_before + 1]
    assert catalogue.timestamps(queued_only=True) == []
    assert len(check_timestamps(catalogue).anchors) == 2


@pytest.mark.parametrize(("mode", "error", "words"), [
    ("http-error", tsa.TsaUnreachable, "refused the query (HTTP 503"),
    ("garbage", tsa.TsaBadReply, "is not an RFC 3161 time-stamp response"),
    ("reject", tsa.TsaBadReply, "refused the query (Message digest algorithm is not supported);"),
])
def test_a_bad_answer_leaves_the_head_queued(catalogue: Catalogue, local_tsa, mode: str,
                                             error: type, words: str) -> None:
    local_tsa.mode = mode
    run = stamp_heads(catalogue, local_tsa.url, local_tsa.ca_pem, ACTOR)
    assert isinstance(run.error, error) and words in str(run.error)
    assert [r.queued for r in catalogue.timestamps()] == [True]
    assert catalogue.custody_log()[-1].action != "timestamped"


def test_a_reply_to_another_query_is_refused(catalogue: Catalogue, local_tsa) -> None:
    """A replayed reply covers the same head but carries another query's nonce."""
    entries, head = catalogue.custody_head()
    replayed = local_tsa.reply(tsa.build_query(head_text(entries, head)).as_bytes())
    run = stamp_heads(catalogue, local_tsa.url, local_tsa.ca_pem, ACTOR,
                      post=lambda _url, _query: replayed)
    assert isinstance(run.error, tsa.TsaBadReply) and "nonce" in str(run.error)
    assert catalogue.timestamps()[0].queued


def test_a_reply_not_chaining_to_the_ca_given_is_refused(catalogue: Catalogue, local_tsa,
                                                         other_tsa) -> None:
    run = stamp_heads(catalogue, other_tsa.url, local_tsa.ca_pem, ACTOR)
    assert isinstance(run.error, tsa.TsaBadReply) and "does not chain" in str(run.error)
    assert catalogue.timestamps()[0].queued


def test_the_checkpoint_writer_queues_inside_its_own_transaction(catalogue: Catalogue) -> None:
    entries, head = catalogue.custody_head()
    with catalogue.unit_of_work(ACTOR) as uow:
        uow.record_event("test-event", {})
        assert db_timestamps.queue(uow.connection, entries + 1, "ab" * 32)
        assert not db_timestamps.queue(uow.connection, entries + 1, "ab" * 32)  # once only
    assert db_timestamps.queue(catalogue, entries, head)
    assert [(r.entry_id, r.queued) for r in catalogue.timestamps()] == [
        (entries + 1, True), (entries, True)]
    assert len(catalogue.custody_log()) == entries + 1  # the event only


def test_tokens_cannot_be_deleted_or_changed_through_sql(catalogue: Catalogue,
                                                         local_tsa) -> None:
    _stamp(catalogue, local_tsa)
    with sqlite3.connect(catalogue.layout.db_path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            conn.execute("DELETE FROM timestamps")
        with pytest.raises(sqlite3.IntegrityError, match="never changed"):
            conn.execute("UPDATE timestamps SET token = x'00'")


def test_openssl_verifies_an_exported_token(catalogue: Catalogue, local_tsa,
                                            tmp_path: Path) -> None:
    entries = _stamp(catalogue, local_tsa)
    out = tmp_path / "tokens"
    written = export_tokens(catalogue, out)
    assert {p.name for p in written} == {f"head-{entries}.txt", f"token-{entries}.tsr",
                                         f"tsa-ca-{entries}.pem"}
    assert (out / f"head-{entries}.txt").read_bytes() == head_text(
        entries, catalogue.timestamps()[0].entry_hash)
    done = subprocess.run(["openssl", "ts", "-verify", "-data", str(out / f"head-{entries}.txt"),
                           "-in", str(out / f"token-{entries}.tsr"),
                           "-CAfile", str(out / f"tsa-ca-{entries}.pem")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "Verification: OK" in done.stdout, done.stderr
    other = out / "other.txt"
    other.write_bytes(head_text(entries, "0" * 64))
    refused = subprocess.run(["openssl", "ts", "-verify", "-data", str(other), "-in",
                              str(out / f"token-{entries}.tsr"), "-CAfile",
                              str(out / f"tsa-ca-{entries}.pem")], capture_output=True, text=True)
    assert refused.returncode != 0 and "Verification: FAILED" in refused.stdout


def test_without_a_ca_the_reply_must_chain_to_the_systems_trusted_cas(catalogue: Catalogue,
                                                                      local_tsa) -> None:
    """The test CA is in no system's list: with no CA given, its reply is not taken."""
    run = stamp_heads(catalogue, local_tsa.url, None, ACTOR)
    assert isinstance(run.error, tsa.TsaBadReply) and "does not chain" in str(run.error)
    assert local_tsa.served == 1 and catalogue.timestamps()[0].queued


def test_a_run_cut_short_keeps_what_it_stamped(catalogue: Catalogue, local_tsa) -> None:
    from catalog_app.services.timestamps import post_query

    first, first_hash = catalogue.custody_head()
    catalogue.queue_timestamp(first, first_hash)
    catalogue.set_caption(2, "Written after the first head was queued", ACTOR)
    calls: list[str] = []

    def once_then_down(url: str, query: bytes) -> bytes:
        calls.append(url)
        if len(calls) > 1:
            raise tsa.TsaUnreachable("The time-stamping authority went away; the head stays "
                                     "queued.")
        return post_query(url, query)

    run = stamp_heads(catalogue, local_tsa.url, local_tsa.ca_pem, ACTOR, post=once_then_down)
    assert [s.entry for s in run.stamped] == [first] and run.still_queued == 1
    assert isinstance(run.error, tsa.TsaUnreachable)
    assert [(r.entry_id, r.queued) for r in catalogue.timestamps()] == [
        (first, False), (first + 1, True)]
    assert [a.entry for a in check_timestamps(catalogue).anchors] == [first]


def test_with_no_ca_given_the_systems_list_is_used_and_only_the_issuer_kept(
        catalogue: Catalogue, local_tsa, other_tsa, tmp_path: Path, monkeypatch) -> None:
    import ssl
    from types import SimpleNamespace

    system_list = tmp_path / "ca-certificates.crt"  # a system's CA list holding the test CA
    system_list.write_bytes(other_tsa.ca_pem + local_tsa.ca_pem)
    monkeypatch.setattr(ssl, "get_default_verify_paths",
                        lambda: SimpleNamespace(cafile=str(system_list)))
    run = stamp_heads(catalogue, local_tsa.url, None, ACTOR)
    assert run.error is None and len(run.stamped) == 1
    assert catalogue.timestamps()[0].ca_pem == local_tsa.ca_pem  # the issuer, not the list
    assert check_timestamps(catalogue).problems == []
