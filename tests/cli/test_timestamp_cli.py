"""`catalog-app timestamp` against a real TSA on 127.0.0.1; its tokens checked by openssl."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli_contract import assert_one_sentence, run
from tests.support.log_rewrite import rewrite_log
from tests.support.synthetic import make_jpegs

NO_TSA = {"CATALOG_APP_TSA": ""}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    make_jpegs(tmp_path / "card", 3)
    cat = tmp_path / "cat"
    assert run("import", "--json", str(tmp_path / "card"), catalogue=cat).returncode == 0
    return cat


def _head(root: Path) -> tuple[int, str]:
    found = json.loads(run("head", "--json", catalogue=root).stdout)
    return found["entry"], found["hash"]


def test_nothing_is_sent_without_a_tsa(root: Path, local_tsa) -> None:
    result = run("timestamp", catalogue=root, env=NO_TSA)
    assert result.returncode == 0, result.stderr
    assert "0 heads time-stamped, 0 queued; nothing was sent" in result.stdout
    assert local_tsa.served == 0


def test_down_then_up_then_checked_by_the_app_and_by_openssl(root: Path, local_tsa,
                                                             tsa_down_url, tmp_path) -> None:
    entries, _ = _head(root)
    down = run("timestamp", "--tsa", tsa_down_url, "--ca", str(local_tsa.ca_file),
               catalogue=root)
    assert down.returncode == 7
    assert_one_sentence(down.stderr)
    assert "could not be reached" in down.stderr and "stays queued" in down.stderr
    assert "1 queued" in run("timestamp", catalogue=root, env=NO_TSA).stdout

    up = run("timestamp", "--ca", str(local_tsa.ca_file), catalogue=root,
             env={"CATALOG_APP_TSA": local_tsa.url})  # the TSA named in the environment
    assert up.returncode == 0, up.stderr
    assert f"Entry {entries} (" in up.stdout and "time-stamped by local time-stamping" \
        in up.stdout

    check = run("timestamp", "--check", catalogue=root)
    assert check.returncode == 0, check.stdout
    assert f"1 time-stamp token verifies (history proven up to entry {entries}); 0 problems." \
        in check.stdout

    out = tmp_path / "tokens"
    assert run("timestamp", "--export", str(out), catalogue=root).returncode == 0
    # the README's commands, as an investigator without the app would type them
    done = subprocess.run(["openssl", "ts", "-verify", "-data", f"head-{entries}.txt",
                           "-in", f"token-{entries}.tsr", "-CAfile", f"tsa-ca-{entries}.pem"],
                          cwd=out, capture_output=True, text=True)
    assert "Verification: OK" in done.stdout, done.stderr
    shown = subprocess.run(["openssl", "ts", "-reply", "-in", f"token-{entries}.tsr", "-text"],
                           cwd=out, capture_output=True, text=True)
    assert "Status: Granted." in shown.stdout and "Time stamp:" in shown.stdout


def test_a_rewritten_history_fails_the_check(root: Path, local_tsa) -> None:
    stamped = run("timestamp", "--tsa", local_tsa.url, "--ca", str(local_tsa.ca_file),
                  "--json", catalogue=root)
    assert stamped.returncode == 0, stamped.stderr
    [entry] = json.loads(stamped.stdout)["stamped"]
    rewrite_log(root / "catalogue.sqlite", 2, {"note": "rewritten"})
    check = run("timestamp", "--check", "--ca", str(local_tsa.ca_file), "--json",
                catalogue=root)
    assert check.returncode == 1
    report = json.loads(check.stdout)
    assert report["anchors"] == [] and report["ok"] is False
    assert report["problems"] == [
        f"the custody log was rewritten: entry {entry['entry']} no longer has the hash "
        f"time-stamped by local time-stamping authority at {entry['gen_time']}"]


def test_bad_arguments_are_one_sentence(root: Path, tmp_path: Path) -> None:
    missing = run("timestamp", "--tsa", "http://127.0.0.1:9/", "--ca",
                  str(tmp_path / "nope.pem"), catalogue=root)
    assert missing.returncode == 2
    assert_one_sentence(missing.stderr)
    not_web = run("timestamp", "--tsa", "ftp://tsa.example/", catalogue=root)
    assert not_web.returncode == 2 and "is not an http:// or https:// address" in not_web.stderr
    assert_one_sentence(not_web.stderr)


def test_the_ca_given_to_timestamp_is_trusted_here_and_only_here(root: Path, local_tsa,
                                                                  tmp_path: Path) -> None:
    from catalog_app import settings

    stamped = run("timestamp", "--tsa", local_tsa.url, "--ca", str(local_tsa.ca_file),
                  catalogue=root)
    assert stamped.returncode == 0, stamped.stderr
    trusted = settings.trusted_tsa_file()
    assert f"was added to your trusted time-stamping authorities ({trusted})" in stamped.stdout
    assert trusted.stat().st_mode & 0o777 == 0o600
    here = run("verify", catalogue=root)
    assert here.returncode == 0 and "History proven up to entry" in here.stdout, here.stdout
    elsewhere = {"HOME": str(tmp_path / "recipient"),
                 "XDG_CONFIG_HOME": str(tmp_path / "recipient" / ".config")}
    there = run("verify", catalogue=root, env=elsewhere)  # the catalogue's own CA: no proof
    assert there.returncode == 0, there.stderr
    assert "whose CA this catalogue holds but you have not said to trust" in there.stdout
    assert "History proven" not in there.stdout
    given = run("verify", "--tsa-ca", str(local_tsa.ca_file), catalogue=root, env=elsewhere)
    assert given.returncode == 0 and "History proven up to entry" in given.stdout, given.stdout
