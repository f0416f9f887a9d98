"""The record: ingest articles into a store, and rebuild copy groups, stories and questions.

`ingest` is idempotent: a document is identified by the hash of its normalised text (and URL), a
document already stored by the same extractor is skipped, and one stored by an older extractor has
its claims replaced. Documents go in by batches, one transaction each, so an interrupted ingest
leaves whole documents only and a rerun completes it.

`refresh` recomputes the derived tables from the stored ones in one transaction (marsad.dedupe for
copy groups and stories, marsad.reconcile for questions and denials); `ensure_fresh` runs it when
ingest left them stale.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, literal, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from marsad import __version__, dedupe, reconcile
from marsad.ingest import ReadError
from marsad.model import Claim, Document
from marsad.normalise import normalise, normalise_form
from marsad.recordconf import Labels, Settings, labels, media_names, settings
from marsad.store import Prepared, Store
from marsad.store import schema as t

Extract = Callable[[Document], list[Claim]]
Progress = Callable[[int], None]

# Package parts that do not change what extraction yields: editing them keeps stored claims valid.
_NOT_EXTRACTION = (
    "store/",
    "cli/",
    "serve/",
    "data/record/",
    "data/sample/",
    "record.py",
    "recordconf.py",
    "dedupe.py",
    "reconcile.py",
    "report.py",
    "export.py",
    "sources.py",
    "__main__.py",
)


@cache
def extractor_version() -> str:
    """`<version>+<hash>` of the code and data that extraction depends on.

    Hashing the files (not trusting a version number someone must remember to bump) makes "re-extract
    after an extractor upgrade" automatic: any edit to a rule or lexicon changes it.
    """
    root = Path(str(resources.files("marsad")))
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in rel or rel.startswith(_NOT_EXTRACTION):
            continue
        if path.suffix in (".py", ".yaml", ".yml", ".tsv", ".txt", ".json"):
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _default_extract(doc: Document) -> list[Claim]:
    from marsad.pipeline import extract_document

    return extract_document(doc)


def _version_of(extract: Extract) -> str:
    """The version stamped on stored claims: the file hash for marsad's extractor, else its name
    (hashed when longer than the column)."""
    if extract is _default_extract:
        return extractor_version()
    name = f"custom:{extract.__module__}.{extract.__qualname__}"
    return name if len(name) <= 64 else f"custom:{hashlib.sha256(name.encode()).hexdigest()[:24]}"


def prepare(doc: Document) -> Prepared:
    """A document with its identity: sha256 of the normalised, whitespace-folded text (+ URL)."""
    folded = " ".join(normalise(doc.text).text.split())
    text_hash = hashlib.sha256(folded.encode()).hexdigest()
    key = hashlib.sha256(f"{folded}\n{doc.url}".encode()).hexdigest() if doc.url else text_hash
    return Prepared(doc, key, text_hash)


@dataclass(slots=True)
class IngestResult:
    """What an ingest did, for the summary line and the per-file error report."""

    read: int = 0
    stored: int = 0
    reextracted: int = 0
    unchanged: int = 0
    claims: int = 0
    errors: list[ReadError] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.read} documents read: {self.stored} new, {self.reextracted} re-extracted, "
            f"{self.unchanged} unchanged; {self.claims} claims written; {len(self.errors)} errors"
        )


# -- extraction -------------------------------------------------------------------------------


_REQUIRED = ("kind", "modality", "qualifier")


def _check(claim: Claim) -> None:
    """Reject what the store cannot hold, so one odd claim costs its document, not the batch."""
    if not isinstance(claim, Claim):
        raise TypeError(f"not a Claim: {type(claim).__name__}")
    if not claim.claimant.actor or not claim.claimant.role:
        raise ValueError("claim without a claimant")
    for name in _REQUIRED:
        value = getattr(claim, name, None) if name != "qualifier" else claim.count.qualifier
        if not isinstance(value, str) or not value:
            raise ValueError(f"claim without {name}")
    for value in (claim.count.value, claim.count.high):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise ValueError(f"count {value!r} is not an integer")
    for name in ("item", "affected", "agent"):
        if not isinstance(getattr(claim, name), str | None):
            raise ValueError(f"{name} {getattr(claim, name)!r} is not a string")
    if not isinstance(claim.evidence.text, str) or not isinstance(claim.evidence.start, int):
        raise ValueError("claim without evidence")


def _safe_extract(doc: Document, extract: Extract) -> tuple[Claim, ...] | str:
    """Claims of one document, or the reason extraction failed (never raises)."""
    try:
        claims = tuple(extract(doc))
        for claim in claims:
            _check(claim)
        return claims
    except Exception as exc:  # noqa: BLE001  (one bad document must not stop ten thousand)
        return f"extraction failed: {type(exc).__name__}: {exc}"


def _extract_all(
    docs: Sequence[Prepared], extract: Extract, pool: Executor | None
) -> list[tuple[Claim, ...] | str]:
    fn = partial(_safe_extract, extract=extract)
    texts = [p.doc for p in docs]
    if pool is None or len(texts) < 2:
        return [fn(d) for d in texts]
    return list(pool.map(fn, texts, chunksize=max(1, len(texts) // 16)))


def _where(doc: Document) -> str:
    """The file for a file's document, `file:record` for a record of a JSON Lines, feed or WARC file."""
    if not doc.source:
        return doc.id
    return doc.source if Path(doc.source).stem == doc.id else f"{doc.source}:{doc.id}"


