"""Fixtures of the web tests: a store built from the seeds by marsad's own ingest, on SQLite and on
PostgreSQL (when MARSAD_TEST_PG is set), and a FastAPI TestClient over it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
import record_kit  # noqa: E402

pytest.importorskip("fastapi", reason="the web extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from marsad import record  # noqa: E402
from marsad.ingest import read_paths  # noqa: E402
from marsad.serve import create_app  # noqa: E402
from marsad.store import open_store  # noqa: E402

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def seeds_dir() -> Path:
    docs = SHARED / "corpus" / "seeds" / "docs"
    if not docs.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the repo")
    return docs


def build_seeds_store(url: str) -> None:
    """Ingest the seeds with marsad's extractor and build copies, stories and questions."""
    with open_store(url) as store:
        record.ingest(store, read_paths([seeds_dir()]))
        record.refresh(store)


@pytest.fixture(scope="module", params=record_kit.BACKENDS)
def seeds_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    for url in record_kit.store_url(request.param, tmp_path_factory.mktemp("seeds")):
        build_seeds_store(url)
        yield url


@pytest.fixture(scope="module")
def client(seeds_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(seeds_url)) as c:
        yield c
