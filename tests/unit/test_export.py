"""Exports of claims and questions: the same rows in CSV, JSON Lines, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import record_kit
from record_kit import TABLE, claim, table_extract

from marsad import record
from marsad.export import CLAIM_COLUMNS, QUESTION_COLUMNS, ExportError, export
from marsad.model import Document, Place
from marsad.store import open_store

TEXT = "قالت وزارة الدفاع الأرمينية إن قواتها قتلت 150 عنصرا من الجيش الأذري قرب زنغلان.\n"


@pytest.fixture(params=record_kit.BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from record_kit.store_url(request.param, tmp_path)
    TABLE.clear()


@pytest.fixture
def filled(store_url: str) -> str:
    zangilan = Place("زنغلان", "Zangilan", "AZE", 39.08, 46.65, "city")
    located = replace(claim("z", TEXT, value=150, day="2020-10-20"), place=zangilan)
    TABLE["z"] = [located, claim("z", TEXT, kind="destroyed", item="tanks", value=3)]
    doc = Document(id="z", text=TEXT, url="https://example.org/z", outlet="مثال")
    with open_store(store_url) as store:
        record.ingest(store, [doc], extract=table_extract)
        record.refresh(store)
    return store_url


def _text(url: str, what: str, fmt: str) -> str:
    out = io.StringIO()
    with open_store(url) as store:
        export(store, what, fmt, out)
    return out.getvalue()


def test_claims_as_csv_and_jsonl(filled: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_text(filled, "claims", "csv"))))
    lines = [json.loads(line) for line in _text(filled, "claims", "jsonl").splitlines()]
    assert list(rows[0]) == [name for name, _ in CLAIM_COLUMNS]
    assert len(rows) == len(lines) == 2
    first = lines[0]
    assert (
        first["notes"] == TEXT
        and first["source_url"] == "https://example.org/z"
        and first["source"] == "مثال"
    )
    assert (first["event_date"], first["actor2"], first["count"], first["location"]) == (
        "2020-10-20",
        "AZE",
        150,
        "Zangilan",
    )
    assert first["question"] is not None and first["copy_group"] == first["story"]


def test_questions_carry_low_best_high_and_figures(filled: str) -> None:
    rows = [json.loads(line) for line in _text(filled, "questions", "jsonl").splitlines()]
    killed = next(r for r in rows if r["event_type"] == "killed")
    assert set(killed) == {name for name, _ in QUESTION_COLUMNS}
    assert (killed["low"], killed["best"], killed["high"]) == (150, 150, 150)
    assert killed["claimants"] == "ARM: 150" and killed["figures"][0]["evidence"] == [TEXT]


def test_geojson_maps_what_has_coordinates(filled: str) -> None:
    claims = json.loads(_text(filled, "claims", "geojson"))
    questions = json.loads(_text(filled, "questions", "geojson"))
    (feature,) = claims["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [46.65, 39.08]}
    assert feature["properties"]["notes"] == TEXT
    assert len(questions["features"]) == 1


def test_parquet_round_trip(filled: str, tmp_path: Path) -> None:
    with open_store(filled) as store:
        assert export(store, "claims", "parquet", str(tmp_path / "c.parquet")) == 2
        assert export(store, "questions", "parquet", str(tmp_path / "q.parquet")) == 2
    table = pq.read_table(tmp_path / "c.parquet")
    assert table.schema.names == [name for name, _ in CLAIM_COLUMNS]
    assert sorted(table.column("count").to_pylist()) == [3, 150]
    assert pq.read_table(tmp_path / "q.parquet").num_rows == 2


def test_unknown_table_or_format(filled: str) -> None:
    with open_store(filled) as store, pytest.raises(ExportError):
        export(store, "stories", "csv", io.StringIO())
    with open_store(filled) as store, pytest.raises(ExportError):
        export(store, "claims", "xlsx", io.StringIO())
