"""From mentions to claims: who says that what happened, how many, to whom, where and when.

Per sentence: reporting frames give the claimant (the nearest frame before a claim; a frame with no
subject of its own inherits the last claimant; no frame at all is the outlet's own voice). Counted
things are a number followed by an item ("150 عنصرا") or a casualty noun ("36 قتيلا"), or an item
whose grammar carries the count ("دبابتين"). Each takes the kind of the nearest event word, and its
sides from the words around it, or from the claimant's position in the conflict.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import NamedTuple, TypeVar

import regex

from marsad import sides
from marsad.model import Claim, Claimant, Count, DateRange, Document, Evidence, Mention, Place, Segment
from marsad.normalise import Normalised, normalise_form
from marsad.recognise.mentions import Mentions
from marsad.segment import LABEL_END, LABEL_LINE, LIST_ITEM, LIST_MARK
from marsad.sides import bare as bare_gap

PEOPLE = frozenset({"soldiers", "fighters", "civilians", "people"})
PLACES = frozenset({"settlements", "heights", "territory"})
PROPERTY = frozenset({"houses", "buildings", "infrastructure"})
_LAUNCHED = frozenset({"missiles", "drones"})
_SHIPPING = frozenset({"ships"})  # attacked at sea as counted targets, like positions on land
_SITES = frozenset({"place", "target"})  # item classes a count of which may be where, not what
_ARMED = frozenset({"soldiers", "fighters"})
# materiel one number may count together: "200 دبابة وعربة مدرعة"، "300 قطعة مدفعية وراجمة صواريخ"
_FAMILIES = (
    frozenset({"tanks", "armored_vehicles", "vehicles"}),
    frozenset({"artillery", "rocket_launchers", "mortars"}),
)
PEOPLE_KINDS = frozenset({"killed", "injured", "captured", "missing", "displaced", "casualties"})
_VICTIM_KINDS = PEOPLE_KINDS - {"displaced"}  # what may befall people who had fled

# What a kind becomes for a class of item: "القضاء على 100 عنصر" is killed, "دمر 5 دبابات"
# destroyed, "السيطرة على 18 دبابة" seized, "استولى على 3 قرى" took_control.
_KIND_BY_CLASS = {
    ("loss", "people"): "killed",
    ("loss", "materiel"): "destroyed",
    ("loss", "property"): "destroyed",
    ("destroyed", "people"): "killed",
    ("seized", "people"): "captured",
    ("seized", "place"): "took_control",
    ("took_control", "materiel"): "seized",
    ("seized", "target"): "took_control",
    ("loss", "target"): "destroyed",
    ("killed", "target"): "destroyed",
    ("took_control", "people"): "captured",
    ("injured", "materiel"): "damaged",
    ("killed", "materiel"): "destroyed",
    ("missing", "materiel"): "destroyed",  # "فقدان دبابتين": lost
}
_NOT_FOR = {
    "people": {"damaged", "took_control", "attack"},
    "materiel": {"injured", "captured", "displaced", "casualties", "attack"},
    "target": {"injured", "captured", "displaced", "missing", "casualties"},
    "place": {"killed", "injured", "captured", "displaced", "missing", "casualties", "attack", "loss"},
    "property": {"killed", "injured", "captured", "displaced", "missing", "casualties", "attack", "seized"},
    "events": {
        "killed",
        "injured",
        "captured",
        "displaced",
        "missing",
        "casualties",
        "destroyed",
        "damaged",
        "seized",
        "took_control",
        "loss",
    },
}
_OBJECT_REACH = 40
_LIST_GAP = 40
_SIDE_REACH = 24
_SPEAKER_GAP = 8
_BACKGROUND_DAYS = 366
_FIGURE_REACH = 24  # "(+1,120) عسكريا": a figure, its brackets and sign, before its unit
_UNNAMED = "anon.unnamed"
_UNNAMED_REACH = 60  # "قال لوكالة رويترز، طالبا عدم ذكر اسمه، إن": the request comes before what he said
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year written in a date
_ASIDE_WORDS = 6  # "بحسب خبراء الأمم المتحدة، السبت أن": the words of an aside before the إن/أن
_COARSE_DAYS = 28  # a date this long is a month or a year ("عام 2012"), not a day of the news
_OPENER_REACH = 30  # characters of a sentence's opening formula
_OBJECT_NOUN_REACH = 12  # "سيطرتها على المدينة": how far after a control word its object noun is
_NAME_WORDS = 2  # "لـ«العربية»": the words of an outlet's name a statement was made to
_PURPOSE_PREFIXES = ("ل", "ول", "لل", "ولل")  # "انطلقت لتحرير"، "محاولة للسيطرة على": what it is for
_ARMY_KEY = "institution.army"  # actors.yaml: "الجيش"، "قوات النظام" with no country named
_SHORTEST_NAME = 3  # letters of a bare name a line may open with ("س:" is a question)
_NAMED_REACH = 60  # "... الأوكرانية أولكسندر سيرسكي": a title's party before the name it goes with
_HEADLINE_LEAD = 3  # characters allowed before the name a headline opens with
_DUAL_MARK = regex.compile("\u064e\u064a\u0652?\u0646\\b")  # َيْن: the fatha of a dual's ending
_LABEL_WORDS = 2  # words after a label's noun before its colon
_ANSWER_LINE = regex.compile(r"(?:^|\n)[ \t]*(?:ج|جواب|الجواب)[ \t]*[:\-–]")
_ANSWER_OPEN = regex.compile(r"(?:ج|جواب|الجواب)\s*(?:\(([^()\n]{2,80})\))?\s*:")  # "ج (المتحدث):"
_QUESTION_LINE = regex.compile(r"(?:^|\n)[ \t]*(?:س|سؤال|السؤال)[ \t]*[:\-–]")
_OF = "من"
_TOTAL_REACH = 8  # characters before a figure where "إلى"، "بلغ" make it the total a tally reached
_OPENING = 6  # characters before a frame that still opens its sentence ("وبحسب")
_NEEDS_REACH, _NEEDS_WORDS = 60, 6  # "نقلت وسائل إعلام إسرائيلية رسمية عن": a relay's source is near
# "ميكيلي -"، "طرابلس (رويترز) -"، "لندن: «الشرق الأوسط» -"
_DATELINE_TAIL = regex.compile(r"\s*(?:\([^()\n]{1,40}\)\s*|:\s*«[^«»\n]{1,40}»\s*)?[-–—]")
_OUTLET_AFTER_COLON = regex.compile(r":\s*«[^«»\n]{1,40}»\s*[-–—]")  # a dateline's place, then the outlet
# a live blog's "10:45 - ", a ticker's "عاجل |"
# a channel's "⚡️ 10:40 | عاجل: " (marks, a time, a label)
_LINE_LEAD = regex.compile(
    r"[^\p{L}\p{N}\n]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[\s\-–—•*|]*(?:(?:عاجل|خاص|متابعة|تحديث)[\s:|\-–—]*)?"
)
_MODEL_WORDS = 2  # the words of a model name not in the lexicon: "ستورم شادو"
_INDEX_MARKS = frozenset(".)-–")  # after the number of a list line
_MEMBER_BREAKS = ("،", ",", "\n")  # a comma or a new list line: the next noun has a number of its own
_QUOTE_PAIRS = (("«", "»"), ("“", "”"))
_ANY_REACH = 6  # "على أي هجوم"
_OUT_OF_REACH = 16  # "40 من أصل 52"
_OBJECT_GAP = 3  # between an active verb and its object
_TOWARDS_REACH = 8  # "باتجاه البحر"
_PERIOD_REACH = 8  # "أثناء احتلالها"
_TALLY_REACH = 8  # "عدد القتلى"
_LINE_STOPS = (".", "\n", "؟", "!")  # no number reaches its noun across these
_PAST_REACH = 14  # "وكانت يريفان قد أعلنت": how far before a reporting verb its past auxiliary is
_CONFIRM_REACH = 30  # "12 عربة بحالة جيدة": how far after a count its confirming words may be
_LATTER_REACH = 10  # "نفت الأخيرة"
_MONITOR_REACH = 24  # "سجل مكتب الإعلام الحكومي 7 حالات": how soon a monitor's tally follows its subject
_WORD_REACH = 12  # one word
_AFTER_NOUN = frozenset({1, 2})  # the numbers written after their noun: "مدني واحد"، "جنديين اثنين"
_ACCUSATIVE_ENDS = frozenset({"", "ا"})  # what is left of "أرمينيا" once its demonym "أرميني" is cut
_TALLY_AFTER = 40  # "226 عدد المدنيين الذين قتلوا": how far after the figure its casualty word is
_OCCASION_REACH = 24  # "في مؤتمر صحفي عقده في أبوجا"
_WORDS_NEAR = 14  # a word or two around a thing: "حطام إحدى"، "فقد نحو"، "وظائفهم"
_WHERE_REACH = 24  # characters between a town and the region it lies in
_ROUNDUP_SECTIONS = 2  # country-labelled sections that make an article a round-up of several wars
_LABEL_REACH = 3  # a section label's country name opens its paragraph
_PRESENT_PREFIXES = frozenset("تي")  # "تسيطر"، "يسيطر": a verb in the present tense
_FROM = "عن"
_SOURCE_REACH = 45  # 'وكالة "سبأ" بنسختها الخاضعة للحوثيين عن': from the agency to the عن of its source
_SOURCE_WORDS = 5
_TAIL_REACH = 20  # characters before a number that may make it no count ("البالغ عددهم 21")
_RECALL_TO = 8  # words: how far after "وتعود" its "إلى" may be
_TO = normalise_form("إلى")
_PLAIN_IN = frozenset({"في", "ب"})  # "في نيالا": where, not a district noun ("في محافظة فضولي")
_UNKNOWN_PLACE = "unknown:"  # the key of a name a place cue introduced that the gazetteer lacks
_DATELINE_DASH = regex.compile(r"\s[-–—]\s")  # "عنب بلدي – السويداء:": outlet and place
_CLAUSE_BREAK = regex.compile(r"[،,؛;.:\n]")
_MATERIEL_LOSSES = frozenset({"destroyed", "damaged", "seized"})
_FREED_REACH = 60  # how far before captives a freeing word of their clause may stand
_RANKS_REACH = 12  # "قتيلا في صفوفهم"
_WEAPON_REACH = 60  # characters from an attack word to the weapon "ب" names ("استهدفت هدفا في يافا بصاروخ")
_SUBSET_REACH = 24  # characters from a count to the part "بينهم طفل" names of it
_SUBSET_LEAD = 12  # how far before a number "بينهم" or "من بينهم" may stand
_OF_GAP = 2  # between "من" and the group it makes the counted people members of
_MODEL = ".model"  # the key ending of an item lexicon's model names
_HEAD_REACH = 12  # how far before a model name its generic head noun may be ("نظام "تور"")
_QUOTES_AND_SPACE = " \"'«»“”"
_JOINERS = "وف"  # the proclitics of a list member: "ونظام"
_MODEL_REACH = 30  # "نظام صاروخي من طراز "توس-1"": how far after a counted thing its model is named
_BODY_WORDS = 5  # "مصفوفة تتبع النزوح التابعة": the words of an unknown body before the party it belongs to
_ISSUER_REACH = 70  # "حسب ما أفاد به البلاغ العسكري رقم 217 الصادر عن": verb to the issuer
_COMPLEMENT_REACH = 45  # "وتابعت الشعبة، في بيان عسكري، أنها": how far after a verb what was said begins
_COMPLEMENT_WORDS = 6
_RELAYING = frozenset({"according", "quote", "publish"})  # verbs.yaml frames that carry another's words
_ARTICLE = "ال"
_CAME_UNDER = 90
_INCLUDING_GAP = 40
_CONTROL_GAP = 90
_GAP_PAIR = 12  # characters allowed between a number and its item ("150 عنصرا"، "5 من جنودها")
_ALONGSIDE_REACH = 12
_WHOLE_REACH = 120  # "جنودا أوغنديين يتمركزون في القاعدة ... وإن اثنين منهم": the group taken back
_ROAD_REACH = 30  # "الطريق الواصل بين": the longest road words before the towns it joins
_ROAD_JOIN = 4  # "حلب- دمشق"، "حلب ودمشق": the gap between a road's two towns
_OWN_COUNT_REACH = 16  # "وأصابوا أكثر من 900": a joined verb's own figure a qualifier away
_PLACE_NAME_REACH = 30  # "ودارة عزة 3": the longest place name before a figure of a breakdown
_RANK_REACH = 8
_OWN_FORCE_LEAD = 24  # "أما مجموعة قوات ...": how far into a sentence its subject may open
_FACILITY = "fac."  # the gazetteer's keys of facilities (a division's headquarters, an airport)
_CUE_NOUN_REACH = 8  # "تلة لالا تبه": the noun a place's name follows
_ANNOUNCED_REACH = 30  # "التي كانت الوزارة قد أعلنت السيطرة عليها": the announcing verb before
_JOINED_GAP = 40  # "11 جنديا وفقدان"، "1200 من عناصرها في كردفان، وأسرنا": a list's next member
_EVENT_BEFORE = 160
_EVENT_AFTER = 40
_EVENT_ADJACENT = 20  # an event word this close before a count governs it, whatever its kind


def item_class(item: str) -> str:
    if item in PEOPLE:
        return "people"
    if item in PLACES:
        return "place"
    if item in PROPERTY:
        return "property"
    if item == "strikes":
        return "events"
    if item == "positions":  # a position is attacked, destroyed or taken
        return "target"
    return "materiel"


@dataclass(frozen=True, slots=True)
class Counted:
    """A counted thing in a sentence: the number (or none), the item, and the words' extent."""

    start: int
    end: int
    item: str
    value: int | None
    high: int | None
    number: Mention | None
    item_mention: Mention
    event: Mention | None = None  # a casualty noun carries its own kind ("36 قتيلا")
    others: bool = False  # "و26 آخرين": more of the same people as the thing counted before
    suffered: bool = False  # "40 حالة اعتقال": counted as victims, whatever the word's voice
    daily: bool = False  # "الدبابات: 11,340 (+3)": the last day's, beside the running total


@dataclass(frozen=True, slots=True)
class Frame:
    """A reporting frame: where it sits, who it names, and whether it denies."""

    start: int
    end: int
    claimant: Claimant
    modality: str = "asserted"
    relays: bool = False  # "حسب"، "نقلت عن"، "نشرته": it carries another's words, not its own
    nominal: bool = False  # "بيان الدعم السريع": a statement named, not a speaker speaking
    forward: bool = False  # "اتهمت نيودلهي إسلام آباد بالوقوف وراءه": an accusation claims only what follows


class _Doc:
    """Read-only view of one document for the rules below."""

    def __init__(self, doc: Document, norm: Normalised, mentions: Mentions) -> None:
        actors = [a for a in mentions.of("actor") if not a.get("only_in_conflicts")]
        self.conflict = sides.conflict_of(actors, norm.text)
        self.doc, self.norm, self.text = doc, norm, norm.text
        self.m = _unshadowed(mentions, self.conflict)
        ends = [d.get("end") for d in mentions.of("date") if d.get("end")]
        self.latest = date.fromisoformat(max(ends)) if ends else None


def _unshadowed(m: Mentions, conflict: sides.Conflict | None) -> Mentions:
    """Mentions without the words inside a longer name of another kind: the تحرير of "هيئة تحرير
    الشام" is no taking, the تدمر of "أذربيجان تدمر أرتالا" no place when it is the verb; and
    without a generic name outside the wars it names an actor in ("التحالف" in a Sahel article)."""
    actors = _Spans([a for a in m.of("actor") if a.end - a.start > 0])
    events = _Spans(m.of("event"))
    groups = dict(m.by_kind)
    groups["actor"] = [a for a in m.of("actor") if _in_its_wars(a, conflict)]
    groups["event"] = [e for e in m.of("event") if not _inside(e, actors, strict=True)]
    places = _Spans(m.of("place"))  # "فادا نغورما" is a town, not "فاد" + alif
    groups["verb"] = [
        v for v in m.of("verb") if not _inside(v, actors, strict=True) and not _inside(v, places, strict=True)
    ]
    groups["marker"] = [k for k in m.of("marker") if not _inside(k, actors, strict=True)]
    groups["place"] = [
        p
        for p in m.of("place")
        if not _inside(p, events, strict=False) and not _inside(p, actors, strict=True)
    ]  # "غزة" in "وزارة الصحة في غزة" names the speaker, not where it happened
    dates = _Spans(m.of("date"))
    groups["number"] = [  # "27 سبتمبر 2020"، "القناة 12 الإسرائيلية"، "حركة 23 مارس"
        n
        for n in m.of("number")
        if not _inside(n, dates, strict=False) and not _inside(n, actors, strict=True)
    ]
    groups["item"] = [  # the "مسلح" of "القوات المسلحة" is no gunman counted
        i for i in m.of("item") if not (i.get("count") and _inside(i, actors, strict=True))
    ]
    return Mentions.ordered(groups, m.report_date)


def _in_its_wars(actor: Mention, conflict: sides.Conflict | None) -> bool:
    if not actor.get("only_in_conflicts"):
        return True
    return conflict is not None and conflict.id in actor.get("conflicts")


class _Spans:
    """The spans of some mentions sorted by start, with the longest one's length: a span that
    holds a mention starts at most that far before the mention's end."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.spans = [(x.start, x.end) for x in mentions]
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)


def _inside(mention: Mention, spans: _Spans, *, strict: bool) -> bool:
    """Whether `mention` lies within one of `spans` (strictly shorter than it, when `strict`)."""
    earliest = mention.end - spans.longest
    for k in range(bisect_right(spans.starts, mention.start) - 1, -1, -1):
        start, end = spans.spans[k]
        if start < earliest:
            break
        if mention.end <= end and (not strict or end - start > mention.end - mention.start):
            return True
    return False


def extract_claims(
    doc: Document, norm: Normalised, sentences: list[Segment], mentions: Mentions
) -> list[Claim]:
    """All claims of one document, deduplicated per claims.md rule 2."""
    view = _Doc(doc, norm, mentions)
    told: list[_Told] = []
    last: tuple[Claimant, int] | None = None  # the last claimant and its paragraph
    speaker: Claimant | None = None  # the last party that spoke, for "وأوضحت الوزارة"
    answers = _ANSWER_LINE.search(view.text) is not None  # an interview's "ج:" lines
    interviewee = _interviewee(view, sentences) if answers else None
    opener: tuple[Claimant, int] | None = None  # the speaker a line opens with, and its paragraph
    answerer: Claimant | None = None  # who answers an interview told inline ("ج (X): ...")
    sections = _sections(view, sentences)
    base = view
    for sentence in sentences:
        view = sections.get(sentence.paragraph, base)
        if sentence.headline:
            last = None
        frames = _frames(view, sentence, last, speaker)
        if not frames and interviewee is not None and _answers(view, sentence):
            frames = [Frame(sentence.start, sentence.start, interviewee)]  # "ج: قتلنا 137 إرهابيا"
        if not frames and (answer := _inline_answer(view, sentence, answerer)) is not None:
            frames, answerer = [Frame(sentence.start, sentence.start, answer)], answer
        if opener is not None and opener[1] != sentence.paragraph:
            opener = None
        if not frames and opener is not None:
            frames = [Frame(sentence.start, sentence.start, opener[0])]  # "11:02 - سلاح الجو: ... . وأسقطت"
        if not frames and last is not None and _own_force_goes_on(view, sentence, last):
            # a ministry's summary, paragraph after paragraph: "أما مجموعة قوات الوسط فقد صدت"
            frames = [Frame(sentence.start, sentence.start, last[0])]
        opener = opener or _line_opener(view, sentence)
        if (
            not frames
            and last is not None
            and (
                (last[1] == sentence.paragraph and _in_quote(view, sentence))
                or _quote_goes_on(view, sentence)
            )
        ):
            # «قتلنا 50 من المرتزقة. ودمرنا 3 عربات»: the quote goes on in the speaker's words, also
            # into the next paragraph when it closes there
            frames = [Frame(sentence.start, sentence.start, last[0])]
        if frames:
            # "وأضاف" continues the party that spoke, not the agency that relayed it
            speaking = [f for f in frames if not f.nominal and not f.relays] or frames
            heir = speaking[-1]
            last = (heir.claimant, sentence.paragraph)
            speaker = next(
                (
                    f.claimant
                    for f in reversed(frames)
                    if f.modality != "denied" and sides.side_code(f.claimant)
                ),
                speaker,
            )
        told.extend(_sentence_claims(view, sentence, frames))
    return _recoded(_dedupe(told), view.conflict)


def _sections(view: _Doc, sentences: list[Segment]) -> dict[int, _Doc]:
    """A round-up of several wars in sections a country's name opens ("السودان: قالت ..."، "ليبيا:
    ..."): each section, to the next, read in the war its own words name. Paragraph -> view."""
    labels = [s for s in sentences if not s.headline and _country_label(view, s)]
    if len(labels) < _ROUNDUP_SECTIONS:
        return {}
    out: dict[int, _Doc] = {}
    ends = [label.start for label in labels[1:]] + [len(view.text)]
    for label, end in zip(labels, ends, strict=True):
        section = copy(view)
        # the war the labelled paragraph itself names: a closing comment may name others
        own = view.text.find("\n", label.start)
        own = end if own < 0 else min(own, end)
        actors = [a for a in view.m.within("actor", label.start, own) if not a.get("only_in_conflicts")]
        section.conflict = sides.conflict_of(actors, view.text[label.start : own]) or view.conflict
        for sentence in sentences:
            if label.start <= sentence.start < end:
                out[sentence.paragraph] = section
    return out


