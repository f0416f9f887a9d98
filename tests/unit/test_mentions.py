"""Mentions: the per-kind index the claims stage queries."""

from __future__ import annotations

import random

from marsad.model import Mention
from marsad.normalise import normalise
from marsad.recognise.mentions import Mentions, _leftmost_longest_first, recognise


def test_order_is_start_then_longest_with_ties_kept() -> None:
    rng = random.Random(7)
    for _ in range(500):
        found = [Mention("item", s, s + rng.randint(0, 4), str(i)) for i, s in
                 enumerate(rng.randint(0, 20) for _ in range(rng.randint(0, 30)))]
        expected = [m.key for m in sorted(found, key=lambda m: (m.start, -m.end))]
        assert [m.key for m in _leftmost_longest_first(found)] == expected


def test_within_returns_the_mentions_starting_in_the_span() -> None:
    items = [Mention("item", 5, 9, "a"), Mention("item", 0, 3, "b"), Mention("item", 5, 7, "c")]
    m = Mentions.build({"item": items}, None)
    assert [x.key for x in m.of("item")] == ["b", "a", "c"]
    assert [x.key for x in m.within("item", 1, 6)] == ["a", "c"]
    assert m.within("item", 10, 20) == [] and m.within("actor", 0, 100) == []
    m.within("actor", 0, 1).append(items[0])  # a caller's list is its own
    assert m.within("actor", 0, 100) == []


def test_an_unknown_place_name_ends_before_a_word_the_lexicons_know() -> None:
    text = normalise("وقالت السلطات إن غارة على قرية زرغونة أودت بحياة 12 شخصا").text
    names = [text[p.start : p.end] for p in recognise(text, None).within("place", 0, len(text))]
    assert names == ["زرغونه"]


def test_an_after_noun_demonym_describes_only_the_word_right_before_it() -> None:
    for text, codes in [
        ("قتل جنديا ماليا في الهجوم", ["MLI"]),
        ("وقالت المتحدثة باسم الوزارة الكمبودية، مالي سوتشياتا، إن", ["KHM"]),
        ("قدمت الحكومة دعما ماليا للنازحين", []),
    ]:
        norm = normalise(text).text
        found = [a.get("code") for a in recognise(norm, None).of("actor") if a.get("code")]
        assert found == codes, text