# -- writing ----------------------------------------------------------------------------------


def _write(
    store: Store, new: list[Prepared], replacing: dict[int, Prepared], version: str, result: IngestResult
) -> None:
    """Write a batch; if the database refuses it, retry document by document to name the culprit.

    Connection failures (OperationalError) are not a document's fault: they stop the ingest.
    """
    try:
        result.claims += store.write_batch(new, replacing, version)
        result.stored += len(new)
        result.reextracted += len(replacing)
        return
    except OperationalError:
        raise
    except DBAPIError as exc:
        if len(new) + len(replacing) == 1:
            p = new[0] if new else next(iter(replacing.values()))
            reason = str(exc.orig or exc).strip().splitlines()[0]
            result.errors.append(ReadError(_where(p.doc), f"cannot store: {reason}"))
            return
    for p in new:
        _write(store, [p], {}, version, result)
    for doc_id, p in replacing.items():
        _write(store, [], {doc_id: p}, version, result)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _batch(
    store: Store,
    chunk: list[Document | ReadError],
    extract: Extract,
    version: str,
    force: bool,
    pool: Executor | None,
    result: IngestResult,
) -> None:
    prepared: dict[str, Prepared] = {}
    for item in chunk:
        if isinstance(item, ReadError):
            result.errors.append(item)
            continue
        result.read += 1
        p = prepare(item)
        if p.key in prepared:
            result.unchanged += 1
        else:
            prepared[p.key] = p
    with store.read() as conn:
        known = store.existing(conn, list(prepared))
    todo = [p for key, p in prepared.items() if key not in known or force or known[key][1] != version]
    result.unchanged += len(prepared) - len(todo)
    new: list[Prepared] = []
    replacing: dict[int, Prepared] = {}
    for p, out in zip(todo, _extract_all(todo, extract, pool), strict=True):
        if isinstance(out, str):
            result.errors.append(ReadError(_where(p.doc), out))
        elif p.key in known:
            replacing[known[p.key][0]] = replace(p, claims=out)
        else:
            new.append(replace(p, claims=out))
    if new or replacing:
        _write(store, new, replacing, version, result)


