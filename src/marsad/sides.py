"""Actors and sides: who a frame names, which conflict an article is about, who suffered what.

Claimants come from actor phrases ("المتحدث باسم وزارة الدفاع الأذربيجانية": a title, an
institution and a demonym make one claimant, AZE/MIL). Sides come from the words around a counted
thing ("عنصرا من الجيش الأذري"، "جنودها") or, when the text is silent, from the claimant's place in
the conflict: a party reports its own losses and the damage it did to the other side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import ahocorasick
import regex

from marsad.cache import cached
from marsad.lexicon.load import data_dir, load_kind, load_table
from marsad.model import Claimant, Mention, Segment
from marsad.normalise import normalise_form

if TYPE_CHECKING:
    from marsad.recognise.mentions import Mentions

_NON_PARTY_TYPES = ("org", "media", "anon")
_TYPE_ROLE = {
    "state": "GOV",
    "demonym": "GOV",
    "capital": "GOV",
    "group": "MIL",
    "force": "MIL",
    "media": "MED",
    "anon": "ANON",
    "org": "ORG",
    "person": "GOV",
    "institution": "GOV",
}
_PHRASE_GAP = 14
_SHORT_LINK = 4  # letters of the longest ب-word that may join an actor's name (باسم)
_SUBJECT_GAP = 30
_SIDE_GAP = 28
# an adjective, then "من نوع"/"من طراز" and a quoted name: "تجسسية من نوع "سكان إيغل""
_QUOTED_MODEL = regex.compile(r"(?:\s+\p{L}+)?\s+((?:\p{L}+\s+)?\p{L}+)\s*[\"«“][^\"»”\n]{1,30}[\"»”]")
_HEAD_REACH = 20  # "وحدات من الجيش": how long the head noun before a verb's subject may be
_TA_MARBUTA = "ه"  # ة once normalised: the ending of a verbal noun (سيطرة، استعادة)
_RESULT_REACH = 14  # "ما أسفر عن تدمير": how far before an event word its result link is
_BY_REACH = 30  # "من قبل المسيرة الروسية": how far after "by" its side is named
_DATIVES = frozenset({"ل", "لل", "لـ"})  # the preposition of "التابعة للحوثيين", left of the name
_MODEL_NAME = 30  # how long a weapon's name before its maker's demonym may be
_LOYAL_REACH = 30  # "المليشيات الأجنبية الموالية لإيران": how far after a group its allegiance is said
_PARTITIVE_REACH = 60
_INFLICT_REACH = 50
_LAUNCH_REACH = 30  # "مقذوفا أطلقت من": from a count to the passive launch after it
_NAME_REACH = 60  # how far the words that go on a name may run
_REPEL_REACH = 40  # "تصدت المضادات الأرضية لـ11": from the repelling word to the count
_REPEL_ADJACENT = 8
_OWN_LOSS_REACH = 160  # "خسائره في معارك المدينة اقتصرت على": from the loss word to its count
_AREA_ITEMS = frozenset({"territory", "settlements", "heights"})  # where something happened, as nouns
_THING_BEFORE = 25  # "مروحية «مي-24» روسية أسقطت": from a thing to the verb it undergoes
_AREA_REACH = 300  # "حاكم المقاطعة": how far back the region it governs may be named
_NAME_WORDS = 4  # an unknown person's name before their title
_MEMBER_REACH = 40
_MEMBER_WORDS = 4
_BACKER_REACH = 16  # "المدعومة من تركيا"، "الموالية لروسيا"
PEOPLE_ITEMS = frozenset({"soldiers", "fighters", "people"})
# Homes and public buildings a party reports destroyed are its own people's (claims.md: civilians
# belong to the state where they live), unless the text names another side.
PROPERTY_ITEMS = frozenset({"houses", "buildings", "infrastructure"})
_CONTROL_REACH = 120
_TALLY_BEFORE = 20  # "العدد الإجمالي لعناصر": the tally words before the noun it counts
_FELL_TO_REACH = 30  # "سقوط X في يد قوات Y": the words between a fallen town and its taker
_ANAPHOR_REACH = 600
_UNKNOWN = "unknown:"  # the key prefix of a place name no gazetteer knows
_RELAY_REACH = 60  # characters from a relaying word (بحسب) to the source it names
_ARTICLE_AL = "ال"
_DATIVE_REACH = 16  # characters before a count where "للعدو" says whose it is
_LOCATED_REACH = 12  # characters before a country where "في جنوب" may say it is a place
_DATELINE = 3  # a place this close to a sentence's start may be its dateline ("يريفان - قال")
_DESCRIBED_GAP = 4  # characters between a thing counted and the verb that describes it
_OWNER_REACH = 30  # characters after a thing where "تابعة لها" may say whose it is
_FROM = "عن"
_IN = "في"
_ALREADY = "قد"  # "كان ... قد أكد": the pluperfect's particle before a verb
_LAUNCH_VERB_REACH = 48  # "شن خلال اليوم 4 ضربات": the verb a counted attack follows
_DOWNED_REACH = 24  # "أُطلق 62، أُسقط 58": the downing told right after the launching
_STATE_BEFORE = 400  # a paragraph or two back: the state just named, for a side of several
_ARTICLE = "ال"
_ACCUSATIVE = "ا"  # the alif of an indefinite noun in the accusative: هجوما
BORNE = frozenset({"strikes", "missiles", "drones"})  # what an attack counts that bears its doer's side
_ARMY = "institution.army"
_ARMED_TYPES = frozenset({"force", "group"})
_AND = "و"
_COMPLEMENTISER_REACH = 8  # "أن القوات ..."
_OF_THEM_REACH = 7
_SUBJECT_REACH = 40  # how far before an event its subject may stand (as _subject_force reads it)
_AFTER_SUBJECT = 3
_COUNTRY = "country."  # the key of a country's name among places
_BRACKETS = (("(", ")"), ("«", "»"))
_PLURAL_PAST = "وا"  # ... which a verb's plural also ends with: دمروا
_PAIR_REACH = 40  # "بين الفصائل المسلحة وقوات الجيش السوري": how far the second party may stand
_BY_AFTER = 50  # characters after a claim's words within which "من قبل X" names its doer
_OFFICE_REACH = 24  # characters from an office to the place it is in
_ANAPHORS = frozenset({"institution.anaphor", "group.anaphor"})  # الوزارة، الهيئة، الحركة...
_OPERATION_NAMED = regex.compile(r"\s+\S+\s*[«\"“]")  # a construct noun, then a quoted name
_OPERATION_REACH = 30
_ORG_ANAPHOR = "org.anaphor"  # "المرصد": the monitor named before
_REBELS = "force.generic.rebels"  # the actors.yaml entry of unnamed armed groups
_MILITARY_SOURCE = "anon.source.mil"  # actors.yaml: "مصدر عسكري"، "مصادر أمنية"
_ENEMY = "force.generic.enemy"  # "العدو": the claimant's opponent
_TOLL = "cum.toll"  # the markers.yaml entry of toll words (حصيلة، إجمالي)
_CIVIL_BODIES = frozenset({"institution.health", "institution.civil"})  # actors.yaml entries
_REGION = "institution.region"


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    parties: tuple[tuple[str, ...], ...]
    mentions: dict[str, int]
    army: str | None = None  # the party a bare "الجيش" means in this conflict's coverage
    rebels: str | None = None  # the party bare "المتمردون"، "الانفصاليون"، "المسلحون" mean
    civil: str | None = None  # the party a bare "وزارة الصحة" or "الدفاع المدني" means
    region: str | None = None  # the party "سلطات الإقليم" means (Karabakh's: NKR)
    wide: bool = True  # a party of another conflict has that conflict's opponent (not for attacks)
    recode: tuple[tuple[str, str], ...] = ()  # codes the record writes otherwise in this war
    armies: tuple[str, ...] = ()  # where one war spans several states, those whose army "الجيش" may be
    backers: tuple[str, ...] = ()  # states that back a side more than they fight: no guessed enemy

    def side_of(self, code: str | None) -> int | None:
        for i, side in enumerate(self.parties):
            if code in side:
                return i
        return None


@dataclass(frozen=True, slots=True)
class _Links:
    """The word lists of links.yaml, normalised; each field is the YAML key of the same name."""

    count_fillers: frozenset[str]
    side_links: frozenset[str]
    subject_gap: frozenset[str]
    complementisers: frozenset[str]
    own_suffixes: frozenset[str]
    others: frozenset[str]
    others_people: frozenset[str]
    subject_before_gap: frozenset[str]
    side_nouns: frozenset[str]
    time_words: frozenset[str]
    recall_openers: frozenset[str]
    decades: frozenset[str]
    relay_from: frozenset[str]
    seat_words: frozenset[str]
    place_offices: frozenset[str]
    object_masdars: frozenset[str]
    additive: frozenset[str]
    owner_pronouns: frozenset[str]
    control_breaks: frozenset[str]
    located_in: frozenset[str]
    fronting: frozenset[str]
    possessives: frozenset[str]
    other_acts: frozenset[str]
    lose_verbs: frozenset[str]
    lives: frozenset[str]
    debris: frozenset[str]
    contrast: frozenset[str]
    office_in: frozenset[str]
    control_allowed: frozenset[str]
    control_states: frozenset[str]
    control_become: frozenset[str]
    measure_units: frozenset[str]
    then_words: frozenset[str]
    passive_aux: frozenset[str]
    support: frozenset[str]
    fell_to: frozenset[str]
    control_enter: frozenset[str]
    control_resumptive: frozenset[str]
    enter_into: frozenset[str]
    made_in: frozenset[str]
    not_count_before: frozenset[str]
    locative_before: frozenset[str]
    inflict: frozenset[str]
    percent: frozenset[str]
    pronoun_subjects: frozenset[str]
    outlet_sums: frozenset[str]
    group_words: frozenset[str]
    member_of: frozenset[str]
    affiliated: frozenset[str]
    pronoun_complementisers: frozenset[str]
    another: frozenset[str]
    another_two: frozenset[str]
    object_pronouns: frozenset[str]
    own_saying: frozenset[str]
    at_expense: frozenset[str]
    model_links: frozenset[str]
    relatives: frozenset[str]
    relative_what: frozenset[str]
    between: frozenset[str]
    party_pairs: frozenset[str]
    lies_in: frozenset[str]
    so_called: frozenset[str]
    raised_tolls: frozenset[str]
    alongside: frozenset[str]
    rank_words: frozenset[str]
    own_dead: frozenset[str]
    duration_units: frozenset[str]
    roads: frozenset[str]
    belongs_to: frozenset[str]
    issued_by: frozenset[str]
    the_area: frozenset[str]
    own_ranks: frozenset[str]
    recall_verbs: frozenset[str]
    operations: frozenset[str]
    bare_forces: frozenset[str]
    launched_from: frozenset[str]
    by_agent: frozenset[str]
    results: frozenset[str]
    latter: frozenset[str]
    subject_heads: frozenset[str]
    spoils: frozenset[str]
    death_nouns: frozenset[str]
    unknown_fate: frozenset[str]
    past_tense: frozenset[str]
    reports_of: frozenset[str]
    case_counters: frozenset[str]
    subset_leads: frozenset[str]
    source_gap: frozenset[str]
    including: frozenset[str]
    list_words: frozenset[str]
    list_joiners: frozenset[str]
    model_heads: frozenset[str]
    clause_openers: frozenset[str]
    hypothetical: frozenset[str]
    period_words: frozenset[str]
    towards: frozenset[str]
    speech_occasions: frozenset[str]
    tallies: frozenset[str]
    out_of: frozenset[str]
    ranks: frozenset[str]
    of_them: frozenset[str]
    partitive: frozenset[str]
    total_links: frozenset[str]


@cache
def non_party(lang: str = "ar") -> frozenset[str]:
    """Codes that speak but do not fight: the organisations, media and unnamed sources of
    actors.yaml (by their type, so a new organisation needs no code change), and the outlet.
    Kept between runs with the compiled lexicons: parsing actors.yaml costs 0.2 s."""
    return cached(f"non-party-{lang}", [data_dir(lang) / "actors.yaml"], lambda: _non_party(lang))


def _non_party(lang: str) -> frozenset[str]:
    codes = (e.attrs.get("code") for e in load_kind("actor", lang) if e.attrs.get("type") in _NON_PARTY_TYPES)
    return frozenset({"OUTLET", *(c for c in codes if c)})


@cache
def speaks_as(lang: str = "ar") -> dict[str, str]:
    """De facto authorities that give their own forces a state's name (the Houthis' "القوات
    المسلحة اليمنية"): actors.yaml's `speaks_as`, by code."""
    return cached(f"speaks-as-{lang}", [data_dir(lang) / "actors.yaml"], lambda: _speaks_as(lang))


def _speaks_as(lang: str) -> dict[str, str]:
    entries = load_kind("actor", lang)
    return {e.attrs["code"]: e.attrs["speaks_as"] for e in entries if e.attrs.get("speaks_as")}


@cache
def states(lang: str = "ar") -> frozenset[str]:
    """Codes of states and of de facto states' armies (actors.yaml type state, or regular): their
    members are soldiers, a group's fighters (RSF, HTS and LNA are three letters too). Kept
    between runs like `non_party`."""
    return cached(f"states-{lang}", [data_dir(lang) / "actors.yaml"], lambda: _states(lang))


def _regular(attrs: dict[str, Any]) -> bool:
    return attrs.get("type") == "state" or bool(attrs.get("regular"))


def _states(lang: str) -> frozenset[str]:
    entries = load_kind("actor", lang)
    return frozenset(e.attrs["code"] for e in entries if _regular(e.attrs))


@cache
def links(lang: str = "ar") -> _Links:
    raw = load_table("links", lang)
    values = {f: frozenset(normalise_form(w) for w in raw[f]) for f in _Links.__dataclass_fields__}
    return _Links(**values)


@dataclass(frozen=True, slots=True)
class _ConflictRow:
    id: str
    parties: tuple[tuple[str, ...], ...]
    army: str | None
    rebels: str | None
    civil: str | None
    armies: tuple[str, ...]
    region: str | None
    recode: tuple[tuple[str, str], ...]
    backers: tuple[str, ...]


@cache
def _conflicts(lang: str = "ar") -> tuple[_ConflictRow, ...]:
    raw = load_table("conflicts", lang)
    return tuple(
        _ConflictRow(
            c["id"],
            tuple(map(tuple, c["parties"])),
            c.get("army"),
            c.get("rebels"),
            c.get("civil"),
            tuple(c.get("armies", ())),
            c.get("region"),
            tuple((c.get("recode") or {}).items()),
            tuple(c.get("backers", ())),
        )
        for c in raw["conflicts"]
    )


