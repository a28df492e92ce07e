"""How the command line is put together: one error path, one dispatch, lazy command modules,
one progress renderer."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys

import pytest

from catalog_app import cli
from catalog_app.cli import common, progress
from catalog_app.core.clock import BadOffset
from catalog_app.core.labels import camera_label
from catalog_app.core.models import Camera
from catalog_app.core.progress import Progress
from catalog_app.core.signing import SigningError
from catalog_app.errors import (
    AppError,
    CatalogueBusy,
    CatalogueMissing,
    ExitCode,
    ExportError,
    IncidentNotFound,
    PhotoNotFound,
)

HEAVY = ("jinja2", "cryptography", "numpy", "scipy", "PIL", "timezonefinder", "PySide6")


class OddOutputError(AppError):
    """An error type the command line has never heard of: its exit code still comes through."""

    exit_code = ExitCode.OUTPUT


def _fail_with(monkeypatch, exc: BaseException) -> None:
    def handler(args):
        raise exc

    monkeypatch.setattr("catalog_app.cli.photos.photos", handler)


@pytest.mark.parametrize(("error", "status"), [
    (PhotoNotFound(7), 2),
    (IncidentNotFound(3), 2),
    (BadOffset("'x' is not an offset."), 2),
    (SigningError("The key cannot be read."), 2),
    (CatalogueBusy("The catalogue is busy."), 3),
    (ExportError("The folder is not empty."), 6),
    (OddOutputError("Nothing could be written."), 6),
])
def test_every_app_error_is_one_sentence_and_its_exit_code(monkeypatch, capsys, tmp_path,
                                                           error, status) -> None:
    _fail_with(monkeypatch, error)
    assert cli.main(["--catalogue", str(tmp_path), "photos"]) == status
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"catalog-app: {error}\n"


def test_an_unexpected_error_is_exit_4_without_a_traceback(monkeypatch, capsys) -> None:
    monkeypatch.delenv("CATALOG_APP_DEBUG", raising=False)
    _fail_with(monkeypatch, RuntimeError("boom"))
    assert cli.main(["photos"]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "RuntimeError: boom" in err and "please report it" in err


def test_ctrl_c_is_exit_130_with_one_sentence(monkeypatch, capsys) -> None:
    _fail_with(monkeypatch, KeyboardInterrupt())
    assert cli.main(["photos"]) == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("catalog-app: Interrupted;")


def test_the_library_message_is_neutral_and_the_cli_adds_its_hint(tmp_path) -> None:
    from catalog_app.db.catalogue import Catalogue

    with pytest.raises(CatalogueMissing) as caught:
        Catalogue.open(tmp_path / "nowhere")
    assert "--" not in str(caught.value)  # the library names no face's controls
    shown = common.sentence(caught.value)
    assert shown.startswith(f"There is no catalogue at {tmp_path / 'nowhere'}; ")
    assert shown.endswith("choose another with --catalogue.")
    assert shown.count(".") == str(caught.value).count(".")  # still one sentence


def _run_python(code: str) -> list[str]:
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    return json.loads(found.stdout.splitlines()[-1])


def _loaded_after(argv: list[str]) -> str:
    return (
        "import contextlib, io, json, sys\n"
        "from catalog_app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_import_nothing_heavy(argv) -> None:
    loaded = _run_python(_loaded_after(argv))
    assert "catalog_app.cli" in loaded  # the probe did run the command line
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []
    assert [m for m in loaded if m.startswith("catalog_app.cli.")] == [
        "catalog_app.cli.common"]


def test_a_command_imports_only_its_own_module() -> None:
    loaded = _run_python(_loaded_after(["photos", "--help"]))
    commands = {m for m in loaded if m.startswith("catalog_app.cli.")}
    assert commands == {"catalog_app.cli.common", "catalog_app.cli.photos",
                        "catalog_app.cli.progress", "catalog_app.cli.terminal"}
    assert [m for m in loaded if m.split(".")[0] in ("jinja2", "cryptography", "PySide6")] == []


def test_every_command_has_a_module_that_fills_it_in_and_sets_its_handler() -> None:
    modules = {module for module, _ in cli.COMMANDS.values()}
    declared = set()
    for module_name in modules:
        module = importlib.import_module(f"catalog_app.cli.{module_name}")
        declared |= {(name, module_name) for name in module.COMMANDS}
    assert declared == {(name, module) for name, (module, _) in cli.COMMANDS.items()}
    for name in cli.COMMANDS:
        sub = cli.build_parser(name)._subparsers._group_actions[0].choices[name]
        assert callable(sub.get_default("handler")), name


@pytest.mark.parametrize(("argv", "command"), [
    (["photos"], "photos"),
    (["--catalogue", "show", "photos", "--json"], "photos"),  # a folder named 'show'
    (["--cat", "log", "show", "3"], "show"),  # an abbreviation argparse accepts
    (["--catalogue=log", "--operator", "import", "log", "--json"], "log"),
    (["--version"], None),
    ([], None),
])
def test_the_command_chosen_is_the_one_argparse_parses(argv, command) -> None:
    assert cli.chosen_command(argv) == command
    if command is not None:
        args = cli.build_parser(command).parse_args(argv)
        assert args.command == command and callable(args.handler)


def test_captions_help_says_template_captions_are_always_marked_for_review(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["captions", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "always marked as needing review" in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _events(seen: list[int], total: int = 5):
    for done in range(total + 1):
        seen.append(done)
        yield Progress(done, total, f"/photos/IMG_{done}.JPG")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_renderer_runs_the_job_to_its_end_and_draws_only_on_a_terminal(
        monkeypatch, enabled) -> None:
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    seen: list[int] = []
    progress.drive(_events(seen), "Importing", enabled=enabled)
    assert seen == [0, 1, 2, 3, 4, 5]
    drawn = screen.getvalue()
    if enabled:
        assert "Importing" in drawn and "5/5" in drawn and "IMG_5.JPG" in drawn
    else:
        assert drawn == ""


def test_the_renderer_draws_nothing_when_stderr_is_not_a_terminal(monkeypatch) -> None:
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    seen: list[int] = []
    progress.drive(_events(seen), "Importing")
    assert seen == [0, 1, 2, 3, 4, 5] and piped.getvalue() == ""


def test_camera_label() -> None:
    assert camera_label(Camera("Canon", "EOS 40D", "1234")) == "Canon EOS 40D"
    assert camera_label(Camera("Canon", "EOS 40D", "1234"), serial=True) == "Canon EOS 40D 1234"
    assert camera_label(Camera(None, "iPhone 12", None)) == "iPhone 12"
    assert camera_label(Camera()) == ""


def test_a_spawned_worker_re_importing_the_main_module_skips_the_command_line() -> None:
    # spawn runs the parent's main module again in each worker, as __mp_main__
    ran, *loaded = _run_python(
        "import json, runpy, sys\n"
        "done = runpy.run_module('catalog_app', run_name='__mp_main__', alter_sys=True)\n"
        "print(json.dumps([done['__file__'], *sorted(sys.modules)]))\n")
    assert ran.endswith("catalog_app/__main__.py")  # the probe did run the main module
    assert [m for m in loaded if m.startswith("catalog_app.cli")] == []
