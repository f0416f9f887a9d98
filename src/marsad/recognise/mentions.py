"""Run every recogniser over one document and index the mentions by kind and span.

The claims stage queries the resulting `Mentions` by kind and span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from operator import attrgetter

from marsad.lexicon.compile import matcher
from marsad.lexicon.load import load_table
from marsad.model import Mention
from marsad.normalise import normalise_form
from marsad.recognise import dates, numbers, places

LEXICON_KINDS = ("actor", "verb", "event", "item", "marker")


_NONE: tuple[list[Mention], list[int]] = ([], [])
_STRIKES = "strikes"  # the item of raids, whose words are events too


@dataclass(frozen=True, slots=True)
class Mentions:
    """Mentions of one document by kind, each list sorted by start offset."""

    by_kind: dict[str, list[Mention]]
    starts: dict[str, list[int]]
    report_date: date | None
    # (mentions, their starts) by kind: `within` runs some 200 times per document, one lookup each
    index: dict[str, tuple[list[Mention], list[int]]] = field(default_factory=dict, compare=False)

    @classmethod
    def build(cls, groups: dict[str, list[Mention]], report_date: date | None) -> Mentions:
        return cls.ordered({k: _leftmost_longest_first(v) for k, v in groups.items()}, report_date)

    @classmethod
    def ordered(cls, ordered: dict[str, list[Mention]], report_date: date | None) -> Mentions:
        """From lists already in `build`'s order (a selection of another `Mentions`' lists)."""
        starts = {k: [m.start for m in v] for k, v in ordered.items()}
        return cls(ordered, starts, report_date, {k: (v, starts[k]) for k, v in ordered.items()})

    def of(self, kind: str) -> list[Mention]:
        return self.by_kind.get(kind, [])

    def within(self, kind: str, start: int, end: int) -> list[Mention]:
        """Mentions of `kind` that start in `[start, end)`."""
        items, starts = self.index.get(kind, _NONE)
        return items[bisect_left(starts, start) : bisect_left(starts, end)]


_START, _END = attrgetter("start"), attrgetter("end")


def _leftmost_longest_first(mentions: list[Mention]) -> list[Mention]:
    """Sorted by start, the longest first among those that start together, ties kept in order:
    two stable sorts on attributes, which is faster than one on a (start, -end) key built per
    mention in Python."""
    return sorted(sorted(mentions, key=_END, reverse=True), key=_START)


def _countries(actors: Iterable[Mention]) -> list[str]:
    """Codes of the states the article speaks of, most mentioned first, for place disambiguation."""
    counts: dict[str, int] = {}
    for m in actors:
        code = m.get("code")
        if code and len(code) == 3 and code.isupper():
            counts[code] = counts.get(code, 0) + 1
    return sorted(counts, key=counts.__getitem__, reverse=True)


def _not_inside(found: list[Mention], items: list[Mention]) -> list[Mention]:
    """Mentions that are not part of an item's words ("أوسا" is an air-defence system, not Osa;
    the 1 of "توس-1" is no number)."""
    spans = sorted((i.start, i.end) for i in items)
    starts = [a for a, _ in spans]
    out = []
    for place in found:
        k = bisect_left(starts, place.end) - 1
        if k >= 0 and spans[k][0] <= place.start and place.end <= spans[k][1]:
            continue
        out.append(place)
    return out


def _quoted_group(text: str, actor: Mention) -> bool:
    """A group named by its quoted name alone ("«الشباب»")."""
    return actor.get("type") == "group" and text[actor.start] in _quote_openers()


@cache
def _quote_openers(lang: str = "ar") -> frozenset[str]:
    return frozenset(pair[0] for pair in load_table("clitics", lang)["quote_pairs"])


def _not_in_names(events: list[Mention], items: list[Mention]) -> list[Mention]:
    """Event words inside a longer name of a thing: "مركز قيادة وسيطرة" is a command post, not a
    taking, "أسرة" a family, not a capture. A raid's own words ("غارات جوية") stay events."""
    names = [(i.start, i.end) for i in items if i.get("item") != _STRIKES]  # by start, disjoint
    starts = [a for a, _ in names]
    out = []
    for event in events:
        k = bisect_right(starts, event.start) - 1
        if k >= 0 and names[k][1] >= event.end and names[k][1] - names[k][0] > event.end - event.start:
            continue
        out.append(event)
    return out


