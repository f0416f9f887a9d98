"""Article text cut into pieces for display: evidence spans to highlight, sentences around a span,
search snippets. Pieces are plain strings; the templates escape them (autoescape), so no article
text is ever trusted as HTML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from marsad.normalise import normalise

_SENTENCE_END = regex.compile(r"[.!?؟\n]")
_CONTEXT = 300  # characters of sentence kept on each side of a span at most
SNIPPET = 240


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; `claims` are the claims whose evidence covers it (shortest span first),
    `starts` those whose evidence begins here (anchors to jump back to)."""

    text: str
    claims: tuple[int, ...] = ()
    hit: bool = False
    starts: tuple[int, ...] = ()


def marked(text: str, spans: Sequence[tuple[int, int, int]]) -> list[Piece]:
    """The whole text with each (start, end, claim) span marked; overlapping spans are split so that
    every piece knows all the claims covering it."""
    n = len(text)
    spans = [(max(0, s), min(n, e), cid) for s, e, cid in spans if s < e]
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted((e - s, cid) for s, e, cid in spans if s <= a and b <= e)
        starts = tuple(cid for s, _, cid in spans if s == a)
        pieces.append(Piece(text[a:b], tuple(cid for _, cid in covering), starts=starts))
    return pieces


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, span, after): the span with the rest of its sentence(s) on each side."""
    start, end = max(0, start), min(len(text), end)
    left = start
    floor = max(0, start - _CONTEXT)
    while left > floor and not _SENTENCE_END.match(text[left - 1]):
        left -= 1
    found = _SENTENCE_END.search(text, end, min(len(text), end + _CONTEXT))
    right = found.end() if found else min(len(text), end + _CONTEXT)
    return text[left:start], text[start:end], text[end:right].rstrip("\n")


def _hits(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the (normalised) words occur in `text`, as offsets into `text` itself."""
    words = [w for w in words if w]
    if not words:
        return []
    norm = normalise(text)
    pattern = regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))
    return [norm.to_source(m.start(), m.end()) for m in pattern.finditer(norm.text)]


def snippet(text: str, words: Sequence[str], width: int = SNIPPET) -> list[Piece]:
    """A window of the text around the first occurrence of the query words, occurrences marked."""
    hits = _hits(text, words)
    first = hits[0][0] if hits else 0
    a = max(0, first - width // 3)
    b = min(len(text), a + width)
    while a > 0 and not text[a - 1].isspace() and first - a < width // 2:
        a -= 1
    pieces, pos = [], a
    for s, e in hits:
        if s < pos or e > b:
            continue
        pieces += [Piece(text[pos:s]), Piece(text[s:e], hit=True)]
        pos = e
    pieces.append(Piece(text[pos:b]))
    if a > 0:
        pieces.insert(0, Piece("…"))
    if b < len(text):
        pieces.append(Piece("…"))
    return [p for p in pieces if p.text]
