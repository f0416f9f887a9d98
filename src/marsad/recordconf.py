"""Settings and English labels of the record, read once from `data/record/*.yaml`.

Thresholds live in a data file, not in code, so that an analyst can see (and a test can pin) what
"near copy", "same story" and "same question" mean; a missing or unknown key is an error rather than
a silent default.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class SettingsError(ValueError):
    """A record settings file is malformed; the message names the key."""


@dataclass(frozen=True, slots=True)
class CopySettings:
    num_perm: int
    bands: int
    rows: int
    shingle: int
    min_paragraph_chars: int
    max_paragraph_chars: int
    paragraph_ratio: float
    share: float
    window_days: int
    max_window: int


@dataclass(frozen=True, slots=True)
class StorySettings:
    window_days: int
    broad_precisions: tuple[str, ...]
    min_shared_actors: int


@dataclass(frozen=True, slots=True)
class QuestionSettings:
    tolerance_days: int
    generic_items: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Settings:
    batch: int
    copies: CopySettings
    stories: StorySettings
    questions: QuestionSettings


@dataclass(frozen=True, slots=True)
class Labels:
    actors: dict[str, str]
    kinds: dict[str, str]
    items: dict[str, str]
    independent_actors: frozenset[str]
    independent_roles: frozenset[str]
    unattributed_actors: frozenset[str]
    unattributed_roles: frozenset[str]
    same_side: tuple[frozenset[str], ...]

    def side_of(self, code: str | None) -> frozenset[str]:
        """The actors that speak for the same side as `code` (itself included)."""
        if code is None:
            return frozenset()
        for group in self.same_side:
            if code in group:
                return group
        return frozenset({code})


def data_path(name: str) -> Path:
    return Path(str(resources.files("marsad") / "data" / "record" / name))


def _read(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(doc, dict):
        raise SettingsError(f"{path}: not a mapping")
    return doc


def _section(cls: type, raw: Any, where: str) -> Any:
    """Build a settings dataclass from a mapping; every field present, no others."""
    if not isinstance(raw, dict):
        raise SettingsError(f"{where}: must be a mapping")
    names = {f.name for f in fields(cls)}
    if unknown := set(raw) - names:
        raise SettingsError(f"{where}: unknown keys {sorted(unknown)}")
    if missing := names - set(raw):
        raise SettingsError(f"{where}: missing keys {sorted(missing)}")
    return cls(**{k: _freeze(v) for k, v in raw.items()})


def _freeze(value: Any) -> Any:
    """Lists become tuples (settings are hashable and immutable), mappings keep their keys."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    return value


def load_settings(path: Path | None = None) -> Settings:
    """Read a record settings file (default: the shipped `record.yaml`)."""
    path = path or data_path("record.yaml")
    raw = _read(path)
    if set(raw) != {"ingest", "copies", "stories", "questions"}:
        raise SettingsError(f"{path}: needs exactly ingest, copies, stories, questions")
    copies = _section(CopySettings, raw["copies"], f"{path}: copies")
    if copies.bands * copies.rows != copies.num_perm:
        raise SettingsError(f"{path}: copies.bands x copies.rows must equal copies.num_perm")
    return Settings(
        batch=int(raw["ingest"]["batch"]),
        copies=copies,
        stories=_section(StorySettings, raw["stories"], f"{path}: stories"),
        questions=_section(QuestionSettings, raw["questions"], f"{path}: questions"),
    )


@cache
def settings() -> Settings:
    return load_settings()


@cache
def labels() -> Labels:
    """English labels and claimant classes from the shipped `labels.yaml`."""
    path = data_path("labels.yaml")
    raw = _read(path)
    try:
        return Labels(
            actors=dict(raw["actors"]),
            kinds=dict(raw["kinds"]),
            items=dict(raw["items"]),
            independent_actors=frozenset(raw["independent"]["actors"]),
            independent_roles=frozenset(raw["independent"]["roles"]),
            unattributed_actors=frozenset(raw["unattributed"]["actors"]),
            unattributed_roles=frozenset(raw["unattributed"]["roles"]),
            same_side=tuple(frozenset(group) for group in raw["same_side"]),
        )
    except (KeyError, TypeError) as exc:
        raise SettingsError(f"{path}: missing or malformed section {exc}") from exc


@cache
def media_names() -> tuple[tuple[str, str], ...]:
    """(normalised Arabic form, short label) of the news outlets the actor lexicon knows.

    The label is the lexicon id without its `media.` prefix (`media.anadolu` → ANADOLU), so the
    Arabic names are kept in one place, the actor lexicon. Longest forms first. Empty when the
    lexicon cannot be loaded: claimants then stay `MEDIA`.
    """
    try:
        from marsad.lexicon.load import load_kind
        from marsad.normalise import normalise_form

        entries = load_kind("actor")
    except Exception:  # noqa: BLE001  (the lexicon is optional here; labels degrade to MEDIA)
        return ()
    pairs = {
        (normalise_form(form), entry.id.split(".", 1)[-1].upper())
        for entry in entries
        if entry.attrs.get("type") == "media"
        for form in entry.forms
    }
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))
