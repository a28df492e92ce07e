"""Group duplicate photos: same pixels, near copies by perceptual hash, crops and framed copies
confirmed by local features, and a weaker tier.

Kinds, strongest first:
  same-bytes   one photo imported from several places (already one catalogue entry)
  same-pixels  identical decoded pixels, different bytes (metadata edited or stripped)
  near         canonical-pose pHashes within the threshold: resized, recompressed, re-encoded,
               rotated or mirrored copies
               and crops, bordered copies and screenshots: a part hash (core/content_area.py)
               meets a whole frame within PART_RADIUS, and the second stage (a `verify`
               callable, core/local_match.py on the thumbnails) confirms the pair
  similar      within the threshold too, but both photos record capture times more than
               DISTINCT_CAPTURE apart: distinct shots of one scene (a burst, a second angle);
               shown only when asked for
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from catalog_app.core import local_match
from catalog_app.core.hash_index import EXHAUSTIVE_RADIUS, MAX_RADIUS, HashIndex
from catalog_app.core.local_match import LocalMatch

THRESHOLDS = {"strict": 4, "normal": MAX_RADIUS, "loose": EXHAUSTIVE_RADIUS}
DEFAULT_THRESHOLD = THRESHOLDS["normal"]
# EXIF times are whole seconds and a copy keeps its original's: photos a second apart are two
# shots (a burst), never copies -- they go to the similar tier, where a person decides
DISTINCT_CAPTURE = timedelta(seconds=0.5)
PART_RADIUS = MAX_RADIUS  # a part hash this close to a whole frame makes a second-stage candidate
KEEPER_RULE = ("largest pixel count, then the original over re-encodings (camera EXIF or "
               "capture time kept, then HEIF/raw/JPEG over PNG/WebP, then the larger file), "
               "then earliest capture time, then has GPS")
_FORMAT_RANK = {"DNG": 5, "ARW": 5, "NEF": 5, "CR2": 5, "HEIF": 4, "JXL": 3, "JPEG": 3,
                "AVIF": 2, "TIFF": 2, "WEBP": 1, "PNG": 1}


@dataclass(frozen=True, slots=True)
class DupPhoto:
    """What grouping needs to know about one photo."""

    id: int
    canonical: tuple[int, ...]
    pixel_hash: str | None
    taken_at: datetime | None
    width: int
    height: int
    format: str
    has_camera: bool
    has_gps: bool
    sources: int = 1
    keeper_id: int | None = None  # set when a person marked it a duplicate of that photo
    size_bytes: int = 0
    parts: tuple[int, ...] = ()  # window hashes (core/content_area.py): crops meet these
    content: tuple[int, ...] = ()  # canonical pHashes of the area inside borders and bars
    thumbnail: str | None = None  # stored thumbnail (relative), for the second stage


Verify = Callable[[DupPhoto, DupPhoto], LocalMatch | None]


def thumbnail_verifier(resolve: Callable[[str], Path]) -> Verify:
    """The second stage over stored thumbnails: local features of each photo's thumbnail
    (`resolve` turns its stored path into a file), read once per grouping and only for photos
    in a candidate pair."""
    cache: dict[int, local_match.Features | None] = {}

    def features(photo: DupPhoto) -> local_match.Features | None:
        if photo.id not in cache:
            cache[photo.id] = (local_match.features_of_file(resolve(photo.thumbnail))
                               if photo.thumbnail else None)
        return cache[photo.id]

    def verify(a: DupPhoto, b: DupPhoto) -> LocalMatch | None:
        fa, fb = features(a), features(b)
        return local_match.match(fa, fb) if fa is not None and fb is not None else None
    return verify


@dataclass(frozen=True, slots=True)
class Member:
    photo: int
    distance: int  # to the keeper (canonical pHash bits; 64 when only local features agree)
    reason: str = ""  # why it is in the group: "same pixels", "near copy (hash distance 3)"...
    partner: int | None = None  # the member that reason compares it with
    box: tuple[float, float, float, float] | None = None  # matched area on it (x, y, w, h, 0..1)
    partner_box: tuple[float, float, float, float] | None = None  # and on the partner


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    id: int  # the lowest photo id in the group: stable while the group is
    kind: str
    keeper: int
    members: tuple[Member, ...]
    resolved: bool = False
    max_distance: int = 0


@dataclass
class Decisions:
    """What people decided: pairs that are not duplicates."""

    not_duplicates: set[tuple[int, int]] = field(default_factory=set)


def parse_threshold(text: str) -> int:
    """'strict' | 'normal' | 'loose' | a number 0..MAX_RADIUS -> bits."""
    if text in THRESHOLDS:
        return THRESHOLDS[text]
    value = int(text)
    if not 0 <= value <= EXHAUSTIVE_RADIUS:
        raise ValueError(f"the threshold must be 0 to {EXHAUSTIVE_RADIUS} bits")
    return value


def distinct_captures(a: DupPhoto, b: DupPhoto) -> bool:
    """Both record when they were taken, and not the same moment: two shots, not copies."""
    if a.taken_at is None or b.taken_at is None:
        return False
    ta, tb = a.taken_at, b.taken_at
    if (ta.tzinfo is None) != (tb.tzinfo is None):
        ta, tb = ta.replace(tzinfo=None), tb.replace(tzinfo=None)
    return abs(ta - tb) > DISTINCT_CAPTURE


def hash_distance(a: DupPhoto, b: DupPhoto) -> int:
    """Bits between the closest of their whole-frame and content-area hashes."""
    if a.pixel_hash is not None and a.pixel_hash == b.pixel_hash:
        return 0
    return min(((x ^ y).bit_count() for x in a.canonical + a.content
                for y in b.canonical + b.content), default=64)


def whole_distance(a: DupPhoto, b: DupPhoto) -> int:
    """Bits between their whole-frame hashes only."""
    return min(((x ^ y).bit_count() for x in a.canonical for y in b.canonical), default=64)


def suggest_keeper(photos: Iterable[DupPhoto]) -> DupPhoto:
    """The copy to keep, by KEEPER_RULE."""
    def rank(p: DupPhoto):
        taken = p.taken_at.replace(tzinfo=None) if p.taken_at else datetime.max
        original = p.has_camera or p.taken_at is not None
        return (-(p.width * p.height), -int(original), -_FORMAT_RANK.get(p.format, 0),
                -p.size_bytes, taken, -int(p.has_gps), p.id)
    return min(photos, key=rank)


def find_groups(photos: Sequence[DupPhoto], threshold: int = DEFAULT_THRESHOLD,
                decisions: Decisions | None = None, similar: bool = False,
                same_bytes: bool = True, verify: Verify | None = None) -> list[DuplicateGroup]:
    """Every duplicate group among `photos`, strongest kinds first, then by id.

    With `verify`, pairs that only a part hash brings together are asked of it (the second
    stage); without it they are left out.
    """
    decisions = decisions or Decisions()
    by_id = {p.id: p for p in photos}
    near, weak = _pairs(photos, threshold, decisions)
    matches: dict[tuple[int, int], LocalMatch] = {}
    if verify is not None:
        matches = _second_stage(photos, by_id, near, weak, threshold, decisions, verify)
    groups = [_group(part, by_id, "near", threshold, matches)
              for members in _components(near, photos)
              for part in _split_by_capture(members, by_id) if len(part) > 1]
    if similar:
        grouped = {m.photo: g.id for g in groups for m in g.members}
        weak = [(a, b) for a, b in weak if grouped.get(a, -a) != grouped.get(b, -b)]
        groups += [_group(members, by_id, "similar", EXHAUSTIVE_RADIUS, matches)
                   for members in _components(weak, photos)]
    if same_bytes:
        groups += [DuplicateGroup(p.id, "same-bytes", p.id,
                                  (Member(p.id, 0, "same bytes, imported from several places"),),
                                  True)
                   for p in photos if p.sources > 1]
    order = {"same-pixels": 0, "near": 1, "similar": 2, "same-bytes": 3}
    return sorted(groups, key=lambda g: (order[g.kind], g.id))


def _second_stage(photos: Sequence[DupPhoto], by_id: dict[int, DupPhoto],
                  near: list[tuple[int, int]], weak: list[tuple[int, int]], threshold: int,
                  decisions: Decisions, verify: Verify) -> dict[tuple[int, int], LocalMatch]:
    """Ask `verify` about part-hash candidates that would join photos not yet together, and
    about content-area matches (for the matched boxes); confirmed candidates join `near` (or
    `weak`, shot at distinct moments)."""
    matches: dict[tuple[int, int], LocalMatch] = {}
    for pair in near:
        pa, pb = by_id[pair[0]], by_id[pair[1]]
        if (pa.content or pb.content) and whole_distance(pa, pb) > threshold \
                and not (pa.pixel_hash and pa.pixel_hash == pb.pixel_hash):
            found = verify(pa, pb)
            if found is not None:
                matches[pair] = found
    root = {pid: pid for pair in near + weak for pid in pair}

    def find(x: int) -> int:
        while root.get(x, x) != x:
            root[x] = root[root[x]]
            x = root[x]
        return x
    for a, b in near + weak:
        root[find(a)] = find(b)
    for pair in sorted(part_candidates(photos) - decisions.not_duplicates):
        if find(pair[0]) == find(pair[1]):
            continue  # already together by their hashes
        pa, pb = by_id[pair[0]], by_id[pair[1]]
        found = verify(pa, pb)
        if found is not None and found.contained:  # a copy lies wholly in the other
            matches[pair] = found
            (weak if distinct_captures(pa, pb) else near).append(pair)
            root.setdefault(pair[0], pair[0])
            root.setdefault(pair[1], pair[1])
            root[find(pair[0])] = find(pair[1])
    return matches


def part_candidates(photos: Sequence[DupPhoto],
                    radius: int = PART_RADIUS) -> set[tuple[int, int]]:
    """(lower id, higher id) of photos where one's part hash is within `radius` of the other's
    whole frame: the second stage's candidates."""
    counts = np.fromiter((len(p.parts) for p in photos), dtype=np.int64, count=len(photos))
    if not counts.sum():
        return set()
    owners = np.repeat(np.arange(len(photos), dtype=np.int64), counts)
    hashes = np.fromiter((h for p in photos for h in p.parts), dtype=np.uint64,
                         count=int(counts.sum()))
    q_counts = np.fromiter((len(p.canonical) for p in photos), dtype=np.int64,
                           count=len(photos))
    q_owners = np.repeat(np.arange(len(photos), dtype=np.int64), q_counts)
    q_hashes = np.fromiter((h for p in photos for h in p.canonical), dtype=np.uint64,
                           count=int(q_counts.sum()))
    if not q_hashes.size:
        return set()
    qi, j, _ = HashIndex(hashes).query(q_hashes, radius)
    ids = np.fromiter((p.id for p in photos), dtype=np.int64, count=len(photos))
    a, b = ids[q_owners[qi]], ids[owners[j]]
    keep = a != b
    return set(zip(np.minimum(a, b)[keep].tolist(), np.maximum(a, b)[keep].tolist(),
                   strict=True))


