"""The CLI: every command has help with an example; extract reads files and reports bad ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad.cli import app

runner = CliRunner()
ARTICLE = "قالت وزارة الدفاع الأرمينية إن قواتها دمرت 12 دبابة أذربيجانية.\n"


def _commands() -> list[str]:
    return sorted(c.name for c in typer.main.get_command(app).commands.values())


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"{name} --help has no example"


def test_extract_prints_claims_as_json_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["doc"] == "a" for r in rows)
    assert "دبابة" in result.stdout  # Arabic stays unescaped


def test_extract_folder_with_bad_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "arabic1256.txt").write_bytes(ARTICLE.encode("windows-1256"))
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "binary.txt" in result.stderr and "empty.txt" in result.stderr
    docs = {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {"good", "arabic1256"}


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "20/10/2020"])
    assert result.exit_code == 2


def test_published_dates_plain_text_claims(tmp_path: Path) -> None:
    """--published is the report date of a .txt; a weekday in the text is resolved against it."""
    text = ARTICLE + "وأعلنت الوزارة الاثنين مقتل 3 جنود أذربيجانيين.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "2020-10-20"])
    assert result.exit_code == 0, result.output
    dates = {
        (r["count"]["value"], r["date"]["start"], r["date"]["basis"])
        for r in map(json.loads, result.stdout.splitlines())
    }
    assert (12, "2020-10-20", "report") in dates
    assert (3, "2020-10-19", "event") in dates
