"""The hash index finds exactly what brute force finds, up to its radius."""

from __future__ import annotations

import numpy as np
import pytest

from catalog_app.core.hash_index import EXHAUSTIVE_RADIUS, MAX_RADIUS, HashIndex, distances


def _brute_pairs(hashes: np.ndarray, radius: int) -> set[tuple[int, int]]:
    found = set()
    for i in range(len(hashes)):
        d = distances(np.full(len(hashes) - i - 1, hashes[i], dtype=np.uint64), hashes[i + 1:])
        found |= {(i, i + 1 + k) for k in np.flatnonzero(d <= radius)}
    return found


def _clustered(n: int, seed: int) -> np.ndarray:
    """Random hashes plus near copies at every distance up to 10, so edges are tested."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**64, size=n, dtype=np.uint64)
    near = []
    for k in range(n):
        flips = rng.choice(64, size=k % 11, replace=False)
        near.append(base[k] ^ np.uint64(sum(1 << int(b) for b in flips)))
    return np.concatenate([base, np.array(near, dtype=np.uint64)])


@pytest.mark.parametrize("radius", [0, 3, 5, MAX_RADIUS])
def test_pairs_equal_brute_force(radius: int) -> None:
    hashes = _clustered(400, seed=radius)
    i, j, d = HashIndex(hashes).pairs(radius)
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == _brute_pairs(hashes, radius)
    assert len(i) == len(set(zip(i.tolist(), j.tolist(), strict=True)))  # each pair once
    assert (d == distances(hashes[i], hashes[j])).all()


def test_query_equals_brute_force() -> None:
    hashes = _clustered(500, seed=11)
    index = HashIndex(hashes[:600])
    queries = hashes[600:]
    qi, j, _ = index.query(queries, MAX_RADIUS)
    expected = {(q, k) for q in range(len(queries)) for k in np.flatnonzero(
        distances(np.full(600, queries[q], dtype=np.uint64), hashes[:600]) <= MAX_RADIUS)}
    assert set(zip(qi.tolist(), j.tolist(), strict=True)) == expected


@pytest.mark.parametrize("radius", [MAX_RADIUS + 1, EXHAUSTIVE_RADIUS])
def test_beyond_the_index_the_exhaustive_search_is_exact(radius: int) -> None:
    hashes = _clustered(700, seed=radius)  # > one block, so block edges are crossed
    i, j, d = HashIndex(hashes).pairs(radius)
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == _brute_pairs(hashes, radius)
    assert (d == distances(hashes[i], hashes[j])).all()
    qi, qj, _ = HashIndex(hashes[:900]).query(hashes[900:], radius)
    expected = {(q, k) for q in range(len(hashes) - 900) for k in np.flatnonzero(
        distances(np.full(900, hashes[900 + q], dtype=np.uint64), hashes[:900]) <= radius)}
    assert set(zip(qi.tolist(), qj.tolist(), strict=True)) == expected


def test_radius_beyond_the_exhaustive_limit_is_refused() -> None:
    with pytest.raises(ValueError):
        HashIndex(np.zeros(3, dtype=np.uint64)).pairs(EXHAUSTIVE_RADIUS + 1)
