"""Split normalised text into sentences, remembering paragraphs and headlines.

A sentence is where a reporting frame's scope normally ends, so attribution is decided per
sentence and inherited across sentences only by explicit cues (وأضاف، وتابع) or open quotes.
Headlines, captions and subheadings (short lines with no closing punctuation) are marked so the
claims stage can attribute them to the outlet.
"""

from __future__ import annotations

from functools import cache

import regex

from marsad.lexicon.load import load_table
from marsad.model import Segment
from marsad.normalise import normalise_form

# A sentence ends at . ! ? ؟ … (not inside a number such as 2.900) or at a line break.
_END = regex.compile(r"(?<!\d)[.!?؟…]+(?=[\s\"'»”)\]]|$)|(?<=\d)[.!?؟]+(?=\s|$)|\n")
_HEADLINE_MAX = 220
# A line of a list: a dash or bullet, or a number with a stop or bracket, before its words.
LIST_MARK = regex.compile(r"\s*(?:[-–—•*▪●◦]|\d{1,2}\s*[.)\-–])\s*")
LIST_ITEM = regex.compile(LIST_MARK.pattern + r"\S")
# A line of a table with no marks: a short label, a colon or a spaced dash, and a figure
# ("الدبابات: 9,541 (+7)"، "الدبابات – 11,128 (+4)"; not the dash of a model, "تي-72").
LABEL_LINE = regex.compile(r"\s*[^\s:\d][^:\n\d]{0,40}?(?::|\s[-–—])\s*(?:[^\s\d]+\s+)?\d")
# What ends a table line's label: a colon, or a dash with a space before it.
LABEL_END = regex.compile(r":|\s[-–—]\s")
_LIST_LEAD = ":"
_SHORT_LEAD = 6  # words: a lead this short only announces the list the sentence before it told of


def _announces(lead: str) -> bool:
    """A short lead that only announces a list ("وجاءت الأرقام على النحو التالي:") goes with the
    sentence before it, which says whose figures and of what."""
    words = lead.rstrip(_LIST_LEAD + " ").split()
    return len(words) <= _SHORT_LEAD and bool(words) and words[-1] in _announcers()


@cache
def _announcers(lang: str = "ar") -> frozenset[str]:
    return frozenset(normalise_form(w) for w in load_table("links", lang)["list_announcers"])


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


def _blocks(text: str) -> list[tuple[int, int, int]]:
    """Paragraph lines as (start, end, list end): a line that ends with a colon takes the list
    lines after it ("تكبدت الخسائر التالية:" then "- 5 دبابات"، "- 3 مدافع"، or unmarked table
    lines "الدبابات: 9,541"), which its frame and event words govern; for any other line the list
    end is its own end."""
    blocks: list[tuple[int, int, int]] = []
    for start, end in _paragraphs(text):
        if blocks and (LIST_ITEM.match(text, start, end) or LABEL_LINE.match(text, start, end)):
            first, lead_end, list_end = blocks[-1]
            if list_end > lead_end or text[first:lead_end].rstrip().endswith(_LIST_LEAD):
                blocks[-1] = (first, lead_end, end)
                continue
        blocks.append((start, end, end))
    return blocks


def segment(text: str) -> list[Segment]:
    """Sentences of `text` in order, each with its paragraph number and a headline flag."""
    segments: list[Segment] = []
    for number, (start, end, list_end) in enumerate(_blocks(text)):
        line = _sentences(text, start, end, number)
        if list_end > end and line:  # the list joins the sentence that opens it
            lead = line.pop()
            if line and _announces(text[lead.start : lead.end]):
                lead = line.pop()  # "نشرت الهيئة حصيلتها لخسائر الجيش الروسي. وجاءت الأرقام كالتالي:"
            line.append(Segment(lead.start, _trim(text, lead.start, list_end)[1], number, False))
        segments.extend(line)
    return segments


def _sentences(text: str, p_start: int, p_end: int, number: int) -> list[Segment]:
    """The sentences of one paragraph line."""
    segments: list[Segment] = []
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
