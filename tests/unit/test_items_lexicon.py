"""The item lexicon (data/lexicon/ar/items.yaml): what a claim counts, and its grammatical number."""

from __future__ import annotations

import pytest

from marsad.lexicon.compile import matcher
from marsad.lexicon.load import load_kind
from marsad.normalise import normalise

# The closed item list of claims.md ("Items").
ITEMS = frozenset({
    "soldiers", "fighters", "civilians", "people",
    "tanks", "armored_vehicles", "vehicles", "artillery", "mortars", "rocket_launchers", "air_defense",
    "aircraft", "helicopters", "drones", "missiles", "ships", "command_posts", "depots", "positions",
    "settlements", "heights", "territory", "houses", "buildings", "infrastructure",
    "strikes",
})


@pytest.fixture(scope="module")
def entries():
    return load_kind("item")


def test_every_item_is_a_claims_item(entries) -> None:
    assert entries
    assert {e.attrs.get("item") for e in entries} <= ITEMS


def test_every_claims_item_has_words(entries) -> None:
    assert {e.attrs["item"] for e in entries} == ITEMS


def test_counts_are_singular_or_dual(entries) -> None:
    for entry in entries:
        assert entry.attrs.get("count") in (None, 1, 2), entry.id


def test_ids_follow_grammatical_number(entries) -> None:
    for entry in entries:
        suffix = entry.id.rsplit(".", 1)[-1]
        expected = {"sg": 1, "du": 2}.get(suffix)
        assert entry.attrs.get("count") == expected, entry.id


def test_member_nouns_are_people(entries) -> None:
    for entry in entries:
        if entry.attrs.get("member"):
            assert entry.attrs["item"] == "people", entry.id


# (phrase, item of the longest hit, its count or None)
CASES = [
    ("دمرنا دبابتين", "tanks", 2),
    ("أسقطت مروحية", "helicopters", 1),
    ("ودمرت 12 عربة مصفحة", "armored_vehicles", 1),
    ("راجمة غراد", "rocket_launchers", 1),
    ("قتل ثلاثة جنود", "soldiers", None),
    ("أعلن مقتل جنديين", "soldiers", 2),
    ("إصابة 40 مدنياً", "civilians", 1),
    ("أسر عنصرين من الميليشيا", "people", 2),
    ("القضاء على 80 إرهابيا", "fighters", 1),
    ("مقتل 84 مرتزقا", "fighters", None),
    ("نزوح آلاف السكان", "civilians", None),
    ("مقتل 7 أشخاص", "people", None),
    ("تدمير 5 آليات عسكرية", "vehicles", None),
    ("وأربع شاحنات", "vehicles", None),
    ("دمر مدفع هاون", "mortars", 1),
    ("ثلاثة مدافع ميدان", "artillery", None),
    ("وبطاريتي مدفعية", "artillery", 2),
    ("قصف بقذائف الهاون", "missiles", None),
    ("منظومتي دفاع جوي من طراز بانتسير", "air_defense", 2),
    ("دمرت محطة رادار", "air_defense", 1),
    ("إسقاط طائرة حربية", "aircraft", 1),
    ("مقاتلتين من طراز سوخوي", "aircraft", 2),
    ("أسقطنا طائرة تركية مسيرة", "drones", 1),
    ("اعترضت ثلاث طائرات بدون طيار", "drones", None),
    ("أسقط مسيّرتيْن", "drones", 2),
    ("أطلق صاروخين باليستيين", "missiles", 2),
    ("إغراق زورقين", "ships", 2),
    ("غرق سفينة حربية", "ships", 1),
    ("استهداف مركز قيادة ومراقبة", "command_posts", 1),
    ("تفجير مستودع للذخيرة", "depots", 1),
    ("السيطرة على 60 موقعاً عسكرياً", "positions", 1),
    ("تدمير خنادق وتحصينات", "positions", None),
    ("استعادة ثلاث قرى", "settlements", None),
    ("سيطرت على بلدتين", "settlements", 2),
    ("تحرير تلتين", "heights", 2),
    ("مساحة 400 كيلومتر مربع", "territory", None),
    ("هدم 169 منزلا", "houses", 1),
    ("تضرر 40 مبنى حكوميا", "buildings", 1),
    ("قصف مستشفيين", "buildings", 2),
    ("تدمير جسرين", "infrastructure", 2),
    ("شن أربع غارات جوية", "strikes", None),
    ("دبابات T-72B3", "tanks", None),
    ("مدرعة من طراز BMP-2", "armored_vehicles", 1),
    ("8 ناقلات جند مدرعة", "armored_vehicles", None),
    ("مقتل قيادي بارز", "people", 1),
    ("استشهاد 3 صحفيين", "civilians", None),
    ("إصابة طفلين", "civilians", 2),
    ("الاستيلاء على 4 مدافع", "artillery", None),
]


@pytest.mark.parametrize(("phrase", "item", "count"), CASES, ids=[c[0] for c in CASES])
def test_phrase_finds_item(phrase: str, item: str, count: int | None) -> None:
    hits = matcher(("item",)).find(normalise(phrase).text).get("item", [])
    assert hits, phrase
    longest = max(hits, key=lambda h: h.end - h.start)
    assert (longest.get("item"), longest.get("count")) == (item, count)


def test_multiword_beats_its_head() -> None:
    text = normalise("دمرت 12 عربة مصفحة").text
    hits = matcher(("item",)).find(text)["item"]
    assert [text[h.start:h.end] for h in hits] == ["عربه مصفحه"]


def test_article_and_proclitics() -> None:
    for phrase in ("والدبابات", "بالدبابات", "للدبابات", "الدبابات", "دباباتها"):
        hits = matcher(("item",)).find(normalise(phrase).text).get("item", [])
        assert [h.get("item") for h in hits] == ["tanks"], phrase


@pytest.mark.parametrize("phrase", ["خسائر كبيرة", "أشار إليه", "ما أسفرت إليها"])
def test_common_words_carry_no_count(phrase: str) -> None:
    """Short forms must not turn common words into counts (كبيرة = ك + بير + ة; إليه = آلية)."""
    hits = matcher(("item",)).find(normalise(phrase).text).get("item", [])
    assert all(h.get("count") is None for h in hits), phrase
