"""Dates in normalised Arabic news text, resolved to calendar days against the article's own date.

Two functions make the public contract:

- `document_date(text, published)`: the article's own date: `published` when given, else a date
  with a year in a header or dateline among the first lines ("09:38 - 20/10/2020 الثلاثاء",
  "اليوم السبت 11\\10\\2025", "دمشق (19 أيلول 2025)"), else None.
- `find(text, ref)`: every date expression of the normalised text as a `Mention(kind="date")` whose
  `attrs` are `{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD", "since": bool}`.

Mention keys (the expression that was read) and the range each resolves to:

- `today`, `yesterday`, `tomorrow`, `day_before_yesterday` (اليوم، أمس، غدا، أول أمس): that day;
  `last_night` (الليلة الماضية): [ref-1, ref]. A night part (ليل أمس) runs into the next day.
- `weekday` (الثلاثاء، مساء الأربعاء، يوم الجمعة): the latest such day on or before ref, so an
  article dated Tuesday saying الثلاثاء means that day; الماضي: strictly before, المقبل: after.
- `absolute` (3 أبريل نيسان 2016، 27 أيلول/سبتمبر، 20/10/2020، Apr 3, 2016، الثامن من تشرين الثاني):
  that day. Without a year: the latest one on or before ref, unless the next is at most
  `FUTURE_DAYS` ahead. A weekday or اليوم written beside it joins the same mention.
- `month`, `year` (أيلول 2014، منتصف مارس الماضي، الشهر الماضي، عام 2020، هذا العام): the month or
  year, narrowed by مطلع/منتصف/أواخر; a current one ends at ref.
- `range` (1 إلى 2 أبريل/نيسان، بين 25 و27 يوليو، بين الجمعة والسبت، من العام 1988 إلى العام 1994)
  and `night` (الليلة الفاصلة بين الجمعة والسبت، ليل الجمعة السبت): first to last day.
- `period` (خلال الـ24 ساعة الماضية، اليومين الماضيين، الأسبوع الماضي): [ref - length, ref]
  (hours round up to whole days); the past week is [ref-7, ref-1].
- `ago` (قبل يومين): that day.
- `since` (منذ 3 أسابيع، منذ يومين، منذ 2012، منذ بدء الصراع في 27 أيلول): [start, ref], with
  `since: True`.

Any day, month or year preceded by منذ (directly or through a few words ending in في: "منذ وقف
إطلاق النار في 11 أكتوبر") becomes a `since` mention. Without `ref`, only expressions that carry
their own year are returned; a since-date without ref has `end == start`.

All words come from `data/lexicon/ar/dates.yaml` (month and weekday names from babel's CLDR data);
this module only composes them. The table and the patterns are built once per process. To stay fast
the text is not scanned with the whole grammar: one automaton pass finds the words that can open a
date expression (month and weekday names, منذ...) and one digit scan the numbers, and the grammar
(stdlib `re`, faster here than `regex`) is tried only there, and only with the branches that can
open with that word or number.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import groupby, islice
from operator import itemgetter
from typing import Any

import ahocorasick

from marsad.cache import compiled_pattern
from marsad.lexicon.load import LexiconError, load_table
from marsad.model import Mention
from marsad.normalise import normalise_form, normalise_text

WEEKDAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Python's date.weekday() order
HEAD_LINES = 8  # lines of an article that may hold its dateline or header
HEAD_CHARS = 2000
HEADER_TOKENS = 12  # a line this short that holds a full date is a header or dateline
MAX_DAY_ONLY_GAP = 4  # characters between a weekday and the calendar date it names
FUTURE_DAYS = 60  # a day or month named without its year is in the past, unless this close ahead

_TABLE_KEYS = frozenset((
    "version", "babel", "months", "weekdays", "month_variants", "weekday_variants", "ordinals",
    "relative_days", "day_parts", "night_between", "modifiers", "this", "month_parts", "units",
    "article", "since", "since_links", "since_gap_words", "ago", "ago_not_after", "approx",
    "weekday_not_before", "year_words", "year_pair_words", "year_suffix", "day_of", "day_suffixes", "clitics",
    "range_joiners", "range_leads", "month_leads", "ambiguous_months",
))
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# HEADER_TOKENS + 1 tokens, each a whole run (possessive: a run is never split into two tokens).
_LONG_LINE = re.compile(rf"(?:[\W_]*+(?:[^\W\d_]++|\d++)){{{HEADER_TOKENS + 1}}}")
# `\d\d*` rather than `\d+`: a pattern that opens with a character class lets `re` skip to the
# next digit with its fast class scan instead of attempting a match at every character.
_DIGITS = re.compile(r"\d\d*")
# Every year the grammar reads is `(?:19|20)\d\d`: a line without one holds no header date.
_YEAR = re.compile(r"(?:19|20)\d\d")
# A dateline: a place name of up to three words and a dash before the date, a dash after it.
_DATELINE_BEFORE = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}[-–—]\s*")
_DATELINE_AFTER = re.compile(r"\s*[-–—]")
_SLASH = "/"  # joins a month's two names into one token: "أكتوبر/تشرين الأول"
_PUNCT = " \t\r\n.,،؛;:!?؟()[]{}<>\"'«»“”‘’`-–—_/\\|…*#@+=~"
_SPACES = re.compile(r"\s+")
_OTHER_LINE_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines splits on these too
_WORD_END = r"(?![^\W\d_])"
# Grammar branches that open with a number only, and those that open with a number or a word. A
# start is either a digit or a letter, and `re` enters every branch of an alternation to fail it:
# each start is tried only with the branches that can open there.
_NUMBER_FIRST = frozenset(("DRANGE", "DMY", "YMD"))
_NUMBER_OR_WORD_FIRST = frozenset(("ABS", "PERA"))
_NEVER = re.compile(r"(?!)")  # no branch can open here


# --------------------------------------------------------------------------------------------
# The table, normalised once


@dataclass(frozen=True, slots=True)
class _Lex:
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    relative: dict[str, str]  # form -> id
    relative_attrs: dict[str, dict[str, Any]]  # id -> offset, span, not_after, not_before (normalised)
    weekday_not_before: frozenset[str]
    parts: dict[str, str]  # form -> part id
    next_day_parts: frozenset[str]
    night_between: tuple[str, ...]
    modifiers: dict[str, str]  # form -> past | next | current
    this: tuple[str, ...]
    month_parts: dict[str, tuple[int, int]]  # form -> (first day, last day)
    unit_forms: dict[str, tuple[str, str]]  # form -> (unit id, one | two | many)
    unit_size: dict[str, tuple[str, int]]  # unit id -> ("days" | "hours" | "months", n)
    calendar_units: frozenset[str]
    article: tuple[str, ...]
    since: tuple[str, ...]
    since_links: tuple[str, ...]
    since_gap_words: int
    ago: tuple[str, ...]
    ago_not_after: tuple[str, ...]
    approx: tuple[str, ...]
    year_words: tuple[str, ...]
    year_pairs: tuple[str, ...]
    year_suffix: tuple[str, ...]
    day_of: tuple[str, ...]
    day_suffixes: tuple[str, ...]
    clitics: tuple[str, ...]
    range_joiners: tuple[str, ...]
    range_leads: tuple[str, ...]
    month_leads: frozenset[str]
    ambiguous_months: frozenset[str]
    numbers: dict[str, int]  # small number words, from number_words.yaml
    day_keys: frozenset[str]  # keys of a day named without a calendar date: relative ids, "weekday"


def _forms(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalise_form(str(v)) for v in values))


def _invert(table: dict[Any, list[str]], where: str, cast: Any = lambda k: k) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, forms in table.items():
        for form in _forms(forms):
            if out.setdefault(form, cast(key)) != cast(key):
                raise LexiconError(f"dates.yaml: {where}: form {form!r} under {out[form]!r} and {key!r}")
    return out


@cache
def lexicon(lang: str = "ar") -> _Lex:
    """The dates table, validated and normalised (once per process)."""
    raw = load_table("dates", lang)
    unknown = set(raw) - _TABLE_KEYS
    if unknown:
        raise LexiconError(f"dates.yaml: unknown keys {sorted(unknown)}")
    months = {m: list(raw["months"][m]) + list((raw.get("month_variants") or {}).get(m, []))
              for m in raw["months"]}
    weekdays = {w: list(raw["weekdays"][w]) + list((raw.get("weekday_variants") or {}).get(w, []))
                for w in raw["weekdays"]}
    if sorted(weekdays) != sorted(WEEKDAY_IDS) or sorted(months) != list(range(1, 13)):
        raise LexiconError("dates.yaml: months must be 1..12 and weekdays mon..sun")
    rel_attrs = {k: {**v, "forms": None, "not_after": _forms(v.get("not_after") or []),
                     "not_before": frozenset(_forms(v.get("not_before") or []))}
                 for k, v in raw["relative_days"].items()}
    parts = raw["day_parts"]
    mparts = raw["month_parts"]
    units = raw["units"]
    unit_forms: dict[str, tuple[str, str]] = {}
    for uid, spec in units.items():
        for number in ("one", "two", "many"):
            for form in _forms(spec[number]):
                if unit_forms.setdefault(form, (uid, number)) != (uid, number):
                    raise LexiconError(f"dates.yaml: units: form {form!r} twice")
    size = {}
    for uid, spec in units.items():
        measure = [k for k in ("hours", "days", "months") if k in spec]
        if len(measure) != 1:
            raise LexiconError(f"dates.yaml: unit {uid!r} needs exactly one of hours/days/months")
        size[uid] = (measure[0], int(spec[measure[0]]))
    numbers = load_table("number_words", lang)
    number_words = _invert({int(k): v for k, v in numbers["units"].items()}, "number units")
    number_words.update({f: 10 for f in _forms(numbers["ten"])})
    return _Lex(
        months=_invert(months, "months", int),
        weekdays=_invert(weekdays, "weekdays", WEEKDAY_IDS.index),
        ordinals=_invert(raw["ordinals"], "ordinals", int),
        relative=_invert({k: v["forms"] for k, v in raw["relative_days"].items()}, "relative_days"),
        relative_attrs=rel_attrs,
        weekday_not_before=frozenset(_forms(raw.get("weekday_not_before") or [])),
        parts=_invert({k: v["forms"] for k, v in parts.items()}, "day_parts"),
        next_day_parts=frozenset(k for k, v in parts.items() if v.get("next_day")),
        night_between=_forms(raw["night_between"]),
        modifiers=_invert(raw["modifiers"], "modifiers"),
        this=_forms(raw["this"]),
        month_parts={f: tuple(v["days"]) for v in mparts.values() for f in _forms(v["forms"])},
        unit_forms=unit_forms,
        unit_size=size,
        calendar_units=frozenset(k for k, v in units.items() if v.get("calendar")),
        article=_forms(raw["article"]),
        since=_forms(raw["since"]),
        since_links=_forms(raw["since_links"]),
        since_gap_words=int(raw["since_gap_words"]),
        ago=_forms(raw["ago"]),
        ago_not_after=_forms(raw["ago_not_after"]),
        approx=_forms(raw["approx"]),
        year_words=_forms(raw["year_words"]),
        year_pairs=_forms(raw["year_pair_words"]),
        year_suffix=_forms(raw["year_suffix"]),
        day_of=_forms(raw["day_of"]),
        day_suffixes=_forms(raw["day_suffixes"]),
        clitics=_forms(raw["clitics"]),
        range_joiners=_forms(raw["range_joiners"]),
        range_leads=_forms(raw["range_leads"]),
        month_leads=frozenset(_forms(raw["month_leads"])),
        ambiguous_months=frozenset(_forms(raw["ambiguous_months"])),
        numbers=number_words,
        day_keys=frozenset((*rel_attrs, "weekday")),
    )


# --------------------------------------------------------------------------------------------
# The grammar, compiled once


def _alt(forms: Any) -> str:
    """A regex alternation of literal forms, longest first, spaces matching any whitespace run.

    The forms are written as a trie ("ال(?:ثامن|ثاني(?:\\s+عشر)?)"): `re` tries the branches of
    an alternation one by one, and thirty ordinals that all open with ال cost thirty attempts at
    every ال of the text, where the trie costs one. The forms that match at one place are prefixes
    of one another, and the trie tries them as the flat list did: longest first. Branches are in
    alphabetical order, so that the grammar's text is the same in every process and its compiled
    program can be cached.
    """
    return "(?:" + _trie(sorted(set(forms))) + ")"


def _trie(forms: list[str]) -> str:
    """The regex of sorted, distinct `forms`: the forms that share a first character are one
    branch, the rest of them a trie of their own; a form that ends where others go on is tried
    after them (an optional group)."""
    ends = bool(forms) and forms[0] == ""
    branches = []
    for head, group in groupby(forms[1:] if ends else forms, key=itemgetter(0)):
        rest = [f[1:] for f in group]
        branches.append(_literal(head + rest[0]) if len(rest) == 1 else _literal(head) + _trie(rest))
    if ends:
        return "(?:" + "|".join(branches) + ")?" if branches else ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _literal(text: str) -> str:
    return re.escape(text).replace("\\ ", r"\s+")


def _w(forms: Any) -> str:
    """Whole words only: an alternation that no letter follows."""
    return _alt(forms) + _WORD_END


@dataclass(frozen=True, slots=True)
class _Grammar:
    at_digit: Any  # compiled pattern of the branches that open with a number, tried at digits
    by_word: dict[str, Any]  # trigger word -> compiled pattern of the branches it can open
    at_word: Any  # without a finder: the branches that open with a word, tried at every word
    triggers: frozenset[str]  # words that may open an expression, with and without a clitic
    finder: Any  # an Aho-Corasick automaton of the triggers, None if one is not letters only
    since_words: tuple[str, ...]  # the first word of each منذ form: no search where none is
    since_left: Any  # منذ before a date, searched in the left context
    since_left_open: Any  # منذ and a few words before a year ("منذ انتهاء الحرب عام 1994")
    lead_left: Any  # a range lead word just before a date
    joiner: Any  # the text between two dates of a range


def _first_words(*groups: Any) -> set[str]:
    return {f.split()[0] for g in groups for f in g}


@cache
def grammar(lang: str = "ar") -> _Grammar:
    lx = lexicon(lang)
    art = _alt(lx.article)
    month = _w(lx.months)
    wday = _w(lx.weekdays)
    mods = _w(lx.modifiers)
    past = _w([f for f, k in lx.modifiers.items() if k == "past"])
    by_number = {n: [f for f, (_, k) in lx.unit_forms.items() if k == n] for n in ("one", "two", "many")}
    u_one, u_two, u_many = (_w(by_number[n]) for n in ("one", "two", "many"))
    u_counted = _w(by_number["one"] + by_number["many"])
    cal_one_forms = [f for f, (u, k) in lx.unit_forms.items() if k == "one" and u in lx.calendar_units]
    cal_one = _w(cal_one_forms)
    month_unit = [f for f, (u, k) in lx.unit_forms.items() if k == "one" and lx.unit_size[u] == ("months", 1)]
    numw = _w(lx.numbers)
    year_word = _alt(lx.year_words)
    suffix = rf"(?:\s?{_alt(lx.year_suffix)}{_WORD_END})?"
    joiner_words = [j for j in lx.range_joiners if len(j) > 1 and j.isalpha()]
    attached = [j for j in lx.range_joiners if len(j) == 1 and j.isalpha()]
    symbols = [j for j in lx.range_joiners if not j.isalpha()]
    day_join = rf"(?:\s*{_alt(symbols)}\s*|\s+{_w(joiner_words)}\s*|\s+{_alt(attached)}\s*)"
    wd_join = rf"(?:\s*{_alt(symbols + ['/'])}\s*|\s+{_w(joiner_words)}\s*|\s+{_alt(attached)}|\s+)"
    today_forms = []
    for form, rid in lx.relative.items():
        attrs = lx.relative_attrs[rid]
        blockers = attrs["not_after"]
        if rid == "today":
            blockers = (*blockers, *lx.ordinals)
        guard = rf"(?!\s+{_w(blockers)})" if blockers else ""
        today_forms.append((form, re.escape(form).replace("\\ ", r"\s+") + _WORD_END + guard))
    rel = "(?:" + "|".join(p for _, p in sorted(today_forms, key=lambda fp: -len(fp[0]))) + ")"

    def months(p: str) -> str:
        return (rf"(?P<{p}m1>{month})(?:\s*[/\-–]\s*(?P<{p}m2>{month})|\s*\(\s*(?P<{p}m3>{month})\s*\)"
                rf"|\s+(?P<{p}m4>{month}))?")

    def year(p: str) -> str:
        # no comma before the year: "في 27 سبتمبر، 2000 جندي" is a date and a count
        return rf"(?:\s*(?:{year_word}\s*)?(?P<{p}y>(?:19|20)\d\d)(?!\d){suffix})"

    def qty(p: str) -> str:
        return (rf"(?:(?P<{p}n>\d{{1,4}}(?!\d)|{numw})\s+(?P<{p}u>{u_counted})"
                rf"|(?P<{p}u2>{u_two})|(?P<{p}u1>{u_one})(?!\s*\d)(?!\s+{month}))")

    clitics = "".join(c for c in lx.clitics if len(c) == 1)
    day = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
    day_suffix = rf"(?:{_alt(lx.day_suffixes)})?"
    approx = rf"(?:{_w(lx.approx)}\s+)?"
    branches = {
        "NIGHT": rf"{_alt(lx.night_between)}\s+(?P<NIGHT_a>{wday}){wd_join}(?P<NIGHT_b>{wday})",
        "DRANGE": (rf"(?<!\d[.,/\\-])(?P<DRANGE_a>{day}){day_join}(?:{art}\s?)?"
                   rf"(?P<DRANGE_d>{day})[\s,]*(?:{_w(lx.day_of)}\s+)?"
                   rf"{months('DRANGE_')}{year('DRANGE_')}?(?:\s+(?P<DRANGE_mod>{mods}))?"),
        "DMY": (r"(?<![\d.,/\\-])(?P<DMY_a>\d{1,2})(?P<DMY_s>[./\\-])(?P<DMY_b>\d{1,2})(?P=DMY_s)"
                r"(?P<DMY_y>(?:19|20)\d\d)(?![\d]|[./\\-]\d)"),
        "YMD": (r"(?<![\d.,/\\-])(?P<YMD_y>(?:19|20)\d\d)(?P<YMD_s>[./\\-])(?P<YMD_m>\d{1,2})(?P=YMD_s)"
                r"(?P<YMD_d>\d{1,2})(?![\d]|[./\\-]\d)"),
        "ENG": (rf"(?P<ENG_m1>{month})\.?\s+(?P<ENG_d>{day}){day_suffix}\s*,?\s*"
                rf"(?P<ENG_y>(?:19|20)\d\d)(?!\d)"),
        "ABS": (rf"(?:(?<!\d[.,/\\-])(?:{art}\s?)?(?P<ABS_d>{day}){day_suffix}"
                rf"|(?P<ABS_o>{_w(lx.ordinals)}))[\s,]*"
                rf"(?:{_w(lx.day_of)}\s+)?(?:{months('ABS_')}|{art}(?P<ABS_rm>{_w(month_unit)})"
                rf"(?:\s+(?P<ABS_rmod>{mods}))?){year('ABS_')}?(?:\s+(?P<ABS_mod>{mods}))?"),
        "SINCEY": rf"{_w(lx.since)}\s+(?P<SINCEY_y>(?:19|20)\d\d)(?!\d)(?!\s+{u_counted})",
        "SINCEP": rf"{_w(lx.since)}\s+{approx}{qty('SINCEP_')}",
        "AGO": rf"{_w(lx.ago)}\s+{approx}{qty('AGO_')}(?!\s+{_w(lx.ago_not_after)})",
        "PERB": (rf"{art}(?P<PERB_u>{u_many})\s+(?:{art}\s?)?(?P<PERB_n>\d{{1,4}}(?!\d)|{numw})"
                 rf"\s+(?P<PERB_mod>{past})"),
        "PERC": rf"{art}(?P<PERC_u2>{u_two})\s+(?P<PERC_mod>{past})",
        "PERA": (rf"(?:{art}\s?)?(?P<PERA_n>\d{{1,4}}(?!\d)|{numw})\s+(?P<PERA_u>{u_counted})"
                 rf"\s+(?P<PERA_mod>{past})"),
        "PERT": rf"(?P<PERT_this>{_w(lx.this)})\s+{art}(?P<PERT_u>{cal_one})",
        "PERD": (rf"(?:(?P<PERD_part>{_w(lx.month_parts)})\s+)?{art}(?P<PERD_u>{cal_one})"
                 rf"\s+(?P<PERD_mod>{mods})"),
        # "منذ بداية الشهر"، "مطلع العام": a part of the unit with no modifier is of the current one
        "PERP": rf"(?P<PERP_part>{_w(lx.month_parts)})\s+{art}(?P<PERP_u>{cal_one})",
        "REL": (rf"(?:(?P<REL_part>{_w(lx.parts)})\s+)?(?P<REL_w>{rel})"
                rf"(?:\s*\(\s*{wday}\s*\)|[\s،,]+{wday})?"),
        "WDAY": rf"(?:(?P<WDAY_part>{_w(lx.parts)})\s+)?(?P<WDAY_wd>{wday})(?:\s+(?P<WDAY_mod>{mods}))?",
        "MONO": (rf"(?:(?P<MONO_part>{_w(lx.month_parts)})\s+)?(?:(?P<MONO_shahr>{_w(month_unit)})\s+)?"
                 rf"{months('MONO_')}{year('MONO_')}?(?:\s+(?P<MONO_mod>{mods}))?"),
        "YPAIR": (rf"{_w(lx.year_pairs)}\s*(?P<YPAIR_a>(?:19|20)\d\d){day_join}"
                  rf"(?P<YPAIR_b>(?:19|20)\d\d)(?!\d){suffix}"),
        # not a written date: "في 2020-10-20" is that day, not the year
        "YR": rf"{year_word}\s*(?P<YR_y>(?:19|20)\d\d)(?!\d)(?![-/.]\d){suffix}",
    }

    def compiled(name: str, keep: Any) -> Any:
        body = "|".join(f"(?P<{b}>{pattern})" for b, pattern in branches.items() if keep(b))
        if not body:
            return _NEVER
        return compiled_pattern(f"dates-{lang}-{name}", rf"(?:[{clitics}](?=[^\W\d_]))?(?:{body})")

    at_digit = compiled("digit", lambda b: b in _NUMBER_FIRST or b in _NUMBER_OR_WORD_FIRST)

    def with_article(forms: Any) -> set[str]:
        return {a + f for a in lx.article for f in forms}

    # The words each branch that opens with a word can open with. A trigger opens a branch when it
    # is one of them, or a clitic and one of them: no other branch can match there (its first word
    # is another, or is followed by letters where the branch wants a space, a digit or a word end).
    first_unit = {n: _first_words(forms) for n, forms in by_number.items()}
    numbers = _first_words(lx.numbers)
    opens = {
        "NIGHT": _first_words(lx.night_between),
        "ENG": _first_words(lx.months),
        "ABS": {*lx.article, *_first_words(lx.ordinals)},
        "SINCEY": _first_words(lx.since),
        "SINCEP": _first_words(lx.since),
        "AGO": _first_words(lx.ago),
        "PERB": with_article(first_unit["many"]),
        "PERC": with_article(first_unit["two"]),
        "PERA": {*lx.article, *numbers, *with_article(numbers)},
        "PERT": _first_words(lx.this),
        "PERD": _first_words(lx.month_parts) | with_article(_first_words(cal_one_forms)),
        "PERP": _first_words(lx.month_parts),
        "REL": _first_words(lx.parts) | _first_words(lx.relative),
        "WDAY": _first_words(lx.parts) | _first_words(lx.weekdays),
        "MONO": _first_words(lx.month_parts) | _first_words(month_unit) | _first_words(lx.months),
        "YPAIR": _first_words(lx.year_pairs),
        "YR": _first_words(lx.year_words),
    }
    assert set(opens) == set(branches) - _NUMBER_FIRST, "a branch that opens with a word lacks its words"

    triggers = _first_words(
        lx.months, lx.weekdays, lx.ordinals, lx.relative, lx.parts, lx.night_between, lx.this,
        lx.month_parts, lx.since, lx.ago, lx.year_words, lx.year_pairs, month_unit,
        with_article(lx.unit_forms),
    )  # "الـ24 ساعة" and "الـ 1 من" start at their digits
    gap = rf"(?:[^\W\d_]+\s+){{0,{lx.since_gap_words}}}?{_w(lx.since_links)}\s+"
    since_left = re.compile(rf"(?<![^\W\d_])[{clitics}]?{_w(lx.since)}\s+(?:{gap})?$")
    open_gap = rf"(?:[^\W\d_]+\s+){{0,{lx.since_gap_words}}}"
    since_left_open = re.compile(rf"(?<![^\W\d_])[{clitics}]?{_w(lx.since)}\s+{open_gap}$")
    lead_left = re.compile(rf"(?<![^\W\d_])[{clitics}]?(?P<lead>{_w(lx.range_leads)})\s+$")
    joiner = re.compile(rf"{day_join}|{wd_join}")
    triggers |= {c + t for c in clitics for t in triggers}
    finder = at_word = None
    by_word: dict[str, Any] = {}
    if not all(t.isalpha() for t in triggers):
        at_word = compiled("word", lambda b: b not in _NUMBER_FIRST)
    else:
        finder = ahocorasick.Automaton()
        opened: dict[str, set[str]] = {}  # opening word -> branches
        for b, words in opens.items():
            for w in words:
                opened.setdefault(w, set()).add(b)
        order = {b: k for k, b in enumerate(branches)}
        subsets: dict[tuple[str, ...], Any] = {}
        # The automaton looks a letter up among a node's children in the order they were added:
        # words in the text's script first.
        for word in sorted(triggers, key=lambda w: (w.isascii(), w)):
            finder.add_word(word, (word, len(word) - 1))  # the word, and its last letter's offset
            after_clitic = opened.get(word[1:], set()) if word[0] in clitics else set()
            names = tuple(sorted(opened.get(word, set()) | after_clitic, key=order.__getitem__))
            if names not in subsets:
                subsets[names] = compiled("word_" + "_".join(names), lambda b, names=names: b in names)
            by_word[word] = subsets[names]
        finder.make_automaton()
    since_words = tuple(sorted(_first_words(lx.since)))
    return _Grammar(at_digit, by_word, at_word, frozenset(triggers), finder, since_words, since_left,
                    since_left_open, lead_left, joiner)


# --------------------------------------------------------------------------------------------
# Calendar arithmetic


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, mon = day.year + y, m + 1
    return date(year, mon, min(day.day, calendar.monthrange(year, mon)[1]))


def _month_range(year: int, month: int, part: tuple[int, int] | None = None) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    lo, hi = part or (1, last)
    return date(year, month, min(lo, last)), date(year, month, min(hi, last))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_day(day: int, month: int, ref: date, mod: str | None) -> date | None:
    """A day and month with no year: the latest on or before `ref`, unless the next one is at most
    `FUTURE_DAYS` ahead (or a modifier says which side)."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe(y, month, day))]
    before = [d for d in options if d <= ref]
    after = [d for d in options if d > ref]
    if mod == "next" or (mod is None and after and (after[0] - ref).days <= FUTURE_DAYS):
        return after[0] if after else None
    return before[-1] if before else None


