"""The store: schema and migrations, URLs, idempotent batched ingest, re-extraction in one
transaction, bad input, and kill -9 in the middle of an ingest; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import record_kit
from record_kit import TABLE, claim, table_extract, write_articles
from sqlalchemy import select

from marsad import record
from marsad.ingest import read_paths
from marsad.model import Document
from marsad.store import StoreError, open_store, resolve_url, search
from marsad.store import schema as t
from marsad.store.db import HEAD
from marsad.store.migrate import current_revision, head_revision

ROOT = Path(__file__).resolve().parents[2]
KIT = Path(__file__).resolve().parent

DOC_A = "قالت وزارة الدفاع الأرمينية إن قواتها قتلت 150 عنصرا من الجيش الأذري.\n"
DOC_B = "أعلنت وزارة الدفاع الأذربيجانية مقتل 12 عسكريا من قواتها في المعارك.\n"


def _docs(*pairs: tuple[str, str], url: str | None = None) -> list[Document]:
    return [Document(id=name, text=text, url=url, source=f"{name}.txt") for name, text in pairs]


@pytest.fixture(params=record_kit.BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store on each backend (PostgreSQL when MARSAD_TEST_PG is set)."""
    yield from record_kit.store_url(request.param, tmp_path)


@pytest.fixture(autouse=True)
def _table() -> None:
    TABLE.clear()
    TABLE["a"] = [claim("a", DOC_A, value=150), claim("a", DOC_A, kind="destroyed", item="tanks", value=3)]
    TABLE["b"] = [claim("b", DOC_B, claimant="AZE", value=12)]


# -- schema and URLs ----------------------------------------------------------------------------


def test_new_store_is_migrated_to_head(db_url: str) -> None:
    with open_store(db_url) as store:
        assert current_revision(store) == HEAD == head_revision()
        assert store.counts() == dict.fromkeys(store.counts(), 0)


def test_migrations_build_exactly_the_schema_module(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    # The full-text index is backend-specific (FTS5 on SQLite) and lives outside the metadata.
    def outside_search(name: str | None, type_: str, _parents: object) -> bool:
        return not (type_ == "table" and name and search.is_search_table(name))

    with open_store(db_url) as store, store.read() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": outside_search})
        diff = compare_metadata(context, t.metadata)
    assert diff == []


def test_reopening_a_store_changes_nothing(db_url: str) -> None:
    with open_store(db_url) as store:
        record.ingest(store, _docs(("a", DOC_A)), extract=table_extract)
    with open_store(db_url) as store:
        assert store.counts()["documents"] == 1


def test_resolve_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'marsad.db'}"
    assert resolve_url("x/r.db") == f"sqlite:///{tmp_path / 'x' / 'r.db'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("MARSAD_DB", "env.db")
    assert resolve_url(None).endswith("/env.db")
    with pytest.raises(StoreError, match="unsupported"):
        resolve_url("mysql://u@h/db")


def test_unreachable_or_impossible_stores_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder does not exist"):
        open_store(str(tmp_path / "missing" / "r.db"))
    with pytest.raises(StoreError, match="127.0.0.1"):
        open_store("postgresql://nobody:pw@127.0.0.1:1/none?connect_timeout=2")


# -- ingest -------------------------------------------------------------------------------------


def test_ingest_twice_changes_nothing(db_url: str) -> None:
    docs = _docs(("a", DOC_A), ("b", DOC_B))
    with open_store(db_url) as store:
        first = record.ingest(store, docs, extract=table_extract)
        counts = store.counts()
        second = record.ingest(store, docs, extract=table_extract)
        assert (first.stored, first.claims) == (2, 3)
        assert (second.stored, second.unchanged, second.claims) == (0, 2, 0)
        assert store.counts() == counts
        assert store.problems() == []