def ingest(
    store: Store,
    items: Iterable[Document | ReadError],
    *,
    extract: Extract | None = None,
    version: str | None = None,
    force: bool = False,
    batch: int | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> IngestResult:
    """Extract and store a stream of documents; `ReadError`s are collected, never raised.

    `force` re-extracts documents even when the stored claims come from the same extractor;
    `jobs` > 1 extracts in that many processes (extraction is a pure function of the document).
    """
    extract = extract or _default_extract
    version = version or _version_of(extract)
    result = IngestResult()
    pool = ProcessPoolExecutor(jobs) if jobs > 1 else None
    try:
        for chunk in _chunks(items, batch or settings().batch):
            _batch(store, chunk, extract, version, force, pool, result)
            if progress:
                progress(len(chunk))
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return result


def stored_documents(store: Store, *, outdated_for: str | None = None) -> Iterator[Document]:
    """Documents as stored (optionally only those extracted by another version), for re-extraction."""
    d = t.documents.c
    query = select(d.id, d.name, d.text, d.title, d.published, d.url, d.outlet, d.source).order_by(d.id)
    if outdated_for:
        query = query.where(d.extractor != outdated_for)
    with store.read() as conn:
        ids = conn.execute(query.with_only_columns(d.id)).scalars().all()
    for chunk in _chunks(ids, 500):
        with store.read() as conn:
            rows = conn.execute(query.where(d.id.in_(chunk))).all()
        for _id, name, text, title, published, url, outlet, source in rows:
            yield Document(name, text, title, published, url, outlet, source)


def reextract(
    store: Store,
    *,
    extract: Extract | None = None,
    version: str | None = None,
    force: bool = False,
    batch: int | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> IngestResult:
    """Re-extract the documents already in the store (all, or those of an older extractor)."""
    extract = extract or _default_extract
    version = version or _version_of(extract)
    docs = stored_documents(store, outdated_for=None if force else version)
    return ingest(
        store, docs, extract=extract, version=version, force=True, batch=batch, jobs=jobs, progress=progress
    )


# -- refresh: copy groups, stories, questions -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DocMeta:
    name: str
    outlet: str | None
    published: Any
    url: str | None


def _fill_signatures(store: Store, cfg: Settings) -> None:
    """Compute the paragraph signatures that are missing (a cache: committed chunk by chunk)."""
    d = t.documents.c
    version = dedupe.signature_version(cfg.copies)
    with store.begin() as conn:
        if store.get_state(conn, "signature_version") != version:
            conn.execute(update(t.documents).values(signature=None))
            store.set_state(conn, "signature_version", version)
    with store.read() as conn:
        ids = conn.execute(select(d.id).where(d.signature.is_(None)).order_by(d.id)).scalars().all()
    stmt = update(t.documents).where(d.id == bindparam("b_id")).values(signature=bindparam("b_sig"))
    for chunk in _chunks(ids, 500):
        with store.begin() as conn:
            texts = conn.execute(select(d.id, d.text).where(d.id.in_(chunk))).all()
            rows = [
                {"b_id": i, "b_sig": dedupe.to_blob(dedupe.signature(_paragraphs(text, cfg), cfg.copies))}
                for i, text in texts
            ]
            conn.execute(stmt, rows)


def _paragraphs(text: str, cfg: Settings) -> list[str]:
    return dedupe.paragraphs(normalise(text).text, cfg.copies)


def _copy_groups(store: Store, cfg: Settings) -> tuple[dict[int, int], dict[int, str]]:
    d = t.documents.c
    order = (d.published.is_(None), d.published, d.id)
    with store.read() as conn, store.read() as side:

        @lru_cache(maxsize=4096)
        def paragraphs_of(doc_id: int) -> list[str]:
            return _paragraphs(side.execute(select(d.text).where(d.id == doc_id)).scalar_one(), cfg)

        rows = conn.execution_options(yield_per=500).execute(
            select(d.id, d.text_hash, d.published, d.signature).order_by(*order)
        )
        docs = (dedupe.DocSig(i, h, p, dedupe.from_blob(s or b"", cfg.copies)) for i, h, p, s in rows)
        return dedupe.copy_groups(docs, paragraphs_of, cfg.copies)


def _party(code: str | None, names: Labels) -> bool:
    return bool(code) and code not in names.independent_actors and code not in names.unattributed_actors


def _units(
    conn: Connection, groups: dict[int, int], meta: dict[int, _DocMeta], cfg: Settings, names: Labels
) -> list[dedupe.Unit]:
    """Copy groups with the places, parties and day that story clustering compares."""
    c = t.claims.c
    places: dict[int, set[str]] = defaultdict(set)
    actors: dict[int, set[str]] = defaultdict(set)
    days: dict[int, Counter[Any]] = defaultdict(Counter)
    broad = set(cfg.stories.broad_precisions)
    query = select(
        c.document,
        c.claimant,
        c.claimant_role,
        c.affected,
        c.agent,
        c.place_name,
        c.place_text,
        c.place_precision,
        c.date_start,
        c.date_basis,
    )
    for doc, claimant, role, affected, agent, pname, ptext, precision, start, basis in conn.execution_options(
        yield_per=5000
    ).execute(query):
        g = groups[doc]
        if (pname or ptext) and precision not in broad:
            places[g].add(pname or normalise_form(ptext))
        if _party(claimant, names) and role not in names.independent_roles | names.unattributed_roles:
            actors[g].add(claimant)
        actors[g].update(a for a in (affected, agent) if _party(a, names))
        if start is not None and basis == "event":
            days[g][start] += 1
    published: dict[int, Any] = {}
    for doc, m in meta.items():
        if m.published is not None:
            g = groups[doc]
            published[g] = min(published.get(g, m.published), m.published)
    units = []
    for g in set(groups.values()):
        day = published.get(g) or (days[g].most_common(1)[0][0] if days[g] else None)
        units.append(dedupe.Unit(g, day, frozenset(places[g]), frozenset(actors[g])))
    units.sort(key=lambda u: (u.day is None, u.day or 0, u.id))
    return units


def story_label(story: dedupe.Story) -> str:
    """'Zangilan, Jabrayil · AZE, ARM · 20–21 Oct 2020' (empty parts left out)."""
    parts = [
        ", ".join(p for p, _ in story.places.most_common(3)),
        ", ".join(a for a, _ in story.actors.most_common(3)),
        reconcile.format_period(story.start, story.end),
    ]
    return " · ".join(p for p in parts if p) or f"story {story.id}"


def _claim_rows(
    conn: Connection,
    where: Any,
    groups: dict[int, int],
    story_of: dict[int, int],
    media: Sequence[tuple[str, str]],
    meta: dict[int, _DocMeta],
    *,
    evidence: bool = True,
) -> Iterator[reconcile.Row]:
    """Claims as reconciliation rows, streamed in bucket order; without `evidence` the rows are
    lighter (a bucket may hold a large share of the corpus) and `_fill_evidence` quotes later.
    Document fields come from `meta` and short codes are interned: rows share their strings."""
    c = t.claims.c
    columns = [c.id, c.document, c.claimant, c.claimant_role, c.claimant_text, c.kind, c.item, c.value,
               c.high, c.qualifier, c.affected, c.agent, c.place_name, c.place_text, c.date_start, c.date_end,
               c.cumulative, c.modality]  # fmt: skip
    query = (
        select(*columns, c.evidence if evidence else literal("").label("evidence"))
        .where(where)
        .order_by(c.kind, c.cumulative, c.affected, c.item, c.id)
    )

    @lru_cache(maxsize=4096)
    def media_label(text: str) -> str:
        return reconcile.claimant_label("MEDIA", text, media, normalise_form(text))

    for r in conn.execution_options(yield_per=5000).execute(query):
        group = groups.get(r.document, r.document)
        doc = meta[r.document]
        claimant = _intern(r.claimant)
        yield reconcile.Row(
            id=r.id, document=r.document, doc_name=doc.name, outlet=doc.outlet, url=doc.url, copy_group=group,
            story=story_of.get(group, group), claimant=claimant, role=_intern(r.claimant_role),
            claimant_text=_intern(r.claimant_text), kind=_intern(r.kind), item=_intern(r.item), value=r.value,
            high=r.high, qualifier=_intern(r.qualifier), affected=_intern(r.affected), agent=_intern(r.agent),
            place=_intern(r.place_name or r.place_text), start=r.date_start, end=r.date_end,
            cumulative=bool(r.cumulative), modality=_intern(r.modality), evidence=r.evidence,
            label=media_label(r.claimant_text) if claimant == "MEDIA" else claimant,
        )  # fmt: skip


def _intern(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


def _fill_evidence(conn: Connection, found: list[reconcile.Question]) -> None:
    """Quote the evidence of the claims each figure cites (rows were read without it)."""
    c = t.claims.c
    wanted = sorted({cid for q in found for f in q.figures if not f.evidence for cid in f.evidence_claims})
    texts: dict[int, str] = {}
    for chunk in _chunks(wanted, 900):
        texts.update(
            (cid, text) for cid, text in conn.execute(select(c.id, c.evidence).where(c.id.in_(chunk)))
        )
    for q in found:
        for f in q.figures:
            if not f.evidence:
                f.evidence = list(dict.fromkeys(texts[cid] for cid in f.evidence_claims if cid in texts))


def _question_rows(q: reconcile.Question, qid: int) -> dict[str, Any]:
    return {
        "id": qid,
        "story": q.story,
        "kind": q.kind,
        "item": q.item,
        "affected": q.affected,
        "cumulative": q.cumulative,
        "place": q.place,
        "date_start": q.start,
        "date_end": q.end,
        "label": q.label,
        "low": q.low,
        "best": q.best,
        "high": q.high,
        "best_rule": q.rule,
        "n_claims": len(q.claims),
        "n_sources": q.sources,
        "figures": json.dumps([f.to_json() for f in q.figures], ensure_ascii=False),
    }


def _write_questions(w: Connection, found: list[reconcile.Question], next_id: int) -> int:
    if not found:
        return next_id
    rows, links = [], []
    for q in found:
        rows.append(_question_rows(q, next_id))
        links.extend({"question": next_id, "claim": cid} for cid in q.claims)
        next_id += 1
    w.execute(t.questions.insert(), rows)
    w.execute(t.question_claims.insert(), links)
    return next_id


def _reconcile(
    r: Connection,
    w: Connection,
    groups: dict[int, int],
    story_of: dict[int, int],
    meta: dict[int, _DocMeta],
    names: Labels,
    cfg: Settings,
) -> tuple[int, int]:
    """Questions bucket by bucket (streamed), denials linked; returns (questions, denial links)."""
    c = t.claims.c
    media = media_names()
    tol = cfg.questions.tolerance_days
    denials = list(_claim_rows(r, c.modality == "denied", groups, story_of, media, meta))
    next_id, pairs = 1, []
    counted = c.value.is_not(None) & (c.modality != "denied") & (c.kind.not_in(reconcile.NO_COUNT_KINDS))
    rows = _claim_rows(r, counted, groups, story_of, media, meta, evidence=False)
    generic = cfg.questions.generic_items
    for _key, bucket in itertools.groupby(rows, key=lambda x: (x.kind, x.cumulative)):
        members = list(bucket)
        found = reconcile.questions(members, names, tol, generic)
        pairs += reconcile.link_denials(found, denials, {m.id: m for m in members}, names)
        _fill_evidence(w, found)
        next_id = _write_questions(w, found, next_id)
        del members, found
    is_control = c.kind.in_(reconcile.NO_COUNT_KINDS) & (c.modality != "denied")
    placed = [x for x in _claim_rows(r, is_control, groups, story_of, media, meta) if x.place]
    found = reconcile.questions(placed, names, tol)
    pairs += reconcile.link_denials(found, denials, {m.id: m for m in placed}, names)
    next_id = _write_questions(w, found, next_id)
    pairs = sorted(set(pairs))
    if pairs:
        w.execute(t.denials.insert(), [{"denial": a, "claim": b} for a, b in pairs])
    return next_id - 1, len(pairs)


def refresh(store: Store, cfg: Settings | None = None) -> dict[str, int]:
    """Rebuild copy groups, stories, questions and denial links from the stored claims.

    Signatures are cached first (committed as they go); everything else is replaced in one
    transaction, so a reader sees either the old derived tables or the new ones.
    """
    cfg = cfg or settings()
    names = labels()
    _fill_signatures(store, cfg)
    groups, how = _copy_groups(store, cfg)
    d = t.documents.c
    with store.read() as r:
        query = select(d.id, d.name, d.outlet, d.published, d.url)
        meta = {i: _DocMeta(n, o and sys.intern(o), p, u) for i, n, o, p, u in r.execute(query)}
        units = _units(r, groups, meta, cfg, names)
    made = dedupe.stories(units, cfg.stories)
    story_of = {u: s.id for s in made.values() for u in s.units}
    with store.begin() as w, store.read() as r:
        for table in t.DERIVED:
            w.execute(delete(table))
        _write_groups(w, groups, how, meta, story_of)
        _write_stories(w, made, groups)
        n_questions, n_denials = _reconcile(r, w, groups, story_of, meta, names, cfg)
        store.set_state(w, "stale", "0")
    return {
        "documents": len(groups),
        "copy_groups": len(set(groups.values())),
        "stories": len(made),
        "questions": n_questions,
        "denials": n_denials,
    }


def _write_groups(
    w: Connection,
    groups: dict[int, int],
    how: dict[int, str],
    meta: dict[int, _DocMeta],
    story_of: dict[int, int],
) -> None:
    members: dict[int, list[int]] = defaultdict(list)
    for doc, g in groups.items():
        members[g].append(doc)
    rows = [{"document": doc, "copy_group": g, "story": story_of[g]} for doc, g in sorted(groups.items())]
    for chunk in _chunks(rows, 5000):
        w.execute(t.memberships.insert(), chunk)
    group_rows = [
        {
            "id": g,
            "n_documents": len(docs),
            "how": how.get(g, "single"),
            "n_outlets": len({meta[x].outlet or meta[x].name for x in docs}),
        }
        for g, docs in sorted(members.items())
    ]
    for chunk in _chunks(group_rows, 5000):
        w.execute(t.copy_groups.insert(), chunk)


def _write_stories(w: Connection, made: dict[int, dedupe.Story], groups: dict[int, int]) -> None:
    docs_per_group = Counter(groups.values())
    rows = [
        {
            "id": s.id,
            "label": story_label(s),
            "date_start": s.start,
            "date_end": s.end,
            "n_documents": sum(docs_per_group[u] for u in s.units),
            "n_groups": len(s.units),
            "places": json.dumps([p for p, _ in s.places.most_common()], ensure_ascii=False),
            "actors": json.dumps([a for a, _ in s.actors.most_common()]),
        }
        for s in sorted(made.values(), key=lambda s: s.id)
    ]
    for chunk in _chunks(rows, 5000):
        w.execute(t.stories.insert(), chunk)


def ensure_fresh(store: Store) -> bool:
    """Refresh the derived tables when ingest left them stale; True when it did."""
    if store.is_stale():
        refresh(store)
        return True
    return False
