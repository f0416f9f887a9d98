"""marsad (مرصد): sourced, searchable claims from Arabic conflict news.

    >>> from marsad import extract
    >>> claims = extract("قالت وزارة الدفاع إن قواتها دمرت 12 دبابة.")
"""

from __future__ import annotations

from datetime import date

from marsad.model import Claim, Document

__version__ = "0.1.0"


def extract(text: str, *, doc_id: str = "doc", published: date | None = None) -> list[Claim]:
    """Claims of one article given as text (see `marsad.pipeline.extract_document`)."""
    from marsad.pipeline import extract_document

    return extract_document(Document(id=doc_id, text=text, published=published))


__all__ = ["Claim", "Document", "extract"]
