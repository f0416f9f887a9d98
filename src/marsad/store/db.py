"""Opening a store (SQLite file or PostgreSQL server) and the writes that keep it consistent.

Every write that touches stored data is one transaction: a batch of documents goes in with all its
claims or not at all, so `kill -9` at any moment leaves whole documents only and a rerun picks up
where the last committed batch ended. The derived tables are flagged stale in the same transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from marsad.model import Claim, Document
from marsad.store import schema as t
from marsad.store import search

DEFAULT_DB = "marsad.db"
HEAD = "0002"  # the newest migration; a test checks it against marsad/store/migrations


class StoreError(RuntimeError):
    """The store cannot be opened or used (bad URL, server down, newer schema): a user error."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to store: its identity hashes and, once extracted, its claims."""

    doc: Document
    key: str
    text_hash: str
    claims: tuple[Claim, ...] = ()


def resolve_url(db: str | None = None) -> str:
    """`--db` value (or env MARSAD_DB, or `marsad.db`) to an SQLAlchemy URL.

    A bare path is a SQLite file; `postgresql://` and `postgres://` get the psycopg 3 driver, which
    is the one marsad installs (SQLAlchemy would otherwise pick psycopg2).
    """
    raw = (db or os.environ.get("MARSAD_DB") or DEFAULT_DB).strip()
    for prefix in ("postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    if raw.startswith(("postgresql+psycopg://", "sqlite:")):
        return raw
    if "://" in raw:
        raise StoreError(
            f"unsupported database URL {raw.split('://')[0]}://… (use a file path or postgresql://…)"
        )
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """WAL survives kill -9 without losing committed batches and lets readers run during ingest."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use {display_url(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        path = make_url(url).database
        if path and path != ":memory:" and not Path(path).parent.is_dir():
            raise StoreError(f"cannot create the store {path}: its folder does not exist")
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name != "postgresql":
        raise StoreError(f"unsupported database {engine.dialect.name} (SQLite and PostgreSQL are)")
    return engine


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Store:
    """One record database. Open with `open_store`; use as a context manager to dispose of it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction; connection failures become `StoreError` with the server's reason."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except OperationalError as exc:
            raise StoreError(f"{display_url(self.url)}: {_first_line(exc)}") from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only connection (no commit needed)."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise StoreError(f"{display_url(self.url)}: {_first_line(exc)}") from exc

    # -- state ------------------------------------------------------------------------------------

    def get_state(self, conn: Connection, key: str) -> str | None:
        return conn.execute(select(t.state.c.value).where(t.state.c.key == key)).scalar()

    def set_state(self, conn: Connection, key: str, value: str) -> None:
        if conn.execute(update(t.state).where(t.state.c.key == key).values(value=value)).rowcount == 0:
            conn.execute(t.state.insert().values(key=key, value=value))

    def is_stale(self) -> bool:
        """True when documents changed since the derived tables were last rebuilt."""
        with self.read() as conn:
            return self.get_state(conn, "stale") == "1"

    # -- stored layer ---------------------------------------------------------------------------

    def existing(self, conn: Connection, keys: Sequence[str]) -> dict[str, tuple[int, str]]:
        """`{key: (document id, extractor version)}` for the keys already stored."""
        if not keys:
            return {}
        rows = conn.execute(
            select(t.documents.c.key, t.documents.c.id, t.documents.c.extractor).where(
                t.documents.c.key.in_(list(keys))
            )
        )
        return {key: (doc_id, extractor) for key, doc_id, extractor in rows}

    def write_batch(self, new: Sequence[Prepared], replace: dict[int, Prepared], extractor: str) -> int:
        """Insert new documents and replace the claims of re-extracted ones, in one transaction.

        Returns the number of claims written.
        """
        now = datetime.now(UTC)
        written = 0
        with self.begin() as conn:
            if new:
                ids = (
                    conn.execute(
                        t.documents.insert().returning(t.documents.c.id, sort_by_parameter_order=True),
                        [_document_row(p, extractor, now) for p in new],
                    )
                    .scalars()
                    .all()
                )
                written += _insert_claims(conn, zip(ids, new, strict=True))
                search.add(conn, [(i, p.doc.title, p.doc.text) for i, p in zip(ids, new, strict=True)])
            if replace:
                conn.execute(delete(t.claims).where(t.claims.c.document.in_(list(replace))))
                for doc_id, prepared in replace.items():
                    conn.execute(
                        update(t.documents)
                        .where(t.documents.c.id == doc_id)
                        .values(extractor=extractor, n_claims=len(prepared.claims), ingested_at=now)
                    )
                written += _insert_claims(conn, replace.items())
            self.set_state(conn, "stale", "1")
        return written

    def counts(self) -> dict[str, int]:
        """Rows per table of the record, for summaries and tests."""
        names = ("documents", "claims", "copy_groups", "stories", "questions", "denials")
        with self.read() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar_one()
                for name in names
            }

    def problems(self) -> list[str]:
        """Consistency checks: every document holds exactly the claims it says it has."""
        found: list[str] = []
        per_doc = (
            select(t.claims.c.document, func.count().label("n")).group_by(t.claims.c.document).subquery()
        )
        query = (
            select(t.documents.c.name, t.documents.c.n_claims, per_doc.c.n)
            .select_from(t.documents.outerjoin(per_doc, per_doc.c.document == t.documents.c.id))
            .where(t.documents.c.n_claims != func.coalesce(per_doc.c.n, 0))
        )
        with self.read() as conn:
            for name, expected, got in conn.execute(query):
                found.append(f"document {name}: {got or 0} claims stored, {expected} expected")
            orphans = conn.execute(
                select(func.count())
                .select_from(t.claims)
                .where(~t.claims.c.document.in_(select(t.documents.c.id)))
            ).scalar_one()
        if orphans:
            found.append(f"{orphans} claims without a document")
        return found


