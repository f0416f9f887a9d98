"""Questions: claims about the same quantity, side by side, with a low / best / high estimate.

A question is "how many X of side A were K-ed, then and there": claims join one when they share kind,
item, affected side and running-total flag (cumulative and single-day figures are never mixed), and
either come from the same story or have overlapping periods and the same place (or none). For
`took_control` of a named place the place itself is the question.

For each question every claimant gets one figure (its most cited, or for running totals its latest),
with its evidence, outlets and the number of independent sources (copy groups) behind it, and a side:
`own` (the affected side reporting its own losses), `other` (another party), `independent` (media,
the outlet's own voice, UN and NGOs) or `unattributed` (unnamed sources).

Low / best / high, in the spirit of UCDP: low is the smallest lower bound and high the largest upper
bound of the figures (unattributed and uncertain ones left out when others exist); best is the lowest
independent figure when there is one, else the lowest party figure: the most conservative. The rule
that applied is written next to the estimate.

Pure functions over `Row`s; `marsad.record` reads them from the store and writes the questions back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from marsad.dedupe import Groups
from marsad.recordconf import Labels

NO_COUNT_KINDS = frozenset({"took_control"})
LIST_CAP = 50  # claims, documents, outlets and URLs listed per figure (all are counted)
SIDE_ORDER = {"own": 0, "other": 1, "independent": 2, "unattributed": 3}
QUALIFIER_MARK = {"exact": "", "about": "~", "more_than": ">", "at_least": "≥", "up_to": "≤", "unknown": ""}


@dataclass(frozen=True, slots=True)
class Row:
    """One stored claim with what reconciliation needs of its document."""

    id: int
    document: int
    doc_name: str
    outlet: str | None
    url: str | None
    copy_group: int
    story: int
    claimant: str
    role: str
    claimant_text: str
    kind: str
    item: str | None
    value: int | None
    high: int | None
    qualifier: str
    affected: str | None
    agent: str | None
    place: str | None
    start: date | None
    end: date | None
    cumulative: bool
    modality: str
    evidence: str
    label: str = ""  # claimant label (actor code, or the outlet's short name for MEDIA)

    @property
    def period(self) -> tuple[date, date] | None:
        if self.start is None:
            return None
        return self.start, self.end or self.start


@dataclass(slots=True)
class Figure:
    """What one claimant says about one question."""

    claimant: str
    actor: str
    role: str
    side: str
    value: int | None
    high: int | None
    qualifier: str
    display: str
    uncertain: bool
    claims: list[int] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    sources: int = 0
    evidence: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    denied_by: list[dict[str, str]] = field(default_factory=list)
    restates: str | None = None  # an outlet's own voice repeating this party's figure
    n_claims: int = 0  # the lists above stop at LIST_CAP entries; these count them all
    n_documents: int = 0
    evidence_claims: list[int] = field(default_factory=list)  # the claims `evidence` quotes

    def bounds(self) -> tuple[int | None, int | None, int | None]:
        return bounds(self.value, self.high, self.qualifier)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Question:
    key: tuple[Any, ...]
    story: int
    kind: str
    item: str | None
    affected: str | None
    cumulative: bool
    place: str | None
    start: date | None
    end: date | None
    label: str
    low: int | None
    best: int | None
    high: int | None
    rule: str
    claims: list[int]
    sources: int
    figures: list[Figure]


# -- figures ----------------------------------------------------------------------------------


def bounds(value: int | None, high: int | None, qualifier: str) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of one stated figure: lower bounds count at their stated number."""
    if value is None:
        return None, None, None
    if high is not None:
        return value, value, high
    if qualifier == "up_to":
        return None, None, value
    if qualifier in ("at_least", "more_than"):
        return value, value, None
    return value, value, value


def display(value: int | None, high: int | None, qualifier: str, kind: str = "") -> str:
    """A figure as analysts write it: 60, ~200, >60, ≥5, ≤10, 50–60."""
    if value is None:
        return "taken" if kind in NO_COUNT_KINDS else "—"
    if high is not None:
        return f"{value:,}–{high:,}"
    return f"{QUALIFIER_MARK.get(qualifier, '')}{value:,}"


