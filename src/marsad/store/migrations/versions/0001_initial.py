"""The first record schema: documents, claims, and the derived copy groups, stories and questions.

Written out table by table (not `metadata.create_all`) so that this revision stays what it was when
`marsad.store.schema` moves on; a test checks that head matches the schema module.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(400)),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_text_hash", "documents", ["text_hash"])


def _claims() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("claimant", sa.String(40), nullable=False),
        sa.Column("claimant_role", sa.String(10), nullable=False),
        sa.Column("claimant_text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("item", sa.String(30)),
        sa.Column("value", sa.BigInteger),
        sa.Column("high", sa.BigInteger),
        sa.Column("qualifier", sa.String(12), nullable=False),
        sa.Column("affected", sa.String(40)),
        sa.Column("agent", sa.String(40)),
        sa.Column("place_text", sa.Text),
        sa.Column("place_name", sa.Text),
        sa.Column("place_country", sa.String(8)),
        sa.Column("place_precision", sa.String(20)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_basis", sa.String(10)),
        sa.Column("cumulative", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String(10), nullable=False),
        sa.Column("ev_start", sa.Integer, nullable=False),
        sa.Column("ev_end", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.UniqueConstraint("document", "seq", name="uq_claims_document_seq"),
    )
    op.create_index("ix_claims_kind_item", "claims", ["kind", "item", "affected"])


def _derived() -> None:
    op.create_table(
        "memberships",
        sa.Column(
            "document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("copy_group", sa.Integer, nullable=False),
        sa.Column("story", sa.Integer, nullable=False),
    )
    op.create_index("ix_memberships_copy_group", "memberships", ["copy_group"])
    op.create_index("ix_memberships_story", "memberships", ["story"])
    op.create_table(
        "copy_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("how", sa.String(10), nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("n_groups", sa.Integer, nullable=False),
        sa.Column("places", sa.Text, nullable=False),
        sa.Column("actors", sa.Text, nullable=False),
    )


def _questions() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("item", sa.String(30)),
        sa.Column("affected", sa.String(40)),
        sa.Column("cumulative", sa.Boolean, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("low", sa.BigInteger),
        sa.Column("best", sa.BigInteger),
        sa.Column("high", sa.BigInteger),
        sa.Column("best_rule", sa.Text, nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("figures", sa.Text, nullable=False),
    )
    op.create_index("ix_questions_story", "questions", ["story"])
    op.create_table(
        "question_claims",
        sa.Column(
            "question", sa.Integer, sa.ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("claim", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_question_claims_claim", "question_claims", ["claim"])
    op.create_table(
        "denials",
        sa.Column("denial", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("claim", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "state",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def upgrade() -> None:
    _documents()
    _claims()
    _derived()
    _questions()


def downgrade() -> None:
    for name in (
        "state",
        "denials",
        "question_claims",
        "questions",
        "stories",
        "copy_groups",
        "memberships",
        "claims",
        "documents",
    ):
        op.drop_table(name)
