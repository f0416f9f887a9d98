"""Read-only SQL over the record for the API and the dashboard: one function per view.

Every list is a `Page` (items plus the total that the filters select), so the API and the pages
paginate the same way. Filters are plain dataclasses built from the URL's query string; a conflict
is resolved to its parties by `marsad.report.conflict_parties`, as `marsad report --conflict` does.
Nothing here writes: the server opens the store read-only by default.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, and_, case, exists, func, literal, or_, select

from marsad.report import conflict_parties
from marsad.store import Store, search
from marsad.store import schema as t

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
TIMELINE_POINTS = 2000  # claims drawn on a question's timeline
MAP_PLACES = 2000  # places drawn on the map
DISPUTED_POOL = 300  # questions whose parties' spread is computed for the overview


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list and the size of the whole list."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Window:
    """limit/offset, clamped: a client cannot ask for a million rows at once."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @classmethod
    def of(cls, limit: int | None, offset: int | None) -> Window:
        return cls(max(1, min(limit or DEFAULT_LIMIT, MAX_LIMIT)), max(0, offset or 0))


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims (and questions) to show; every field is optional and they combine with AND."""

    conflict: str | None = None
    actor: str | None = None
    kind: str | None = None
    item: str | None = None
    place: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    story: int | None = None
    document: int | None = None

    def parties(self) -> frozenset[str] | None:
        return conflict_parties(self.conflict) if self.conflict else None

    def query_args(self) -> dict[str, str]:
        """The filter as URL query parameters (for links that keep it)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}


def _rows(result: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in result]


def _page(conn: Connection, query: Select[Any], count: Select[Any], window: Window) -> Page:
    total = conn.execute(count).scalar_one()
    items = _rows(conn.execute(query.limit(window.limit).offset(window.offset)))
    return Page(items, total, window.limit, window.offset)


# -- claims ---------------------------------------------------------------------------------------


def _claim_where(flt: ClaimFilter) -> list[Any]:
    c, m = t.claims.c, t.memberships.c
    where: list[Any] = []
    parties = flt.parties()
    if parties is not None:
        where.append(or_(c.claimant.in_(parties), c.affected.in_(parties), c.agent.in_(parties)))
    if flt.actor:
        where.append(or_(c.claimant == flt.actor, c.affected == flt.actor, c.agent == flt.actor))
    for column, value in ((c.kind, flt.kind), (c.item, flt.item), (c.document, flt.document)):
        if value is not None and value != "":
            where.append(column == value)
    if flt.place:
        where.append(or_(c.place_name == flt.place, c.place_text == flt.place))
    if flt.date_from:
        where.append(func.coalesce(c.date_end, c.date_start) >= flt.date_from)
    if flt.date_to:
        where.append(c.date_start <= flt.date_to)
    if flt.story is not None:
        where.append(c.document.in_(select(m.document).where(m.story == flt.story)))
    return where


CLAIM_COLUMNS = (
    t.claims,
    t.documents.c.name.label("doc_name"),
    t.documents.c.title.label("doc_title"),
    t.documents.c.outlet,
    t.documents.c.url,
    t.documents.c.published,
    t.memberships.c.copy_group,
    t.memberships.c.story,
)


def _claims_select(where: Sequence[Any]) -> Select[Any]:
    c, d, m = t.claims.c, t.documents.c, t.memberships.c
    return (
        select(*CLAIM_COLUMNS)
        .select_from(
            t.claims.join(t.documents, d.id == c.document).outerjoin(t.memberships, m.document == d.id)
        )
        .where(*where)
    )


def claims(store: Store, flt: ClaimFilter, window: Window) -> Page:
    """Claims the filter selects, newest stored first."""
    where = _claim_where(flt)
    query = _claims_select(where).order_by(t.claims.c.id.desc())
    count = select(func.count()).select_from(t.claims).where(*where)
    with store.read() as conn:
        return _page(conn, query, count, window)


def claim(store: Store, claim_id: int) -> dict[str, Any] | None:
    """One claim with its document fields and the question it answers."""
    qc = t.question_claims.c
    with store.read() as conn:
        row = conn.execute(_claims_select([t.claims.c.id == claim_id])).first()
        if row is None:
            return None
        out = dict(row._mapping)
        out["question"] = conn.execute(select(func.min(qc.question)).where(qc.claim == claim_id)).scalar()
    return out


