"""The dashboard pages over the seeds store: each renders, keeps its filters in the URL, and shows
Arabic right-to-left with the evidence highlighted."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_kit import ZANGILAN, arm_710


def _page(client: TestClient, path: str, **params: object) -> str:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


@pytest.mark.parametrize(
    "path",
    ["/", "/questions", "/claims", "/documents", "/stories", "/map", "/search", "/questions?sort=spread"],
)
def test_every_page_renders(client: TestClient, path: str) -> None:
    html = _page(client, path)
    assert '<form class="search"' in html and "</html>" in html


def test_overview_lists_conflicts_stories_and_disputes(client: TestClient) -> None:
    html = _page(client, "/")
    assert "Nagorno-Karabakh" in html and "Most disputed questions" in html and "Latest stories" in html


def test_question_page_side_by_side_timeline_and_evidence(client: TestClient) -> None:
    q = arm_710(client)
    html = _page(client, f"/questions/{q['id']}")
    table = html[html.index('class="side-by-side"') : html.index("Figures over time")]
    assert re.search(r"\b710\b", table) and ">ARM<" in table
    assert re.search(r'<p class="ar evidence" dir="rtl" lang="ar">[^<]*<mark>[^<]*710', html)
    assert "<svg" in html or "No claim of this question is dated" in html


def test_document_page_marks_each_claims_evidence(client: TestClient) -> None:
    doc_id = client.get("/api/search", params={"q": ZANGILAN}).json()["items"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    html = _page(client, f"/documents/{doc_id}")
    assert '<article class="ar text" dir="rtl" lang="ar">' in html
    for c in doc["claims"]:
        assert f'id="claim-{c["id"]}"' in html and f'id="ev-{c["id"]}"' in html
    assert html.count('<a class="ev" href="#claim-') >= 1


def test_filters_live_in_the_url(client: TestClient) -> None:
    html = _page(client, "/claims", kind="killed", conflict="karabakh", limit=2)
    assert '<option value="killed" selected>' in html and '<option value="karabakh" selected>' in html
    assert re.search(r'href="[^"]*kind=killed[^"]*offset=2', html.replace("&amp;", "&"))


def test_search_page_highlights_the_words(client: TestClient) -> None:
    html = _page(client, "/search", q=ZANGILAN)
    assert f"<mark>{ZANGILAN}</mark>" in html


def test_map_is_inline_svg_with_links_to_claims(client: TestClient) -> None:
    html = _page(client, "/map", conflict="karabakh")
    assert '<svg class="map"' in html and 'class="claim"' in html and "place=Zangilan" in html