def claimant_label(
    actor: str, claimant_text: str, media: Sequence[tuple[str, str]], norm_text: str = ""
) -> str:
    """The actor code, or for a cited outlet (MEDIA) its short name when the lexicon knows it."""
    if actor != "MEDIA" or not claimant_text:
        return actor
    text = norm_text or claimant_text
    for form, label in media:
        if form and form in text:
            return label
    return actor


def side(row: Row, affected: str | None, labels: Labels) -> str:
    """own / other / independent / unattributed, relative to the side that suffered it."""
    if row.claimant in labels.unattributed_actors or row.role in labels.unattributed_roles:
        return "unattributed"
    if row.claimant in labels.independent_actors or row.role in labels.independent_roles:
        return "independent"
    if affected is not None and row.claimant in labels.side_of(affected):
        return "own"
    return "other"


def _headline(rows: Sequence[Row], cumulative: bool) -> Row:
    """The claimant's figure: for running totals the latest (then largest), else the most cited
    (distinct copy groups), then the lowest."""
    pool = [r for r in rows if r.modality != "uncertain"] or list(rows)
    if cumulative:
        return max(pool, key=lambda r: (r.end or r.start or date.min, r.value or 0, -r.id))
    cited = Counter(
        (r.value, r.high, r.qualifier) for r in {(r.copy_group, r.value, r.high): r for r in pool}.values()
    )
    best = max(cited.items(), key=lambda kv: (kv[1], -(kv[0][0] or 0)))[0]
    return next(r for r in pool if (r.value, r.high, r.qualifier) == best)


def figure(rows: Sequence[Row], affected: str | None, cumulative: bool, labels: Labels) -> Figure:
    """One claimant's figure for a question, with everything that backs it."""
    head = _headline(rows, cumulative)
    shown = display(head.value, head.high, head.qualifier, head.kind)
    others = sorted({display(r.value, r.high, r.qualifier, r.kind) for r in rows} - {shown})
    fig = Figure(
        claimant=head.label or head.claimant,
        actor=head.claimant,
        role=head.role,
        side=side(head, affected, labels),
        value=head.value,
        high=head.high,
        qualifier=head.qualifier,
        display=shown,
        uncertain=all(r.modality == "uncertain" for r in rows),
        others=others,
    )
    ordered = sorted(rows, key=lambda r: r.id)
    documents = _unique(r.doc_name for r in ordered)
    fig.claims = [r.id for r in ordered[:LIST_CAP]]
    fig.documents = documents[:LIST_CAP]
    fig.outlets = _unique(r.outlet or r.doc_name for r in ordered)[:LIST_CAP]
    fig.urls = _unique(r.url for r in ordered if r.url)[:LIST_CAP]
    fig.n_claims, fig.n_documents = len(ordered), len(documents)
    quoted: dict[str | int, int] = {}  # by evidence text; by claim id when read without evidence
    for r in ordered:
        if len(quoted) == 3:
            break
        quoted.setdefault(r.evidence or r.id, r.id)
    fig.evidence = [text for text in quoted if isinstance(text, str)]  # empty: quoted afterwards
    fig.evidence_claims = list(quoted.values())
    fig.sources = len({r.copy_group for r in rows})
    return fig


def _unique(values: Iterable[str]) -> list[str]:
    """Distinct values in first-seen order (linear: figures may hold thousands of claims)."""
    return list(dict.fromkeys(values))


def mark_restatements(figures: Sequence[Figure]) -> None:
    """An article's own voice giving a party's figure from the same article is that party speaking
    (a headline summing up a statement), not an independent count: mark it so best ignores it."""
    parties = [f for f in figures if f.side in ("own", "other")]
    for f in figures:
        if f.actor != "OUTLET":
            continue
        for p in parties:
            if (p.value, p.high) == (f.value, f.high) and set(p.documents) & set(f.documents):
                f.restates = p.claimant
                break


def estimate(figures: Sequence[Figure]) -> tuple[int | None, int | None, int | None, str]:
    """(low, best, high, the rule that chose best) over the claimants' figures."""
    counted = [f for f in figures if f.value is not None]
    reliable = [f for f in counted if f.side != "unattributed" and not f.uncertain] or counted
    if not reliable:
        return None, None, None, "no figure: the claims state no number"
    lows = [lo for f in reliable if (lo := f.bounds()[0]) is not None]
    highs = [
        hi if hi is not None else lo for f in reliable for lo, _, hi in [f.bounds()] if (hi or lo) is not None
    ]
    independent = [
        f for f in reliable if f.side == "independent" and not f.restates and f.bounds()[1] is not None
    ]
    if independent:
        chosen = min(independent, key=lambda f: (f.bounds()[1], f.claimant))
        rule = f"best: lowest independent figure ({chosen.claimant})"
    else:
        parties = [f for f in reliable if f.bounds()[1] is not None]
        if not parties:
            return min(lows, default=None), None, max(highs, default=None), "best: none (only upper bounds)"
        chosen = min(parties, key=lambda f: (f.bounds()[1], SIDE_ORDER[f.side], f.claimant))
        rule = f"best: no independent figure; lowest party figure ({chosen.claimant}), the most conservative"
    return min(lows, default=None), chosen.bounds()[1], max(highs, default=None), rule


# -- grouping ---------------------------------------------------------------------------------


def question_key(row: Row) -> tuple[Any, ...] | None:
    """The bucket a claim belongs to, or None when it cannot answer a question (no number)."""
    if row.modality == "denied":
        return None
    if row.kind in NO_COUNT_KINDS and row.place:
        return (row.kind, None, None, False, row.place)
    if row.value is None:
        return None
    return (row.kind, row.item, row.affected, row.cumulative, None)


def split(rows: Sequence[Row], tolerance_days: int) -> list[list[Row]]:
    """Split one bucket into questions: same story, or overlapping periods at the same place."""
    groups = Groups()
    first_in_story: dict[int, int] = {}
    for r in rows:
        groups.find(r.id)
        if r.story in first_in_story:
            groups.union(first_in_story[r.story], r.id)
        else:
            first_in_story[r.story] = r.id
    tol = timedelta(days=tolerance_days)
    open_by_place: dict[str | None, tuple[date, int]] = {}
    for r in sorted((r for r in rows if r.period), key=lambda r: (r.period, r.id)):  # type: ignore[arg-type]
        start, end = r.period  # type: ignore[misc]
        previous = open_by_place.get(r.place)
        if previous and start <= previous[0] + tol:
            groups.union(previous[1], r.id)
            open_by_place[r.place] = (max(previous[0], end), previous[1])
        else:
            open_by_place[r.place] = (end, r.id)
    parts: dict[int, list[Row]] = {}
    for r in rows:
        parts.setdefault(groups.find(r.id), []).append(r)
    _join_unplaced(parts, groups, tol)
    return [parts[k] for k in sorted(parts)]


def _span(part: list[Row]) -> tuple[date, date] | None:
    periods = [r.period for r in part if r.period]
    return (min(p[0] for p in periods), max(p[1] for p in periods)) if periods else None


def _join_unplaced(parts: dict[int, list[Row]], groups: Groups, tol: timedelta) -> None:
    """A dated question that names no place joins the one placed question of the same period (two
    or more candidates: it stays apart rather than guess)."""
    spans = {k: span for k, p in parts.items() if (span := _span(p))}
    placed = {k for k in spans if any(r.place for r in parts[k])}
    by_day: dict[date, set[int]] = {}
    for k in placed:
        lo, hi = spans[k]
        for day in _days(lo - tol, hi + tol):
            by_day.setdefault(day, set()).add(k)
    for key in [k for k in spans if k not in placed]:
        targets = {t for day in _days(*spans[key]) for t in by_day.get(day, ())}
        if len(targets) == 1:
            (target,) = targets
            parts[target].extend(parts.pop(key))
            groups.union(target, key)


