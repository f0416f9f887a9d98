"""`python -m marsad` runs the CLI."""

from marsad.cli import app

app()