def _nearest_month(month: int, ref: date, mod: str | None) -> int:
    """The year of a month named without one: this year's or last year's, unless the month starts
    at most `FUTURE_DAYS` ahead (or a modifier says which side)."""
    if mod == "past":
        return ref.year if month < ref.month else ref.year - 1
    if mod == "current":
        return ref.year
    upcoming = date(ref.year if month > ref.month else ref.year + 1, month, 1)
    if mod == "next" or (upcoming - ref).days <= FUTURE_DAYS:
        return upcoming.year
    return ref.year if month <= ref.month else ref.year - 1


def _weekday(wd: int, ref: date, mod: str | None) -> date:
    back = (ref.weekday() - wd) % 7
    if mod == "past" and back == 0:
        back = 7
    if mod == "next":
        return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    return ref - timedelta(days=back)


def _length_back(ref: date, unit: tuple[str, int], n: int, round_up: bool) -> date:
    measure, size = unit
    if measure == "months":
        return _add_months(ref, -size * n)
    days = size * n if measure == "days" else (size * n) / 24
    return ref - timedelta(days=math.ceil(days) if round_up else math.floor(days))


# --------------------------------------------------------------------------------------------
# Hits: what one match says, before merging and conversion to mentions


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    key: str
    first: date | None
    last: date | None
    single: bool = False  # one day, that may pair with another into a range
    weekday: int | None = None  # a weekday named without a calendar date
    dm: tuple[int, int] | None = None  # day and month named without a year
    own_year: bool = False  # resolvable without the article's date
    anchored: bool = False  # a weekday or اليوم stands next to the calendar date
    since: bool = False


