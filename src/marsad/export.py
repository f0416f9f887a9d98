"""Export the record for other tools: claims or questions as CSV, JSON Lines, GeoJSON or Parquet.

One row a claim, with column names an ACLED or UCDP user will recognise (event_date, event_type,
actor1 = who did it, actor2 = who suffered it, location, latitude, longitude, source, source_url,
notes = the Arabic evidence) plus marsad's own (claimant, count, qualifier, cumulative, modality,
copy_group, story, question). Questions carry low / best / high like UCDP's GED.

Rows are streamed from the store and written as they come (Parquet in row groups), so an export of
millions of claims runs in flat memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import IO, Any

from sqlalchemy import func, select

from marsad.store import Store
from marsad.store import schema as t

FORMATS = ("csv", "jsonl", "geojson", "parquet")
WHATS = ("claims", "questions")
_BATCH = 10_000

# (column, pyarrow type name) in output order.
CLAIM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("claim_id", "int64"), ("doc_id", "string"), ("event_date", "date"), ("date_start", "date"),
    ("date_end", "date"), ("date_basis", "string"), ("year", "int64"), ("event_type", "string"),
    ("item", "string"), ("count", "int64"), ("count_high", "int64"), ("qualifier", "string"),
    ("claimant", "string"), ("claimant_role", "string"), ("claimant_text", "string"), ("actor1", "string"),
    ("actor2", "string"), ("location", "string"), ("location_text", "string"), ("country", "string"),
    ("latitude", "float64"), ("longitude", "float64"), ("geo_precision", "string"), ("cumulative", "bool"),
    ("modality", "string"), ("notes", "string"), ("evidence_start", "int64"), ("evidence_end", "int64"),
    ("source", "string"), ("source_url", "string"), ("source_date", "date"), ("source_file", "string"),
    ("copy_group", "int64"), ("story", "int64"), ("question", "int64"),
)  # fmt: skip
QUESTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("question_id", "int64"), ("story", "int64"), ("story_label", "string"), ("label", "string"),
    ("event_type", "string"), ("item", "string"), ("affected", "string"), ("cumulative", "bool"),
    ("location", "string"), ("latitude", "float64"), ("longitude", "float64"), ("date_start", "date"),
    ("date_end", "date"), ("low", "int64"), ("best", "int64"), ("high", "int64"), ("best_rule", "string"),
    ("n_claims", "int64"), ("n_sources", "int64"), ("claimants", "string"), ("figures", "string"),
)  # fmt: skip


class ExportError(ValueError):
    """An export that cannot be made as asked (e.g. Parquet to a terminal): a user error."""


def _first_question() -> Any:
    """Per claim, the question it answers (a claim answers at most one)."""
    qc = t.question_claims.c
    return select(qc.claim, func.min(qc.question).label("question")).group_by(qc.claim).subquery()


def claim_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every claim as an export row, in claim id order."""
    c, d, m = t.claims.c, t.documents.c, t.memberships.c
    q = _first_question()
    query = (
        select(t.claims, d.name, d.url, d.outlet, d.published, d.source, m.copy_group, m.story, q.c.question)
        .select_from(
            t.claims.join(t.documents, d.id == c.document)
            .outerjoin(t.memberships, m.document == c.document)
            .outerjoin(q, q.c.claim == c.id)
        )
        .order_by(c.id)
    )
    with store.read() as conn:
        for r in conn.execution_options(yield_per=_BATCH).execute(query):
            yield {
                "claim_id": r.id, "doc_id": r.name, "event_date": r.date_start, "date_start": r.date_start,
                "date_end": r.date_end, "date_basis": r.date_basis,
                "year": r.date_start.year if r.date_start else None, "event_type": r.kind, "item": r.item,
                "count": r.value, "count_high": r.high, "qualifier": r.qualifier, "claimant": r.claimant,
                "claimant_role": r.claimant_role, "claimant_text": r.claimant_text, "actor1": r.agent,
                "actor2": r.affected, "location": r.place_name or r.place_text, "location_text": r.place_text,
                "country": r.place_country, "latitude": r.lat, "longitude": r.lon,
                "geo_precision": r.place_precision, "cumulative": bool(r.cumulative), "modality": r.modality,
                "notes": r.evidence, "evidence_start": r.ev_start, "evidence_end": r.ev_end,
                "source": r.outlet, "source_url": r.url, "source_date": r.published, "source_file": r.source,
                "copy_group": r.copy_group, "story": r.story, "question": r.question,
            }  # fmt: skip


