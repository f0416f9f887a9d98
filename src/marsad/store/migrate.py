"""Bring a store's schema to the newest migration, with Alembic driven from code.

The migration scripts ship inside the package (`marsad/store/migrations`), so an installed marsad
can create or upgrade any store without an alembic.ini. The current revision is read with one plain
query first: opening an up-to-date store costs no Alembic import.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from marsad.store.db import HEAD, Store, StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def current_revision(store: Store) -> str | None:
    """The revision stamped in the store, or None for an empty database."""
    with store.read() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _config():  # noqa: ANN202  (alembic.config.Config, imported lazily)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision among the shipped migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def upgrade(store: Store) -> None:
    """Create the tables of an empty store or apply the migrations it lacks; refuse newer stores."""
    current = current_revision(store)
    if current == HEAD:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = _config()
    known = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(
            f"the store has schema revision {current}, which this marsad does not know: upgrade marsad"
        )
    with store.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
