"""The record store: documents, claims and what is derived from them, in SQLite or PostgreSQL.

    >>> from marsad.store import open_store
    >>> store = open_store("record.db")          # or "postgresql://user:pw@host/db"

`--db` takes a path or URL; without it env MARSAD_DB, then `marsad.db` in the working folder.
"""

from marsad.store.db import DEFAULT_DB, Prepared, Store, StoreError, display_url, open_store, resolve_url

__all__ = ["DEFAULT_DB", "Prepared", "Store", "StoreError", "display_url", "open_store", "resolve_url"]