def near_duplicates_of(new: Sequence[DupPhoto], existing: Sequence[DupPhoto],
                       threshold: int = DEFAULT_THRESHOLD) -> dict[int, list[int]]:
    """For each new photo, the other photos it nearly duplicates (similar tier excluded)."""
    owners, hashes = _entries(existing)
    found: dict[int, list[int]] = {}
    if not hashes.size:
        return found
    q_owners, q_hashes = _entries(new)
    qi, j, _ = HashIndex(hashes).query(q_hashes, threshold)
    for a, b in zip(q_owners[qi].tolist(), owners[j].tolist(), strict=True):
        pa, pb = new[a], existing[b]
        if pa.id != pb.id and not distinct_captures(pa, pb):
            found.setdefault(pa.id, []).append(pb.id)
    by_pixels: dict[str, list[int]] = {}
    for pb in existing:
        if pb.pixel_hash:
            by_pixels.setdefault(pb.pixel_hash, []).append(pb.id)
    for pa in new:  # identical pixels need no perceptual hash at all
        for other in by_pixels.get(pa.pixel_hash or "", []):
            if other != pa.id:
                found.setdefault(pa.id, []).append(other)
    return {k: sorted(set(v)) for k, v in found.items()}


def _entries(photos: Sequence[DupPhoto]) -> tuple[np.ndarray, np.ndarray]:
    """(owning photo's position, hash) for every whole-frame and content-area hash."""
    counts = np.fromiter((len(p.canonical) + len(p.content) for p in photos), dtype=np.int64,
                         count=len(photos))
    owners = np.repeat(np.arange(len(photos), dtype=np.int64), counts)
    hashes = np.fromiter((h for p in photos for h in p.canonical + p.content),
                         dtype=np.uint64, count=int(counts.sum()))
    return owners, hashes