def _word_before(text: str, pos: int) -> str:
    """The last word before `pos` in the same clause ("" across punctuation other than quotes)."""
    left = text[max(0, pos - 16):pos].rstrip(" \t\"'«»“”‘’")
    last = _TOKEN.match(left[::-1])  # the run of letters or digits that ends `left`, read backwards
    return last.group()[::-1] if last else ""


def _norm(text: str | None) -> str:
    """A matched form with its whitespace runs as single spaces (most forms are one word)."""
    if not text:
        return ""
    return text if text.isalnum() else _SPACES.sub(" ", text)


def _month_of(lx: _Lex, m: Any, p: str) -> int:
    return lx.months[_norm(m.group(f"{p}m1"))]


def _mod(lx: _Lex, m: Any, name: str) -> str | None:
    value = m.group(name)
    return lx.modifiers.get(_norm(value)) if value else None


def _quantity(lx: _Lex, m: Any, p: str) -> tuple[tuple[str, int], int, str] | None:
    """(unit size, count, unit id) of a `qty()` group."""
    if m.group(f"{p}n"):
        raw = _norm(m.group(f"{p}n"))
        n = int(raw) if raw.isdigit() else lx.numbers[raw]
        uid = lx.unit_forms[_norm(m.group(f"{p}u"))][0]
    elif m.group(f"{p}u2"):
        n, uid = 2, lx.unit_forms[_norm(m.group(f"{p}u2"))][0]
    else:
        n, uid = 1, lx.unit_forms[_norm(m.group(f"{p}u1"))][0]
    return (lx.unit_size[uid], n, uid) if n > 0 else None


