"""Extraction speed on one core: articles per second, start-up included, the start-up alone, the
ratio to the baseline of reading + normalising + segmenting the same texts, and ms per article by
stage.

    python benchmarks/extract_speed.py [--copies 2000] [--corpus ../shared/corpus/dev/docs]

It copies the corpus texts into a temporary folder until there are at least --copies files, then
times `marsad extract` on that folder in a fresh process pinned to one core (so lexicon loading
counts), and on a one-line file (the start-up: interpreter, imports, cached lexicons, grammar).
marsad's bytecode is compiled first, as an installed package's is: with PYTHONDONTWRITEBYTECODE
set, every run would otherwise compile its sources again (~40 ms). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _fill(corpus: Path, target: Path, copies: int) -> int:
    texts = sorted(corpus.glob("*.txt"))
    n = 0
    while n < copies:
        for src in texts:
            (target / f"{n:06d}_{src.name}").write_bytes(src.read_bytes())
            n += 1
    return n


def _extract(paths: list[Path], out: Path) -> float:
    """Wall time of `marsad extract` in a fresh process on core 0."""
    start = time.perf_counter()
    subprocess.run(
        ["taskset", "-c", "0", sys.executable, "-m", "marsad", "extract", *map(str, paths), "-o", str(out)],
        check=True,
    )
    return time.perf_counter() - start


def _baseline(folder: Path) -> float:
    from marsad.ingest import read_paths
    from marsad.normalise import normalise
    from marsad.segment import segment

    start = time.perf_counter()
    for doc in read_paths([folder]):
        segment(normalise(doc.text).text)
    return time.perf_counter() - start


def _stages(corpus: Path, rounds: int = 10) -> dict[str, float]:
    """Milliseconds per article of each stage, in-process, over the corpus texts `rounds` times."""
    from marsad.claims import extract_claims
    from marsad.ingest import read_paths
    from marsad.lexicon.compile import matcher
    from marsad.normalise import normalise
    from marsad.recognise import dates, numbers, places
    from marsad.recognise.mentions import LEXICON_KINDS, recognise
    from marsad.segment import segment

    docs = list(read_paths([corpus]))
    encode = json.JSONEncoder(ensure_ascii=False).encode
    steps: list[tuple[str, Callable[[Any, Any], Any]]] = [
        ("normalise", lambda d, s: normalise(d.text)),
        ("segment", lambda d, s: segment(s["norm"].text)),
        ("lexicon matcher", lambda d, s: matcher(LEXICON_KINDS).find(s["norm"].text)),
        ("numbers", lambda d, s: numbers.find(s["norm"].text)),
        ("places", lambda d, s: places.find(s["norm"].text)),
        ("dates.document_date", lambda d, s: dates.document_date(s["norm"].text, d.published)),
        ("dates.find", lambda d, s: dates.find(s["norm"].text, s["dates.document_date"])),
        ("recognise", lambda d, s: recognise(s["norm"].text, d.published)),  # the five above, together
        ("claims", lambda d, s: extract_claims(d, s["norm"], s["segment"], s["recognise"])),
        ("JSON", lambda d, s: [encode(c.to_json()) for c in s["claims"]]),
    ]
    keys = {"normalise": "norm"}
    total = dict.fromkeys((name for name, _ in steps), 0.0)
    for n in range(rounds + 1):  # the first round warms up (lexicons loaded, grammar compiled)
        for doc in docs:
            state: dict[str, Any] = {}
            for name, step in steps:
                start = time.perf_counter()
                state[keys.get(name, name)] = step(doc, state)
                if n:
                    total[name] += time.perf_counter() - start
    return {name: seconds / (rounds * len(docs)) * 1e3 for name, seconds in total.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev" / "docs")
    args = ap.parse_args()
    compileall.compile_dir(ROOT / "src" / "marsad", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "docs", Path(tmp) / "out.jsonl"
        folder.mkdir()
        n = _fill(args.corpus, folder, args.copies)
        size = sum(p.stat().st_size for p in folder.iterdir())
        one = Path(tmp) / "one.txt"
        one.write_text("قالت وزارة الدفاع إن قواتها دمرت 12 دبابة.\n", encoding="utf-8")
        _extract([one], out)  # builds the caches if they are stale
        startup = min(_extract([one], out) for _ in range(3))
        elapsed = _extract([folder], out)
        claims = sum(1 for _ in out.open(encoding="utf-8"))
        base = _baseline(folder)
    stages = _stages(args.corpus)
    print(f"articles            {n}  ({size / 1e6:.1f} MB)")
    print(f"claims              {claims}")
    print(f"extract (1 core)    {elapsed:.2f} s  = {n / elapsed:,.0f} articles/s, start-up included")
    print(f"start-up            {startup:.2f} s  (one one-line file, best of 3)")
    print(f"per article         {(elapsed - startup) / n * 1e3:.2f} ms  (the run less its start-up)")
    print(f"read+norm+segment   {base:.2f} s  = {n / base:,.0f} articles/s")
    print(f"ratio               {elapsed / base:.1f}x the baseline")
    print("stages, in-process, ms per article:")
    for name, ms in stages.items():
        print(f"  {name:20s} {ms:6.3f}")


if __name__ == "__main__":
    main()
