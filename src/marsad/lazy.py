"""Modules imported on first use, so that `marsad extract` does not pay for the record's stack.

The CLI registers every command at start-up, but only `ingest`, `report`, `export`, `demo` and
`serve` need SQLAlchemy, datasketch (and through it SciPy), feedparser and fastwarc: about a second
of imports that would otherwise count against every extraction run.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """`name`, executed when one of its attributes is first read."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
