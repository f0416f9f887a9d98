"""RSS/Atom feeds and WARC archives as document streams."""

from __future__ import annotations

import gzip
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

from marsad.ingest import ReadError
from marsad.model import Document
from marsad.sources import html_text, read_sources

PARAGRAPHS = [
    "قالت وزارة الدفاع الأرمينية إن قواتها قتلت 150 عنصرا من الجيش الأذري ودمرت 12 عربة مصفحة.",
    "وأضافت الوزارة أن المعارك تواصلت طوال الليل على طول خط التماس في جنوب الإقليم.",
    "من جهتها أعلنت باكو أن قواتها سيطرت على مدينة زنجيلان بعد معارك عنيفة استمرت أياما.",
]
ENGLISH = [
    "The ministry said on Tuesday that its forces destroyed twelve armoured vehicles near the border.",
    "Fighting continued through the night along the line of contact in the south of the region.",
]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>وكالة المثال</title>
<item><title>عنوان كامل</title><link>https://example.org/full</link><guid>full-1</guid>
<pubDate>Tue, 20 Oct 2020 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>رابط محلي</title><link>local.txt</link><guid>local-1</guid><description>ملخص</description></item>
<item><title>ملخص فقط</title><link>https://example.org/summary</link><guid>summary-1</guid>
<description>ملخص قصير</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>صحيفة المثال</title>
<entry><title>خبر</title><id>urn:x:1</id><updated>2020-10-21T08:00:00Z</updated>
<link href="https://example.org/atom/1"/><content type="html">{body}</content></entry>
</feed>
"""


def _read(*paths: Path | str, skipped: Counter[str] | None = None) -> tuple[list[Document], list[ReadError]]:
    docs, errors = [], []
    for item in read_sources([str(p) for p in paths], skipped=skipped):
        (errors if isinstance(item, ReadError) else docs).append(item)
    return docs, errors


def test_html_text_keeps_one_line_per_block() -> None:
    assert html_text("<p>أ <b>ب</b></p><p>ج</p>د<br>هـ") == "أ ب\n\nج\n\nد\n\nهـ"


def test_rss_full_text_local_links_and_summaries(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    (tmp_path / "feed.rss").write_text(RSS.format(body=body), encoding="utf-8")
    (tmp_path / "local.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    docs, errors = _read(tmp_path / "feed.rss")
    full, local = docs
    assert full.id == "full-1" and full.published == date(2020, 10, 20) and full.outlet == "وكالة المثال"
    assert full.url == "https://example.org/full" and full.text.startswith("عنوان كامل\n\n")
    assert all(p in full.text for p in PARAGRAPHS)
    assert local.text == PARAGRAPHS[0] and local.title == "رابط محلي" and local.outlet == "وكالة المثال"
    assert [e.source for e in errors] == [f"{tmp_path / 'feed.rss'}:summary-1"]
    assert "not fetched" in errors[0].reason


def test_atom_feed(tmp_path: Path) -> None:
    body = "&lt;p&gt;" + PARAGRAPHS[1] + "&lt;/p&gt;"
    (tmp_path / "feed.atom").write_text(ATOM.format(body=body), encoding="utf-8")
    (doc,), errors = _read(tmp_path / "feed.atom")
    assert not errors and doc.id == "urn:x:1" and doc.published == date(2020, 10, 21)
    assert PARAGRAPHS[1] in doc.text


def test_an_xml_file_that_is_not_a_feed_is_a_named_error(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_text("<root><a>1</a></root>", encoding="utf-8")
    docs, (error,) = _read(tmp_path / "data.xml")
    assert docs == [] and "not an RSS or Atom feed" in error.reason


def _response(
    url: str, html: str, *, status: str = "200 OK", ctype: str = "text/html; charset=utf-8"
) -> WarcRecord:
    record = WarcRecord()
    record.init_headers(record_type=WarcRecordType.response, record_urn=uuid.uuid4().urn[4:].encode())
    record.headers.append("WARC-Target-URI", url)
    record.headers.set("WARC-Date", "2020-10-20T12:00:00Z")
    record.headers.append("Content-Type", "application/http; msgtype=response")
    body = html.encode()
    head = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    record.set_bytes_content(head.encode() + body)
    return record


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{body}</article></body></html>"


def write_warc(path: Path, *, compress: bool = False) -> Path:
    """A CC-NEWS-like archive: one Arabic article, one English, one 404, one image."""
    raw = path.with_suffix(".tmp")
    with raw.open("wb") as fh:
        for record in (
            _response("https://ar.example.org/news/1", _page("زنجيلان", PARAGRAPHS)),
            _response("https://en.example.org/news/1", _page("News", ENGLISH)),
            _response("https://ar.example.org/gone", _page("زنجيلان", PARAGRAPHS), status="404 Not Found"),
            _response("https://ar.example.org/logo.png", "PNG", ctype="image/png"),
        ):
            record.write(fh)
    data = raw.read_bytes()
    raw.unlink()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def test_warc_keeps_arabic_html_responses_only(tmp_path: Path) -> None:
    skipped: Counter[str] = Counter()
    docs, errors = _read(write_warc(tmp_path / "crawl.warc.gz", compress=True), skipped=skipped)
    (doc,) = docs
    assert not errors
    assert doc.url == "https://ar.example.org/news/1" and doc.outlet and doc.published == date(2020, 10, 20)
    assert all(p in doc.text for p in PARAGRAPHS)
    assert skipped == Counter({"not Arabic": 1, "not an HTTP 200 response": 1, "not HTML": 1})


def test_folders_mix_files_feeds_and_archives(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc")
    (tmp_path / "b.txt").write_text(PARAGRAPHS[2], encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs, errors = _read(tmp_path, tmp_path / "missing.rss")
    assert len(docs) == 2 and [e.reason for e in errors] == ["no such file or folder"]


def test_a_corrupt_archive_is_a_named_error(tmp_path: Path) -> None:
    (tmp_path / "bad.warc.gz").write_bytes(b"\x1f\x8b\x08garbage")
    docs, (error,) = _read(tmp_path / "bad.warc.gz")
    assert docs == [] and error.source.endswith("bad.warc.gz") and "unreadable WARC" in error.reason
