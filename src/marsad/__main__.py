"""`python -m marsad` runs the CLI.

Two savings a start-up of ~0.2 s notices, made here rather than in the library (which tests and
the server import, and which must leave their interpreter as it found it):

- The cyclic garbage collector is paused while the CLI imports its modules: tens of thousands of
  objects that live as long as the process, which collections would otherwise walk again and
  again (~8 ms). They are then moved to the permanent generation (`gc.freeze`), as the cached
  lexicons are (see `marsad.cache`).
- `marsad extract` ends with `os._exit` once it has returned and its output is flushed, if
  nothing is registered to run at exit and no other thread runs: freeing the gazetteer and the
  lexicons object by object (~15 ms per run) would change nothing anyone can see. Every other
  command (stores to close, worker processes to join) and any doubt takes the normal way out.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import Any

_QUICK_EXIT = frozenset({"extract"})


def _app() -> Any:
    """The typer app, imported with the collector paused (see the module docstring)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        from marsad.cli import app

        gc.freeze()
        return app
    finally:
        if enabled:
            gc.enable()


def _nothing_left_to_do() -> bool:
    """True when exiting without the interpreter's clean-up loses nothing: no exit handlers, no
    other threads, and the standard streams flushed."""
    ncallbacks = getattr(atexit, "_ncallbacks", None)
    if ncallbacks is None or ncallbacks() or threading.active_count() != 1:
        return False
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: let the interpreter report it as it would
        return False
    return True


def main() -> None:
    app = _app()
    try:
        app()
    except SystemExit as exc:
        quick = len(sys.argv) > 1 and sys.argv[1] in _QUICK_EXIT
        if quick and (exc.code is None or isinstance(exc.code, int)) and _nothing_left_to_do():
            os._exit(exc.code or 0)
        raise


main()