def _country_label(view: _Doc, sentence: Segment) -> bool:
    """Whether a paragraph opens with a country's name and a colon: "سوريا: وثق المرصد ..."."""
    if view.text[sentence.start - 1 : sentence.start] not in ("", "\n"):
        return False
    first = view.m.within("actor", sentence.start, sentence.start + _LABEL_REACH)
    if not first or first[0].get("type") != "state":
        return False
    return view.text[first[0].end : first[0].end + 1] == ":"


def _recoded(claims: list[Claim], conflict: sides.Conflict | None) -> list[Claim]:
    """The record's codes for this war (conflicts.yaml `recode`): claims.md keeps COALITION for the
    Saudi-led coalition, so against ISIS "التحالف الدولي" is written as its leader, USA."""
    codes = dict(conflict.recode) if conflict is not None else {}
    if not codes:
        return claims
    return [
        replace(
            claim,
            claimant=replace(claim.claimant, actor=codes.get(claim.claimant.actor, claim.claimant.actor)),
            affected=codes.get(claim.affected, claim.affected),
            agent=codes.get(claim.agent, claim.agent),
        )
        for claim in claims
    ]


# --- attribution -------------------------------------------------------------------------------


def _line_opener(view: _Doc, sentence: Segment) -> tuple[Claimant, int] | None:
    """The speaker before the colon a body line opens with ("11:02 - سلاح الجو الأوكراني: ..."):
    the line's later sentences are its words too."""
    opens_line = sentence.start == 0 or view.text[sentence.start - 1] == "\n"
    if sentence.headline or not opens_line:
        return None
    frame = _colon_speaker(view, sentence)
    return (frame.claimant, sentence.paragraph) if frame is not None else None


def _interviewee(view: _Doc, sentences: list[Segment]) -> Claimant | None:
    """Who answers an interview's questions: the speaker its headline opens with ("قائد عمليات
    الجيش الصومالي: قتلنا 137"), else the first party named before the first question."""
    if sentences and sentences[0].headline:
        speaker = _colon_speaker(view, sentences[0])
        if speaker is not None:
            return speaker.claimant
    question = _QUESTION_LINE.search(view.text)
    end = question.start() if question else len(view.text)
    for actor in view.m.within("actor", 0, end):
        if sides.located(view.text, actor):
            continue  # "الحرب في أوكرانيا": where, not who answers
        if sides.side_code(Claimant(actor.get("code") or "", "", "")):
            phrase = sides.phrase_at(view.m, view.text, actor)
            return sides.claimant_of(phrase, view.m, view.norm.source_text, conflict=view.conflict)
    return None


def _inline_answer(view: _Doc, sentence: Segment, answerer: Claimant | None) -> Claimant | None:
    """ "ج (نائب وزير خارجية قره باغ): لدينا 19 قتيلا"، then "ج: نقدرها بأكثر من 3 آلاف": an answer
    opening a sentence, by the speaker its bracket names, else by the one who answered before."""
    found = _ANSWER_OPEN.match(view.text, sentence.start, sentence.end)
    if found is None:
        return None
    actors = view.m.within("actor", found.start(1), found.end(1)) if found.group(1) else []
    if not actors:
        return answerer
    phrase = sides.phrase_at(view.m, view.text, actors[0])
    return sides.claimant_of(phrase, view.m, view.norm.source_text, conflict=view.conflict)


def _own_force_goes_on(view: _Doc, sentence: Segment, last: tuple[Claimant, int]) -> bool:
    """Whether a sentence with no frame, in the paragraph after a military speaker's, opens with
    that speaker's own forces as its subject: the summary goes on."""
    claimant, paragraph = last
    if claimant.role != "MIL" or claimant.actor in ("ANON", "MEDIA") or sentence.paragraph - paragraph > 1:
        return False
    opening = view.m.within("actor", sentence.start, sentence.start + _OWN_FORCE_LEAD)
    if opening and opening[0].get("type") == "force" and opening[0].get("code") == claimant.actor:
        return True
    # "وفي اتجاه دنيبر، خسر العدو ...": its enemy, named as the speaker names it
    enemy = view.m.within("marker", sentence.start, sentence.start + 2 * _OWN_FORCE_LEAD)
    named_first = bool(enemy) and bool(view.m.within("actor", sentence.start, enemy[0].start))
    return any(k.get("role") == "enemy" for k in enemy) and not named_first


def _answers(view: _Doc, sentence: Segment) -> bool:
    """Whether a sentence stands on an interview's answer line ("ج: ..."), or on a line that goes on
    with the answer before it (no question between: "ج: ... \nأما خسائرنا فبلغت 63 شهيدا")."""
    line = view.text.rfind("\n", 0, sentence.start) + 1
    if _ANSWER_LINE.match(view.text, max(0, line - 1)) is not None:
        return True
    if line == 0 or _QUESTION_LINE.match(view.text, line - 1) is not None:
        return False
    previous = view.text.rfind("\n", 0, line - 1) + 1
    return _ANSWER_LINE.match(view.text, max(0, previous - 1)) is not None


def _in_quote(view: _Doc, sentence: Segment) -> bool:
    """Whether a quote opened earlier on the sentence's line is still open where it starts."""
    line = view.text[view.text.rfind("\n", 0, sentence.start) + 1 : sentence.start]
    return any(line.count(a) > line.count(b) for a, b in _QUOTE_PAIRS) or line.count('"') % 2 == 1


def _quote_goes_on(view: _Doc, sentence: Segment) -> bool:
    """A paragraph that closes a quote the paragraph before it opened: «... \n ... »."""
    line = view.text.rfind("\n", 0, sentence.start) + 1
    line_end = view.text.find("\n", sentence.start)
    here = view.text[line : line_end if line_end >= 0 else len(view.text)]  # closed later in the line too
    before = view.text[view.text.rfind("\n", 0, max(0, line - 2)) + 1 : line]
    for opening, closing in _QUOTE_PAIRS:
        closes = closing in here and opening not in here[: here.find(closing)]
        # a quote over paragraphs opens each one again: «... \n«... »
        reopens = here.lstrip().startswith(opening)
        if (closes or reopens) and before.count(opening) > before.count(closing):
            return True
    # straight quotes: one left open in the paragraph before and one closing this one ('"...\n..."')
    return before.count('"') % 2 == 1 and here.count('"') % 2 == 1 and not here.lstrip().startswith('"')


def _frames(
    view: _Doc, sentence: Segment, inherited: tuple[Claimant, int] | None, speaker: Claimant | None
) -> list[Frame]:
    """Frames of a sentence. A frame with no subject of its own ("وأضاف أن") inherits the last
    claimant: within its paragraph, or across paragraphs when it opens the sentence."""
    frames: list[Frame] = []
    for verb in view.m.within("verb", sentence.start, sentence.end):
        kind = verb.get("frame")
        if kind == "publish" and frames:
            continue  # "وقال التحالف في بيان نشرته وكالة ...": the agency only carried it
        if verb.get("complement") and not _complement_after(view, verb):
            continue  # "قيادي يدعى عبد الحميد": is called, does not claim
        if verb.get("needs") and not _word_within(view, verb.end, verb.get("needs")):
            continue  # "أنقرة نقلت مرتزقة": moved, not relayed (نقلت وكالة رويترز عن)
        aside = kind == "according" and not verb.get("relays") and frames
        if aside and _before_complement(view, frames[-1], verb, sentence):
            continue  # "أعلنت حركة إم 23، المدعومة من رواندا بحسب خبراء الأمم المتحدة، أن": an aside
        if frames and _describes_a_noun(view, verb):
            continue  # "وصف أرقام الخسائر التي أعلنتها موسكو بأنها مضخمة": cited in another's words
        if frames and _own_saying(view, verb):
            last = frames[-1]
            frames.append(Frame(verb.start, verb.end, last.claimant, last.modality))
            continue
        phrase = _fronted_subject(view, sentence, verb) if kind in ("say", "deny") else None
        if kind in ("say", "deny", "quote", "according"):
            phrase = phrase or _issuer(view, sentence, verb)
        according = kind == "according"
        phrase = phrase or sides.actor_phrase_after(view.m, view.text, verb.end, sentence.end, according)
        if phrase is not None and kind != "according" and view.m.within("verb", verb.end, phrase[0].start):
            # "في بيان نشرته وكالة": the agency is the next verb's subject ("وفقا لما نشره" is one frame)
            phrase = None
        if verb.get("accuses"):
            phrase = _accuser(view, sentence, verb, phrase)
        if phrase is None and kind in ("say", "deny", "quote", "publish"):
            phrase = sides.actor_phrase_before(view.m, view.text, verb.start, sentence.start)
        if phrase is None and not frames and kind in ("say", "deny"):
            phrase = _opening_subject(view, sentence, verb)
        if phrase is not None:
            previous = frames[-1].claimant if frames else speaker
            if previous is None and inherited is not None:
                # "وأضاف المسؤولون" after "قال مسؤولون أمنيون"; "وقال المتحدث" after "نفى المتحدث"
                previous = inherited[0]
            claimant = sides.claimant_of(phrase, view.m, view.norm.source_text, previous, view.conflict)
            watched = verb.get("monitor") and sides.side_code(claimant)
            if watched and not _tally_follows(view, phrase[-1].end):
                continue  # "وحدات الجيش رصدت تحركات": the army watched; "سجل المكتب 7 حالات" reports
        elif (topic := _pronoun_subject(view, verb) or _the_latter(view, verb)) is not None:
            claimant = topic
        elif kind == "according" and inherited is not None and _statement_subject(view, verb):
            claimant = inherited[0]  # "..., وفق البيان": the statement of the last speaker
        elif kind in ("according", "publish"):
            continue
        elif frames:
            claimant = frames[-1].claimant
        elif inherited is not None and (
            inherited[1] == sentence.paragraph
            or verb.start - sentence.start <= 8
            or _statement_subject(view, verb)
        ):
            claimant = inherited[0]
        else:
            continue
        where = phrase is not None and _where_said(view, verb, phrase)  # "في إيجاز صحفي بالعاصمة أبوجا"
        carried = claimant.actor in ("ANON", "MEDIA") or where  # "في بيان تلقت السومرية نيوز نسخة منه"
        if kind == "quote" and frames and carried and _statement_of(view, frames[-1], verb):
            # "أكدت هيئة الأركان، في بيان تلاه متحدث عسكري، أن": the body's statement, read out
            claimant = frames[-1].claimant
        elif claimant.actor != "ANON" and _unnamed(view, verb.start, verb.end):
            # "قال ...، طالبا عدم ذكر اسمه، إن": an unnamed source of the party it belongs to
            claimant = replace(claimant, actor="ANON", role="ANON", side=sides.side_code(claimant))
        modality = verb.get("modality", "asserted")
        quoted = _quoted_source(view, sentence, phrase, claimant, modality) if phrase is not None else []
        relays = bool(quoted) or _relays(view, verb, frames)
        accuses = bool(verb.get("accuses"))
        frames.append(Frame(verb.start, verb.end, claimant, modality, relays, kind == "quote", accuses))
        frames.extend(quoted)
    return frames


def _where_said(view: _Doc, noun: Mention, phrase: list[Mention]) -> bool:
    """Whether the capital or country after a statement noun names where it was given."""
    if phrase[0].get("type") not in ("capital", "state"):
        return False
    words = bare_gap(view.text[noun.end : phrase[0].start]).split()
    prefix = sides.word_prefix(view.text, phrase[0].start)
    return "في" in words or any(w[:1] == "ب" for w in words) or prefix in ("ب", "في")


def _statement_of(view: _Doc, frame: Frame, noun: Mention) -> bool:
    """Whether a statement noun is the means of the frame just before it: "في بيان" in the aside
    right after the speaker ("أكدت الهيئة، في بيان")."""
    gap = bare_gap(view.text[frame.end : noun.start]).split()
    return bool(gap) and gap[-1] == "في" and view.text[frame.end : noun.start].count("،") == 1


def _describes_a_noun(view: _Doc, verb: Mention) -> bool:
    """A saying verb in a relative clause whose pronoun takes back the noun before it ("التي
    أعلنتها موسكو"): it names the noun's source; it frames nothing."""
    before = bare_gap(view.text[max(0, verb.start - 8) : verb.start]).split()[-1:]
    if not before or before[0] not in sides.links().relatives:
        return False
    return sides.word_suffix(view.text, verb.end) in sides.links().object_pronouns


def _issuer(view: _Doc, sentence: Segment, verb: Mention) -> list[Mention] | None:
    """ "وقال بيان صادر عن وزارة الدفاع"، "حسب ما أفاد به البلاغ العسكري رقم 217 الصادر عن وزارة
    الدفاع الصحراوية": who issued the statement the verb cites speaks, and the party an unknown body
    belongs to speaks through it."""
    after = view.m.within("actor", verb.end, min(sentence.end, verb.end + _ISSUER_REACH))
    if not after:
        return None
    prefix = sides.word_prefix(view.text, after[0].start)
    words = bare_gap(view.text[verb.end : after[0].start - len(prefix)]).split()
    if any(w in sides.links().complementisers for w in words):
        return None
    issued = sides.links().issued_by
    # "وأفادت مصفوفة تتبع النزوح التابعة للمنظمة الدولية للهجرة": a body of the party after it
    belongs = words[-1:] and words[-1] in sides.links().belongs_to and len(words) <= _BODY_WORDS
    belongs = belongs and prefix.endswith("ل")
    if not belongs and not (words[-1:] and words[-1] in issued) and " ".join(words[-2:]) not in issued:
        return None
    return sides.phrase_at(view.m, view.text, after[0])


def _accuser(
    view: _Doc, sentence: Segment, verb: Mention, after: list[Mention] | None
) -> list[Mention] | None:
    """Who accuses: the subject right before the verb ("كينشاسا تتهم «إم 23»"), else the party
    after it up to the one it accuses ("اتهم الجيش الكونغولي، الأربعاء، متمردي حركة إم 23")."""
    before = sides.actor_phrase_before(view.m, view.text, verb.start, sentence.start)
    if before is not None and not view.text[before[-1].end : verb.start].strip():
        return before
    if after is None:
        return None
    named = next((i for i, actor in enumerate(after) if actor.get("code")), len(after))
    accused = next((i for i in range(named + 1, len(after)) if after[i].get("type") != "demonym"), len(after))
    return after[:accused]


def _before_complement(view: _Doc, frame: Frame, verb: Mention, sentence: Segment) -> bool:
    """Whether a word stands between a saying verb and the إن/أن that opens what it says."""
    between = bare_gap(view.text[frame.end : verb.start]).split()
    if any(w in sides.links().complementisers for w in between) or ":" in view.text[frame.end : verb.start]:
        return False
    after = bare_gap(view.text[verb.end : sentence.end]).split()[:_ASIDE_WORDS]
    return any(w in sides.links().complementisers for w in after)


def _statement_subject(view: _Doc, verb: Mention) -> bool:
    """ "أشار الملخص إلى أن"، "وفق البيان": a statement named as the subject or source is the last
    speaker's, however far back it spoke."""
    after = view.m.within("verb", verb.end, verb.end + 2)
    if not after or view.text[verb.end : after[0].start].strip():
        return False
    return after[0].get("frame") == "quote"


def _unnamed(view: _Doc, start: int, end: int) -> bool:
    """A speaker who asked not to be named ("طالبا عدم ذكر اسمه") right around its saying verb."""
    found = view.m.within("actor", start, end + _UNNAMED_REACH)
    return any(a.key == _UNNAMED for a in found)


def _tally_follows(view: _Doc, pos: int) -> bool:
    """Whether a count or a casualty word follows soon after a monitor's subject."""
    end = pos + _MONITOR_REACH
    return bool(view.m.within("number", pos, end) or view.m.within("event", pos, end))


def _fronted_subject(view: _Doc, sentence: Segment, verb: Mention) -> list[Mention] | None:
    """ "أما وزارة الدفاع الأرمينية فقالت عبر المتحدثة باسمها": the party fronted by أما is the
    subject of the verb that ف opens, not the spokesperson after it."""
    lead = view.text[max(sentence.start, verb.start - 4) : verb.start]
    if not (lead.endswith("ف") or lead.endswith("فقد ")):  # "أما موقع أوريكس ... فقد أحصى"
        return None
    opening = bare_gap(view.text[sentence.start : sentence.start + _WORDS_NEAR]).split()[:1]
    if not opening or opening[0] not in sides.links().fronting:
        return None
    end = verb.start - (4 if lead.endswith("فقد ") else 1)
    while end > sentence.start and view.text[end - 1] in " ،,()":
        end -= 1  # "أما مكتب الأمم المتحدة (أوتشا)، فأفاد": past the bracket and the comma
    if view.m.within("actor", verb.end, verb.end + 2):
        return None  # "أما في الجانب الأرميني، فقد أفاد أمين المظالم": the subject right after the verb
    # 'أما موقع "أوريكس" المتخصص في توثيق الخسائر، فقد أحصى'، 'أما «المقاومة الإسلامية في العراق»،
    # وهي مظلة ... موالية لإيران، فقد أعلنت': the party أما fronts, however it is described
    fronted = [a for a in view.m.within("actor", sentence.start, end) if not sides.located(view.text, a)]
    if fronted:
        return sides.phrase_at(view.m, view.text, fronted[0])
    return sides.actor_phrase_before(view.m, view.text, end, sentence.start)


def _opening_subject(view: _Doc, sentence: Segment, verb: Mention) -> list[Mention] | None:
    """ "وتبنت جماعة X الهجوم، وقالت إنها ...": a saying verb joined by و, with no subject of its
    own, shares the subject of the verb that opens the sentence (or the subject it opens with); so
    does a participle after a comma ("وتبنت الجماعة الهجوم في بيان، مؤكدة أنها ...")."""
    joined = view.text[verb.start - 1 : verb.start] == "و"
    if not joined and not view.text[max(0, verb.start - 3) : verb.start].rstrip().endswith(("،", ",")):
        return None
    actors = view.m.within("actor", sentence.start, verb.start)
    if not actors:
        return None
    lead = view.text[sentence.start : actors[0].start].rstrip()
    head = lead[lead.rfind(" ") + 1 :]  # the opening verb, if any
    before = lead[: len(lead) - len(head)].rstrip()
    if len(bare_gap(head).split()) > 1 or (before and before[-1] not in "،,"):
        return None
    return sides.phrase_at(view.m, view.text, actors[0])


