"""Gazetteer cost: load time (built from the data files, and from the run-to-run cache), matching
time per 2 KB of text, and the share of extraction time spent on places over a corpus.

    python benchmarks/places_speed.py [--corpus ../shared/corpus/dev/docs]

Prints figures; asserts nothing (issue 3's target: places add < 20% to extraction time).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOAD = (
    "import time; t = time.perf_counter(); from marsad.recognise.places import gazetteer; "
    "g = gazetteer(); print(time.perf_counter() - t, g.size)"
)


def _load_seconds(cache: str) -> tuple[float, int]:
    env = {**os.environ, "MARSAD_CACHE": cache}
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True, env=env)
    seconds, size = out.stdout.split()
    return float(seconds), int(size)


def _share(corpus: Path, rounds: int) -> tuple[float, float, int]:
    from marsad.ingest import read_paths
    from marsad.normalise import normalise
    from marsad.pipeline import extract_document
    from marsad.recognise import places
    from marsad.recognise.mentions import _countries, matcher

    docs = [d for d in read_paths([corpus]) if hasattr(d, "text")]
    extract_document(docs[0])
    texts = [normalise(d.text).text for d in docs]
    countries = [_countries(matcher(("actor",)).find(t).get("actor", [])) for t in texts]
    start = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            extract_document(doc)
    total = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(rounds):
        for text, found in zip(texts, countries, strict=True):
            places.find(text, found)
    return total, time.perf_counter() - start, sum(len(t) for t in texts) * rounds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev" / "docs")
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cold, size = _load_seconds(str(Path(tmp) / "cache"))
        warm, _ = _load_seconds(str(Path(tmp) / "cache"))
    total, spent, chars = _share(args.corpus, args.rounds)
    print(f"gazetteer entries   {size:,}")
    print(f"load, built         {cold:.2f} s (first run after a data change)")
    print(f"load, cached        {warm:.2f} s")
    print(f"matching            {spent / chars * 2000 * 1000:.3f} ms per 2 KB")
    print(f"share of extraction {spent / total:.0%} of the pipeline's time")


if __name__ == "__main__":
    main()