def _calendar_day(day: int, month: int, year: str | None, mod: str | None, ref: date | None,
                  span: tuple[int, int]) -> _Hit | None:
    if year:
        d = _safe(int(year), month, day)
        own = True
    else:
        d = _nearest_day(day, month, ref, mod) if ref else None
        own = False
    if d is None and (year or ref):
        return None
    return _Hit(span[0], span[1], "absolute", d, d, single=True, dm=(day, month), own_year=own)


def _read(lx: _Lex, m: Any, ref: date | None) -> _Hit | None:
    """Interpret one match of the grammar."""
    branch = m.lastgroup
    span = m.span(branch)
    if branch == "WDAY":  # the most frequent first
        return _read_weekday(lx, m, span, ref)
    if branch == "REL":
        return _read_relative(lx, m, span, ref)
    if branch == "DMY":
        a, b = int(m.group("DMY_a")), int(m.group("DMY_b"))
        day, mon = (b, a) if b > 12 >= a else (a, b)
        d = _safe(int(m.group("DMY_y")), mon, day)
        return _Hit(*span, "absolute", d, d, single=True, own_year=True) if d else None
    if branch == "YMD":
        d = _safe(int(m.group("YMD_y")), int(m.group("YMD_m")), int(m.group("YMD_d")))
        return _Hit(*span, "absolute", d, d, single=True, own_year=True) if d else None
    if branch == "ENG":
        d = _safe(int(m.group("ENG_y")), lx.months[_norm(m.group("ENG_m1"))], int(m.group("ENG_d")))
        return _Hit(*span, "absolute", d, d, single=True, own_year=True) if d else None
    if branch == "ABS":
        day = int(m.group("ABS_d")) if m.group("ABS_d") else lx.ordinals[_norm(m.group("ABS_o"))]
        mod = _mod(lx, m, "ABS_mod")
        if m.group("ABS_rm"):  # "21 من الشهر الماضي"
            if ref is None:
                return None
            shift = {"past": -1, "next": 1}.get(_mod(lx, m, "ABS_rmod") or "", 0)
            base = _add_months(ref.replace(day=1), shift)
            d = _safe(base.year, base.month, day)
            return _Hit(*span, "absolute", d, d, single=True) if d else None
        return _calendar_day(day, _month_of(lx, m, "ABS_"), m.group("ABS_y"), mod, ref, span)
    if branch == "DRANGE":
        mon, year = _month_of(lx, m, "DRANGE_"), m.group("DRANGE_y")
        last = _calendar_day(int(m.group("DRANGE_d")), mon, year, _mod(lx, m, "DRANGE_mod"), ref, span)
        if last is None or last.last is None:
            return None
        first_day = int(m.group("DRANGE_a"))
        base = last.last if first_day <= last.last.day else _add_months(last.last.replace(day=1), -1)
        first = _safe(base.year, base.month, first_day)
        if first is None or first > last.last:
            return None
        return _Hit(*span, "range", first, last.last, own_year=last.own_year)
    if branch == "MONO":
        mon, year, mod = _month_of(lx, m, "MONO_"), m.group("MONO_y"), _mod(lx, m, "MONO_mod")
        part = lx.month_parts.get(_norm(m.group("MONO_part"))) if m.group("MONO_part") else None
        licensed = (year or mod or part or m.group("MONO_shahr")
                    or any(m.group(f"MONO_m{i}") for i in (2, 3, 4)))
        if not licensed:
            if _word_before(m.string, span[0]) not in lx.month_leads:
                return None
            if _norm(m.group("MONO_m1")) in lx.ambiguous_months:
                return None
        if year:
            y = int(year)
        elif ref:
            y = _nearest_month(mon, ref, mod)
        else:
            return None
        first, last = _month_range(y, mon, part)
        return _Hit(*span, "month", first, last, own_year=bool(year))
    if branch == "YR":
        y = int(m.group("YR_y"))
        return _Hit(*span, "year", date(y, 1, 1), date(y, 12, 31), own_year=True)
    if branch == "YPAIR":  # "بين عامي 1988 و1994"
        a, b = int(m.group("YPAIR_a")), int(m.group("YPAIR_b"))
        return _Hit(*span, "range", date(a, 1, 1), date(b, 12, 31), own_year=True) if a < b else None
    if branch == "SINCEY":
        y = int(m.group("SINCEY_y"))
        return _Hit(*span, "since", date(y, 1, 1), ref or date(y, 1, 1), own_year=True, since=True)
    # everything below is relative to the article's date
    if ref is None:
        return None
    if branch in ("SINCEP", "AGO"):
        p = f"{branch}_"
        q = _quantity(lx, m, p)
        if q is None:
            return None
        size, n, _ = q
        start = _length_back(ref, size, n, round_up=branch == "SINCEP")
        if branch == "AGO":
            return _Hit(*span, "ago", start, start, single=True)
        return _Hit(*span, "since", start, ref, since=True)
    if branch in ("PERA", "PERB", "PERC"):
        p = f"{branch}_"
        if branch == "PERC":
            n, uid = 2, lx.unit_forms[_norm(m.group("PERC_u2"))][0]
        else:
            raw = _norm(m.group(f"{p}n"))
            n = int(raw) if raw.isdigit() else lx.numbers[raw]
            uid = lx.unit_forms[_norm(m.group(f"{p}u"))][0]
        if n <= 0:
            return None
        return _Hit(*span, "period", _length_back(ref, lx.unit_size[uid], n, round_up=True), ref)
    if branch in ("PERD", "PERT", "PERP"):
        uid = lx.unit_forms[_norm(m.group(f"{branch}_u"))][0]
        mod = "current" if branch != "PERD" else _mod(lx, m, "PERD_mod")
        part_word = m.group(f"{branch}_part") if branch != "PERT" else None
        part = lx.month_parts.get(_norm(part_word)) if part_word else None
        return _calendar_period(lx, uid, mod, part, ref, span)
    if branch == "NIGHT":
        a, b = lx.weekdays[_norm(m.group("NIGHT_a"))], lx.weekdays[_norm(m.group("NIGHT_b"))]
        last = _weekday(b, ref, None)
        first = last - timedelta(days=(b - a) % 7 or 7)
        return _Hit(*span, "night", first, last)
    return None


