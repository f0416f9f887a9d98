"""The pieces the pages are drawn from: evidence marks over overlapping spans, sentences around a
span, search snippets matched after normalisation, the timeline and map geometry."""

from __future__ import annotations

from datetime import date

from marsad.serve import svg, text


def test_overlapping_evidence_is_split_and_knows_every_claim() -> None:
    pieces = text.marked("abcdefghij", [(2, 8, 1), (4, 6, 2), (9, 20, 3)])
    assert [(p.text, p.claims, p.starts) for p in pieces] == [
        ("ab", (), ()), ("cd", (1,), (1,)), ("ef", (2, 1), (2,)), ("gh", (1,), ()), ("i", (), ()),
        ("j", (3,), (3,)),
    ]  # fmt: skip
    assert "".join(p.text for p in pieces) == "abcdefghij"


def test_sentence_around_a_span() -> None:
    doc = "جملة أولى. قالت الوزارة إن 12 دبابة دمرت في القتال. جملة ثالثة."
    start = doc.index("12")
    before, span, after = text.sentence_around(doc, start, start + 8)
    assert span == "12 دبابة" and before.strip() == "قالت الوزارة إن" and after == " دمرت في القتال."


def test_snippet_matches_other_spellings_and_keeps_the_original() -> None:
    doc = "مقدمة طويلة " * 30 + "قال الجيش الأذري إن قواته تقدمت." + " خاتمة" * 40
    pieces = text.snippet(doc, ["الاذري"])
    assert [p.text for p in pieces if p.hit] == ["الأذري"]
    assert pieces[0].text == "…" and pieces[-1].text == "…"
    assert text.snippet("نص قصير", ["غائب"])[0].text == "نص قصير"


def test_timeline_series_per_claimant() -> None:
    points = [
        {"id": 1, "claimant": "ARM", "value": 100, "high": None, "day": date(2020, 10, 1)},
        {"id": 2, "claimant": "ARM", "value": 710, "high": None, "day": date(2020, 10, 20)},
        {"id": 3, "claimant": "MEDIA", "value": 300, "high": None, "day": date(2020, 10, 10)},
    ]
    chart = svg.timeline(points, {3: "ANADOLU"}, href="/questions/7")
    assert chart is not None and [s.label for s in chart.series] == ["ANADOLU", "ARM"]
    arm = chart.series[1]
    assert arm.path.startswith("M") and arm.path.count("L") == 1
    assert arm.dots[0].x < arm.dots[1].x and arm.dots[0].y > arm.dots[1].y  # later and higher
    assert arm.dots[1].href == "/questions/7#claim-2"
    assert chart.y_ticks[-1][1] == "1,000" and svg.timeline([], {}) is None


def test_map_projects_places_inside_the_view() -> None:
    places = [{"place": "Zangilan", "lat": 39.08, "lon": 46.66, "claims": 4},
              {"place": "Yerevan", "lat": 40.18, "lon": 44.51, "claims": 1}]  # fmt: skip
    view = svg.claim_map(places, lambda name: f"/claims?place={name}")
    assert all(0 <= d.x <= view.width and 0 <= d.y <= view.height for d in view.dots)
    assert view.dots[0].r > view.dots[1].r and view.dots[0].href == "/claims?place=Zangilan"
    assert view.base and view.grid and {d.label for d in view.dots} == {"Zangilan", "Yerevan"}
    assert svg.claim_map([], str).dots == []