def _other_word(text: str, mention: Mention) -> bool:
    """A form that is another word before one of its entry's `not_before` words ("فجر اليوم")."""
    following = text[mention.end : mention.end + 12].split()[:1]
    return bool(following) and following[0] in _normalised(tuple(mention.get("not_before", ())))


@cache
def _normalised(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise_form(w) for w in words)


def _before_demonyms(text: str, actors: list[Mention]) -> list[Mention]:
    """Words that name an actor only with a country's adjective right after them ("الدفاع الروسية")."""
    out = []
    for k, actor in enumerate(actors):
        if actor.get("before_demonym"):
            nxt = actors[k + 1] if k + 1 < len(actors) else None
            if nxt is None or nxt.get("type") != "demonym" or text[actor.end : nxt.start].strip():
                continue
        out.append(actor)
    return out


def _yielding(text: str, actors: list[Mention]) -> list[Mention]:
    """A name another state's adjective right after it takes over: "قوات الاحتلال الروسي" are
    Russia's forces, not Israel's."""
    out = []
    for k, actor in enumerate(actors):
        nxt = actors[k + 1] if k + 1 < len(actors) else None
        if (
            actor.get("yields_to_demonym")
            and nxt is not None
            and nxt.get("type") == "demonym"
            and nxt.get("code") != actor.get("code")
            and not text[actor.end : nxt.start].strip()
        ):
            continue
        out.append(actor)
    return out


def _after_nouns(text: str, groups: dict[str, list[Mention]]) -> list[Mention]:
    """Actor words that are other words elsewhere ("دعم مالي" is financial) only where they
    describe the noun right before them: "جنديا ماليا"، "الجيش المالي"."""
    heads = sorted(
        (m for kind in ("item", "actor") for m in groups.get(kind, ()) if not m.get("after_noun")), key=_START
    )
    starts = [h.start for h in heads]
    out = []
    for actor in groups["actor"]:
        if actor.get("after_noun"):
            space = text.rfind(" ", 0, actor.start)
            word_start = text.rfind(" ", 0, max(space, 0)) + 1
            word = heads[bisect_left(starts, word_start) : bisect_left(starts, max(space, 0) + 1)]
            # the head's word ends at the space, its suffix letters aside: not "الكمبودية، مالي"
            described = any(h.end == space or (h.end < space and text[h.end : space].isalpha()) for h in word)
            if space < 0 or text[space + 1 : actor.start] or not described:
                continue
        out.append(actor)
    return out


def _named_by_settlement_cue(text: str, place: Mention) -> bool:
    """An unknown name right after a village or town cue: its words are a name even where a lexicon
    knows them as a thing ("بلدة الدار الكبيرة" is no house)."""
    if not place.key.startswith(_UNKNOWN):
        return False
    before = text[max(0, place.start - _CUE_REACH) : place.start].split()
    cues = places.gazetteer().unknown_settlements
    return bool(before) and (before[-1] in cues or (before[-1][:1] in ("و", "ب") and before[-1][1:] in cues))


_UNKNOWN = "unknown:"  # the key of a place name the gazetteer does not hold
_SHORTEST_NAME = 2
_CUE_REACH = 12  # characters before an unknown name in which its cue word stands
_NOT_IN_NAMES = ("event", "verb", "actor", "marker")  # lexicon words that end an unknown name


