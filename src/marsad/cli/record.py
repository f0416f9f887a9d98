"""`marsad ingest`, `report`, `export` and `demo`: the record on the command line.

Each command parses its options, calls one library function (marsad.record, marsad.report,
marsad.export) and prints; store and filter problems are user errors (exit 1, one line on stderr).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from marsad.cli.base import app, err
from marsad.lazy import lazy_module

if TYPE_CHECKING:
    from rich.progress import Progress

    from marsad.store import Store

record = lazy_module("marsad.record")
reporting = lazy_module("marsad.report")
exporting = lazy_module("marsad.export")
recordconf = lazy_module("marsad.recordconf")
sources = lazy_module("marsad.sources")
stores = lazy_module("marsad.store")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite file or postgresql://user:pw@host/db URL (env MARSAD_DB; default marsad.db)."
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="table, md, html or json (JSON Lines); default: table on a terminal, else json.",
    ),
]
SAMPLE = "data/sample"


def fail(message: str) -> typer.Exit:
    """A user error: one unwrapped line on stderr (greppable in logs), exit 1."""
    err().print(f"[red]error:[/red] {message}", markup=True, soft_wrap=True)
    return typer.Exit(1)


def say(message: str) -> None:
    """A notice on stderr, never wrapped."""
    err().print(message, markup=False, highlight=False, soft_wrap=True)


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date like 2020-10-20", param_hint=name) from exc


@contextmanager
def _store(db: str | None, *, must_exist: bool = False) -> Iterator[Store]:
    """Open the store, turning its problems into user errors."""
    try:
        url = stores.resolve_url(db)
        if must_exist and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
            raise fail(
                f"no store at {url.removeprefix('sqlite:///')}: run `marsad ingest` first (or pass --db)"
            )
        with stores.open_store(db) as store:
            yield store
    except (stores.StoreError, recordconf.SettingsError, reporting.ReportError, exporting.ExportError) as exc:
        raise fail(str(exc)) from None


@contextmanager
def _progress(label: str) -> Iterator[Progress]:
    """A progress line on stderr (only on a terminal: logs stay clean).

    rich.progress is imported here, not at the top: `marsad extract` never shows one."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    console = err()
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        yield bar


def _ingest(
    store: Store, paths: list[str], published: date | None, force: bool, jobs: int, batch: int | None
) -> record.IngestResult:
    skipped: Counter[str] = Counter()
    with _progress("ingesting") as bar:
        task = bar.add_task("ingest", total=None)
        advance = lambda n: bar.advance(task, n)  # noqa: E731
        if paths:
            items = sources.read_sources(paths, published, skipped)
            result = record.ingest(store, items, force=force, jobs=jobs, batch=batch, progress=advance)
        else:
            result = record.reextract(store, force=force, jobs=jobs, batch=batch, progress=advance)
    for reason, n in sorted(skipped.items()):
        say(f"skipped {n} archive record(s): {reason}")
    return result


def _refresh(store: Store) -> dict[str, int]:
    console = err()
    with console.status("grouping copies, stories and questions…") if console.is_terminal else _nothing():
        return record.refresh(store)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, RSS/Atom feeds (file or URL) and WARC archives."),
    ] = None,
    db: DbOption = None,
    published: Annotated[str | None, typer.Option(help="Article date for inputs that carry none.")] = None,
    reextract: Annotated[
        bool, typer.Option("--reextract", help="Re-extract even documents stored by this extractor.")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")] = 1,
    batch: Annotated[int | None, typer.Option(min=1, help="Documents per transaction (default 200).")] = None,
) -> None:
    """Extract articles into the record store, then rebuild copy groups, stories and questions.

    Idempotent: a document already stored by the same extractor is skipped.

    A document stored by an older extractor gets its claims replaced.

    Without PATHS, --reextract re-extracts the stored documents.

    Unreadable inputs are listed at the end (exit 1); the others are stored.

    Example: marsad ingest ../shared/corpus/seeds/docs feed.rss crawl.warc.gz --db record.db
    """
    if not paths and not reextract:
        raise typer.BadParameter(
            "give files, folders, feeds or archives (or --reextract)", param_hint="PATHS"
        )
    day = _day(published, "--published")
    with _store(db) as store:
        result = _ingest(store, paths or [], day, reextract, jobs, batch)
        derived = _refresh(store)
        typer.echo(result.summary())
        typer.echo(
            f"{derived['copy_groups']} copy groups, {derived['stories']} stories, "
            f"{derived['questions']} questions in {stores.display_url(store.url)}"
        )
    for problem in result.errors:
        say(f"error: {problem}")
    if result.errors:
        say(f"{len(result.errors)} input(s) could not be stored")
        raise typer.Exit(1)


