"""Run a command with a folder on truly read-only media: a read-only bind mount in a mount
namespace of its own (`unshare`), so even root cannot write there and nothing outlives it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from catalog_app.core.testpoints import ENV

_SCRIPT = ('mount --bind "$1" "$2" && mount -o remount,bind,ro "$2" && shift 2 && '
           'exec "$@"')


def unavailable() -> str | None:
    """Why read-only mounts cannot be made here (None when they can)."""
    if shutil.which("unshare") is None:
        return "the unshare command is not installed"
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"this kernel refuses user and mount namespaces ({probe.stderr.strip()})"
    return None


def run_read_only(folder: Path, mount_point: Path, argv: list[str],
                  env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `argv` with `folder` mounted read-only at `mount_point` (only `argv` sees it)."""
    mount_point.mkdir(parents=True, exist_ok=True)
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(ENV)}
    full_env.update(env or {})
    full_env.pop("CATALOG_APP_DEBUG", None)
    return subprocess.run(["unshare", "-rm", "sh", "-c", _SCRIPT, "sh", str(folder),
                           str(mount_point), *argv], capture_output=True, text=True,
                          env=full_env, stdin=subprocess.DEVNULL, timeout=300)