def _read_relative(lx: _Lex, m: Any, span: tuple[int, int], ref: date | None) -> _Hit | None:
    """اليوم، أمس، الليلة الماضية، مساء أمس: a day (or night) counted from the article's date."""
    rid = lx.relative[_norm(m.group("REL_w"))]
    attrs = lx.relative_attrs[rid]
    if _word_before(m.string, span[0]) in attrs["not_before"]:
        return None
    if ref is None:  # unresolved, but may still anchor a calendar date beside it
        return _Hit(*span, rid, None, None)
    d = ref + timedelta(days=int(attrs.get("offset", 0)))
    end = d + timedelta(days=int(attrs.get("span", 0)))
    part = lx.parts.get(_norm(m.group("REL_part"))) if m.group("REL_part") else None
    if part in lx.next_day_parts:
        end = max(end, min(d + timedelta(days=1), ref))
    return _Hit(*span, rid, d, min(end, max(ref, d)), single=end == d)


def _read_weekday(lx: _Lex, m: Any, span: tuple[int, int], ref: date | None) -> _Hit | None:
    """الثلاثاء، مساء الأربعاء، الجمعة الماضي: the latest such day, or the one a modifier names."""
    if _word_before(m.string, span[0]) in lx.weekday_not_before:
        return None
    wd = lx.weekdays[_norm(m.group("WDAY_wd"))]
    if ref is None:
        return _Hit(*span, "weekday", None, None, weekday=wd)
    d = _weekday(wd, ref, _mod(lx, m, "WDAY_mod"))
    part = lx.parts.get(_norm(m.group("WDAY_part"))) if m.group("WDAY_part") else None
    end = min(d + timedelta(days=1), max(ref, d)) if part in lx.next_day_parts else d
    return _Hit(*span, "weekday", d, end, single=end == d, weekday=wd)


