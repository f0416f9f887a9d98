"""Compile lexicons into one Aho-Corasick automaton, matched once per document.

One pass over the normalised text finds the forms of every kind at once (a large regex
alternation is about a thousand times slower). A raw hit is kept only when it sits on word
boundaries, allowing the proclitics of `clitics.yaml` before it (و، ف، ب، ل، ال، وال، لل...) and the
suffixes allowed after it; forms written with a trailing `*` are stems that any letters may follow.
Within a kind the leftmost-longest hit wins.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick
import regex

from marsad.cache import Compact, cached
from marsad.lexicon.load import Entry, data_dir, load_kind, load_table
from marsad.model import Mention
from marsad.normalise import normalise_form

_ARTICLE = "ال"
_SHORT = 2
_SHORT_PREFIXES = frozenset({"", "و", "ف"})


@dataclass(frozen=True, slots=True)
class _Key(Compact):
    entry: Entry
    article: bool  # the form began with ال, which the automaton key leaves out
    stem: bool


_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")


class Matcher:
    """Finds lexicon entries of several kinds in normalised text."""

    def __init__(self, entries: Iterable[Entry], lang: str = "ar") -> None:
        clitics = load_table("clitics", lang)
        self._plain = frozenset(["", *clitics["prefixes"]])
        self._article = frozenset(clitics["article_prefixes"])
        self._suffixes = frozenset(["", *clitics["suffixes"]])
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[_Key]] = defaultdict(list)
        for entry in entries:
            for form in entry.forms:
                stem = form.endswith("*")
                text = normalise_form(form.rstrip("*"))
                if not text:
                    continue
                table[text].append(_Key(entry, False, stem))
                if text.startswith(_ARTICLE) and len(text) > len(_ARTICLE) + 2:
                    table[text[len(_ARTICLE):]].append(_Key(entry, True, stem))
        for text, keys in table.items():
            self._automaton.add_word(text, (len(text), tuple(keys)))
        if table:
            self._automaton.make_automaton()
        self._empty = not table

    def _accept(self, text: str, start: int, end: int, key: _Key, words: _Words) -> bool:
        """A hit counts when the letters before it in its word are a known proclitic and the
        letters after it a known suffix (any letters for a stem)."""
        word_start, word_end = words.around(start, end)
        prefix = text[word_start:start]
        if prefix not in (self._article if key.article else self._plain):
            return False
        suffix = text[end:word_end]
        if end - start <= _SHORT and (prefix not in _SHORT_PREFIXES or suffix):
            return False  # "لم" inside "كلمه": a two-letter form takes no clitic but و/ف
        return key.stem or suffix in self._suffixes

    def find(self, text: str) -> dict[str, list[Mention]]:
        """All accepted hits by kind, leftmost-longest and non-overlapping within a kind."""
        if self._empty:
            return {}
        words = _Words(text)
        candidates: dict[str, list[tuple[int, int, Entry]]] = defaultdict(list)
        for last, (length, keys) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            for key in keys:
                if self._accept(text, start, end, key, words):
                    candidates[key.entry.kind].append((start, end, key.entry))
        return {kind: _leftmost_longest(kind, hits) for kind, hits in candidates.items()}


class _Words:
    """The word spans of one text, to find the word around a hit with two bisections."""

    def __init__(self, text: str) -> None:
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start of the word holding `start`, end of the word holding `end - 1`); a hit that does
        not begin inside a word has no prefix, one that does not end inside a word no suffix."""
        k = bisect_right(self.starts, start) - 1
        word_start = self.starts[k] if k >= 0 and self.ends[k] > start else start
        k = bisect_right(self.starts, end - 1) - 1
        word_end = self.ends[k] if k >= 0 and self.ends[k] >= end else end
        return word_start, word_end


def _leftmost_longest(kind: str, hits: list[tuple[int, int, Entry]]) -> list[Mention]:
    hits.sort(key=lambda h: (h[0], -h[1]))
    out: list[Mention] = []
    last_end = -1
    for start, end, entry in hits:
        if start >= last_end:
            out.append(Mention(kind, start, end, entry.id, entry.attrs))
            last_end = end
    return out


@cache
def matcher(kinds: Sequence[str], lang: str = "ar") -> Matcher:
    """The compiled matcher for these kinds, built once per process (and kept between runs)."""
    sources = [p for p in data_dir(lang).iterdir() if p.suffix in (".yaml", ".yml")]
    return cached(f"matcher-{lang}-{'-'.join(kinds)}", sources,
                  lambda: Matcher((e for kind in kinds for e in load_kind(kind, lang)), lang))
