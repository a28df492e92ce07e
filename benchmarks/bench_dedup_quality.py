"""Duplicate quality on copies as they come back (issue 16): recall per copy, precision, bursts.

Builds the test set of tests/support/dup_testset.py from the corpus (every base, the classic
copies plus screenshots, borders, letterbox, status bar, burned-in caption, 5/10/20 % crops,
a screen shot at an angle, and moving-scene bursts 1 s and 5 s after their base), imports it,
and prints side by side, in the same run, on the same files:
  before      whole-frame hashes only, no second stage (grouping as before issue 16)
  catalog     find_groups with part hashes and the local-feature second stage
  imagededup  imagededup's PHash (find_duplicates at its default 10 bits), pairs its groups make
Figures: recall of base-copy pairs per kind, pair precision, bursts grouped as copies, and the
second stage's cost (candidates, time per pair).

    PYTHONPATH=$PWD CATALOG_APP_CORPUS=/work/shared/corpus python benchmarks/bench_dedup_quality.py
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import sys
import tempfile
import time
import types
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))

from catalog_app.core import dedup
from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.services import duplicates as duplicate_service
from catalog_app.services.importing import ImportJob
from tests.support import dup_testset

ACTOR = Actor("bench", "bench", "bench")


def imagededup_phash():
    """imagededup's PHash class, or None (with why) when it cannot be loaded.

    imagededup's package imports its CNN methods (torch, torchvision: about 2 GB) on import;
    PHash needs none of that, so its hashing module is loaded with those packages' __init__
    skipped. The hashing code itself is imagededup's, unchanged.
    """
    try:
        import imagededup
    except ImportError as exc:
        return None, f"imagededup is not installed ({exc})"
    root = Path(imagededup.__file__).parent
    for sub in ("methods", "utils"):
        name = f"imagededup.{sub}"
        if name not in sys.modules:
            package = types.ModuleType(name)
            package.__path__ = [str(root / sub)]
            sys.modules[name] = package
    try:
        return importlib.import_module("imagededup.methods.hashing").PHash, ""
    except ImportError as exc:
        return None, f"imagededup's PHash cannot be loaded ({exc})"


def pairs_of(groups: Iterable[Iterable[int]]) -> set[tuple[int, int]]:
    return {pair for g in groups for pair in combinations(sorted(g), 2)}


def score(predicted: set, testset, name_of: dict[int, str]) -> dict[str, float]:
    origin = {pid: testset.origin.get(name) for pid, name in name_of.items()}
    truth = {pair for pair in combinations(sorted(name_of), 2)
             if origin[pair[0]] and origin[pair[0]] == origin[pair[1]]}
    id_of = {name: pid for pid, name in name_of.items()}
    kinds: dict[str, list[bool]] = {}
    for name, label in testset.transform.items():
        pair = tuple(sorted((id_of[name], id_of[f"{testset.origin[name]}.jpg"])))
        kinds.setdefault(label, []).append(pair in predicted)
    result = {f"recall {k}": sum(v) / len(v) for k, v in kinds.items()}
    hits = predicted & truth
    result["pair precision"] = len(hits) / max(len(predicted), 1)
    result["pairs predicted"] = len(predicted)
    result["false pairs"] = len(predicted - truth)
    for tag in ("burst.jpg", "burst-1s.jpg", "burst-5s.jpg"):
        shots = [(b, base) for b, base in testset.bursts.items() if b.endswith(tag)]
        grouped = sum(tuple(sorted((id_of[b], id_of[f"{base}.jpg"]))) in predicted
                      for b, base in shots)
        result[f"bursts grouped {tag.removesuffix('.jpg')}"] = grouped
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bases", type=int, default=None, help="only the first N bases")
    parser.add_argument("--keep", help="build and import into this folder once; reuse it")
    parser.add_argument("--show-false", action="store_true", help="list the false pairs")
    args = parser.parse_args()
    phash_class, why_not = imagededup_phash()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        reuse = (root / "catalogue").exists()
        start = time.perf_counter()
        transforms = {**dup_testset.TRANSFORMS, **dup_testset.COPY_TRANSFORMS}
        testset = dup_testset.build(root / "files", transforms=transforms, limit=args.bases,
                                    moving_bursts=True, write=not reuse)
        built = time.perf_counter() - start
        catalogue = Catalogue.open(root / "catalogue", create=not reuse)
        start = time.perf_counter()
        job = ImportJob(catalogue, [str(testset.folder)], ACTOR, workers=2)
        if not reuse:
            list(job.run())
        imported = time.perf_counter() - start
        name_of = {p.id: Path(p.sources[0].path).name for p in catalogue.photos()}
        inputs = catalogue.duplicate_inputs()
        decisions = catalogue.duplicate_decisions()
        bases = sum(1 for n in name_of.values() if n.endswith(".jpg") and "-" not in n)
        print(f"test set: {bases} bases x {len(transforms)} copies + {len(testset.bursts)} "
              f"bursts = {len(name_of)} photos (built {built:.1f} s, imported {imported:.1f} s,"
              f" {len(job.summary.failed)} failed)")

        columns: dict[str, dict[str, float]] = {}
        start = time.perf_counter()
        whole_only = [dataclasses.replace(p, parts=(), content=()) for p in inputs]
        before = dedup.find_groups(whole_only, decisions=decisions, same_bytes=False)
        t_before = time.perf_counter() - start
        columns["before"] = score(pairs_of([m.photo for m in g.members] for g in before
                                           if g.kind in {"near", "same-pixels"}),
                                  testset, name_of)

        calls = {"pairs": 0, "seconds": 0.0}
        verify = duplicate_service.second_stage(catalogue)

        def counted(a, b):
            calls["pairs"] += 1
            t = time.perf_counter()
            try:
                return verify(a, b)
            finally:
                calls["seconds"] += time.perf_counter() - t
        start = time.perf_counter()
        now = dedup.find_groups(inputs, decisions=decisions, same_bytes=False, verify=counted)
        t_now = time.perf_counter() - start
        columns["catalog"] = score(pairs_of([m.photo for m in g.members] for g in now
                                            if g.kind in {"near", "same-pixels"}),
                                   testset, name_of)
        catalogue.close()
        if args.show_false:
            origin = {pid: testset.origin.get(n) for pid, n in name_of.items()}
            for g in now:
                ids = [m.photo for m in g.members]
                for a, b in combinations(sorted(ids), 2):
                    if g.kind in {"near", "same-pixels"} and (origin[a] is None
                                                               or origin[a] != origin[b]):
                        print(f"false pair: {name_of[a]} ~ {name_of[b]} "
                              f"({[m.reason for m in g.members if m.photo in (a, b)]})")

        if phash_class is not None:
            hasher = phash_class(verbose=False)
            start = time.perf_counter()
            encodings = hasher.encode_images(image_dir=str(testset.folder))
            found = hasher.find_duplicates(encoding_map=encodings)
            t_theirs = time.perf_counter() - start
            id_of = {name: pid for pid, name in name_of.items()}
            theirs = {tuple(sorted((id_of[a], id_of[b]))) for a, dups in found.items()
                      for b in dups if a in id_of and b in id_of}
            columns["imagededup"] = score(theirs, testset, name_of)
        else:
            print(f"imagededup: not compared ({why_not})")

        names = list(columns)
        print(f"\n{'':34}" + "".join(f"{n:>12}" for n in names))
        for key in columns["catalog"]:
            cells = []
            for n in names:
                value = columns[n][key]
                cells.append(f"{value:>12.3f}" if isinstance(value, float) else f"{value:>12}")
            print(f"{key:34}" + "".join(cells))
        print(f"\ngrouping time: before {t_before:.2f} s; catalog {t_now:.2f} s, of which the "
              f"second stage {calls['seconds']:.2f} s on {calls['pairs']} candidate pairs "
              f"({1000 * calls['seconds'] / max(calls['pairs'], 1):.1f} ms a pair, features "
              "of each thumbnail computed once)")
        if phash_class is not None:
            print(f"imagededup PHash: encode + find {t_theirs:.2f} s")
        for g in now:
            for m in g.members:
                if m.box is not None and m is g.members[-1]:
                    print(f"example reason: photo {m.photo} ({name_of[m.photo]}): {m.reason};"
                          f" box {m.box} on it, {m.partner_box} on photo {m.partner}")
                    return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