def _calendar_period(lx: _Lex, uid: str, mod: str | None, part: tuple[int, int] | None, ref: date,
                     span: tuple[int, int]) -> _Hit | None:
    measure, size = lx.unit_size[uid]
    shift = {"past": -1, "next": 1}.get(mod or "", 0)
    if measure == "months":
        if size == 12:
            y = ref.year + shift
            first, last = date(y, 1, 1), date(y, 12, 31)
            key = "year"
        else:
            base = _add_months(ref.replace(day=1), shift * size)
            first, last = _month_range(base.year, base.month, part)
            key = "month"
        if shift == 0 and part is None:
            last = ref
        return _Hit(*span, key, first, last)
    days = size if measure == "days" else 1
    if shift < 0:
        return _Hit(*span, "period", ref - timedelta(days=days), ref - timedelta(days=1))
    if shift > 0:
        return _Hit(*span, "period", ref + timedelta(days=1), ref + timedelta(days=days))
    return _Hit(*span, "period", ref - timedelta(days=days - 1), ref)


# --------------------------------------------------------------------------------------------
# Scanning, merging, output


def _scan(text: str, ref: date | None, lang: str = "ar") -> list[_Hit]:
    lx, g = lexicon(lang), grammar(lang)
    hits: list[_Hit] = []
    done = 0
    if g.finder is not None:
        positions = _trigger_positions(text, g.finder)
    else:
        positions = _trigger_positions_by_words(text, g.triggers)
    for pos, word in positions:
        if pos < done:
            continue
        pattern = g.by_word.get(word) or (g.at_digit if text[pos].isdecimal() else g.at_word)
        m = pattern.match(text, pos)
        if m is None:
            continue
        try:
            hit = _read(lx, m, ref)
        except (ValueError, OverflowError):  # "منذ 3000 عام": a date before year 1 is no date
            hit = None
        if hit is not None:
            if text[pos].isdigit():
                hit.start = _with_article(text, pos, lx.article)
            hits.append(hit)
            done = hit.end
    return _merge(text, hits, g, ref, lx.day_keys)


