"""The shared typer app, consoles and the error convention of every command.

User errors exit 1 with one line on stderr and no traceback; usage errors exit 2 (typer's own).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): sourced, searchable claims from Arabic conflict news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@cache
def err() -> Console:
    """The stderr console, made on first use: importing rich costs ~20 ms that a run with nothing
    to report (most `marsad extract` runs) need not pay."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@app.callback()
def main() -> None:
    """marsad (مرصد): sourced, searchable claims from Arabic conflict news."""


def fail(message: str) -> typer.Exit:
    """Print a user error and return the exit to raise."""
    err().print(f"[red]error:[/red] {message}", markup=True)
    return typer.Exit(1)