# -- questions ------------------------------------------------------------------------------------


def _linked_claims(*conditions: Any) -> Any:
    """EXISTS a claim of this question meeting the conditions."""
    qc, c = t.question_claims.c, t.claims.c
    return exists(
        select(literal(1))
        .select_from(t.question_claims.join(t.claims, c.id == qc.claim))
        .where(qc.question == t.questions.c.id, *conditions)
    )


def _question_where(flt: ClaimFilter) -> list[Any]:
    q, c = t.questions.c, t.claims.c
    where: list[Any] = []
    parties = flt.parties()
    if parties is not None:
        where.append(or_(q.affected.in_(parties), _linked_claims(c.claimant.in_(parties))))
    if flt.actor:
        where.append(or_(q.affected == flt.actor, _linked_claims(c.claimant == flt.actor)))
    for column, value in ((q.kind, flt.kind), (q.item, flt.item), (q.place, flt.place), (q.story, flt.story)):
        if value is not None and value != "":
            where.append(column == value)
    if flt.date_from:
        where.append(func.coalesce(q.date_end, q.date_start) >= flt.date_from)
    if flt.date_to:
        where.append(q.date_start <= flt.date_to)
    if flt.document is not None:
        where.append(_linked_claims(c.document == flt.document))
    return where


def _spread_expr() -> Any:
    """high / low of the question's estimate: how far apart the figures are (0 when unknown)."""
    q = t.questions.c
    return case((and_(q.low > 0, q.high.is_not(None)), q.high * 1.0 / q.low), else_=0.0)


QUESTION_ORDERS = ("id", "recent", "spread")


def _question_order(sort: str) -> list[Any]:
    q = t.questions.c
    if sort == "recent":
        return [q.date_end.is_(None), q.date_end.desc(), q.id.desc()]
    if sort == "spread":
        return [_spread_expr().desc(), q.n_sources.desc(), q.id]
    return [q.id]


def _questions_select() -> Select[Any]:
    """Questions with the label of their story."""
    return select(t.questions, t.stories.c.label.label("story_label")).join(
        t.stories, t.stories.c.id == t.questions.c.story
    )


def _question(row: Any) -> dict[str, Any]:
    out = dict(row._mapping)
    out["figures"] = json.loads(out["figures"])
    out["party_spread"] = party_spread(out["figures"])
    return out


def questions(store: Store, flt: ClaimFilter, window: Window, sort: str = "id") -> Page:
    """Questions the filter selects, each with every claimant's figure."""
    where = _question_where(flt)
    query = _questions_select().where(*where).order_by(*_question_order(sort))
    count = select(func.count()).select_from(t.questions).where(*where)
    with store.read() as conn:
        total = conn.execute(count).scalar_one()
        items = [_question(r) for r in conn.execute(query.limit(window.limit).offset(window.offset))]
    return Page(items, total, window.limit, window.offset)


def question(store: Store, question_id: int) -> dict[str, Any] | None:
    """One question and its figures (its claims come from `question_claims`)."""
    query = _questions_select().where(t.questions.c.id == question_id)
    with store.read() as conn:
        row = conn.execute(query).first()
    return _question(row) if row else None


def question_claims(store: Store, question_id: int, window: Window) -> Page:
    """The claims behind a question, with their documents' outlets and copy-group sizes."""
    c, qc, g = t.claims.c, t.question_claims.c, t.copy_groups.c
    where = [c.id.in_(select(qc.claim).where(qc.question == question_id))]
    query = (
        _claims_select(where)
        .add_columns(g.n_documents.label("copies"), t.documents.c.text.label("doc_text"))
        .outerjoin(t.copy_groups, g.id == t.memberships.c.copy_group)
        .order_by(c.date_start.is_(None), c.date_start, c.id)
    )
    count = select(func.count()).select_from(t.question_claims).where(qc.question == question_id)
    with store.read() as conn:
        return _page(conn, query, count, window)


