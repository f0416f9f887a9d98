"""Numbers in normalised Arabic text: digits, number words, multipliers and ranges.

Whether a number is a *count* is decided later, by what it attaches to (an item or a casualty
noun): years, resolution numbers, distances and percentages attach to none and so yield no claim.
Here a number is only read: "2.900" and "2,900" are 2900, "1.5 مليون" is 1,500,000,
"أربعة وعشرين" is 24, "ثلاث مئة" is 300, "بين 50 و60" is 50 with high 60.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cache
from typing import Any, NamedTuple

import ahocorasick
import regex

from marsad.lexicon.load import load_table
from marsad.model import Mention
from marsad.normalise import normalise_form

_YEAR_DIGITS = 4
_YEARS = (1900, 2100)
_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|[-–]")
_THOUSANDS = regex.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_DECIMAL = regex.compile(r"\d+(?:[.,]\d+)?")
# Where a digit token of `_TOKEN` starts: a digit that neither follows a digit nor continues
# "2,900" after its separator.
_DIGIT_START = regex.compile(r"(?<!\d)(?<!\d[.,])\d")
_LETTER = regex.compile(r"[\p{L}\p{M}]")
_SCALES = (1_000_000_000, 1_000_000, 1000)  # multipliers one written after a range may share
# The token that ends last before a position, read right to left (only its letters matter).
_PREVIOUS = regex.compile(r"[\p{L}\p{M}]+|[\d\-–]", regex.REVERSE)


@dataclass(frozen=True, slots=True)
class _Words:
    """The number-word table, normalised once per process."""

    units: dict[str, int]
    teen: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    multipliers: dict[str, int]
    fractions: dict[str, float]
    vague: frozenset[str]
    prefixes: tuple[str, ...]
    between: frozenset[str]
    joiners: frozenset[str]
    starters: frozenset[str] = frozenset()  # every token that may begin a number phrase
    automaton: Any = None  # the starters, to find them in a text in one pass
    classes: dict[str, tuple[str, float]] = field(default_factory=dict)  # see `value_of`

    def value_of(self, word: str) -> tuple[str, float] | None:
        """The class and value of one number word, or None."""
        return self.classes.get(word)


def _classes(table: _Words) -> dict[str, tuple[str, float]]:
    """Every number word with its class and value; a word in two tables keeps the first class of
    units, tens, hundreds, multipliers, teen."""
    out: dict[str, tuple[str, float]] = {word: ("teen", 10) for word in table.teen}
    for words_of, cls in (
        (table.multipliers, "mult"),
        (table.fractions, "frac"),
        (table.hundreds, "hundred"),
        (table.tens, "ten"),
        (table.units, "unit"),
    ):
        out.update((word, (cls, value)) for word, value in words_of.items())
    return out


def _flip(table: dict[int, list[str]]) -> dict[str, int]:
    return {normalise_form(form): int(value) for value, forms in table.items() for form in forms}


@cache
def words(lang: str = "ar") -> _Words:
    raw = load_table("number_words", lang)
    norm = lambda forms: frozenset(normalise_form(f) for f in forms)  # noqa: E731
    table = _Words(
        units=_flip(raw["units"]),
        teen=norm(raw["teen_marker"]),
        tens=_flip(raw["tens"]),
        hundreds=_flip(raw["hundreds"]),
        multipliers=_flip(raw["multipliers"]),
        fractions={normalise_form(f): float(Fraction(v)) for v, fs in raw["fractions"].items() for f in fs},
        vague=norm(raw["vague"]),
        prefixes=tuple(sorted((normalise_form(p) for p in raw["prefixes"]), key=len, reverse=True)),
        between=norm(raw["range_between"]),
        joiners=norm(raw["range_joiners"]),
    )
    bare = [*table.units, *table.teen, *table.tens, *table.hundreds, *table.multipliers, *table.fractions]
    days = {normalise_form(w) for w in raw["days_with_article"]}
    starters = frozenset(
        p + w for p in ("", *table.prefixes) for w in bare if not (w in days and p.endswith(("ال", "لل")))
    )
    automaton = ahocorasick.Automaton()
    for word in starters:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return replace(table, starters=starters, automaton=automaton, classes=_classes(table))


def parse_digits(token: str) -> float | None:
    """'2.900' and '2,900' are thousands; '1.5' is a decimal; '2020.10.18' is a date, not a number."""
    if _THOUSANDS.fullmatch(token):
        return float(regex.sub(r"[.,]", "", token))
    if _DECIMAL.fullmatch(token):
        return float(token.replace(",", "."))
    return None


def _strip(word: str, table: _Words) -> tuple[str, str]:
    """Split a clitic prefix off a number word: (bare word, prefix)."""
    if word not in table.starters and not word[-1:].isdigit():
        return word, ""  # neither a number word (with or without a prefix) nor digits
    if table.value_of(word) or word[:1].isdigit():
        return word, ""
    for prefix in table.prefixes:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        if rest and (table.value_of(rest) or rest[0].isdigit()):
            return rest, prefix
    return word, ""


def _continues(cls: str, prefix: str, last: str) -> bool:
    """Inside a phrase, a word joins with و ("أربعة وعشرين") or is a multiplier, teen or hundred."""
    return prefix == "و" or cls == "mult" or (last == "unit" and cls in ("teen", "hundred"))


@dataclass(slots=True)
class _Acc:
    """Running value of a number phrase being read token by token."""

    total: float = 0.0
    group: float = 0.0
    last: str = ""
    scale: float = 0.0  # the last multiplier: what follows it is smaller ("ألف وخمسمائة")

    def add(self, cls: str, value: float) -> bool:
        """Fold one token in; False when it cannot continue the phrase."""
        if cls == "digits":
            if self.last not in ("", "mult"):  # "54 ألف و450" continues after a multiplier
                return False
            self.group += value
        elif cls == "unit" and self.last in ("", "ten", "hundred", "mult"):
            self.group += value
        elif cls == "teen" and self.last in ("", "unit", "hundred", "mult"):
            self.group += 10
        elif cls == "ten" and self.last in ("", "unit", "hundred", "mult"):
            self.group += value
        elif cls == "hundred" and self.last == "unit" and value == 100 and self.group % 100 < 10:
            self.group = self.group - self.group % 100 + (self.group % 100) * 100
        elif cls == "hundred" and self.last in ("", "mult"):
            self.group += value
        elif cls == "frac" and self.last == "":
            self.group = value  # "نصف مليون": a multiplier must follow
        elif cls == "frac" and self.last == "mult":
            self.total += value * self.scale  # "مليون ونصف"
        elif cls == "mult" and self.last != "mult":
            self.total += (self.group or 1) * value
            self.group = 0.0
            self.scale = value
        else:
            return False
        self.last = cls
        return True

    @property
    def value(self) -> int:
        return round(self.total + self.group)


def _read_phrase(text: str, pos: int, table: _Words) -> tuple[int, int, int, str] | None:
    """Read the number phrase whose first token starts at `pos`: (value, start offset, end offset,
    first token).

    Tokens are taken from one `_TOKEN.finditer` from `pos`, only as far as the phrase goes: no token
    spans a space, so tokenising from any token start gives the same tokens as tokenising the whole
    text.
    """
    rest = _TOKEN.finditer(text, pos)
    token = first = next(rest, None)
    if first is None:
        return None
    acc = _Acc()
    start = None
    previous = None  # the token read before `token`: the last one of the phrase after a break
    while token is not None:
        raw = token.group()
        following = None  # a token read ahead and not joined to this one
        last_word = previous  # the phrase's last token so far, before a detached و
        if raw == "و" and acc.last == "mult":
            following = next(rest, None)
            if following is not None and following.group()[:1].isdigit():
                previous, token = token, following  # "54 ألف و 450": a detached و before digits
                raw = "و" + following.group()
                following = None
        word, prefix = _strip(raw, table)
        if word[:1].isdigit():
            value = parse_digits(word)
            if value is None:
                break
            cls = "digits"
        else:
            found = table.classes.get(word)
            if found is None:
                break
            cls, value = found
        if start is None and cls == "mult" and word in table.vague:
            return None  # "الآلاف من الجنود": a plural multiplier with no number before is none
        if start is not None and not _continues(cls, prefix, acc.last):
            break
        if prefix == "و" and acc.last == "mult" and _next_scale(text, token.end(), table) >= acc.scale:
            previous = last_word
            break  # "بين 10 آلاف و15 ألف": two numbers of one scale, not their sum
        if not acc.add(cls, value):
            break
        if start is None:
            start = token.start() + len(prefix)
        previous = token
        token = following if following is not None else next(rest, None)
    if start is None or previous is None or (acc.last == "frac" and not acc.total):
        return None  # "نصف السكان": a fraction of no multiplier is no number
    return acc.value, start, previous.end(), first.group()


def _next_scale(text: str, end: int, table: _Words) -> float:
    """The multiplier that ends the number words after `end` ("وخمسة عشر ألفا"), or 0."""
    for nxt in _TOKEN.finditer(text, end):
        word = nxt.group()
        if word[:1].isdigit():
            continue
        found = table.classes.get(_strip(word, table)[0])
        if found is None:
            return 0.0
        if found[0] == "mult":
            return found[1]
    return 0.0


def _starts(text: str, table: _Words) -> list[int]:
    """Offsets of the tokens that may begin a number: digit tokens and whole number words.

    One automaton pass finds the number words (a word inside a longer word is skipped), one regex
    the digit tokens: the text is not tokenised word by word.
    """
    size = len(text)
    starts = [m.start() for m in _DIGIT_START.finditer(text)]
    for last, length in table.automaton.iter(text):
        start, end = last - length + 1, last + 1
        whole = (start == 0 or not _LETTER.match(text, start - 1)) and (
            end == size or not _LETTER.match(text, end)
        )
        if whole:
            starts.append(start)
    starts.sort()
    return starts


class _Found(NamedTuple):
    """A number read (a tuple: a few per article, made and read in a hot loop)."""

    value: int
    start: int
    end: int
    token_start: int  # where its first token starts (before a clitic prefix)
    token: str  # its first token


def find(text: str, lang: str = "ar") -> list[Mention]:
    """All numbers in normalised text, with ranges merged (value = low, high = upper bound)."""
    table = words(lang)
    found: list[_Found] = []
    done = 0
    for pos in _starts(text, table):
        if pos < done:
            continue  # inside the phrase just read
        read = _read_phrase(text, pos, table)
        if read is None:
            continue
        value, start, end, token = read
        found.append(_Found(value, start, end, pos, token))
        done = end
    return _ranges(found, table, text)


def _token_before(text: str, pos: int) -> regex.Match | None:
    """The token that ends last before the token starting at `pos`, or None at the start."""
    return _PREVIOUS.search(text, 0, pos)


def _ranges(found: list[_Found], table: _Words, text: str) -> list[Mention]:
    out: list[Mention] = []
    k = 0
    while k < len(found):
        this = found[k]
        if k + 1 < len(found):
            nxt = found[k + 1]
            start = _range_start(this, nxt, table, text)
            if start is not None:
                attrs = {"value": _shared_scale(this, nxt, text), "high": nxt.value}
                out.append(Mention("number", start, nxt.end, "range", attrs))
                k += 2
                continue
        out.append(Mention("number", this.start, this.end, "number", {"value": this.value}))
        k += 1
    return out


def _shared_scale(low: _Found, high: _Found, text: str) -> int:
    """ "بين 10 و15 ألف": the multiplier written once, after the upper bound, scales both."""
    spelled = any(ch.isalpha() for ch in text[high.start : high.end])
    for scale in _SCALES:
        if spelled and high.value % scale == 0 and low.value < high.value // scale < scale:
            return low.value * scale
    return low.value


def _range_start(this: _Found, nxt: _Found, table: _Words, text: str) -> int | None:
    """Where the range from `this` to `nxt` starts (at a بين before it), or None if they make none.

    The token before `this` is looked for only when a joiner stands between the two: most numbers
    are followed by none, and the backward search is the costly part.
    """
    if nxt.value <= this.value:
        return None
    between = text[this.end : nxt.token_start].strip()
    glued = between == "" and nxt.token.startswith("و")  # "و60" is one token: the joiner is in it
    if not glued and between not in table.joiners:
        return None
    before = _token_before(text, this.token_start)
    if before is not None and before.group() in table.between:
        return before.start()
    if glued or between == "و" or _year(this, text):
        return None  # a bare و joins only after بين; "منذ 7 أكتوبر 2023 إلى 41 ألفا": a date, then the toll
    return this.start


def _year(found: _Found, text: str) -> bool:
    """Four digits that read as a year of the news (a count from 1900 to 2100 in a range takes بين)."""
    digits = text[found.start : found.end]
    return len(digits) == _YEAR_DIGITS and digits.isdigit() and _YEARS[0] <= found.value <= _YEARS[1]
