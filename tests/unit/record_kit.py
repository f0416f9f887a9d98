"""Shared pieces of the record tests: a store on each backend, hand-built claims, fake extractors.

Store tests run on SQLite always and on PostgreSQL when MARSAD_TEST_PG holds a server URL (see
scripts/ci_postgres.sh); each PostgreSQL test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from marsad.model import Claim, Claimant, Count, DateRange, Document, Evidence, Place

PG_URL = os.environ.get("MARSAD_TEST_PG", "").strip()
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="MARSAD_TEST_PG is not set")),
]


def _pg_admin(url: str):  # noqa: ANN202  (a psycopg connection; psycopg imported lazily)
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A `--db` value for an empty store: a SQLite file, or a fresh PostgreSQL schema (dropped after).

    Test modules wrap it in their own fixture: `@pytest.fixture(params=BACKENDS)`.
    """
    if backend == "sqlite":
        yield str(tmp_path / "record.db")
        return
    schema = f"marsad_t_{uuid.uuid4().hex[:12]}"
    with _pg_admin(PG_URL) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with _pg_admin(PG_URL) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def claim(
    doc: str,
    text: str,
    *,
    claimant: str = "ARM",
    role: str = "MIL",
    claimant_text: str = "",
    kind: str = "killed",
    item: str | None = "soldiers",
    value: int | None = 1,
    qualifier: str = "exact",
    high: int | None = None,
    affected: str | None = "AZE",
    agent: str | None = None,
    place: str | None = None,
    day: str | None = None,
    cumulative: bool = False,
    modality: str = "asserted",
) -> Claim:
    """A claim built by hand; the evidence is `text` itself, from offset 0."""
    return Claim(
        doc=doc,
        claimant=Claimant(claimant, role, claimant_text),
        kind=kind,
        item=item,
        count=Count(value, qualifier, high),
        affected=affected,
        agent=agent,
        evidence=Evidence(0, len(text), text),
        place=Place(text=place, name=place, precision="city") if place else None,
        date=DateRange(day, day, "event") if day else None,
        cumulative=cumulative,
        modality=modality,
    )


# Hand-built claims per document id, for `table_extract`.
TABLE: dict[str, list[Claim]] = {}


def table_extract(doc: Document) -> list[Claim]:
    """A fake extractor: the claims registered in TABLE for this document id."""
    return list(TABLE.get(doc.id, []))


_DIGITS = re.compile(r"\d+")


def digits_extract(doc: Document) -> list[Claim]:
    """A fake extractor for bulk tests: one 'ARM says N Azerbaijani soldiers killed' claim per number,
    the evidence being the number itself (offsets into the text, as the spec wants)."""
    out = []
    for m in _DIGITS.finditer(doc.text):
        out.append(
            Claim(
                doc=doc.id,
                claimant=Claimant("ARM", "MIL", ""),
                kind="killed",
                item="soldiers",
                count=Count(int(m.group()), "exact"),
                affected="AZE",
                agent="ARM",
                evidence=Evidence(m.start(), m.end(), m.group()),
            )
        )
    return out


def slow_digits_extract(doc: Document) -> list[Claim]:
    """`digits_extract`, 20 ms a document: slow enough to kill an ingest half-way."""
    time.sleep(0.02)
    return digits_extract(doc)


def write_articles(folder: Path, n: int) -> Path:
    """`n` distinct short Arabic articles, one .txt file each, with one or two figures."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = (
            f"قالت وزارة الدفاع الأرمينية إن قواتها قتلت {i + 10} جنديا أذربيجانيا في المعارك رقم {i}.\n\n"
            "وأضافت الوزارة في البيان أن القتال استمر طوال الليل في محيط البلدة.\n"
        )
        (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder
