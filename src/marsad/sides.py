"""Actors and sides: who a frame names, which conflict an article is about, who suffered what.

Claimants come from actor phrases ("المتحدث باسم وزارة الدفاع الأذربيجانية": a title, an
institution and a demonym make one claimant, AZE/MIL). Sides come from the words around a counted
thing ("عنصرا من الجيش الأذري"، "جنودها") or, when the text is silent, from the claimant's place in
the conflict: a party reports its own losses and the damage it did to the other side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from marsad.lexicon.load import load_table
from marsad.model import Claimant, Mention, Segment
from marsad.normalise import normalise_form

if TYPE_CHECKING:
    from marsad.recognise.mentions import Mentions

NON_PARTY = frozenset({"MEDIA", "ANON", "OUTLET", "UN", "OSCE", "EU", "AU", "NATO", "ICRC", "NGO", "SOHR"})
_TYPE_ROLE = {"state": "GOV", "demonym": "GOV", "capital": "GOV", "group": "MIL", "force": "MIL",
              "media": "MED", "anon": "ANON", "org": "ORG", "person": "GOV", "institution": "GOV"}
_PHRASE_GAP = 14
_SUBJECT_GAP = 30
_SIDE_GAP = 28


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    parties: tuple[tuple[str, ...], ...]
    mentions: dict[str, int]

    def side_of(self, code: str | None) -> int | None:
        for i, side in enumerate(self.parties):
            if code in side:
                return i
        return None


@dataclass(frozen=True, slots=True)
class _Links:
    fillers: frozenset[str]
    side_links: frozenset[str]
    subject_gap: frozenset[str]
    complementisers: frozenset[str]
    own_suffixes: tuple[str, ...]
    others: frozenset[str]
    subject_before: frozenset[str]


@cache
def links(lang: str = "ar") -> _Links:
    raw = load_table("links", lang)
    norm = lambda key: frozenset(normalise_form(f) for f in raw[key])  # noqa: E731
    return _Links(norm("count_fillers"), norm("side_links"), norm("subject_gap"), norm("complementisers"),
                  tuple(normalise_form(f) for f in raw["own_suffixes"]), norm("others"),
                  norm("subject_before_gap"))


@cache
def _conflicts(lang: str = "ar") -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    raw = load_table("conflicts", lang)
    return tuple((c["id"], tuple(tuple(side) for side in c["parties"])) for c in raw["conflicts"])


def is_filler(gap: str) -> bool:
    return gap == "" or gap in links().fillers


# --- conflict and opponents --------------------------------------------------------------------


def conflict_of(actors: Iterable[Mention]) -> Conflict | None:
    """The conflict whose parties the article names most (at least one on each side)."""
    counts: dict[str, int] = {}
    for m in actors:
        code = m.get("code")
        if code:
            counts[code] = counts.get(code, 0) + 1
    best, best_score = None, 0
    for cid, parties in _conflicts():
        per_side = [sum(counts.get(c, 0) for c in side) for side in parties]
        score = sum(per_side) + (10 if sum(1 for n in per_side if n) >= 2 else 0)
        if score > best_score:
            best, best_score = Conflict(cid, parties, counts), score
    return best


def opponent(code: str | None, conflict: Conflict | None) -> str | None:
    """The other side's most mentioned party."""
    if conflict is None or code is None:
        return None
    side = conflict.side_of(code)
    if side is None:
        return None
    others = [c for i, s in enumerate(conflict.parties) if i != side for c in s]
    return max(others, key=lambda c: (conflict.mentions.get(c, 0), -others.index(c))) if others else None


def side_code(claimant: Claimant) -> str | None:
    """The party a claimant speaks for, or None for media, monitors and anonymous sources."""
    return None if claimant.actor in NON_PARTY else claimant.actor


# --- actor phrases and claimants ---------------------------------------------------------------


def _group(actors: list[Mention], text: str, first: int) -> list[Mention]:
    phrase = [actors[first]]
    for nxt in actors[first + 1:]:
        gap = text[phrase[-1].end:nxt.start]
        if len(gap) > _PHRASE_GAP or any(w in links().complementisers for w in gap.split()):
            break
        phrase.append(nxt)
    return phrase


def actor_phrase_after(m: Mentions, text: str, pos: int, limit: int) -> list[Mention] | None:
    """The subject after a verb: actor words soon after it, before any إن/أن."""
    actors = m.within("actor", pos, min(limit, pos + _SUBJECT_GAP + 1))
    if not actors:
        return None
    gap = text[pos:actors[0].start].strip()
    if gap and gap not in links().subject_gap and len(gap.split()) > 2:
        return None
    if any(w in links().complementisers for w in gap.split()):
        return None
    all_after = m.within("actor", actors[0].start, limit)
    return _group(all_after, text, 0)


def actor_phrase_before(m: Mentions, text: str, pos: int, limit: int) -> list[Mention] | None:
    """The subject before a verb (SVO): actor words ending just before it."""
    actors = m.within("actor", max(limit, pos - 80), pos)
    if not actors:
        return None
    gap = text[actors[-1].end:pos].strip()
    if gap and gap not in links().subject_before:
        return None
    start = len(actors) - 1
    while start > 0 and actors[start].start - actors[start - 1].end <= _PHRASE_GAP:
        start -= 1
    return actors[start:]


def _fallback_code(m: Mentions, before: int) -> str | None:
    """An institution with no country ("وزارة الدفاع"): the last party named before it."""
    for actor in reversed(m.within("actor", 0, before)):
        code = actor.get("code")
        if code and code not in NON_PARTY:
            return code
    return None


