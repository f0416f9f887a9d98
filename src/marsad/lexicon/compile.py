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
from functools import cache
from operator import itemgetter
from typing import Any

import ahocorasick
import regex

from marsad.cache import cached
from marsad.lexicon.load import Entry, data_dir, load_kind, load_table
from marsad.model import Mention
from marsad.normalise import normalise_form

_ARTICLE = "ال"
_TA_MARBUTA = "ه"  # ة after normalisation
_SHORT = 2
_SHORT_PREFIXES = frozenset({"", "و", "ف"})
_START, _END = itemgetter(0), itemgetter(1)


# One automaton value per form: (form length, keys). A key is a plain tuple
# (kind, entry id, entry attrs, article, stem) rather than an object: tens of thousands of them are
# unpickled at every start, and tuples load several times faster than dataclasses.
# `article`: the form began with ال, which the automaton key leaves out; `stem`: the form ended in *.
_Key = tuple[str, str, dict[str, Any], bool, bool, frozenset[str]]

# Every character that is not part of a word ([\p{L}\p{N}\p{M}]), spaces aside (they already are
# one): made a space, one character for one, so that `str.rfind`/`str.find` locate word edges.
_NON_WORD = regex.compile(r"[^\p{L}\p{N}\p{M} ]")


class Matcher:
    """Finds lexicon entries of several kinds in normalised text."""

    def __init__(self, entries: Iterable[Entry], lang: str = "ar") -> None:
        clitics = load_table("clitics", lang)
        self._plain = frozenset(["", *clitics["prefixes"]])
        self._article = frozenset(clitics["article_prefixes"])
        self._suffixes = frozenset(["", *clitics["suffixes"]])
        after = {s: tuple(ends) for s, ends in (clitics.get("suffix_blocked_after") or {}).items()}
        kinds = {s: frozenset(k) for s, k in (clitics.get("suffix_blocked_kinds") or {}).items()}
        heads = frozenset(normalise_form(h) for h in clitics.get("quoted_name_heads") or [])
        bare_heads = frozenset(normalise_form(h) for h in clitics.get("quoted_bare_heads") or [])
        quotes = tuple(clitics.get("quote_pairs") or [])
        # a form in ة written with ت before a pronoun (قادتها، طائرته): no other suffix, nor none
        not_after_ta = self._suffixes - frozenset(clitics.get("ta_marbuta_suffixes") or [])
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[_Key]] = defaultdict(list)
        for entry in entries:
            for form in entry.forms:
                stem = form.endswith("*")
                text = normalise_form(form.rstrip("*"))
                if not text:
                    continue
                blocked = frozenset(
                    [s for s, ends in after.items() if text.endswith(ends)]
                    + [s for s, ks in kinds.items() if entry.kind in ks]
                )
                for variant in (text, *_quoted(text, heads, quotes), *_quoted_bare(text, bare_heads, quotes)):
                    table[variant].append((entry.kind, entry.id, entry.attrs, False, stem, blocked))
                if text.startswith(_ARTICLE) and len(text) > len(_ARTICLE) + 2:
                    table[text[len(_ARTICLE) :]].append(
                        (entry.kind, entry.id, entry.attrs, True, stem, blocked)
                    )
                elif text.endswith(_TA_MARBUTA) and len(text) > _SHORT + 1 and not stem:
                    key = (entry.kind, entry.id, entry.attrs, False, False, not_after_ta)
                    table[text[:-1] + "ت"].append(key)
        for text, keys in table.items():
            self._automaton.add_word(text, (len(text), tuple(keys)))
        if table:
            self._automaton.make_automaton()
        self._empty = not table

    def find(self, text: str) -> dict[str, list[Mention]]:
        """All accepted hits by kind, leftmost-longest and non-overlapping within a kind.

        A hit counts when the letters before it in its word are a known proclitic and the letters
        after it a known suffix (any letters for a stem). The word around a hit is found in
        `spaced`, the text with every non-word character made a space: a hit that does not begin
        inside a word has no prefix, one that does not end inside a word no suffix.
        """
        if self._empty:
            return {}
        spaced = _NON_WORD.sub(" ", text)
        size = len(text)
        plain, article, suffixes = self._plain, self._article, self._suffixes
        candidates: dict[str, list[tuple[int, int, str, dict[str, Any]]]] = defaultdict(list)
        for last, (length, keys) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if start == 0 or spaced[start - 1] == " " or spaced[start] == " ":
                prefix = ""
            else:
                prefix = text[spaced.rfind(" ", 0, start) + 1 : start]
            if end == size or spaced[end] == " " or spaced[last] == " ":
                suffix = ""
            else:
                word_end = spaced.find(" ", end)
                suffix = text[end : word_end if word_end >= 0 else size]
            for kind, key, attrs, after_article, stem, blocked in keys:
                if prefix not in (article if after_article else plain):
                    continue
                if length <= _SHORT and (prefix not in _SHORT_PREFIXES or suffix):
                    continue  # "لم" inside "كلمه": a two-letter form takes no clitic but و/ف
                if stem or (suffix in suffixes and suffix not in blocked):
                    candidates[kind].append((start, end, key, attrs))
        return {kind: _leftmost_longest(kind, hits) for kind, hits in candidates.items()}


def _quoted(text: str, heads: frozenset[str], quotes: tuple[str, ...]) -> list[str]:
    """'حركة "الشباب"' for the form حركة الشباب: the name after a group word, quoted."""
    head, _, rest = text.partition(" ")
    if not rest or head not in heads:
        return []
    return [f"{head} {pair[0]}{rest}{pair[1]}" for pair in quotes]


def _quoted_bare(text: str, heads: frozenset[str], quotes: tuple[str, ...]) -> list[str]:
    """'«الشباب»' for the form حركة الشباب: a group's quoted name, its group word left out."""
    head, _, rest = text.partition(" ")
    if not rest or head not in heads:
        return []
    return [f"{pair[0]}{rest}{pair[1]}" for pair in quotes]


def _leftmost_longest(kind: str, hits: list[tuple[int, int, str, dict[str, Any]]]) -> list[Mention]:
    hits.sort(key=_END, reverse=True)  # two stable sorts on one field each: by start, longest first
    hits.sort(key=_START)
    out: list[Mention] = []
    last_end = -1
    for start, end, key, attrs in hits:
        if start >= last_end:
            out.append(Mention(kind, start, end, key, attrs))
            last_end = end
    return out


@cache
def matcher(kinds: Sequence[str], lang: str = "ar") -> Matcher:
    """The compiled matcher for these kinds, built once per process (and kept between runs)."""
    sources = [p for p in data_dir(lang).iterdir() if p.suffix in (".yaml", ".yml")]
    return cached(
        f"matcher-{lang}-{'-'.join(kinds)}",
        sources,
        lambda: Matcher((e for kind in kinds for e in load_kind(kind, lang)), lang),
    )
