"""The build cache: reused while its sources are unchanged, rebuilt when they change, never fatal."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from marsad.cache import cached, compiled_pattern


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("MARSAD_CACHE", str(home))
    return home


def _counting_builder(calls: list[int]):
    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    return build


def test_second_call_reads_the_cache(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "lexicon.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    calls: list[int] = []
    assert cached("t", [source], _counting_builder(calls)) == {"built": 1}
    assert cached("t", [source], _counting_builder(calls)) == {"built": 1}
    assert len(calls) == 1
    assert len(list(cache_home.glob("t-*.pickle"))) == 1


def test_a_changed_source_rebuilds_and_drops_the_stale_entry(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "lexicon.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    calls: list[int] = []
    cached("t", [source], _counting_builder(calls))
    source.write_text("a: 22\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert cached("t", [source], _counting_builder(calls)) == {"built": 2}
    assert len(list(cache_home.glob("t-*.pickle"))) == 1


def test_a_corrupt_entry_is_rebuilt(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "lexicon.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    calls: list[int] = []
    cached("t", [source], _counting_builder(calls))
    for entry in cache_home.glob("t-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cached("t", [source], _counting_builder(calls)) == {"built": 2}


def test_an_unwritable_cache_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("MARSAD_CACHE", str(blocker / "sub"))  # a folder under a file: cannot exist
    source = tmp_path / "lexicon.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    calls: list[int] = []
    assert cached("t", [source], _counting_builder(calls)) == {"built": 1}
    assert cached("t", [source], _counting_builder(calls)) == {"built": 2}


_PATTERN = r"(?P<day>\d{1,2})\s+(?P<month>يناير|فبراير|مارس)(?:\s+(?P<year>(?:19|20)\d\d))?(?![^\W\d_])"
_TEXTS = ["وقع ذلك في 12 فبراير 2020 صباحا", "في 3 مارس", "12 فبرايرات", "لا تاريخ هنا"]


def _matches(pattern: re.Pattern[str]) -> list[tuple[int, int, dict[str, str | None]] | None]:
    out = []
    for text in _TEXTS:
        m = pattern.search(text)
        out.append((m.start(), m.end(), m.groupdict()) if m else None)
    return out


def test_a_cached_pattern_matches_like_a_compiled_one(cache_home: Path) -> None:
    expected = re.compile(_PATTERN)
    first = compiled_pattern("t", _PATTERN)
    assert len(list(cache_home.glob("regex-t-*.pickle"))) == 1
    second = compiled_pattern("t", _PATTERN)  # from the cache
    for pattern in (first, second):
        assert pattern.pattern == _PATTERN
        assert pattern.groupindex == expected.groupindex
        assert _matches(pattern) == _matches(expected)


def test_a_corrupt_pattern_entry_compiles_again(cache_home: Path) -> None:
    compiled_pattern("t", _PATTERN)
    for entry in cache_home.glob("regex-t-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _matches(compiled_pattern("t", _PATTERN)) == _matches(re.compile(_PATTERN))
    assert not list(cache_home.glob("*.tmp"))
