"""The record's tables, in SQLAlchemy Core, one definition for SQLite and PostgreSQL.

Two layers:

- **stored**: `documents` and their `claims`. They change only through ingest, one transaction per
  batch, so a crash never leaves a document without its claims or claims without their document.
- **derived**: `memberships` (copy group and story of each document), `copy_groups`, `stories`,
  `questions`, `question_claims` and `denials`. They are a pure function of the stored layer and are
  rebuilt together in one transaction by `marsad.record.refresh`; `state.stale` says when they lag.

The migrations in `marsad/store/migrations` create exactly these tables; a test compares the two.
The full-text index (`search`) is the one exception: it differs by backend (FTS5 on SQLite), so
`marsad.store.search` holds it, outside this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    # sha256 of the normalised text (+ "\n" + URL): the identity that makes ingest idempotent.
    Column("key", String(64), nullable=False, unique=True),
    # sha256 of the normalised text alone: equal hashes are exact copies, whatever their URL.
    Column("text_hash", String(64), nullable=False, index=True),
    Column("name", String(400), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("outlet", String(400)),
    Column("title", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("n_claims", Integer, nullable=False),
    # paragraph MinHash signatures for near-copy search, filled lazily by refresh.
    Column("signature", LargeBinary),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("claimant", String(40), nullable=False),
    Column("claimant_role", String(10), nullable=False),
    Column("claimant_text", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("item", String(30)),
    Column("value", BigInteger),
    Column("high", BigInteger),
    Column("qualifier", String(12), nullable=False),
    Column("affected", String(40)),
    Column("agent", String(40)),
    Column("place_text", Text),
    Column("place_name", Text),
    Column("place_country", String(8)),
    Column("place_precision", String(20)),
    Column("lat", Float),
    Column("lon", Float),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_basis", String(10)),
    Column("cumulative", Boolean, nullable=False),
    Column("modality", String(10), nullable=False),
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    UniqueConstraint("document", "seq", name="uq_claims_document_seq"),
)
Index("ix_claims_kind_item", claims.c.kind, claims.c.item, claims.c.affected)

memberships = Table(
    "memberships",
    metadata,
    Column("document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("copy_group", Integer, nullable=False, index=True),
    Column("story", Integer, nullable=False, index=True),
)

copy_groups = Table(
    "copy_groups",
    metadata,
    Column("id", Integer, primary_key=True),  # the smallest document id of the group
    Column("n_documents", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("how", String(10), nullable=False),  # single, exact, near
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),  # the smallest document id of the story
    Column("label", Text, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("n_documents", Integer, nullable=False),
    Column("n_groups", Integer, nullable=False),
    Column("places", Text, nullable=False),  # JSON list
    Column("actors", Text, nullable=False),  # JSON list
)

questions = Table(
    "questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("story", Integer, nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("item", String(30)),
    Column("affected", String(40)),
    Column("cumulative", Boolean, nullable=False),
    Column("place", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("label", Text, nullable=False),
    Column("low", BigInteger),
    Column("best", BigInteger),
    Column("high", BigInteger),
    Column("best_rule", Text, nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("figures", Text, nullable=False),  # JSON: one entry per claimant, see marsad.reconcile
)

question_claims = Table(
    "question_claims",
    metadata,
    Column("question", Integer, ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("claim", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_question_claims_claim", question_claims.c.claim)

denials = Table(
    "denials",
    metadata,
    Column("denial", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("claim", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)

state = Table(
    "state",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

DERIVED = (denials, question_claims, questions, memberships, copy_groups, stories)