def _complement_after(view: _Doc, verb: Mention) -> bool:
    """Whether what was said follows the verb: إن/أن, a colon or a quote within a few words."""
    end = verb.end + _COMPLEMENT_REACH
    for kind in ("verb", "event", "number"):  # "قيادي يدعى فلان الذي قال إن": not past another verb
        nxt = [x for x in view.m.within(kind, verb.end + 1, end) if x.get("frame") not in _RELAYING]
        end = nxt[0].start if nxt else end  # "في بيان عسكري، أنها" goes on
    after = view.text[verb.end : end]
    words = bare_gap(after).split()[:_COMPLEMENT_WORDS]
    return any(w in sides.links().complementisers for w in words) or any(c in after for c in ':"«“')


def _word_within(view: _Doc, end: int, words: str) -> bool:
    """Whether a word of the links.yaml list `words` is among the few words after `end`."""
    after = bare_gap(view.text[end : end + _NEEDS_REACH]).split()[:_NEEDS_WORDS]
    return any(w in getattr(sides.links(), words) for w in after)


def _own_saying(view: _Doc, verb: Mention) -> bool:
    """ "عن المتحدثة ... قولها": "her saying" is the words of the one just named."""
    word = view.text[verb.start : verb.end] + sides.word_suffix(view.text, verb.end)
    return word in sides.links().own_saying


def _quoted_source(
    view: _Doc, sentence: Segment, agency: list[Mention], carrier: Claimant, modality: str
) -> list[Frame]:
    """ "نقلت وكالة فرانس برس عن المتحدثة باسم الحكومة الأرمينية": the party the agency quotes
    speaks, from where it is named."""
    # 'وكالة "سبوتنيك" عن'، 'وكالة "سبأ" بنسختها الخاضعة للحوثيين عن': a few words may come between
    after = bare_gap(view.text[agency[-1].end : agency[-1].end + _SOURCE_REACH]).split()[:_SOURCE_WORDS]
    if not any(a.get("type") == "media" for a in agency) or _FROM not in after:
        return []  # "نقلت وكالة تاس عن"، "نقلت وسائل إعلام إسرائيلية عن"
    if any(w in sides.links().complementisers for w in after[: after.index(_FROM)]):
        return []
    start = view.text.index(_FROM, agency[-1].end) + len(_FROM)
    if view.m.within("verb", agency[-1].end, start):
        return []  # "أفادت الوكالة، نقلا عن المرصد": a relaying frame of its own
    source = sides.actor_phrase_after(view.m, view.text, start, sentence.end)
    if source is None:
        return []
    claimant = sides.claimant_of(source, view.m, view.norm.source_text, carrier, view.conflict)
    if claimant.actor == "ANON" and claimant.side is None:
        # "نقلت وسائل إعلام إسرائيلية عن مصادر عسكرية": the sources are of the outlets' side
        claimant = replace(claimant, side=sides.source_side(agency))
    return [Frame(source[0].start, source[-1].end, claimant, modality)]


def _relays(view: _Doc, verb: Mention, frames: list[Frame]) -> bool:
    """Whether a frame carries another's words: "حسب"، "نقلت عن", or the verb of "حسبما أفادت"."""
    if verb.get("frame") in _RELAYING:
        return True
    if not frames or not frames[-1].relays:
        return False
    gap = bare_gap(view.text[frames[-1].end : verb.start])
    return gap == "" or gap in sides.links().source_gap


def _outlet_sum(view: _Doc, sentence: Segment, frames: list[Frame], thing: Counted) -> bool:
    """ "...؛ لترتفع بذلك الحصيلة الإجمالية إلى 400": the outlet adds up the parties' figures; one
    whose source is named after it ("..."، وفقا لتوثيقات المرصد") or opens its sentence ("وبحسب
    المصدر ذاته، ترتفع بذلك الحصيلة") is that source's."""
    if any(f.start >= thing.end or (f.relays and f.start - sentence.start <= _OPENING) for f in frames):
        return False
    start = max([sentence.start, *(f.end for f in frames if f.end <= thing.start)])
    words = bare_gap(view.text[start : thing.start]).split()
    if frames and any(w in sides.links().complementisers for w in words):
        return False  # "وأضافت الشبكة أن حصيلة الضحايا ارتفعت بذلك إلى 143": in the speaker's words
    return any(w in sides.links().outlet_sums for w in words)


def _pronoun_subject(view: _Doc, verb: Mention) -> Claimant | None:
    """ "ولا توفر أذربيجان أي معلومات ... لكنها أعلنت": a pronoun on the conjunction before the
    verb is the party named last before it."""
    words = bare_gap(view.text[max(0, verb.start - 14) : verb.start]).split()
    said = next((w for w in (" ".join(words[-2:]), *words[-1:]) if w in sides.links().pronoun_subjects), None)
    code = sides.last_party(view.m, verb.start) if said else None
    if code is None or said is None:
        return None
    return Claimant(code, "GOV", view.norm.source_text(verb.start - len(said) - 1, verb.start).strip())


def _the_latter(view: _Doc, verb: Mention) -> Claimant | None:
    """ "في حين نفت الأخيرة ذلك": the latter is the party named last before the verb."""
    after = bare_gap(view.text[verb.end : verb.end + _LATTER_REACH]).split()[:1]
    if not after or after[0] not in sides.links().latter:
        return None
    code = sides.last_party(view.m, verb.start)
    start = view.text.index(after[0], verb.end)
    if code is None:
        return None
    role = "GOV" if code in sides.states() else "MIL"  # a state's government, a group's command
    return Claimant(code, role, view.norm.source_text(start, start + len(after[0])))


def _claimant_for(position: int, frames: list[Frame]) -> tuple[Claimant, str]:
    """The nearest frame before the claim; an agency that relays a party's statement in the same
    sentence ("قال المتحدث باسم الوزارة - حسبما أفادت قناة ...: ...") leaves the claim to the party."""
    before = [f for f in frames if f.start <= position]
    if before:
        nearest = before[-1]
        if nearest.claimant.actor == "MEDIA" and nearest.relays and nearest.modality != "denied":
            party = next((f for f in reversed(before) if sides.side_code(f.claimant)), None)
            if party is not None and party.claimant.actor != "ANON":
                return party.claimant, party.modality
        return nearest.claimant, nearest.modality
    later = next((f for f in frames if not f.forward), None)
    if later is not None:
        return later.claimant, later.modality
    return Claimant("OUTLET", "OUTLET", ""), "asserted"


# --- counted things ----------------------------------------------------------------------------


def _counted(view: _Doc, sentence: Segment) -> list[Counted]:
    m = view.m
    items = m.within("item", sentence.start, sentence.end)
    nouns = [e for e in m.within("event", sentence.start, sentence.end) if e.get("role") == "noun"]
    places = m.within("place", sentence.start, sentence.end)
    out: list[Counted] = []
    used: set[int] = set()
    for number in m.within("number", sentence.start, sentence.end):
        cell = _verb_cell(view, number, items)
        if cell is not None:
            out.append(cell)
            continue
        named = _named_before(view, number, items) or _labelled(view, number, items)
        of_whole = bare_gap(view.text[out[-1].end : named.start]) if named is not None and out else ""
        if named is not None and of_whole in sides.links().member_of:
            used.add(named.start)  # "مقتل 3 أشخاص من عائلة واحدة": one family, no one more
            continue
        if named is not None:  # "مدني واحد"، "مسعفين اثنين"
            used.add(named.start)
            value, daily = number.get("value"), _increment(view, number)
            item = named.get("item")
            out.append(Counted(named.start, number.end, item, value, None, number, named, daily=daily))
            continue
        target = _next_head(view, number.end, items, nouns)
        if target is not None:
            used.add(target.start)
            event = target if target.kind == "event" else None
            out.append(
                Counted(
                    number.start,
                    target.end,
                    target.get("item") or "people",
                    number.get("value"),
                    number.get("high"),
                    number,
                    target,
                    event,
                )
            )
            continue
        people = _demonym_after(view, number)
        if people is not None:  # "إن 35 فلسطينيا ارتقوا"
            value, high = number.get("value"), number.get("high")
            out.append(Counted(number.start, people.end, "people", value, high, number, people))
            continue
        thing = _anaphoric(view, number, out) or _cases_of(view, number) or _subject_count(view, number)
        thing = thing or _out_of(view, number, items, nouns)
        thing = thing or _listed_members(view, number, out) or _place_breakdown(view, number, out)
        thing = thing or _bare_casualties(view, number, sentence, out) or _tally_after(view, number, sentence)
        if thing is not None:
            out.append(thing)
    for item in items:
        own = item.get("count") or _dual_marked(view, item)
        if not own and item.key.endswith(_MODEL):
            item = _headed_model(view, item) or item  # "ونظام "تور" للدفاع الجوي": one Tor
            own = item.get("count") if item.start not in used else None
        if item.start in used or not own or _names_place(item, places) or _after_figure(view, item):
            continue
        if own == 1 and _describes_item(view, item, items):
            continue  # "40 ألف هدف إرهابي": an adjective of the noun before it
        if own == 1 and (
            _none_of(view, item)
            or not (
                _object_of_event(view, item, sentence)
                or _coordinated(view, item, out)
                or _subject_of_loss(view, item, sentence)
                or (item.get("item") in PEOPLE and _subset_item(view, item, out))
                or _weapon_used(view, item, sentence)
            )
        ):
            continue
        out.append(Counted(item.start, item.end, item.get("item"), own, None, None, item))
    out.extend(_singular_casualties(view, sentence, out, used))
    out.sort(key=lambda c: c.start)
    return _with_another(view, sentence, out)


def _describes_item(view: _Doc, item: Mention, items: list[Mention]) -> bool:
    """Whether a singular follows another thing's noun with nothing between and agrees with it in
    definiteness ("هدف إرهابي"، "زوارق مفخخة مسيرة"): then it is that noun's adjective, not one more
    thing ("وحدة الدفاع الجوي طائرة مسيرة" and "عمال المستودع" are not)."""
    before = next((i for i in reversed(items) if i.end <= item.start), None)
    if before is None or view.text[before.end : item.start].strip():
        return False
    noun = view.text[before.start : before.end].split()[-1]
    return noun.startswith(_ARTICLE) == view.text[item.start : item.end].startswith(_ARTICLE)


def _dual_marked(view: _Doc, item: Mention) -> int | None:
    """ "قضت على مخربَين": a plural in ين that the writer marked as a dual with a fatha counts two;
    without the mark the dual and the oblique plural are written alike."""
    return 2 if _DUAL_MARK.search(view.norm.source_text(item.start, item.end + 2)) else None


def _demonym_after(view: _Doc, number: Mention) -> Mention | None:
    """A people's name right after a number counts its people: "35 فلسطينيا"، "12 سوريا"."""
    for actor in view.m.within("actor", number.end, number.end + _GAP_PAIR):
        if actor.get("type") == "demonym" and not view.text[number.end : actor.start].strip():
            return actor
        break
    return None


def _headed_model(view: _Doc, model: Mention) -> Mention | None:
    """A model named after a generic singular head ("نظام "تور""، "منظومة "بانتسير""): one of
    the model's item, spanning both words."""
    before = view.text[max(0, model.start - _HEAD_REACH) : model.start].rstrip(_QUOTES_AND_SPACE).split()
    if not before:
        return None
    word = before[-1]
    head = word[1:] if word[:1] in _JOINERS and word[1:] in sides.links().model_heads else word
    if head not in sides.links().model_heads:
        return None
    start = view.text.rfind(head, 0, model.start)
    return Mention("item", start, model.end, model.key, {**model.attrs, "count": 1})


def _after_figure(view: _Doc, item: Mention) -> bool:
    """ "الأفراد: نحو 1,082,340 (+940) عسكريا": the noun after a table's bracketed figure is the
    unit of the figures before it, not one more."""
    before = view.m.within("number", max(0, item.start - _FIGURE_REACH), item.start)
    return bool(before) and not view.text[before[-1].end : item.start].strip(" ()+")


def _singular_casualties(
    view: _Doc, sentence: Segment, counted: list[Counted], used: set[int]
) -> list[Counted]:
    """ "أسفر القصف عن قتيل وثلاثة جرحى"، "مخلفة قتيلا"، "سقوط قتيلين": an indefinite singular or
    dual casualty noun is one or two people; not the one a number counts (150 قتيلا), nor one before
    the people it qualifies ("قتيل مدني واحد"), nor "الشهيد فلان", who is named."""
    out = []
    for noun in view.m.within("event", sentence.start, sentence.end):
        own = noun.get("count")
        if own not in (1, 2) or noun.start in used:
            continue
        if any(c.start <= noun.start < c.end or 0 <= c.start - noun.end <= 1 for c in counted):
            continue
        if sides.word_prefix(view.text, noun.start).endswith(_ARTICLE):
            continue
        out.append(Counted(noun.start, noun.end, noun.get("item"), own, None, None, noun, noun))
    return out


def _with_another(view: _Doc, sentence: Segment, counted: list[Counted]) -> list[Counted]:
    """ "مقتل جندي وإصابة آخر": "another" right after a casualty word is one more of the people
    counted just before it, with that word's kind."""
    words = sides.links().another
    if not counted or not any(w in view.text[sentence.start : sentence.end] for w in words):
        return counted  # most sentences have no "آخر" at all
    out = list(counted)
    for event in view.m.within("event", sentence.start, sentence.end):
        if event.get("kind") not in PEOPLE_KINDS:
            continue
        gap = view.text[event.end : event.end + 8]
        word = bare_gap(gap).split(maxsplit=1)[:1]  # "وإصابة آخر.": the word without its stop
        if not word or gap[:1] != " ":
            continue
        count = 1 if word[0] in sides.links().another else 2 if word[0] in sides.links().another_two else 0
        before = [c for c in out if c.end <= event.start and item_class(c.item) == "people"]
        if count and before:
            start, prev = event.end + 1, before[-1]
            end = start + len(word[0])
            out.append(
                Counted(start, end, prev.item, count, None, None, prev.item_mention, event, others=True)
            )
    return sorted(out, key=lambda c: c.start)


def _subject_of_loss(view: _Doc, item: Mention, sentence: Segment) -> bool:
    """ "إن طائرة مسيرة تركية أسقطت": a singular noun right before a destroying verb (passive
    without vowels) is what it destroyed; only its side's words may stand between."""
    for event in view.m.within("event", item.end, min(sentence.end, item.end + _SIDE_REACH)):
        people = ("killed", "injured", "captured", "missing")  # "إن جنديا إسرائيليا أصيب بجروح"
        wanted = people if item_class(item.get("item")) == "people" else ("destroyed", "damaged")
        if event.get("role") == "noun" or event.get("kind") not in wanted:
            return False  # "صاروخا سقط": a missile that fell is not one destroyed
        end = item.end
        while end < event.start and view.text[end].isalpha():  # past a suffix: "منزله انهار"
            end += 1
        gap = view.text[end : event.start]
        # its side's words ("إسرائيليا") and where it was ("مسجدا في بهاولبور دمر") may stand between
        named = view.m.within("actor", end, event.start) + view.m.within("place", end, event.start)
        for found in sorted(named, key=lambda x: x.start, reverse=True):
            word_end = found.end + len(sides.word_suffix(view.text, found.end))
            gap = gap[: found.start - end] + " " + gap[word_end - end :]
        where = all(w in sides.links().locative_before for w in bare_gap(gap).split())
        return where and not _has_object(view, event)
    return False


def _has_object(view: _Doc, event: Mention) -> bool:
    """ "طائرة مسيرة دمرت 3 عربات": a verb with a count or a thing right after it is active, and the
    noun before it is who did it, not what it destroyed."""
    end = event.end + len(sides.word_suffix(view.text, event.end))
    return any(view.m.within(kind, end, end + _OBJECT_GAP) for kind in ("number", "item"))


def _hypothetical(view: _Doc, event: Mention) -> bool:
    """ "سيرد بقوة على أي هجوم"، "أعد خطة لإجلاء": an event after "any", a plan or a threat is no
    event that happened."""
    words = sides.links().hypothetical
    window = view.text[max(0, event.start - _ANY_REACH - 2) : event.start]
    if words.isdisjoint(bare_gap(window).split()):
        return False  # most events have none of these words before them
    start = event.start - len(sides.word_prefix(view.text, event.start))  # "خطة لإجلاء"، "هدد بتدمير"
    return _word_before_in(view, start, _ANY_REACH, words)


def _word_before_in(view: _Doc, pos: int, reach: int, words: frozenset[str]) -> bool:
    """Whether the word that ends right before `pos` (within `reach`) is one of `words`."""
    before = bare_gap(view.text[max(0, pos - reach) : pos]).split()
    return bool(before) and before[-1] in words


def _word_after_in(view: _Doc, pos: int, words: frozenset[str]) -> bool:
    """Whether the word that begins right after `pos` is one of `words`."""
    after = bare_gap(view.text[pos : pos + _WORD_REACH]).split()[:1]
    return bool(after) and after[0] in words


def _none_of(view: _Doc, item: Mention) -> bool:
    """ "أي عربة": a singular after "any" counts nothing."""
    return _word_before_in(view, item.start, _ANY_REACH, sides.links().not_count_before)


def _named_before(view: _Doc, number: Mention, items: list[Mention]) -> Mention | None:
    """A number word after the noun it counts ("مدني واحد"، "مدنيين اثنين"، "جنديا أرمينيا واحدا"):
    the noun. Only one and two follow their noun ("عربات مدرعة وأحد عشر مدفعا" counts guns)."""
    if view.text[number.start : number.start + 1].isdigit() or number.get("value") not in _AFTER_NOUN:
        return None
    for item in items:
        if item.end <= number.start and _only_sides_between(view, item.end, number.start):
            return None if item.get("count") == 2 else item  # "بلدتين واحدة في ..." splits a dual
    return None


def _only_sides_between(view: _Doc, start: int, end: int) -> bool:
    """Nothing but a side's adjective between two positions ("جنديا أرمينيا واحدا")."""
    gap = view.text[start:end]
    for actor in view.m.within("actor", start, end):
        if actor.get("type") in ("demonym", "state"):  # "أرمينيا" is also the accusative of أرميني
            gap = gap.replace(view.text[actor.start : actor.end], " ")
    words = bare_gap(gap).split()
    return all(w in _ACCUSATIVE_ENDS for w in words)


def _coordinated(view: _Doc, item: Mention, counted: list[Counted]) -> bool:
    """ "دمرت 20 آلية عسكرية، ومنظومة دفاع جوي": a singular joined by و to a counted thing is one
    more; right after a number's noun ("200 دبابة وعربة مدرعة") it shares that number instead,
    unless one is people and the other not ("190 عسكريا ودبابة") or of one family of materiel."""
    for c in counted:
        if _listed_after(view, c, item):
            gap = view.text[c.end : item.start]
            tamyiz = c.number is not None and c.item_mention.get("count") == 1  # "200 دبابة", not "4 عربات"
            shared = item_class(c.item) == item_class(item.get("item"))
            if item_class(c.item) == "materiel":  # "12 دبابة ومنظومة دفاع جوي": one system more
                same = c.item == item.get("item")  # "28 سفينة وزورقا": one number for both
                shared = same or any(c.item in family and item.get("item") in family for family in _FAMILIES)
            return not (tamyiz and shared and not any(mark in gap for mark in _MEMBER_BREAKS))
    return False


