"""Claim rules: the behaviour rows of tests/cases/ar/claims.yaml, run through `marsad.extract`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad import extract
from marsad.model import Claim

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "ar" / "claims.yaml").read_text(encoding="utf-8"))["cases"]


def _fields(claim: Claim) -> dict[str, Any]:
    """The fields a case row may name, flattened the way the rows write them."""
    return {
        "claimant": claim.claimant.actor, "kind": claim.kind, "item": claim.item, "count": claim.count.value,
        "affected": claim.affected, "agent": claim.agent, "modality": claim.modality,
        "place": claim.place.name if claim.place else None, "cumulative": claim.cumulative,
        "place_text": claim.place.text if claim.place else None, "qualifier": claim.count.qualifier,
    }


def _matches(claim: Claim, want: dict[str, Any]) -> bool:
    got = _fields(claim)
    return all(got[key] == value for key, value in want.items())


def _show(claims: list[Claim]) -> str:
    return "\n".join(str(_fields(c)) for c in claims) or "(no claims)"


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    claims = extract(case["text"], published=case.get("published"))
    if case.get("none"):
        assert claims == [], _show(claims)
    for want in case.get("expect", []):
        assert any(_matches(c, want) for c in claims), f"missing {want} in\n{_show(claims)}"
    for single in case.get("once", []):
        assert sum(_matches(c, single) for c in claims) == 1, f"not once: {single} in\n{_show(claims)}"
    for unwanted in case.get("absent", []):
        assert not any(_matches(c, unwanted) for c in claims), f"unwanted {unwanted} in\n{_show(claims)}"


def test_evidence_quotes_the_text_as_given() -> None:
    text = "وقالت وزارةُ الدفاعِ الأرمينية إن قواتها أسقطت ٣ طائرات مسيّرة أذربيجانية."
    claims = extract(text)
    assert claims
    for claim in claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert claim.count.value == 3


def test_the_same_figure_of_another_model_is_another_claim() -> None:
    text = (
        "وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت راجمة صواريخ من طراز أوراغان.\n"
        "وأضافت الوزارة أن قواتها دمرت كذلك راجمة صواريخ من طراز سميرتش.\n"
        "وأكدت الوزارة مجددا تدمير راجمة صواريخ من طراز أوراغان."
    )
    launchers = [c for c in extract(text) if c.item == "rocket_launchers"]
    assert [c.count.value for c in launchers] == [1, 1], _show(launchers)


def test_a_definite_noun_takes_back_the_thing_counted_before_it() -> None:
    text = "وأعلنت الحركة أنها اقتحمت موقعا للجيش في الإقليم وسيطرت على الموقع بعد ساعات."
    posts = [c for c in extract(text) if c.item == "positions"]
    assert [(c.kind, c.count.value) for c in posts] == [("took_control", 1)], _show(posts)


def test_the_claimant_words_close_the_bracket_they_open() -> None:
    claims = extract("قالت قوات سوريا الديمقراطية (قسد) إن 4 من مقاتليها قتلوا في الاشتباكات.")
    assert claims and claims[0].claimant.text == "قوات سوريا الديمقراطية (قسد)"


def test_a_headline_claimant_is_named_by_the_words_before_its_colon() -> None:
    claims = extract("جبهة تحرير تيغراي: قواتنا أسقطت طائرة مقاتلة إثيوبية")
    assert [c.claimant.text for c in claims] == ["جبهة تحرير تيغراي"]


def test_an_organisations_official_speaks_in_its_role() -> None:
    claims = extract("وقال مسؤول في الأمم المتحدة إن ما لا يقل عن 70 مدنيا قتلوا في أذربيجان.")
    assert [(c.claimant.actor, c.claimant.role) for c in claims] == [("UN", "ORG")]


def test_what_a_party_admits_is_no_part_of_its_name() -> None:
    claims = extract("من جهته، أقر الجيش الإسرائيلي بمقتل ضابط وجنديين في معارك شمال القطاع.")
    assert claims and {c.claimant.text for c in claims} == {"الجيش الإسرائيلي"}


def test_a_presidents_aide_speaks_for_the_government_not_as_head_of_state() -> None:
    claims = extract("وقال مساعد الرئيس الأذربيجاني إن أرمينيا أطلقت 3 صواريخ باليستية على مدينة غنجة.")
    assert [(c.claimant.actor, c.claimant.role) for c in claims] == [("AZE", "GOV")]


def test_unnamed_officials_speak_as_unnamed_sources() -> None:
    text = "مقتل 25 جنديا في هجوم لبوكو حرام\n\nقال مسؤولون أمنيون إن مسلحين من بوكو حرام قتلوا 25 جنديا."
    body = [c for c in extract(text) if c.claimant.text == "مسؤولون أمنيون"]
    assert [(c.claimant.actor, c.claimant.role) for c in body] == [("ANON", "ANON")]


def test_a_figure_told_without_its_place_restates_the_one_told_with_it() -> None:
    text = (
        "التحالف: تدمير 6 زوارق مفخخة للحوثيين\n\n"
        "وأعلن التحالف بقيادة السعودية تدمير 6 زوارق مفخخة للحوثيين قبالة سواحل الحديدة."
    )
    boats = [c for c in extract(text) if c.item == "ships"]
    told = [(c.count.value, c.place.name if c.place else None) for c in boats]
    assert told == [(6, "Al Hudaydah")], _show(boats)
