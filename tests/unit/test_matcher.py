"""The lexicon matcher: clitics around a form, and the suffixes a form cannot take."""

from __future__ import annotations

import pytest

from marsad.lexicon.compile import matcher
from marsad.normalise import normalise

KINDS = ("actor", "verb", "event", "item", "marker")


def _keys(text: str, kind: str) -> list[str]:
    found = matcher(KINDS).find(normalise(text).text)
    return [m.key for m in found.get(kind, [])]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("قصفت القوات أهدافا عسكرية مشروعة", "item"),  # the nisba عسكرية is no "his soldier"
        ("وذكرت الوزارة، إضافة إلى ذلك", "verb"),  # إضافة is no "he added it"
        ("وقال في كلمة متلفزة", "marker"),  # لم inside كلمة
    ],
)
def test_feminine_endings_and_short_forms_are_not_clitics(text: str, kind: str) -> None:
    keys = _keys(text, kind)
    assert not [k for k in keys if k.startswith(("soldier", "military", "say.adaf", "neg"))], keys


def test_possessive_suffixes_still_attach() -> None:
    assert any(k.startswith("soldier") for k in _keys("وقالت إن جنوده قتلوا", "item"))
    assert any(k.startswith("force.generic.own") for k in _keys("وقالت إن قواتها تقدمت", "actor"))


def test_a_form_in_ta_marbuta_takes_a_pronoun_after_t() -> None:
    assert "leader.pl" in _keys("وأعلنت الحركة مقتل أحد قادتها", "item")  # قادة + ها
    assert "leader.pl" not in _keys("وصلت قادت السيارة إلى المدينة", "item")  # no pronoun, no match


def test_proclitics_attach_and_words_do_not_split() -> None:
    assert "state.aze" in _keys("وقالت وزارة الدفاع لأذربيجان", "actor")
    assert "state.aze" not in _keys("الأذربيجانيون", "actor")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('مقتل 120 من عناصر حركة "الشباب"', "group.shabaab"),
        ("وقالت جماعة «أنصار الله» إنها أسقطت طائرة", "group.houthi"),
    ],
)
def test_group_names_with_their_name_in_quotes(text: str, key: str) -> None:
    assert key in _keys(text, "actor")
