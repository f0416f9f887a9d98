"""Ingest throughput and peak memory of the record, on SQLite and PostgreSQL.

    python benchmarks/ingest_bench.py [--sizes 10000 100000] [--backends sqlite postgresql]
                                      [--extract real|cached] [--jobs 2] [--pg URL] [--tracemalloc]

Synthetic articles are made by repeating the dev texts (../shared/corpus/dev/docs) with their
numbers shifted (so every article is a distinct document), 100 a day from 2020-01-01, each with its
own URL and one of 20 outlets. They are generated one at a time: nothing holds the corpus in memory.

- `--extract real` runs marsad's extractor on every article (what `marsad ingest` does);
  `--extract cached` extracts each dev text once and reuses its claims, which measures the store
  (hashing, batching, writing) without the extractor.
- Each case runs in a fresh process; peak memory is that process's maximum resident set size
  (getrusage), after ingest and after the refresh of copy groups, stories and questions;
  `--tracemalloc` adds the peak of Python allocations (and slows everything down).
- PostgreSQL needs `--pg URL` or env MARSAD_TEST_PG (scripts/ci_postgres.sh prints one); each case
  gets a fresh schema, dropped afterwards.

Prints one line per case and a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
_NUMBER = re.compile(r"\d+")
PER_DAY = 100


@cache
def templates(corpus: str = str(DEV)) -> tuple[tuple[str, str], ...]:
    """(name, text) of the dev articles, sorted."""
    return tuple((p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path(corpus).glob("*.txt")))


def synthetic(n: int) -> Iterator[object]:
    """`n` distinct articles: dev texts in turn, numbers shifted by the round, dated 100 a day."""
    from marsad.model import Document

    texts = templates()
    start = date(2020, 1, 1)
    for i in range(n):
        name, text = texts[i % len(texts)]
        shift = i // len(texts)
        varied = _NUMBER.sub(lambda m, s=shift: str(int(m.group()) + s), text) if shift else text
        yield Document(
            id=f"syn{i:06d}-{name}", text=varied, published=start + timedelta(days=i // PER_DAY),
            url=f"https://example.org/syn/{i}", outlet=f"outlet{i % 20}", source="synthetic",
        )  # fmt: skip


@cache
def _template_claims(name: str) -> tuple[object, ...]:
    from marsad.model import Document
    from marsad.pipeline import extract_document

    text = dict(templates())[name]
    try:
        return tuple(extract_document(Document(id=name, text=text)))
    except Exception:  # noqa: BLE001  (a template the extractor fails on stores no claims)
        return ()


def cached_extract(doc: object) -> list[object]:
    """The claims of the dev text this article was made from (extracted once per process)."""
    name = doc.id.split("-", 1)[1]  # type: ignore[attr-defined]
    return [replace(c, doc=doc.id) for c in _template_claims(name)]  # type: ignore[attr-defined]


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _pg_schema_url(pg: str) -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in pg else "?"
    return f"{pg}{sep}options={quote(f'-csearch_path={schema}')}", schema


def _drop_schema(pg: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def run_case(backend: str, n: int, mode: str, jobs: int, pg: str, trace: bool) -> dict[str, object]:
    """One measured ingest + refresh in this process."""
    import tracemalloc

    from marsad import record
    from marsad.store import open_store

    if trace:
        tracemalloc.start()
    schema = None
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        url = str(Path(tmp) / "bench.db")
        if backend == "postgresql":
            url, schema = _pg_schema_url(pg)
        try:
            with open_store(url) as store:
                extract = cached_extract if mode == "cached" else None
                t0 = time.perf_counter()
                result = record.ingest(store, synthetic(n), extract=extract, jobs=jobs)  # type: ignore[arg-type]
                ingest_s = time.perf_counter() - t0
                rss_ingest = _maxrss_mb()
                t1 = time.perf_counter()
                derived = record.refresh(store)
                refresh_s = time.perf_counter() - t1
                counts = store.counts()
            size = sum(f.stat().st_size for f in Path(tmp).glob("bench.db*")) if backend == "sqlite" else None
        finally:
            if schema:
                _drop_schema(pg, schema)
    return {
        "backend": backend, "articles": n, "extract": mode, "jobs": jobs, "stored": result.stored,
        "claims": counts["claims"], "errors": len(result.errors), "ingest_s": round(ingest_s, 1),
        "articles_per_s": round(n / ingest_s, 1), "peak_rss_ingest_mb": round(rss_ingest),
        "peak_rss_worker_mb": round(_maxrss_mb(resource.RUSAGE_CHILDREN)) if jobs > 1 else None,
        "refresh_s": round(refresh_s, 1), "peak_rss_refresh_mb": round(_maxrss_mb()),
        "copy_groups": derived["copy_groups"], "stories": derived["stories"],
        "questions": derived["questions"],
        "tracemalloc_peak_mb": round(tracemalloc.get_traced_memory()[1] / 2**20) if trace else None,
        "db_mb": round(size / 2**20) if size else None,
    }  # fmt: skip


def _child(args: argparse.Namespace, backend: str, n: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--case", backend, str(n), "--extract", args.extract,
           "--jobs", str(args.jobs), "--pg", args.pg or ""]  # fmt: skip
    if args.tracemalloc:
        cmd.append("--tracemalloc")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


COLUMNS = ("backend", "articles", "extract", "jobs", "articles_per_s", "ingest_s", "peak_rss_ingest_mb",
           "peak_rss_worker_mb",
           "refresh_s", "peak_rss_refresh_mb", "claims", "copy_groups", "stories", "questions", "errors",
           "db_mb", "tracemalloc_peak_mb")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument(
        "--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    ap.add_argument("--extract", choices=["real", "cached"], default="real")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--pg", default=os.environ.get("MARSAD_TEST_PG", ""))
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--case", nargs=2, metavar=("BACKEND", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.case:
        backend, n = args.case
        print(json.dumps(run_case(backend, int(n), args.extract, args.jobs, args.pg, args.tracemalloc)))
        return
    if not DEV.is_dir():
        sys.exit(f"no dev corpus at {DEV}")
    rows = []
    for backend in args.backends:
        if backend == "postgresql" and not args.pg:
            print("postgresql: skipped (no --pg URL and no MARSAD_TEST_PG)", file=sys.stderr)
            continue
        for n in args.sizes:
            row = _child(args, backend, n)
            print(json.dumps(row), flush=True)
            rows.append(row)
    print("\n| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS))
    for row in rows:
        print("| " + " | ".join("" if row.get(c) is None else str(row[c]) for c in COLUMNS) + " |")


if __name__ == "__main__":
    main()