@cache
def _keywords(lang: str = "ar") -> ahocorasick.Automaton:
    """One automaton over every conflict's keywords: a hit names the conflicts it signals."""
    found: dict[str, set[str]] = {}
    for c in load_table("conflicts", lang)["conflicts"]:
        for form in c.get("keywords", []):
            found.setdefault(normalise_form(form), set()).add(c["id"])
    auto = ahocorasick.Automaton()
    for form, ids in found.items():
        auto.add_word(form, (len(form), tuple(sorted(ids))))
    auto.make_automaton()
    return auto


@cache
def _keyword_clitics(lang: str = "ar") -> frozenset[str]:
    """What may stand before a keyword in its word: nothing, or a proclitic ("والحديدة")."""
    clitics = load_table("clitics", lang)
    return frozenset(["", *clitics["prefixes"], *clitics["article_prefixes"]])


def keyword_hits(text: str, lang: str = "ar") -> dict[str, int]:
    """How often each conflict's keywords begin a word of normalised text (عتق, Ataq, is not the
    عتق of "اعتقال")."""
    hits: dict[str, int] = {}
    auto = _keywords(lang)
    if not len(auto):
        return hits
    clitics = _keyword_clitics(lang)
    for end, (length, ids) in auto.iter(text):
        if word_prefix(text, end - length + 1) not in clitics:
            continue
        for cid in ids:
            hits[cid] = hits.get(cid, 0) + 1
    return hits


_ONE_OF = ("احد", "احدي")  # "قال أحد السكان": one of them speaks, no count
_QUOTED_NAME = regex.compile(r'[«"“][^«»"“”:]{1,30}[»"”]')  # a name in quotes: «الجنوب»
_OPENERS = ("«", "“", ":", '"')  # a quotation or a colon starts the statement, not its subject
_QUOTES = " \"'«»“”„"
_PUNCT = regex.compile(r"[\p{P}\p{S}]+")


@lru_cache(maxsize=4096)
def bare(gap: str) -> str:
    """A gap between two mentions without punctuation and quotes: '، "' counts as nothing.
    Kept per gap: the rules ask for the same few gaps (" في "، "، ") many times per article."""
    return " ".join(_PUNCT.sub(" ", gap).split())


def is_filler(gap: str) -> bool:
    return _gap_in(gap, links().count_fillers)


def _gap_in(gap: str, words: frozenset[str]) -> bool:
    """An empty gap, or one of `words`."""
    return gap == "" or gap in words


# --- conflict and opponents --------------------------------------------------------------------


def conflict_of(actors: Iterable[Mention], text: str = "") -> Conflict | None:
    """The conflict whose parties the article names most (a bonus when both sides are named),
    with its keywords (places, operations, leaders) breaking ties between conflicts that share
    parties (a Sudan article and a Yemen one both name "the army")."""
    counts: dict[str, int] = {}
    rebels = regions = 0
    for m in actors:
        code = m.get("code")
        if code:
            counts[code] = counts.get(code, 0) + 1
        elif m.key == _REBELS:
            rebels += 1
        elif m.key == _REGION:
            regions += 1
    rows, where, order = _conflicts(), _party_index(), _conflict_order()
    per_side: dict[int, list[int]] = {}  # only the conflicts named at all: most score nothing
    for code, n in counts.items():
        for r, s in where.get(code, ()):
            per_side.setdefault(r, [0] * len(rows[r].parties))[s] += n
    hits = keyword_hits(text) if text else {}
    best, best_score = None, 0
    for r in sorted({*per_side, *(order[cid] for cid in hits)}):
        named = per_side.get(r, ())
        score = sum(named) + (10 if sum(1 for n in named if n) >= 2 else 0) + hits.get(rows[r].id, 0)
        if score > best_score:
            best, best_score = rows[r], score
    if best is None:
        return None
    insurgents = _named_rebels(best, counts)
    if insurgents and rebels and _rebels_named(best, counts):
        # "الانفصاليون" in a Karabakh article speak of NKR, not of Armenia
        counts[insurgents] = counts.get(insurgents, 0) + rebels
    if best.region and regions:
        counts[best.region] = counts.get(best.region, 0) + regions  # "سلطات الإقليم" speak for NKR
    army = max(best.armies, key=lambda code: counts.get(code, 0), default=best.army)
    if counts.get(army, 0) == counts.get(best.army, 0):
        army = best.army  # "الجيش" of a multi-state conflict is its usual army unless another is named more
    return Conflict(
        best.id, best.parties, counts, army, insurgents, best.civil, best.region, recode=best.recode,
        armies=tuple(best.armies),
        backers=best.backers,
    )


def _named_rebels(row: _ConflictRow, counts: dict[str, int]) -> str | None:
    """Whom unnamed armed men mean: the conflict's usual rebels, unless the article names another
    armed group of their side more ("ولاية غرب أفريقيا" in an article on Lake Chad, not Boko Haram)."""
    side = next((s for s in row.parties if row.rebels in s), ())
    groups = [c for c in side if c not in states() and c not in row.backers and counts.get(c, 0)]
    top = max(groups, key=lambda c: counts[c], default=None)
    return top if top is not None and counts[top] > counts.get(row.rebels or "", 0) else row.rebels


def _rebels_named(row: _ConflictRow, counts: dict[str, int]) -> bool:
    """Whether unnamed armed men add to the conflict's rebels: when the article names them too, or
    no other party of their side (a Syria article on HTS keeps "الفصائل" from outweighing it)."""
    if counts.get(row.rebels or "", 0):
        return True
    side = next((s for s in row.parties if row.rebels in s), ())
    return not any(counts.get(code, 0) for code in side)


@cache
def _party_index(lang: str = "ar") -> dict[str, tuple[tuple[int, int], ...]]:
    """Each party code's (conflict, side) positions in conflicts.yaml."""
    index: dict[str, list[tuple[int, int]]] = {}
    for r, row in enumerate(_conflicts(lang)):
        for s, side in enumerate(row.parties):
            for code in side:
                index.setdefault(code, []).append((r, s))
    return {code: tuple(spots) for code, spots in index.items()}


@cache
def _conflict_order(lang: str = "ar") -> dict[str, int]:
    """Each conflict id's position in conflicts.yaml: the first of equal scores wins."""
    return {row.id: r for r, row in enumerate(_conflicts(lang))}


def opponent(code: str | None, conflict: Conflict | None, armed: bool = False) -> str | None:
    """The other side's most mentioned party; `armed`: one that fights, not its civil side
    (Lebanon's state, whose people the war hits, when Hezbollah stands with it)."""
    if conflict is None or code is None:
        return None
    side = conflict.side_of(code)
    if side is None and conflict.wide:
        conflict = _conflict_of_party(code, conflict)
        side = conflict.side_of(code) if conflict is not None else None
    if conflict is None or side is None:
        return None
    others = [c for i, s in enumerate(conflict.parties) if i != side for c in s]
    if armed:
        others = [c for c in others if c != conflict.civil] or others
    fighting = [c for c in others if c not in conflict.backers and conflict.mentions.get(c, 0)]
    others = fighting or others  # Turkey, named often in an article on Syria's factions, backs them
    army = conflict.army
    if army in others and conflict.mentions.get(army, 0) and speaks_as().get(code) != army:
        # JNIM's enemy in Mali is Mali's army, however often Russia is named; not for the Houthis,
        # who call their own forces Yemen's
        return army
    return max(others, key=lambda c: (conflict.mentions.get(c, 0), -others.index(c))) if others else None


def _conflict_of_party(code: str, article: Conflict) -> Conflict | None:
    """The conflict of a party the article's own conflict leaves out (Hezbollah in an article mostly
    on Gaza): the one whose other parties the article names most."""
    rows = [_conflicts()[r] for r, _ in _party_index().get(code, ())]
    if not rows:
        return None

    def named(row: _ConflictRow) -> int:
        return sum(article.mentions.get(c, 0) for side in row.parties for c in side if c != code)

    best = max(rows, key=named)
    if not named(best):
        return None  # Russia in a Karabakh article, none of whose foes is named: a mediator
    row = (best.id, best.parties, article.mentions, best.army, best.rebels, best.civil, best.region)
    return Conflict(*row, recode=best.recode)


def _fights_here(code: str | None, conflict: Conflict | None) -> bool:
    """Whether a party fights in the article's war or another whose foes it names: "روسيا: مقتل 5
    آلاف شخص في نزاع قره باغ" tells others' dead, not Russia's."""
    if conflict is None or code is None or conflict.side_of(code) is not None:
        return True
    return _conflict_of_party(code, conflict) is not None


def side_code(claimant: Claimant) -> str | None:
    """The party a claimant speaks for, or None for media, monitors and anonymous sources."""
    return None if claimant.actor in non_party() else claimant.actor


# --- actor phrases and claimants ---------------------------------------------------------------


def _group(actors: list[Mention], text: str, first: int) -> list[Mention]:
    """The actor words that name one actor: "المتحدث باسم" + "وزارة الدفاع" + "الأذربيجانية",
    "وزارة الدفاع في" + "أذربيجان"; not across a number, a complementiser, more than one word, or
    into the agency a statement was made to ("قال مسؤول محلي لوكالة فرانس برس")."""
    phrase = [actors[first]]
    for nxt in actors[first + 1 :]:
        gap = text[phrase[-1].end : nxt.start]
        words = bare(gap).split()
        if _belongs_to(words) or _owner_after(phrase[-1], words):  # "وزارة الصحة التابعة للحوثيين"
            phrase.append(nxt)
            continue
        if len(gap) > _PHRASE_GAP or len(words) > 1 or any(ch.isdigit() or ch == ":" for ch in gap):
            break  # nor across a headline's colon: "جبهة تحرير تيغراي: قواتنا أسقطت"
        if any(w in links().complementisers or w in links().seat_words for w in words):
            break  # "... أن"، "المرصد، ومقره بريطانيا": not its name
        if words and words[0][:1] == "ب" and len(words[0]) > _SHORT_LINK:
            break  # "أقر الجيش الإسرائيلي بمقتل ضابط": what it admitted, not more of its name
        if addressed(text, nxt):
            break
        if words == [_FROM] and any(a.get("type") == "media" for a in phrase):
            break  # "نقلت وكالة تاس عن مصدر"، "وسائل إعلام إسرائيلية عن مصادر": outlet, then its source
        phrase.append(nxt)
    return phrase


def _owner_after(owned: Mention, words: list[str]) -> bool:
    """ "تقديرات أولية لمكتب الأمم المتحدة": reports with one word of their own, then their owner."""
    return bool(owned.get("owned")) and len(words) == 2 and words[1] in _DATIVES


def _belongs_to(words: list[str]) -> bool:
    """ "التابعة ل": the next actor owns the one before."""
    return len(words) == 2 and words[0] in links().belongs_to and words[1] in _DATIVES


def actor_phrase_after(
    m: Mentions, text: str, pos: int, limit: int, source: bool = False
) -> list[Mention] | None:
    """The subject after a verb: actor words soon after it, before any إن/أن. After "وفقا لما
    نشره موقع" (`source`) a quoted name is the source itself, not a quotation."""
    actors = m.within("actor", pos, min(limit, pos + _SUBJECT_GAP + 1))
    if not actors:
        return None
    if not source and addressed(text, actors[0]):
        return None  # "وأضاف لقناة العربية": the outlet he spoke to, not who spoke
    last = bare(text[pos : actors[0].start]).split()[-1:]
    operation = bool(last) and last[0] in links().operations  # "لعملية «بركان الغضب»"
    dative = word_prefix(text, actors[0].start).endswith("ل") or operation
    owned = dative and _owner_of_report(text, pos, actors[0])
    if not source and dative and not owned:
        return None  # "رصدت تحركات للإرهابيين": whose the movements were, not who watched
    raw = text[pos : actors[0].start]
    # "مضيفا: «القوات الروسية لم تسيطر»": after a colon the statement begins, not its speaker
    head = bare(raw).split()
    named_in_quotes = len(head) == 1 and head[0] in links().group_words  # 'قالت مجموعة "محامو الطوارئ"'
    named_in_quotes = named_in_quotes or (bool(head) and head[-1] in links().operations)  # "لعملية «...»"
    opened = ":" in raw or (bool(head) and any(q in raw for q in _OPENERS))
    quoted = opened and not source and not named_in_quotes
    counts = [n for n in m.within("number", pos, actors[0].start) if text[n.start : n.end] not in _ONE_OF]
    if quoted or counts or m.within("event", pos, actors[0].start):
        return None  # 'وأضاف البيان "قامت المليشيا'، "يعلن مقتل 190 حوثيا": not the verb's subject
    gap = bare(raw)
    if source and all(w in links().source_gap for w in gap.split()):
        return _group(m.within("actor", actors[0].start, limit), text, 0)  # "وفقا لما نشره موقع X"
    so_called = gap in links().so_called  # "زعمت ما تسمى القيادة المركزية الأمريكية"
    if gap.split()[:1] and gap.split()[0] in links().relative_what and not so_called:
        return None  # "تنفي ما أعلنه الرئيس الأذربيجاني": he announced, someone else denies
    named = (
        actors[0].get("type") == "title" and len(gap.split()) <= _NAME_WORDS
    )  # "أعلن أحمد فقي وزير الدفاع"
    if gap and gap not in links().subject_gap and len(gap.split()) > 2 and not (named or owned or so_called):
        return None
    if any(w in links().complementisers for w in gap.split()):
        return None
    all_after = m.within("actor", actors[0].start, limit)
    return _group(all_after, text, 0)


def _owner_of_report(text: str, pos: int, actor: Mention) -> bool:
    """ "وقال تقرير للأمم المتحدة": a report or statement of the actor after ل speaks for it."""
    words = bare(text[pos : actor.start]).split()
    if len(words) >= 3 and words[-1] in links().operations:
        words = words[:-1]  # "المركز الإعلامي لعملية «بركان الغضب»": the operation's
    return len(words) >= 2 and words[-2] in links().reports_of


def actor_phrase_before(m: Mentions, text: str, pos: int, limit: int) -> list[Mention] | None:
    """The subject before a verb (SVO): actor words ending just before it."""
    actors = m.within("actor", max(limit, pos - 80), pos)
    if not actors:
        return None
    end = actors[-1].end + len(word_suffix(text, actors[-1].end))  # "مصدرا عسكريا قال": past its alif
    gap = text[end:pos].strip(_QUOTES)
    if _QUOTED_NAME.fullmatch(text[end:pos].strip()):
        gap = ""  # "متحدث باسم مجموعة القوات الأوكرانية «الجنوب» قال": the group's quoted name
    if actors[-1].get("type") == "person":  # "الرئيس الأذربيجاني، إلهام علييف، أعلن"
        gap = gap.strip("،,")
    if _located_at(m, text, end, pos):
        gap = ""  # "غير أن مصدرا أمنيا في ديالى أكد": where the source is, then its verb
    words = bare(gap).split()
    if words[-1:] == [_ALREADY] and len(words) - 1 <= _NAME_WORDS + 1 and _titled(actors):
        gap = ""  # "وكان وزير الخارجية التركي مولود جاووش أوغلو قد أكد": a titled name, then قد
    if gap.strip() and gap.strip() not in links().subject_before_gap:
        return None
    start = len(actors) - 1
    while start > 0 and actors[start].start - actors[start - 1].end <= _PHRASE_GAP:
        if any(ch in text[actors[start - 1].end : actors[start].start] for ch in "،,:"):
            break  # "من الجيش السوداني، لكن مصدرا عسكريا قال"، "مراسلنا: الوزارة اعترفت": another phrase
        gap = bare(text[actors[start - 1].end : actors[start].start]).split()
        if any(w in links().complementisers for w in gap):
            break  # "ذكر مراسل سانا أن وحدات الجيش رصدت": the army is the subject, not the reporter
        start -= 1
    return actors[start:]