def test_identity_is_normalised_text_plus_url(db_url: str) -> None:
    respelled = DOC_A.replace("الأرمينية", "الارمينية").replace("\n", "  \n")  # hamza and spacing only
    with open_store(db_url) as store:
        record.ingest(store, _docs(("a", DOC_A)), extract=table_extract)
        again = record.ingest(store, _docs(("a", respelled)), extract=table_extract)
        assert again.unchanged == 1
        other = record.ingest(store, _docs(("a", DOC_A), url="https://example.org/a"), extract=table_extract)
        assert other.stored == 1  # same text, another URL: another document...
        record.refresh(store)
        with store.read() as conn:
            groups = conn.execute(select(t.memberships.c.copy_group)).scalars().all()
            how = conn.execute(select(t.copy_groups.c.how)).scalars().all()
    assert len(set(groups)) == 1 and how == ["exact"]  # ...and an exact copy of the first


def test_batches_and_parallel_extraction(db_url: str, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "docs", 9)
    with open_store(db_url) as store:
        result = record.ingest(
            store, read_paths([folder]), extract=record_kit.digits_extract, batch=2, jobs=2
        )
        assert (result.stored, result.claims) == (9, 18)
        assert store.problems() == []


def test_reextract_replaces_claims_in_place(db_url: str) -> None:
    docs = _docs(("a", DOC_A), ("b", DOC_B))
    with open_store(db_url) as store:
        record.ingest(store, docs, extract=table_extract, version="v1")
        with store.read() as conn:
            ids = conn.execute(select(t.documents.c.id).order_by(t.documents.c.id)).scalars().all()
        TABLE["a"] = [claim("a", DOC_A, value=151)]
        result = record.ingest(store, docs, extract=table_extract, version="v2")
        assert (result.reextracted, result.stored, result.claims) == (2, 0, 2)
        with store.read() as conn:
            assert conn.execute(select(t.documents.c.id).order_by(t.documents.c.id)).scalars().all() == ids
            values = sorted(conn.execute(select(t.claims.c.value)).scalars())
            versions = set(conn.execute(select(t.documents.c.extractor)).scalars())
        assert values == [12, 151] and versions == {"v2"}
        assert store.problems() == []


def test_reextract_of_stored_documents(db_url: str) -> None:
    with open_store(db_url) as store:
        record.ingest(store, _docs(("a", DOC_A), ("b", DOC_B)), extract=table_extract, version="v1")
        TABLE["b"] = []
        result = record.reextract(store, extract=table_extract, version="v2")
        assert result.reextracted == 2
        assert store.counts()["claims"] == 2 and store.problems() == []


def test_failed_reextraction_rolls_back_to_the_old_claims(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    import marsad.store.db as db

    with open_store(db_url) as store:
        record.ingest(store, _docs(("a", DOC_A)), extract=table_extract, version="v1")

        def broken(conn, docs):  # noqa: ANN001, ANN202  (fails after the old claims were deleted)
            raise IntegrityError("INSERT", {}, Exception("disk full"))

        monkeypatch.setattr(db, "_insert_claims", broken)
        result = record.ingest(store, _docs(("a", DOC_A)), extract=table_extract, version="v2")
        assert [e.reason for e in result.errors] == ["cannot store: disk full"]
        with store.read() as conn:
            assert sorted(conn.execute(select(t.claims.c.value)).scalars()) == [3, 150]
            assert conn.execute(select(t.documents.c.extractor)).scalar() == "v1"


def test_bad_input_is_named_and_nothing_is_lost_or_duplicated(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"id": "b", "text": DOC_B}, ensure_ascii=False) + "\n{not json\n", encoding="utf-8"
    )
    TABLE["good"] = [claim("good", DOC_A)]
    with open_store(db_url) as store:
        for _ in range(2):
            result = record.ingest(
                store, read_paths([tmp_path, tmp_path / "nope.txt"]), extract=table_extract
            )
            reasons = {Path(e.source).name: e.reason for e in result.errors}
            assert set(reasons) == {"binary.txt", "empty.txt", "records.jsonl:2", "nope.txt"}
            assert "binary" in reasons["binary.txt"] and "empty" in reasons["empty.txt"]
            assert store.counts()["documents"] == 2 and store.counts()["claims"] == 2
        assert store.problems() == []