def _document_row(p: Prepared, extractor: str, now: datetime) -> dict[str, Any]:
    d = p.doc
    return {
        "key": p.key,
        "text_hash": p.text_hash,
        "name": d.id[:400],
        "source": d.source,
        "url": d.url,
        "outlet": (d.outlet or None) and d.outlet[:400],
        "title": d.title,
        "published": d.published,
        "text": d.text,
        "extractor": extractor,
        "n_claims": len(p.claims),
        "signature": None,
        "ingested_at": now,
    }


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def claim_row(claim: Claim, document: int, seq: int) -> dict[str, Any]:
    """A `Claim` as a `claims` row (flat columns, dates as dates)."""
    place, when = claim.place, claim.date
    return {
        "document": document,
        "seq": seq,
        "claimant": claim.claimant.actor,
        "claimant_role": claim.claimant.role,
        "claimant_text": claim.claimant.text or "",
        "kind": claim.kind,
        "item": claim.item,
        "value": claim.count.value,
        "high": claim.count.high,
        "qualifier": claim.count.qualifier,
        "affected": claim.affected,
        "agent": claim.agent,
        "place_text": place.text if place else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_precision": place.precision if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "date_start": _date(when.start) if when else None,
        "date_end": _date(when.end) if when else None,
        "date_basis": when.basis if when else None,
        "cumulative": bool(claim.cumulative),
        "modality": claim.modality,
        "ev_start": claim.evidence.start,
        "ev_end": claim.evidence.end,
        "evidence": claim.evidence.text,
    }


def _insert_claims(conn: Connection, docs: Iterable[tuple[int, Prepared]]) -> int:
    rows = [claim_row(c, doc_id, seq) for doc_id, p in docs for seq, c in enumerate(p.claims)]
    if rows:
        conn.execute(t.claims.insert(), rows)
    return len(rows)


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and create or upgrade) the store named by `--db`, MARSAD_DB or `marsad.db`."""
    store = Store(resolve_url(db))
    if migrate:
        try:
            from marsad.store.migrate import upgrade

            upgrade(store)
        except StoreError:
            store.close()
            raise
        except DBAPIError as exc:
            store.close()
            raise StoreError(f"{display_url(store.url)}: {_first_line(exc)}") from exc
    return store
