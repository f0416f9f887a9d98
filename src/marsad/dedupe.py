"""Copy groups and stories: how many independent sources stand behind a figure, and which articles
speak about the same event.

Outlets rarely copy a whole article: they take the agency's three key paragraphs and write their own
around them (seeds 000 and 001 share five of sixteen paragraphs, and their whole-text Jaccard is only
0.13). So near copies are found paragraph by paragraph: MinHash signatures of word shingles
(datasketch) in an LSH index propose candidate paragraphs, rapidfuzz confirms that they are the same
text, and two articles are copies when the confirmed paragraphs make up a set share of the shorter
one. Exact copies (same normalised text) are grouped first, without the index.

Stories group copy groups ("units") that share a specific place (a town, not a country) and parties
within a few days; undated articles join only undated ones.

Everything here is a pure function of its inputs (signatures, features, settings); reading and
writing the store is `marsad.record`'s job.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np
import regex
from datasketch import LeanMinHash, MinHash, MinHashLSH
from rapidfuzz import fuzz

from marsad.recordconf import CopySettings, StorySettings

_WORD = regex.compile(r"\w+")
_SENTENCE_END = regex.compile(r"(?<=[.!?؟])\s+")
MAX_CANDIDATES = 20  # documents confirmed per new document at most (the most similar first)


# -- paragraphs and signatures ------------------------------------------------------------------


def _pack(sentences: list[str], limit: int) -> list[str]:
    """Greedily join sentences into blocks of at most `limit` characters."""
    blocks: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + 1 + len(sentence) > limit:
            blocks.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        blocks.append(current)
    return blocks


def paragraphs(norm_text: str, cfg: CopySettings) -> list[str]:
    """The comparable blocks of a normalised text: lines, long lines cut at sentence ends.

    Whitespace is collapsed so that re-wrapped copies still compare equal; blocks shorter than
    `min_paragraph_chars` (datelines, captions, "المصدر: وكالات") are dropped because every outlet
    has them.
    """
    out: list[str] = []
    for line in norm_text.splitlines():
        block = " ".join(line.split())
        if len(block) > cfg.max_paragraph_chars:
            out.extend(_pack(_SENTENCE_END.split(block), cfg.max_paragraph_chars))
        elif block:
            out.append(block)
    return [p for p in out if len(p) >= cfg.min_paragraph_chars]


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, str]:
    template = MinHash(num_perm=num_perm, seed=1)
    return template.permutations, template.scheme


def shingles(text: str, size: int) -> list[bytes]:
    """Word shingles of `size` words (the whole text as one when shorter)."""
    words = _WORD.findall(text)
    if len(words) <= size:
        return [" ".join(words).encode()]
    return [" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)]


def signature(paras: list[str], cfg: CopySettings) -> np.ndarray:
    """One row per paragraph: its length in characters, then its MinHash values (uint32).

    crc32 hashes the shingles: fast, stable across processes (unlike `hash`), and good enough
    before the random permutations that MinHash applies.
    """
    perms, scheme = _permutations(cfg.num_perm)
    rows = np.zeros((len(paras), cfg.num_perm + 1), dtype=np.uint32)
    for i, para in enumerate(paras):
        mh = MinHash(num_perm=cfg.num_perm, hashfunc=zlib.crc32, permutations=perms, scheme=scheme)
        mh.update_batch(shingles(para, cfg.shingle))
        rows[i, 0] = len(para)
        rows[i, 1:] = mh.hashvalues
    return rows


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes, cfg: CopySettings) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").reshape(-1, cfg.num_perm + 1)


def signature_version(cfg: CopySettings) -> str:
    """Stored signatures are valid only for the settings that made them."""
    return f"v1-{cfg.num_perm}-{cfg.shingle}-{cfg.min_paragraph_chars}-{cfg.max_paragraph_chars}"


# -- union-find -------------------------------------------------------------------------------


class Groups:
    """Union-find over integer ids; a group is named by its smallest id, so names are stable."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent.setdefault(x, x)
        if parent == x:
            return x
        root = self.find(parent)
        self.parent[x] = root
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = min(ra, rb), max(ra, rb)
            self.parent[hi] = lo

    def mapping(self) -> dict[int, int]:
        return {x: self.find(x) for x in self.parent}


