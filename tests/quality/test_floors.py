"""Quality gate: the extractor over the shared corpus, scored by the shared scorer, against floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from marsad.ingest import ReadError, read_paths
from marsad.pipeline import extract_document

FLOORS = yaml.safe_load((Path(__file__).with_name("floors.yaml")).read_text(encoding="utf-8"))


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("marsad_shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(shared: Path, name: str) -> tuple[dict, dict, list]:
    corpus = shared / "corpus" / name
    docs = [d for d in read_paths([corpus / "docs"]) if not isinstance(d, ReadError)]
    preds = [c.to_json() for d in docs for c in extract_document(d)]
    gold = [
        json.loads(x) for x in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    score = _scorer(shared)
    return score.score(gold, preds, True), score.score(gold, preds, False), docs


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_quality_floor(shared: Path, name: str) -> None:
    strict, loose, _ = _run(shared, name)
    floors = FLOORS[name]
    assert strict["f1"] >= floors["strict_f1"], f"{name} strict F1 {strict['f1']:.3f}"
    assert loose["f1"] >= floors["loose_f1"], f"{name} loose F1 {loose['f1']:.3f}"
    if "claimant" in floors:
        assert loose["fields"].get("claimant", 0) >= floors["claimant"]


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_every_evidence_quotes_the_document(shared: Path, name: str) -> None:
    for doc in read_paths([shared / "corpus" / name / "docs"]):
        assert not isinstance(doc, ReadError), doc
        for claim in extract_document(doc):
            ev = claim.evidence
            assert doc.text[ev.start : ev.end] == ev.text
            if claim.place and claim.place.start is not None:
                assert doc.text[claim.place.start : claim.place.end] == claim.place.text
