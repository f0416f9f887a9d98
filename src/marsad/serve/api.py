"""The JSON API (/api/…): the record's documents, claims, questions, stories, search and exports,
every list paginated with limit/offset and its total; `POST /api/ingest` behind a bearer token."""

from __future__ import annotations

import hmac
import os
import tempfile
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from marsad import export as exporting
from marsad import record
from marsad.model import Document
from marsad.serve import queries, text
from marsad.serve.deps import FilterDep, StoreDep, WindowDep
from marsad.store import search

router = APIRouter(prefix="/api", tags=["record"])


def _found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/conflicts")
def conflicts(store: StoreDep) -> list[dict[str, Any]]:
    """Conflicts of the lexicon that the record has claims about, with their parties."""
    return queries.conflicts(store)


@router.get("/documents")
def documents(
    store: StoreDep, page: WindowDep, story: int | None = None, outlet: str | None = None
) -> dict[str, Any]:
    """Documents (without their text), newest stored first."""
    return queries.documents(store, page, story=story, outlet=outlet).to_json()


@router.get("/documents/{doc_id}")
def document(store: StoreDep, doc_id: int) -> dict[str, Any]:
    """One document: its text, its claims in text order, its other copies."""
    return _found(queries.document(store, doc_id), "document")


@router.get("/claims")
def claims(store: StoreDep, flt: FilterDep, page: WindowDep) -> dict[str, Any]:
    """Claims, filtered by conflict, actor, kind, item, place, dates, story or document."""
    return queries.claims(store, flt, page).to_json()


@router.get("/claims/{claim_id}")
def claim(store: StoreDep, claim_id: int) -> dict[str, Any]:
    return _found(queries.claim(store, claim_id), "claim")


@router.get("/questions")
def questions(
    store: StoreDep,
    flt: FilterDep,
    page: WindowDep,
    sort: Annotated[str, Query(pattern="^(id|recent|spread)$", description="id, recent or spread")] = "id",
) -> dict[str, Any]:
    """Questions (claims about the same quantity) with each claimant's figure and low/best/high."""
    return queries.questions(store, flt, page, sort).to_json()


@router.get("/questions/disputed")
def disputed(store: StoreDep, n: Annotated[int, Query(ge=1, le=100)] = 10) -> list[dict[str, Any]]:
    """The questions whose parties' figures are furthest apart (largest / smallest)."""
    return queries.most_disputed(store, n)


@router.get("/questions/{question_id}")
def question(store: StoreDep, question_id: int, page: WindowDep) -> dict[str, Any]:
    """One question, its figures, and one page of the claims behind them."""
    found = _found(queries.question(store, question_id), "question")
    behind = queries.question_claims(store, question_id, page).to_json()
    for item in behind["items"]:
        del item["doc_text"]
    return {**found, "claims": behind}


@router.get("/stories")
def stories(store: StoreDep, page: WindowDep) -> dict[str, Any]:
    """Stories (articles about the same events), latest first."""
    return queries.stories(store, page).to_json()


@router.get("/stories/{story_id}")
def story(store: StoreDep, story_id: int) -> dict[str, Any]:
    return _found(queries.story(store, story_id), "story")


@router.get("/search")
def find(
    store: StoreDep, page: WindowDep, q: Annotated[str, Query(min_length=1, description="Arabic words")]
) -> dict[str, Any]:
    """Documents containing every word of `q`, matched after the extractor's normalisation (hamza,
    ى/ي, ة/ه, diacritics) and with proclitics (و، ب، ال…) stripped; each with a snippet."""
    found = queries.find(store, q, page).to_json()
    words = search.terms(q)
    for item in found["items"]:
        pieces = text.snippet(item.pop("text"), words)
        item["snippet"] = "".join(p.text for p in pieces)
        item["hits"] = [p.text for p in pieces if p.hit]
    return found


@router.get("/map")
def places(store: StoreDep, flt: FilterDep) -> list[dict[str, Any]]:
    """Places of the filtered claims with coordinates and claim counts (the map's data)."""
    return queries.map_places(store, flt)


MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


@router.get("/export")
def export(
    store: StoreDep,
    background: BackgroundTasks,
    what: Annotated[str, Query(pattern="^(claims|questions)$")] = "claims",
    fmt: Annotated[str, Query(alias="format", pattern="^(csv|jsonl|geojson|parquet)$")] = "csv",
) -> FileResponse:
    """The whole record as `marsad export` writes it (CSV, JSON Lines, GeoJSON, Parquet), as a file."""
    fd, path = tempfile.mkstemp(prefix="marsad-export-", suffix=f".{fmt}")
    os.close(fd)
    background.add_task(os.unlink, path)
    if fmt == "parquet":
        exporting.export(store, what, fmt, path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as out:
            exporting.export(store, what, fmt, out)
    return FileResponse(path, media_type=MEDIA_TYPES[fmt], filename=f"marsad-{what}.{fmt}")


# -- the one write ----------------------------------------------------------------------------------


class IngestDocument(BaseModel):
    id: str = Field(min_length=1, max_length=400)
    text: str = Field(min_length=1)
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=1000)


def require_token(request: Request) -> None:
    """Refuse writes: 403 when the server has no token (read-only), 401 without the right one."""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "read-only server: start `marsad serve` with --token to allow ingest")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


@router.post("/ingest", dependencies=[Depends(require_token)])
def ingest(store: StoreDep, body: IngestRequest) -> dict[str, Any]:
    """Extract and store articles, then rebuild copy groups, stories and questions."""
    docs = [
        Document(d.id, d.text, d.title, d.published, d.url, d.outlet, source="api") for d in body.documents
    ]
    result = record.ingest(store, docs)
    derived = record.refresh(store)
    return {
        "read": result.read, "stored": result.stored, "reextracted": result.reextracted,
        "unchanged": result.unchanged, "claims": result.claims,
        "errors": [str(e) for e in result.errors], "derived": derived,
    }  # fmt: skip
