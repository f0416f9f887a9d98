"""The one write (POST /api/ingest) and what it lets in: refused without a configured token (403)
or without the right bearer token (401); article text with markup is stored as given and shown
as text, never as live HTML."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
import record_kit  # noqa: E402

from marsad.serve import create_app  # noqa: E402

TOKEN = "s3cret-token"
HOSTILE = (
    "قالت وزارة الدفاع الأرمينية إن قواتها دمرت 12 دبابة أذربيجانية <script>alert(1)</script> "
    'في محيط زنغلان &amp; &lt;b&gt; "اقتباس".\n\n<img src=x onerror=alert(2)>\n'
)
ARTICLE = {"id": "hostile", "title": "<script>alert('title')</script> عنوان", "text": HOSTILE,
           "url": "javascript:alert(3)", "outlet": "<b>outlet</b>"}  # fmt: skip


@pytest.fixture(params=record_kit.BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from record_kit.store_url(request.param, tmp_path)


@pytest.fixture
def writable(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, token=TOKEN)) as client:
        yield client


def _ingest(client: TestClient, headers: dict[str, str] | None = None) -> object:
    return client.post("/api/ingest", json={"documents": [ARTICLE]}, headers=headers or {})


def test_read_only_without_a_token(db: str) -> None:
    with TestClient(create_app(db)) as client:
        response = _ingest(client, {"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 403 and "read-only" in response.json()["detail"]
        assert client.get("/api/documents").json()["total"] == 0


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic x"}]
)
def test_ingest_refuses_a_missing_or_wrong_token(writable: TestClient, headers: dict[str, str]) -> None:
    response = _ingest(writable, headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/documents").json()["total"] == 0


def test_ingest_with_the_token_stores_and_refreshes(writable: TestClient) -> None:
    response = _ingest(writable, {"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["stored"], body["errors"]) == (1, []) and body["claims"] >= 1
    assert body["derived"]["questions"] >= 1
    again = _ingest(writable, {"Authorization": f"Bearer {TOKEN}"}).json()
    assert (again["stored"], again["unchanged"]) == (0, 1)
    bad = writable.post("/api/ingest", json={"documents": []}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 422


def test_article_markup_is_shown_as_text(writable: TestClient) -> None:
    assert _ingest(writable, {"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    doc = writable.get("/api/documents").json()["items"][0]
    assert writable.get(f"/api/documents/{doc['id']}").json()["text"] == HOSTILE  # stored as given
    question = writable.get("/api/questions").json()["items"][0]["id"]
    pages = [f"/documents/{doc['id']}", "/documents", "/claims", f"/questions/{question}",
             "/search?q=زنغلان", "/"]  # fmt: skip
    for path in pages:
        html = writable.get(path).text
        assert "<script>" not in html and "<img src=x" not in html and "<b>outlet" not in html, path
        assert 'href="javascript:' not in html, path
    html = writable.get(f"/documents/{doc['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp; &amp;lt;b&amp;gt;" in html  # the entities show as written, not decoded
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<mark" in html  # the claim's evidence is still highlighted around the escaped text