def _format(value: str | None) -> str:
    fmt = value or ("table" if sys.stdout.isatty() else "json")
    if fmt not in reporting.FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(reporting.FORMATS)}", param_hint="--format"
        )
    return fmt


def _print_report(store: Store, flt: reporting.Filter, fmt: str, output: Path | None) -> None:
    from rich.console import Console

    record.ensure_fresh(store)
    rendered = reporting.render(reporting.build(store, flt), fmt)
    if output is not None:
        with output.open("w", encoding="utf-8") as fh:
            if fmt == "table":
                Console(file=fh, width=160).print(rendered)
            else:
                fh.write(str(rendered))
    elif fmt == "table":
        Console().print(rendered)
    else:
        sys.stdout.write(str(rendered))


@app.command()
def report(
    db: DbOption = None,
    story: Annotated[int | None, typer.Option(help="Only the questions of this story id.")] = None,
    conflict: Annotated[
        str | None,
        typer.Option(help="Only this conflict: a conflicts.yaml id (karabakh) or codes (ARM,AZE)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only questions whose period ends on or after this date.")
    ] = None,
    fmt: FormatOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
) -> None:
    """Per story and question, each party's figure side by side, with evidence and low/best/high.

    Example: marsad report --conflict karabakh --format md -o report.md
    """
    fmt = _format(fmt)
    day = _day(since, "--since")
    with _store(db, must_exist=True) as store:
        parties = reporting.conflict_parties(conflict) if conflict else None
        _print_report(store, reporting.Filter(story=story, parties=parties, since=day), fmt, output)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, geojson or parquet.")] = "csv",
    what: Annotated[str, typer.Option("--what", help="claims (one row a claim) or questions.")] = "claims",
    db: DbOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (required for parquet).")
    ] = None,
) -> None:
    """Export claims or questions (ACLED/UCDP-like columns, evidence and URL included).

    Example: marsad export --format parquet --what claims -o claims.parquet
    """
    if fmt not in exporting.FORMATS:
        choices = ", ".join(exporting.FORMATS)
        raise typer.BadParameter(f"{fmt!r} is not one of {choices}", param_hint="--format")
    if what not in exporting.WHATS:
        raise typer.BadParameter(f"{what!r} is not one of {', '.join(exporting.WHATS)}", param_hint="--what")
    if fmt == "parquet" and output is None:
        raise fail("parquet is binary: give a file with -o")
    with _store(db, must_exist=True) as store:
        record.ensure_fresh(store)
        if output is None:
            n = exporting.export(store, what, fmt, sys.stdout)
        elif fmt == "parquet":
            n = exporting.export(store, what, fmt, str(output))
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = exporting.export(store, what, fmt, fh)
    say(f"{n} {what} exported")


def sample_dir() -> Path:
    """The bundled illustrative corpus (invented articles, see its README)."""
    return Path(str(resources.files("marsad") / SAMPLE))


@app.command()
def demo(
    db: Annotated[
        str | None, typer.Option("--db", help="Keep the demo store here (default: a temporary file).")
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Build a store from the bundled sample articles (invented, for illustration) and print the report.

    Example: marsad demo --format md
    """
    fmt = _format(fmt)
    with tempfile.TemporaryDirectory(prefix="marsad-demo-") as tmp:
        target = db or str(Path(tmp) / "demo.db")
        with _store(target) as store:
            result = _ingest(store, [str(sample_dir())], None, False, 1, None)
            _refresh(store)
            say(result.summary())
            for problem in result.errors:
                say(f"error: {problem}")
            _print_report(store, reporting.Filter(), fmt, None)
