"""Copy groups (exact and near copies, paragraph by paragraph) and stories."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest

from marsad import dedupe
from marsad.normalise import normalise
from marsad.recordconf import settings

CFG = settings().copies
STORIES = settings().stories

WIRE = [
    "أعلنت وزارة الدفاع الأذربيجانية الثلاثاء أن قواتها دمرت 14 دبابة تابعة للجيش الأرميني قرب مدينة فضولي.",
    "وأضافت الوزارة في بيان رسمي أن قواتها قتلت 90 جنديا أرمينيا وأسقطت طائرة مسيرة كانت تحلق فوق خط الجبهة.",
    "وقالت وزارة الدفاع الأرمينية إن 22 من جنودها قتلوا في المعارك التي شهدتها جبهة فضولي يوم الثلاثاء.",
]
OWN = [
    "تشهد المنطقة منذ أسابيع تصعيدا عسكريا غير مسبوق منذ سنوات طويلة وسط دعوات دولية متكررة للتهدئة.",
    "ويرى محللون أن استمرار القتال يهدد بجر قوى إقليمية إلى النزاع ويعقد فرص التوصل إلى تسوية سياسية قريبة.",
    "وكان مجلس الأمن الدولي قد عقد جلسة مغلقة لبحث الأوضاع من دون أن يصدر بيانا مشتركا في ختامها.",
    "وتتبادل العاصمتان الاتهامات بشأن المسؤولية عن خرق الهدنة الإنسانية التي أعلنت برعاية روسية قبل أيام.",
]
OTHER = [
    "قالت قوات الدعم السريع إنها سيطرت على مقر الفرقة السادسة عشرة في مدينة نيالا بعد معارك استمرت أياما.",
    "ونفى الجيش السوداني في بيان سقوط المقر وقال إن قواته ما زالت تتصدى للهجوم في الأحياء الجنوبية للمدينة.",
    "وأفادت مصادر طبية بأن عشرات المدنيين أصيبوا جراء القصف المدفعي المتبادل على الأحياء السكنية.",
]


def _edit(paragraph: str) -> str:
    """A sub-editor's touch: one word swapped, punctuation changed."""
    return paragraph.replace("قواتها", "القوات التابعة لها", 1).replace(".", "،", 1)


def _doc(doc_id: int, paras: list[str], day: date | None = None) -> tuple[dedupe.DocSig, list[str]]:
    norm = normalise("\n\n".join(paras)).text
    blocks = dedupe.paragraphs(norm, CFG)
    digest = hashlib.sha256(" ".join(norm.split()).encode()).hexdigest()
    return dedupe.DocSig(doc_id, digest, day, dedupe.signature(blocks, CFG)), blocks


def _groups(*docs: tuple[dedupe.DocSig, list[str]]) -> dict[int, int]:
    texts = {sig.id: blocks for sig, blocks in docs}
    order = sorted((sig for sig, _ in docs), key=lambda d: (d.day is None, d.day or date.min, d.id))
    mapping, _how = dedupe.copy_groups(order, texts.__getitem__, CFG)
    return mapping


def test_paragraphs_drop_short_lines_and_cut_long_ones() -> None:
    long_line = " ".join(WIRE * 4)
    blocks = dedupe.paragraphs(f"المصدر: وكالات\n\n{long_line}\n{WIRE[0]}", CFG)
    assert "المصدر: وكالات" not in blocks
    assert all(CFG.min_paragraph_chars <= len(b) <= CFG.max_paragraph_chars for b in blocks)
    assert len(blocks) > 2


def test_signatures_are_deterministic_and_round_trip() -> None:
    sig = dedupe.signature(WIRE, CFG)
    assert sig.shape == (3, CFG.num_perm + 1)
    assert (dedupe.signature(WIRE, CFG) == sig).all()
    assert (dedupe.from_blob(dedupe.to_blob(sig), CFG) == sig).all()


def test_exact_copies_group_without_the_index() -> None:
    assert _groups(_doc(1, WIRE + OWN), _doc(2, WIRE + OWN)) == {1: 1, 2: 1}


