"""Full-text search: the `search` index over documents, filled from the documents already stored.

SQLite gets an FTS5 virtual table (rowid = document id), PostgreSQL a table with a GIN index on
`to_tsvector('simple', body)`; see `marsad.store.search`, which writes and queries them. The DDL is
written out here so that this revision stays what it was; the words indexed come from
`marsad.store.search.index_text`, the same function that indexes new documents.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_CHUNK = 500


def _create(dialect: str) -> None:
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
        return
    op.execute(
        "CREATE TABLE search (document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
        " body TEXT NOT NULL)"
    )
    op.execute("CREATE INDEX ix_search_body ON search USING gin (to_tsvector('simple', body))")


def _backfill(conn: sa.Connection) -> None:
    """Index the documents stored before this revision, a chunk at a time."""
    from marsad.store import search

    last = 0
    query = sa.text("SELECT id, title, text FROM documents WHERE id > :last ORDER BY id LIMIT :n")
    while rows := conn.execute(query, {"last": last, "n": _CHUNK}).all():
        search.add(conn, [(r.id, r.title, r.text) for r in rows])
        last = rows[-1].id


def upgrade() -> None:
    conn = op.get_bind()
    _create(conn.dialect.name)
    _backfill(conn)


def downgrade() -> None:
    op.execute("DROP TABLE search")
