"""Latency of `marsad serve`: p50/p99 of the main pages and API calls over a store of ~100k claims.

    python benchmarks/serve_latency.py [--db serve-bench.db] [--claims 100000] [--requests 40]

The store is built once (and reused when it already holds enough claims) from the synthetic articles
of benchmarks/ingest_bench.py: the dev texts with shifted numbers, 100 a day, 20 outlets, each
with the claims marsad extracts from its dev text (extracted once, `--extract cached` there), then
copy groups, stories and questions are refreshed. A `postgresql://` --db works too.

The server runs in this process (uvicorn in a thread, on a free loopback port) and one client asks
each endpoint `--requests` times in turn with varied ids, offsets and filters; a request's latency
is the wall time of the whole HTTP exchange. Prints one table; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
ZANGILAN = "زنغلان"
ARMY = "الجيش الأذري"


def build(db: str, target: int) -> dict[str, int]:
    """Ingest synthetic articles until the store holds `target` claims; refresh the derived tables."""
    import ingest_bench

    from marsad import record
    from marsad.store import open_store

    with open_store(db) as store:
        counts = store.counts()
        if counts["claims"] < target:
            per_doc = sum(len(ingest_bench._template_claims(n)) for n, _ in ingest_bench.templates())
            n_docs = int(target / (per_doc / len(ingest_bench.templates()))) + 1
            t0 = time.perf_counter()
            record.ingest(store, ingest_bench.synthetic(n_docs), extract=ingest_bench.cached_extract)
            print(f"ingested {n_docs:,} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        t0 = time.perf_counter()
        if record.ensure_fresh(store):
            print(f"refreshed in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return store.counts()


def _ids(db: str) -> dict[str, list[int]]:
    from sqlalchemy import select

    from marsad.store import open_store
    from marsad.store import schema as t

    with open_store(db) as store, store.read() as conn:
        return {
            "question": list(conn.execute(select(t.questions.c.id)).scalars()),
            "document": list(conn.execute(select(t.documents.c.id)).scalars()),
            "story": list(conn.execute(select(t.stories.c.id)).scalars()),
        }


def endpoints(ids: dict[str, list[int]], claims: int) -> dict[str, Callable[[random.Random], str]]:
    """Name → a function drawing one URL (random ids and offsets)."""
    q, d, s = ids["question"], ids["document"], ids["story"]
    return {
        "page /": lambda r: "/",
        "page /questions?sort=spread": lambda r: "/questions?sort=spread",
        "page /questions/{id}": lambda r: f"/questions/{r.choice(q)}",
        "page /claims (filtered)": lambda r: "/claims?conflict=karabakh&kind=killed",
        "page /claims?offset": lambda r: f"/claims?offset={r.randrange(0, claims - 50)}",
        "page /documents/{id}": lambda r: f"/documents/{r.choice(d)}",
        "page /stories/{id}": lambda r: f"/stories/{r.choice(s)}",
        "page /map": lambda r: "/map",
        "page /search": lambda r: f"/search?q={r.choice([ZANGILAN, ARMY])}",
        "api /api/claims": lambda r: f"/api/claims?limit=50&offset={r.randrange(0, claims - 50)}",
        "api /api/claims (filtered)": lambda r: "/api/claims?conflict=karabakh&kind=killed&item=soldiers",
        "api /api/questions": lambda r: "/api/questions?limit=50",
        "api /api/questions/{id}": lambda r: f"/api/questions/{r.choice(q)}",
        "api /api/documents/{id}": lambda r: f"/api/documents/{r.choice(d)}",
        "api /api/stories": lambda r: "/api/stories",
        "api /api/search": lambda r: f"/api/search?q={r.choice([ZANGILAN, ARMY])}",
        "api /api/map": lambda r: "/api/map?conflict=karabakh",
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: str) -> tuple[str, Callable[[], None]]:
    """Start the app on a loopback port; returns its base URL and a function that stops it."""
    import uvicorn

    from marsad.serve import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    return f"http://127.0.0.1:{port}", stop


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(base: str, urls: dict[str, Callable[[random.Random], str]], n: int) -> list[tuple]:
    import httpx

    rng = random.Random(7)
    rows = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for name, draw in urls.items():
            client.get(draw(rng)).raise_for_status()  # warm-up (caches, prepared plans)
            times = []
            for _ in range(n):
                t0 = time.perf_counter()
                client.get(draw(rng)).raise_for_status()
                times.append((time.perf_counter() - t0) * 1000)
            rows.append((name, statistics.median(times), _percentile(times, 99), max(times)))
            print(f"{name}: p50 {rows[-1][1]:.0f} ms", file=sys.stderr, flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(ROOT / "serve-bench.db"))
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=40)
    args = ap.parse_args()
    counts = build(args.db, args.claims)
    print(", ".join(f"{v:,} {k}" for k, v in counts.items()))
    base, stop = serve(args.db)
    try:
        rows = measure(base, endpoints(_ids(args.db), counts["claims"]), args.requests)
    finally:
        stop()
    print(f"\n{args.requests} requests each\n\n| endpoint | p50 ms | p99 ms | max ms |\n|---|---|---|---|")
    for name, p50, p99, worst in rows:
        print(f"| {name} | {p50:.1f} | {p99:.1f} | {worst:.1f} |")


if __name__ == "__main__":
    main()
