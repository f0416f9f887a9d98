"""Geometry for the two drawings the dashboard makes on the server, as inline SVG: a question's
timeline (each claimant's figures over time) and the map of claims with places.

No tile server and no JavaScript library: the map's base layer is the gazetteer's own points
(towns that marsad can resolve), projected equirectangularly with the longitude scaled by the
cosine of the middle latitude, and a graticule. This module computes coordinates only; the
templates draw them (and escape every label).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

PALETTE = ("#1b6ca8", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#17a589", "#7f8c8d", "#cb4335")
WIDTH = 760
BASE_POINTS = 2500  # gazetteer towns drawn at most


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    title: str
    href: str = ""
    r: float = 4.0
    label: str = ""  # drawn beside the dot when it does not crowd another label


@dataclass(slots=True)
class Series:
    label: str
    color: str
    dots: list[Dot] = field(default_factory=list)

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{d.x:.1f},{d.y:.1f}" for i, d in enumerate(self.dots))


@dataclass(frozen=True, slots=True)
class Chart:
    """A plot area of `width` × `height` with margins already applied to the coordinates."""

    width: int
    height: int
    series: list[Series]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    left: int
    bottom: int


def nice_max(value: float) -> float:
    """The next 1, 2 or 5 × 10^n at or above `value` (axis tops that read well)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def timeline(points: Sequence[dict[str, Any]], label_of: dict[int, str], href: str = "") -> Chart | None:
    """Figures over time: one series per claimant (dated claims only); None when nothing is dated.

    `points` rows carry id, claimant, value, high, day; `label_of` maps a claim id to the figure's
    claimant label (an outlet's short name for MEDIA), falling back to the claimant code.
    """
    if not points:
        return None
    width, height, left, right, top, bottom = WIDTH, 260, 56, 16, 12, 28
    days = [p["day"].toordinal() for p in points]
    d0, d1 = min(days), max(days)
    if d0 == d1:
        d0, d1 = d0 - 1, d1 + 1
    top_value = nice_max(max(max(p["value"], p["high"] or 0) for p in points))

    def x(day: int) -> float:
        return left + (day - d0) / (d1 - d0) * (width - left - right)

    def y(value: float) -> float:
        return top + (1 - value / top_value) * (height - top - bottom)

    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in points:
        grouped[label_of.get(p["id"], p["claimant"])].append(p)
    series = []
    for i, (label, rows) in enumerate(sorted(grouped.items())):
        s = Series(label, PALETTE[i % len(PALETTE)])
        for p in rows:
            title = f"{label}: {p['value']:,} on {p['day'].isoformat()}"
            s.dots.append(Dot(x(p["day"].toordinal()), y(p["value"]), title, f"{href}#claim-{p['id']}"))
        series.append(s)
    x_ticks = [(x(d), date.fromordinal(d).isoformat()) for d in _spaced(d0, d1, 5)]
    y_ticks = [(y(top_value * k / 4), f"{round(top_value * k / 4):,}") for k in range(5)]
    return Chart(width, height, series, x_ticks, y_ticks, left, height - bottom)


def _spaced(a: int, b: int, n: int) -> list[int]:
    return sorted({round(a + (b - a) * k / (n - 1)) for k in range(n)})


# -- map ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MapView:
    width: int
    height: int
    base: list[tuple[float, float]]
    dots: list[Dot]
    grid: list[tuple[float, float, float, float, str]]  # x1, y1, x2, y2, label


@cache
def gazetteer_points() -> tuple[tuple[float, float], ...]:
    """(lat, lon) of every gazetteer place that has coordinates (data/gazetteer/geonames.tsv)."""
    path = resources.files("marsad") / "data" / "gazetteer" / "geonames.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 5 or not cols[3] or not cols[4]:
            continue
        out.append((float(cols[3]), float(cols[4])))
    return tuple(out)


def _bbox(places: Sequence[dict[str, Any]]) -> tuple[float, float, float, float]:
    """(lat0, lat1, lon0, lon1) around the places, at least 6° wide; the Middle East when empty."""
    if not places:
        return 10.0, 45.0, 20.0, 65.0
    lats, lons = [p["lat"] for p in places], [p["lon"] for p in places]
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    pad = max(1.5, (lat1 - lat0) * 0.1, (lon1 - lon0) * 0.1)
    lat0, lat1, lon0, lon1 = lat0 - pad, lat1 + pad, lon0 - pad, lon1 + pad
    for lo, hi, name in ((lat0, lat1, "lat"), (lon0, lon1, "lon")):
        if hi - lo < 6:
            mid = (lo + hi) / 2
            if name == "lat":
                lat0, lat1 = mid - 3, mid + 3
            else:
                lon0, lon1 = mid - 3, mid + 3
    return max(-85.0, lat0), min(85.0, lat1), max(-180.0, lon0), min(180.0, lon1)


def claim_map(places: Sequence[dict[str, Any]], href_of: Any) -> MapView:
    """Places (place, lat, lon, claims) projected on the gazetteer's points; `href_of(place)` is the
    link of a dot. Dot areas grow with the number of claims."""
    lat0, lat1, lon0, lon1 = _bbox(places)
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    width = WIDTH
    height = int(min(640, max(260, width * (lat1 - lat0) / ((lon1 - lon0) * kx))))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - lon0) / (lon1 - lon0) * width, (lat1 - lat) / (lat1 - lat0) * height

    inside = [xy(la, lo) for la, lo in gazetteer_points() if lat0 <= la <= lat1 and lon0 <= lo <= lon1]
    base = inside[:: max(1, len(inside) // BASE_POINTS)]  # an even thinning keeps the page light
    most = max((p["claims"] for p in places), default=1)
    dots = [
        Dot(*xy(p["lat"], p["lon"]), f"{p['place']}: {p['claims']:,} claims", href_of(p["place"]),
            r=3 + 9 * math.sqrt(p["claims"] / most))
        for p in places
    ]  # fmt: skip
    return MapView(
        width,
        height,
        base,
        _labelled(dots, [p["place"] for p in places]),
        _graticule(lat0, lat1, lon0, lon1, xy),
    )


def _labelled(dots: list[Dot], names: list[str], room: float = 60.0, most: int = 15) -> list[Dot]:
    """Name the dots (largest first) whose label would sit at least `room` px from every other."""
    placed: list[Dot] = []
    out = []
    for dot, name in zip(dots, names, strict=True):
        free = len(placed) < most and all(math.dist((dot.x, dot.y), (o.x, o.y)) >= room for o in placed)
        if free:
            dot = replace(dot, label=name)
            placed.append(dot)
        out.append(dot)
    return out


def _graticule(lat0: float, lat1: float, lon0: float, lon1: float, xy: Any) -> list[tuple]:
    step = nice_max(max(lat1 - lat0, lon1 - lon0) / 6)
    lines = []
    for k in range(math.ceil(lat0 / step), math.floor(lat1 / step) + 1):
        (xa, ya), (xb, _) = xy(k * step, lon0), xy(k * step, lon1)
        lines.append((xa, ya, xb, ya, f"{k * step:g}°"))
    for k in range(math.ceil(lon0 / step), math.floor(lon1 / step) + 1):
        (xa, ya), (_, yb) = xy(lat1, k * step), xy(lat0, k * step)
        lines.append((xa, ya, xa, yb, f"{k * step:g}°"))
    return lines
