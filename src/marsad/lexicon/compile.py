"""Compile lexicons into one Aho-Corasick automaton, matched once per document.

One pass over the normalised text finds the forms of every kind at once (a large regex
alternation is about a thousand times slower). A raw hit is kept only when it sits on word
boundaries, allowing the proclitics of `clitics.yaml` before it (و، ف، ب، ل، ال، وال، لل...) and the
suffixes allowed after it; forms written with a trailing `*` are stems that any letters may follow.
Within a kind the leftmost-longest hit wins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick

from marsad.lexicon.load import Entry, load_kind, load_table
from marsad.model import Mention
from marsad.normalise import normalise_form

_ARTICLE = "ال"
_SHORT = 2
_SHORT_PREFIXES = frozenset({"", "و", "ف"})


@dataclass(frozen=True, slots=True)
class _Key:
    entry: Entry
    article: bool  # the form began with ال, which the automaton key leaves out
    stem: bool


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class Matcher:
    """Finds lexicon entries of several kinds in normalised text."""

    def __init__(self, entries: Iterable[Entry], lang: str = "ar") -> None:
        clitics = load_table("clitics", lang)
        self._plain = frozenset(["", *clitics["prefixes"]])
        self._article = frozenset(clitics["article_prefixes"])
        self._suffixes = frozenset(["", *clitics["suffixes"]])
        self._max_prefix = max(map(len, self._plain | self._article))
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

    def _accept(self, text: str, start: int, end: int, key: _Key) -> bool:
        word_start = start
        while word_start > 0 and _is_word(text[word_start - 1]) and start - word_start <= self._max_prefix:
            word_start -= 1
        prefix = text[word_start:start]
        if (word_start > 0 and _is_word(text[word_start - 1])) or prefix not in (
            self._article if key.article else self._plain
        ):
            return False
        if end - start <= _SHORT and (prefix not in _SHORT_PREFIXES or (end < len(text) and _is_word(text[end]))):
            return False  # "لم" inside "كلمه": a two-letter form takes no clitic but و/ف
        if key.stem or end == len(text) or not _is_word(text[end]):
            return True
        word_end = end
        while word_end < len(text) and _is_word(text[word_end]) and word_end - end <= 3:
            word_end += 1
        return not (word_end < len(text) and _is_word(text[word_end])) and text[end:word_end] in self._suffixes

    def find(self, text: str) -> dict[str, list[Mention]]:
        """All accepted hits by kind, leftmost-longest and non-overlapping within a kind."""
        if self._empty:
            return {}
        candidates: dict[str, list[tuple[int, int, Entry]]] = defaultdict(list)
        for last, (length, keys) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            for key in keys:
                if self._accept(text, start, end, key):
                    candidates[key.entry.kind].append((start, end, key.entry))
        return {kind: _leftmost_longest(kind, hits) for kind, hits in candidates.items()}


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
    """The compiled matcher for these kinds, built once per process."""
    return Matcher((e for kind in kinds for e in load_kind(kind, lang)), lang)