def _listed_after(view: _Doc, first: Counted, nxt: Counted | Mention) -> bool:
    """Whether `nxt` follows `first` in one list: only "و"، commas and model names between
    ("ونظامي دفاع صاروخي "كوب"، ونظام صاروخي")."""
    if first.end > nxt.start or nxt.start - first.end > _LIST_GAP:
        return False
    line = view.text.rfind("\n", first.end, nxt.start)
    if line >= 0:  # "- 5 دبابات ...\n- 3 مدافع"، "الدبابات: 9,541\nالمدافع: 21,048": one list's lines
        marked = LIST_ITEM.match(view.text, line + 1, nxt.start + 1)
        return bool(marked or LABEL_LINE.match(view.text, line + 1))
    end = min(nxt.start, first.end + len(sides.word_suffix(view.text, first.end)))  # "مرتفعا"
    gap = view.text[end : nxt.start]
    # the first's own casualty noun after it ("40 ألف عسكري بين قتيل وجريح، و226 دبابة")
    nouns = [
        e
        for e in view.m.within("event", end, min(nxt.start, end + 2))
        if e.get("role") == "noun" and not e.get("masdar")
    ]
    for item in sorted([*view.m.within("item", end, nxt.start), *nouns], key=lambda m: m.start, reverse=True):
        if item.end <= nxt.start:  # with its proclitic: the ل of "راجمة لصواريخ غراد"
            start = max(end, item.start - len(sides.word_prefix(view.text, item.start)))
            gap = gap[: start - end] + " " + gap[item.end - end :]
    words = _past_model_names(bare_gap(gap).split())
    joined = bool(words) and (words[-1] == "و" or " ".join(words[-2:]) in sides.links().list_joiners)
    return not words or joined and all(w in sides.links().list_words for w in words)


def _past_model_names(words: list[str]) -> list[str]:
    """Gap words without a model name the lexicon does not know (up to two words): "من طراز شاهد
    و" keeps من طراز و."""
    out: list[str] = []
    skip = 0
    for word in words:
        if skip and word != "و":
            skip -= 1
            continue
        skip = _MODEL_WORDS if word in sides.links().model_links else 0
        out.append(word)
    return out


def _anaphoric(view: _Doc, number: Mention, before: list[Counted]) -> Counted | None:
    """ "39 أخرى": a number followed by "other(s)" counts the item counted just before."""
    word = bare_gap(view.text[number.end : number.end + 12]).split(maxsplit=1)
    if not word or word[0] not in sides.links().others:
        return None
    # "استشهد مدنيان وأصيب 5 آخرون": a noun that counts itself, nearer than any number before
    reach = max(0, number.start - _OBJECT_REACH)
    own = [i for i in view.m.within("item", reach, number.start) if i.get("count")]
    if word[0] in sides.links().others_people:
        own = [i for i in own if i.get("item") in PEOPLE]
    of_them = word[0] in sides.links().of_them  # "أطلقت 35 مسيرة وصاروخين، وتم إسقاط 30 منها": the 35
    if own and not of_them and (not before or own[-1].start > before[-1].end):
        item, mention = own[-1].get("item"), own[-1]
    elif before:
        # "200 شخص قتلوا، بينهم 10 مدنيين، وأصيب 400 آخرين": the others are more of the whole, not the part
        wholes = _wholes(view, before)
        prev = wholes[-1] if wholes else before[-1]
        item, mention = prev.item, prev.item_mention
    elif of_them and (whole := _people_named_before(view, number)) is not None:
        item, mention = whole.get("item"), whole  # "إن جنودا أوغنديين ... وإن اثنين منهم قتلا"
    else:
        return None
    end = number.end + view.text[number.end :].index(word[0]) + len(word[0])
    return Counted(
        number.start,
        end,
        item,
        number.get("value"),
        number.get("high"),
        number,
        mention,
        None,  # "مقتل 4 وإصابة 10 آخرين": the others take the word before them
        others=True,
    )


def _people_named_before(view: _Doc, number: Mention) -> Mention | None:
    """The uncounted plural of people named last, a few words before "N منهم"."""
    nouns = view.m.within("item", max(0, number.start - _WHOLE_REACH), number.start)
    people = [i for i in nouns if i.get("item") in PEOPLE and not i.get("count")]
    return people[-1] if people else None


def _wholes(view: _Doc, things: list[Counted]) -> list[Counted]:
    """The counts that are no part of another: not "بينهم 13 مدنيا" nor the "وستة جنود" listed
    after it."""
    out, part, last = [], False, None
    for thing in things:
        part = _subset(view, thing) or (part and last is not None and _listed_after(view, last, thing))
        if not part:
            out.append(thing)
        last = thing
    return out


def _added(view: _Doc, thing: Counted) -> bool:
    """ "إضافة إلى نحو 60 جنديا": a count added to what was counted before it."""
    end = thing.start
    for marker in view.m.within("marker", max(0, end - _SUBSET_LEAD), end):
        if marker.get("role") == "qualifier":
            end = min(end, marker.start)  # "إضافة إلى نحو 60"
    words = bare_gap(view.text[max(0, end - _SUBSET_LEAD) : end]).split()
    return " ".join(words[-2:]) in sides.links().additive


def _weapon_used(view: _Doc, item: Mention, sentence: Segment) -> bool:
    """ "استهدفت هدفا حساسا في يافا بصاروخ باليستي": one missile or drone an attack was made with."""
    if item.get("item") not in _LAUNCHED:
        return False
    prefix = sides.word_prefix(view.text, item.start)
    if prefix == "و" and _joined_to_salvo(view, item, sentence):
        return True
    if not prefix.endswith("ب"):
        return False
    reach = max(sentence.start, item.start - _WEAPON_REACH)
    attacks = [e for e in view.m.within("event", reach, item.start) if e.get("kind") == "attack"]
    return bool(attacks) and not _CLAUSE_BREAK.search(view.text, attacks[-1].end, item.start)


def _joined_to_salvo(view: _Doc, item: Mention, sentence: Segment) -> bool:
    """ "بثماني طائرات مسيرة من نوع صماد3 وصاروخ باليستي": one missile more in a salvo of counted
    missiles or drones, in the same clause."""
    reach = max(sentence.start, item.start - _WEAPON_REACH)
    heads = view.m.within("item", reach, item.start)
    salvo = next((p for p in reversed(heads) if not p.key.endswith(_MODEL)), None)
    if salvo is None or salvo.get("item") not in _LAUNCHED or salvo.get("count") == 1:
        return False  # "أكثر من 8 آلاف صاروخ وقذيفة ومسيرة": one number for them all
    if _CLAUSE_BREAK.search(view.text, salvo.end, item.start):
        return False
    return bool(view.m.within("number", max(sentence.start, salvo.start - _GAP_PAIR), salvo.start))


def _subset_item(view: _Doc, item: Mention, before: list[Counted]) -> bool:
    """ "4 شهداء، بينهم طفل": one person named as part of a count told just before."""
    lead = bare_gap(view.text[max(0, item.start - _SUBSET_LEAD) : item.start]).split()
    return bool(before) and _ends_with_subset_lead(lead) and item.start - before[-1].end <= _SUBSET_REACH


def _subset(view: _Doc, thing: Counted) -> bool:
    """Whether a count is a part of the one before it: "بينهم 10 مدنيين"، "بينهم نحو 30 من قادة"."""
    start = thing.start
    for marker in view.m.within("marker", max(0, start - _SUBSET_LEAD), start):
        if marker.get("role") == "qualifier" and start - marker.end <= 2:
            start = marker.start  # past the qualifier
    lead = view.text[max(0, start - _SUBSET_LEAD) : start]
    return _ends_with_subset_lead(bare_gap(lead).split())


def _ends_with_subset_lead(words: list[str]) -> bool:
    leads = sides.links().subset_leads
    return any(" ".join(words[-n:]) in leads for n in (1, 2) if len(words) >= n)


def _listed_members(view: _Doc, number: Mention, before: list[Counted]) -> Counted | None:
    """ "مقتل 10 من قوات النظام و7 من هيئة تحرير الشام"، "إلى 87، بينهم 52 من الهيئة": a number
    joined by و, or by "among them", to the people counted before it, and followed by من and a
    party, counts that party's people."""
    if not before or item_class(before[-1].item) != "people" or before[-1].end > number.start:
        return None
    lead = view.text[max(before[-1].end, number.start - 3) : number.start].rstrip()
    joined = lead.endswith("و") and (len(lead) < 2 or lead[-2] in " ،,")  # "و7" or "و 7"
    words = bare_gap(view.text[before[-1].end : number.start]).split()  # "101 قتيل خلال 48 ساعة، بينهم 85"
    joined = joined or _ends_with_subset_lead(words)
    after = view.m.within("actor", number.end, number.end + _GAP_PAIR)
    if not joined or not after or bare_gap(view.text[number.end : after[0].start]) != "من":
        return None
    if not after[0].get("code") and not sides.is_armed(after[0]):
        return None  # "بينهم 6 من المسؤولين": no party named
    # "بينهم 6 من المليشيات الموالية لإيران": armed men of no party named are fighters
    item = "people" if after[0].get("code") or after[0].key == _ARMY_KEY else "fighters"  # "من قوات النظام"
    prev, value, high = before[-1], number.get("value"), number.get("high")
    return Counted(number.start, number.end, item, value, high, number, prev.item_mention, prev.event)


def _place_breakdown(view: _Doc, number: Mention, before: list[Counted]) -> Counted | None:
    """ "مدينة إدلب 14 قتيلا، وجسر الشغور 7، وسرمين 5": a bare number right after a place, in a
    list whose first member told its noun after a place too, counts the same."""
    if not before or _place_right_before(view, number.start) is None:
        return None
    placed = (c for c in before if c.number is not None and _place_right_before(view, c.number.start))
    first = next(placed, None)
    if first is None or number.start - before[-1].end > _LIST_GAP:
        return None
    value, high = number.get("value"), number.get("high")
    return Counted(number.start, number.end, first.item, value, high, number, first.item_mention, first.event)


def _place_right_before(view: _Doc, pos: int) -> Mention | None:
    """The place named right before a position, with nothing but a space between."""
    places = view.m.within("place", max(0, pos - _PLACE_NAME_REACH), pos)
    return places[-1] if places and not view.text[places[-1].end : pos].strip() else None


def _subject_count(view: _Doc, number: Mention) -> Counted | None:
    """ "إن 15 قتلوا وأصيب 30": a number in digits right before a casualty verb counts the people
    it befell (a number word there is rather "أحد" or the weekday "الأحد")."""
    if not view.text[number.start].isdigit():
        return None
    events = view.m.within("event", number.end, number.end + 4)  # "بينهم 87 «استسلموا»": a quote between
    if not events or events[0].get("kind") not in PEOPLE_KINDS or events[0].get("role") == "noun":
        return None
    if bare_gap(view.text[number.end : events[0].start]):
        return None
    event, value, high = events[0], number.get("value"), number.get("high")
    return Counted(number.start, number.end, "people", value, high, number, event, event)


def _cases_of(view: _Doc, number: Mention) -> Counted | None:
    """ "40 حالة اعتقال طواقم طبية": cases of a casualty word count the people after it."""
    after = view.text[number.end : number.end + 12].split()[:1]
    if not after or after[0] not in sides.links().case_counters:
        return None
    word_end = view.text.index(after[0], number.end) + len(after[0])
    events = view.m.within("event", word_end, word_end + 3)
    if not events or events[0].get("kind") not in PEOPLE_KINDS:
        return None
    event = events[0]
    after_event = view.m.within("item", event.end, event.end + 3)
    people = [i for i in after_event if item_class(i.get("item")) == "people"]
    head = people[0] if people else event
    value, high = number.get("value"), number.get("high")
    item = head.get("item") or "people"
    return Counted(number.start, head.end, item, value, high, number, head, event, suffered=True)


def _bare_casualties(
    view: _Doc, number: Mention, sentence: Segment, counted: list[Counted]
) -> Counted | None:
    """A number with no noun after it that closes a casualty phrase: "وأصيب نحو 35"،
    "ارتفع عدد الشهداء إلى أكثر من 19 ألف"، "عدد القتلى ... يتجاوز 5000"; joined to people
    counted just before, it counts more of them ("بمقتل 11 جنديا وفقدان ثلاثة": soldiers)."""
    events = [
        e
        for e in view.m.within("event", max(sentence.start, number.start - _EVENT_BEFORE), number.start)
        if e.get("kind") in PEOPLE_KINDS and e.end <= number.start
    ]
    if not events or _counts_a_thing(view, number):
        return None
    event = _tallied(view, events, number.start) or events[-1]
    group = _narrowed_to(view, event.end, number.start)
    before = view.text[(group or event).end : number.start]
    for marker in view.m.within("marker", event.end, number.start):
        before = before.replace(view.text[marker.start : marker.end], " ")
    words = bare_gap(before).split()
    right_after = len(before) <= 20 and all(w in sides.links().total_links for w in words)
    closes = bool(words) and words[-1] in sides.links().total_links
    if not (right_after or closes or _tally_reaches(view, event, number)):
        return None
    group = group or _relative_subject(view, sentence, event)
    item = group.get("item") if group is not None else "people"
    own_head = bare_gap(view.text[number.end : number.end + 5]).split()[:1] == ["من"]  # "30 من المهاجمين"
    if group is None and counted and not own_head and _joined_people(view, counted[-1], event):
        item = counted[-1].item
    value, high = number.get("value"), number.get("high")
    return Counted(number.start, number.end, item, value, high, number, group or event, event)


def _joined_people(view: _Doc, last: Counted, event: Mention) -> bool:
    """Whether a casualty word is joined by و to the people counted just before it."""
    gap = view.text[last.end : event.start]
    if last.item not in PEOPLE or len(gap) > _JOINED_GAP or not gap.rstrip().endswith("و"):
        return False
    return not view.m.within("number", last.end, event.start)  # "... في كردفان، وأسرنا ستة وثمانين"


def _counts_a_thing(view: _Doc, number: Mention) -> bool:
    """ "ولجأوا إلى نحو 300 مركز إيواء": a number right before a noun of no people counts that."""
    after = view.m.within("item", number.end, number.end + 2)
    if not after or view.text[number.end : after[0].start].strip():
        return False
    return after[0].get("item") not in PEOPLE


def _tally_after(view: _Doc, number: Mention, sentence: Segment) -> Counted | None:
    """ "وبذلك يرتفع إلى 226 عدد المدنيين الذين قتلوا": the tally named after the figure it reached."""
    if not _word_after_in(view, number.end, sides.links().tallies):
        return None
    reach = min(sentence.end, number.end + _TALLY_AFTER)
    events = [e for e in view.m.within("event", number.end, reach) if e.get("kind") in PEOPLE_KINDS]
    if not events:
        return None
    nouns = view.m.within("item", number.end, events[0].start)
    people = [i for i in nouns if item_class(i.get("item")) == "people"]
    head = people[0] if people else events[0]
    item, value, high = head.get("item") or "people", number.get("value"), number.get("high")
    return Counted(number.start, number.end, item, value, high, number, head, events[0])


def _tallied(view: _Doc, events: list[Mention], start: int) -> Mention | None:
    """ "ارتفع عدد القتلى جراء الغارة على مدرسة تؤوي نازحين إلى 31": the casualty word a tally opens
    governs the figure it reaches, not a later one that does not lead to it ("والجرحى إلى 292" does)."""
    tallied = [e for e in events if _word_before_in(view, e.start, _TALLY_REACH, sides.links().tallies)]
    if not tallied or tallied[-1] is events[-1]:
        return None
    reach = bare_gap(view.text[events[-1].end : start]).split()
    return None if all(w in sides.links().total_links for w in reach) else tallied[-1]


def _tally_reaches(view: _Doc, event: Mention, number: Mention) -> bool:
    """ "عدد القتلى بين القوات الأرمنية يتجاوز 5000"، "... أكثر من 5000": the tally a casualty word
    opens ends in a qualifier right before the number."""
    qualifier = [q for q in view.m.within("marker", event.end, number.start) if q.get("role") == "qualifier"]
    if not qualifier or view.text[qualifier[-1].end : number.start].strip():
        return False
    start = event.start
    noun = view.m.within("item", max(0, start - _TALLY_REACH * 2), start)
    if noun and noun[-1].get("item") in PEOPLE and not view.text[noun[-1].end : start].strip():
        start = noun[-1].start  # "عدد الجنود المصابين ... تجاوز 3,500": the tally of the noun before it
    return _word_before_in(view, start, _TALLY_REACH, sides.links().tallies)


def _relative_subject(view: _Doc, sentence: Segment, event: Mention) -> Mention | None:
    """ "ارتفاع عدد المدنيين الذين قتلوا في الهجمات إلى 19"، "عدد الإرهابيين الذين جرى تحييدهم بلغ
    1,142": the people a relative clause says were killed."""
    for item in reversed(view.m.within("item", sentence.start, event.start)):
        words = bare_gap(view.text[item.end : event.start]).split() or [""]  # "الذين جرى تحييدهم"
        passive = set(words[1:]) <= sides.links().passive_aux
        if words[0] in sides.links().relatives and passive and item_class(item.get("item")) == "people":
            return item
        return None
    return None


def _narrowed_to(view: _Doc, start: int, end: int) -> Mention | None:
    """ "عدد القتلى في صفوف المدنيين أكثر من مائة": the people a casualty word is narrowed to,
    right after it."""
    for item in view.m.within("item", start, end):
        gap = bare_gap(view.text[start : item.start])
        if item_class(item.get("item")) == "people" and gap in sides.links().partitive:
            return item
        return None
    return None


def _labelled(view: _Doc, number: Mention, items: list[Mention]) -> Mention | None:
    """ "- الدبابات: 9,366"، "الدبابات – 11,128": a list line's label before a colon or a dash, and
    its number after it."""
    line = view.text.rfind("\n", 0, number.start) + 1
    end = LABEL_END.search(view.text, line, number.start)
    if end is None:
        return None  # most numbers have no colon before them on their line
    colon = end.start() + len(end.group()) - len(end.group().lstrip())  # the mark itself
    mark = LIST_MARK.match(view.text, line, number.start)
    if (mark is None or mark.end() == line) and not (line and LABEL_LINE.match(view.text, line, number.end)):
        return None  # a marked list line, or an unmarked table line under a heading ("الدبابات: 9,541")
    label = mark.end() if mark is not None else line
    for item in items:
        if label <= item.start and item.end <= colon and _label_rest(view.text[item.end : colon]):
            told = _only_qualifiers(view, colon + 1, number.start) or _increment(view, number)
            return item if told else None
    return None


def _verb_cell(view: _Doc, number: Mention, items: list[Mention]) -> Counted | None:
    """ "1. صواريخ كروز Kh-101 من قاذفات Tu-95MS: أُطلق 62، أُسقط 58": a table line whose cell
    tells each figure with its verb counts the label's first noun, under that verb."""
    line = view.text.rfind("\n", 0, number.start) + 1
    colon = view.text.find(":", line, number.start)
    if colon < 0 or not _verbs_and_figures(view, colon + 1, number.start):
        return None
    mark = LIST_MARK.match(view.text, line, number.start)
    if mark is None or mark.end() == line:
        return None  # a list line's: "العمليات المشتركة: تحرير ستة أحياء" is a speaker's headline
    noun = next((i for i in items if mark.end() <= i.start and i.end <= colon), None)
    if noun is None:
        return None
    event = view.m.within("event", colon, number.start)[-1]
    value, high = number.get("value"), number.get("high")
    return Counted(number.start, number.end, noun.get("item"), value, high, number, noun, event)


def _verbs_and_figures(view: _Doc, start: int, end: int) -> bool:
    """Whether a table line's cell holds only event verbs, qualifiers and the figures told before,
    with a verb right before the figure ("أُطلق 62، أُسقط 58")."""
    events = view.m.within("event", start, end)
    if not events or bare_gap(view.text[events[-1].end : end]):
        return False
    gap = view.text[start:end]
    words = [*events, *view.m.within("number", start, end), *view.m.within("marker", start, end)]
    for found in sorted(words, key=lambda m: m.start, reverse=True):
        gap = gap[: found.start - start] + " " + gap[found.end - start :]
    return bare_gap(gap) == ""


def _label_rest(gap: str) -> bool:
    """What may follow a label's noun before its colon: nothing, or an adjective or a noun joined to
    it ("المسيرات التكتيكية:"، "السفن والزوارق:")."""
    words = bare_gap(gap).split()
    return len(words) <= _LABEL_WORDS and all(w.startswith(("ال", "وال")) for w in words)


