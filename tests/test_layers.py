"""Layer rules: nothing below gui/ imports Qt, and only db/ speaks SQL."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "catalog_app"


def test_core_db_and_cli_do_not_import_qt() -> None:
    code = (
        "import sys, catalog_app.cli, catalog_app.core.importer, catalog_app.core.reader, "
        "catalog_app.db.catalogue, catalog_app.jsonout, catalog_app.export.gallery, "
        "catalog_app.export.package, catalog_app.cli_export; "
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_only_the_db_package_writes_sql() -> None:
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|PRAGMA)\b[^\n]*\b"
                     r"(FROM|INTO|SET|photos|user_version)\b")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "db" not in path.relative_to(PACKAGE).parts[:1] and sql.search(path.read_text())
    ]
    assert offenders == []
