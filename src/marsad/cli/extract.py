"""`marsad extract`: articles in, claims out as JSON Lines."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.base import app, err
from marsad.ingest import ReadError, read_paths
from marsad.pipeline import extract_document

# What `json.dumps(obj, ensure_ascii=False)` does, without building an encoder for every claim,
# nor keeping a table of the containers seen (a claim's JSON is a tree: it cannot hold a cycle).
_to_json_line = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date like 2020-10-20") from exc


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSON Lines here.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Article date for inputs that carry none, e.g. 2020-10-20.")
    ] = None,
) -> None:
    """Extract claims from articles (.txt, .html, .json, .jsonl) and print them as JSON Lines.

    Example: marsad extract ../shared/corpus/seeds/docs -o claims.jsonl
    """
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        for item in read_paths(paths, _published(published)):
            if isinstance(item, ReadError):
                err().print(f"error: {item}", markup=False)
                failed += 1
                continue
            for claim in extract_document(item):
                out.write(_to_json_line(claim.to_json()) + "\n")
    finally:
        if output:
            out.close()
    if failed:
        err().print(f"{failed} input(s) could not be read", markup=False)
        raise typer.Exit(1)
