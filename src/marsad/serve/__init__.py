"""`marsad serve`: the HTTP API and the server-rendered dashboard over a record store.

    >>> from marsad.serve import create_app
    >>> app = create_app("record.db", token=None)     # read-only; any ASGI server runs it

Needs the `web` extra (FastAPI, Jinja2, uvicorn).
"""

from marsad.serve.app import create_app

__all__ = ["create_app"]