def _trigger_positions(text: str, finder: Any) -> list[tuple[int, str]]:
    """Where an expression may start, in text order: each digit run (with the word ""), and each
    whole word that is a trigger (with the word).

    A trigger counts when it is one of the text's words: a whitespace-separated token, split at
    slashes ("أكتوبر/تشرين"), once the punctuation around it is stripped ("الثلاثاء،"), or the
    letters written against a number
    ("الأحد16"). Then each of its occurrences that no letter touches is a start, found left to
    right without overlap. One automaton pass finds every occurrence of every trigger.

    The triggers are letters only, so an occurrence that overlaps an earlier one, or sits inside a
    longer word, has a letter before or after it: it is neither a start nor a word, and is dropped
    first.
    """
    positions = [(m.start(), "") for m in _DIGITS.finditer(text)]
    size = len(text)
    free: dict[str, list[tuple[int, str]]] = {}
    words: set[str] = set()
    for last, (word, back) in finder.iter(text):
        i, j = last - back, last + 1
        if (i and text[i - 1].isalpha()) or (j < size and text[j].isalpha()):
            continue
        if word not in words and _is_word(text, i, j):
            words.add(word)
        if i == 0 or not text[i - 1].isalnum():
            free.setdefault(word, []).append((i, word))
    for word, starts in free.items():
        if word in words:
            positions.extend(starts)
    positions.sort()
    return positions


def _trigger_positions_by_words(text: str, triggers: frozenset[str]) -> list[tuple[int, str]]:
    """`_trigger_positions` for triggers that are not all letters: the text's words are listed
    (whitespace split, then at slashes, punctuation stripped) and the triggers among them located
    with `str.find`."""
    words = {w.strip(_PUNCT) for token in set(text.split()) for w in token.split(_SLASH)}
    positions: list[tuple[int, str]] = []
    for m in _DIGITS.finditer(text):
        i = m.start()
        positions.append((i, ""))
        j = i
        while j > 0 and text[j - 1].isalpha():  # a word written against the number: "الأحد16"
            j -= 1
        if j < i:
            words.add(text[j:i])
    size = len(text)
    for word in words & triggers:
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not text[i - 1].isalnum()) and (j == size or not text[j].isalpha()):
                positions.append((i, word))
            i = text.find(word, j)
    positions.sort()
    return positions


_STRIPPED = frozenset(_PUNCT) - frozenset(" \t\r\n")


def _is_word(text: str, i: int, j: int) -> bool:
    """Whether the letters `text[i:j]` are a whitespace token (or one part of it split at a slash)
    with only punctuation around them, or the whole run of letters written right before a number."""
    if (i == 0 or text[i - 1].isspace()) and (j == len(text) or text[j].isspace()):
        return True  # the common case, settled without a regex call
    if j < len(text) and _DIGITS.match(text, j) and (i == 0 or not text[i - 1].isalpha()):
        return True
    k = i
    while k > 0 and text[k - 1] in _STRIPPED:
        k -= 1
    if k > 0 and not text[k - 1].isspace() and _SLASH not in text[k:i]:
        return False
    k = j
    while k < len(text) and text[k] in _STRIPPED:
        k += 1
    return k == len(text) or text[k].isspace() or _SLASH in text[j:k]  # "أكتوبر/تشرين الأول"


def _with_article(text: str, pos: int, article: tuple[str, ...]) -> int:
    """Widen a span that starts at a number over a standalone article before it ("الـ24"، "الـ 1")."""
    left = text[max(0, pos - 8):pos]
    stripped = left.rstrip(" ")
    for art in article:
        if stripped.endswith(art):
            start = pos - (len(left) - len(stripped)) - len(art)
            if start == 0 or not text[start - 1].isalpha():
                return start
    return pos


def _gap(text: str, a: _Hit, b: _Hit) -> str:
    return text[a.end:b.start]


def _anchor_to(a: _Hit, b: _Hit) -> tuple[date, date] | None:
    """Resolve the first day of a range against the second when it lacks a year or is a weekday."""
    if b.first is None:
        return None
    if a.weekday is not None and not a.dm:
        d = b.first - timedelta(days=(b.first.weekday() - a.weekday) % 7)
        return d, d
    if a.dm and not a.own_year:
        day, mon = a.dm
        d = _safe(b.first.year if (mon, day) <= (b.first.month, b.first.day) else b.first.year - 1, mon, day)
        return (d, d) if d else None
    if a.first is None:
        return None
    return a.first, a.last or a.first


