"""`python -m marsad` runs the CLI.

The cyclic garbage collector is paused while the CLI imports its modules: tens of thousands of
objects that live as long as the process, which collections would otherwise walk again and again
(~8 ms of every start). They are then moved to the permanent generation (`gc.freeze`), as the
cached lexicons are (see `marsad.cache`). Done here rather than in the library, which tests and
the server import and which must leave their interpreter as it found it.
"""

from __future__ import annotations

import gc
from typing import Any


def _app() -> Any:
    """The typer app, imported with the collector paused."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        from marsad.cli import app

        gc.freeze()
        return app
    finally:
        if enabled:
            gc.enable()


_app()()