def _titled(actors: list[Mention]) -> bool:
    """Whether the phrase ending the actor words before a verb holds a title ("وزير الخارجية التركي")."""
    return any(a.get("type") == "title" for a in actors[-2:])


def _located_at(m: Mentions, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only "في" and one place: "مصدر أمني في ديالى"."""
    places = m.within("place", start, end)
    if len(places) != 1 or text[places[0].end : end].strip():
        return False
    return bare(text[start : places[0].start]) == _IN


def phrase_at(m: Mentions, text: str, actor: Mention) -> list[Mention]:
    """The actor phrase that starts with `actor` ("القوات" + "الأرمنية")."""
    return _group(m.within("actor", actor.start, actor.start + 200), text, 0)


def last_party(m: Mentions, before: int, states_only: bool = False) -> str | None:
    """The party (or state) named last before a position: the side of an institution named with
    no country ("وزارة الدفاع") or of a pronoun ("لكنها أعلنت")."""
    for actor in reversed(m.within("actor", 0, before)):
        code = actor.get("code")
        if not code or code in non_party() or _of_a_weapon(m, actor):
            continue
        if not states_only or code in states():
            return code
    return None


def office_place(m: Mentions, quote: Callable[[int, int], str], end: int) -> str | None:
    """ "أمين المظالم في إقليم ناغورني قره باغ"، "مدير الدفاع المدني في ترتر": an office of no party
    named belongs to the authority of the place it is in."""
    places = [p for p in m.within("place", max(0, end - _OFFICE_REACH), end + _OFFICE_REACH) if p.end > end]
    if not places:
        return None
    if places[0].start >= end:  # "حاكم مقاطعة كورسك" shares its مقاطعة with the place's name
        gap = normalise_form(bare(quote(end, places[0].start))).split()
        # "حاكم منطقة دنيبروبيتروفسك": the office's own last word links it to the place
        office = normalise_form(bare(quote(max(0, end - _OFFICE_REACH), end))).split()[-1:]
        if not gap and office and (office[0] in links().place_offices or quote(end, places[0].start) == " "):
            return places[0].get("held") or places[0].get("country")  # "حاكم خاركيف"، "وزير خارجية قره باغ"
        gap = gap or office
        # "الحاكم بالإنابة لمقاطعة كورسك": the clitic ل of a place whose name holds مقاطعة
        if not gap or any(w not in links().office_in and len(w) > 1 for w in gap):
            return None
    return places[0].get("held") or places[0].get("country")


def _office_of_area_before(
    m: Mentions, quote: Callable[[int, int], str], phrase: list[Mention]
) -> str | None:
    """ "قصف مدينة خاركيف ... وفق ما أعلنه حاكم المقاطعة": an office of "the region" governs the
    place named last before it."""
    last = normalise_form(bare(quote(phrase[-1].start, phrase[-1].end))).split()[-1:]
    if not last or last[0] not in links().the_area or phrase[-1].get("type") != "title":
        return None
    before = m.within("place", max(0, phrase[0].start - _AREA_REACH), phrase[0].start)
    return (before[-1].get("held") or before[-1].get("country")) if before else None


def _indefinite_title(phrase: list[Mention], quote: Callable[[int, int], str]) -> bool:
    """ "قال مسؤولون أمنيون": a title with no article and no party names someone not named
    before, an unnamed source, not the party spoken of last (a headline's attackers)."""
    if any(a.get("type") != "title" for a in phrase):
        return False
    if _OPERATION_NAMED.match(quote(phrase[-1].end, phrase[-1].end + _OPERATION_REACH)):
        return False  # "قائد عمليات «قادمون يا نينوى»": the commander of a named operation
    return not any(w.startswith(("ال", "لل")) for w in bare(quote(phrase[0].start, phrase[-1].end)).split())


def _same_outlet(phrase: list[Mention], quote: Callable[[int, int], str], previous: Claimant) -> bool:
    """ "وأوضحت الإذاعة" after "زعمت حركة الشباب، عبر إذاعة الأندلس الناطقة باسمها": the outlet
    named with the last speaker is that speaker's."""
    if len(phrase) != 1 or phrase[0].get("code") != "MEDIA" or previous.actor == "MEDIA":
        return False
    word = normalise_form(bare(quote(phrase[0].start, phrase[0].end)))
    if not word.startswith("ال") or " " in word:
        return False
    return word[2:] in normalise_form(bare(previous.text)).split()


def _same_force(phrase: list[Mention], quote: Callable[[int, int], str], previous: Claimant) -> bool:
    """ "المتحدث باسم القوات" after "أعلنت قوات الدعم السريع": a bare "القوات" is the force that
    spoke last under that name, not the conflict's army."""
    if any(a.get("code") for a in phrase) or phrase[-1].key != _ARMY or previous.actor in non_party():
        return False
    word = normalise_form(bare(quote(phrase[-1].start, phrase[-1].end)))
    if not word.startswith("ال") or " " in word:
        return False
    named = normalise_form(bare(previous.text)).split()
    return len(named) > 1 and named[0] == word[2:]


def _same_source(phrase: list[Mention], quote: Callable[[int, int], str], previous: Claimant | None) -> bool:
    """ "وأضاف المسؤولون" after "قال مسؤولون أمنيون": the same unnamed source again."""
    if previous is None or previous.actor != "ANON" or not previous.text:
        return False
    head = bare(quote(phrase[0].start, phrase[0].end)).split()[0].removeprefix("ال")
    return bare(previous.text).split()[0].removeprefix("ال") == head


def _of_a_weapon(m: Mentions, actor: Mention) -> bool:
    """A demonym that says whose make a weapon is ("طائرات "هاروب" الإسرائيلية"), not a party."""
    if actor.get("type") != "demonym":
        return False
    items = m.within("item", max(0, actor.start - _MODEL_NAME), actor.start)
    return bool(items) and items[-1].get("item") not in PEOPLE_ITEMS and actor.start - items[-1].end <= 3


def claimant_of(
    phrase: list[Mention],
    m: Mentions,
    quote: Callable[[int, int], str],
    previous: Claimant | None = None,
    conflict: Conflict | None = None,
) -> Claimant:
    """One claimant from an actor phrase: the first code, the most specific role.

    A phrase with no code of its own names the conflict's army when it is "الجيش" (a Sudan
    article's army is SDN), else the party that spoke last ("وأوضحت الوزارة"), else the party named
    last before it. Reports or estimates ("تقديرات منظمة أكليد") are their owner's words."""
    words, phrase = phrase, [a for a in phrase if not a.get("owned")] or phrase
    if previous is not None and any(same(phrase, quote, previous) for same in (_same_outlet, _same_force)):
        return replace(previous, text=_closed(quote, words[0].start, words[-1].end))
    found = _code_in(_owner_part(phrase, quote), conflict)
    code = found if isinstance(found, str) else None
    org = next((a for a in phrase if a.key == _ORG_ANAPHOR), None)
    if code is None and org is not None:  # "وأفاد المرصد" takes back "المرصد السوري" named before
        code = _named_with_head(m, quote, org, org.start, parties_only=False)
        code = code or _last_org(m, phrase[0].start) or "NGO"
    # "قالت الوزارة"، "المتحدث باسم الحركة": the party named before with that head noun, or the group
    # named anywhere before: a speaker's party is the article's, not only the last paragraph's
    anaphor = next((a for a in phrase if a.key in _ANAPHORS), None)
    if code is None and anaphor is not None:
        reach = _ANAPHOR_REACH if anaphor is phrase[0] else anaphor.start
        code = _named_with_head(m, quote, anaphor, reach)
        if code is None and anaphor.key == "group.anaphor":
            # "وقالت الحركة" paragraphs after "أعلنت حركة «إم 23»": the article's movement
            code = _named_with_head(m, quote, anaphor, anaphor.start)
        a_state_spoke = previous is not None and previous.actor in states()  # "كينشاسا تتهم ... والحركة تنفي"
        if code is None and anaphor.key == "group.anaphor" and (anaphor is not phrase[0] or a_state_spoke):
            code = last_group(m, anaphor.start, reach)
    role = next(
        (a.get("role") for a in phrase if a.get("role") and a.get("type") in ("institution", "title")), None
    )
    role = role or next((a.get("role") for a in phrase if a.get("role")), None)
    if role is None and anaphor is not None and previous is not None and previous.actor == code:
        role = previous.role  # "وقالت الوزارة" after "وزارة الدفاع التركية": the ministry that spoke
    if code is None:
        code = office_place(m, quote, phrase[-1].end) or _office_of_area_before(m, quote, phrase)
    if code is None and (_indefinite_title(phrase, quote) or _same_source(phrase, quote, previous)):
        code, role = "ANON", "ANON"  # "أفاد مسؤول في هيئة": someone new, not the party that spoke before
    if code is None and previous is not None and side_code(previous):
        code, role = previous.actor, role or previous.role
        if any(a.get("state_only") for a in phrase) and code not in states():
            # "وفي النيجر، أعلنت وزارة الدفاع" after JNIM spoke: a ministry is a state's; "لجنة
            # الطوارئ الحكومية" after Hezbollah spoke: the state whose people the war hits
            civil = conflict.civil if conflict is not None and conflict.civil in states() else None
            code = civil or last_party(m, phrase[0].start, states_only=True) or code
    role = role or _TYPE_ROLE.get(phrase[0].get("type", ""), "GOV")
    if code is None:
        code = _named_in_full_before(m, quote, phrase)  # "الدفاع المدني" after "الدفاع المدني السوري"
    if code is None:
        # "العمليات المشتركة: تحرير ستة أحياء" opening an article on Iraq: a command of the war's army
        army = conflict.army if conflict is not None and role == "MIL" else None
        code = last_party(m, phrase[0].start) or army or "ANON"
    if any(a.get("type") == "org" and a.get("code") == code for a in phrase):
        role = "ORG"  # "مسؤول في الأمم المتحدة": an organisation's official speaks for it
    if code == "MEDIA":
        role = "MED"
    side = source_side(phrase) if code == "ANON" else None
    one_army = conflict is not None and conflict.rebels is not None  # a state's army against rebels
    if code == "ANON" and side is None and one_army and _military_source(phrase):
        side = conflict.army  # "مصدر عسكري" in a war of a state's army against rebels: the army's
    return Claimant(code, role, _closed(quote, words[0].start, words[-1].end), side)


def _named_in_full_before(m: Mentions, quote: Callable[[int, int], str], phrase: list[Mention]) -> str | None:
    """The code of a body named before by a longer name that begins with the phrase's words."""
    words = normalise_form(bare(quote(phrase[0].start, phrase[-1].end)))
    for actor in reversed(m.within("actor", 0, phrase[0].start)):
        code = actor.get("code")
        if not code or code in ("ANON", "MEDIA"):
            continue
        if normalise_form(bare(quote(actor.start, actor.end))).startswith(words):
            return code
    return None


def _owner_part(phrase: list[Mention], quote: Callable[[int, int], str]) -> list[Mention]:
    """ "المتحدث باسم الجيش الليبي التابع لحكومة الوفاق": the party a name both sides use belongs to
    speaks, not the name's usual code; the phrase from the owner on ("جماعة نصرة الإسلام والمسلمين
    التابعة لتنظيم القاعدة" stays the group's own)."""
    for i in range(1, len(phrase)):
        if not any(a.get("claimed_name") for a in phrase[:i]):
            continue
        if _belongs_to(normalise_form(bare(quote(phrase[i - 1].end, phrase[i].start))).split()):
            return phrase[i:] if any(a.get("code") for a in phrase[i:]) else phrase
    return phrase


def _military_source(phrase: list[Mention]) -> bool:
    """An unnamed military or security source ("مصدر عسكري"، "مصادر أمنية")."""
    return any(a.key == _MILITARY_SOURCE for a in phrase)


def _closed(quote: Callable[[int, int], str], start: int, end: int) -> str:
    """ "قوات سوريا الديمقراطية (قسد)": the words of a name with the bracket it opened closed."""
    words = quote(start, end)
    for opening, closing in _BRACKETS:
        if opening not in words or words.count(opening) <= words.count(closing):
            continue
        if quote(end, end + 1) == closing:
            return words + closing
    return words


# --- sides of a counted thing ------------------------------------------------------------------


def _member_of(m: Mentions, text: str, thing: Any, sentence: Segment) -> str | None:
    """ "مقتل مسؤول هيئة الحرب في تنظيم داعش"، "قيادي بارز في حركة الشباب": a person of a group
    named a few words after them."""
    end = _past_models(m, text, thing)
    for actor in m.within("actor", end, min(sentence.end, end + _MEMBER_REACH)):
        words = [w for w in bare(text[end : actor.start]).split() if w not in links().group_words]
        if any(w in links().affiliated for w in words):
            return None  # "عناصر حركة الشباب المرتبطة بتنظيم القاعدة": the ally, not their group
        if any(e.get("kind") == "attack" for e in m.within("event", end, actor.start)):
            return None  # "37 قتيلا في هجوم لـ«بوكو حرام»": who attacked, not whose they were
        if any(word_prefix(text, i.start) == _AND for i in m.within("item", end, actor.start)):
            return None  # "قتلوا 56 جنديا وعنصرين من الفيلق": the group of the next member only
        code = actor.get("code")
        linked = (words and words[-1] in links().member_of) or word_prefix(text, actor.start) in ("ب", "ل")
        if linked and len(words) <= _MEMBER_WORDS and code and code not in non_party():
            return code
        return None
    return None


def _made_in(text: str, actor: Mention) -> bool:
    """ "روسية الصنع": a demonym that says where a weapon was made, not whose it is."""
    after = bare(text[actor.end : actor.end + 10]).split()  # "روسية الصنع." too
    return bool(after) and after[0] in links().made_in


def _inner_side(m: Mentions, text: str, item: Mention) -> str | None:
    """A demonym inside a multi-word item ("طائرات تركية مسيرة"), the group an item's own
    "التنظيم" takes back ("4 من عناصر التنظيم"), or the group an item names or begins
    ("20 من الحوثيين"، "150 من مسلحي الشباب")."""
    for actor in m.within("actor", item.start, item.end):
        if actor.start == item.start:
            if actor.get("type") == "group" and actor.get("code"):
                return actor.get("code")
            if item.kind == "actor" and actor.get("code"):
                return actor.get("code")  # "35 فلسطينيا": the people named are the side
            continue
        if actor.end > item.end:
            continue
        if actor.get("type") == "demonym" and not _made_in(text, actor):
            return actor.get("code")
        if actor.key == "group.anaphor":
            return last_group(m, actor.start)
    return None


def _past_models(m: Mentions, text: str, thing: Any) -> int:
    """The end of a counted thing's word ("جنديـا") and of the model names that follow it
    ("دبابتي "ميركافا"")."""
    end = thing.end
    while end < len(text) and text[end].isalpha():
        end += 1
    for item in m.within("item", thing.end, thing.end + 40):
        if item.get("item") != thing.item or bare(text[end : item.start]):
            break
        end = item.end
    return _past_quoted_model(m, text, end)


def _past_quoted_model(m: Mentions, text: str, end: int) -> int:
    """Past an adjective and a quoted model ("طائرة تجسسية من نوع "سكان إيغل" تابعة لسلاح الجو
    السعودي") and the maker's demonym after it; not past a side named on the way ("مسيرة أمريكية
    من طراز")."""
    found = _QUOTED_MODEL.match(text, end)
    if found is None or bare(found.group(1)) not in links().model_links:
        return end
    if m.within("actor", end, found.end(1)):
        return end  # a side among the words before the quoted name
    maker = m.within("actor", found.end(), found.end() + 2)  # "«هاروب» الإسرائيلية": who made it
    if maker and maker[0].get("type") == "demonym" and not text[found.end() : maker[0].start].strip():
        return maker[0].end
    return found.end()


def _explicit_side(
    m: Mentions, text: str, end: int, limit: int, conflict: Conflict | None = None
) -> str | None:
    """A side named right after the counted thing: "جنود أرمينيين"، "عنصرا من الجيش الأذري"،
    "من أفراد القوات المشتركة والمستنفرين" (an unnamed force, then one named with و)."""
    joined = False  # past a force of no country: the next may be joined to it with و
    army = None  # "4 من أفراد الجيش": the conflict's army, unless a country follows it
    for actor in m.within("actor", end, min(limit, end + _SIDE_GAP)):
        if _made_in(text, actor):
            end = actor.end + len(text[actor.end :].split(maxsplit=1)[0]) + 1
            continue
        gap = bare(text[end : actor.start])
        linking = links().side_links | links().others  # "4 دبابات أخرى تابعة للجيش الأرميني"
        linked = gap == "" or gap in links().side_links or all(w in linking for w in gap.split())
        if linked or (joined and gap == _AND):
            code = actor.get("code") or _anaphor_code(m, text, actor)
            if not code and actor.key == _REBELS and conflict is not None:
                loyal = _loyal_to(m, text, actor, limit)  # "المليشيات الموالية لإيران": Iran's side
                # "مركز قيادة للانفصاليين" in a Karabakh article: NKR's
                code = conflict.rebels if loyal is None else loyal or None
            if code and code not in ("MEDIA", "ANON"):
                return code
            if actor.get("type") in ("institution", "title") or actor.key == _ENEMY:
                end, joined = actor.end, True  # "جنديين من الجيش العراقي"، "للعدو الأمريكي": a state follows
                if actor.key == _ARMY and conflict is not None:
                    army = army or conflict.army
                continue
        return army
    return army


def _anaphor_code(m: Mentions, text: str, actor: Mention) -> str | None:
    """ "189 من عناصر الهيئة" after "هيئة تحرير الشام": the party named before with that head
    noun; "الحركة"، "التنظيم" with none, the group named last."""
    if actor.key not in _ANAPHORS:
        return None
    named = _named_with_head(m, lambda start, end: text[start:end], actor)
    return named or (last_group(m, actor.start) if actor.key == "group.anaphor" else None)


def _loyal_to(m: Mentions, text: str, actor: Mention, limit: int) -> str | None:
    """An armed group loyal to a party ("المليشيات الأجنبية الموالية لإيران"، "المسلحين الموالين لها"):
    that party's code, "" when it is not named (a pronoun), None when no allegiance follows."""
    words = bare(text[actor.end : min(limit, actor.end + _LOYAL_REACH)]).split()
    at = next((i for i, w in enumerate(words) if w in links().affiliated), None)
    if at is None or at > 1:
        return None
    after = m.within("actor", actor.end, min(limit, actor.end + _LOYAL_REACH + 20))
    return (after[0].get("code") or "") if after else ""


def _of_them(text: str, thing: Any) -> bool:
    """Whether "of them" follows the count: "مصرع وإصابة أكثر من 70 منهم"."""
    after = bare(text[thing.end : thing.end + _OF_THEM_REACH]).split()[:1]
    return bool(after) and after[0] in links().of_them


def _own_suffix(text: str, item: Mention) -> bool:
    tail = word_suffix(text, item.end)
    return bool(tail) and tail in links().own_suffixes


def _belongs_to_speaker(text: str, thing: Any) -> bool:
    """ "اعترفت باكو بإسقاط مروحية هجومية تابعة لها"، "مقاتلين من صفوفها": a thing said to belong
    to "it" is the speaker's own."""
    words = bare(text[thing.end : thing.end + _OWNER_REACH]).split()
    if any(" ".join(words[:n]) in links().own_ranks for n in (2, 3)):
        return True  # "بمقتل مقاتلين من صفوفها"
    pairs = zip(words, words[1:], strict=False)
    return any(a in links().belongs_to and b in links().owner_pronouns for a, b in pairs)


def _backer(text: str, sentence: Segment, actor: Mention) -> bool:
    """ "فصائل الجيش الوطني المدعومة من تركيا": a side named as another's backer or ally."""
    words = bare(text[max(sentence.start, actor.start - _BACKER_REACH) : actor.start]).split()
    return any(w in links().affiliated for w in words[-2:])


def _at_expense_of(m: Mentions, text: str, sentence: Segment, thing: Any) -> str | None:
    """ "التقدم على حساب داعش باستعادة ثلاث قرى": who lost the ground is named after "على حساب"."""
    for actor in m.within("actor", sentence.start, thing.start):
        before = bare(text[max(sentence.start, actor.start - 12) : actor.start])
        if before.endswith(tuple(links().at_expense)):
            code = actor.get("code")
            return code if code and code not in non_party() else None
    return None


def _enemy_group_before(
    m: Mentions, text: str, sentence: Segment, thing: Any, own: str | None, conflict: Conflict | None
) -> str | None:
    """ "تدمير زوارق تابعة لجماعة الحوثي، ومقتل 15 من عناصرها": the pronoun takes back the armed
    group named just before, when it fights the claimant's side or the claimant has none (an
    outlet "مرتبطة بمجموعة فاغنر ... ومقتل أحد قادتها"); else it is the claimant's own."""
    before = [a for a in m.within("actor", sentence.start, thing.start) if not _backer(text, sentence, a)]
    if not before or conflict is None or before[-1].get("type") != "group":
        return None
    code = before[-1].get("code")
    if own is None:
        return code
    mine, theirs = conflict.side_of(own), conflict.side_of(code)
    return code if mine is not None and theirs is not None and mine != theirs else None


def _enemys(m: Mentions, event: Mention) -> bool:
    """Whether a loss word is the enemy's: "خسائر العدو"، "قتلى الخصم"، or the enemy is the
    subject of a loss verb ("«العدو فقد 210 عسكريين»")."""
    after = m.within("actor", event.end, event.end + 2)
    if after and after[0].key == _ENEMY:
        return True
    before = m.within("actor", max(0, event.start - _SIDE_GAP), event.start)
    return bool(before) and before[-1].key == _ENEMY and before[-1].end >= event.start - 2


def _loss_owner(m: Mentions, text: str, event: Mention, conflict: Conflict | None) -> str | None:
    """ "خسائر نظام كييف"، "قتلى القوات الأرمينية": the side named right after a loss word."""
    after = m.within("actor", event.end, event.end + _SIDE_GAP)
    if not after or not all(w in links().group_words for w in bare(text[event.end : after[0].start]).split()):
        return None
    code = _code_in(_group(after, text, 0), conflict)
    return code if isinstance(code, str) and code not in non_party() else None


def _earlier_owner(
    m: Mentions, text: str, sentence: Segment, event: Mention, conflict: Conflict | None
) -> str | None:
    """ "حصيلتها لخسائر الجيش الروسي ... تمثل خسائر الساعات الماضية": a loss word that names no
    side is of the side an earlier loss word of the sentence named."""
    if event.get("kind") != "loss":
        return None  # "أوامر التهجير الإسرائيلية أجبرت ... على النزوح": who displaced, not whose
    for before in reversed(m.within("event", sentence.start, event.start)):
        if before.get("kind") == "loss" and (owner := _loss_owner(m, text, before, conflict)) is not None:
            return owner
    return None


def _sufferer_before(
    m: Mentions,
    text: str,
    sentence: Segment,
    event: Mention,
    conflict: Conflict | None,
    reach: int = _INFLICT_REACH,
) -> str | None:
    """ "القوات الأرمينية تكبدت خلال اليوم الماضي الخسائر التالية": the subject of a loss verb
    before the loss word."""
    for verb in reversed(m.within("event", max(sentence.start, event.start - reach), event.start)):
        if verb.get("voice") != "loss" or verb.get("role") == "noun" or _nominal(text, verb):
            continue
        subject = _subject_force(m, text, verb, sentence, conflict)
        if isinstance(subject, str) and subject not in non_party():
            return subject
    return None


def _repelled(m: Mentions, text: str, start: int) -> bool:
    """ "صدت 150 هجوما"، "تصدت المضادات الأرضية لـ11 مسيرة": a repelling word before the count in its
    clause, with no other count between."""
    for mk in m.within("marker", max(0, start - _REPEL_REACH), start):
        if mk.get("role") != "repelled" or any(c in text[mk.end : start] for c in "،,."):
            continue
        if start - mk.end <= _REPEL_ADJACENT or not m.within("number", mk.end, start):
            return True
    return False


def _enemy_dative(m: Mentions, text: str, thing: Any) -> bool:
    """ "وقد سقط للعدو أكثر من 200 بين قتيل وجريح": the enemy named with ل right before the count."""
    start = thing.number.start if getattr(thing, "number", None) is not None else thing.start
    for marker in m.within("marker", max(0, start - _DATIVE_REACH), start):
        if marker.get("role") == "enemy" and word_prefix(text, marker.start).endswith("ل"):
            return True
    return False


def _enemy_after(m: Mentions, end: int, text: str) -> bool:
    """ "4 جنود للعدو": the enemy named right after a count, in its clause ("17 ألف طفل، مؤكدا أن
    الاحتلال دمر" is another clause)."""
    return any(
        mk.get("role") == "enemy" and not any(c in text[end : mk.start] for c in "،,.")
        for mk in m.within("marker", end, end + 12)
    )


def _enemy_ranks(m: Mentions, text: str, thing: Any, event: Mention | None) -> bool:
    """ "عدد القتلى في صفوف المهاجمين تجاوز 400": the enemy whose ranks a casualty word names."""
    if event is None or event.end > thing.start:
        return False
    for marker in m.within("marker", event.end, thing.start):
        head = bare(text[max(event.end, marker.start - 12) : marker.start]).split()
        if marker.get("role") == "enemy" and head and head[-1] in links().partitive | links().side_nouns:
            return True
    return False


def source_side(phrase: list[Mention]) -> str | None:
    """The party an unnamed source's words name: "مصدر عسكري سوداني" is a Sudanese one."""
    return next((a.get("code") for a in phrase if a.get("code") and a.get("code") not in non_party()), None)


def _named_with_head(
    m: Mentions, quote: Callable[[int, int], str], anaphor: Mention, reach: int = _ANAPHOR_REACH,
    parties_only: bool = True,
) -> str | None:
    """ "قالت الهيئة" after "هيئة تحرير الشام", "أوضحت الوزارة" after "وزارة الدفاع الروسية": the
    party named last before whose name begins with the same noun."""
    head = normalise_form(quote(anaphor.start, anaphor.end)).removeprefix("ال")
    for actor in reversed(m.within("actor", max(0, anaphor.start - reach), anaphor.start)):
        name = normalise_form(quote(actor.start, actor.end)).removeprefix("ال")
        if actor.key not in _ANAPHORS and name.startswith(head + " "):
            code = actor.get("code") or _code_after(m, actor)
            return code if code and not (parties_only and code in non_party()) else None
    return None


def _code_after(m: Mentions, actor: Mention) -> str | None:
    """The code of the words that go on an uncoded name: "هيئة الأركان العامة" + "للقوات المسلحة"
    + "الأوكرانية"."""
    end = actor.end
    for nxt in m.within("actor", actor.end, actor.end + _NAME_REACH):
        if nxt.start - end > _PHRASE_GAP:
            break
        if nxt.get("code"):
            return nxt.get("code")
        end = nxt.end
    return None


def _last_org(m: Mentions, before: int) -> str | None:
    """The monitor or organisation named last before a position, for "المرصد"; in a headline,
    before any is named, the one the story names first."""
    earlier = reversed(m.within("actor", max(0, before - _ANAPHOR_REACH), before))
    later = m.within("actor", before + 1, before + _ANAPHOR_REACH)
    for actor in (*earlier, *later):
        if actor.get("type") == "org" and actor.get("code"):
            return actor.get("code")
    return None


def last_group(m: Mentions, before: int, reach: int = _ANAPHOR_REACH) -> str | None:
    """The armed group named last before a position, for "التنظيم"، "الحركة"."""
    for actor in reversed(m.within("actor", max(0, before - reach), before)):
        if actor.get("type") == "group" and actor.get("code"):
            return actor.get("code")
    return None


def _code_in(phrase: list[Mention], conflict: Conflict | None) -> str | bool:
    """The code an actor phrase names (a named person or group before a nationality: "المتحدث باسم
    الجيش الليبي أحمد المسماري" is LNA); a bare "الجيش" is the conflict's army; True when the phrase
    names a side without saying which ("قواتها")."""
    named = (a.get("code") for a in phrase if a.get("type") in ("person", "group", "org") and a.get("code"))
    code = next(named, None) or next((a.get("code") for a in phrase if a.get("code")), None)
    if code:
        return code
    if conflict is not None and conflict.army and any(a.key == _ARMY or a.get("own_arm") for a in phrase):
        return conflict.army
    if conflict is not None and conflict.rebels and any(a.key == _REBELS for a in phrase):
        return conflict.rebels
    if conflict is not None and conflict.civil and any(a.key in _CIVIL_BODIES for a in phrase):
        return conflict.civil
    if conflict is not None and conflict.region and any(a.key == _REGION for a in phrase):
        return conflict.region  # "وبحسب سلطات الإقليم" in a Karabakh article
    return True


def _subject_force(
    m: Mentions, text: str, event: Mention, sentence: Segment, conflict: Conflict | None = None
) -> str | None | bool:
    """An explicit subject of an event verb: actor words just before or just after it.

    Returns its code, or True when a subject is there but has no code of its own ("قواتها").
    """
    before = m.within("actor", max(sentence.start, event.start - 40), event.start)
    while before and (located(text, before[-1]) or _supporting(text, before[-1])):
        # "قواته البرية العاملة في جنوب لبنان قضت على": where they are, not who; "قواتها، بدعم من
        # الفيلق الأفريقي، قتلت": who helped, not who did it
        before = before[:-1]
    if event.get("pronoun_doer") and before and text[before[-1].end : event.start].strip():
        before = []  # "أعلن جيش أراكان، أحد أقوى الجماعات في ميانمار، سيطرته": not Myanmar's
    # "..., وقتل": an earlier subject; not the و a sentence opens with ("ونفذت الطائرات الروسية")
    coordinated = event.start - 1 > sentence.start and text[event.start - 1] == "و"
    after = m.within("actor", event.end, min(sentence.end, event.end + 3))
    if text[event.start : event.end] in links().object_masdars:
        after = []  # "الحوثيون يعلنون استهداف إسرائيل": the target after the noun, not its doer
    after = after or _headed_subject(m, text, event, sentence)
    if after and text[event.end - 1 : event.end] == _TA_MARBUTA:
        # a verbal noun's doer follows it: "نفى الجيش سيطرة المتمردين على الفاشر"
        return _code_in(_group(m.within("actor", after[0].start, sentence.end), text, 0), conflict)
    if coordinated and not after and event.get("role") != "noun":  # "وإصابة 3": a noun has no subject
        earlier = [
            e
            for e in m.within("event", sentence.start, event.start)
            if e.get("voice") != "loss" and e.get("role") != "noun" and e.end < event.start
            and not _nominal(text, e) and not _describes_a_noun(text, e)
            and not word_prefix(text, e.start).endswith(("ل", "ب"))  # "تصدت لهجوم الميليشيا": its object
        ]
        # "وحدات جيش الدفاع صدت الهجوم ودمرت 7 دبابات": the repelling verb is the one joined to
        earlier += [k for k in m.within("marker", sentence.start, event.start) if k.get("role") == "repelled"]
        earlier.sort(key=lambda e: e.start)
        if earlier:
            return _subject_force(m, text, earlier[-1], sentence, conflict)
        return _clause_subject(m, text, sentence, event, conflict)
    if before and not after and _said_of_a_place(m, text, before[-1], event):
        return True  # "القوات الرواندية المنتشرة في شمال موزمبيق إنها قتلت": the speaker's own
    if (
        before
        and not coordinated
        and ":" not in text[before[-1].end : event.start]  # "الأركان الأوكرانية: خسائر روسيا": the speaker
        and not _relayed_source(m, text, before[-1], event)
        and (
            _gap_in(bare(text[before[-1].end : event.start]), links().subject_before_gap)
            or _gap_in(bare(_uncounted(m, text, before[-1].end, event.start)), links().subject_before_gap)
            or _without_times(bare(text[before[-1].end : event.start])) in links().subject_before_gap
            # "أعلن الجيش الإسرائيلي أنه شن غارات": the pronoun is the one who said it, unless the
            # verb names its subject after it ("إنه قتلت وحدات من الجيش")
            or (not after and bare(text[before[-1].end : event.start]) in links().pronoun_complementisers)
        )
    ):
        start = len(before) - 1
        while start > 0 and ":" not in text[before[start - 1].end : before[start].start] and (
            before[start].start - before[start - 1].end <= 2
            or bare(text[before[start - 1].end : before[start].start]) == _IN  # "الدعم السريع في السودان"
        ):  # "هيئة الأركان الأوكرانية: روسيا خسرت": the speaker before a colon is not the subject
            start -= 1
        if start == len(before) - 1 and _adjective_of_a_noun(m, text, before[start]):
            return None  # "عملية واسعة في العمق السعودي، استهدفت": the depth is Saudi, no subject
        if before[start].key == "group.anaphor":
            # "إن الجماعة فقدت مقاتلين اثنين": the group named with that head, else the last one
            return _anaphor_code(m, text, before[start]) or True
        return _code_in(before[start:], conflict)
    if after:
        return _code_in(_group(m.within("actor", after[0].start, sentence.end), text, 0), conflict)
    if event.get("kind") == "attack":  # "نفذت الطائرات الحربية الروسية 60 غارة": the weapon's side
        weapon = m.within("item", event.end, min(sentence.end, event.end + 3))
        if weapon:
            side = _inner_side(m, text, weapon[0]) or _explicit_side(m, text, weapon[0].end, sentence.end)
            if side:
                return side
    return _controller(m, text, event, sentence, conflict)


def _relayed_source(m: Mentions, text: str, actor: Mention, event: Mention) -> bool:
    """ "وبحسب النيابة العامة الأذربيجانية، قتل 43 مدنيا": the source a relaying word names before a
    comma is who tells it, not who did it."""
    if not any(ch in text[actor.end : event.start] for ch in "،,"):
        return False
    relays = m.within("verb", max(0, actor.start - _RELAY_REACH), actor.start)
    return any(v.get("frame") == "according" for v in relays)


def _adjective_of_a_noun(m: Mentions, text: str, actor: Mention) -> bool:
    """A demonym right after a definite noun that names no actor nor thing: "العمق السعودي" (not
    "الطائرات الحربية الروسية")."""
    if actor.get("type") != "demonym":
        return False
    words = text[max(0, actor.start - _LOCATED_REACH) : actor.start].split()
    if not words or not words[-1].startswith(_ARTICLE_AL) or words[-1] in links().side_nouns:
        return False  # "الجانب الأذربيجاني خسر": a side, named by its demonym
    noun = (actor.start - len(words[-1]) - 1, actor.start)
    return not m.within("actor", *noun) and not any(i.end >= noun[0] for i in m.within("item", 0, noun[1]))


def _supporting(text: str, actor: Mention) -> bool:
    """An actor inside an aside of support ("، بدعم من عناصر الفيلق الأفريقي،")."""
    clause = text.rfind("،", max(0, actor.start - _LOCATED_REACH * 4), actor.start)
    return clause >= 0 and any(w in links().support for w in bare(text[clause + 1 : actor.start]).split()[:2])


def located(text: str, actor: Mention) -> bool:
    """A country named as where something is: "في جنوب لبنان"، "في السودان"."""
    if actor.get("type") != "state":
        return False
    return _IN in bare(text[max(0, actor.start - _LOCATED_REACH) : actor.start]).split()[-2:]


def _said_of_a_place(m: Mentions, text: str, actor: Mention, event: Mention) -> bool:
    """A country named as where the speaker is ("في شمال موزمبيق") right before "إنها": the
    pronoun is the speaker, not the place."""
    if bare(text[actor.end : event.start]) not in links().pronoun_complementisers:
        return False
    if not m.within("place", actor.start, actor.start + 1):
        return False
    words = bare(text[max(0, actor.start - 12) : actor.start]).split()
    return bool(words) and words[-1] in links().control_breaks


def _doer_described(
    m: Mentions, text: str, sentence: Segment, thing: Any, conflict: Conflict | None
) -> str | None:
    """ "في غارتين شنتهما مسيرات إسرائيلية": the subject of a verb that describes the thing counted
    (its object pronoun takes the thing back) is who did it."""
    for verb in m.within("event", thing.end, min(sentence.end, thing.end + _DESCRIBED_GAP)):
        if bare(text[thing.end : verb.start]) or word_suffix(text, verb.end) not in links().object_pronouns:
            return None
        end = verb.end + len(word_suffix(text, verb.end))
        phrase = actor_phrase_after(m, text, end, sentence.end)
        found = _code_in(phrase, conflict) if phrase else None
        return found if isinstance(found, str) else None
    return None


def _describes_a_noun(text: str, verb: Mention) -> bool:
    """ "صدت هجوما شنته القوات الإريترية": a verb with an object pronoun right after an indefinite
    noun is a clause describing that noun; its subject is no subject of the verbs joined later."""
    if word_suffix(text, verb.end) not in links().object_pronouns:
        return False
    before = text[max(0, verb.start - 12) : verb.start].split()
    if before and before[-1] in links().relatives:
        return True  # "الهجوم الأعنف الذي شنته قوات الدعم السريع"
    return bool(before) and before[-1].endswith(_ACCUSATIVE) and len(before[-1]) > 3


def _without_times(gap: str) -> str:
    """The gap's words less the times in it: "شنت خلال الليل" is "شنت" (a time alone leaves none,
    which is no light verb: "أعلنت الخلية، الثلاثاء، مقتل" has no subject before مقتل)."""
    words, out, i = gap.split(), [], 0
    while i < len(words):
        n = next((n for n in (3, 2, 1) if " ".join(words[i : i + n]) in links().time_words), 0)
        if n:
            i += n
            continue
        out.append(words[i])
        i += 1
    return " ".join(out)


def _uncounted(m: Mentions, text: str, start: int, end: int) -> str:
    """The gap without a count in it: "تنفيذ الطائرات الروسية أكثر من 60 غارة" has the planes right
    before the raids they made."""
    gap = text[start:end]
    for found in (*m.within("number", start, end), *m.within("marker", start, end)):
        if found.kind == "number" or found.get("role") == "qualifier":
            gap = gap[: found.start - start] + " " * (found.end - found.start) + gap[found.end - start :]
    return gap


def _headed_subject(m: Mentions, text: str, event: Mention, sentence: Segment) -> list[Mention]:
    """A subject after a verb behind a head noun: "قضت وحدات من الجيش العربي السوري على 40"."""
    words = text[event.end : event.end + _HEAD_REACH].split()
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]) in links().subject_heads:
            start = text.index(words[n - 1], event.end) + len(words[n - 1])
            return m.within("actor", start, min(sentence.end, start + 3))
    return []