def _increment(view: _Doc, number: Mention) -> bool:
    """ "الدبابات: 11,340 (+3)": the number in brackets after a total is the last day's."""
    return view.text[max(0, number.start - 3) : number.start].replace(" ", "").endswith("(+")


def _has_increment(view: _Doc, thing: Counted) -> bool:
    """ "الدبابات – 11,128 (+4)": a figure with the last day's added after it is a running total."""
    if thing.number is None:
        return False
    return view.text[thing.number.end : thing.number.end + 4].replace(" ", "").startswith("(+")


def _out_of(view: _Doc, number: Mention, items: list[Mention], nouns: list[Mention]) -> Counted | None:
    """ "أسقطت 40 من أصل 52 مسيرة": a part of a whole counts the whole's noun."""
    window = view.text[number.end : number.end + _OUT_OF_REACH]
    if not any(w in window for w in sides.links().out_of):
        return None  # the common case, settled without reading the words
    after = bare_gap(window)
    if not any(after.startswith(w + " ") for w in sides.links().out_of):
        return None
    whole = view.m.within("number", number.end + 1, number.end + _OUT_OF_REACH)
    head = _next_head(view, whole[0].end, items, nouns) if whole else None
    if head is None:
        return None
    event = head if head.kind == "event" else None
    value, high = number.get("value"), number.get("high")
    return Counted(number.start, number.end, head.get("item") or "people", value, high, number, head, event)


def _only_qualifiers(view: _Doc, start: int, end: int) -> bool:
    """Whether nothing but qualifiers stands between two points ("الأفراد: نحو 702 ألف")."""
    gap = view.text[start:end]
    for marker in reversed(view.m.within("marker", start, end)):
        if marker.get("role") == "qualifier" and marker.end <= end:
            gap = gap[: marker.start - start] + " " + gap[marker.end - start :]
    return bare_gap(gap) == ""


def _next_head(view: _Doc, pos: int, items: list[Mention], nouns: list[Mention]) -> Mention | None:
    """The item or casualty noun a number counts: the first one right after it."""
    best = None
    for cand in (*items, *nouns):
        near = cand.start >= pos and cand.start - pos <= _GAP_PAIR
        if not near or not sides.is_filler(bare_gap(view.text[pos : cand.start])):  # "(٢٥) عربة"
            continue
        if any(stop in view.text[pos : cand.start] for stop in _LINE_STOPS):
            continue  # "150 ألفا.\n- النازحون": the next line's noun counts nothing here
        if best is None or cand.start < best.start or (cand.start == best.start and cand.end > best.end):
            best = cand
    return best


def _names_place(item: Mention, places: list[Mention]) -> bool:
    """ "مدينة زنغلان"، "مقر القيادة العامة": a singular noun that is or starts a place's name is not a
    count ("طائرة أرمينية" is: a country after it is its side)."""
    return any(
        (0 <= p.start - item.end <= 2 or p.start <= item.start < p.end) and not _country(p) for p in places
    )


def _object_of_event(view: _Doc, item: Mention, sentence: Segment) -> bool:
    """A singular noun counts as 1 as the object of an event verb: right after it (أسقطت
    مروحية), or after adverbials with no other noun, number, comma or new clause between
    ("دمرت في ساعات الصباح الأولى دبابة"); an object takes no preposition ("وتتوعد بمقاتلة")."""
    if sides.word_prefix(view.text, item.start) in ("ب", "ل", "وب", "ول"):
        return False
    for event in view.m.within("event", max(sentence.start, item.start - _OBJECT_REACH), item.start):
        if (event.get("role") == "noun" and not event.get("masdar")) or event.end > item.start:
            continue
        gap = view.text[event.end : item.start]
        if len(gap) <= 4:
            # "لهجوم إرهابي"، "هجوم انتحاري": an adjective of the attack, not one attacker
            return not (event.get("kind") == "attack" and view.text[item.start : item.end].endswith("ي"))
        words = bare_gap(gap).split()
        clause = any(w.startswith("و") and len(w) > 3 for w in words)
        others = any(view.m.within(k, event.end, item.start) for k in ("item", "number", "event", "place"))
        if not clause and not others and "،" not in gap and "," not in gap:
            return True
    return False


# --- claims of a sentence ----------------------------------------------------------------------


class _Told(NamedTuple):
    """A claim and the model named with the thing it counts: "ونظام صاروخي من طراز توس-1" and
    "وراجمة صواريخ سميرتش" are two launchers destroyed, not one told twice."""

    claim: Claim
    model: str = ""


def _sentence_claims(view: _Doc, sentence: Segment, frames: list[Frame]) -> Iterator[_Told]:
    if (_background(view, sentence) and not _reported_now(view, frames)) or _recalled(view, sentence):
        return
    events = [e for e in view.m.within("event", sentence.start, sentence.end) if not _hypothetical(view, e)]
    if frames:
        frames = _with_colon_speaker(view, sentence, frames)
    else:
        frames = _headline_subject(view, sentence, events)
    listed: tuple[Counted, Mention | None] | None = None  # the last counted thing and its event
    prior: Claim | None = None  # the claim of the list member before, for its sides
    last: Claim | None = None  # the claim made just before
    made: set[tuple[str, str]] = set()  # the kinds and items claimed so far in the sentence
    counted = (_of_model(view, _displaced_victims(view, events, c)) for c in _counted(view, sentence))
    all_frames, all_events = frames, events
    for thing in counted:
        doer: Mention | None = None  # the targeting word whose subject acted, when a loss word counts
        # a list line sees its own words and its header's, not another line's ("- المحتاجون: 30 مليون")
        frames = _in_scope(view, sentence, thing, all_frames)
        events = _in_scope(view, sentence, thing, all_events)
        if _not_a_count(view, thing) or _speaker(view, thing, frames) or _history(view, sentence, thing):
            continue
        if _debris(view, thing) or _lost_what_is_theirs(view, thing):
            continue
        if _described_then(view, sentence, thing.start):
            continue
        # "(+3)" after a table line's total is counted under the total's word
        chained = thing.daily or _listed_after(view, listed[0], thing) if listed is not None else False
        in_list = listed is not None and listed[1] is not None and chained
        in_list = in_list and listed is not None and (listed[1] in events or listed[1] is thing.event)
        # "مقتل 7 عناصر من التنظيم وإصابة 11 آخرين"، "بينهم 6 من القادة": the same side, when the
        # part's whole has one
        added = _added(view, thing) and thing.item != "civilians"  # civilians are their state's
        same_side = thing.others or (
            (_subset(view, thing) or added) and last is not None and last.affected is not None
        )
        if same_side:
            prior = last
        if in_list and listed is not None:
            # "تدمير 24 بطارية، ... و136 مدفعية": one verb, a list; "- 100 عسكري بين قتيل وجريح"
            event = thing.event or _own_noun_after(view, thing, events) or listed[1]
            if _kind_for(event.get("kind"), thing.item) is None:
                # "خسرت ... 40 ألف عسكري بين قتيل وجريح، و226 دبابة": the list's verb counts the tanks
                event = _fitting_before(thing, events, sentence) or event
        else:
            event = thing.event or _governing_event(view, thing, events, frames)
            if event is None and _added(view, thing) and listed is not None and listed[1] is not None:
                event = listed[1]  # "دمرت ... وراجمة صواريخ «غراد»، إضافة إلى ثماني قطع مدفعية"
            own_noun = _own_noun_after(view, thing, events)
            if own_noun is not None and own_noun.get("kind") == "casualties":
                event = own_noun  # "فقد ما يصل إلى 220 عسكريا بين قتيل وجريح": both, not the dead
            own_verb = event is not None and event.start >= thing.end  # "بينهم 87 «استسلموا»"
            if thing.event is None and listed is not None and listed[1] is not None and _subset(view, thing):
                # "إلى 31 شخصا، بينهم 9 أطفال": the part counts under its whole's word
                people = item_class(listed[0].item) == "people"
                event = listed[1] if people and not own_verb else event
            armed_whole = listed is not None and listed[0].item in _ARMED
            if thing.item == "people" and armed_whole and listed is not None and _subset(view, thing):
                thing = replace(thing, item=listed[0].item)  # "الإرهابيين ... 1,142، بينهم 87 استسلموا"
            found = None if event is None else _kind_for(event.get("kind"), thing.item)
            if found is None or (found == "attack" and thing.item in _SHIPPING):
                loss = _resulting_loss(view, thing, events)  # "استهدفت السفينة ... ما أدى إلى غرقها"
                if loss is not None:  # "استهدفت سفينتين ... إصابتهما": who targeted them hit them
                    doer, event = event, loss
            prior = prior if same_side else None
        listed = (thing, event)
        if event is not None and (_under_control(view, event) or _resumptive(view, event)):
            continue
        if event is None:
            if thing.item != "strikes":
                continue
            kind = "attack"
        else:
            found = _kind_for(event.get("kind"), thing.item)
            if thing.item == "missiles" and event.get("projectiles"):
                found = event.get("projectiles")  # "سقوط 6 قذائف صاروخية على محيط المطار"
            if found is None and thing.item == "strikes":
                found = "attack"  # "قتلوا في الاشتباكات، متهما الطائرات بشن 14 غارة": strikes stand alone
            if found is None or (found == "captured" and _freed(view, thing, events)):
                continue
            if found == "displaced" and _near_marker(view, thing, "returns"):
                continue  # "إعادة توطين 20 ألف نازح": people going home, no new displacement
            if event.get("confirm") and not _confirmed(view, thing, event.get("confirm")):
                continue  # "تسلمت أوكرانيا 31 دبابة": a delivery, not spoils
            if found == "seized" and _entered(view, event):
                continue  # "87 شاحنة دخلت القطاع": trucks that came in, not spoils
            kind = found
        if (
            thing.number is None
            and thing.value == 1
            and (
                (thing.item == "strikes" or thing.item in PLACES)
                or (kind == "attack" and not _weapon_used(view, thing.item_mention, sentence))
                or (kind == "captured" and event is not None and event.get("kind") == "took_control")
            )
        ):
            continue  # "شن هجوما"، "تحت سيطرة الأرمن": a noun's grammar, not a count
        if thing.others and prior is not None and kind not in PEOPLE_KINDS:
            prior = None  # "أطلقت 120 مسيرة ... أسقطت 98 منها": the second verb has sides of its own
        if (kind, thing.item) in made and thing.number is None and _definite(view, thing.item_mention):
            continue  # "اقتحموا موقعا عسكريا ... وسيطروا على الموقع": the same post again
        made.add((kind, thing.item))
        claim = _claim(view, sentence, frames, thing, event, kind, prior, doer, last)
        if _bomb_set_off(thing, event, claim):
            continue  # "فجروا سيارة مفخخة": the attack's weapon, not a loss
        prior = last = claim
        yield _Told(claim, _model_named(view, thing))
    yield from (_Told(claim) for claim in _control_claims(view, sentence, all_frames, all_events))


_Scoped = TypeVar("_Scoped", Frame, Mention)


def _in_scope(view: _Doc, sentence: Segment, thing: Counted, found: list[_Scoped]) -> list[_Scoped]:
    """What a counted thing on a list line may be governed by: its own line and the header line."""
    header_end = view.text.find("\n", sentence.start, sentence.end)
    if header_end < 0 or thing.start < header_end:
        return found
    line_start = view.text.rfind("\n", sentence.start, thing.start) + 1
    line_end = view.text.find("\n", thing.start, sentence.end)
    line_end = sentence.end if line_end < 0 else line_end
    return [f for f in found if f.start < header_end or line_start <= f.start < line_end]


def _own_noun_after(view: _Doc, thing: Counted, events: list[Mention]) -> Mention | None:
    """A casualty noun right after counted people ("100 عسكري بين قتيل وجريح") is their own event."""
    if item_class(thing.item) != "people":
        return None
    end = thing.end + len(sides.word_suffix(view.text, thing.end))  # past the alif of "عسكريا"
    for event in events:
        if event.start >= thing.end:
            right_after = bare_gap(view.text[end : event.start]) == ""
            return event if right_after and event.get("role") == "noun" else None
    return None


def _of_model(view: _Doc, thing: Counted) -> Counted:
    """ "منظومة صواريخ "أوسا" للدفاع الجوي": a system of no kind of its own is of the item of the
    model named right after it."""
    if not thing.item_mention.get("generic"):
        return thing
    end = thing.end + len(sides.word_suffix(view.text, thing.end))
    for item in view.m.within("item", end, end + _MODEL_REACH):
        gap = _model_gap(view, end, item.start)
        if item.key.endswith(_MODEL) and (gap == "" or gap in sides.links().model_links):
            return replace(thing, item=item.get("item"))
        break
    return thing


def _model_gap(view: _Doc, start: int, end: int) -> str:
    """The words between a thing and its model, less its side ("طائرة أمريكية من نوع "إم كيو 9"")."""
    gap = view.text[start:end]
    for actor in view.m.within("actor", start, end):
        if actor.get("type") in ("demonym", "state"):
            word = view.text[actor.start : actor.end] + sides.word_suffix(view.text, actor.end)
            gap = gap.replace(word, " ")
    return bare_gap(gap)


def _displaced_victims(view: _Doc, events: list[Mention], thing: Counted) -> Counted:
    """ "مقتل 9 نازحين"، "إصابة 5 لاجئين": people who had fled, counted under another casualty word
    right before them, are civilians that word befell, not people displaced."""
    own = thing.event
    if own is None or own.get("kind") != "displaced" or own.get("role") != "noun":
        return thing
    for event in reversed(events):
        if event.end <= thing.start:
            if bare_gap(view.text[event.end : thing.start]) == "" and event.get("kind") in _VICTIM_KINDS:
                return replace(thing, item="civilians", event=None)
            break
    return thing


def _model_named(view: _Doc, thing: Counted) -> str:
    """The model named right after a counted thing, as written ("من طراز "توس-1""), else "";
    people have none ("70 من عناصر الشباب" and "70 عنصرا" are one count)."""
    if thing.item in PEOPLE:
        return ""
    end = thing.end + len(sides.word_suffix(view.text, thing.end))
    for item in view.m.within("item", end, end + _MODEL_REACH):
        gap = bare_gap(view.text[end : item.start])
        if item.get("item") == thing.item and (gap == "" or gap in sides.links().model_links):
            return view.text[item.start : item.end]
        break
    return ""


def _resulting_loss(view: _Doc, thing: Counted, events: list[Mention]) -> Mention | None:
    """ "استهداف دبابة ميركافا ... ما أدى إلى تدميرها": a loss word later in the sentence whose
    pronoun takes back the thing targeted."""
    for event in events:
        if event.start < thing.end or _kind_for(event.get("kind"), thing.item) is None:
            continue
        pronoun = sides.word_suffix(view.text, event.end)
        if pronoun and pronoun in sides.links().object_pronouns:
            return event
    return None


def _governing_event(
    view: _Doc, thing: Counted, events: list[Mention], frames: list[Frame]
) -> Mention | None:
    """The event word right before the thing, else right after it, else the nearest before it
    (else after it); an attack word governs only
    when no loss word is near ("حصيلة قتلى هجمات ... 60 شخصا" is killed, not attack). A reporting
    frame between them starts another clause ("أعلنت مقتل 710، في حين تقول باكو إن 60 قتلوا"), and
    so does a joined إن/أن ("نزح 1.5 مليون، وإن 1.2 مليون آخرين بحاجة إلى مساعدات")."""
    clause = max([_joined_that(view, thing), *(f.end for f in frames if f.end <= thing.start)])
    # a reporting verb of no known speaker too: "تبادل الأسرى، وفق ما قاله الشيخ ...، أحد أعضاء"
    clause = max([clause, *(v.end for v in view.m.within("verb", thing.start - _EVENT_BEFORE, thing.start))])
    before = [
        e
        for e in events
        if clause <= e.start and e.end <= thing.start and thing.start - e.end <= _EVENT_BEFORE
    ]
    after = [
        e
        for e in events
        if e.start >= thing.end
        and e.start - thing.end <= _EVENT_AFTER
        and (e.get("kind") not in PEOPLE_KINDS or item_class(thing.item) == "people")
        and not (item_class(thing.item) != "people" and _counts_people(view, e))
        and not _joined_between(view, thing.end, e.start)
        and not _counts_its_own(view, e)  # "قتلوا ... 95 جنديا وأصابوا أكثر من 900": its own 900
        # "120 ألف نسمة قبل العملية، وسبق أن استعادت": a doer's verb in the next clause
        and not (e.get("voice") == "agentive" and _CLAUSE_BREAK.search(view.text, thing.end, e.start))
    ]  # "قصفا على المعسكر أسفر عن مقتل 9"، "استهدفت سيارة ... سقوط شهيدين": the dead are what befell
    totalled = _word_before_in(view, thing.start, _TOTAL_REACH, sides.links().total_links)
    if item_class(thing.item) == "people" and totalled:
        casualties = [e for e in before if e.get("kind") in PEOPLE_KINDS]
        tallied = _tallied(view, casualties, thing.start)
        if tallied is None and casualties and casualties[-1] is not before[-1]:
            # "عدد القتلى المدنيين منذ دخول الدعم السريع تجاوز 2,000": the tally's word, not the entry
            tallied = casualties[-1] if _word_before_in(
                view, casualties[-1].start, _TALLY_REACH, sides.links().tallies
            ) else None
        if tallied is not None:
            return tallied  # "ارتفع عدد القتلى ... على مدرسة تؤوي نازحين إلى 31 شخصا"
    if (
        before
        and thing.start - before[-1].end <= _EVENT_ADJACENT
        and _kind_for(before[-1].get("kind"), thing.item)
    ):
        return before[-1]
    if (
        after
        and after[0].start - thing.end <= _EVENT_ADJACENT
        and not _CLAUSE_BREAK.search(view.text, thing.end, after[0].start)  # "13 مدنيا وستة جنود، فيما أصيب"
        and (after[0].get("kind") != "attack" or _launched_alone(thing, before))  # "50 صاروخا أطلقت"
        and _kind_for(after[0].get("kind"), thing.item)
    ):
        # "وأن قرابة 200 أسرة نزحت": the verb right after, not a word far before; "مسيرتين أطلقتا
        # نحو إيلات أسقطتا": launched, then downed
        return _downed_after(view, after) or after[0]
    if item_class(thing.item) != "people":  # "وقتل قائد ... بغارة استهدفت سيارتهم": no car's loss
        before = [e for e in before if e.get("kind") not in PEOPLE_KINDS]

    for pool in (
        [e for e in reversed(before) if e.get("kind") != "attack"],
        [e for e in after if e.get("kind") != "attack"],
        list(reversed(before)),
        after,
    ):
        if pool:
            return pool[0]
    return None


def _entered(view: _Doc, event: Mention) -> bool:
    """Things an entering word tells of ("87 شاحنة دخلت"، "دخول 87 شاحنة") came in; they were not
    taken (only places are entered as a taking)."""
    return view.text[event.start : event.end] in sides.links().control_enter


def _downed_after(view: _Doc, after: list[Mention]) -> Mention | None:
    """The destroying verb that follows a launching one in the same clause, if any."""
    if after[0].get("kind") != "attack":
        return None
    for event in after[1:]:
        if _CLAUSE_BREAK.search(view.text, after[0].end, event.start):
            return None
        if event.get("kind") == "destroyed":
            return event
    return None


def _counts_its_own(view: _Doc, event: Mention) -> bool:
    """Whether a verb joined by و has a figure of its own right after it."""
    if view.text[event.start - 1 : event.start] != "و" or event.get("kind") not in PEOPLE_KINDS:
        return False
    after = view.m.within("number", event.end, event.end + _OWN_COUNT_REACH)
    return bool(after) and not _CLAUSE_BREAK.search(view.text, event.end, after[0].start)


def _joined_between(view: _Doc, start: int, end: int) -> bool:
    """ "نقلت «أكثر من 2,000 مرتزق» إلى الجبهات، وأن قواته أسرت اثنين منهم": a clause joined by
    وأن/وإن between a count and a verb after it; the verb is the new clause's."""
    return any(w[:1] == "و" and w[1:] in sides.links().complementisers for w in view.text[start:end].split())


