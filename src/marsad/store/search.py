"""Full-text search over the stored documents, with the extractor's normalisation.

The index holds each document's title and text normalised by `marsad.normalise` (hamza forms, ى/ي,
ة/ه, diacritics, digits) so that a query spelled one way finds every spelling. Arabic glues
proclitics to words (و، ب، ل، ال، وال...): a word that starts with one of `clitics.yaml`'s prefixes
is indexed with the prefix stripped as well, so "زنغلان" also finds "وزنغلان" and "بزنغلان".

One table per backend, neither expressible in SQLAlchemy Core (hence not in `schema.metadata`):

- SQLite: an FTS5 virtual table `search(body)` whose rowid is the document id;
- PostgreSQL: a table `search(document, body)` with a GIN index on `to_tsvector('simple', body)`
  ('simple' lowercases and splits words; it has no Arabic stemmer that would disagree with ours).

Both tokenise on letters and digits, as `terms` does, so a query's terms are the index's terms.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex
from sqlalchemy import Connection, text

from marsad.normalise import normalise_form

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_MIN_STEM = 2  # a stripped word shorter than this is not worth indexing
# Names of the search objects: the FTS5 table and the shadow tables SQLite makes for it.
TABLE = "search"
SHADOW = ("search_data", "search_idx", "search_content", "search_docsize", "search_config")


def is_search_table(name: str) -> bool:
    """True for the backend-specific search tables, which `schema.metadata` leaves out."""
    return name == TABLE or name in SHADOW


@cache
def _prefixes() -> tuple[str, ...]:
    """Proclitics, longest first, so that وال is tried before و."""
    from marsad.lexicon.load import load_table

    clitics = load_table("clitics")
    forms = {normalise_form(p) for p in [*clitics["prefixes"], *clitics["article_prefixes"]]}
    return tuple(sorted(forms, key=len, reverse=True))


def terms(query: str) -> list[str]:
    """The words of a query (or a text), normalised like the extractor's lexicon forms."""
    return _WORD.findall(normalise_form(query))


def _stripped(word: str) -> list[str]:
    return [word[len(p) :] for p in _prefixes() if word.startswith(p) and len(word) - len(p) >= _MIN_STEM]


def index_text(title: str | None, body: str) -> str:
    """What the index stores for a document: its normalised words, then the clitic-free variants."""
    words = terms(f"{title or ''}\n{body}")
    extra = dict.fromkeys(v for w in words for v in _stripped(w))
    return " ".join(words) + ("\n" + " ".join(extra) if extra else "")


def add(conn: Connection, docs: Iterable[tuple[int, str | None, str]]) -> None:
    """Index documents given as (id, title, text); called in the transaction that stores them."""
    rows = [{"doc": doc_id, "body": index_text(title, body)} for doc_id, title, body in docs]
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO search (rowid, body) VALUES (:doc, :body)"), rows)
    else:
        conn.execute(text("INSERT INTO search (document, body) VALUES (:doc, :body)"), rows)


def _fts5_query(words: list[str]) -> str:
    """Each term quoted (so no word is read as an FTS5 operator); juxtaposed terms are ANDed."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def match(conn: Connection, query: str, *, limit: int, offset: int) -> tuple[int, list[int]]:
    """(number of matching documents, ids of one page of them, newest stored first).

    All the query's words must occur. Newest first (not by relevance) because ranking every match
    costs time in proportion to the matches (seconds for a common word in 20,000 articles), while
    document-id order comes straight from the index; for news, the latest is what one looks for.
    """
    words = terms(query)
    if not words:
        return 0, []
    if conn.dialect.name == "sqlite":
        params = {"q": _fts5_query(words)}
        total = conn.execute(text("SELECT count(*) FROM search WHERE search MATCH :q"), params).scalar_one()
        page = text(
            "SELECT rowid FROM search WHERE search MATCH :q ORDER BY rowid DESC LIMIT :lim OFFSET :off"
        )
    else:
        where = "to_tsvector('simple', body) @@ plainto_tsquery('simple', :q)"
        params = {"q": " ".join(words)}
        total = conn.execute(text(f"SELECT count(*) FROM search WHERE {where}"), params).scalar_one()
        page = text(
            f"SELECT document FROM search WHERE {where} ORDER BY document DESC LIMIT :lim OFFSET :off"
        )
    ids = conn.execute(page, {**params, "lim": limit, "off": offset}).scalars().all()
    return total, list(ids)
