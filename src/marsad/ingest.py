"""Read articles from files: plain text, HTML, JSON and JSON Lines, as a stream of `Document`s.

Reading is lazy (one file, one record at a time) so memory stays flat however large the corpus.
Every file that cannot be read yields a `ReadError` naming the file and the reason instead of
stopping the run: one bad file in ten thousand must not cost the other 9,999.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from marsad.model import Document

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MAX_BYTES = 50 * 1024 * 1024

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file or record that could not be read, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class InputError(ValueError):
    """Raised inside the readers; turned into a `ReadError` at the stream boundary."""


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)


def decode(data: bytes) -> str:
    """Bytes to text: BOM first, then strict UTF-8, then windows-1256 only if it reads as Arabic.

    windows-1256 decodes almost any byte string, so it is accepted only when most letters come out
    Arabic; anything else is refused rather than guessed silently wrong.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {codec} after its byte-order mark ({exc.reason})") from exc
    if data.find(b"\x00", 0, 65536) >= 0:
        raise InputError("binary file (NUL bytes, no UTF-16 byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("windows-1256")
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8, UTF-16 or windows-1256 text") from exc
    if _arabic_share(text) < 0.5:
        raise InputError("not UTF-8, and not Arabic in windows-1256 either: unknown encoding")
    return text


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, read through its descriptor: a Python file object makes the same system
    calls and more (its own fstat, a seek), twice the cost for a 4 KB article. The errors are
    the same `OSError`s (a folder fails on the read rather than the open, as "Is a directory")."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if size > MAX_BYTES:
            raise InputError(f"too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        data = _read_to_end(fd, size)
    finally:
        os.close(fd)
    if not data or data.isspace():
        raise InputError("empty file")
    return data


def _read_to_end(fd: int, size: int) -> bytes:
    """Every byte up to the end, as `file.read()` reads them: `size` is only the first guess (a
    file may grow meanwhile, and some report size 0)."""
    chunks = [os.read(fd, size + 1)]
    while chunks[-1]:
        chunks.append(os.read(fd, 65536))
    return b"".join(chunks)


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _record(raw: Any, source: str) -> Document:
    if not isinstance(raw, dict):
        raise InputError("a record must be a JSON object")
    if not raw.get("id") or not isinstance(raw.get("text"), str):
        raise InputError("a record needs 'id' and a string 'text'")
    if not raw["text"].strip():
        raise InputError(f"record {raw['id']!r} has an empty text")
    return Document(
        id=str(raw["id"]),
        text=raw["text"],
        title=raw.get("title"),
        published=_parse_date(raw.get("published")),
        url=raw.get("url"),
        outlet=raw.get("outlet"),
        source=source,
    )


def read_json(path: Path) -> Iterator[Document | ReadError]:
    """Records of a `.json` (one object or a list) or `.jsonl` file; a bad line is a ReadError."""
    text = decode(_read_bytes(path))
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                yield _record(json.loads(line), str(path))
            except json.JSONDecodeError as exc:
                yield ReadError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            except InputError as exc:
                yield ReadError(where, str(exc))
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    for raw in doc if isinstance(doc, list) else [doc]:
        yield _record(raw, str(path))


def read_html(path: Path, published: date | None = None) -> Document:
    """Main text of an HTML page (trafilatura), its title and date (htmldate)."""
    import trafilatura
    from htmldate import find_date

    html = decode(_read_bytes(path))
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError("no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    found = published or _parse_date(find_date(html, extensive_search=False, outputformat="%Y-%m-%d"))
    body = f"{meta.title}\n\n{text}" if meta and meta.title and meta.title not in text[:300] else text
    return Document(
        id=path.stem, text=body, title=meta.title if meta else None, published=found,
        url=meta.url if meta else None, outlet=meta.sitename if meta else None, source=str(path),
    )


def read_text(path: Path, published: date | None = None) -> Document:
    return Document(id=path.stem, text=decode(_read_bytes(path)), published=published, source=str(path))


def _walk(path: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order; hidden files and folders skipped."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = Path(root)  # once per folder: a Path from a string costs twice a join
        for name in sorted(files):
            if not name.startswith(".") and _suffix(name).lower() in SUPPORTED:
                yield folder / name


def _suffix(name: str) -> str:
    """`Path(name).suffix` without building a Path for every file of a large folder."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def read_file(path: Path, published: date | None = None) -> Iterator[Document | ReadError]:
    """Documents of one file, or one ReadError saying why it could not be read."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSON_SUFFIXES:
            for item in read_json(path):
                yield item if isinstance(item, ReadError) else _with_date(item, published)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, published)
        elif suffix in TEXT_SUFFIXES:
            yield read_text(path, published)
        else:
            yield ReadError(str(path), f"unsupported file type {suffix!r} (txt, html, json, jsonl)")
    except InputError as exc:
        yield ReadError(str(path), str(exc))
    except OSError as exc:
        yield ReadError(str(path), f"cannot read ({exc.strerror or exc})")


def _with_date(doc: Document, published: date | None) -> Document:
    if published is None or doc.published is not None:
        return doc
    return replace(doc, published=published)


def read_paths(paths: Iterable[str | Path], published: date | None = None) -> Iterator[Document | ReadError]:
    """Stream `Document`s and `ReadError`s from files and folders (walked recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                yield from read_file(file, published)
        elif path.exists():
            yield from read_file(path, published)
        else:
            yield ReadError(str(path), "no such file or folder")