def _cut_unknown(text: str, found: list[Mention], groups: dict[str, list[Mention]]) -> list[Mention]:
    """An unknown name ends before a word the lexicons know: "ولاية باكتيكا أودت بحياة" names
    باكتيكا; the gazetteer guesses its extent from cue and stop words alone."""
    out = []
    starts = sorted(m.start for kind in _NOT_IN_NAMES for m in groups.get(kind, ()))
    for place in found:
        if place.key.startswith(_UNKNOWN):
            k = bisect_right(starts, place.start)  # the first lexicon word that starts inside it
            inside = [starts[k]] if k < len(starts) and starts[k] < place.end else []
            if inside:
                end = min(inside)
                while end > place.start and text[end - 1] == " ":
                    end -= 1
                if end - place.start < _SHORTEST_NAME:
                    continue  # the cue's "name" was a known word
                place = Mention("place", place.start, end, _UNKNOWN + text[place.start : end], place.attrs)
        out.append(place)
    return out


_NAME_PROCLITICS = frozenset({"", "و", "ب", "ل", "ف", "وب", "ول", "فب"})


def _unknown_again(text: str, found: list[Mention], groups: dict[str, list[Mention]]) -> list[Mention]:
    """An unknown name learnt after a cue ("بلدة ماكوميا") is the same place where the article names
    it again without one ("فروا من ماكوميا"), unless the lexicons read the words otherwise."""
    names = {text[p.start : p.end]: p for p in found if p.key.startswith(_UNKNOWN)}
    if not names:
        return found
    taken = bytearray(len(text))  # the characters some mention already reads
    for m in (*found, *(m for kind in ("place", *_NOT_IN_NAMES, "item") for m in groups.get(kind, ()))):
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    out = list(found)
    for name, first in names.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            lead = at
            while lead > 0 and text[lead - 1].isalpha():
                lead -= 1
            whole = text[lead:at] in _NAME_PROCLITICS and not (end < len(text) and text[end].isalpha())
            if whole and not any(taken[at:end]):
                out.append(Mention("place", at, end, first.key, first.attrs))
                taken[at:end] = b"\x01" * (end - at)
            at = text.find(name, end)
    return sorted(out, key=_START)


def recognise(text: str, published: date | None) -> Mentions:
    """All mentions in normalised `text`, dates resolved against the article's own date."""
    groups = matcher(LEXICON_KINDS).find(text)
    if "event" in groups and "item" in groups:
        groups["event"] = _not_in_names(groups["event"], groups["item"])
    if any(e.get("not_before") for e in groups.get("event", ())):
        groups["event"] = [e for e in groups["event"] if not _other_word(text, e)]
    if any(a.get("after_noun") for a in groups.get("actor", ())):
        groups["actor"] = _after_nouns(text, groups)
    if any(a.get("before_demonym") for a in groups.get("actor", ())):
        groups["actor"] = _before_demonyms(text, groups["actor"])
    if any(a.get("yields_to_demonym") for a in groups.get("actor", ())):
        groups["actor"] = _yielding(text, groups["actor"])
    if "item" in groups:  # "70 من «الشباب»": the group's quoted name, not "youths"
        quoted = [a for a in groups.get("actor", ()) if _quoted_group(text, a)]
        groups["item"] = _not_inside(groups["item"], quoted)
    groups["number"] = _not_inside(numbers.find(text), groups.get("item", []))  # "توس-1" is a model
    found = places.find(text, _countries(groups.get("actor", [])))
    named = [p for p in found if _named_by_settlement_cue(text, p)]  # "بلدة الدار الكبيرة": a name
    if named and "item" in groups:
        groups["item"] = _not_inside(groups["item"], named)
    found = [p for p in _not_inside(found, groups.get("item", [])) if p not in named] + named
    found.sort(key=lambda p: p.start)
    groups["place"] = _unknown_again(text, _cut_unknown(text, found, groups), groups)
    report_date = dates.document_date(text, published)
    groups["date"] = dates.find(text, report_date)
    if groups["date"] and "event" in groups:  # "منذ فجر اليوم": dawn, not "set off"
        groups["event"] = _not_inside(groups["event"], groups["date"])
    return Mentions.build(groups, report_date)