def _merge(text: str, hits: list[_Hit], g: _Grammar, ref: date | None, relative: frozenset[str]
           ) -> list[_Hit]:
    # 1. A weekday or اليوم next to a calendar date names the same day: "الثلاثاء، 19 أيلول 2023".
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and _same_day_pair(text, prev, hit, relative):
            calendar_hit = hit if hit.key == "absolute" else prev
            calendar_hit.start, calendar_hit.end, calendar_hit.anchored = prev.start, hit.end, True
            out[-1] = calendar_hit
            continue
        out.append(hit)
    # 2. Two dates joined into a range: "من 28 سبتمبر إلى 2 أكتوبر"، "بين الجمعة والسبت"،
    #    "من العام 1988 إلى العام 1994". Without a lead word (من، بين) only consecutive days pair up.
    merged: list[_Hit] = []
    for hit in out:
        prev = merged[-1] if merged else None
        pair = _range(text, prev, hit, g) if prev is not None else None
        if pair is not None:
            merged[-1] = pair
        else:
            merged.append(hit)
    # 3. منذ before a day, month, year or period: the start of a running total.
    for hit in merged:
        if hit.key in ("since", "range", "ago") or hit.first is None:
            continue
        if _after_since(text, hit, g):
            hit.key, hit.since = "since", True
            hit.last = ref if ref and ref >= hit.first else hit.first
    return [h for h in merged if h.first is not None and h.last is not None]


def _after_since(text: str, hit: _Hit, g: _Grammar) -> bool:
    """Whether منذ leads to `hit`, directly or through a few words. Most dates have no منذ in the
    80 characters before them: a substring test spares them the two regex searches."""
    left = max(0, hit.start - 80)
    for word in g.since_words:
        if text.find(word, left, hit.start) >= 0:
            break
    else:
        return False
    return bool(g.since_left.search(text, left, hit.start)
                or (hit.key == "year" and g.since_left_open.search(text, left, hit.start)))


def _range(text: str, a: _Hit, b: _Hit, g: _Grammar) -> _Hit | None:
    if a.key != b.key or a.key not in ("absolute", "weekday", "month", "year") or b.first is None:
        return None
    if not g.joiner.fullmatch(_gap(text, a, b)):
        return None
    lead = g.lead_left.search(text, max(0, a.start - 12), a.start) is not None
    if a.key in ("month", "year"):
        if not lead or a.first is None or b.last is None or a.first > b.last:
            return None
        return _Hit(a.start, b.end, "range", a.first, b.last, own_year=a.own_year and b.own_year)
    if not (a.single and b.single):
        return None
    first = _anchor_to(a, b)
    if first is None or b.last is None or first[0] > b.last:
        return None
    if not lead and (b.first - first[0]).days != 1:
        return None
    return _Hit(a.start, b.end, "range", first[0], b.last, own_year=a.own_year or b.own_year)


def _same_day_pair(text: str, a: _Hit, b: _Hit, relative: frozenset[str]) -> bool:
    gap = _gap(text, a, b)
    if len(gap) > MAX_DAY_ONLY_GAP or gap.strip(" \t،,()-–|"):
        return False
    return (a.key in relative and b.key == "absolute") or (a.key == "absolute" and b.key in relative)


def _mention(hit: _Hit) -> Mention:
    assert hit.first is not None and hit.last is not None
    return Mention("date", hit.start, hit.end, hit.key,
                   {"start": hit.first.isoformat(), "end": hit.last.isoformat(), "since": hit.since})


def find(text: str, ref: date | None) -> list[Mention]:
    """Date expressions in normalised `text`, resolved against the article's date `ref`.

    Without `ref`, relative expressions (أمس، الثلاثاء، منذ 3 أسابيع) and dates with no year give
    nothing; dates that carry their year still come out.
    """
    return [_mention(h) for h in _scan(text, ref)]



def document_date(text: str, published: date | None = None) -> date | None:
    """The article's own date: `published` metadata if given, else a dateline/header date found in
    the first lines of `text` (raw or normalised), else None.

    A full date (with its year) counts when it stands on a short line of its own (a header such as
    "09:38 - 20/10/2020 الثلاثاء"), is anchored by اليوم or a weekday ("اليوم السبت 11\\10\\2025"),
    sits in brackets ("(19 أيلول 2025)"), or opens a paragraph as a dateline between dashes
    ("باكو - 21 سبتمبر 2023 - أعلنت"). A date in a running sentence is an event, not the date
    of the report, and is ignored.
    """
    if published is not None:
        return published
    lines = islice((line for line in _lines(text[:HEAD_CHARS]) if line.strip()), HEAD_LINES)
    best: tuple[int, int, date] | None = None
    offset = 0
    for line in lines:
        if not _DIGITS.search(line):  # a header date always carries its year in digits
            offset += len(line) + 1
            continue
        norm = normalise_text(line)
        if not _YEAR.search(norm):  # digits but no year: the grammar is not tried
            offset += len(norm) + 1
            continue
        short = None  # counted at the first full date: most lines with a year hold none
        for hit in _scan(norm, None):
            if hit.key != "absolute" or not hit.own_year or hit.first is None or hit.since:
                continue
            bracketed = norm[:hit.start].rstrip().endswith("(") and norm[hit.end:].lstrip().startswith(")")
            datelined = bool(_DATELINE_BEFORE.fullmatch(norm, 0, hit.start)) and bool(
                _DATELINE_AFTER.match(norm, hit.end)
            )
            if short is None:
                short = _is_short(norm)
            if short:
                rank = 0
            elif hit.anchored or bracketed or datelined:
                rank = 1
            else:
                continue
            candidate = (rank, offset + hit.start, hit.first)
            if best is None or candidate < best:
                best = candidate
        offset += len(norm) + 1
    return best[2] if best else None


def _lines(text: str) -> list[str]:
    """`text.splitlines()`, give or take blank lines: `splitlines` tests every character against
    each line break, and a text whose only line break is "\n" splits four times faster on it."""
    if any(brk in text for brk in _OTHER_LINE_BREAKS):
        return text.splitlines()
    return text.split("\n")


def _is_short(line: str) -> bool:
    """Whether `line` has at most `HEADER_TOKENS` tokens (`_TOKEN` runs): one match of one token
    more than that, not a tokenisation of the whole paragraph."""
    return _LONG_LINE.match(line) is None
