"""More places articles come from: RSS/Atom feeds and WARC archives, beside the files of
`marsad.ingest`, as one stream of `Document`s and `ReadError`s.

- A feed (a local `.rss`/`.atom`/`.xml` file, or an http(s) URL that feedparser fetches) gives one
  document per entry when the feed carries the full text (`content:encoded`, Atom `content`), or when
  the entry's link is a local file, which is then read like any input. marsad does not crawl: an
  entry with only a summary and a web link is reported, not fetched.
- A WARC file (`.warc`, `.warc.gz`, as CC-NEWS ships them) gives one document per HTML response whose
  main text (trafilatura) is Arabic (py3langid). Other records are skipped and counted, not errors:
  most of a news crawl is not Arabic news.

Reading is lazy, record by record, so memory stays flat on archives of any size.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import regex

from marsad.ingest import SUPPORTED, InputError, ReadError, decode, read_file
from marsad.model import Document

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
WARC_SUFFIXES = (".warc", ".warc.gz")
_BLOCK_END = regex.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
NO_FULL_TEXT = "the feed carries no full text and the link is not a local file (pages are not fetched)"
MIN_FEED_TEXT = 1  # characters of text an entry's content must have to count as full text


def is_url(value: str) -> bool:
    return urlparse(value).scheme in ("http", "https")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _date(parsed: Any) -> date | None:
    """feedparser's time.struct_time (or None) to a date."""
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except (AttributeError, ValueError):
        return None


def html_text(fragment: str) -> str:
    """Text of an HTML fragment with one line per block, so paragraphs survive for segmenting."""
    import lxml.html
    from lxml.etree import ParserError

    marked = _BLOCK_END.sub("\n", fragment)
    try:
        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except (ParserError, ValueError):
        return ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


# -- feeds ------------------------------------------------------------------------------------


def _local_link(link: str | None, base: Path | None) -> Path | None:
    """The file an entry's link names, when it is local and exists."""
    if not link:
        return None
    parsed = urlparse(link)
    if parsed.scheme == "file":
        candidate = Path(unquote(parsed.path))
    elif parsed.scheme == "" and base is not None:
        candidate = (base / unquote(link)).resolve()
    else:
        return None
    return candidate if candidate.is_file() else None


def _entry(
    entry: Any, n: int, source: str, outlet: str | None, base: Path | None, published: date | None
) -> Iterator[Document | ReadError]:
    """The document(s) of one feed entry, or a ReadError saying why there is none."""
    entry_id = str(entry.get("id") or entry.get("link") or f"entry{n}")
    when = _date(entry.get("published_parsed") or entry.get("updated_parsed")) or published
    contents = [c.get("value", "") for c in entry.get("content") or []]
    body = html_text("\n".join(contents)) if contents else ""
    title = html_text(entry.get("title", "")) or None
    if len(body) >= MIN_FEED_TEXT:
        text = f"{title}\n\n{body}" if title and title not in body[:300] else body
        yield Document(
            id=entry_id,
            text=text,
            title=title,
            published=when,
            url=entry.get("link"),
            outlet=outlet,
            source=source,
        )
        return
    local = _local_link(entry.get("link"), base)
    if local is None:
        yield ReadError(f"{source}:{entry_id}", NO_FULL_TEXT)
        return
    for item in read_file(local, when):
        if isinstance(item, Document):
            item = replace(
                item,
                title=item.title or title,
                outlet=item.outlet or outlet,
                published=item.published or when,
            )
        yield item


def read_feed(location: str | Path, published: date | None = None) -> Iterator[Document | ReadError]:
    """Entries of an RSS or Atom feed (a local file or an http(s) URL)."""
    import feedparser

    source = str(location)
    base = None if is_url(source) else Path(source).resolve().parent
    parsed = feedparser.parse(source) if is_url(source) else feedparser.parse(Path(source).read_bytes())
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        yield ReadError(source, f"not an RSS or Atom feed, or a feed without entries{detail}")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        yield from _entry(entry, n, source, outlet, base, published)


# -- WARC -------------------------------------------------------------------------------------


def _html_of(body: bytes, charset: str | None) -> str:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _warc_doc(record: Any, source: str, skipped: Counter[str]) -> Document | None:
    """An Arabic article from one HTTP response record, or None (counted in `skipped`)."""
    import py3langid
    import trafilatura
    from htmldate import find_date

    if record.http_headers is None or record.http_headers.status_code != 200:
        skipped["not an HTTP 200 response"] += 1
        return None
    if "html" not in (record.http_content_type or "").lower():
        skipped["not HTML"] += 1
        return None
    try:
        html = _html_of(record.reader.read(), record.http_charset)
    except InputError:
        skipped["undecodable"] += 1
        return None
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        skipped["no article text"] += 1
        return None
    if py3langid.classify(text)[0] != "ar":
        skipped["not Arabic"] += 1
        return None
    url = record.headers.get("WARC-Target-URI")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    crawled = _warc_date(record.headers.get("WARC-Date"))
    found = find_date(html, extensive_search=False, outputformat="%Y-%m-%d")
    published = date.fromisoformat(found) if found else None
    if published is None or (
        crawled is not None and published > crawled
    ):  # nothing is published after its crawl
        published = crawled
    rid = (record.record_id or url or "record").removeprefix("<").removesuffix(">").removeprefix("urn:uuid:")
    body = f"{title}\n\n{text}" if title and title not in text[:300] else text
    outlet = (meta.sitename if meta and meta.sitename else None) or (urlparse(url).hostname if url else None)
    return Document(
        id=rid, text=body, title=title, published=published, url=url, outlet=outlet, source=source
    )


def read_warc(path: Path, skipped: Counter[str] | None = None) -> Iterator[Document | ReadError]:
    """Arabic articles of a WARC file; `skipped` counts the records left out, by reason."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    skipped = skipped if skipped is not None else Counter()
    source = str(path)
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
            for record in records:
                doc = _warc_doc(record, source, skipped)
                if doc is not None:
                    yield doc
    except (OSError, ValueError) as exc:
        yield ReadError(source, f"unreadable WARC ({exc})")


# -- dispatch ---------------------------------------------------------------------------------


def _wanted(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(WARC_SUFFIXES) or Path(lower).suffix in SUPPORTED | FEED_SUFFIXES


def walk(folder: Path) -> Iterator[Path]:
    """Readable files under a folder, recursively, in a stable order; hidden ones skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _wanted(name):
                yield Path(root) / name


def read_any(
    path: Path, published: date | None = None, skipped: Counter[str] | None = None
) -> Iterator[Document | ReadError]:
    """One file of any supported kind."""
    try:
        if is_warc(path):
            yield from read_warc(path, skipped)
        elif path.suffix.lower() in FEED_SUFFIXES:
            yield from read_feed(path, published)
        else:
            yield from read_file(path, published)
    except OSError as exc:
        yield ReadError(str(path), f"cannot read ({exc.strerror or exc})")


def read_sources(
    inputs: Iterable[str | Path], published: date | None = None, skipped: Counter[str] | None = None
) -> Iterator[Document | ReadError]:
    """Stream documents from files, folders, feeds (files or URLs) and WARC archives."""
    for raw in inputs:
        text = str(raw)
        if is_url(text):
            yield from read_feed(text, published)
            continue
        path = Path(text)
        if path.is_dir():
            for file in walk(path):
                yield from read_any(file, published, skipped)
        elif path.exists():
            yield from read_any(path, published, skipped)
        else:
            yield ReadError(text, "no such file or folder")
