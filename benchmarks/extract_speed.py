"""Extraction speed on one core: articles per second, start-up included, and the ratio to the
baseline of reading + normalising + segmenting the same texts.

    python benchmarks/extract_speed.py [--copies 2000] [--corpus ../shared/corpus/dev/docs]

It copies the corpus texts into a temporary folder until there are at least --copies files, then
times `marsad extract` on that folder in a fresh process (so lexicon loading counts) and the
baseline in-process. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _fill(corpus: Path, target: Path, copies: int) -> int:
    texts = sorted(corpus.glob("*.txt"))
    n = 0
    while n < copies:
        for src in texts:
            (target / f"{n:06d}_{src.name}").write_bytes(src.read_bytes())
            n += 1
    return n


def _baseline(folder: Path) -> float:
    from marsad.ingest import read_paths
    from marsad.normalise import normalise
    from marsad.segment import segment

    start = time.perf_counter()
    for doc in read_paths([folder]):
        segment(normalise(doc.text).text)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev" / "docs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "docs", Path(tmp) / "out.jsonl"
        folder.mkdir()
        n = _fill(args.corpus, folder, args.copies)
        size = sum(p.stat().st_size for p in folder.iterdir())
        start = time.perf_counter()
        subprocess.run(
            ["taskset", "-c", "0", sys.executable, "-m", "marsad", "extract", str(folder), "-o", str(out)],
            check=True,
        )
        elapsed = time.perf_counter() - start
        claims = sum(1 for _ in out.open(encoding="utf-8"))
        base = _baseline(folder)
    print(f"articles            {n}  ({size / 1e6:.1f} MB)")
    print(f"claims              {claims}")
    print(f"extract (1 core)    {elapsed:.2f} s  = {n / elapsed:,.0f} articles/s, start-up included")
    print(f"read+norm+segment   {base:.2f} s  = {n / base:,.0f} articles/s")
    print(f"ratio               {elapsed / base:.1f}x the baseline")


if __name__ == "__main__":
    main()
