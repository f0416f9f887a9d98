"""Helpers shared by the web tests."""

from __future__ import annotations

from fastapi.testclient import TestClient

ZANGILAN = "زنغلان"


def says_710(figure: dict) -> bool:
    """ARM's figure is 710, or 710 is among ARM's other figures (when the extractor also finds an
    earlier ARM figure for the same question, the headline may be that one)."""
    return figure["claimant"] == "ARM" and (figure["value"] == 710 or "710" in figure["others"])


def arm_710(client: TestClient) -> dict:
    """The question where Armenia gives 710 Armenian soldiers killed (seeds 000/001)."""
    response = client.get(
        "/api/questions", params={"kind": "killed", "item": "soldiers", "actor": "ARM", "limit": 500}
    )
    return next(q for q in response.json()["items"] if any(says_710(f) for f in q["figures"]))