def claimant_of(phrase: list[Mention], m: Mentions, quote: Callable[[int, int], str],
                previous: Claimant | None = None) -> Claimant:
    """One claimant from an actor phrase: the first code, the most specific role.

    A phrase with no code of its own ("الوزارة"، "وقال الجيش") names the party that spoke last
    (anaphora), else the party named last before it."""
    code = next((a.get("code") for a in phrase if a.get("code")), None)
    role = next((a.get("role") for a in phrase if a.get("role") and a.get("type") in ("institution", "title")), None)
    role = role or next((a.get("role") for a in phrase if a.get("role")), None)
    if code is None and previous is not None and side_code(previous):
        code, role = previous.actor, role or previous.role
    role = role or _TYPE_ROLE.get(phrase[0].get("type", ""), "GOV")
    if code is None:
        code = _fallback_code(m, phrase[0].start) or "ANON"
    if code == "MEDIA":
        role = "MED"
    return Claimant(code, role, quote(phrase[0].start, phrase[-1].end))


# --- sides of a counted thing ------------------------------------------------------------------


def _explicit_side(m: Mentions, text: str, end: int, limit: int) -> str | None:
    """A side named right after the counted thing: "جنود أرمينيين"، "عنصرا من الجيش الأذري"."""
    for actor in m.within("actor", end, min(limit, end + _SIDE_GAP)):
        gap = text[end:actor.start].strip()
        if gap == "" or gap in links().side_links or all(w in links().side_links for w in gap.split()):
            code = actor.get("code")
            if code and code not in ("MEDIA", "ANON"):
                return code
            if actor.get("type") in ("institution", "title"):
                continue
        return None
    return None


def _own_suffix(text: str, item: Mention) -> bool:
    word_end = item.end
    while word_end < len(text) and text[word_end].isalpha():
        word_end += 1
    tail = text[item.end:word_end]
    return bool(tail) and tail in links().own_suffixes


def _enemy_after(m: Mentions, end: int) -> bool:
    return any(mk.get("role") == "enemy" for mk in m.within("marker", end, end + 12))


def _subject_force(m: Mentions, text: str, event: Mention, sentence: Segment) -> str | None | bool:
    """An explicit subject of an event verb: actor words just before or just after it.

    Returns its code, or True when a subject is there but has no code of its own ("قواتها").
    """
    before = m.within("actor", max(sentence.start, event.start - 40), event.start)
    coordinated = event.start > 0 and text[event.start - 1] == "و"  # "..., ودمرت": an earlier subject
    if before and not coordinated and text[before[-1].end:event.start].strip() in ("", *links().subject_before):
        return before[-1].get("code") or True
    after = m.within("actor", event.end, min(sentence.end, event.end + 3))
    if after:
        phrase = _group(m.within("actor", after[0].start, sentence.end), text, 0)
        return next((a.get("code") for a in phrase if a.get("code")), True)
    return None


def sides_of(m: Mentions, text: str, sentence: Segment, thing: Any, event: Mention | None, kind: str,
             claimant: Claimant, conflict: Conflict | None) -> tuple[str | None, str | None]:
    """(affected, agent) of a counted thing."""
    own = side_code(claimant)
    affected = _explicit_side(m, text, thing.end, sentence.end)
    if affected is None and _own_suffix(text, thing.item_mention):
        affected = own
    if affected is None and _enemy_after(m, thing.end):
        affected = opponent(own, conflict)
    voice = event.get("voice", "loss") if event is not None else "agentive"
    subject = _subject_force(m, text, event, sentence) if event is not None and voice != "loss" else None
    agent = None
    if voice == "agentive" or (voice == "ambiguous" and subject):
        agent = subject if isinstance(subject, str) else own
        if affected is None:
            affected = opponent(agent, conflict)
    else:
        if affected is None:
            affected = opponent(own, conflict) if thing.item == "fighters" else own
        agent = opponent(affected, conflict)
    if agent == affected:
        agent = opponent(affected, conflict)
    return affected, agent


def control_agent(m: Mentions, text: str, sentence: Segment, event: Mention, claimant: Claimant,
                  conflict: Conflict | None) -> str | None:
    subject = _subject_force(m, text, event, sentence)
    if isinstance(subject, str) and subject not in NON_PARTY:
        return subject
    return side_code(claimant)


def refine_people(item: str, affected: str | None, item_mention: Mention) -> str:
    """Members of a side ("عنصر"، "أفراد") are soldiers of a state and fighters of a group."""
    if item != "people" or not item_mention.get("member"):
        return item
    if affected is None:
        return item
    return "soldiers" if len(affected) == 3 and affected.isalpha() and affected not in NON_PARTY else "fighters"


# --- qualifiers, totals, negation --------------------------------------------------------------


def qualifier(m: Mentions, text: str, thing: Any) -> str:
    for marker in m.within("marker", max(0, thing.start - 30), thing.start):
        if marker.get("role") == "qualifier" and thing.start - marker.end <= 2:
            return marker.get("value")
    for marker in m.within("marker", thing.end, thing.end + 25):
        if marker.get("role") == "qualifier" and marker.get("value") == "at_least":
            return "at_least"
    return "exact"


def is_cumulative(m: Mentions, sentence: Segment, anchor: int) -> bool:
    return any(mk.get("role") == "cumulative" for mk in m.within("marker", sentence.start, sentence.end))


def negated(m: Mentions, text: str, event: Mention, sentence: Segment) -> bool:
    return any(
        mk.get("role") == "negation" and 0 <= event.start - mk.end <= 2
        for mk in m.within("marker", max(sentence.start, event.start - 10), event.start)
    )