def _question_points(conn: Any) -> dict[int, tuple[float, float]]:
    """A coordinate per question: that of its first claim that has one."""
    c, qc = t.claims.c, t.question_claims.c
    first = (
        select(qc.question, func.min(c.id).label("claim"))
        .join(t.claims, c.id == qc.claim)
        .where(c.lat.is_not(None), c.lon.is_not(None))
        .group_by(qc.question)
        .subquery()
    )
    rows = conn.execute(select(first.c.question, c.lat, c.lon).join(t.claims, c.id == first.c.claim))
    return {qid: (lat, lon) for qid, lat, lon in rows}


def question_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every question as an export row, with its figures as JSON."""
    q = t.questions.c
    query = (
        select(t.questions, t.stories.c.label.label("story_label"))
        .join(t.stories, t.stories.c.id == q.story)
        .order_by(q.id)
    )
    with store.read() as conn:
        points = _question_points(conn)
        for r in conn.execution_options(yield_per=_BATCH).execute(query):
            figures = json.loads(r.figures)
            lat, lon = points.get(r.id, (None, None))
            yield {
                "question_id": r.id, "story": r.story, "story_label": r.story_label, "label": r.label,
                "event_type": r.kind, "item": r.item, "affected": r.affected,
                "cumulative": bool(r.cumulative), "location": r.place, "latitude": lat, "longitude": lon,
                "date_start": r.date_start, "date_end": r.date_end, "low": r.low, "best": r.best,
                "high": r.high, "best_rule": r.best_rule, "n_claims": r.n_claims, "n_sources": r.n_sources,
                "claimants": "; ".join(f"{f['claimant']}: {f['display']}" for f in figures),
                "figures": json.dumps(figures, ensure_ascii=False),
            }  # fmt: skip


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[tuple[str, str], ...], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in columns])
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _plain(v) for k, v in row.items()})
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], _columns: tuple[tuple[str, str], ...], out: IO[str]) -> int:
    n = 0
    for row in rows:
        if isinstance(row.get("figures"), str):
            row = {**row, "figures": json.loads(row["figures"])}
        out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(rows: Iterable[dict[str, Any]], _columns: tuple[tuple[str, str], ...], out: IO[str]) -> int:
    """A FeatureCollection of the rows that have coordinates (the others cannot be mapped)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in rows:
        if row.get("latitude") is None or row.get("longitude") is None:
            continue
        props = {k: _plain(v) for k, v in row.items() if k not in ("latitude", "longitude")}
        if isinstance(props.get("figures"), str):
            props["figures"] = json.loads(props["figures"])
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": props,
        }
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def _arrow_schema(columns: tuple[tuple[str, str], ...]) -> Any:
    import pyarrow as pa

    types = {"int64": pa.int64(), "string": pa.string(), "date": pa.date32(), "float64": pa.float64(),
             "bool": pa.bool_()}  # fmt: skip
    return pa.schema([(name, types[kind]) for name, kind in columns])


def write_parquet(rows: Iterable[dict[str, Any]], columns: tuple[tuple[str, str], ...], out: Any) -> int:
    """Parquet in row groups of 10,000 rows; `out` is a path or a binary file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(columns)
    names = [name for name, _ in columns]
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema).select(names))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema).select(names))
            n += len(batch)
    return n


WRITERS: dict[str, Callable[..., int]] = {
    "csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson, "parquet": write_parquet,
}  # fmt: skip


def export(store: Store, what: str, fmt: str, out: Any) -> int:
    """Write the claims or questions of the store in `fmt` to `out`; returns the rows written."""
    if what not in WHATS:
        raise ExportError(f"unknown table {what!r} ({', '.join(WHATS)})")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
    rows = claim_rows(store) if what == "claims" else question_rows(store)
    columns = CLAIM_COLUMNS if what == "claims" else QUESTION_COLUMNS
    return WRITERS[fmt](rows, columns, out)