def timeline_points(store: Store, question_id: int) -> list[dict[str, Any]]:
    """(claim, claimant, value, day) for every dated claim of a question; the day is the claim's own
    date, else its article's."""
    c, qc, d = t.claims.c, t.question_claims.c, t.documents.c
    day = func.coalesce(c.date_end, c.date_start, d.published).label("day")
    query = (
        select(c.id, c.claimant, c.value, c.high, c.qualifier, day)
        .select_from(t.question_claims.join(t.claims, c.id == qc.claim).join(t.documents, d.id == c.document))
        .where(qc.question == question_id, c.value.is_not(None), day.is_not(None))
        .order_by(day, c.id)
        .limit(TIMELINE_POINTS)
    )
    with store.read() as conn:
        return _rows(conn.execute(query))


def party_spread(figures: Sequence[dict[str, Any]]) -> float:
    """How far apart the parties' figures are: largest / smallest stated value among the claimants
    of the two sides (own, other), or among all claimants when one side is silent; 0 for none."""
    sides = [f for f in figures if f.get("side") in ("own", "other") and f.get("value")]
    pool = sides if len({f["side"] for f in sides}) > 1 else [f for f in figures if f.get("value")]
    values = [max(f["value"], f.get("high") or 0) for f in pool] + [f["value"] for f in pool]
    if len(pool) < 2 or min(values) <= 0:
        return 0.0
    return max(values) / min(values)


def most_disputed(store: Store, n: int = 10) -> list[dict[str, Any]]:
    """The questions whose parties disagree most: the widest estimates are read (SQL), then ranked
    by the spread between the parties' own figures (JSON)."""
    q = t.questions.c
    query = (
        _questions_select()
        .where(q.n_claims > 1, _spread_expr() > 1)
        .order_by(_spread_expr().desc(), q.id)
        .limit(DISPUTED_POOL)
    )
    with store.read() as conn:
        found = [_question(r) for r in conn.execute(query)]
    found = [x for x in found if x["party_spread"] > 1]
    found.sort(key=lambda x: (-x["party_spread"], -x["n_sources"], x["id"]))
    return found[:n]


# -- documents, stories, search -------------------------------------------------------------------

DOC_COLUMNS = (
    t.documents.c.id, t.documents.c.name, t.documents.c.title, t.documents.c.outlet, t.documents.c.url,
    t.documents.c.published, t.documents.c.source, t.documents.c.n_claims, t.memberships.c.copy_group,
    t.memberships.c.story,
)  # fmt: skip


def _docs_select() -> Select[Any]:
    d, m = t.documents.c, t.memberships.c
    return select(*DOC_COLUMNS).select_from(t.documents.outerjoin(t.memberships, m.document == d.id))


def documents(store: Store, window: Window, story: int | None = None, outlet: str | None = None) -> Page:
    """Documents, newest stored first."""
    d, m = t.documents.c, t.memberships.c
    where: list[Any] = []
    if story is not None:
        where.append(d.id.in_(select(m.document).where(m.story == story)))
    if outlet:
        where.append(d.outlet == outlet)
    query = _docs_select().where(*where).order_by(d.id.desc())
    count = select(func.count()).select_from(t.documents).where(*where)
    with store.read() as conn:
        return _page(conn, query, count, window)


def document(store: Store, doc_id: int) -> dict[str, Any] | None:
    """One document with its text, its claims in text order and the other copies of it."""
    d, c, m = t.documents.c, t.claims.c, t.memberships.c
    with store.read() as conn:
        row = conn.execute(_docs_select().add_columns(d.text).where(d.id == doc_id)).first()
        if row is None:
            return None
        out = dict(row._mapping)
        qc = t.question_claims.c
        first_q = select(func.min(qc.question)).where(qc.claim == c.id).scalar_subquery().label("question")
        out["claims"] = _rows(conn.execute(select(t.claims, first_q).where(c.document == doc_id).order_by(
            c.ev_start, c.seq)))  # fmt: skip
        copies = (
            select(d.id, d.name, d.outlet, d.published)
            .join(t.memberships, m.document == d.id)
            .where(m.copy_group == out["copy_group"], d.id != doc_id)
            .order_by(d.id)
            .limit(50)
        )
        out["copies"] = _rows(conn.execute(copies)) if out["copy_group"] is not None else []
    return out


def stories(store: Store, window: Window) -> Page:
    """Stories, latest first (by the last day they cover)."""
    s = t.stories.c
    query = select(t.stories).order_by(s.date_end.is_(None), s.date_end.desc(), s.id.desc())
    count = select(func.count()).select_from(t.stories)
    with store.read() as conn:
        page = _page(conn, query, count, window)
    return Page([_story(item) for item in page.items], page.total, page.limit, page.offset)