def format_period(start: date | None, end: date | None) -> str:
    """20 Oct 2020 · 2–3 Apr 2016 · 30 Sep – 2 Oct 2020 · 30 Dec 2019 – 2 Jan 2020."""
    if start is None:
        return ""
    end = end or start
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def question_label(
    kind: str,
    item: str | None,
    affected: str | None,
    cumulative: bool,
    place: str | None,
    start: date | None,
    end: date | None,
    labels: Labels,
) -> str:
    """'Azerbaijani soldiers killed, running total, 20 Oct 2020' in English labels."""
    if kind in NO_COUNT_KINDS and place and item is None:
        text = f"Control of {place}"
    else:
        what = labels.items.get(item or "", item or "things")
        verb = labels.kinds.get(kind, kind)
        text = (
            f"{labels.actors.get(affected, affected)} {what} {verb}"
            if affected
            else f"{what} {verb} (side not stated)"
        )
        text = text[0].upper() + text[1:]
        if place:
            text += f" in {place}"
    if cumulative:
        text += ", running total"
    period = format_period(start, end)
    return f"{text}, {period}" if period else text


def build(key: tuple[Any, ...], rows: Sequence[Row], labels: Labels) -> Question:
    """One question from its claims."""
    kind, item, affected, cumulative, place = key
    by_claimant: dict[str, list[Row]] = {}
    for r in rows:
        by_claimant.setdefault(r.label or r.claimant, []).append(r)
    figures = [figure(group, affected, cumulative, labels) for group in by_claimant.values()]
    figures.sort(key=lambda f: (SIDE_ORDER[f.side], f.claimant))
    mark_restatements(figures)
    if kind in NO_COUNT_KINDS and item is None:  # control of a named place: who says it was taken
        for f in figures:
            f.display = "taken"
        low, best, high, rule = None, None, None, "control of a place: no count to estimate"
    else:
        low, best, high, rule = estimate(figures)
    starts = [r.start for r in rows if r.start]
    ends = [r.end or r.start for r in rows if r.start]
    if place is None:
        places = {r.place for r in rows if r.place}
        place = places.pop() if len(places) == 1 else None
    start, end = (min(starts), max(ends)) if starts else (None, None)  # type: ignore[type-var]
    return Question(
        key=key,
        story=min(r.story for r in rows),
        kind=kind,
        item=item,
        affected=affected,
        cumulative=cumulative,
        place=place,
        start=start,
        end=end,
        label=question_label(kind, item, affected, cumulative, place, start, end, labels),
        low=low,
        best=best,
        high=high,
        rule=rule,
        claims=sorted(r.id for r in rows),
        sources=len({r.copy_group for r in rows}),
        figures=figures,
    )


Key = tuple[Any, ...]


def _merge_into_one(parts: dict[Key, list[list[Row]]], vague: Callable[[Key], bool],
                    fits: Callable[[Key, Key], bool]) -> None:  # fmt: skip
    """Move each part of a vague key into the one question of the same story it can mean.

    When two or more questions could be meant, the vague part stays on its own: guessing would
    put a figure beside the wrong one.
    """
    where: dict[int, set[tuple[Key, int]]] = {}
    for key, found in parts.items():
        if not vague(key):
            for i, part in enumerate(found):
                for story in {r.story for r in part}:
                    where.setdefault(story, set()).add((key, i))
    for vkey in [k for k in parts if vague(k)]:
        keep = []
        for part in parts[vkey]:
            stories = {r.story for r in part}
            targets = {(k, i) for s in stories for k, i in where.get(s, ()) if fits(vkey, k)}
            if len(targets) == 1:
                ((key, i),) = targets
                parts[key][i].extend(part)
                for story in stories:
                    where.setdefault(story, set()).add((key, i))
            else:
                keep.append(part)
        if keep:
            parts[vkey] = keep
        else:
            del parts[vkey]


def merge_vague(parts: dict[Key, list[list[Row]]], generic: dict[str, tuple[str, ...]]) -> None:
    """Generic items ("60 people") join the one specific item's question ("civilians"), then claims
    that do not say whose losses join the one question that does (same kind, item, total flag)."""
    _merge_into_one(
        parts,
        lambda k: k[1] in generic,
        lambda v, k: (k[0], k[2], k[3]) == (v[0], v[2], v[3]) and k[1] in generic[v[1]],
    )
    _merge_into_one(
        parts,
        lambda k: k[2] is None and k[4] is None,
        lambda v, k: (k[0], k[1], k[3]) == (v[0], v[1], v[3]) and k[4] is None,
    )