# -- copy groups ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocSig:
    """What copy detection needs of one document."""

    id: int
    text_hash: str
    day: date | None
    sig: np.ndarray  # rows of (length, minhash...)

    @property
    def chars(self) -> int:
        return int(self.sig[:, 0].sum()) if len(self.sig) else 0


@dataclass(slots=True)
class _Window:
    """The LSH index over the paragraphs of recent documents, oldest dropped first."""

    cfg: CopySettings
    lsh: MinHashLSH = field(init=False)
    order: deque[tuple[date | None, tuple[int, int], bytes]] = field(default_factory=deque)
    seen: dict[bytes, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(num_perm=self.cfg.num_perm, params=(self.cfg.bands, self.cfg.rows))

    def _drop_first(self) -> None:
        _day, key, raw = self.order.popleft()
        self.lsh.remove(key)
        if self.seen.get(raw) == key:
            del self.seen[raw]

    def advance(self, day: date | None) -> None:
        """Forget paragraphs too old for `day`; an undated document sees only undated ones."""
        while self.order:
            first = self.order[0][0]
            too_old = first is not None and (day is None or (day - first).days > self.cfg.window_days)
            if not (too_old or len(self.order) >= self.cfg.max_window):
                break
            self._drop_first()

    def query(self, hashvalues: np.ndarray) -> list[tuple[int, int]]:
        raw = hashvalues.tobytes()
        if raw in self.seen:  # an identical paragraph: its first holder stands for all
            return [self.seen[raw], *self.lsh.query(_lean(hashvalues))]
        return list(self.lsh.query(_lean(hashvalues)))

    def insert(self, day: date | None, key: tuple[int, int], hashvalues: np.ndarray) -> None:
        raw = hashvalues.tobytes()
        if raw in self.seen:
            return
        self.seen[raw] = key
        self.lsh.insert(key, _lean(hashvalues), check_duplication=False)
        self.order.append((day, key, raw))


def _lean(hashvalues: np.ndarray) -> LeanMinHash:
    _perms, scheme = _permutations(len(hashvalues))
    return LeanMinHash(seed=1, hashvalues=hashvalues.astype(np.uint64), scheme=scheme)


def shared_share(mine: list[str], theirs: list[str], pairs: Iterable[tuple[int, int]], ratio: float) -> float:
    """The share of either text (the larger share, i.e. that of the shorter) in confirmed paragraphs."""
    a_hit: set[int] = set()
    b_hit: set[int] = set()
    for i, j in pairs:
        if i in a_hit and j in b_hit:
            continue
        if i < len(mine) and j < len(theirs) and fuzz.ratio(mine[i], theirs[j]) >= ratio:
            a_hit.add(i)
            b_hit.add(j)
    a_total = sum(len(p) for p in mine) or 1
    b_total = sum(len(p) for p in theirs) or 1
    return max(sum(len(mine[i]) for i in a_hit) / a_total, sum(len(theirs[j]) for j in b_hit) / b_total)


def _candidates(doc: DocSig, window: _Window) -> dict[int, set[tuple[int, int]]]:
    hits: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for i, row in enumerate(doc.sig):
        for other, j in window.query(row[1:]):
            if other != doc.id:
                hits[other].add((i, j))
    return hits


def copy_groups(
    docs: Iterable[DocSig], paragraphs_of: Callable[[int], list[str]], cfg: CopySettings
) -> tuple[dict[int, int], dict[int, str]]:
    """Group documents into copy groups; `docs` must come ordered by (undated last, day, id).

    Returns `{document id: group id}` and `{group id: "exact" | "near"}` for groups of two or more.
    """
    groups = Groups()
    how: dict[int, str] = {}
    first_by_hash: dict[str, int] = {}
    sizes: dict[int, int] = {}
    window = _Window(cfg)
    for doc in docs:
        groups.find(doc.id)
        if doc.text_hash in first_by_hash:
            groups.union(first_by_hash[doc.text_hash], doc.id)
            how[doc.id] = "exact"
            continue
        first_by_hash[doc.text_hash] = doc.id
        window.advance(doc.day)
        hits = _candidates(doc, window)
        ranked = sorted(hits.items(), key=lambda kv: (-len({i for i, _ in kv[1]}), kv[0]))
        for other, pairs in ranked[:MAX_CANDIDATES]:
            if groups.find(other) == groups.find(doc.id):
                continue
            if (
                shared_share(paragraphs_of(doc.id), paragraphs_of(other), pairs, cfg.paragraph_ratio)
                >= cfg.share
            ):
                groups.union(other, doc.id)
                how[doc.id] = "near"
        for i, row in enumerate(doc.sig):
            window.insert(doc.day, (doc.id, i), row[1:])
        sizes[doc.id] = len(doc.sig)
    mapping = groups.mapping()
    kinds: dict[int, str] = {}
    for member, kind in how.items():
        root = mapping[member]
        kinds[root] = "near" if kind == "near" or kinds.get(root) == "near" else "exact"
    return mapping, kinds


# -- stories ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    """A copy group as story clustering sees it."""

    id: int
    day: date | None
    places: frozenset[str]
    actors: frozenset[str]


@dataclass(slots=True)
class Story:
    id: int
    start: date | None
    end: date | None
    places: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    units: list[int] = field(default_factory=list)

    def add(self, unit: Unit) -> None:
        self.units.append(unit.id)
        self.places.update(unit.places)
        self.actors.update(unit.actors)
        if unit.day is not None and self.end is not None:
            self.end = max(self.end, unit.day)


def _fits(story: Story, unit: Unit, cfg: StorySettings) -> tuple[int, int] | None:
    """(shared places, shared actors) when `unit` may join `story`, else None."""
    if (story.start is None) != (unit.day is None):
        return None
    if unit.day is not None and story.start is not None and (unit.day - story.start).days > cfg.window_days:
        return None
    shared_places = len(unit.places & story.places.keys())
    shared_actors = len(unit.actors & story.actors.keys())
    if unit.actors and story.actors and not shared_actors:
        return None  # different parties: a different war, whatever the place
    if shared_places:
        return shared_places, shared_actors
    if unit.day is not None and shared_actors >= cfg.min_shared_actors:
        return 0, shared_actors
    return None


def stories(units: Iterable[Unit], cfg: StorySettings) -> dict[int, Story]:
    """Cluster units into stories; `units` must come ordered by (undated last, day, id).

    A unit joins the open story it shares most with (places first, then parties); a story stays
    open for `window_days` after its first day, so a war reported daily splits into day windows
    rather than one endless story.
    """
    made: dict[int, Story] = {}
    by_key: dict[str, set[int]] = defaultdict(set)
    active: deque[int] = deque()
    dated = True
    for unit in units:
        if dated and unit.day is None:  # undated units never join dated stories
            dated = False
            by_key.clear()
            active.clear()
        while active and unit.day is not None and (unit.day - made[active[0]].start).days > cfg.window_days:
            old = made[active.popleft()]
            for key in [*old.places, *old.actors]:
                by_key[key].discard(old.id)
        candidates = {s for key in (*unit.places, *unit.actors) for s in by_key.get(key, ())}
        scored = [(fit, -sid) for sid in candidates if (fit := _fits(made[sid], unit, cfg)) is not None]
        if scored:
            story = made[-max(scored)[1]]
        else:
            story = made[unit.id] = Story(unit.id, unit.day, unit.day)
            active.append(unit.id)
        story.add(unit)
        for key in (*unit.places, *unit.actors):
            by_key[key].add(story.id)
    return made
