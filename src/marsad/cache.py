"""Compiled lexicons and gazetteer kept between runs, so a process starts in a fraction of a second.

Building the matchers means parsing some MB of YAML and TSV and normalising tens of thousands of
forms: ~0.7 s that every `marsad extract` run would pay again. The compiled objects are pickled
into the user's cache folder (`$MARSAD_CACHE`, else `$XDG_CACHE_HOME/marsad`, else
`~/.cache/marsad`) under a key made of marsad's version and the size and mtime of every data file
they were built from and of the modules that build them: editing a lexicon invalidates its entry.
A cache that cannot be read or written is ignored; the objects are then built in memory as before.
"""

from __future__ import annotations

import _sre
import gc
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from hashlib import sha256
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("MARSAD_CACHE"):
        return Path(os.environ["MARSAD_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "marsad"


_CODE = (
    "cache.py",
    "normalise.py",
    "data/lexicon/ar/spelling.yaml",
    "lexicon/load.py",
    "lexicon/compile.py",
    "recognise/places.py",
    "sides.py",  # builds the non-party and state code sets
)


def _key(name: str, sources: Iterable[Path]) -> str:
    """Name, version, Python, and size + mtime of the data and of the code that builds from it."""
    from marsad import __version__

    package = Path(__file__).parent
    digest = sha256(f"{name}|{__version__}|{sys.version_info[:2]}".encode())
    for path in [*sorted(sources), *(package / code for code in _CODE)]:
        st = path.stat()
        digest.update(f"|{path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return f"{name}-{digest.hexdigest()[:20]}.pickle"


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or its pickled result from an earlier run built from the same `sources`."""
    if os.environ.get("MARSAD_CACHE") == "off":
        return build()
    try:
        path = cache_dir() / _key(name, sources)
        return _load(path)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    obj = build()
    _store(path, obj)
    return obj


def _load(path: Path) -> Any:
    """Unpickle with the cyclic garbage collector paused, then hide the result from it.

    A gazetteer is some 100,000 objects: created with the collector on, they trigger collections
    that walk them all again and again, which costs three times the unpickling itself. They live
    as long as the process, so they are then moved to the collector's permanent generation
    (`gc.freeze`, with whatever else lives at that moment): no later collection walks them again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            obj = pickle.load(fh)
        gc.freeze()
        return obj
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, obj: object) -> None:
    """Write atomically (a concurrent reader never sees half a file); give up quietly if we cannot.

    tempfile is imported here: a run that finds its caches never writes one."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
            try:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                Path(fh.name).unlink(missing_ok=True)  # no half-written file left behind
                raise
        os.replace(fh.name, path)
        for stale in path.parent.glob(path.name.rsplit("-", 1)[0] + "-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built from data or code that has since changed
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return


class Compact:
    """Mixin for frozen slotted dataclasses held in the cache: pickled as their constructor
    arguments, which unpickles several times faster than the dataclass default (a `fields()` call
    per object, tens of thousands of gazetteer entries)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple]:
        return type(self), tuple(getattr(self, name) for name in self.__slots__)


def compiled_pattern(name: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with the compiled program kept between runs.

    `re` parses and compiles in Python: the 16 KB date grammar takes ~25 ms at every start. The
    program it produces (a list of integers for the `_sre` engine) is cached under a key made of
    the pattern itself and the engine's version, and handed back to `_sre.compile` directly. Any
    failure (another Python, a changed engine, an unreadable cache) falls back to `re.compile`.
    """
    if os.environ.get("MARSAD_CACHE") == "off":
        return re.compile(pattern, flags)
    digest = sha256(f"{pattern}|{flags}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode())
    path = cache_dir() / f"regex-{name}-{digest.hexdigest()[:20]}.pickle"
    try:
        with path.open("rb") as fh:
            found: re.Pattern[str] = _sre.compile(pattern, *pickle.load(fh))
        if found.pattern == pattern:
            return found
    except Exception:  # noqa: BLE001 - a cache must never be fatal: compile instead
        pass
    compiled = re.compile(pattern, flags)
    try:
        program = _program(pattern, flags)
        rebuilt = _sre.compile(pattern, *program)
        if (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
            compiled.flags, compiled.groups, compiled.groupindex
        ):
            _store(path, program)
    except Exception:  # noqa: BLE001
        pass
    return compiled


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments `re._compiler.compile` passes to `_sre.compile` after the pattern."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
