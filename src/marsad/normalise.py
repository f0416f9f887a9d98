"""Arabic normalisation for matching, with a map back to the original offsets.

Outlets spell the same word many ways (أ/إ/ا, ى/ي, ة/ه, tatweel, diacritics, Arabic-Indic digits,
presentation forms). Lexicons and text are normalised the same way so one form matches them all;
the offset map lets every span found in the normalised text point back into the text as given, which
is what `evidence` must quote exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Characters dropped for matching: harakat, Quranic marks, superscript alef, tatweel, invisible
# direction and width marks. (The character classes here use `re`: it scans a class of code points
# four to ten times faster than `regex`.)
_DROP = re.compile(
    r"[\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)

# One character in, one character out: spelling variants and digits.
_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ئ": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "ۆ": "و",
        "ۇ": "و",
        "ۋ": "و",
        "ک": "ك",
        "ڪ": "ك",
        "گ": "ك",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "٫": ".",
        "٬": ",",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(ord("A") + i): chr(ord("a") + i) for i in range(26)},
    }
)




def _full_table(table: dict[int, str]) -> list[int | str]:
    """`table` extended to map every other character of the Basic Multilingual Plane to itself.

    `str.translate` raises and clears a LookupError for every character its table lacks, which
    makes an Arabic text with a sparse table twice as slow as with a table that has them all.
    """
    full: list[int | str] = list(range(0x10000))
    for code, repl in table.items():
        full[code] = repl
    return full


_FULL_TABLE = _full_table(_TABLE)
# Any character that the table or `_DROP` would change: text without one (a lexicon form, a line of
# an already normalised text) skips both passes.
_CHANGES = re.compile("[" + "".join(re.escape(chr(code)) for code in _TABLE) + _DROP.pattern[1:-1] + "]")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text plus `index[i]`: the offset in `source` of normalised character i.

    `index` has one extra sentinel entry equal to `len(source)`.
    """

    text: str
    source: str
    index: tuple[int, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span `[start, end)` to the source span that covers the same letters."""
        if start >= end:
            pos = self.index[start]
            return pos, pos
        src_end = self.index[end]
        if src_end <= self.index[end - 1]:  # a character that NFKC expanded ends inside the span
            src_end = self.index[end - 1] + 1
        return self.index[start], src_end

    def source_text(self, start: int, end: int) -> str:
        """The source words of a normalised span; a span running past the end stops there."""
        a, b = self.to_source(min(start, len(self.text)), min(end, len(self.text)))
        return self.source[a:b]


def _nfkc_with_index(text: str) -> tuple[str, list[int]]:
    """NFKC per character, so each output character still knows where it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        out.append(norm)
        index.extend([i] * len(norm))
    return "".join(out), index


def _fold_with_index(stage: str, index: list[int] | None) -> tuple[str, list[int] | None]:
    """Spelling variants and digits folded, marks dropped; `index` follows the dropped characters."""
    stage = stage.translate(_FULL_TABLE)
    if _DROP.search(stage):
        keep: list[int] = []
        pos = 0
        for hit in _DROP.finditer(stage):
            keep.extend(range(pos, hit.start()))
            pos = hit.end()
        keep.extend(range(pos, len(stage)))
        stage = _DROP.sub("", stage)
        index = [index[i] for i in keep] if index is not None else keep
    return stage, index


def _fold(text: str) -> str:
    return _DROP.sub("", text.translate(_TABLE))


@cache
def _misspellings() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The same-length corrections of spelling.yaml, folded like text."""
    from marsad.lexicon.load import load_table  # which normalises its forms with this module

    raw = load_table("spelling") or {}
    table = {
        _fold(w): _fold(r)
        for w, r in (raw.get("same_length") or {}).items()
        if len(_fold(w)) == len(_fold(r))
    }
    if not table:
        return None, table
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


def _respell(text: str) -> str:
    """ "وزراة الدفاع" → "وزارة الدفاع": one character for one, so offsets do not move."""
    pattern, table = _misspellings()
    return pattern.sub(lambda hit: table[hit.group()], text) if pattern is not None else text


def normalise(text: str) -> Normalised:
    """Normalise `text` for matching and keep the map back to its offsets."""
    if unicodedata.is_normalized("NFKC", text):
        stage, index = text, None
    else:
        stage, index = _nfkc_with_index(text)
    if _CHANGES.search(stage):
        stage, index = _fold_with_index(stage, index)
    stage = _respell(stage)
    if index is None:
        return Normalised(stage, text, tuple(range(len(text) + 1)))
    return Normalised(stage, text, (*index, len(text)))


def normalise_text(text: str) -> str:
    """`normalise(text).text` without the offset map, for text whose offsets are not needed."""
    if not unicodedata.is_normalized("NFKC", text):
        text = _nfkc_with_index(text)[0]
    if _CHANGES.search(text):
        text = _DROP.sub("", text.translate(_FULL_TABLE))
    return _respell(text)


def normalise_form(form: str) -> str:
    """Normalise a lexicon form exactly like text, and fold runs of spaces and hyphens."""
    text = normalise_text(form)
    return " ".join(text.replace("ـ", "").split())
