import json
from datetime import date
from pathlib import Path

import pytest

from marsad.ingest import InputError, ReadError, _suffix, decode, read_paths
from marsad.model import Document

ARABIC = "قالت الوزارة إن 12 دبابة دمرت في المعارك."


def _read(paths) -> tuple[list[Document], list[ReadError]]:
    docs, errors = [], []
    for item in read_paths(paths):
        (errors if isinstance(item, ReadError) else docs).append(item)
    return docs, errors


def test_utf8_windows1256_utf16(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ARABIC.encode("windows-1256"))
    (tmp_path / "c.txt").write_bytes(ARABIC.encode("utf-16"))
    docs, errors = _read([tmp_path])
    assert errors == []
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert all(d.text == ARABIC for d in docs)


def test_bad_files_are_named_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("déjà vu, à la carte".encode("latin-1"))
    docs, errors = _read([tmp_path, tmp_path / "missing.txt"])
    assert [d.id for d in docs] == ["good"]
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "encoding" in reasons["latin.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    rec = {
        "id": "r1",
        "text": ARABIC,
        "published": "2020-10-20",
        "url": "http://example.org/1",
        "outlet": "X",
    }
    (tmp_path / "one.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    lines = [json.dumps({**rec, "id": "r2"}), "{not json", json.dumps({"id": "r3"})]
    (tmp_path / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, errors = _read([tmp_path])
    assert [d.id for d in docs] == ["r2", "r1"]
    assert docs[1].published == date(2020, 10, 20) and docs[1].outlet == "X"
    assert [Path(e.source).name for e in errors] == ["many.jsonl:2", "many.jsonl:3"]
    assert "malformed JSON" in errors[0].reason


def test_malformed_json_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"id": "x", "text": ', encoding="utf-8")
    _, errors = _read([tmp_path / "bad.json"])
    assert len(errors) == 1 and "malformed JSON" in errors[0].reason


def test_html_main_text(tmp_path: Path) -> None:
    body = "".join(f"<p>{ARABIC} فقرة رقم {i} من نص المقال الطويل.</p>" for i in range(6))
    html = (
        f"<html><head><title>عنوان الخبر</title><meta property='article:published_time' "
        f"content='2020-10-20'></head><body><nav>القائمة</nav><article>{body}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    docs, errors = _read([tmp_path])
    assert errors == []
    assert "12 دبابة" in docs[0].text
    assert docs[0].published == date(2020, 10, 20)


def test_broken_html_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_text("<html><body><div", encoding="utf-8")
    _, errors = _read([tmp_path])
    assert len(errors) == 1 and "HTML" in errors[0].reason


def test_decode_refuses_to_guess() -> None:
    with pytest.raises(InputError):
        decode(b"\x00\x01\x02binary")


@pytest.mark.parametrize("name", ["a.txt", "a.", ".x", "a", "a.b.HTML", "a..", "..", "x.tar.gz", "n.JSONL"])
def test_suffix_is_pathlibs(name: str) -> None:
    assert _suffix(name) == Path(name).suffix