def test_a_rewrite_around_shared_wire_paragraphs_is_a_near_copy() -> None:
    first = _doc(1, WIRE + OWN[:2])
    second = _doc(2, [_edit(p) for p in WIRE] + OWN[2:])
    mapping = _groups(first, second)
    assert mapping[1] == mapping[2] == 1


def test_one_shared_sentence_in_long_articles_is_not_a_copy() -> None:
    first = _doc(1, [WIRE[0], *OWN, *OTHER])
    second = _doc(2, [WIRE[0], *[p[::-1] for p in OWN], *[p[::-1] for p in OTHER]])  # same topic, own words
    assert _groups(first, second) == {1: 1, 2: 2}


def test_same_topic_different_words_are_not_copies() -> None:
    assert _groups(_doc(1, WIRE), _doc(2, OWN), _doc(3, OTHER)) == {1: 1, 2: 2, 3: 3}


def test_near_copies_are_looked_for_within_the_window_only() -> None:
    day = date(2020, 10, 20)
    far = day + timedelta(days=CFG.window_days + 1)
    near = _groups(_doc(1, WIRE, day), _doc(2, [_edit(p) for p in WIRE], day + timedelta(days=1)))
    apart = _groups(_doc(1, WIRE, day), _doc(2, [_edit(p) for p in WIRE], far))
    assert near[2] == 1 and apart[2] == 2


def test_groups_are_named_by_their_smallest_id() -> None:
    groups = dedupe.Groups()
    groups.union(7, 3)
    groups.union(9, 7)
    assert groups.mapping() == {3: 3, 7: 3, 9: 3}


def test_shared_share_is_that_of_the_shorter_text() -> None:
    short, long_ = WIRE[:2], WIRE[:2] + OWN
    share = dedupe.shared_share(short, long_, [(0, 0), (1, 1)], CFG.paragraph_ratio)
    assert share == pytest.approx(1.0)
    assert dedupe.shared_share(short, long_, [(0, 2)], CFG.paragraph_ratio) == 0.0


# -- stories ------------------------------------------------------------------------------------

D = date(2020, 10, 20)


def _unit(
    uid: int, day: date | None, places: set[str], actors: set[str] = frozenset({"AZE", "ARM"})
) -> dedupe.Unit:
    return dedupe.Unit(uid, day, frozenset(places), frozenset(actors))


def _story_of(*units: dedupe.Unit) -> dict[int, int]:
    order = sorted(units, key=lambda u: (u.day is None, u.day or date.min, u.id))
    made = dedupe.stories(order, STORIES)
    return {u: s.id for s in made.values() for u in s.units}


@pytest.mark.parametrize(
    ("units", "together"),
    [
        ([_unit(1, D, {"Fuzuli"}), _unit(2, D + timedelta(days=1), {"Fuzuli", "Jabrayil"})], True),
        ([_unit(1, D, {"Fuzuli"}), _unit(2, D, {"Hadrut"}, {"AZE"})], False),
        ([_unit(1, D, {"Fuzuli"}), _unit(2, D, set())], True),  # no place, two shared parties, same day
        ([_unit(1, D, {"Fuzuli"}), _unit(2, D + timedelta(days=STORIES.window_days + 1), {"Fuzuli"})], False),
        ([_unit(1, D, {"Fuzuli"}), _unit(2, None, {"Fuzuli"})], False),  # dated and undated never mix
        ([_unit(1, None, {"Fuzuli"}), _unit(2, None, {"Fuzuli"})], True),
        ([_unit(1, None, {"Fuzuli"}), _unit(2, None, set())], False),  # undated: a shared place is needed
        ([_unit(1, D, {"Khartoum"}, {"SDN", "RSF"}), _unit(2, D, {"Khartoum"}, {"AZE", "ARM"})], False),
    ],
    ids=[
        "shared-place",
        "other-place",
        "shared-parties",
        "window",
        "dated-undated",
        "undated-place",
        "undated-no-place",
        "other-war",
    ],  # fmt: skip
)
def test_stories(units: list[dedupe.Unit], together: bool) -> None:
    story = _story_of(*units)
    assert (story[units[0].id] == story[units[1].id]) is together
