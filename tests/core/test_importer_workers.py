"""Import workers start lean: they import what reading needs, not the parent's command line.

multiprocessing's spawn re-runs the parent's main script in every worker. For the
`catalog-app` console script that script is `from catalog_app.cli import main`, which pulls in
every command, Jinja2 and cryptography. The test runs a script of that same shape in a fresh
interpreter, starts the import pool from it, reads a real photo on a worker, and asks the
worker which modules it has loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("catalog_app.cli", "jinja2", "cryptography", "timezonefinder", "PySide6")

# The same shape as the console script pip writes for `catalog-app`.
SCRIPT = textwrap.dedent("""
    import json, sys
    from catalog_app.cli import main  # noqa: F401  (what the console script imports)

    def run(root, photo):
        import jinja2, cryptography  # noqa: F401  (the parent holds them: a worker must not)
        from catalog_app.db.catalogue import Catalogue
        from catalog_app.services import reading
        from probe import loaded_modules  # beside this script (workers get the same path)

        Catalogue.open(root, create=True).close()
        with reading.reader_pool(root, False, 1) as pool:
            item = pool.submit(reading.read_in_worker, photo).result()
            worker = pool.submit(loaded_modules).result()
        print(json.dumps({"parent": sorted(sys.modules), "worker": worker,
                          "item": type(item).__name__}))

    if __name__ == "__main__":
        run(sys.argv[1], sys.argv[2])
""")


PROBE = textwrap.dedent("""
    import os, sys

    def loaded_modules():
        main = getattr(sys.modules["__main__"], "__file__", None)
        blas = os.environ.get("OPENBLAS_NUM_THREADS")
        return {"modules": sorted(sys.modules), "main": main, "blas": blas}
""")


def test_a_worker_imports_no_command_line_no_jinja_no_cryptography(tmp_path: Path,
                                                                      corpus: Path) -> None:
    script = tmp_path / "catalog-app"
    script.write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    photo = corpus / "exif-samples/jpg/Canon_40D.jpg"
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "c"), str(photo)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    report = json.loads(done.stdout)
    assert report["item"] == "Recorded"  # the worker read and stored the photo
    parent, worker = set(report["parent"]), set(report["worker"]["modules"])
    assert {"catalog_app.cli", "jinja2", "cryptography"} <= parent
    assert "catalog_app.services.reading" in worker
    assert report["worker"]["main"] is None  # the parent's script was not run again
    assert report["worker"]["blas"] == "1"  # one BLAS thread: there is a worker per core
    assert sorted(m for m in worker if m.split(".")[0] in HEAVY or m in HEAVY) == []
