"""Typed records passed between pipeline stages.

Every stage is a pure function from one of these records to another, so that extraction of one
document can run anywhere (a process pool, a Dask worker) without shared state.
Offsets in `Segment` and `Mention` point into the *normalised* text; `Claim` offsets point into the
text as given, through the normalisation map (see `marsad.normalise`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk or a feed: the text exactly as given, plus metadata."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # file path or URL it was read from


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or headline of the normalised text; `paragraph` counts blank-line blocks."""

    start: int
    end: int
    paragraph: int
    headline: bool = False


@dataclass(frozen=True, slots=True, init=False)
class Mention:
    """A recognised thing in the normalised text: a lexicon hit, a number, a place or a date.

    `kind` is the lexicon kind (`actor`, `event`, `item`, `verb`, `number`, `place`, `date`...),
    `key` the entry id, `attrs` its typed attributes (code, role, item, value...).
    """

    kind: str
    start: int
    end: int
    key: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def __init__(
        self, kind: str, start: int, end: int, key: str, attrs: dict[str, Any] | None = None
    ) -> None:
        # A hundred mentions per article: the slots are set through their descriptors, which is
        # faster than the `object.__setattr__` calls of a generated frozen __init__.
        _MENTION_SLOTS[0](self, kind)
        _MENTION_SLOTS[1](self, start)
        _MENTION_SLOTS[2](self, end)
        _MENTION_SLOTS[3](self, key)
        _MENTION_SLOTS[4](self, {} if attrs is None else attrs)

    def get(self, name: str, default: Any = None) -> Any:
        return self.attrs.get(name, default)


_MENTION_SLOTS = tuple(getattr(Mention, f.name).__set__ for f in fields(Mention))


@dataclass(frozen=True, slots=True)
class Claimant:
    actor: str
    role: str
    text: str = ""
    # the party an unnamed source belongs to ("مصدر عسكري سوداني"): it tells the sides of what the
    # source reports, not who claims it; not part of the record
    side: str | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"actor": self.actor, "role": self.role, "text": self.text}


@dataclass(frozen=True, slots=True)
class Count:
    value: int | None
    qualifier: str = "exact"
    high: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "qualifier": self.qualifier}
        if self.high is not None:
            out["high"] = self.high
        return out


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    geonames_id: int | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        # field by field rather than `asdict`, which deep-copies every value: this runs per claim
        return {name: value for name in _PLACE_FIELDS if (value := getattr(self, name)) is not None}


_PLACE_FIELDS = tuple(f.name for f in fields(Place))


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str
    end: str
    basis: str = "event"  # "event": the text dates it; "report": the article's own date

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "basis": self.basis}


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Claim:
    """One atomic assertion, shaped exactly as `shared/spec/claims.md` fixes it."""

    doc: str
    claimant: Claimant
    kind: str
    item: str | None
    count: Count
    affected: str | None
    agent: str | None
    evidence: Evidence
    place: Place | None = None
    date: DateRange | None = None
    cumulative: bool = False
    modality: str = "asserted"

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "claimant": self.claimant.to_json(),
            "kind": self.kind,
            "item": self.item,
            "count": self.count.to_json(),
            "affected": self.affected,
            "agent": self.agent,
            "place": self.place.to_json() if self.place else None,
            "date": self.date.to_json() if self.date else None,
            "cumulative": self.cumulative,
            "modality": self.modality,
            "evidence": self.evidence.to_json(),
        }
