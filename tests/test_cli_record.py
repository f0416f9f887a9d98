"""`marsad ingest / report / export / demo` end to end, with marsad's own extractor.

The extractor is being improved while these tests stand, so they assert what the record computes
from whatever claims it extracted (every counted claim answers exactly one question, figures point
at stored claims, counts do not move on a second ingest), not particular figures.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "unit"))
import record_kit  # noqa: E402

from marsad.cli import app  # noqa: E402

runner = CliRunner()
ARTICLES = {
    "a1": "قالت وزارة الدفاع الأرمينية إن قواتها قتلت 150 عنصرا من الجيش الأذري، ودمرت 12 عربة مصفحة.\n\n"
    "في المقابل أعلنت وزارة الدفاع الأذربيجانية مقتل 12 عسكريا من قواتها.\n",
    "a2": "أعلنت باكو تدمير 6 دبابات و15 بطارية مدفعية والقضاء على أكثر من 100 عسكري أرمني.\n\n"
    "من جهته قال الرئيس الأرمني إن بلاده فقدت 18 جنديا.\n",
    "a3": "وكانت يريفان قد أعلنت عن مقتل 710 جنود أرمينيين و36 مدنيا في القتال، "
    "في حين تقول باكو إن 60 مدنيا أذريا قتلوا.\n",
}


@pytest.fixture(params=record_kit.BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from record_kit.store_url(request.param, tmp_path)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return result.stdout


def _user_error(args: list[str], code: int = 1) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    return result.stderr


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _counts(db: str) -> dict[str, int]:
    from marsad.store import open_store

    with open_store(db) as store:
        return store.counts()


def test_ingest_report_export_agree(db: str, corpus: Path, tmp_path: Path) -> None:
    out = _ok(["ingest", str(corpus), "--db", db])
    assert "3 documents read: 3 new" in out
    claims = _jsonl(_ok(["export", "--db", db, "--format", "jsonl"]))
    questions = _jsonl(_ok(["report", "--db", db, "--format", "json"]))
    assert claims and questions
    by_id = {c["claim_id"]: c for c in claims}
    counted = {
        c["claim_id"]
        for c in claims
        if c["count"] is not None and c["modality"] != "denied" and c["event_type"] != "took_control"
    }
    answered = Counter(cid for q in questions for f in q["figures"] for cid in f["claims"])
    assert counted <= set(answered) and set(answered.values()) == {1}
    for q in questions:
        for f in q["figures"]:
            for cid in f["claims"]:
                c = by_id[cid]
                assert (c["event_type"], c["question"]) == (q["kind"], q["id"])
                assert c["notes"] in f["evidence"] or len(f["evidence"]) == 3
    _ok(
        [
            "export",
            "--db",
            db,
            "--what",
            "questions",
            "--format",
            "parquet",
            "-o",
            str(tmp_path / "q.parquet"),
        ]
    )
    assert (tmp_path / "q.parquet").stat().st_size > 0
    md = _ok(["report", "--db", db, "--format", "md"])
    assert all(q["label"] in md for q in questions)


def test_ingest_twice_and_bad_files(db: str, corpus: Path) -> None:
    (corpus / "binary.txt").write_bytes(bytes(range(256)))
    (corpus / "broken.jsonl").write_text('{"id": "j1", "text": "نص"}\n{oops\n', encoding="utf-8")
    first = _user_error(["ingest", str(corpus), str(corpus / "nope.html"), "--db", db])
    assert "binary.txt" in first and "broken.jsonl:2" in first and "nope.html" in first
    counts = _counts(db)
    assert counts["documents"] == 4
    _user_error(["ingest", str(corpus), "--db", db])
    assert _counts(db) == counts


def test_demo_builds_a_store_from_the_invented_sample(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    md = _ok(["demo", "--db", db, "--format", "md"])
    assert md.startswith("# marsad report")
    claims = _jsonl(_ok(["export", "--db", db, "--format", "jsonl"]))
    groups = {c["doc_id"]: c["copy_group"] for c in claims}
    assert groups["sample-1"] == groups["sample-2"] != groups["sample-3"]
    questions = _jsonl(_ok(["report", "--db", db, "--format", "json"]))
    assert any({f["side"] for f in q["figures"]} >= {"own", "other"} for q in questions)


def test_feeds_go_through_ingest(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    body = "".join(f"<p>{t}</p>" for t in ARTICLES.values())
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>مثال</title><item><guid>x1</guid><link>https://example.org/x1</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>",
        encoding="utf-8",
    )
    db = str(tmp_path / "f.db")
    assert "1 new" in _ok(["ingest", str(feed), "--db", db])
    assert (
        _jsonl(_ok(["export", "--db", db, "--format", "jsonl"]))[0]["source_url"] == "https://example.org/x1"
    )


def test_user_errors(tmp_path: Path, corpus: Path) -> None:
    missing = str(tmp_path / "none.db")
    assert "no store" in _user_error(["report", "--db", missing])
    assert "unsupported" in _user_error(["ingest", str(corpus), "--db", "mysql://u@h/db"])
    assert "folder does not exist" in _user_error(
        ["ingest", str(corpus), "--db", str(tmp_path / "x" / "y.db")]
    )
    db = str(tmp_path / "r.db")
    _ok(["ingest", str(corpus), "--db", db])
    assert "no story" in _user_error(["report", "--db", db, "--story", "99999"])
    assert "unknown conflict" in _user_error(["report", "--db", db, "--conflict", "??"])
    assert "parquet" in _user_error(["export", "--db", db, "--format", "parquet"])
    _user_error(["report", "--db", db, "--since", "20/10/2020"], code=2)
    _user_error(["export", "--db", db, "--format", "xlsx"], code=2)
    _user_error(["ingest", "--db", db], code=2)


def test_env_var_names_the_store(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    _ok(["ingest", str(corpus)])
    assert (tmp_path / "env.db").exists()
    assert _jsonl(_ok(["report", "--format", "json"]))


# -- the shared corpus ----------------------------------------------------------------------------


def test_seeds_and_dev_twice_give_the_same_counts(shared: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    paths = [str(shared / "corpus" / "seeds" / "docs"), str(shared / "corpus" / "dev" / "docs")]
    runner.invoke(app, ["ingest", *paths, "--db", db])  # exit 1 while the extractor fails on a document
    once = _counts(db)
    runner.invoke(app, ["ingest", *paths, "--db", db])
    assert _counts(db) == once and once["documents"] > 40
    claims = _jsonl(_ok(["export", "--db", db, "--format", "jsonl"]))
    rows = _jsonl(_ok(["export", "--db", db, "--what", "claims", "--format", "jsonl"]))
    assert rows == claims
    from marsad.store import open_store
    from marsad.store import schema as t

    with open_store(db) as store, store.read() as conn:
        from sqlalchemy import select

        groups = dict(
            conn.execute(
                select(t.documents.c.name, t.memberships.c.copy_group).join(
                    t.memberships, t.memberships.c.document == t.documents.c.id
                )
            ).all()
        )
    assert groups["000_1de82cc1b0e1224c"] == groups["001_9fef331906d48881"]
    assert len({groups[n] for n in groups if n[:3] in {"002", "003", "004"}}) == 3


def test_seeds_report_sets_the_parties_side_by_side(shared: Path, tmp_path: Path) -> None:
    """Issue 4's lines, from the extractor itself (not gold claims standing in for it)."""
    db = str(tmp_path / "seeds.db")
    _ok(["ingest", str(shared / "corpus" / "seeds" / "docs"), "--db", db])
    report = _jsonl(_ok(["report", "--db", db, "--format", "json"]))

    def figures(kind: str, item: str, affected: str) -> list[dict[str, int]]:
        return [
            {f["actor"]: f["value"] for f in q["figures"]}
            for q in report
            if (q["kind"], q["item"], q["affected"]) == (kind, item, affected)
        ]

    assert {"ARM": 710} in figures("killed", "soldiers", "ARM")
    assert {"AZE": 12, "NKR": 200} in figures("killed", "soldiers", "AZE")
    assert {"AZE": 60, "MEDIA": 60} in figures("killed", "civilians", "AZE")
    tanks = figures("destroyed", "tanks", "ARM") + figures("destroyed", "tanks", "AZE")
    assert {"AZE": 241} in tanks and {"AZE": 1} in tanks


@pytest.mark.skipif(not os.environ.get("MARSAD_TEST_PG"), reason="MARSAD_TEST_PG is not set")
def test_help_of_record_commands_mentions_postgresql() -> None:
    assert "postgresql://" in runner.invoke(app, ["ingest", "--help"]).output
