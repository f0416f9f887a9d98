"""The JSON API over the seeds store: every list pages with totals, filters select what they say,
questions carry each party's figures, search normalises like the extractor, exports match."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from web_kit import ZANGILAN, arm_710


def _get(client: TestClient, path: str, **params: object) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = _get(client, "/openapi.json")["paths"]
    for path in ("/api/documents", "/api/claims", "/api/questions", "/api/questions/{question_id}",
                 "/api/stories", "/api/search", "/api/export", "/api/ingest", "/api/map"):  # fmt: skip
        assert path in paths
    assert not any(p == "/" or p.startswith("/documents") for p in paths)  # pages stay out of the schema


@pytest.mark.parametrize("path", ["/api/documents", "/api/claims", "/api/questions", "/api/stories"])
def test_lists_page_with_totals(client: TestClient, path: str) -> None:
    whole = _get(client, path, limit=500)
    assert whole["total"] == len(whole["items"]) > 0 and whole["offset"] == 0
    first, second = _get(client, path, limit=2), _get(client, path, limit=2, offset=2)
    assert first["total"] == second["total"] == whole["total"]
    ids = [x["id"] for x in first["items"] + second["items"]]
    assert ids == [x["id"] for x in whole["items"][:4]]
    assert client.get(path, params={"limit": 0}).status_code == 422


def test_claim_filters(client: TestClient) -> None:
    everything = _get(client, "/api/claims", limit=500)
    killed = _get(client, "/api/claims", kind="killed", limit=500)
    assert killed["items"] and all(c["kind"] == "killed" for c in killed["items"])
    assert killed["total"] == sum(c["kind"] == "killed" for c in everything["items"])
    arm = _get(client, "/api/claims", actor="arm", limit=500)["items"]
    assert arm and all("ARM" in (c["claimant"], c["affected"], c["agent"]) for c in arm)
    karabakh = _get(client, "/api/claims", conflict="karabakh", limit=500)
    assert 0 < karabakh["total"] <= everything["total"]
    zangilan = _get(client, "/api/claims", place="Zangilan")["items"]
    assert zangilan and all(c["place_name"] == "Zangilan" for c in zangilan)
    story = everything["items"][0]["story"]
    in_story = _get(client, "/api/claims", story=story, limit=500)["items"]
    assert in_story and all(c["story"] == story for c in in_story)
    dated = [c for c in everything["items"] if c["date_start"]]
    if dated:
        day = dated[0]["date_start"]
        window = _get(client, "/api/claims", date_from=day, date_to=day, limit=500)["items"]
        assert window and all(c["date_start"] <= day <= (c["date_end"] or c["date_start"]) for c in window)


def test_questions_carry_each_partys_figures(client: TestClient) -> None:
    q = arm_710(client)
    assert q["label"].startswith("Armenian soldiers killed") and q["affected"] == "ARM"
    detail = _get(client, f"/api/questions/{q['id']}")
    assert detail["figures"] == q["figures"]
    claims = detail["claims"]
    assert claims["total"] == detail["n_claims"] and claims["items"]
    assert any(c["value"] == 710 and "710" in c["evidence"] for c in claims["items"])
    disputed = _get(client, "/api/questions/disputed")
    assert all(d["party_spread"] > 1 for d in disputed)
    spread = _get(client, "/api/questions", sort="spread", limit=3)["items"]
    assert len(spread) == 3


def test_search_normalises_like_the_extractor(client: TestClient) -> None:
    found = _get(client, "/api/search", q=ZANGILAN)
    assert found["total"] >= 1
    hit = found["items"][0]
    assert ZANGILAN in hit["snippet"] and hit["hits"]
    doc = _get(client, f"/api/documents/{hit['id']}")
    assert ZANGILAN in doc["text"]
    # Hamza and ta marbuta spellings, and a proclitic, find the same articles.
    plain = _get(client, "/api/search", q="الجيش الاذري")["total"]
    assert plain > 0 and _get(client, "/api/search", q="الجيش الأذري")["total"] == plain
    assert _get(client, "/api/search", q="جيش")["total"] >= plain
    assert _get(client, "/api/search", q="كلمةغيرموجودة")["total"] == 0


def test_documents_and_stories(client: TestClient) -> None:
    first = _get(client, "/api/documents", limit=500)["items"][-1]
    doc = _get(client, f"/api/documents/{first['id']}")
    assert len(doc["claims"]) == doc["n_claims"]
    assert all(doc["text"][c["ev_start"] : c["ev_end"]] == c["evidence"] for c in doc["claims"])
    story = _get(client, "/api/stories")["items"][0]
    assert _get(client, f"/api/stories/{story['id']}")["label"] == story["label"]
    assert _get(client, "/api/documents", story=story["id"])["total"] == story["n_documents"]


def test_exports_match_the_record(client: TestClient) -> None:
    total = _get(client, "/api/claims")["total"]
    response = client.get("/api/export", params={"what": "claims", "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == total
    questions = client.get("/api/export", params={"what": "questions", "format": "jsonl"}).text
    assert len(questions.splitlines()) == _get(client, "/api/questions")["total"]
    geo = json.loads(client.get("/api/export", params={"format": "geojson"}).text)
    assert geo["type"] == "FeatureCollection"
    assert client.get("/api/export", params={"format": "parquet"}).content[:4] == b"PAR1"
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422


def test_map_places_have_coordinates(client: TestClient) -> None:
    places = _get(client, "/api/map", conflict="karabakh")
    assert places and all(p["lat"] is not None and p["claims"] > 0 for p in places)
    assert any(p["place"] == "Zangilan" for p in places)


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/claims", {"conflict": "no such war!"}, 400),
        ("/api/claims", {"date_from": "20/10/2020"}, 400),
        ("/api/questions", {"sort": "random"}, 422),
        ("/api/questions/999999", {}, 404),
        ("/api/documents/999999", {}, 404),
        ("/api/search", {"q": ""}, 422),
        ("/questions/999999", {}, 404),
        ("/claims", {"date_to": "tomorrow"}, 400),
    ],
)
def test_client_errors(client: TestClient, path: str, params: dict, status: int) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    if path.startswith("/api/"):
        assert "detail" in response.json()
    else:
        assert "<h1>Error" in response.text