def _pairs(photos: Sequence[DupPhoto], threshold: int, decisions: Decisions):
    """(near pairs, weak pairs) of photo ids, refused pairs left out."""
    owners, hashes = _entries(photos)
    candidates: set[tuple[int, int]] = set()
    if hashes.size:
        i, j, _ = HashIndex(hashes).pairs(threshold)
        a, b = owners[i], owners[j]
        keep = a != b
        candidates = set(zip(np.minimum(a, b)[keep].tolist(), np.maximum(a, b)[keep].tolist(),
                             strict=True))
    by_pixels: dict[str, list[int]] = {}
    for k, p in enumerate(photos):
        if p.pixel_hash:
            by_pixels.setdefault(p.pixel_hash, []).append(k)
    for ks in by_pixels.values():
        candidates |= {(ks[0], k) for k in ks[1:]}
    near: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    for a, b in candidates:
        pa, pb = photos[a], photos[b]
        pair = (min(pa.id, pb.id), max(pa.id, pb.id))
        if pair in decisions.not_duplicates:
            continue
        same_pixels = pa.pixel_hash is not None and pa.pixel_hash == pb.pixel_hash
        (weak if distinct_captures(pa, pb) and not same_pixels else near).append(pair)
    return near, weak


def _components(pairs: list[tuple[int, int]], photos: Sequence[DupPhoto]) -> list[list[int]]:
    if not pairs:
        return []
    from scipy.sparse import coo_matrix  # only grouping needs it: keep it out of start-up
    from scipy.sparse.csgraph import connected_components

    ids = sorted({x for pair in pairs for x in pair})
    position = {pid: n for n, pid in enumerate(ids)}
    rows = [position[a] for a, _ in pairs]
    cols = [position[b] for _, b in pairs]
    graph = coo_matrix((np.ones(len(pairs)), (rows, cols)), shape=(len(ids), len(ids)))
    count, labels = connected_components(graph, directed=False)
    members: list[list[int]] = [[] for _ in range(count)]
    for pid, label in zip(ids, labels.tolist(), strict=True):
        members[label].append(pid)
    return [m for m in members if len(m) > 1]


