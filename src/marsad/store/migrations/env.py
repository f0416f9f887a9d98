"""Alembic environment: migrations run on a connection that `marsad.store` hands over.

marsad never reads an alembic.ini: `marsad.store.migrate` builds the config in code and passes its open
connection in `config.attributes["connection"]`, so the same code upgrades SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from marsad.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through marsad.store.migrate, which passes a connection")
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