def _clause_subject(
    m: Mentions, text: str, sentence: Segment, event: Mention, conflict: Conflict | None
) -> str | None | bool:
    """ "أن القوات الأذربيجانية تقدمت في بعض الاتجاهات وسيطرت على ...": a verb joined to one the
    lexicons do not know shares the subject that opens its clause, right after إن/أن."""
    for actor in reversed(m.within("actor", sentence.start, event.start)):
        words = bare(text[max(sentence.start, actor.start - _COMPLEMENTISER_REACH) : actor.start]).split()
        if words and words[-1] in links().complementisers:
            found = m.within("actor", actor.start, event.start)
            return _code_in(_group(found, text, 0), conflict)
    return None


def _party_subject(
    m: Mentions,
    text: str,
    event: Mention,
    sentence: Segment,
    conflict: Conflict | None,
    own: str | None,
    military: bool = False,
) -> str | None | bool:
    """`_subject_force`, where an arm of no country named is the speaking party's own ("الدفاعات
    الجوية أسقطت" in a Houthi statement: the Houthis' air defences, not Yemen's army), and so is
    the bare army of a state's military statement ("قالت وزارة الدفاع التركية إن القوات المسلحة
    حيدت 15 إرهابيا" in an article on Syria: Turkey's forces)."""
    subject = _subject_force(m, text, event, sentence, conflict)
    if subject is True and own and _enemy_next_to(m, event):
        return opponent(own, conflict)  # "فيما شن العدو 71 غارة": the speaker's enemy did it
    army = conflict.army if conflict is not None else None
    bare_army = military and own in states()
    if own and army and subject == army != own and _own_arm(m, text, event, sentence, bare_army, military):
        return own
    return subject