def test_extractor_failures_cost_only_their_document(db_url: str) -> None:
    def flaky(doc: Document):  # noqa: ANN202
        if doc.id == "b":
            raise RuntimeError("lexicon exploded")
        return table_extract(doc)

    TABLE["c"] = [claim("c", DOC_A, agent=["ARM", "NKR"])]  # type: ignore[arg-type]  (not storable)
    with open_store(db_url) as store:
        result = record.ingest(
            store, _docs(("a", DOC_A), ("b", DOC_B), ("c", DOC_B + " وأكدت ذلك.")), extract=flaky
        )
        reasons = {e.source: e.reason for e in result.errors}
        assert reasons["b.txt"] == "extraction failed: RuntimeError: lexicon exploded"
        assert "agent" in reasons["c.txt"]
        assert store.counts()["documents"] == 1, result


def test_ingest_marks_derived_tables_stale_until_refresh(db_url: str) -> None:
    with open_store(db_url) as store:
        record.ingest(store, _docs(("a", DOC_A), ("b", DOC_B)), extract=table_extract)
        assert store.is_stale()
        derived = record.refresh(store)
        assert not store.is_stale()
        assert derived["documents"] == 2 and store.counts()["questions"] == derived["questions"] > 0
        assert record.ensure_fresh(store) is False


# -- kill -9 ------------------------------------------------------------------------------------

_RUN = """
import sys
from marsad import record
from marsad.ingest import read_paths
from marsad.store import open_store
from record_kit import {extract}
with open_store(sys.argv[1]) as store:
    record.ingest(store, read_paths([sys.argv[2]]), extract={extract}, batch=5)
    record.refresh(store)
"""


def _run(db: str, folder: Path, extract: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(KIT), str(ROOT / "src")])}
    code = _RUN.format(extract=extract)
    return subprocess.Popen([sys.executable, "-c", code, db, str(folder)], env=env, stderr=subprocess.PIPE)


def _wait_for_documents(db: str, proc: subprocess.Popen[bytes], at_least: int) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with open_store(db, migrate=False) as store:
                n = store.counts()["documents"]
        except Exception:  # noqa: BLE001  (the tables may not exist yet)
            n = 0
        if n >= at_least:
            return n
        time.sleep(0.02)
    raise AssertionError(
        f"the ingest did not get going: {proc.stderr.read().decode() if proc.stderr else ''}"
    )


def test_kill_9_mid_ingest_leaves_whole_documents_and_a_rerun_completes(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = write_articles(tmp_path / "docs", 120)
    proc = _run(db_url, folder, "slow_digits_extract")
    _wait_for_documents(db_url, proc, 10)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(db_url) as store:
        killed_at = store.counts()
        assert 0 < killed_at["documents"] < 120, "the kill came too late to test anything"
        assert store.problems() == []
    rerun = _run(db_url, folder, "digits_extract")
    assert rerun.wait() == 0, rerun.stderr.read().decode() if rerun.stderr else ""
    if "postgresql" in db_url:
        clean_url = db_url  # one schema per test: compare with the numbers a clean run must give
        expected = {"documents": 120, "claims": 240}
    else:
        clean_url = str(tmp_path / "clean.db")
        assert _run(clean_url, folder, "digits_extract").wait() == 0
        with open_store(clean_url) as clean:
            expected = clean.counts()
    with open_store(db_url) as store:
        got = store.counts()
        assert store.problems() == [] and not store.is_stale()
    assert {k: got[k] for k in expected} == expected
    assert got["documents"] == 120 and got["claims"] == 240
    assert clean_url