def _joined_that(view: _Doc, thing: Counted) -> int:
    """Where a clause joined by "وإن"/"وأن" before the count begins, else 0."""
    start = max(0, thing.start - _EVENT_BEFORE)
    if "وان" not in view.text[start : thing.start] and "وبان" not in view.text[start : thing.start]:
        return 0  # most counts have no joined إن/أن before them
    words = view.text[start : thing.start].split()
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word[:1] == "و" and word[1:] in sides.links().complementisers:
            return view.text.rfind(word, start, thing.start)
    return 0


def _bomb_set_off(thing: Counted, event: Mention | None, claim: Claim) -> bool:
    """A bomb its own side set off; the other side's, blown up before it struck ("تمكنت قواتنا من
    تفجير 3 عجلات مفخخة قبل وصولها"), is destroyed."""
    if event is None or not event.get("detonates") or not thing.item_mention.get("bomb"):
        return False
    return claim.agent is None or claim.agent != sides.side_code(claim.claimant)


def _confirmed(view: _Doc, thing: Counted, words: str) -> bool:
    """Whether a word of the links.yaml list `words` follows the counted thing in its clause."""
    after = bare_gap(view.text[thing.end : thing.end + _CONFIRM_REACH])
    wanted: frozenset[str] = getattr(sides.links(), words)
    return any(f" {w} " in f" {after} " for w in wanted)


def _fitting_before(thing: Counted, events: list[Mention], sentence: Segment) -> Mention | None:
    """The nearest event word before a list member, in its sentence, that can befall its item."""
    for event in reversed(events):
        before = sentence.start <= event.start and event.end <= thing.start
        if before and _kind_for(event.get("kind"), thing.item):
            return event
    return None


def _launched_alone(thing: Counted, before: list[Mention]) -> bool:
    """Missiles or drones with no word before them that befalls them ("إن 50 صاروخا أطلقت من لبنان"),
    unlike "دمرت 4 مسيرات أطلقها الحوثيون", where the launching only says whose they were."""
    return thing.item in _LAUNCHED and not any(_kind_for(e.get("kind"), thing.item) for e in before)


def _counts_people(view: _Doc, event: Mention) -> bool:
    """Whether a loss word is followed by the people it befell ("سقوط شهيدين"، "سقوط 5 قتلى")."""
    after = view.text[event.end : event.end + _GAP_PAIR]
    reach = event.end + _GAP_PAIR
    head = [m for k in ("event", "item", "number") for m in view.m.within(k, event.end + 1, reach)]
    if not head:
        return False
    first = min(head, key=lambda m: m.start)
    if after[: first.start - event.end].strip():
        return False
    if first.kind == "number":
        return True
    return first.get("kind") in PEOPLE_KINDS or item_class(first.get("item") or "") == "people"


def _background(view: _Doc, sentence: Segment) -> bool:
    """Earlier wars told as context (claims.md rule 6): every date of the sentence ended more than
    a year before the article ("في الفترة من 1988 إلى 1994 (30 ألف قتيل)"); with no date of its
    own, the article is as recent as the latest date it mentions."""
    report = view.m.report_date or view.latest
    dated = [
        d
        for d in view.m.within("date", sentence.start, sentence.end)
        if not d.get("since") and not _descriptive(view, sentence, d)
    ]
    if report is None or not dated:
        return False
    if view.m.report_date is None:
        # no date of its own: dates of a year before the latest the article names are of an earlier
        # year ("عام 1993" in an article that names 1994)
        return all(date.fromisoformat(d.get("end")).year < report.year for d in dated)
    return all((report - date.fromisoformat(d.get("end"))).days > _BACKGROUND_DAYS for d in dated)


def _recalled(view: _Doc, sentence: Segment) -> bool:
    """ "يذكر أن القوات الأرمينية سيطرت في حرب أوائل التسعينيات على ...": the outlet's formula for
    background, with a decade, a year or a month in the sentence, recalls history even when the
    article's own date is unknown; so does a dated figure told as of then ("آنذاك")."""
    words = view.text[sentence.start : sentence.start + _OPENER_REACH].split()
    opened = any(" ".join(words[:n]) in sides.links().recall_openers for n in (4, 3, 2))
    # "وتعود حساسية الوضع في السويداء إلى سنوات الثورة": going back to a cause
    if not opened and words[:1] and words[0] in sides.links().recall_verbs:
        lead = view.text[sentence.start : sentence.end].split()[:_RECALL_TO]
        opened = _TO in lead[2:]
    # "أسفرت، بحسب وزارة الصحة آنذاك، عن سقوط 471": figures of then, told as then
    told = view.text[sentence.start : sentence.end]
    then_words = sides.links().then_words
    then = any(w in told for w in then_words) and any(w in then_words for w in bare_gap(told).split())
    if not (opened or then):
        return False
    decades = sides.links().decades
    if any(word.endswith(tuple(decades)) for word in view.text[sentence.start : sentence.end].split()):
        return True
    dates = view.m.within("date", sentence.start, sentence.end)
    if then:
        return any(not d.get("since") for d in dates)  # "التي وقعت في 17 أكتوبر 2023 ... آنذاك"
    spans = ((date.fromisoformat(d.get("end")) - date.fromisoformat(d.get("start"))).days for d in dates)
    # "يذكر أن الحرب اندلعت عقب هجوم السابع من أكتوبر 2023": a day of a year written out is history too
    written = any(_YEAR.search(view.text, d.start, d.end) for d in dates)
    return written or any(days >= _COARSE_DAYS for days in spans)


def _descriptive(view: _Doc, sentence: Segment, when: Mention) -> bool:
    """A date in a relative clause that describes a party ("وقال الجيش، الذي خسر الخرطوم في 2023،
    إنه استعاد ..."): it dates the description, not the sentence's claims."""
    clause = max(sentence.start, view.text.rfind("،", sentence.start, when.start) + 1)
    words = view.text[clause : when.start].split()
    return bool(words) and words[0] in sides.links().relatives


def _described_then(view: _Doc, sentence: Segment, at: int) -> bool:
    """ "حركة إم 23، التي ظهرت عام 2012 واحتلت غوما لفترة وجيزة، ...": what a relative clause that
    describes a party (or a pluperfect one, "كانت قد انتزعت") tells, when the clause dates it by a
    year or a month or more than a year before the article, is the party's past (rule 6), not the
    news; "التي أعلنت يوم الأحد" is not."""
    start = max(sentence.start, view.text.rfind("،", sentence.start, at) + 1)
    words = view.text[start:at].split()
    if not words or (words[0] not in sides.links().relatives and not _pluperfect(words)):
        return False
    end = view.text.find("،", at, sentence.end)
    report = view.m.report_date or view.latest
    for when in view.m.within("date", start, sentence.end if end < 0 else end):
        first, last = date.fromisoformat(when.get("start")), date.fromisoformat(when.get("end"))
        old = report is not None and (report - last).days > _BACKGROUND_DAYS
        if not when.get("since") and (old or (last - first).days >= _COARSE_DAYS):
            return True
    return False


def _pluperfect(words: list[str]) -> bool:
    """ "بعد أن كانت قد انتزعت أفدييفكا في فبراير 2024": a taking told as already done before."""
    return len(words) >= 2 and words[-1] == "قد" and words[-2] in sides.links().past_tense


def _reported_now(view: _Doc, frames: list[Frame]) -> bool:
    """An organisation that reports it now ("وقالت هيومن رايتس ووتش في تقرير إن ... قتلت 5 آلاف
    عام 2023"): its report is the news, not background; "وكانت المنظمة قد أعلنت" tells of then, and
    a party recalling an earlier war tells history."""
    for frame in frames:
        if frame.claimant.role != "ORG" or frame.start == frame.end:
            continue
        before = bare_gap(view.text[max(0, frame.start - _PAST_REACH) : frame.start]).split()
        if not any(w in sides.links().past_tense for w in before[-2:]):
            return True
    return False


def _history(view: _Doc, sentence: Segment, thing: Counted) -> bool:
    """A count told right after an earlier war's dates, in a sentence that goes on to later ones
    ("من العام 1988 إلى العام 1994 (30 ألف قتيل) وفي خريف العام 2020 ..."): rule 6 for that
    count alone, by the last date before it."""
    report = view.m.report_date or view.latest
    before = [
        d
        for d in view.m.within("date", sentence.start, thing.start)
        if not d.get("since") and not _descriptive(view, sentence, d)
    ]
    if report is None or not before:
        return False
    return (report - date.fromisoformat(before[-1].get("end"))).days > _BACKGROUND_DAYS


def _headline_subject(view: _Doc, sentence: Segment, events: list[Mention]) -> list[Frame]:
    """A headline "أذربيجان تسقط مسيرتين" reports the claim of the party it makes the subject; one
    that opens with a name and a colon ("مصدر عسكري لـ«العربية»: مقتل 15") that speaker's."""
    opens_line = sentence.start == 0 or view.text[sentence.start - 1] == "\n"
    if not (sentence.headline or opens_line):
        return []
    speaker = _colon_speaker(view, sentence)
    if speaker is not None or not sentence.headline:
        return [speaker] if speaker is not None else []
    for event in events:
        if event.get("voice") != "agentive" or event.get("role") == "noun":
            continue
        phrase = sides.actor_phrase_before(view.m, view.text, event.start, sentence.start)
        if phrase and phrase[0].start - sentence.start <= 3:
            claimant = sides.claimant_of(phrase, view.m, view.norm.source_text, conflict=view.conflict)
            if sides.side_code(claimant) and claimant.actor != "ANON":
                return [Frame(event.start, event.start, claimant)]
    return []


def _without_places(view: _Doc, start: int, end: int) -> str:
    """The text between two points with the place names in it blanked."""
    gap = view.text[start:end]
    for place in reversed(view.m.within("place", start, end)):
        gap = gap[: place.start - start] + " " + gap[min(place.end, end) - start :]
    return gap


def _with_colon_speaker(view: _Doc, sentence: Segment, frames: list[Frame]) -> list[Frame]:
    """ "الأمم المتحدة: مقتل 700 في غوما والحكومة تتحدث عن حصيلة أكبر": a line's opening speaker
    owns what comes before the next frame, which speaks only of what follows it."""
    opens_line = sentence.start == 0 or view.text[sentence.start - 1] == "\n"
    speaker = _colon_speaker(view, sentence) if opens_line else None
    return [speaker, *frames] if speaker is not None and speaker.start < frames[0].start else frames


def _colon_speaker(view: _Doc, sentence: Segment) -> Frame | None:
    """ "الجيش الأوكراني: إسقاط 30 مسيرة": the actor phrase a headline or a line opens with, before
    its colon (an outlet it spoke to, "لـ«العربية»", may stand between); a live blog's time stamp
    may stand before it ("10:45 - مصادر طبية: ...")."""
    if view.text.find(":", sentence.start, sentence.end) < 0:
        return None  # most lines have no colon at all
    start = _LINE_LEAD.match(view.text, sentence.start, sentence.end).end()
    colon = view.text.find(":", start, sentence.end)
    actors = view.m.within("actor", start, colon) if colon > 0 else []
    if not actors and colon > 0:
        return _named_speaker(view, start, colon)  # "سميرنوف:" after "الحاكم ... أليكسي سميرنوف:"
    if not actors or actors[0].start - start > _HEADLINE_LEAD:
        return None
    phrase = sides.phrase_at(view.m, view.text, actors[0])
    rest = [a for a in actors if a.start >= phrase[-1].end]
    addressed = all(sides.addressed(view.text, a) for a in rest)
    # "حاكم خاركيف:"، "قائد الجيش في شبيلي الوسطى:": where the office is may stand before the colon
    end = rest[0].start if rest else colon
    words = bare_gap(_without_places(view, phrase[-1].end, end)).split()
    # "الحاكم بالإنابة لمقاطعة كورسك": the office's words and the clitic left of a place's name
    words = [w for w in words if w not in sides.links().office_in and len(w) > 1]
    # "لـ«العربية»"، "عمدة موسكو سيرغي سوبيانين:": the outlet it spoke to, or the official's name
    to_outlet = len(words) <= _NAME_WORDS
    if not addressed or not to_outlet or _topic_label(view, phrase, colon, sentence):
        return None
    if phrase[0].get("type") == "media" and _DATELINE_DASH.search(view.text, start, colon):
        return None  # "عنب بلدي – السويداء: ارتفعت حصيلة ...": the outlet's dateline, not a speaker
    if _OUTLET_AFTER_COLON.match(view.text, colon):
        return None  # "لندن: «الشرق الأوسط» - مع دخول الحرب": where the outlet filed from
    claimant = sides.claimant_of(phrase, view.m, view.norm.source_text, conflict=view.conflict)
    return Frame(colon, colon + 1, claimant)


def _named_speaker(view: _Doc, start: int, colon: int) -> Frame | None:
    """A line opened by a bare name and a colon ("سيرسكي: ..."): the official an earlier line named
    with a title or party right before that name ("القائد العام للقوات المسلحة الأوكرانية أولكسندر
    سيرسكي")."""
    name = view.text[start:colon].strip()
    if len(name) < _SHORTEST_NAME or len(name.split()) > _NAME_WORDS or any(c.isdigit() for c in name):
        return None  # not "س:" of an interview
    at = view.text.rfind(name, 0, start)
    while at > 0:
        phrase = _title_before(view, at) or _title_after(view, at + len(name))
        if phrase is not None:
            claimant = sides.claimant_of(phrase, view.m, view.norm.source_text, conflict=view.conflict)
            return Frame(colon, colon + 1, claimant)
        at = view.text.rfind(name, 0, at)
    return None


def _title_before(view: _Doc, at: int) -> list[Mention] | None:
    """The party's words a few words before a name ("القائد العام للقوات الأوكرانية أولكسندر")."""
    before = view.m.within("actor", max(0, at - _NAMED_REACH), at)
    if not before or view.m.within("verb", before[-1].end, at):
        return None
    phrase = sides.phrase_at(view.m, view.text, before[-1])
    gap = bare_gap(_without_places(view, phrase[-1].end, at)).split()
    named = [w for w in gap if w not in sides.links().office_in and len(w) > 1]
    # "الحاكم بالإنابة لمقاطعة كورسك أليكسي": a title of no party is the authority of where it is
    office = sides.office_place(view.m, view.norm.source_text, phrase[-1].end)
    coded = any(a.get("code") for a in phrase) or office is not None
    return phrase if coded and len(named) <= _NAME_WORDS else None


def _title_after(view: _Doc, end: int) -> list[Mention] | None:
    """The party's words in brackets right after a name ("شودري (المدير العام لـISPR)")."""
    if not view.text.startswith((" (", "("), end):
        return None
    close = view.text.find(")", end, end + _NAMED_REACH * 2)
    found = [a for a in view.m.within("actor", end, close) if a.get("code")] if close > 0 else []
    return sides.phrase_at(view.m, view.text, found[0]) if found else None


def _topic_label(view: _Doc, phrase: list[Mention], colon: int, sentence: Segment) -> bool:
    """ "اليمن: مقتل 7 حوثيين في تعز": a country's bare name before the colon of a line that tells of
    a place in it names the story's country, not who speaks ("روسيا: مقتل 5 آلاف في قره باغ" speaks)."""
    if len(phrase) != 1 or phrase[0].get("type") != "state":
        return False
    code = phrase[0].get("code")
    places = view.m.within("place", colon, sentence.end)
    return any(p.get("country") == code for p in places if not _country(p))


def _speaker(view: _Doc, thing: Counted, frames: list[Frame]) -> bool:
    """ "وقال أحد السكان إن منزله انهار": the people between a reporting verb and its إن speak."""
    after = bare_gap(view.text[thing.end : thing.end + 8]).split()[:1]
    if not after or after[0] not in sides.links().complementisers:
        return False
    return any(0 <= thing.start - f.end <= _SPEAKER_GAP + 4 for f in frames)


def _debris(view: _Doc, thing: Counted) -> bool:
    """ "سقوط حطام إحدى المسيرات على مبنى": the debris of a thing, not the thing lost."""
    before = bare_gap(view.text[max(0, thing.start - _WORDS_NEAR) : thing.start]).split()
    return any(w in sides.links().debris for w in before[-2:])


def _lost_what_is_theirs(view: _Doc, thing: Counted) -> bool:
    """ "فقد نحو 5 ملايين عامل وظائفهم"، "3 ملايين عامل فقدوا وظائفهم": people who lost something
    of theirs (jobs, homes) are no losses; "فقد 5 جنود حياتهم" are."""
    if not view.text[thing.end : thing.end + 1].isspace():
        return False  # "فقدت 5 من جنودها": the pronoun is on the people, they are the losses
    lose = sides.links().lose_verbs
    before = bare_gap(view.text[max(0, thing.start - _WORDS_NEAR) : thing.start]).split()
    after = bare_gap(view.text[thing.end : thing.end + 2 * _WORDS_NEAR]).split()[:2]
    if after[:1] and after[0] in lose:
        owned = after[1:]  # SVO: the people, the verb, what they lost
    elif any(w in lose for w in before[-2:]):
        owned = after[:1]
    else:
        return False
    possessed = bool(owned) and owned[0].endswith(tuple(sides.links().possessives))
    return possessed and owned[0] not in sides.links().lives


def _not_a_count(view: _Doc, thing: Counted) -> bool:
    """ "من أصل 7 مدن"، "القرار 822"، "70 في المائة"، "في ثمانية مواقع": the words around the number
    make it no count."""
    if thing.number is None:
        return False
    before = bare_gap(view.text[max(0, thing.start - _TAIL_REACH) : thing.start]).split()
    tail = [" ".join(before[-2:]), *before[-1:]]
    after = bare_gap(view.text[thing.number.end : thing.number.end + 14]).split()
    percent = " ".join(after[:2]) in sides.links().percent or after[:1] and after[0] in sides.links().percent
    percent = percent or _prefixed(view, thing.number) in sides.links().percent  # the المئة of "20 بالمئة"
    raw = view.text[thing.number.end : thing.number.end + 2].strip()[:1]
    spelled = not view.text[thing.start : thing.start + 1].isdigit()
    hundredth = spelled and thing.value == 100 and "في" in before[-2:]  # the المائة of "70 في المائة"
    measure = bool(after) and after[0] in sides.links().measure_units  # "11 مليار دولار"، "500 طن"
    return (
        bool(percent)
        or measure
        or raw in ("%", "٪")  # Latin and Arabic percent signs
        or hundredth
        or any(w in sides.links().not_count_before for w in tail)
        or (bool(before) and before[-1] in sides.links().locative_before and item_class(thing.item) in _SITES)
        or (bool(before) and before[-1].removeprefix("و").removeprefix("ل") in sides.links().other_acts)
        or _list_index(view, thing.number)
        or _whole_of_part(view, thing.number)
    )


def _whole_of_part(view: _Doc, number: Mention) -> bool:
    """ "قتل 12 من بين 30 جنديا": the 30 are the whole the 12 were of, not a count of the dead."""
    window = view.text[max(0, number.start - _OUT_OF_REACH) : number.start]
    if not any(w in window for w in sides.links().out_of):
        return False
    before = view.m.within("number", max(0, number.start - _OUT_OF_REACH), number.start)
    if not before:
        return False
    gap = bare_gap(view.text[before[-1].end : number.start])
    return gap in sides.links().out_of


def _list_index(view: _Doc, number: Mention) -> bool:
    """The number of a list line ("2. مرتفع مراو"): first on its line, a stop or bracket after it."""
    line = view.text.rfind("\n", 0, number.start) + 1
    first = view.text[line : number.start].strip() == ""
    return first and view.text[number.end : number.end + 1] in _INDEX_MARKS


