"""`marsad serve`: the dashboard and the HTTP API over a record store."""

from __future__ import annotations

from typing import Annotated

import typer

from marsad.cli.base import app
from marsad.cli.record import DbOption, fail, say
from marsad.lazy import lazy_module

stores = lazy_module("marsad.store")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="MARSAD_TOKEN", help="Allow POST /api/ingest to requests bearing this token."),
    ] = None,
) -> None:
    """Serve the dashboard (/) and the JSON API (/api, schema at /openapi.json) over the store.

    Read-only unless a token is given (or env MARSAD_TOKEN): then POST /api/ingest accepts
    articles from requests with "Authorization: Bearer TOKEN".

    Example: marsad serve --db record.db --port 8000
    """
    try:
        import uvicorn

        from marsad.serve import create_app
    except ImportError as exc:
        raise fail(
            f"marsad serve needs the web extra: pip install 'marsad[web]' ({exc.name} is missing)"
        ) from None
    try:
        application = create_app(db, token=token)
    except stores.StoreError as exc:
        raise fail(str(exc)) from None
    mode = "ingest allowed with the token" if token else "read-only"
    say(f"serving {stores.display_url(stores.resolve_url(db))} on http://{host}:{port} ({mode})")
    uvicorn.run(application, host=host, port=port, log_level="warning")
