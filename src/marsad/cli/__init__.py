"""The `marsad` command: one module per command group, all registered on one typer app."""

from marsad.cli import extract as _extract  # noqa: F401  (registers its commands)
from marsad.cli import record as _record  # noqa: F401  (registers ingest, report, export, demo)
from marsad.cli import serve as _serve  # noqa: F401  (registers serve)
from marsad.cli.base import app

__all__ = ["app"]
