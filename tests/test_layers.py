"""Layer rules: imports point down only (gui/cli -> services/export -> db -> core), checked for
every import in every module, the ones inside functions included; no Qt below gui/; SQL only in db/.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "catalog_app"

# What each layer may import from inside catalog_app (besides itself). Top-level modules that
# hold no rules of their own (errors, the version, JSON forms of values, the language of
# messages) sit with core.
BASE = {"errors", "__init__", "i18n"}
ALLOWED: dict[str, set[str]] = {
    "core": BASE,
    "db": BASE | {"core"},
    "export": BASE | {"core", "db", "jsonout"},
    "services": BASE | {"core", "db", "export", "jsonout", "settings"},
    "jsonout": BASE | {"core"},
    "settings": BASE | {"core"},
    "errors": {"i18n"},
    "i18n": set(),
    "__init__": set(),
    "__main__": BASE | {"cli"},
    "cli": BASE | {"core", "db", "services", "export", "jsonout", "settings", "gui"},
    "gui": BASE | {"core", "db", "services", "export", "jsonout", "settings"},
}


def _layer(module: str) -> str:
    """'catalog_app.core.clock' -> 'core'; the cli_* modules and the cli package are 'cli'."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return "cli" if top.startswith("cli") else top


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1] if len(parts) > 2 else parts
    return ".".join(parts)


def _imports(path: Path, module: str) -> list[tuple[int, str]]:
    """Every catalog_app module the file imports, anywhere in it, with the line."""
    found = []
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            if name == "catalog_app":  # from catalog_app import settings, jsonout, ...
                found += [(node.lineno, f"catalog_app.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, name))
    return [(line, name) for line, name in found if name.split(".")[0] == "catalog_app"]


def test_imports_point_down_only() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        layer = _layer(module)
        allowed = ALLOWED[layer] | {layer}
        for line, name in _imports(path, module):
            target = _layer(name)
            if name in ("catalog_app.APP_NAME", "catalog_app.__version__"):
                target = "__init__"
            if target not in allowed:
                offenders.append(f"{path.relative_to(PACKAGE)}:{line} ({layer}) imports {name}")
    assert offenders == []


def test_the_layer_check_sees_lazy_imports(tmp_path: Path) -> None:
    """The walk finds an import hidden in a function, so the rule above cannot pass blindly."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from catalog_app.db.catalogue import Catalogue\n")
    assert _imports(sample, "catalog_app.core.sample") == [(2, "catalog_app.db.catalogue")]


def test_core_db_and_cli_do_not_import_qt() -> None:
    code = (
        "import sys, catalog_app.cli, catalog_app.services.importing, "
        "catalog_app.services.reading, catalog_app.db.catalogue, catalog_app.jsonout, "
        "catalog_app.export.gallery, catalog_app.export.package; "
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_qt_below_gui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "gui":
            continue
        for _line, name in _imports_any(path):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def _imports_any(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.append((node.lineno, node.module or ""))
    return found


def test_only_the_db_package_writes_sql() -> None:
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|PRAGMA)\b[^\n]*\b"
                     r"(FROM|INTO|SET|photos|user_version)\b")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "db" not in path.relative_to(PACKAGE).parts[:1] and sql.search(path.read_text())
    ]
    assert offenders == []
