"""The dashboard: server-rendered pages over the same queries as the API.

English labels, Arabic text right-to-left; Jinja2 with autoescape on, so article text (which may
hold markup or entities) is always shown as text. Filters live in the query string, so every view
is a URL that can be shared; lists page with limit/offset like the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from marsad.reconcile import format_period
from marsad.recordconf import labels
from marsad.report import SIDE_TITLES
from marsad.serve import queries, svg, text
from marsad.serve.deps import FilterDep, StoreDep, WindowDep
from marsad.store import search

router = APIRouter(include_in_schema=False)
_env = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
templates = Jinja2Templates(env=_env)


def _url_with(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters replaced (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if k not in changes}
    params.update({k: str(v) for k, v in changes.items() if v is not None})
    return str(request.url.replace_query_params(**params))


def _number(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


_env.globals.update(url_with=_url_with, period=format_period, side_titles=SIDE_TITLES, number=_number)


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    names = labels()
    context.update(kinds=names.kinds, items=names.items, actors=names.actors)
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    return _render(request, "error.html", status, message=message, code=status)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    return _render(
        request, "overview.html", counts=store.counts(), conflicts=queries.conflicts(store),
        stories=queries.stories(store, queries.Window(10)).items, disputed=queries.most_disputed(store, 10),
    )  # fmt: skip


def _filter_form(store: StoreDep) -> dict[str, Any]:
    return {"choices": queries.distinct_values(store), "conflict_table": queries.conflict_table()}


@router.get("/questions", response_class=HTMLResponse)
def question_list(
    request: Request,
    store: StoreDep,
    flt: FilterDep,
    page: WindowDep,
    sort: Annotated[str, Query(pattern="^(id|recent|spread)$")] = "id",
) -> HTMLResponse:
    found = queries.questions(store, flt, page, sort)
    return _render(request, "questions.html", page=found, flt=flt, sort=sort, **_filter_form(store))


@router.get("/questions/{question_id}", response_class=HTMLResponse)
def question_page(request: Request, store: StoreDep, question_id: int, page: WindowDep) -> HTMLResponse:
    q = queries.question(store, question_id)
    if q is None:
        raise HTTPException(404, "no such question")
    behind = queries.question_claims(store, question_id, page)
    for c in behind.items:
        c["sentence"] = text.sentence_around(c.pop("doc_text"), c["ev_start"], c["ev_end"])
    label_of = {cid: f["claimant"] for f in q["figures"] for cid in f["claims"]}
    chart = svg.timeline(queries.timeline_points(store, question_id), label_of)
    return _render(request, "question.html", question=q, claims=behind, chart=chart)


@router.get("/claims", response_class=HTMLResponse)
def claim_list(request: Request, store: StoreDep, flt: FilterDep, page: WindowDep) -> HTMLResponse:
    found = queries.claims(store, flt, page)
    return _render(request, "claims.html", page=found, flt=flt, **_filter_form(store))


@router.get("/documents", response_class=HTMLResponse)
def document_list(
    request: Request, store: StoreDep, page: WindowDep, story: int | None = None, outlet: str | None = None
) -> HTMLResponse:
    found = queries.documents(store, page, story=story, outlet=outlet or None)
    return _render(request, "documents.html", page=found, story=story, outlet=outlet)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: int) -> HTMLResponse:
    doc = queries.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    spans = [(c["ev_start"], c["ev_end"], c["id"]) for c in doc["claims"]]
    return _render(request, "document.html", doc=doc, pieces=text.marked(doc["text"], spans))


@router.get("/stories", response_class=HTMLResponse)
def story_list(request: Request, store: StoreDep, page: WindowDep) -> HTMLResponse:
    return _render(request, "stories.html", page=queries.stories(store, page))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep, story_id: int) -> HTMLResponse:
    found = queries.story(store, story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    flt = queries.ClaimFilter(story=story_id)
    return _render(
        request, "story.html", story=found, questions=queries.questions(store, flt, queries.Window(200)),
        documents=queries.documents(store, queries.Window(100), story=story_id),
    )  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, flt: FilterDep) -> HTMLResponse:
    places = queries.map_places(store, flt)
    args = flt.query_args()

    def href(place: str) -> str:
        return str(request.url_for("claim_list").include_query_params(**{**args, "place": place}))

    view = svg.claim_map(places, href)
    return _render(request, "map.html", view=view, places=places, flt=flt, **_filter_form(store))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, page: WindowDep, q: str = "") -> HTMLResponse:
    found = queries.find(store, q, page) if q.strip() else queries.Page([], 0, page.limit, page.offset)
    words = search.terms(q)
    for item in found.items:
        item["pieces"] = text.snippet(item.pop("text"), words)
    return _render(request, "search.html", page=found, q=q)
