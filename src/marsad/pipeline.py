"""The extraction pipeline for one document: normalise → segment → recognise → claims.

`extract_document` is a pure function of one `Document`: no I/O, no shared mutable state (the
lexicons are compiled once per process and only read), so a corpus can be mapped over a process
pool or a Dask cluster document by document.
"""

from __future__ import annotations

from marsad.claims import extract_claims
from marsad.model import Claim, Document
from marsad.normalise import normalise
from marsad.recognise.mentions import recognise
from marsad.segment import segment


def extract_document(doc: Document) -> list[Claim]:
    """All claims of one document, with evidence offsets into `doc.text`."""
    norm = normalise(doc.text)
    sentences = segment(norm.text)
    mentions = recognise(norm.text, doc.published)
    return extract_claims(doc, norm, sentences, mentions)