def _enemy_next_to(m: Mentions, event: Mention) -> bool:
    """Whether "العدو" is the word right after or right before a verb."""
    before = [a for a in m.within("actor", max(0, event.start - 12), event.start) if event.start - a.end <= 2]
    return any(a.key == _ENEMY for a in (*before, *m.within("actor", event.end, event.end + 3)))


def _enemy_launched(m: Mentions, text: str, thing: Any) -> bool:
    """Whether "العدو" is the subject of the attacking verb a few words before a counted attack."""
    verbs = [
        e for e in m.within("event", max(0, thing.start - _LAUNCH_VERB_REACH), thing.start)
        if e.get("kind") == "attack" and e.end <= thing.start
    ]
    for verb in reversed(verbs):
        if any(c in text[verb.end : thing.start] for c in "،,."):
            return False  # "العدو شن ... 4 ضربات صاروخية بـ9 صواريخ، و68 غارة": one clause
        if _enemy_next_to(m, verb):
            return True
    return False


def _own_arm(
    m: Mentions, text: str, event: Mention, sentence: Segment, bare_army: bool = False, forces: bool = False
) -> bool:
    """Whether the subject is an arm of no country named (الدفاعات الجوية، سلاح الجو), or with
    `bare_army` the army or armed forces of no country named, or with `forces` (a party's military
    statement) "the forces" ("وأوضح المركز أن القوات غنمت 3 مدرعات": the speaker's)."""
    if _subject_force(m, text, event, sentence, None) is not True:
        return False
    near = m.within("actor", max(sentence.start, event.start - _SUBJECT_REACH), event.end + _AFTER_SUBJECT)
    bare = links().bare_forces
    return any(
        a.get("own_arm")
        or (bare_army and a.key == _ARMY)
        or (forces and a.key == _ARMY and text[a.start : a.end] in bare)
        for a in near
    )


def _nominal(text: str, event: Mention) -> bool:
    """ "صدوا هجوما لفصائل ..."، "بعد القصف": a verbal noun, whose subject is no verb's after it."""
    word = text[event.start : event.end] + word_suffix(text, event.end)
    return (
        (word.endswith(_ACCUSATIVE) and not word.endswith(_PLURAL_PAST))
        or text.startswith(_ARTICLE, event.start)
        or word_prefix(text, event.start).endswith(_ARTICLE)
    )


@cache
def _pronouns_on_ta() -> tuple[str, ...]:
    """A pronoun on a noun in ة, which is then written ت: سيطرته، سيطرتها."""
    return tuple("ت" + p for p in links().object_pronouns)


def _possessed(text: str, event: Mention) -> bool:
    """Whether a noun in ة carries a pronoun: سيطرته، سيطرتها."""
    return (text[event.start : event.end] + word_suffix(text, event.end)).endswith(_pronouns_on_ta())


def _of_itself(text: str, sentence: Segment, event: Mention) -> bool:
    """Whether the claimant reports its own deed: "قالت قوات تيغراي إنها أجبرت ... بعد سيطرتها"."""
    return any(w in links().pronoun_complementisers for w in bare(text[sentence.start : event.start]).split())


def _controller(
    m: Mentions, text: str, event: Mention, sentence: Segment, conflict: Conflict | None
) -> str | None:
    """ "تقدم الجيش الأذري بعد سيطرته على 3 مدن": the pronoun on a noun of control is who took
    control, the party named last before it in the sentence."""
    if event.get("kind") != "took_control" or not _possessed(text, event):
        return None
    for actor in reversed(m.within("actor", sentence.start, event.start)):
        if bare(text[max(sentence.start, actor.start - 4) : actor.start]).split()[-1:] == [_IN]:
            continue  # "قوات الدعم السريع في السودان سيطرتها": where it is, not who
        if word_prefix(text, actor.start).endswith("ب"):
            continue  # "ألحقت هزيمة بالجيش وأحكمت سيطرتها": whom it beat, not who took control
        code = _code_in([actor], conflict)
        if isinstance(code, str) and code not in non_party():
            return code
    return None