def _split_by_capture(member_ids: list[int], by_id: dict[int, DupPhoto]) -> list[list[int]]:
    """Copies may chain two distinct shots together (shot A ~ copy ~ shot B): split them.

    Members timed at distinct moments become separate anchors; each untimed member joins the
    anchor it is nearest to by hash. (Local features cannot settle this better: a crop shares
    as many matching points with the next shot of a panning burst as with its original.)
    """
    anchors: list[list[int]] = []
    untimed = []
    for pid in sorted(member_ids, key=lambda p: (by_id[p].taken_at is None, p)):
        photo = by_id[pid]
        if photo.taken_at is None:
            untimed.append(pid)
            continue
        home = next((a for a in anchors if not distinct_captures(by_id[a[0]], photo)), None)
        if home is None:
            anchors.append([pid])
        else:
            home.append(pid)
    if len(anchors) <= 1:
        return [member_ids]
    for pid in untimed:  # nearest by hash, then by the whole frame, then the earliest anchor
        nearest = min(range(len(anchors)), key=lambda n: (
            min(hash_distance(by_id[x], by_id[pid]) for x in anchors[n]),
            min(whole_distance(by_id[x], by_id[pid]) for x in anchors[n]),
            min(_naive(by_id[x].taken_at) for x in anchors[n])))
        anchors[nearest].append(pid)
    return anchors


def _naive(when: datetime | None) -> datetime:
    return when.replace(tzinfo=None) if when else datetime.max


def _group(member_ids: list[int], by_id: dict[int, DupPhoto], kind: str, threshold: int,
           matches: dict[tuple[int, int], LocalMatch]) -> DuplicateGroup:
    photos = [by_id[m] for m in member_ids]
    chosen = {p.keeper_id for p in photos if p.keeper_id is not None}
    linked_keeper = next(iter(chosen)) if len(chosen) == 1 and chosen <= set(member_ids) else None
    inside = set(member_ids)
    local = {pair: m for pair, m in matches.items() if pair[0] in inside and pair[1] in inside}
    derived = _derived(local)  # crops and framed copies: never the suggested keeper
    derived |= {p.id for p in photos if p.content and any(
        q.id != p.id and _closest(p.content, q.canonical) <= threshold
        and whole_distance(p, q) > threshold for q in photos)}
    if linked_keeper is not None:
        keeper = by_id[linked_keeper]
    else:
        keeper = suggest_keeper([p for p in photos if p.id not in derived] or photos)
    reasons = _reasons(keeper, photos, threshold, local)
    members = tuple(sorted((reasons[p.id] for p in photos),
                           key=lambda m: (m.photo != keeper.id, m.distance, m.photo)))
    if kind == "near" and all(p.pixel_hash and p.pixel_hash == keeper.pixel_hash
                              for p in photos):
        kind = "same-pixels"
    resolved = all(p.id == keeper.id or p.keeper_id == keeper.id for p in photos)
    return DuplicateGroup(min(member_ids), kind, keeper.id, members, resolved,
                          max(m.distance for m in members))


