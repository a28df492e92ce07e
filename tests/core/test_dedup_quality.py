"""Duplicate grouping on copies of real photos: precision and recall at the default threshold."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from catalog_app.core import dedup
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support import dup_testset

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    root = tmp_path_factory.mktemp("dupset")
    # every 3rd corpus photo as a base (14, spread over its cameras), 800 px, made cheaply: the
    # whole set (all bases, 1600 px, more copy kinds) is benchmarks/bench_dedup_quality.py's
    testset = dup_testset.build(root / "files", every=3, base_px=800, quick=True)
    catalogue = Catalogue.open(root / "catalogue", create=True)
    job = ImportJob(catalogue, [str(testset.folder)], ACTOR, workers=2)
    list(job.run())
    assert not job.summary.failed, job.summary.failed
    name_of = {p.id: Path(p.sources[0].path).name for p in catalogue.photos()}
    inputs = catalogue.duplicate_inputs()
    yield testset, name_of, inputs, catalogue
    catalogue.close()


def _pairs_in(groups) -> set[tuple[int, int]]:
    return {pair for g in groups
            for pair in combinations(sorted(m.photo for m in g.members), 2)}


def test_precision_and_recall_at_the_default_threshold(grouped) -> None:
    testset, name_of, inputs, _ = grouped
    groups = dedup.find_groups(inputs, dedup.DEFAULT_THRESHOLD, same_bytes=False)
    predicted = _pairs_in(g for g in groups if g.kind in {"near", "same-pixels"})
    origin = {pid: testset.origin.get(name) for pid, name in name_of.items()}
    truth = {pair for pair in combinations(sorted(name_of), 2)
             if origin[pair[0]] and origin[pair[0]] == origin[pair[1]]}
    hits = predicted & truth
    precision = len(hits) / len(predicted)
    recall = len(hits) / len(truth)
    bases = {name: pid for pid, name in name_of.items() if name.endswith(".jpg")
             and "-" not in name}
    missed = Counter()
    for pid, name in name_of.items():
        label = testset.transform.get(name)
        if label and tuple(sorted((bases[f"{origin[pid]}.jpg"], pid))) not in predicted:
            missed[label] += 1
    per_base = len(bases)
    print(f"\nduplicate test set: {len(bases)} bases x {len(dup_testset.TRANSFORMS)} copies + "
          f"{len(testset.bursts)} bursts; threshold {dedup.DEFAULT_THRESHOLD} bits")
    print(f"pairs: predicted {len(predicted)}, true {len(truth)}, correct {len(hits)}")
    print(f"precision {precision:.4f}  recall {recall:.4f}")
    for label in dup_testset.TRANSFORMS:
        print(f"  recall of base-copy pairs, {label:14s} {1 - missed[label] / per_base:.3f}")
    assert precision >= 0.99
    assert recall >= 0.95


def test_burst_shots_are_not_near_duplicates_but_similar(grouped) -> None:
    testset, name_of, inputs, _ = grouped
    id_of = {name: pid for pid, name in name_of.items()}
    near = dedup.find_groups(inputs, dedup.DEFAULT_THRESHOLD, same_bytes=False)
    with_similar = dedup.find_groups(inputs, dedup.DEFAULT_THRESHOLD, similar=True,
                                     same_bytes=False)
    near_pairs = _pairs_in(g for g in near if g.kind != "similar")
    similar_pairs = _pairs_in(g for g in with_similar if g.kind == "similar")
    found_similar = 0
    for burst, base in testset.bursts.items():
        pair = tuple(sorted((id_of[burst], id_of[f"{base}.jpg"])))
        assert pair not in near_pairs, f"{burst} was grouped as a copy of {base}"
        found_similar += pair in similar_pairs
    print(f"\nbursts shown in the similar tier: {found_similar} of {len(testset.bursts)}")


def test_rotated_and_mirrored_copies_join_their_original(grouped) -> None:
    testset, name_of, inputs, _ = grouped
    id_of = {name: pid for pid, name in name_of.items()}
    groups = dedup.find_groups(inputs, same_bytes=False)
    group_of = {m.photo: g.id for g in groups for m in g.members}
    joined = sum(group_of.get(id_of[f]) == group_of.get(id_of[f"{testset.origin[f]}.jpg"])
                 is not None for f, label in testset.transform.items()
                 if label in {"rotated-90", "mirrored"})
    total = sum(label in {"rotated-90", "mirrored"} for label in testset.transform.values())
    assert joined == total


def test_the_keeper_is_the_largest_original(grouped) -> None:
    _testset, name_of, inputs, _ = grouped
    groups = dedup.find_groups(inputs, same_bytes=False)
    keepers = Counter(name_of[g.keeper].split("-")[0].endswith(".jpg") for g in groups
                      if g.kind in {"near", "same-pixels"})
    assert keepers[True] >= 0.9 * sum(keepers.values())  # the full-size base, not a copy