def subject_of(
    m: Mentions, text: str, event: Mention, sentence: Segment, conflict: Conflict | None
) -> str | bool | None:
    """The explicit subject of an event word (a code, True when it names no side), or None."""
    return _subject_force(m, text, event, sentence, conflict)


def armed_subject(m: Mentions, text: str, event: Mention, sentence: Segment) -> bool:
    """Whether the verb's subject before it is an army or a force ("الجيش الأذربيجاني فقد")."""
    before = m.within("actor", max(sentence.start, event.start - 40), event.start)
    if not before or not _gap_in(bare(text[before[-1].end : event.start]), links().subject_before_gap):
        return False
    return any(is_armed(a) for a in before[-2:])


def is_armed(actor: Mention) -> bool:
    """An army, an arm of one, a force or an armed group (not a state's name, a ministry or a person)."""
    return actor.key == _ARMY or bool(actor.get("own_arm")) or actor.get("type") in _ARMED_TYPES


def sides_of(
    m: Mentions,
    text: str,
    sentence: Segment,
    thing: Any,
    event: Mention | None,
    kind: str,
    claimant: Claimant,
    conflict: Conflict | None,
    denied: bool = False,
) -> tuple[str | None, str | None]:
    """(affected, agent) of a counted thing. What a side denies with no doer named is what the
    other side claims to have done to it ("نفت أرمينيا إسقاط الطائرة": Armenia's plane)."""
    own = side_code(claimant) or claimant.side
    if kind == "attack" and conflict is not None:
        # who a strike of a party of another war was aimed at is no guess: "استهدفت قاعدة عين الأسد"
        conflict = replace(conflict, wide=False)
    if kind == "attack" and thing.item in BORNE and own and _launched_from(text, thing):
        return own, opponent(own, conflict, armed=True)  # "نحو 90 مقذوفا أطلقت من لبنان": at the speaker
    affected = named_side(m, text, sentence, thing, event, conflict)
    named = affected is not None
    if kind == "attack" and thing.item in BORNE and affected is None:
        affected = _doer_described(m, text, sentence, thing, conflict)  # "غارتين شنتهما مسيرات إسرائيلية"
    if kind == "attack" and thing.item in BORNE and affected is not None:
        # "صدت 12 هجوما حوثيا"، "أطلقت 120 مسيرة روسية": the side an attack or its weapon bears made
        # it; a target's side ("استهداف 18 موقعا للجيش الإسرائيلي") is the one hit
        return _hit_by(m, sentence, thing, affected, conflict), affected
    if affected is None and kind == "took_control":
        affected = _at_expense_of(m, text, sentence, thing)
    if affected is None and thing.item == "people" and _between_sides(m, text, sentence):
        return None, None  # "مقتل 242 شخصا جراء تصعيد بين الفصائل وقوات الجيش": both sides' dead
    if affected is None and _own_suffix(text, thing.item_mention):
        affected = _enemy_group_before(m, text, sentence, thing, own, conflict) or own
        if affected is None and claimant.role == "ORG":
            affected = claimant.actor  # "قالت يونيفيل إن اثنين من جنودها أصيبا": the UN's own
    if affected is None and own and _belongs_to_speaker(text, thing):
        affected = own
    if affected is None and _of_them(text, thing):  # "تجمعات لمرتزقة العدوان ... 70 منهم"
        affected = _enemy_group_before(m, text, sentence, thing, own, conflict)
    enemys = _enemy_after(m, thing.end, text) or _enemy_dative(m, text, thing)
    if affected is None and (enemys or _enemy_ranks(m, text, thing, event)):
        affected = opponent(own, conflict)
    if kind == "attack" and affected is None and own and _repelled(m, text, thing.start):
        return own, opponent(own, conflict)  # "أوكرانيا تتحدث عن صد 150 هجوما": the other side's
    launched = kind == "attack" and thing.item in BORNE and affected is None and own
    if launched and _downed_next(m, text, thing):
        return own, opponent(own, conflict)  # "أُطلق 62، أُسقط 58": launched at the speaker, who downed them
    voice = event.get("voice", "loss") if event is not None else "agentive"
    if getattr(thing, "suffered", False):
        voice = "loss"  # "سجل المكتب 40 حالة اعتقال": the office counts its own people's arrests
    if (
        voice == "ambiguous"
        and event is not None
        and (_active_plural(text, event, thing) or _pronoun_subject(text, event))
    ):
        voice = "agentive"
    # counted raids with no verb ("تنفيذ الطائرات الروسية 60 غارة"): the raid word's own subject
    doing = event if event is not None or kind != "attack" else thing.item_mention
    military = claimant.role == "MIL"
    subject = None if doing is None else _party_subject(m, text, doing, sentence, conflict, own, military)
    if subject in (None, True) and kind == "attack" and own and _enemy_launched(m, text, thing):
        subject = opponent(own, conflict)  # "أن العدو شن خلال اليوم 4 ضربات صاروخية": the enemy's
    styled = speaks_as().get(own or "")
    if styled is not None and subject == styled:
        subject = own  # Taliban statements' "القوات الأفغانية قتلت": their own forces
    if isinstance(subject, str) and subject in non_party():
        subject = None  # "وفقا لبيانات الأمم المتحدة، قتل ...": the source, not who killed
    if voice == "ambiguous" and event is not None and _counted_did(m, text, thing, event):
        voice, subject = "loss", None  # "إن 5 مسلحين قتلوا": they were killed, they killed no one
    if denied and subject == own:
        subject = None  # "نفت أرمينيا إسقاط الطائرة": the denier, not who downed it
    if voice == "loss" and affected is None and isinstance(subject, str):
        # "الجيش الأذربيجاني فقد 200 قتيل"; "قوات الجيش واللجان كسرت زحفا ... وكبدتهم 40 قتيلا":
        # the subject inflicted them on the other side
        if event is not None and _inflicted_on_enemy(m, text, event):
            affected = opponent(own, conflict) or subject  # "وكبدت المهاجمين 400 قتيل": the speaker's enemy
        elif event is not None and _inflicted_on_pronoun(text, sentence, event):
            affected = opponent(subject, conflict)
        else:
            affected = subject
    own_before = voice == "loss" and own and event is not None and event.get("role") == "noun"
    own_before = own_before and own_losses_before(m, text, sentence, thing)  # "خسائره اقتصرت على 9 شهداء"
    owned = event is not None and (_own_loss(text, event) or own_before)
    if voice == "loss" and affected is None and own and owned:
        # "وقالت إن خسائرها لم تتجاوز 15 مقاتلا": its own losses; "القوات الروسية خسرت ... ليرتفع
        # إجمالي خسائرها": the pronoun takes back the party that lost before it in the sentence
        affected = _sufferer_before(m, text, sentence, event, conflict, event.start - sentence.start) or own
    if voice == "loss" and affected is None and event is not None:
        affected = _inflicted_on(m, text, sentence, event, own, conflict)
        affected = affected or _loss_owner(m, text, event, conflict)  # "خسائر نظام كييف"
        affected = affected or _sufferer_before(m, text, sentence, event, conflict)
        affected = affected or _earlier_owner(m, text, sentence, event, conflict)
    if voice == "loss" and affected is None and event is not None and _enemys(m, event):
        affected = opponent(own, conflict)  # "خسائر العدو بلغت 1180 فردا"
    if voice == "loss":
        subject = None
    if affected is None and thing.item in PROPERTY_ITEMS:
        affected = own or _side_named(m, text, sentence, thing, conflict, civil=True)
    agent = None
    if voice == "agentive" or (voice == "ambiguous" and subject):
        agent = subject if isinstance(subject, str) else (opponent(own, conflict) if denied else own)
        if agent == affected == own and conflict is not None and conflict.rebels == own:
            affected = opponent(own, conflict)  # the RSF's "دمرت 4 عربات للجيش و"المرتزقة"": not itself
        if subject is None and event is not None and _a_result(text, event):
            # "شنت مقاتلات التحالف 12 غارة، ما أسفر عن تدمير 7 آليات": the raids' doer destroyed them
            agent = _attacker_before(m, text, sentence, event, conflict, own) or agent
        if affected is None:
            affected = _hit_by(m, sentence, thing, agent, conflict)
    else:
        if affected is None and event is not None:
            attacker = _attacker_before(m, text, sentence, event, conflict, own)  # "قصف طيران التحالف ... مما
            if attacker:  # أسفر عن مقتل 17"
                affected = _hit_by(m, sentence, thing, attacker, conflict)
                if thing.item == "fighters" and affected in states() and attacker == conflict.rebels:
                    # "صدت الهجوم الذي شنته قوات الدعم السريع ... مقتل 300 من عناصر الميليشيا"
                    affected = attacker
                if thing.item == "people" and _not_allied(own, attacker, conflict):
                    affected = own  # "الصحة اللبنانية: الغارات الإسرائيلية أسفرت عن 12 قتيلا": Lebanon's
            agent = attacker
        elif event is not None:  # "طيران التحالف دمر موقعا ..., مما أسفر عن مقتل 7 من التنظيم"
            attacker = _attacker_before(m, text, sentence, event, conflict, own)
            if attacker and conflict is not None and conflict.side_of(attacker) != conflict.side_of(affected):
                agent = attacker
        if affected is None and thing.item == "civilians" and own:
            # "أدت إلى إصابة خمسة مدنيين" in خميس مشيط: Saudi civilians, not the coalition's
            affected = _allys_town(m, sentence, own, conflict)
        if affected is None and _fights_here(own, conflict):
            # "قتلنا 20 جنديا" in an armed group's mouth: soldiers are a state's, so its enemy's
            enemys = thing.item == "fighters" or (thing.item == "soldiers" and own not in states())
            affected = opponent(own, conflict) if enemys else own
        if affected is None:
            agent = _attack_by(m, text, sentence, conflict)
            if agent:
                affected = _hit_by(m, sentence, thing, agent, conflict)
            else:
                affected = _side_named(m, text, sentence, thing, conflict)
        agent = agent or _speaking_army(claimant, own, affected, conflict)
        if agent is None and event is not None:  # "إن 6 أشخاص قتلوا في غارات أمريكية"
            named = _attack_by(m, text, sentence, conflict)  # not a civil side ("صاروخ أطلق من لبنان")
            agent = named if named != affected and (conflict is None or named != conflict.civil) else None
        if agent is None and thing.item == "civilians" and _between_sides(m, text, sentence):
            return affected, None  # "مقتل 6 بينهم مدنيان في اشتباكات بين X وY": by neither that is known
        agent = agent or opponent(affected, conflict, armed=True)
    humanitarian = claimant.role in ("ORG", "HLT") and thing.item == "people"  # "محامو الطوارئ: مقتل 134"
    if affected is None and conflict is not None and (_civil_loss(thing, event) or humanitarian):
        # "أكثر من 400 مدني قتلوا في الهجوم على المخيم": in a war of one state, its civilians (its
        # displaced, its houses); who killed them is not guessed
        affected = conflict.civil or (conflict.army if conflict.army in states() else None)
    elif affected is None and conflict is not None:
        # "قالت مصادر محلية إن 30 جنديا قتلوا": soldiers with no side named are the conflict's army,
        # armed men its rebels, where one state fights one insurgency
        army = _army_where(m, sentence, conflict) or conflict.army
        affected = {"soldiers": army, "fighters": conflict.rebels}.get(thing.item)
        agent = agent or opponent(affected, conflict, armed=True)
    told = max(thing.end, event.end if event is not None else 0)
    by = _by_agent(m, text, sentence, sentence.start, min(sentence.end, told + _BY_AFTER))
    if by is not None and by != affected:
        agent = by  # "تلقتها الدبابة الأوكرانية من قبل المسيرة الروسية"، "مقتل 3 جنود بنيران أرمينية"
    if styled is not None and agent == styled:
        agent = own  # the Houthis' "الدفاعات الجوية اليمنية أسقطت": their own forces
    if styled is not None and affected == styled and thing.item in ("soldiers", "fighters"):
        # "الجيش اليمني" in a Houthi statement is theirs; "مرتزقة العدوان" never are
        affected = affected if thing.item_mention.get("hired") else own
    if thing.item == "fighters" and affected in states() and not named:
        affected = _armed_group_of(affected, conflict) or affected  # "قتلت 40 مقاتلا" in Lebanon: Hezbollah's
    if agent == affected and thing.item != "civilians":  # a state may strike its own people
        agent = opponent(affected, conflict, armed=True)
    return affected, agent


def _armed_group_of(state: str, conflict: Conflict | None) -> str | None:
    """The armed group named most on a state's side, whose fighters a state's are not."""
    side = conflict.side_of(state) if conflict is not None else None
    if conflict is None or side is None:
        return None
    groups = [
        c for c in conflict.parties[side] if c not in states() | non_party() and conflict.mentions.get(c, 0)
    ]
    return max(groups, key=lambda c: conflict.mentions[c]) if groups else None


def _army_where(m: Mentions, sentence: Segment, conflict: Conflict) -> str | None:
    """ "وفي بوركينا فاسو ... هاجموا مفرزة عسكرية في بلدة جيبو": in a war of several states on one
    side, unnamed soldiers are of the state the sentence's town lies in."""
    side = conflict.side_of(conflict.army)
    if side is None or len(conflict.parties[side]) < 2:
        return None
    for place in m.within("place", sentence.start, sentence.end):
        code = place.get("country")
        if code != conflict.army and code in states() and conflict.side_of(code) == side:
            return code
    return None


def _civil_loss(thing: Any, event: Mention | None) -> bool:
    """Civilians, people displaced ("أجبرت نحو 714 ألف شخص على النزوح") and houses and buildings."""
    kind = event.get("kind") if event is not None else None
    displaced = thing.item == "people" and kind == "displaced"
    ruined = thing.item in PROPERTY_ITEMS and kind in ("destroyed", "damaged", "loss")
    return thing.item == "civilians" or displaced or ruined


def _by_agent(m: Mentions, text: str, sentence: Segment, start: int, end: int) -> str | None:
    """The side named after "by" ("من قبل"، "على يد"، "بنيران") near the claim's words, not one of
    another verb far on ("منذ نقلهم من قبل تركيا": Turkey moved them, it did not kill them)."""
    window = text[start:end]
    found = [(window.find(w), w) for w in links().by_agent if window.find(w) >= 0]
    if not found:
        return None
    at, word = min(found)
    pos = start + at + len(word)
    for actor in m.within("actor", pos, min(sentence.end, pos + _BY_REACH)):
        code = actor.get("code")
        gap = bare(_unnamed(m, text, pos, actor.start))
        if code and code not in non_party() and not gap:
            return code
        break
    return None