def _derived(local: dict[tuple[int, int], LocalMatch]) -> set[int]:
    """Photos that show only part of another (a crop) or hold another inside a frame."""
    found = set()
    for (a, b), m in local.items():
        relation = m.relation()
        if relation in {"crop", "framed"}:
            found.add(b)
        elif relation in {"cropped-from", "frame-of"}:
            found.add(a)
    return found


def _oriented(local: dict[tuple[int, int], LocalMatch], a: int, b: int) -> LocalMatch | None:
    """The match with `a` as its first picture."""
    if (a, b) in local:
        return local[(a, b)]
    if (b, a) in local:
        return local[(b, a)].swapped()
    return None


def _reasons(keeper: DupPhoto, photos: list[DupPhoto], threshold: int,
             local: dict[tuple[int, int], LocalMatch]) -> dict[int, Member]:
    """Each member with why it is here: compared with the keeper when that is enough, else
    with the member that brought it in (a breadth-first walk from the keeper)."""
    result = {keeper.id: Member(keeper.id, 0, "kept" if keeper.keeper_id is None
                                and any(p.keeper_id == keeper.id for p in photos)
                                else "suggested keeper")}
    todo = [keeper]
    left = {p.id: p for p in photos if p.id != keeper.id}
    while todo and left:
        partner = todo.pop(0)
        for pid in sorted(left):
            photo = left[pid]
            member = _why(photo, partner, keeper, threshold, local)
            if member is not None:
                result[pid] = member
                todo.append(photo)
                del left[pid]
    for pid, photo in left.items():  # joined through a chain the walk could not retrace
        result[pid] = Member(pid, hash_distance(keeper, photo), "joined through other copies")
    return result


def _closest(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return min(((x ^ y).bit_count() for x in a for y in b), default=64)


def _why(photo: DupPhoto, partner: DupPhoto, keeper: DupPhoto, threshold: int,
         local: dict[tuple[int, int], LocalMatch]) -> Member | None:
    distance = hash_distance(keeper, photo)
    of = "" if partner.id == keeper.id else f" of photo {partner.id}"
    if photo.pixel_hash is not None and photo.pixel_hash == partner.pixel_hash:
        return Member(photo.id, distance, "same pixels" + (f" as photo {partner.id}" if of
                                                           else ""), partner.id)
    near = hash_distance(partner, photo)
    m = _oriented(local, partner.id, photo.id)
    box = (m.box_b, m.box_a) if m is not None else (None, None)
    if near <= threshold and whole_distance(partner, photo) <= threshold:
        return Member(photo.id, distance, f"near copy{of} (hash distance {near})", partner.id)
    if near <= threshold and m is None:  # through a content area: inside borders or bars
        if _closest(photo.content, partner.canonical) <= threshold:
            text = (f"photo {partner.id} inside a border, bars or a screen (its content area "
                    f"at hash distance {near})")
        else:
            text = (f"the photo inside photo {partner.id}'s border, bars or screen (hash "
                    f"distance {near})")
        return Member(photo.id, distance, text, partner.id, *box)
    if m is None:
        return None
    relation = m.relation()
    points = f"{m.points} matching points"
    if relation == "crop":
        text = f"crop of photo {partner.id} ({m.area_a * 100:.0f} % of its area, {points})"
    elif relation == "framed":
        text = (f"photo {partner.id} inside a border, bar or screen (it fills "
                f"{m.area_b * 100:.0f} % of this picture, {points})")
    elif relation == "cropped-from":
        text = (f"photo {partner.id} is a crop of it ({m.area_b * 100:.0f} % of this "
                f"picture, {points})")
    elif relation == "frame-of":
        text = (f"the photo inside photo {partner.id}'s border or screen ({m.area_a * 100:.0f}"
                f" % of it, {points})")
    else:
        text = f"same picture as photo {partner.id}, altered ({points})"
    return Member(photo.id, distance, text, partner.id, m.box_b, m.box_a)
