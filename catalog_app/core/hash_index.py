"""Exact Hamming-radius search over 64-bit hashes by multi-index hashing (numpy, no loops/item).

The 64 bits are cut into 3 chunks of 21-22 bits. Two hashes within distance r differ in at
most floor(r / 3) bits of some chunk (pigeonhole), so probing every chunk value within that
many bit flips finds every pair: exact up to MAX_RADIUS = 8 with at most 2 flips per chunk.
Each chunk keeps its entries sorted, with a dense table of bucket offsets, so a probe of all
entries at once is a single fancy-index.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

CHUNKS = ((0, 21), (21, 21), (42, 22))  # (shift, bits)
MAX_RADIUS = 3 * (2 + 1) - 1  # exact through the index up to here
EXHAUSTIVE_RADIUS = 12  # beyond the index: an exhaustive blockwise search, slower but exact
_BLOCK = 512
_PAIR_BATCH = 4_000_000  # candidate pairs verified at once (bounds memory)


def _masks(bits: int, flips: int) -> np.ndarray:
    masks = [0]
    for count in range(1, flips + 1):
        masks += [sum(1 << b for b in combo) for combo in combinations(range(bits), count)]
    return np.array(masks, dtype=np.int32)


def distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Element-wise Hamming distance of two uint64 arrays."""
    return np.bitwise_count(np.bitwise_xor(a, b)).astype(np.int8)


class HashIndex:
    """An index over `hashes` (uint64); rows are addressed by their position."""

    def __init__(self, hashes: np.ndarray) -> None:
        self.hashes = np.ascontiguousarray(hashes, dtype=np.uint64)
        self._chunks = []
        for shift, bits in CHUNKS:
            values = ((self.hashes >> np.uint64(shift)) & np.uint64((1 << bits) - 1)).astype(
                np.int32)
            order = np.argsort(values, kind="stable").astype(np.int32)
            sizes = np.bincount(values, minlength=1 << bits).astype(np.int32)
            starts = np.zeros((1 << bits) + 1, dtype=np.int32)
            np.cumsum(sizes, out=starts[1:])
            self._chunks.append((bits, values, order, (starts, sizes)))

    def __len__(self) -> int:
        return len(self.hashes)

    def pairs(self, radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every pair (i < j) of rows within `radius`, with its distance, each pair once."""
        if radius > MAX_RADIUS:
            return _exhaustive(self.hashes, self.hashes, radius, self_join=True)
        found = self._search(self.hashes, self._chunks_values(), radius, self_join=True)
        return _unique(*found, len(self))

    def query(self, queries: np.ndarray, radius: int) -> tuple[np.ndarray, np.ndarray,
                                                                np.ndarray]:
        """Every (query row, index row) within `radius`, with its distance."""
        queries = np.ascontiguousarray(queries, dtype=np.uint64)
        if radius > MAX_RADIUS:
            return _exhaustive(queries, self.hashes, radius, self_join=False)
        values = [((queries >> np.uint64(shift)) & np.uint64((1 << bits) - 1)).astype(np.int32)
                  for shift, bits in CHUNKS]
        found = self._search(queries, values, radius, self_join=False)
        return _unique(*found, len(self))

    def _chunks_values(self) -> list[np.ndarray]:
        return [values for _, values, _, _ in self._chunks]

    def _search(self, queries: np.ndarray, query_values: list[np.ndarray], radius: int,
                self_join: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if not 0 <= radius <= MAX_RADIUS:
            raise ValueError(f"radius must be 0 to {MAX_RADIUS}, not {radius}")
        flips = radius // len(CHUNKS)
        out_i, out_j, out_d = [], [], []

        def verify(i: np.ndarray, j: np.ndarray, keep_lower: bool) -> None:
            for bi, bj in _batches(i, j):
                if keep_lower:
                    keep = bi < bj
                    bi, bj = bi[keep], bj[keep]
                elif self_join:  # found from either end: report it as (lower, higher)
                    bi, bj = np.minimum(bi, bj), np.maximum(bi, bj)
                d = distances(queries[bi], self.hashes[bj])
                keep = d <= radius
                out_i.append(bi[keep])
                out_j.append(bj[keep])
                out_d.append(d[keep])

        for (bits, _, order, (starts, sizes)), values in zip(self._chunks, query_values,
                                                               strict=True):
            for rows, row_values, masks, keep_lower in _probe_plan(values, bits, flips,
                                                                   self_join):
                for mask in masks:
                    keys = row_values ^ mask
                    hit = np.flatnonzero(sizes[keys])  # one gather: most buckets are empty
                    if hit.size == 0:
                        continue
                    bucket = keys[hit]
                    i, j = _expand(rows[hit], starts[bucket], sizes[bucket], order)
                    verify(i, j, keep_lower)
        if not out_i:
            empty = np.empty(0, dtype=np.int64)
            return empty, empty, np.empty(0, dtype=np.int8)
        return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_d)


def _exhaustive(queries: np.ndarray, hashes: np.ndarray, radius: int,
                self_join: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Compare blocks of queries with every hash: exact at any radius, O(n·m)."""
    if not 0 <= radius <= EXHAUSTIVE_RADIUS:
        raise ValueError(f"radius must be 0 to {EXHAUSTIVE_RADIUS}, not {radius}")
    out_i, out_j, out_d = [], [], []
    for start in range(0, len(queries), _BLOCK):
        block = queries[start : start + _BLOCK]
        d = np.bitwise_count(block[:, None] ^ hashes[None, :])
        if self_join:
            d[np.tril_indices(len(block), k=start, m=len(hashes))] = 255  # keep j > i only
        i, j = np.nonzero(d <= radius)
        out_i.append(i + start)
        out_j.append(j)
        out_d.append(d[i, j].astype(np.int8))
    if not out_i:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0, dtype=np.int8)
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_d)


def _probe_plan(values: np.ndarray, bits: int, flips: int, self_join: bool):
    """(rows, their chunk values, masks, keep only i < j) to probe.

    In a self-join a pair differing by a non-zero mask is found from both ends; only the end
    with a 0 at the mask's lowest set bit needs probing, which halves the work.
    """
    masks = _masks(bits, flips)
    everyone = np.arange(len(values), dtype=np.int32)
    if not self_join:
        yield everyone, values, masks, False
        return
    yield everyone, values, masks[:1], True  # mask 0: pairs inside one bucket
    rest = masks[1:]
    lowest = (rest & -rest).astype(np.int64)
    for bit in range(bits):
        chosen = rest[lowest == (1 << bit)]
        if chosen.size:
            rows = np.flatnonzero(((values >> bit) & 1) == 0).astype(np.int32)
            yield rows, values[rows], chosen, False


def _expand(rows: np.ndarray, begin: np.ndarray, counts: np.ndarray,
            order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row, every index entry in its bucket: (row repeated, entry)."""
    total = int(counts.sum())
    i = np.repeat(rows, counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    j = order[np.repeat(begin, counts) + offsets]
    return i, j


def _batches(i: np.ndarray, j: np.ndarray):
    for start in range(0, len(i), _PAIR_BATCH):
        yield i[start : start + _PAIR_BATCH], j[start : start + _PAIR_BATCH]


def _unique(i: np.ndarray, j: np.ndarray, d: np.ndarray, n: int):
    """A pair found through several chunks is reported once."""
    if i.size == 0:
        return i, j, d
    key = i.astype(np.int64) * n + j
    _, first = np.unique(key, return_index=True)
    return i[first], j[first], d[first]