def _unnamed(m: Mentions, text: str, start: int, end: int) -> str:
    """The words between two positions less the things named there ("المسيرة" in "من قبل المسيرة الروسية")."""
    gap = text[start:end]
    for item in m.within("item", start, end):
        gap = gap.replace(text[item.start : item.end] + word_suffix(text, item.end), " ")
    return gap


def _a_result(text: str, event: Mention) -> bool:
    """Whether an event word is told as the result of what came before ("ما أسفر عن تدمير")."""
    words = bare(text[max(0, event.start - _RESULT_REACH) : event.start]).split()
    return any(" ".join(words[-n:]) in links().results for n in (1, 2) if len(words) >= n)


def _counted_did(m: Mentions, text: str, thing: Any, event: Mention) -> bool:
    """Whether the verb follows the counted people right away, with them as its subject (their
    side's name between: "إن 31 من عسكريي جيش الدفاع قتلوا")."""
    if event.start < thing.end:
        return False
    end = thing.end + len(word_suffix(text, thing.end))  # past the noun's accusative alif
    gap = text[end : event.start]
    spans = m.within("actor", end, event.start) + m.within("marker", end, event.start)
    for found in sorted(spans, key=lambda x: x.start, reverse=True):  # "58 جنديا على الأقل من قوات X قتلوا"
        if found.end <= event.start:
            gap = gap[: found.start - end] + " " + gap[found.end - end :]
    return all(w in links().count_fillers for w in bare(gap).split())


def _own_loss(text: str, event: Mention) -> bool:
    """A loss word with the speaker's pronoun on it: "خسائرها"، "خسائرنا"; on an inflicting verb
    ("وكبدتها") the pronoun is who suffered them."""
    if event.get("role") == "noun" or text[event.start : event.end] in links().inflict:
        return False
    return word_suffix(text, event.end) in links().own_suffixes - {""}


def own_losses_before(m: Mentions, text: str, sentence: Segment, thing: Any) -> bool:
    """Whether the count follows, in its sentence, a loss word with the speaker's pronoun
    ("خسائره"، "خسائرنا"): "أن خسائره اقتصرت على 11 شهيدا" tells the speaker's own dead."""
    for event in m.within("event", max(sentence.start, thing.start - _OWN_LOSS_REACH), thing.start):
        suffix = word_suffix(text, event.end)
        if event.get("kind") == "loss" and suffix and suffix in links().own_suffixes:
            return True
    return False


def _speaking_army(
    claimant: Claimant, own: str | None, affected: str | None, conflict: Conflict | None
) -> str | None:
    """An army that tells its enemy's losses with no doer named ("الجيش الوطني يعلن مقتل 40 حوثيا")
    caused them, rather than the ally named most."""
    if claimant.role != "MIL" or own is None or conflict is None or affected is None:
        return None
    mine, theirs = conflict.side_of(own), conflict.side_of(affected)
    return own if mine is not None and theirs is not None and mine != theirs else None


def _not_allied(own: str | None, other: str, conflict: Conflict | None) -> bool:
    """Whether the speaker is a party other than `other` and not on its side."""
    if own is None or own == other or own in non_party():
        return False
    if conflict is None:
        return True
    return conflict.side_of(own) is None or conflict.side_of(own) != conflict.side_of(other)


def _hit_by(
    m: Mentions, sentence: Segment, thing: Any, agent: str | None, conflict: Conflict | None
) -> str | None:
    """Who suffered what `agent` did: the civilians' state, else the agent's opponent, else the
    state where it struck when the agent fights no one in the article's war ("غارات إسرائيلية على
    مطار حماة" in an article on Syria's factions)."""
    home = _civilians_home(m, sentence, thing, agent, conflict) or _civil_side(thing, agent, conflict)
    home = home or _enemy_named(m, sentence, thing, agent, conflict)
    home = home or _enemy_state_struck(m, sentence, agent, conflict)
    return home or opponent(agent, conflict) or _struck_state(m, sentence, agent)


def _enemy_state_struck(
    m: Mentions, sentence: Segment, agent: str | None, conflict: Conflict | None
) -> str | None:
    """ "استهدفت مطار أبها وقاعدة الملك خالد بخميس مشيط": a state of the other side where the
    sentence's places lie, rather than the side the article names most; a civil side (Lebanon's
    state, whose south Hezbollah fights from) is not."""
    if conflict is None or agent is None or conflict.side_of(agent) is None:
        return None
    for place in m.within("place", sentence.start, sentence.end):
        code = place.get("country")
        town = not place.key.startswith((_UNKNOWN, _COUNTRY)) and place.get("precision") != "country"
        if not town or place.get("held") or code not in states() or code == conflict.civil:
            continue  # "طائرة تركية الصنع" names no place struck
        side = conflict.side_of(code)
        if side is not None and side != conflict.side_of(agent):
            return code
    return None


def _enemy_named(
    m: Mentions, sentence: Segment, thing: Any, agent: str | None, conflict: Conflict | None
) -> str | None:
    """ "قتلت 17 من عناصر تنظيم الدولة ودمرت مركبتين": the enemy the sentence names first before
    the thing, not the one the article names most."""
    if conflict is None or agent is None or conflict.side_of(agent) is None:
        return None
    for actor in m.within("actor", sentence.start, thing.start):
        code = actor.get("code")
        side = conflict.side_of(code) if code else None
        if side is not None and side != conflict.side_of(agent):
            return code
    return _enemy_state_before(m, sentence, agent, conflict)


def _enemy_state_before(m: Mentions, sentence: Segment, agent: str, conflict: Conflict) -> str | None:
    """ "... معسكرا للجيش المالي ... وأضافت الجماعة أنها غنمت 14 مركبة": in a war of one group
    against the armies of several states, the state named last before the sentence, not the one
    the article names most."""
    armies = [c for c in conflict.armies if conflict.side_of(c) != conflict.side_of(agent)]
    if len(armies) < 2:
        return None
    for actor in reversed(m.within("actor", max(0, sentence.start - _STATE_BEFORE), sentence.start)):
        if actor.get("code") in armies and actor.get("type") in ("force", "demonym"):
            return actor.get("code")  # "قرب الحدود مع النيجر": a country's name may be a place only
    return None


def _struck_state(m: Mentions, sentence: Segment, agent: str | None) -> str | None:
    """The state of the first place in the sentence that a gazetteer knows, not the agent's own."""
    if agent is None:
        return None
    for place in m.within("place", sentence.start, sentence.end):
        code = place.get("country")
        if code != agent and code in states() and not place.key.startswith(_UNKNOWN):
            return code
    return None


def _allys_town(m: Mentions, sentence: Segment, own: str, conflict: Conflict | None) -> str | None:
    """The state of a town in the sentence on the speaker's side that is not the speaker itself: a
    coalition's or an alliance's civilians live in one of its states (a dateline's town and a town a
    de facto authority holds say nothing of that)."""
    if conflict is None or conflict.side_of(own) is None:
        return None
    for place in _resolved(m.within("place", sentence.start + _DATELINE, sentence.end), conflict):
        code = place.get("country")
        town = not place.key.startswith(_COUNTRY) and place.get("precision") != "country"
        if town and not place.get("held") and code != own and code in states() and (
            conflict.side_of(code) == conflict.side_of(own)
        ):
            return code
    return None


def _civil_side(thing: Any, agent: str | None, conflict: Conflict | None) -> str | None:
    """Civilians a party struck, with no town named: of the other side's civil state ("قذائف أطلقتها
    قوات حفتر" hit Libya's people, not Turkey's)."""
    if thing.item != "civilians" or conflict is None or not conflict.civil or agent is None:
        return None
    civil_side = conflict.side_of(conflict.civil)
    return conflict.civil if civil_side is not None and civil_side != conflict.side_of(agent) else None


def _civilians_home(
    m: Mentions, sentence: Segment, thing: Any, agent: str | None, conflict: Conflict | None
) -> str | None:
    """Civilians belong to the state where they live (claims.md): the country of a place in the
    sentence that is a party ("قصف حوثي على حي سكني في مدينة تعز" hits Yemen's civilians, not the
    coalition's), also when the agent is that state and the place one of its towns (a Malian
    drone strike on تين زاوتين); the agent's own name ("إسرائيل قتلت") is no such place."""
    if thing.item != "civilians" or conflict is None or agent is None:
        return None
    against = conflict.side_of(agent)
    towns = []
    for place in _resolved(m.within("place", sentence.start, sentence.end), conflict):
        held = place.get("held")
        if held and conflict.side_of(held) is not None and conflict.side_of(held) != against:
            return held  # "قصفت القوات الأذربيجانية ستيباناكيرت": Karabakh's people, not Azerbaijan's
        side = conflict.side_of(place.get("country"))
        if side is not None and (side != against or not place.key.startswith(_COUNTRY)):
            return place.get("country")  # a town of the agent's own state: its own people
        if side is None and not place.key.startswith(_COUNTRY) and place.get("precision") != "country":
            towns.append(place.get("country"))
    return towns[0] if towns else None  # "قرية في ريف كوباني": Syria's, whoever holds it


def named_side(
    m: Mentions,
    text: str,
    sentence: Segment,
    thing: Any,
    event: Mention | None,
    conflict: Conflict | None = None,
) -> str | None:
    """The side the words name for a counted thing, if any: a demonym inside it, a side right
    after it ("جنود أرمينيين"، "عنصرا من الجيش الأذري"), or a partitive before it ("عدد القتلى بين
    القوات الأرمنية يتجاوز 5000"، "القتلى العسكريين لأذربيجان")."""
    return (
        _inner_side(m, text, thing.item_mention)
        or _side_before_number(m, text, thing)
        or _side_after(m, text, sentence, thing, conflict)
        or (_member_of(m, text, thing, sentence) if thing.item in PEOPLE_ITEMS else None)
        or _partitive_side(m, text, sentence, thing, event)
        or _named_before(m, text, sentence, thing)
        or _tallied_side(m, text, sentence, thing, conflict)
    )


def _tallied_side(
    m: Mentions, text: str, sentence: Segment, thing: Any, conflict: Conflict | None
) -> str | None:
    """ "العدد الإجمالي لعناصر الحوثي ... تجاوز 2300 عنصر": the side a tally's own noun names, for
    the same noun counted after it."""
    noun = thing.item_mention
    if thing.number is None or noun.kind != "item":
        return None
    if not any(t in text[sentence.start : thing.start] for t in links().tallies):
        return None  # most counts have no tally before them
    for item in reversed(m.within("item", sentence.start, thing.start)):
        if item.get("item") != noun.get("item") or bool(item.get("member")) != bool(noun.get("member")):
            continue
        before = bare(text[max(sentence.start, item.start - _TALLY_BEFORE) : item.start]).split()
        if any(w in links().tallies or w.removeprefix("ال") in links().tallies for w in before):
            return _explicit_side(m, text, item.end, thing.start, conflict) or None
    return None


def _side_after(
    m: Mentions, text: str, sentence: Segment, thing: Any, conflict: Conflict | None
) -> str | None:
    """The side named right after a counted thing, unless it only says where hirelings come from."""
    if _origin_only(m, thing):
        return None
    return _explicit_side(m, text, _past_models(m, text, thing), sentence.end, conflict)


def _origin_only(m: Mentions, thing: Any) -> bool:
    """ "23 من المرتزقة السوريين"، "17 مرتزقا سوريا" (an accusative demonym written like the country):
    hirelings' demonym says where they come from, not whose side."""
    if not thing.item_mention.get("hired"):
        return False
    after = m.within("actor", thing.item_mention.end, thing.item_mention.end + 2)
    return bool(after) and after[0].get("type") in ("demonym", "state")


def _side_before_number(m: Mentions, text: str, thing: Any) -> str | None:
    """ "جنديا أرمينيا واحدا": the side between a noun and the number word after it."""
    item = thing.item_mention
    if thing.number is None or thing.number.start < item.end or thing.start > item.start:
        return None  # the number after its noun only ("مقتل ... إلى 19" counts the dead before it)
    between = m.within("actor", item.end, thing.number.start)
    found = [a for a in between if a.get("type") in ("demonym", "state")]
    gap = text[item.end : thing.number.start]
    for actor in found:
        gap = gap.replace(text[actor.start : actor.end], " ")
    if not found or bare(gap) not in ("", "ا"):
        return None
    return found[0].get("code")


def _named_before(m: Mentions, text: str, sentence: Segment, thing: Any) -> str | None:
    """ "الدبابة الأوكرانية ... أدت إلى تدمير الدبابة": a definite noun repeats the same thing named
    earlier in the sentence with its side."""
    item = thing.item_mention
    if thing.number is not None or not text.startswith("ال", item.start):
        return None
    for earlier in reversed(m.within("item", sentence.start, item.start)):
        if earlier.key == item.key:
            end = earlier.end
            return _inner_side(m, text, earlier) or _explicit_side(m, text, end, sentence.end)
    return None


def _partitive_side(
    m: Mentions, text: str, sentence: Segment, thing: Any, event: Mention | None
) -> str | None:
    start = event.end if event is not None and event.end <= thing.start else thing.start - _PARTITIVE_REACH
    for actor in m.within("actor", max(sentence.start, start), thing.start):
        if m.within("number", actor.end, thing.start):
            continue  # "هم 102 من الهيئة، ... و19 مدنيا": the side of another count of the list
        head = bare(text[max(sentence.start, actor.start - 12) : actor.start]).split()
        prefix = word_prefix(text, actor.start)
        partitive = bool(head) and head[-1] in links().partitive | links().side_nouns
        if partitive or prefix in ("ل", "لل"):
            code = _code_in(_group(m.within("actor", actor.start, thing.start), text, 0), None)
            if isinstance(code, str) and code not in non_party():
                return code
    return None


def addressed(text: str, actor: Mention) -> bool:
    """An outlet a statement was made to: "لوكالة فرانس برس"، "لـ«العربية»"."""
    if actor.get("type") != "media":
        return False
    before = text[max(0, actor.start - 4) : actor.start].rstrip("«\"“ ")
    return word_prefix(text, actor.start).endswith("ل") or before.endswith("ل")


def word_suffix(text: str, end: int) -> str:
    """The letters of the word after `end` (a pronoun after a lexicon hit)."""
    stop = end
    while stop < len(text) and text[stop].isalpha():
        stop += 1
    return text[end:stop]


def word_prefix(text: str, start: int) -> str:
    """The letters of the word before `start` (a clitic in front of a lexicon hit)."""
    begin = start
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:start]


def _pronoun_subject(text: str, event: Mention) -> bool:
    """ "قالت إنها قتلت 150": a complementiser carrying a pronoun is the verb's subject, so the
    verb is active (a passive "قُتل 150" has none)."""
    words = bare(text[max(0, event.start - 8) : event.start]).split()
    return bool(words) and words[-1] in links().pronoun_complementisers