def _freed(view: _Doc, thing: Counted, events: list[Mention]) -> bool:
    """ "وحررت أكثر من ألف رهينة"، "أنقذت 64 رهينة": captives a freeing word governs are freed, not
    captured."""
    return (
        any(
            e.get("frees") and e.end <= thing.start and thing.start - e.end <= _EVENT_ADJACENT for e in events
        )
        or _near_marker(view, thing, "frees")
        or _near_marker(view, thing, "returns")
    )
    # "إجمالي عدد الأسرى الذين تم تبادلهم ... إلى 2,883"


def _near_marker(view: _Doc, thing: Counted, role: str) -> bool:
    """A marker of `role` before the thing in its clause."""
    near = view.m.within("marker", max(0, thing.start - _FREED_REACH), thing.start)
    clean = [m for m in near if not _CLAUSE_BREAK.search(view.text, m.end, thing.start)]
    return any(m.get("role") == role for m in clean)


def _prefixed(view: _Doc, mention: Mention) -> str:
    """A mention's words with the clitics before it: "بالمئة" for the number المئة."""
    return sides.word_prefix(view.text, mention.start) + view.text[mention.start : mention.end]


def _kind_for(kind: str, item: str) -> str | None:
    if kind == "attack" and item in _LAUNCHED:
        return "attack"  # "أطلقت الفصائل 50 صاروخا": missiles and drones launched in an attack
    if kind == "attack" and item in _SHIPPING:
        return "attack"  # "استهدفت 3 سفن مرتبطة بإسرائيل": ships attacked, none said sunk
    cls = item_class(item)
    kind = _KIND_BY_CLASS.get((kind, cls), kind)
    if kind in _NOT_FOR[cls] or kind == "loss":
        return None
    return kind


def _claim(
    view: _Doc,
    sentence: Segment,
    frames: list[Frame],
    thing: Counted,
    event: Mention | None,
    kind: str,
    prior: Claim | None = None,
    doer: Mention | None = None,
    before: Claim | None = None,
) -> Claim:
    """One claim; a list member that names no side of its own shares the sides of the member
    before it ("مروحيتين أذربيجانيتين وثلاث طائرات مسيرة"), and so does materiel whose loss is
    joined to the claim before ("مقتل 60 من عناصر الدعم السريع وتدمير 7 عربات": their vehicles)."""
    anchor = event.start if event is not None else thing.start
    claimant, modality = _claimant_for(min(anchor, thing.start), frames)
    if _outlet_sum(view, sentence, frames, thing):
        claimant, modality = Claimant("OUTLET", "OUTLET", ""), "asserted"
    verb = doer or _verb_before(view, thing, event)
    # a word that cannot count the thing lends it no negation: "لم تسيطر ...، وقد صددنا 17 هجوما"
    counting = event if event is not None and _kind_for(event.get("kind"), thing.item) else None
    modality = _modality(view, sentence, counting, modality)
    affected, agent = sides.sides_of(
        view.m, view.text, sentence, thing, verb, kind, claimant, view.conflict, denied=modality == "denied"
    )
    m, conflict = view.m, view.conflict
    # "102 من الهيئة، و61 من قوات النظام، و19 مدنيا": civilians are no armed party's
    shares = prior is not None and (thing.item != "civilians" or prior.item == "civilians")
    if shares and sides.named_side(m, view.text, sentence, thing, verb, conflict) is None:
        affected, agent = prior.affected, prior.agent
    elif before is not None and before.affected and _joined_loss(view, event, kind):
        # not after drones downed ("أسقطت 8 مسيرات ... وتضرر محطة الكهرباء"): what they hit was not theirs
        subjectless = before.item not in sides.BORNE and _subjectless(view, sentence, thing, verb)
        if affected is None or subjectless:
            affected, agent = before.affected, before.agent
    item = _people_item(view, sentence, thing, event, affected)
    loss_verb = verb if verb is not None and verb.get("voice") == "loss" else None
    if item == "people" and loss_verb and sides.armed_subject(view.m, view.text, loss_verb, sentence):
        item = "soldiers"  # "الجيش الأذربيجاني فقد 200 قتيل"
    own = sides.side_code(claimant)
    mine = claimant.role == "MIL" and own is not None and affected == own
    if item == "people" and mine and sides.own_losses_before(view.m, view.text, sentence, thing):
        item = sides.refine_people("people", own, True)  # "أن خسائره اقتصرت على 11 شهيدا": its fighters
    qualifier = sides.qualifier(view.m, thing)
    count = Count(thing.value, qualifier if thing.high is None else "at_least", thing.high)
    return Claim(
        doc=view.doc.id,
        claimant=claimant,
        kind=kind,
        item=item,
        count=count,
        affected=affected,
        agent=agent,
        evidence=_evidence(view, sentence),
        # "السيطرة على 34 بلدة في قره باغ": the region is not the place taken
        place=None if kind == "took_control" else _place_near(view, sentence, anchor, frames),
        date=_date_of(view, sentence),
        cumulative=not thing.daily
        and (_has_increment(view, thing) or sides.is_cumulative(view.m, view.text, sentence, anchor)),
        modality=modality,
    )


def _joined_loss(view: _Doc, event: Mention | None, kind: str) -> bool:
    """A loss of materiel told with و right after another claim's words ("... وتدمير 7 عربات"،
    "إلى جانب إعطاب مدرعة")."""
    if event is None or kind not in _MATERIEL_LOSSES:
        return False
    if view.text[event.start - 1 : event.start] == "و":
        return view.text[event.start - 2 : event.start - 1] in (" ", "")
    words = bare_gap(view.text[max(0, event.start - _ALONGSIDE_REACH) : event.start]).split()
    return " ".join(words[-2:]) in sides.links().alongside


def _subjectless(view: _Doc, sentence: Segment, thing: Counted, verb: Mention | None) -> bool:
    """Whether a verbal noun names neither its doer nor the side of what it counts."""
    if verb is None:
        return False
    m, text, conflict = view.m, view.text, view.conflict
    if sides.subject_of(m, text, verb, sentence, conflict) is not None:
        return False
    return sides.named_side(m, text, sentence, thing, verb, conflict) is None


def _verb_before(view: _Doc, thing: Counted, event: Mention | None) -> Mention | None:
    """The verb whose subject tells the sides: for a count with its own casualty noun
    ("فقد نحو 200 قتيل") the loss verb just before it, else the governing event."""
    # a casualty noun after the count ("40 ألفا و500 عسكري بين قتيل وجريح") looks back for its verb too
    own_noun = event is not None and event.get("role") == "noun" and event.start >= thing.end
    if event is None or (event is not thing.event and not own_noun):
        return event
    verbs = [
        e
        for e in view.m.within("event", max(0, thing.start - _EVENT_BEFORE), thing.start)
        if e.get("role") != "noun" and e.get("voice") == "loss" and e.end <= thing.start
    ]
    near = verbs and thing.start - verbs[-1].end <= _EVENT_ADJACENT
    if verbs and (near or _only_adverbials(view, verbs[-1].end, thing.start)):
        return verbs[-1]  # "خسرت منذ بدء توغلها في 6 أغسطس أكثر من 40 ألفا ... بين قتيل وجريح"
    return event


def _only_adverbials(view: _Doc, start: int, end: int) -> bool:
    """Nothing counted or done between two positions: only times, places and qualifiers (a day's
    number counts nothing: "منذ 6 أغسطس")."""
    return not (view.m.within("event", start, end) or view.m.within("item", start, end))


def _people_item(
    view: _Doc, sentence: Segment, thing: Counted, event: Mention | None, affected: str | None
) -> str:
    """What kind of people a count of "people" is: soldiers or fighters when the words around say
    so ("القتلى بين العسكريين ... 1166 شخصا"، "عدد قتلى قوات النظام إلى 205"، "120 من عناصر")."""
    if thing.item != "people":
        return thing.item
    party = view.m.within("actor", thing.end, thing.end + _GAP_PAIR)
    if party and sides.is_armed(party[0]) and bare_gap(view.text[thing.end : party[0].start]) == "من":
        return sides.refine_people("people", _side_code(view, party[0]), True)  # "7 من هيئة تحرير الشام"
    if event is not None and event.end <= thing.start and thing.start - event.end <= _EVENT_BEFORE:
        counts = view.m.within("number", event.end, thing.start)  # "176 مدنيا و143 مقاتلا ... و68 عنصرا":
        end = counts[0].start if counts else thing.start  # not the nouns of the counts before it
        between = [i.get("item") for i in view.m.within("item", event.end, end)]
        armed = [i for i in between if i in _ARMED]
        if armed:
            return armed[-1]
        # "قتلى الجيش"، 'قتلى "جيش الدفاع"'
        construct = view.m.within("actor", event.end, min(thing.start, event.end + 3))
        if construct and sides.is_armed(construct[0]):  # "خسائر العدو": whose, the side found for it
            return sides.refine_people("people", _side_code(view, construct[0]) or affected, True)
    window = max(sentence.start, thing.start - _EVENT_BEFORE)
    if event is not None and event.end <= thing.start:
        window = max(window, event.start)  # "قوة من الجيش نصبت كمينا ... مقتل 15": not the casualty phrase
    for kind in ("item", "actor", "marker"):
        for found in reversed(view.m.within(kind, window, thing.start)):
            if kind == "marker" and found.get("role") != "enemy":
                continue
            head = bare_gap(view.text[max(0, found.start - 10) : found.start]).split()
            # "وكبدت المهاجمين أكثر من 400 قتيل": the enemy the losses were inflicted on
            inflicted = kind == "marker" and bool(head)
            inflicted = inflicted and head[-1].removeprefix("و") in sides.links().inflict
            if not head or (head[-1] not in sides.links().partitive and not inflicted):
                continue
            if view.m.within("number", max(window, found.start - _GAP_PAIR * 2), found.start):
                continue  # "143 مقاتلا من الفصائل ... و68 عنصرا": another count's "of whom"
            if kind == "item" and found.get("item") in _ARMED:
                return found.get("item")  # "حصيلة ضحاياها من العسكريين إلى 1220 قتيلا"
            if kind == "actor" and sides.is_armed(found):  # "عدد القتلى بين القوات الأرمنية يتجاوز 5000"
                # "عدد القتلى في صفوف قواتها": the speaker's forces, whose side is the one hit
                return sides.refine_people("people", _side_code(view, found) or affected, True)
            if kind == "marker":  # "عدد القتلى في صفوف المهاجمين": the enemy's fighting men
                return sides.refine_people("people", affected, True)
    if event is not None and affected is not None and _own_dead(view, event):
        return sides.refine_people("people", affected, True)  # "ليرتفع عدد قتلاه إلى 286": the army's own
    of = _of_whom(view, thing)
    if of is not None and of.get("item") == "civilians":
        return "civilians"  # "4 قتلى من المدنيين"
    tallied = _tally_item(view, sentence, thing)
    if tallied is not None:
        return tallied  # "ارتفع عدد الضحايا المدنيين إلى 39"، "عدد المقاتلين الذين قتلوا ... إلى 541"
    member = bool(thing.item_mention.get("member")) or of is not None or _in_ranks(view, thing)
    return sides.refine_people(thing.item, affected, member)


def _own_dead(view: _Doc, event: Mention) -> bool:
    """A casualty noun with the pronoun of an armed party named before it ("أقر جيش الاحتلال ...
    ليرتفع عدد قتلاه")."""
    word = view.text[event.start : event.end]
    if word not in sides.links().own_dead:
        return False
    before = view.m.within("actor", max(0, event.start - _EVENT_BEFORE), event.start)
    return any(sides.is_armed(a) for a in before)


def _tally_item(view: _Doc, sentence: Segment, thing: Counted) -> str | None:
    """The people a tally counts, when its words name one kind: "عدد الضحايا المدنيين منذ 27 أيلول
    إلى 39 قتيلا وأكثر من 100 جريح"، "عدد المقاتلين السوريين الذين قتلوا ... إلى 541"."""
    totals = sides.links().total_links
    reached = _word_before_in(view, thing.start, _TOTAL_REACH, totals)
    joined = view.m.within("number", max(sentence.start, thing.start - _TOTAL_REACH * 4), thing.start - 1)
    if not reached and not (joined and _word_before_in(view, joined[-1].start, _TOTAL_REACH, totals)):
        return None
    window = max(sentence.start, thing.start - _EVENT_BEFORE)
    tallies = [t for t in sides.links().tallies if t in view.text[window : thing.start]]
    if not tallies:
        return None
    start = max(view.text.rfind(t, window, thing.start) for t in tallies)
    first = view.m.within("number", start, thing.start)  # the tally's own words end at its first figure
    nouns = {i.get("item") for i in view.m.within("item", start, first[0].start if first else thing.start)}
    kinds = nouns & (_ARMED | {"civilians"})
    return kinds.pop() if len(kinds) == 1 else None


def _in_ranks(view: _Doc, thing: Counted) -> bool:
    """ "إيقاع 23 قتيلا في صفوفهم": the dead in a side's ranks are its members."""
    end = thing.end + len(sides.word_suffix(view.text, thing.end))
    after = view.text[end : end + _RANKS_REACH].lstrip()
    return any(after.startswith(w) for w in sides.links().ranks)


def _of_whom(view: _Doc, thing: Counted) -> Mention | None:
    """ "120 من عناصر"، "30 من الجيش"، "4 قتلى من المدنيين": the people named after "of", right
    after the count (not "جريحا، من", nor "17 شهيدا من تحت الأنقاض", nor "فروا من منازلهم")."""
    after = view.text[thing.end : thing.end + 6].split()[:1]
    if after != ["من"]:
        return None
    start = view.text.index("من", thing.end) + 2
    rank = view.text[start : start + _RANK_REACH].split()[:1]
    if rank and rank[0] in sides.links().rank_words:  # "30 من كبار القادة العسكريين"
        start = view.text.index(rank[0], start) + len(rank[0])
    found = [m for m in view.m.within("item", start, start + _OF_GAP + 1) if m.get("item") in PEOPLE]
    found += view.m.within("actor", start, start + _OF_GAP + 1)
    return min(found, key=lambda m: m.start) if found else None


def _side_code(view: _Doc, actor: Mention) -> str | None:
    """The code of an actor phrase starting here (a bare "القوات" takes the demonym after it;
    "التنظيم" the group named before)."""
    if actor.key == "group.anaphor":
        return sides.last_group(view.m, actor.start)
    phrase = sides.phrase_at(view.m, view.text, actor)
    return next((a.get("code") for a in phrase if a.get("code")), None) or (
        view.conflict.army if view.conflict else None
    )


def _control_claims(
    view: _Doc, sentence: Segment, frames: list[Frame], events: list[Mention]
) -> Iterator[Claim]:
    """took_control of named places: one claim per place after a control word, or the place that
    "came under the control of" a side ("أصبحت شوشا تحت سيطرة القوات الأذربيجانية")."""
    falls = [e for e in events if e.get("of_place") == "took_control"]
    if not falls and not any(e.get("kind") == "took_control" for e in events):
        return  # most sentences take no place
    places = view.m.within("place", sentence.start, sentence.end)
    fallen = {e: place for e in falls if (place := _fallen(view, e, places)) is not None}
    controls = [e for e in events if e.get("kind") == "took_control" or e in fallen]
    for i, event in enumerate(controls):
        stop = controls[i + 1].start if i + 1 < len(controls) else sentence.end
        # "استعادت مواقع كانت قد خسرتها، ونفى سقوط بلدة X": a reporting verb opens another clause
        stop = min([stop, *(f.start for f in frames if event.end <= f.start)])
        if event in fallen:
            taken = [fallen[event]]
        elif _under_control(view, event):
            taken = _came_under(view, sentence, event)
        elif _resumptive(view, event):
            taken = _announced_back(view, sentence, event, places)
        elif _unarmed_entry(view, sentence, event) or _during(view, event):
            continue
        elif _described_then(view, sentence, event.start):
            continue  # "التي احتلت غوما عام 2012"
        else:
            taken = list(_objects(view, event, [p for p in places if event.end <= p.start < stop]))
            taken = taken or _town_taken_back(view, event, places)
        for place in taken:
            claimant, modality = _claimant_for(event.start, frames)
            if event in fallen:
                agent = sides.fall_agent(view.m, view.text, sentence, place, claimant, view.conflict)
            else:
                agent = sides.control_agent(view.m, view.text, sentence, event, claimant, view.conflict)
            yield Claim(
                doc=view.doc.id,
                claimant=claimant,
                kind="took_control",
                item="settlements",
                count=Count(1),
                affected=sides.opponent(agent, view.conflict),
                agent=agent,
                evidence=_evidence(view, sentence),
                place=_place(view, place),
                date=_date_of(view, sentence),
                cumulative=False,
                modality=_modality(view, sentence, event, modality),
            )


def _fallen(view: _Doc, event: Mention, places: list[Mention]) -> Mention | None:
    """The town a fall word names right after it ("نفى سقوط قرية سيسولان"، "سقطت الفاشر بيد"), or
    takes back with "المدينة": its fall is a taking; with anything else between ("سقوط صواريخ في
    تل أبيب") it is not."""
    after = [p for p in places if event.end <= p.start and not _country(p)][:1]
    if not after or _gap_without_items(view, event.end, after[0].start).strip():
        return next(iter(_town_taken_back(view, event, places)), None)  # "ونفى سقوط المدينة"
    return after[0]


def _town_taken_back(view: _Doc, event: Mention, places: list[Mention]) -> list[Mention]:
    """ "أجبرت القوات على الفرار من مقلي ... بعد سيطرتها على المدينة": a definite town noun after
    a control word takes back the town named last before it in the sentence."""
    after = view.m.within("item", event.end, event.end + _OBJECT_NOUN_REACH)
    if not after or after[0].get("item") != "settlements" or after[0].get("count") != 1:
        return []  # a town, not "المنطقة"، "الأراضي" or "المدن", which name no one place
    if not _object_gap(view, event.end, after[0].start, False):
        return []
    if not _definite(view, after[0]):
        return []
    # a town a cue named ("بلدة مالام فاتوري"), not where the report was filed ("أبوجا- الجزيرة نت:")
    named = [
        p
        for p in places
        if (p.get("precision") == "exact" and not p.key.startswith(_FACILITY))
        or p.key.startswith(_UNKNOWN_PLACE)
    ]  # "المدينة" takes back a town, not "مقر الفرقة" in it
    towns = [p for p in named if p.end <= event.start and not _dateline(view, p)]
    return towns[-1:]


def _definite(view: _Doc, noun: Mention) -> bool:
    """The noun carries the article, written in the form (الموقع) or before it (بالموقع)."""
    word = view.text[noun.start : noun.end]
    return word.startswith(_ARTICLE) or sides.word_prefix(view.text, noun.start).endswith(_ARTICLE)


def _came_under(view: _Doc, sentence: Segment, event: Mention) -> list[Mention]:
    """ "أصبحت X تحت سيطرة"، "يضع X تحت سيطرة": the place before a change of hands; "يقع تحت
    سيطرة" (a state, not a change) takes nothing."""
    words = bare_gap(view.text[max(sentence.start, event.start - _CAME_UNDER) : event.start]).split()
    if not any(w in sides.links().control_become for w in words):
        return []
    before = view.m.within(
        "place", max(0, event.start - 2 * _CAME_UNDER), event.start
    )  # a quote may split it
    earlier = [p for p in before if not _country(p)]
    named = [p for p in earlier if not _located(view, sentence, p)]  # not "الواقعة في إقليم X"
    return named[:1] or earlier[-1:]


def _under_control(view: _Doc, event: Mention) -> bool:
    """ "تحت سيطرة باكو" states who holds a place; it is not a taking; nor is a present tense in a
    relative clause ("جماعة الحوثي التي تسيطر على صنعاء")."""
    if event.get("kind") != "took_control":
        return False  # "لا يزال مصير 12 جنديا مجهولا": still missing
    before = bare_gap(view.text[max(0, event.start - 8) : event.start]).split()
    present = view.text[event.start : event.start + 1] in _PRESENT_PREFIXES
    return bool(before) and (
        before[-1] in sides.links().control_states or (present and before[-1] in sides.links().relatives)
    )


