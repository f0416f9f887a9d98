"""Read the YAML lexicons, validate them, normalise their forms.

Language knowledge lives in `marsad/data/lexicon/<lang>/<kind>.yaml`, one file per kind, keyed by
stable ids (the dateparser and Recognizers-Text way). `schema.yaml` beside them says which
attributes each kind may carry; the loader refuses anything else, so a typo in a data file fails
loudly at load time instead of silently matching nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.cache import Compact, cached
from marsad.normalise import normalise_form

_TYPES: dict[str, type | tuple[type, ...]] = {
    "str": str,
    "int": int,
    "float": (int, float),
    "bool": bool,
    "list": list,
    "map": dict,
}


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry(Compact):
    id: str
    kind: str
    forms: tuple[str, ...]
    attrs: dict[str, Any] = field(hash=False, compare=False)
    canonical: str | None = None


def data_dir(lang: str = "ar") -> Path:
    return Path(str(resources.files("marsad") / "data" / "lexicon" / lang))


def read_yaml(path: Path) -> Any:
    """A YAML data file, read with libyaml when it is there (~10x faster).

    yaml is imported here: a run whose compiled lexicons and tables are cached never needs it."""
    import yaml

    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from exc


@cache
def schema(lang: str = "ar") -> dict[str, dict[str, str]]:
    """Allowed attributes per lexicon kind: `{kind: {attr: type}}`."""
    return read_yaml(data_dir(lang) / "schema.yaml")


def _check_entry(path: Path, kind: str, raw: dict[str, Any], allowed: dict[str, str]) -> Entry:
    where = f"{path.name}: entry {raw.get('id', '?')!r}"
    if not isinstance(raw, dict) or not raw.get("id"):
        raise LexiconError(f"{where}: every entry needs an id")
    forms = raw.get("forms")
    if not forms or not isinstance(forms, list):
        raise LexiconError(f"{where}: 'forms' must be a non-empty list")
    attrs: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("id", "forms", "canonical"):
            continue
        if key not in allowed:
            raise LexiconError(f"{where}: unknown key {key!r} (allowed: {sorted(allowed)})")
        if not isinstance(value, _TYPES[allowed[key]]):
            raise LexiconError(f"{where}: {key!r} must be {allowed[key]}")
        attrs[key] = value
    return Entry(str(raw["id"]), kind, tuple(str(f) for f in forms), attrs, raw.get("canonical"))


def load_file(path: Path, lang: str = "ar") -> list[Entry]:
    """Load one lexicon file, validated against the schema; fail on duplicates."""
    doc = read_yaml(path)
    if not isinstance(doc, dict) or "kind" not in doc or "entries" not in doc:
        raise LexiconError(f"{path}: needs 'kind', 'version' and 'entries'")
    kind = doc["kind"]
    allowed = schema(lang).get(kind)
    if allowed is None:
        raise LexiconError(f"{path}: kind {kind!r} is not in schema.yaml")
    entries = [_check_entry(path, kind, raw, allowed) for raw in doc["entries"] or []]
    if not entries:
        raise LexiconError(f"{path}: no entries")
    _check_unique(path, entries)
    return entries


def _check_unique(path: Path, entries: Iterable[Entry]) -> None:
    ids: set[str] = set()
    forms: dict[str, str] = {}
    for entry in entries:
        if entry.id in ids:
            raise LexiconError(f"{path.name}: duplicate id {entry.id!r}")
        ids.add(entry.id)
        for form in entry.forms:
            key = normalise_form(form)
            other = forms.setdefault(key, entry.id)
            if other != entry.id:
                raise LexiconError(f"{path.name}: form {form!r} under both {other!r} and {entry.id!r}")


_KIND_LINE = re.compile(r"^kind:\s*([a-z_]+)\s*$", re.MULTILINE)


@cache
def lexicon_files(lang: str = "ar") -> dict[str, tuple[Path, ...]]:
    """Entry lexicons by the `kind:` they declare (any file name; tables declare none)."""
    found: dict[str, list[Path]] = {}
    for path in sorted(data_dir(lang).glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            head = "".join(line for _, line in zip(range(12), fh, strict=False))
        match = _KIND_LINE.search(head)
        if match and path.name != "schema.yaml":
            found.setdefault(match.group(1), []).append(path)
    return {kind: tuple(paths) for kind, paths in found.items()}


@cache
def load_kind(kind: str, lang: str = "ar") -> tuple[Entry, ...]:
    """All entries of one kind, from every file that declares it (a conflict may add its own)."""
    base = data_dir(lang)
    paths = lexicon_files(lang).get(kind, ())
    if not paths:
        raise LexiconError(f"{base}: no lexicon for kind {kind!r}")
    entries = [e for p in paths for e in load_file(p, lang)]
    _check_unique(paths[0], entries)
    return tuple(entries)


@cache
def load_table(name: str, lang: str = "ar") -> Any:
    """A plain data table (clitics, number words, conflicts) that is not an entry lexicon; kept
    between runs with the compiled lexicons."""
    path = data_dir(lang) / f"{name}.yaml"
    return cached(f"table-{lang}-{name}", [path], lambda: read_yaml(path))