def questions(
    rows: Iterable[Row],
    labels: Labels,
    tolerance_days: int,
    generic: dict[str, tuple[str, ...]] | None = None,
) -> list[Question]:
    """All questions of a set of claims; pass all items of one (kind, affected, running total)
    together so that generic items can join specific ones."""
    buckets: dict[tuple[Any, ...], list[Row]] = {}
    for r in rows:
        key = question_key(r)
        if key is not None:
            buckets.setdefault(key, []).append(r)
    parts = {key: split(found, tolerance_days) for key, found in buckets.items()}
    merge_vague(parts, generic or {})
    made: list[Question] = []
    for key in sorted(parts, key=lambda k: tuple("" if v is None else str(v) for v in k)):
        made.extend(build(key, part, labels) for part in parts[key])
    return made


# -- denials ----------------------------------------------------------------------------------


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def denies(denial: Row, claim: Row, labels: Labels) -> bool:
    """Whether `denial` contradicts `claim`: same kind and story (or period), compatible item and
    sides, made by a side other than the claimant's."""
    if denial.kind != claim.kind or claim.modality == "denied":
        return False
    near = denial.story == claim.story or (
        denial.period is not None
        and claim.period is not None
        and denial.period[0] <= claim.period[1]
        and claim.period[0] <= denial.period[1]
    )
    if not near:
        return False
    if claim.kind in NO_COUNT_KINDS and denial.place and claim.place:
        # control of a named place: the place is the question, whatever sides the words suggest
        return denial.place == claim.place and claim.claimant not in labels.side_of(denial.claimant)
    if not (
        _compatible(denial.item, claim.item)
        and _compatible(denial.affected, claim.affected)
        and _compatible(denial.agent, claim.agent)
    ):
        return False
    if denial.place and claim.place and denial.place != claim.place:
        return False
    return claim.claimant not in labels.side_of(denial.claimant)


def _days(start: date, end: date, cap: int = 62) -> Iterator[date]:
    """The days of a period (at most `cap`: an index key, not a calendar)."""
    for n in range(min((end - start).days, cap) + 1):
        yield start + timedelta(days=n)


class _DenialIndex:
    """Denials by (kind, story) and (kind, day), so each claim meets only the denials near it."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.by_story: dict[tuple[str, int], list[Row]] = {}
        self.by_day: dict[tuple[str, date], list[Row]] = {}
        for d in rows:
            self.by_story.setdefault((d.kind, d.story), []).append(d)
            if d.period:
                for day in _days(*d.period):
                    self.by_day.setdefault((d.kind, day), []).append(d)

    def near(self, claim: Row) -> list[Row]:
        found = {d.id: d for d in self.by_story.get((claim.kind, claim.story), ())}
        if claim.period:
            for day in _days(*claim.period):
                found.update((d.id, d) for d in self.by_day.get((claim.kind, day), ()))
        return list(found.values())


def link_denials(
    found: Sequence[Question], denial_rows: Sequence[Row], members: dict[int, Row], labels: Labels
) -> list[tuple[int, int]]:
    """(denial claim, denied claim) pairs; each question's figures get `denied_by` notes."""
    if not denial_rows:
        return []
    index = _DenialIndex(denial_rows)
    pairs: set[tuple[int, int]] = set()
    for q in found:
        figures = {f.claimant: f for f in q.figures}
        for claim_id in q.claims:
            claim = members[claim_id]
            for d in index.near(claim):
                if not denies(d, claim, labels):
                    continue
                pairs.add((d.id, claim.id))
                fig = figures[claim.label or claim.claimant]
                note = {"claimant": d.label or d.claimant, "evidence": d.evidence, "document": d.doc_name}
                if note not in fig.denied_by:
                    fig.denied_by.append(note)
    return sorted(pairs)
