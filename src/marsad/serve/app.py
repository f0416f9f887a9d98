"""`create_app`: the FastAPI application behind `marsad serve` (JSON API under /api, pages at /).

One `Store` is opened per application and shared by the requests (SQLAlchemy pools connections;
SQLite runs in WAL mode, so reads go on while an ingest writes). The derived tables are brought up
to date once at start, as `marsad report` does, so every page reads a consistent record.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__, record
from marsad.report import ReportError
from marsad.serve import api, pages
from marsad.serve.deps import BadFilter
from marsad.store import open_store

HERE = Path(__file__).resolve().parent


def create_app(db_url: str | None = None, token: str | None = None) -> FastAPI:
    """The application over the store named by `db_url` (`--db` syntax); `POST /api/ingest` is
    allowed only when `token` is set, and then only to requests that bear it."""
    store = open_store(db_url)
    record.ensure_fresh(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="marsad",
        version=__version__,
        description="Sourced claims from Arabic conflict news: documents, claims, questions with each "
        "party's figures, stories, full-text search and exports. Read-only unless a token is set.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token or None
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(ReportError, _bad_request)
    app.add_exception_handler(BadFilter, _bad_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    return app


async def _http_error(request: Request, exc: Exception) -> Response:
    """404s and the like: JSON for the API, a page for the dashboard."""
    assert isinstance(exc, StarletteHTTPException)
    if request.url.path.startswith("/api/"):
        return await http_exception_handler(request, exc)
    return pages.error_page(request, str(exc.detail), exc.status_code)


async def _bad_request(request: Request, exc: Exception) -> Response:
    """Unknown conflicts and malformed filters are the client's mistake: 400 with the reason."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": str(exc)}, status_code=400)
    return pages.error_page(request, str(exc), 400)