def _unarmed_entry(view: _Doc, sentence: Segment, event: Mention) -> bool:
    """ "سيتاح لمنظمات الإغاثة دخول تيغراي": entering is a taking only when a force enters."""
    if view.text[event.start : event.end] not in sides.links().control_enter:
        return False
    after = view.m.within("actor", event.end, event.end + 3)
    if after and view.m.within("place", after[0].start, after[0].start + 1):
        return True  # "دخول تيغراي": the name after it is the place entered, not who entered
    if _armed_people_before(view, sentence, event) or _armed_people_after(view, event):
        return False  # "أن مقاتليها دخلوا مدينة حماة"، "دخول مقاتليها إلى": fighters named as the subject
    subject = sides.subject_of(view.m, view.text, event, sentence, view.conflict)
    return subject is None or (isinstance(subject, str) and subject in sides.non_party())


def _armed_people_before(view: _Doc, sentence: Segment, event: Mention) -> bool:
    """Whether soldiers or fighters are named right before a verb, as its subject ("مقاتليها دخلوا")."""
    before = view.m.within("item", max(sentence.start, event.start - _GAP_PAIR), event.start)
    if not before or before[-1].get("item") not in _ARMED:
        return False
    end = before[-1].end + len(sides.word_suffix(view.text, before[-1].end))
    return not view.text[end : event.start].strip()


def _armed_people_after(view: _Doc, event: Mention) -> bool:
    """Whether soldiers or fighters follow a verbal noun right after it, as its doer ("دخول مقاتليها")."""
    after = view.m.within("item", event.end, event.end + 2)
    if not after or after[0].get("item") not in _ARMED:
        return False
    return not view.text[event.end : after[0].start].strip()


def _during(view: _Doc, event: Mention) -> bool:
    """ "أثناء احتلالها إقليم قره باغ": control told as the time something else happened in; "العملية
    التي انطلقت لتطهير فضولي": a verbal noun with ل is what an action is for, not what it did."""
    if sides.word_prefix(view.text, event.start) in _PURPOSE_PREFIXES:
        return True
    return _word_before_in(view, event.start, _PERIOD_REACH, sides.links().period_words)


def _announced_back(view: _Doc, sentence: Segment, event: Mention, places: list[Mention]) -> list[Mention]:
    """ "تلة لالا تبه ... التي كانت الوزارة قد أعلنت السيطرة عليها": a taking announced of the place
    a relative clause takes back (not "التي تسيطر عليها قوات X", a place held)."""
    if not view.text.startswith(_ARTICLE, event.start):
        return []  # a verb, not the verbal noun an announcement takes
    said = view.m.within("verb", max(sentence.start, event.start - _ANNOUNCED_REACH), event.start)
    if not said or not any(v.get("frame") == "say" for v in said):
        return []
    relative = view.text.rfind("التي", sentence.start, said[0].start)
    named = [p for p in places if p.end <= relative and not _country(p)] if relative >= 0 else []
    # "تلة لالا تبه الاستراتيجية في اتجاه جبرائيل-فضولي، التي": the place its noun names, not one
    # named after it as where it lies
    cued = [p for p in named if _cue_before(view, p)]
    return (cued or named)[-1:]


def _cue_before(view: _Doc, place: Mention) -> bool:
    """Whether a town or height noun stands right before a place name ("تلة لالا تبه")."""
    nouns = view.m.within("item", max(0, place.start - _CUE_NOUN_REACH), place.start)
    if not nouns or nouns[-1].get("item") not in PLACES:
        return False
    return not view.text[nouns[-1].end : place.start].strip()


def _resumptive(view: _Doc, event: Mention) -> bool:
    """ "المنطقة التي تسيطر عليها قوات X": the place is before the control word, as its topic
    (not "أطلقت عليها 550 صاروخا": what a launch's عليها takes back was hit)."""
    if event.get("kind") != "took_control":
        return False
    after = bare_gap(view.text[event.end : event.end + 8]).split()  # "التي تسيطر عليها." too
    return bool(after) and after[0] in sides.links().control_resumptive


def _objects(view: _Doc, event: Mention, places: list[Mention]) -> Iterator[Mention]:
    """The places a control word takes: its object and the places coordinated with it
    ("السيطرة على بلدة X وقرية Y"), not places named as where it happened ("في منطقة X"،
    "قرى X وY بمحافظة Z، وقرى W": Z is skipped, the list goes on at the next place noun)."""
    pos, chained, skipped = event.end, True, None
    enters = view.text[event.start : event.end] in sides.links().control_enter
    for place in places:
        if _country(place):
            continue
        if _speaks(view, place):
            return  # "تعلن السيطرة على هادروت ويريفان تنفي": a capital that speaks ends the object list
        if _road_end(view, place, places):
            continue  # "بلدة X على الطريق الدولي حلب- دمشق"
        start = _after_including(view, pos, place.start)  # "مواقع في الفاشر تشمل "مطار الفاشر""
        restart = (
            start > pos
            or bool(view.m.within("item", pos, place.start))
            or _finer_after(view, pos, place, skipped)
        )
        lies_in = pos > event.end and _word_after_in(view, pos, sides.links().lies_in)
        if _object_gap(view, start, place.start, enters) and (chained or restart) and not lies_in:
            chained, skipped = True, None
            yield place
        else:
            chained, skipped = False, place
        pos = place.end


def _road_end(view: _Doc, place: Mention, places: list[Mention]) -> bool:
    """Whether a place names an end of a road: right after a road word, or after a place that does
    with a dash or و between ("الطريق الدولي حلب- دمشق")."""
    earlier = [p for p in places if p.end <= place.start]
    if earlier and bare_gap(view.text[earlier[-1].end : place.start]) in ("", "و") and (
        place.start - earlier[-1].end <= _ROAD_JOIN
    ):
        return _road_end(view, earlier[-1], earlier)
    words = bare_gap(view.text[max(0, place.start - _ROAD_REACH) : place.start]).split()
    return any(" ".join(words[-n:]) in sides.links().roads for n in (1, 2, 3) if len(words) >= n)


def _after_including(view: _Doc, start: int, end: int) -> int:
    """Where a list of what was taken begins after "تشمل"، "منها"، "بينها" in the gap, else `start`."""
    gap = view.text[start:end]
    line = gap.rfind("\n")
    mark = LIST_MARK.match(view.text, start + line + 1, end) if line >= 0 else None
    if mark is not None and mark.end() > mark.start():
        return mark.end()  # "حررت البلدات التالية:\n1. بلدة X": the list line's words
    # "56 بلدة وقرية وتلة، بينها قريتا X": the opener just before the place, however long the list
    offset = max(0, len(gap) - _INCLUDING_GAP)
    tail = gap[offset:]
    if "التي" in tail:  # "تحرير الأراضي ... والتي تشمل إقليم X" is an aim
        return start
    hits = [tail.rfind(w) + len(w) for w in sides.links().including if w in tail]
    return start + offset + max(hits) if hits else start


def _finer_after(view: _Doc, pos: int, place: Mention, skipped: Mention | None) -> bool:
    """ "بلدة X في لوغانسك وY في دونيتسك": a village joined by و after a region named as where
    the one before lies is another place taken."""
    if skipped is None or bare_gap(view.text[pos : place.start]) != "و":
        return False
    village = place.get("precision") == "exact" or place.key.startswith(_UNKNOWN_PLACE)  # a cue's name
    # "في محافظة فضولي، وسلطانلي": the place before was named as a district
    before = bare_gap(view.text[max(0, skipped.start - _GAP_PAIR) : skipped.start]).split()[-1:]
    district = bool(before) and before[0] in sides.links().located_in and before[0] not in _PLAIN_IN
    finer = village and (skipped.get("precision") != "exact" or district)
    located = view.text[place.end : place.end + 4].split()[:1] == ["في"]  # "وY في دونيتسك"
    return finer or located


def _located(view: _Doc, sentence: Segment, place: Mention) -> bool:
    """A place named as where another is ("مدينة شوشا الواقعة في إقليم كاراباخ")."""
    before = bare_gap(view.text[max(sentence.start, place.start - 14) : place.start]).split()
    return any(w in sides.links().control_breaks for w in before[-2:])


def _country(place: Mention) -> bool:
    """A country's name (not a village the gazetteer could only place in its country)."""
    return place.key.startswith("country.")


def _speaks(view: _Doc, place: Mention) -> bool:
    """A place name that is also an actor next to a reporting verb is a speaker, not a place
    ("وكانت يريفان قد أعلنت"، "أعلنت باكو"، "هادروت ويريفان تنفي")."""
    if not view.m.within("actor", place.start, place.start + 1):
        return False
    after = view.m.within("verb", place.end, place.end + _SPEAKER_GAP)
    before = [v for v in view.m.within("verb", max(0, place.start - _SPEAKER_GAP), place.start)]
    if after or any(place.start - v.end <= 2 for v in before):
        return True
    # "دمشق وموسكو تتحدثان": the first of two capitals that speak together
    joined = view.m.within("place", place.end, place.end + _SPEAKER_GAP)
    return bool(joined) and view.text[place.end : joined[0].start].strip() == "و" and _speaks(view, joined[0])


def _gap_without_items(view: _Doc, start: int, end: int) -> str:
    """The text between two positions with the item words in it blanked (place words: قرية، بلدة،
    إقليم)."""
    gap = view.text[start:end]
    for item in reversed(view.m.within("item", start, end)):
        if item.end <= end:
            gap = gap[: item.start - start] + " " + gap[item.end - start :]
    return gap


@cache
def _duration() -> regex.Pattern[str]:
    """A span of time in normalised text: "خلال 44 يوما من القتال"."""
    units = "|".join(sorted(map(regex.escape, sides.links().duration_units)))
    return regex.compile(rf"\bخلال\s+\S+\s+(?:{units})(?:\s+من\s+\S+)?")


def _object_gap(view: _Doc, start: int, end: int, enters: bool) -> bool:
    """No word between that makes the place a location ("في"، "بمحافظة"، "قرب"، "التي")."""
    gap = _duration().sub(" ", _gap_without_items(view, start, end))  # "حرر خلال 44 يوما من القتال مدن"
    words = bare_gap(gap).split()
    breaks = sides.links().control_breaks - (sides.links().enter_into if enters else frozenset())
    located = [w for w in words if w[:1] in "بل" and len(w) > 3 and w not in sides.links().control_allowed]
    # "قرى X وY من محافظة زنغلان": the district the villages are of
    pairs = zip(words, words[1:], strict=False)
    of_district = any(a == _OF and b in sides.links().located_in for a, b in pairs)
    if of_district or located or any(w in breaks for w in words):
        return False
    return len(gap) <= _CONTROL_GAP


# --- fields ------------------------------------------------------------------------------------


def _modality(view: _Doc, sentence: Segment, event: Mention | None, framed: str) -> str:
    if framed == "denied":
        return "denied"
    if event is not None and sides.negated(view.m, event, sentence):
        return "denied"
    if event is not None and any(
        mk.get("role") == "falsehood" for mk in view.m.within("marker", event.end, sentence.end)
    ):
        return "denied"  # "المعلومات ... حول تدمير 3 دبابات أذربيجانية كاذبة"
    if view.m.within("marker", sentence.start, sentence.end) and any(
        mk.get("role") == "uncertain" for mk in view.m.within("marker", sentence.start, sentence.end)
    ):
        return "uncertain"
    return "asserted"


def _evidence(view: _Doc, sentence: Segment) -> Evidence:
    start, end = view.norm.to_source(sentence.start, sentence.end)
    return Evidence(start, end, view.doc.text[start:end])


def _place(view: _Doc, place: Mention) -> Place:
    start, end = view.norm.to_source(place.start, place.end)
    a = place.attrs
    return Place(
        text=view.doc.text[start:end],
        name=a.get("name"),
        country=a.get("country"),
        lat=a.get("lat"),
        lon=a.get("lon"),
        precision=a.get("precision"),
        geonames_id=a.get("geonames_id"),
        start=start,
        end=end,
    )


def _place_near(view: _Doc, sentence: Segment, anchor: int, frames: list[Frame]) -> Place | None:
    """The place nearest the claim's words, within the clause its reporting verb opens when one
    is there ("تنفي سقوط جبل موية وتقول إنها أسقطت طائرة فوق الأبيض": over الأبيض)."""
    places = [
        p
        for p in view.m.within("place", sentence.start, sentence.end)
        if not _country(p)
        and not _speaks(view, p)
        and not _dateline(view, p)
        and not _towards(view, p)
        and not _occasion(view, p)
        and not _backer(view, p)
    ]
    clause = max((f.end for f in frames if f.end <= anchor), default=sentence.start)
    places = [p for p in places if p.start >= clause] or places
    if not places:
        return None
    after = [p for p in places if p.start >= anchor and not _CLAUSE_BREAK.search(view.text, anchor, p.start)]
    if after:  # "ما أدى إلى مقتل 4 مدنيين بينهم طفلان في بلدة خان شيخون": its own words say where
        return _place(view, after[0])
    nearest = min(places, key=lambda p: abs(p.start - anchor))
    return _place(view, _finer_before(view, nearest, places) or nearest)


def _finer_before(view: _Doc, place: Mention, places: list[Mention]) -> Mention | None:
    """ "هجوما على بلدة ماكوميا في إقليم كابو ديلغادو، وقال إن مقاتليه قتلوا": a claim told after
    a town and the region it lies in happened in the town, not anywhere in the region."""
    finer = [p for p in places if p.end <= place.start and place.start - p.end <= _WHERE_REACH]
    taking = view.m.within("event", finer[-1].start - 3 * _WHERE_REACH, finer[-1].start) if finer else []
    if not finer or any(e.get("kind") == "took_control" for e in taking):
        return None  # "حررت بلدتي X وY في دونيتسك، وكبدت": the towns are what was taken
    words = bare_gap(_gap_without_items(view, finer[-1].end, place.start)).split()
    return finer[-1] if words and all(w in sides.links().located_in for w in words) else None


def _backer(view: _Doc, place: Mention) -> bool:
    """ "الفصائل الموالية لأنقرة"، "المدعومة من طهران": a capital named as a party's backer."""
    words = bare_gap(view.text[max(0, place.start - 16) : place.start]).split()
    if words and words[-1] in ("ل", "من", "ب"):
        words = words[:-1]
    return bool(words) and words[-1] in sides.links().affiliated


def _occasion(view: _Doc, place: Mention) -> bool:
    """ "في مؤتمر صحفي في أبوجا"، "في كلمة ألقاها في الرياض": where it was said, not where it happened."""
    words = bare_gap(view.text[max(0, place.start - _OCCASION_REACH) : place.start]).split()
    return any(w in sides.links().speech_occasions for w in words[-3:])


def _towards(view: _Doc, place: Mention) -> bool:
    """ "معدة للإطلاق نحو البحر الأحمر": where something was headed, not where it happened."""
    return _word_before_in(view, place.start, _TOWARDS_REACH, sides.links().towards)


def _dateline(view: _Doc, place: Mention) -> bool:
    """ "ميكيلي - قالت ..."، "طرابلس (رويترز) -": where the report was filed, not where it happened."""
    line = view.text.rfind("\n", 0, place.start) + 1
    return not view.text[line : place.start].strip() and bool(_DATELINE_TAIL.match(view.text, place.end))


def _date_of(view: _Doc, sentence: Segment) -> DateRange | None:
    dates = view.m.within("date", sentence.start, sentence.end)
    found = [d for d in dates if not _descriptive(view, sentence, d)]
    if found:
        return DateRange(found[0].get("start"), found[0].get("end"), "event")
    if view.m.report_date is not None:
        day = view.m.report_date.isoformat()
        return DateRange(day, day, "report")
    return None


def _figure(claim: Claim, model: str) -> tuple:
    """What a claim says, less where it happened: who, what, whose, how many, on which day, of which
    model (or which place, for a place taken: that is what it says)."""
    when = claim.date.start if claim.date and claim.date.basis == "event" else None
    if claim.kind == "took_control" and claim.place is not None:
        model = _place_key(claim) or model
    return (claim.claimant.actor, claim.kind, claim.item, claim.affected, claim.count.value, when, model)


_WHEN = 5  # the place of the event day in a `_figure`


def _undated(figure: tuple) -> tuple:
    return figure[:_WHEN] + figure[_WHEN + 1 :]


def _dedupe(told: list[_Told]) -> list[Claim]:
    """One claim per (claimant, kind, item, affected, number, place, event date, model): the same
    figure with another place or day is another event ("أسقطت طائرة" on Friday and on Tuesday),
    with another model another thing; the outlet's own restatement of an attributed claim
    (headline, summary), also when it says only "people" where the claim says whose, is dropped."""
    seen: dict[tuple, int] = {}
    kept: dict[tuple, int] = {}  # a figure's claim in `out`, to take the qualifier a restatement adds
    attributed = {
        (c.kind, c.item, c.count.value, _place_key(c) if c.kind == "took_control" else None)
        for c, _ in told
        if c.claimant.actor != "OUTLET"
    }
    # a headline's "مقتل 18" restates the body's 18 soldiers of the same side: people is any of them
    whose: dict[tuple, list[Claim]] = {}  # the attributed figures of people, by kind and number
    for c, _ in told:
        if c.claimant.actor != "OUTLET" and c.item in PEOPLE:
            whose.setdefault((c.kind, c.count.value), []).append(c)
    placed: dict[tuple, set[int]] = {}  # the sentences that tell a figure with its place
    dated: dict[tuple, set[int]] = {}  # the sentences that tell a figure with a day of its own
    for claim, model in told:
        if claim.place is not None and claim.kind != "took_control":
            placed.setdefault(_figure(claim, model), set()).add(claim.evidence.start)
        if claim.date is not None and claim.date.basis == "event":
            dated.setdefault(_undated(_figure(claim, model)), set()).add(claim.evidence.start)
    out: list[Claim] = []
    for claim, model in told:
        where = _place_key(claim)
        place = where if claim.kind == "took_control" else None
        figure = _figure(claim, model)
        key = (*figure, where)
        loose = (claim.kind, claim.item, claim.count.value, place)
        # the same key in another sentence restates; in one sentence it is another thing counted
        if seen.get(key, claim.evidence.start) != claim.evidence.start:
            _qualify(out, kept.get(key), claim)
            continue
        people = whose.get((claim.kind, claim.count.value), [])
        restated = claim.item == "people" and any(_same_people(claim, c) for c in people)
        if claim.claimant.actor == "OUTLET" and (loose in attributed or restated):
            continue
        if claim.place is None and placed.get(figure, set()) - {claim.evidence.start}:
            continue  # "التحالف: تدمير 6 زوارق" and "... قبالة سواحل الحديدة": one claim, with its place
        if figure[_WHEN] is None and dated.get(_undated(figure), set()) - {claim.evidence.start}:
            continue  # "الخلية: مقتل 5 إرهابيين" and "... اليوم الثلاثاء": one claim, with its day
        seen[key] = claim.evidence.start
        kept[key] = len(out)
        out.append(claim)
    return out


def _place_key(claim: Claim) -> str | None:
    """Where a claim is, for telling one from another: the gazetteer's name, an unknown name's words."""
    return (claim.place.name or claim.place.text) if claim.place else None


def _same_people(outlet: Claim, told: Claim) -> bool:
    """Whether an attributed figure of people agrees with the outlet's, by side or by place: "مقتل
    26 في باهالغام" and Pakistan's 26 dead in Bahawalpur are two."""
    if outlet.affected is None or told.affected is None or outlet.affected == told.affected:
        return True
    return outlet.place is None or told.place is None or outlet.place.name == told.place.name


def _qualify(out: list[Claim], index: int | None, again: Claim) -> None:
    """ "مقتل 70 من عناصر الشباب" then "مقتل أكثر من 70 عنصرا": a restatement of the same claim
    that qualifies the figure the first telling left bare replaces it, with the words that say so."""
    if index is None or out[index].count.qualifier != "exact" or again.count.qualifier == "exact":
        return
    if out[index].count.high is None and again.count.high is None:
        out[index] = again
