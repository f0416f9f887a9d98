"""Numbers in normalised Arabic text: digits, number words, multipliers and ranges.

Whether a number is a *count* is decided later, by what it attaches to (an item or a casualty
noun): years, resolution numbers, distances and percentages attach to none and so yield no claim.
Here a number is only read: "2.900" and "2,900" are 2900, "1.5 مليون" is 1,500,000,
"أربعة وعشرين" is 24, "ثلاث مئة" is 300, "بين 50 و60" is 50 with high 60.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from marsad.lexicon.load import load_table
from marsad.model import Mention
from marsad.normalise import normalise_form

_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|[-–]")
_THOUSANDS = regex.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_DECIMAL = regex.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class _Words:
    """The number-word table, normalised once per process."""

    units: dict[str, int]
    teen: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    multipliers: dict[str, int]
    vague: frozenset[str]
    prefixes: tuple[str, ...]
    between: frozenset[str]
    joiners: frozenset[str]
    starters: frozenset[str] = frozenset()  # every token that may begin a number phrase

    def value_of(self, word: str) -> tuple[str, int] | None:
        """The class and value of one number word, or None."""
        for table, cls in (
            (self.units, "unit"),
            (self.tens, "ten"),
            (self.hundreds, "hundred"),
            (self.multipliers, "mult"),
        ):
            if word in table:
                return cls, table[word]
        if word in self.teen:
            return "teen", 10
        return None


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
        vague=norm(raw["vague"]),
        prefixes=tuple(sorted((normalise_form(p) for p in raw["prefixes"]), key=len, reverse=True)),
        between=norm(raw["range_between"]),
        joiners=norm(raw["range_joiners"]),
    )
    bare = [*table.units, *table.teen, *table.tens, *table.hundreds, *table.multipliers]
    return replace(table, starters=frozenset(p + w for p in ("", *table.prefixes) for w in bare))


def parse_digits(token: str) -> float | None:
    """'2.900' and '2,900' are thousands; '1.5' is a decimal; '2020.10.18' is a date, not a number."""
    if _THOUSANDS.fullmatch(token):
        return float(regex.sub(r"[.,]", "", token))
    if _DECIMAL.fullmatch(token):
        return float(token.replace(",", "."))
    return None


def _strip(word: str, table: _Words) -> tuple[str, str]:
    """Split a clitic prefix off a number word: (bare word, prefix)."""
    if table.value_of(word) or word[:1].isdigit():
        return word, ""
    for prefix in table.prefixes:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest and (table.value_of(rest) or rest[0].isdigit()):
            return rest, prefix
    return word, ""


def _continues(cls: str, prefix: str, last: str) -> bool:
    """Inside a phrase, a word joins with و ("أربعة وعشرين") or is a multiplier, teen or hundred."""
    return prefix == "و" or cls == "mult" or (last == "unit" and cls in ("teen", "hundred"))


@dataclass(slots=True)
class _Acc:
    """Running value of a number phrase being read token by token."""

    total: float = 0
    group: float = 0
    last: str = ""

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
        elif cls == "mult" and self.last != "mult":
            self.total += (self.group or 1) * value
            self.group = 0
        else:
            return False
        self.last = cls
        return True

    @property
    def value(self) -> int:
        return round(self.total + self.group)


def _read_phrase(tokens: list[regex.Match], i: int, table: _Words) -> tuple[int, int, int] | None:
    """Read the number phrase starting at token i: (value, start offset, index after it)."""
    acc = _Acc()
    start = None
    j = i
    while j < len(tokens):
        raw = tokens[j].group()
        if raw == "و" and acc.last == "mult" and j + 1 < len(tokens) and tokens[j + 1].group()[:1].isdigit():
            j += 1  # "54 ألف و 450": a detached و before digits
            raw = "و" + tokens[j].group()
        word, prefix = _strip(raw, table)
        if word[:1].isdigit():
            value = parse_digits(word)
            if value is None:
                break
            cls = "digits"
        else:
            found = table.value_of(word)
            if found is None:
                break
            cls, value = found
        if start is not None and not _continues(cls, prefix, acc.last):
            break
        if not acc.add(cls, value):
            break
        if start is None:
            start = tokens[j].start() + len(prefix)
        j += 1
    if start is None or acc.last == "":
        return None
    return acc.value, start, j


def find(text: str, lang: str = "ar") -> list[Mention]:
    """All numbers in normalised text, with ranges merged (value = low, high = upper bound)."""
    table = words(lang)
    tokens = list(_TOKEN.finditer(text))
    found: list[tuple[int, int, int, int, int]] = []  # value, start, end, first token, next token
    i = 0
    starters = table.starters
    while i < len(tokens):
        word = tokens[i].group()
        if not (word[0].isdigit() or word in starters or (word[0] in "وف" and word[1:2].isdigit())):
            i += 1  # most words start no number: skip them without reading a phrase
            continue
        read = _read_phrase(tokens, i, table)
        if read is None:
            i += 1
            continue
        value, start, nxt = read
        found.append((value, start, tokens[nxt - 1].end(), i, nxt))
        i = nxt
    return _ranges(found, tokens, table, text)


def _ranges(
    found: list[tuple[int, int, int, int, int]], tokens: list[regex.Match], table: _Words, text: str
) -> list[Mention]:
    out: list[Mention] = []
    k = 0
    while k < len(found):
        value, start, end, first, nxt = found[k]
        if k + 1 < len(found):
            v2, _, end2, first2, _ = found[k + 1]
            between = text[end : tokens[first2].start()].strip()
            opened = first > 0 and tokens[first - 1].group() in table.between
            joined = between in table.joiners and (between != "و" or opened)
            # "و60" is one token: the joiner sits inside it
            glued = between == "" and tokens[first2].group().startswith("و") and opened
            if (joined or glued) and v2 > value:
                if opened:
                    start = tokens[first - 1].start()
                out.append(Mention("number", start, end2, "range", {"value": value, "high": v2}))
                k += 2
                continue
        out.append(Mention("number", start, end, "number", {"value": value}))
        k += 1
    return out