def _active_plural(text: str, event: Mention, thing: Any) -> bool:
    """ "قتلوا 107 جنود": a plural verb with its object right after is active (a passive verb
    before its subject would be singular)."""
    word_end = event.end
    while word_end < len(text) and text[word_end].isalpha():
        word_end += 1
    verb = text[event.start : word_end]
    return verb.endswith(("وا", "نا")) and 0 <= thing.start - word_end <= 3


def _attacker_before(
    m: Mentions, text: str, sentence: Segment, event: Mention, conflict: Conflict | None, own: str | None
) -> str | None:
    """The named side that carried out an attack earlier in the sentence, whose losses follow."""
    for attack in reversed(m.within("event", sentence.start, event.start)):
        if any(w in links().contrast for w in bare(text[attack.end : event.start]).split()):
            break  # "دمرت مدفعية الجيش 3 أطقم للمليشيا، فيما استشهد جنديان": not the strike's toll
        # "طيران التحالف دمر موقعا ..., ما أسفر عن مقتل 7": a strike that destroyed is one too
        kind = attack.get("kind")
        striking = kind == "attack" or (kind == "destroyed" and attack.get("voice") == "agentive")
        if not striking or attack.get("role") == "noun":
            continue
        if kind == "destroyed" and _befell_thing_before(m, attack):
            continue  # "مروحية «مي-24» روسية أسقطت": it was downed
        subject = _party_subject(m, text, attack, sentence, conflict, own)
        if isinstance(subject, str) and subject not in non_party():
            return subject
    return None


def _befell_thing_before(m: Mentions, verb: Mention) -> bool:
    """ "مروحية «مي-24» روسية أسقطت مساء الاثنين": a thing named just before a verb with no object
    after it is what the verb befell (passive); its maker's demonym names no doer."""
    before = m.within("item", max(0, verb.start - _THING_BEFORE), verb.start)
    if not before or before[-1].get("item") in PEOPLE_ITEMS:
        return False
    reach = verb.end + _THING_BEFORE
    # a place ("فوق الأراضي") is no object
    after = [i for i in m.within("item", verb.end, reach) if i.get("item") not in _AREA_ITEMS]
    return not after and not m.within("number", verb.end, reach)


def _inflicted_on(
    m: Mentions, text: str, sentence: Segment, event: Mention, own: str | None, conflict: Conflict | None
) -> str | None:
    """ "كبدت القوات الأوكرانية خسائر"، "مكبدا العدو خسائر": losses inflicted on the side named
    between the inflicting verb and the loss word, or after it with ل ("تكبيد قواتها خسائر
    للجانب الأرميني")."""
    end = event.end + len(word_suffix(text, event.end))  # "وكبدتها" itself, with its pronoun
    window = text[max(sentence.start, event.start - _INFLICT_REACH) : end]
    words = [w[1:] if w[0] in "وف" and len(w) > 3 else w for w in bare(window).split()]  # "وكبدت"
    if not any(w in links().inflict for w in words):
        return _inflicted_on_it(words, own, conflict)
    dative = _dative_side(m, text, sentence, event)
    if dative is not None:
        return dative
    begin = max(sentence.start, event.start - _INFLICT_REACH)
    # the side named after the inflicting verb: "جرافات الاحتلال ... وألحقت أضرارا" is the doer's
    after_verb = max((window.rfind(w) + len(w) for w in links().inflict if w in window), default=0)
    actors = m.within("actor", begin + after_verb, event.start)
    if not actors:
        return None
    if actors[-1].key == _ENEMY:
        return opponent(own, conflict)
    start = len(actors) - 1
    while start > 0 and actors[start].start - actors[start - 1].end <= 2:
        start -= 1
    code = _code_in(actors[start:], conflict)
    return code if isinstance(code, str) and code not in non_party() else None


def _downed_next(m: Mentions, text: str, thing: Any) -> bool:
    """Whether the next words of the same clause tell of downing: "أُطلق 62، أُسقط 58"."""
    end = text.find("\n", thing.end)
    end = min(thing.end + _DOWNED_REACH, len(text) if end < 0 else end)
    if _subject_before(m, text, thing):
        return False  # "أطلقت روسيا 62 صاروخا": its subject says whose
    return any(e.get("kind") == "destroyed" for e in m.within("event", thing.end, end))


def _subject_before(m: Mentions, text: str, thing: Any) -> bool:
    """Whether a party is named before the figure in its clause (a table cell starts after its colon)."""
    start = max(text.rfind("\n", 0, thing.start), text.rfind(":", 0, thing.start)) + 1
    return bool(m.within("actor", max(start, thing.start - _DOWNED_REACH), thing.start))


def _launched_from(text: str, thing: Any) -> bool:
    """Whether a passive launch from somewhere follows the counted missiles or drones."""
    end = thing.end + len(word_suffix(text, thing.end))
    words = bare(text[end : end + _LAUNCH_REACH]).split()
    return any(" ".join(words[:n]) in links().launched_from for n in (2, 3))


def _inflicted_on_enemy(m: Mentions, text: str, event: Mention) -> bool:
    """Whether an inflicting verb takes the enemy as its object: "وكبدت المهاجمين 400 قتيل"."""
    if text[event.start : event.end] not in links().inflict:
        return False
    after = m.within("marker", event.end, event.end + _AFTER_SUBJECT * 4)
    return bool(after) and after[0].get("role") == "enemy" and not bare(text[event.end : after[0].start])


def _inflicted_on_pronoun(text: str, sentence: Segment, event: Mention) -> bool:
    """Whether an inflicting verb with an object pronoun ("وكبدتهم") comes just before a loss word."""
    end = event.end + len(word_suffix(text, event.end))  # "وكبدتهم" itself, with its pronoun
    window = text[max(sentence.start, event.start - _INFLICT_REACH) : end]
    return _on_pronoun([w[1:] if w[0] in "وف" and len(w) > 3 else w for w in bare(window).split()])


def _on_pronoun(words: list[str]) -> bool:
    pronouns = links().object_pronouns
    return any(w.startswith(v) and w[len(v) :] in pronouns for w in words for v in links().inflict)


def _inflicted_on_it(words: list[str], own: str | None, conflict: Conflict | None) -> str | None:
    """ "اشتبكت قواتها مع مرتزقة ... وكبدتها 47 قتيلا": an inflicting verb whose object is a pronoun
    takes back the enemy the speaker's forces fought, not the speaker."""
    return opponent(own, conflict) if _on_pronoun(words) else None


def _between_sides(m: Mentions, text: str, sentence: Segment) -> bool:
    """Whether the sentence sets two parties against each other: "بين الفصائل المسلحة وقوات الجيش"."""
    for actor in m.within("actor", sentence.start, sentence.end):
        before = bare(text[max(sentence.start, actor.start - 8) : actor.start]).split()[-1:]
        if before and before[0] in links().between and _joined_party(m, text, actor, sentence):
            return True
    words = text[sentence.start : sentence.end].split()  # "بين مجموعتين قبليتين": two unnamed parties
    pairs = zip(words, words[1:], strict=False)
    return any(a in links().between and b in links().party_pairs for a, b in pairs)


def _joined_party(m: Mentions, text: str, actor: Mention, sentence: Segment) -> bool:
    """Whether another party is joined to `actor` by و ("الفصائل المسلحة وقوات الجيش")."""
    for other in m.within("actor", actor.end, min(sentence.end, actor.end + _PAIR_REACH)):
        gap = bare(text[actor.end : other.start])
        if word_prefix(text, other.start).startswith("و") or gap.endswith("و"):
            return True
    return False


def _dative_side(m: Mentions, text: str, sentence: Segment, event: Mention) -> str | None:
    """The side after a loss word with ل: "خسائر للجانب الأرميني"، "خسائر لقوات العدو"."""
    after = m.within("actor", event.end, min(sentence.end, event.end + _SIDE_GAP))
    if not after:
        return None
    words = bare(text[event.end : after[0].start]).split()
    to_side = len(words) == 1 and words[0][:1] == "ل" and words[0].lstrip("ل") in links().side_nouns
    if not (to_side or (not words and word_prefix(text, after[0].start).endswith("ل"))):
        return None
    code = after[0].get("code")
    return code if code and code not in non_party() else None


def _attack_by(m: Mentions, text: str, sentence: Segment, conflict: Conflict | None) -> str | None:
    """The party an attack word names: "بقصف أرميني"، "في غارة إسرائيلية"، "هجوم للدعم السريع"."""
    for event in m.within("event", sentence.start, sentence.end):
        if event.get("kind") != "attack":
            continue
        after = m.within("actor", event.end, min(sentence.end, event.end + _SIDE_GAP))
        if after and _gap_in(bare(text[event.end : after[0].start]), links().side_links):
            code = _code_in(_group(m.within("actor", after[0].start, sentence.end), text, 0), conflict)
            if isinstance(code, str) and code not in non_party():
                return code
    return None


def _side_named(
    m: Mentions, text: str, sentence: Segment, thing: Any, conflict: Conflict | None, civil: bool = False
) -> str | None:
    """Where the text is silent on whose people suffered: a side word ("على الجانب الأرميني")
    in the sentence, else the party country where it happened (civilians belong to the state
    where they live)."""
    for actor in m.within("actor", sentence.start, sentence.end):
        head = bare(text[max(sentence.start, actor.start - 12) : actor.start]).split()
        if head and head[-1] in links().side_nouns and actor.get("code") not in non_party():
            return actor.get("code")
    if not (civil or thing.item in ("civilians", "people")) or conflict is None:
        return None
    for place in _resolved(m.within("place", sentence.start, sentence.end), conflict):
        holder = place.get("held") or place.get("country")  # Stepanakert's people are Karabakh's
        if conflict.side_of(holder) is not None:
            return holder
    return None


def _resolved(places: list[Mention], conflict: Conflict) -> list[Mention]:
    """Places whose country tells whose people live there. A name no gazetteer knows and no
    district places ("بلدة بونش") has only the article's main country: right in a war of one state
    against rebels, a toss between the two in a war of states."""
    if conflict.rebels is not None:
        return places
    return [p for p in places if not (p.key.startswith(_UNKNOWN) and p.get("precision") == "country")]


def control_agent(
    m: Mentions, text: str, sentence: Segment, event: Mention, claimant: Claimant, conflict: Conflict | None
) -> str | None:
    """Who took the place: the control word's subject; else the party named last before it in
    the sentence ("قوات النظام تمكنت ... من معاودة السيطرة"); else the claimant's side. A party
    that says "إنها ... بعد سيطرتها" speaks of its own taking."""
    own = side_code(claimant)
    if own and _possessed(text, event) and _of_itself(text, sentence, event):
        return own
    subject = _subject_force(m, text, event, sentence, conflict)
    styled = speaks_as().get(own or "")
    if styled is not None and subject == styled:
        return own  # the Houthis' "الجيش" took it: their own forces
    if isinstance(subject, str) and subject not in non_party():
        return subject
    for actor in reversed(m.within("actor", max(sentence.start, event.start - _CONTROL_REACH), event.start)):
        code = _code_in([actor], conflict)
        if (
            isinstance(code, str)
            and code not in non_party()
            and actor.get("type") not in ("media", "anon", "org")
            and not _made_in(text, actor)  # "أسقطت طائرة مسيرة تركية الصنع وسيطرت على"
            and not _backer(text, sentence, actor)  # "حركة إم 23 المدعومة من رواندا ... سيطروا"
        ):
            return code
    return side_code(claimant)


def fall_agent(
    m: Mentions, text: str, sentence: Segment, place: Mention, claimant: Claimant, conflict: Conflict | None
) -> str | None:
    """Who took a fallen town: the party after "بيد"، "في يد" ("سقوط الفاشر بيد قوات الدعم
    السريع"); else the enemy of the side that tells or denies the fall ("الجيش ينفي سقوط بابنوسة")."""
    for actor in m.within("actor", place.end, min(sentence.end, place.end + _FELL_TO_REACH)):
        words = bare(text[place.end : actor.start]).split()
        if words and any(w in links().fell_to for w in words):
            code = _code_in(phrase_at(m, text, actor), conflict)
            if isinstance(code, str):
                return code
    return opponent(side_code(claimant), conflict)


def refine_people(item: str, affected: str | None, member: bool) -> str:
    """Members of a side ("عنصر"، "أفراد"، "120 من عناصر") are soldiers of a state and fighters
    of a group."""
    if item != "people" or not member or affected is None:
        return item
    return "soldiers" if affected in states() else "fighters"


# --- qualifiers, totals, negation --------------------------------------------------------------


def qualifier(m: Mentions, thing: Any) -> str:
    """The qualifier right before the number ("الأفراد: نحو 702 ألف": after its label), or على الأقل
    after the thing."""
    start = thing.number.start if thing.number is not None else thing.start
    for marker in m.within("marker", max(0, start - 30), start):
        if marker.get("role") == "qualifier" and start - marker.end <= 2:
            return marker.get("value")
    for marker in m.within("marker", thing.end, thing.end + 25):
        # "... على الأقل" after the thing; not the "ما لا يقل عن" of the next figure
        at_least = marker.get("role") == "qualifier" and marker.get("value") == "at_least"
        if at_least and not m.within("number", marker.end, marker.end + 3):
            return "at_least"
    return "exact"


def is_cumulative(m: Mentions, text: str, sentence: Segment, anchor: int) -> bool:
    """A running total: a toll word in the sentence, or "in the fighting" with no date of its own;
    one after the claim's words only in the same clause ("مقتل 21 عسكريا لترتفع حصيلة قتلاها
    إلى 1177": the 21 are the day's dead, the 1177 the total)."""
    dated = bool(m.within("date", sentence.start, sentence.end))
    return any(
        mk.get("role") == "cumulative"
        and not (mk.get("value") == "undated" and dated)
        and ((mk.start < anchor and not _toll_of_another(m, mk, anchor)) or (
            mk.start >= anchor and not _clause_break(text[anchor : mk.end])
        ))
        for mk in m.within("marker", sentence.start, sentence.end)
    )


def _toll_of_another(m: Mentions, marker: Mention, anchor: int) -> bool:
    """A toll word the outlet opens with, before a party speaks of its own figure: "تضاربت الروايات
    حول حصيلة المعارك، إذ قال الجيش إنه قتل 300" (the 300 are no running total)."""
    return marker.key == _TOLL and any(
        v.get("frame") in ("say", "deny") for v in m.within("verb", marker.end, anchor)
    )


def _clause_break(gap: str) -> bool:
    """Whether words between two points open another clause: "فيما"، "ليرتفع" (not a comma: "مقتل
    2367 شخصا، في حصيلة أولية" is one clause)."""
    return any(w in links().clause_openers for w in bare(gap).split())


def negated(m: Mentions, event: Mention, sentence: Segment) -> bool:
    return any(
        mk.get("role") == "negation" and 0 <= event.start - mk.end <= 2
        for mk in m.within("marker", max(sentence.start, event.start - 10), event.start)
    )