def _story(row: dict[str, Any]) -> dict[str, Any]:
    """A story row with its places and actors decoded (stored as JSON lists)."""
    return {**row, "places": json.loads(row["places"]), "actors": json.loads(row["actors"])}


def story(store: Store, story_id: int) -> dict[str, Any] | None:
    with store.read() as conn:
        row = conn.execute(select(t.stories).where(t.stories.c.id == story_id)).first()
    return _story(dict(row._mapping)) if row else None


def find(store: Store, text: str, window: Window) -> Page:
    """Documents whose normalised words contain every word of `text`, newest stored first."""
    with store.read() as conn:
        total, ids = search.match(conn, text, limit=window.limit, offset=window.offset)
        rows = _rows(
            conn.execute(_docs_select().add_columns(t.documents.c.text).where(t.documents.c.id.in_(ids)))
        )
    order = {doc_id: i for i, doc_id in enumerate(ids)}
    rows.sort(key=lambda r: order[r["id"]])
    return Page(rows, total, window.limit, window.offset)


# -- overview and map -----------------------------------------------------------------------------


@cache
def conflict_table() -> tuple[dict[str, Any], ...]:
    """The conflicts of the lexicon (id, English name, parties)."""
    from marsad.lexicon.load import load_table

    return tuple(load_table("conflicts")["conflicts"])


def _fingerprint(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever claims or questions do (ingest appends or replaces with new ids)."""
    c, q = t.claims.c, t.questions.c
    return tuple(conn.execute(select(func.max(c.id), func.count(c.id))).one()) + (
        conn.execute(select(func.max(q.id))).scalar(),
    )


_cache: dict[tuple[str, str], tuple[tuple[Any, ...], Any]] = {}


def _cached(store: Store, name: str, compute: Callable[[Connection], Any]) -> Any:
    """`compute(conn)`, kept until the record changes: for summaries that scan every claim."""
    with store.read() as conn:
        key = _fingerprint(conn)
        hit = _cache.get((store.url, name))
        if hit and hit[0] == key:
            return hit[1]
        value = compute(conn)
    _cache[(store.url, name)] = (key, value)
    return value


def conflicts(store: Store) -> list[dict[str, Any]]:
    """Each conflict of the lexicon with the claims that involve its parties (claimant, affected
    or agent); one pass over the claims, cached until the record changes."""
    return _cached(store, "conflicts", _conflicts)


def _conflicts(conn: Connection) -> list[dict[str, Any]]:
    c = t.claims.c
    combos = conn.execute(select(c.claimant, c.affected, c.agent, func.count()).group_by(
        c.claimant, c.affected, c.agent)).all()  # fmt: skip
    out = []
    for entry in conflict_table():
        parties = {code for side in entry["parties"] for code in side}
        n = sum(k for a, b, g, k in combos if parties & {a, b, g})
        if n:
            out.append({"id": entry["id"], "name": entry.get("en", entry["id"]), "claims": n,
                        "parties": entry["parties"]})  # fmt: skip
    out.sort(key=lambda x: -x["claims"])
    return out


def map_places(store: Store, flt: ClaimFilter) -> list[dict[str, Any]]:
    """Places of the claims the filter selects, with their coordinates and claim counts."""
    c = t.claims.c
    name = func.coalesce(c.place_name, c.place_text)
    query = (
        select(name.label("place"), c.lat, c.lon, func.count().label("claims"))
        .where(c.lat.is_not(None), c.lon.is_not(None), *_claim_where(flt))
        .group_by(name, c.lat, c.lon)
        .order_by(func.count().desc())
        .limit(MAP_PLACES)
    )
    with store.read() as conn:
        return _rows(conn.execute(query))


def distinct_values(store: Store) -> dict[str, list[str]]:
    """Kinds and items present in the record, for the filter forms (cached like `conflicts`)."""
    return _cached(store, "choices", _distinct_values)


def _distinct_values(conn: Connection) -> dict[str, list[str]]:
    c = t.claims.c
    kinds = conn.execute(select(c.kind).distinct().order_by(c.kind)).scalars().all()
    items = conn.execute(select(c.item).where(c.item.is_not(None)).distinct().order_by(c.item)).scalars()
    return {"kinds": list(kinds), "items": list(items)}
