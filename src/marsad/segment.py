"""Split normalised text into sentences, remembering paragraphs and headlines.

A sentence is where a reporting frame's scope normally ends, so attribution is decided per
sentence and inherited across sentences only by explicit cues (وأضاف، وتابع) or open quotes.
Headlines, captions and subheadings (short lines with no closing punctuation) are marked so the
claims stage can attribute them to the outlet.
"""

from __future__ import annotations

import regex

from marsad.model import Segment

# A sentence ends at . ! ? ؟ … (not inside a number such as 2.900) or at a line break.
_END = regex.compile(r"(?<!\d)[.!?؟…]+(?=[\s\"'»”)\]]|$)|(?<=\d)[.!?؟]+(?=\s|$)|\n")
_HEADLINE_MAX = 220


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as paragraphs: outlets put one paragraph per line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _HEADLINE_MAX and not stripped.endswith(
        (".", "؟", "?", "!", ":", "،", '."', ".»")
    )


def segment(text: str) -> list[Segment]:
    """Sentences of `text` in order, each with its paragraph number and a headline flag."""
    segments: list[Segment] = []
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        headline = _is_headline(text[p_start:p_end])
        cursor = p_start
        for match in _END.finditer(text, p_start, p_end):
            start, end = _trim(text, cursor, match.end())
            if end > start:
                segments.append(Segment(start, end, number, headline))
            cursor = match.end()
        start, end = _trim(text, cursor, p_end)
        if end > start:
            segments.append(Segment(start, end, number, headline))
    return segments
