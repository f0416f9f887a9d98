"""Places: gazetteer lookup in normalised text, resolved to a name, a country and coordinates.

The gazetteer has two layers, both data under `marsad/data/gazetteer/`:

- `places.yaml`, curated: the places wars are fought over in the spellings Arabic outlets use
  (transliteration variants, both names of renamed places), regions and fronts, villages mapped to
  their district, and facilities (القصر الجمهوري، مقر القيادة العامة) that resolve to a town in context;
- `geonames.tsv`, broad: GeoNames places with Arabic-script names and the countries, filtered and
  built by `scripts/build_gazetteer.py`.

Matching is one Aho-Corasick pass over the normalised text. A hit counts only on word boundaries,
after a known proclitic (`clitics.yaml`: و، ب، ل، ال، وال، بال...), and names that are also common
words or person names need a place cue before them (`cues.yaml`: مدينة، بلدة، في...). Between places
of the same name the article's countries decide, then the curated layer, then population. Words that
no gazetteer knows but that follow a place cue word ("بلدة البقوم في ريف حلب") are returned too, with
the district named after them when there is one.

Everything is built once per process (`gazetteer()`); `find` is a pure function of its arguments.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import regex

from marsad.cache import cached
from marsad.lexicon.load import load_table, read_yaml
from marsad.model import Mention
from marsad.normalise import normalise_form

__all__ = ["Gazetteer", "Place", "find", "gazetteer"]

_ARTICLE = "ال"
_SENTENCE_END = ".!?؟\n;؛"
_NON_WORD = regex.compile(r"[^\w]|_")
# Word separators made spaces before matching (one character for one, so offsets hold); a rarer
# symbol left as it is only keeps a name beside it from matching.
_SEPARATORS = re.compile(r'[\n\t\r.,;:!?"\'()\[\]{}<>/\\|\-_–—«»“”‘’،؛؟…*#@+=%&]')
_CUE_PREFIXES = frozenset(["", "و", "ب", "ل", "ف", "وب", "ول", "فب"])
_SENTENCE_RE = regex.compile(r"[.!?؟\n;؛]")
_NOT_BEFORE_PLACES = frozenset("كس")
_CUE_MARKS = {"~": "foreign", "!": "always"}
_SHORT_NAME = 2  # letters of a name too short to take any proclitic but و or ف
_SHORT_NAME_PREFIXES = frozenset({"", "و", "ف"})
_NEXT_WORD = regex.compile(r" (\p{L}+)")  # the word right after a name, one space between
_LIST_OPENER = regex.compile(r"\s*[،,:]?\s*(\p{L}+)\s*:?")  # "، هي"، " أبرزها"، " منها:"
_LONGEST_WORD = 20  # characters read after a place for the word that follows it
_SHORT_GEONAME = 3  # letters of a GeoNames-only name too short to take a proclitic
_BY_WORD_START = operator.itemgetter(0, 1)  # raw hits: word start, then longest (-end) first
_BY_START = operator.attrgetter("start")


class Place(NamedTuple):
    """One gazetteer entry.

    A named tuple, and pickled as `tuple.__new__(Place, values)`: the cached gazetteer holds ten
    thousand of them, which then load without a Python-level constructor call each.
    """

    id: str
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    geonames_id: int | None
    population: int
    tier: int  # 2 curated, 1 country, 0 GeoNames
    cue: str | None = None  # "always" | "foreign" | None
    anchor: str | None = None  # facilities: "nearest" | "capital"
    held: str | None = None  # the de facto authority whose people live there (Stepanakert: NKR)

    def attrs(self, **over: Any) -> dict[str, Any]:
        out = {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "geonames_id": self.geonames_id,
        }
        if self.held:
            out["held"] = self.held
        if over:
            out.update(over)
        return out

    def __reduce__(self) -> tuple[Any, tuple]:
        return tuple.__new__, (Place, tuple(self))


class _Key(NamedTuple):
    """One gazetteer form's reading (pickled like `Place`, for the same reason)."""

    place: Place
    article: bool  # the form began with ال, which the automaton key leaves out
    cue: str | None  # the form's own cue rule, else the entry's
    no_article_prefix: bool  # "ال" + this form is a common word: do not match it after ال

    def __reduce__(self) -> tuple[Any, tuple]:
        return tuple.__new__, (_Key, tuple(self))


def data_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "gazetteer"))


def _words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise_form(v) for v in values if normalise_form(v))


class Gazetteer:
    """The loaded gazetteer and its compiled matcher."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or data_dir()
        clitics = load_table("clitics")
        # Of the proclitics, those a place name can take: not ك (كبيرا is not ك + Beira) nor the
        # verbal س.
        self.prefixes = frozenset(["", *(p for p in clitics["prefixes"] if not set(p) & _NOT_BEFORE_PLACES)])
        self.article_prefixes = frozenset(p for p in clitics["article_prefixes"]
                                          if not set(p) & _NOT_BEFORE_PLACES)
        # a hit after any other run of letters is inside a word, whatever its keys
        self.any_prefixes = self.prefixes | self.article_prefixes
        self.max_prefix = max(map(len, self.any_prefixes))
        cues = read_yaml(folder / "cues.yaml")
        all_prefixes = self.prefixes | self.article_prefixes
        self.strong = frozenset(p + w for w in _words(cues["strong"]) for p in all_prefixes)
        self.weak = frozenset(p + w for w in _words(cues["weak"]) for p in self.prefixes)
        unknown = cues["unknown"]
        self.unknown_singular = _words(unknown["singular"])
        self.unknown_plural = _words(unknown["plural"])
        self.unknown_no_article = _words(unknown["no_article"])
        self.unknown_settlements = _words(unknown["settlements"])
        self.unknown_max_words = int(unknown["max_words"])
        self.unknown_stop = _words(unknown["stop"])
        self.unknown_list_openers = _words(unknown["list_openers"])
        self.name_heads = _words(cues["name_heads"])
        self.district_words = _words(cues["district_words"])
        self.name_tails = _words(cues["name_tails"])
        self.within_window = int(cues["within_window"])
        self.within_links = _words(cues["within_links"])
        self.facility_words = _facility_words(cues["facility_prefix"], self.prefixes)
        self.stoplist = _read_stoplist(folder / "stoplist.txt")

        self.places: dict[str, Place] = {}
        self.by_geonames: dict[int, Place] = {}
        self.neighbours: dict[str, frozenset[str]] = {}
        self.capital_of: dict[str, int] = {}
        self.country_stems: dict[str, str] = {}
        table: dict[str, list[_Key]] = {}
        curated_ids = self._load_curated(folder / "places.yaml", table)
        self._load_geonames(folder / "geonames.tsv", table, curated_ids)

        self.automaton = ahocorasick.Automaton()
        for cue in self.unknown_singular | self.unknown_plural:
            table.setdefault(cue, [])
        for text, keys in table.items():
            # keyed with a trailing space, and matched against the text with every non-word
            # character made a space: only hits that end at a word end come out of the automaton
            key = _NON_WORD.sub(" ", text)
            unknown = text in self.unknown_singular or text in self.unknown_plural
            # two spellings of one place that normalise alike (غزة، غزه) are one key
            ordered = sorted(dict.fromkeys(keys), key=_preference)
            # the letters of a one-word key are its length; where the key has a space, the text may
            # have a separator that counts as one, and they are counted in the text
            letters = None if " " in key else len(key)
            self.automaton.add_word(key + " ", (len(key), letters, tuple(ordered),
                                                text if unknown else None))
        self.automaton.make_automaton()
        self.size = len(self.places)
        self.forms = len(table)

    # -- loading -------------------------------------------------------------------------------

    def _add_forms(self, table: dict[str, list[_Key]], place: Place, forms: Iterable[str]) -> None:
        for raw in forms:
            raw = raw.strip()
            cue = _CUE_MARKS.get(raw[-1:]) or place.cue
            text = normalise_form(raw.rstrip("~!"))
            if len(text.replace(" ", "")) < 2:
                continue
            no_art = not text.startswith(_ARTICLE) and (_ARTICLE + text) in self.stoplist
            table.setdefault(text, []).append(_Key(place, False, cue, no_art))
            if text.startswith(_ARTICLE) and len(text) > len(_ARTICLE) + 2:
                table.setdefault(text[len(_ARTICLE):], []).append(_Key(place, True, cue, False))

    def _load_curated(self, path: Path, table: dict[str, list[_Key]]) -> set[int]:
        doc = read_yaml(path)
        used: set[int] = set()
        for raw in doc["entries"]:
            precision = raw.get("precision", "exact")
            place = Place(
                id=raw["id"],
                name=raw.get("name"),
                country=raw.get("country"),
                lat=raw.get("lat"),
                lon=raw.get("lon"),
                precision=precision,
                geonames_id=raw.get("geonames_id"),
                population=int(raw.get("population") or 0),
                tier=2,
                cue=raw.get("cue"),
                anchor=raw.get("anchor"),
                held=raw.get("held"),
            )
            if place.id in self.places:
                raise ValueError(f"{path.name}: duplicate id {place.id!r}")
            self.places[place.id] = place
            if place.geonames_id and precision == "exact":
                used.add(place.geonames_id)
                self.by_geonames.setdefault(place.geonames_id, place)
            self._add_forms(table, place, raw["forms"])
        return used

    def _load_geonames(self, path: Path, table: dict[str, list[_Key]], curated: set[int]) -> None:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                pid, name, country, lat, lon, pop, gid, forms, extra = line.rstrip("\n").split("\t")
                is_country = pid.startswith("country.")
                if not is_country and int(gid) in curated:
                    continue
                known = self.places.get(pid)  # a curated country: keep it, add babel's forms
                place = known or Place(
                    id=pid,
                    name=name,
                    country=country,
                    lat=float(lat) if lat else None,
                    lon=float(lon) if lon else None,
                    precision="country" if is_country else "exact",
                    geonames_id=int(gid),
                    population=int(pop),
                    tier=1 if is_country else 0,
                )
                self.places[pid] = place
                if is_country:
                    if known is not None:
                        self.places[pid] = known
                    neighbours, capital = extra.split(";")
                    self.neighbours[country] = frozenset(filter(None, neighbours.split(",")))
                    if capital:
                        self.capital_of[country] = int(capital)
                    for form in forms.split("|"):
                        self.country_stems[_stem(form)] = country
                elif place.geonames_id is not None:
                    self.by_geonames.setdefault(place.geonames_id, place)
                self._add_forms(table, place, forms.split("|"))

    def capital(self, country: str | None) -> Place | None:
        gid = self.capital_of.get(country or "")
        return self.by_geonames.get(gid) if gid else None

    def country_of_adjective(self, word: str) -> str | None:
        """The country of a nisba adjective: السودانية → SDN, الاوكرانية → UKR."""
        if not word.startswith(_ARTICLE):
            return None
        stem = word[2:]
        for end in ("يه", "ي"):
            if stem.endswith(end):
                stem = stem[: -len(end)]
                break
        else:
            return None
        if len(stem) < 3:
            return None
        hit = self.country_stems.get(stem)
        if hit:
            return hit
        for cstem, country in self.country_stems.items():
            if len(stem) >= 4 and cstem.startswith(stem):
                return country
        return None


def _facility_words(labels: dict[str, str], prefixes: frozenset[str]) -> dict[str, tuple[str, str]]:
    """Each facility word with each proclitic it can take (وبمطار) → (the word, its label).

    One lookup of the word before a place then replaces trying every word and every proclitic;
    the first word in `cues.yaml` order wins where two spell the same."""
    out: dict[str, tuple[str, str]] = {}
    for raw, label in labels.items():
        word = normalise_form(raw)
        for prefix in prefixes:
            out.setdefault(prefix + word, (word, label))
    return out


def _preference(key: _Key) -> tuple[int, int, str]:
    """The order of a form's keys: curated before GeoNames, then the most populous.

    Kept in the automaton so that choosing among the accepted places of a hit needs only their
    rank by the article's countries (`_Matcher.country_rank`), the first of the lowest rank."""
    return -key.place.tier, -key.place.population, key.place.id


def _read_stoplist(path: Path) -> frozenset[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        for word in line.split("#", 1)[0].split(","):
            if word.strip():
                out.add(normalise_form(word))
    return frozenset(out)


def _stem(form: str) -> str:
    """A country name without its article and final alif (السودان → سودان, روسيا → روس)."""
    form = form.split(" ")[0]
    if form.startswith(_ARTICLE):
        form = form[2:]
    for end in ("يا", "ا"):
        if form.endswith(end) and len(form) - len(end) >= 3:
            return form[: -len(end)]
    return form


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded and compiled once per process (and kept between runs)."""
    return cached("gazetteer", [p for p in data_dir().iterdir() if p.is_file()], Gazetteer)


# -- matching ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    place: Place
    word_start: int
    prefix: str


def _letters_before(text: str, pos: int) -> int:
    """Where the run of letters (and digits) that ends at `pos` begins."""
    i = pos
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i


def _word_before(text: str, pos: int, count: int = 1) -> str:
    """The `count` words that end right before `pos` (spaces and quotes skipped), joined by a space."""
    words: list[str] = []
    i = pos
    for _ in range(count):
        while i > 0 and not text[i - 1].isalnum():
            if text[i - 1] in _SENTENCE_END or text[i - 1] in "،,:":
                return " ".join(reversed(words))
            i -= 1
        j = i
        while j > 0 and text[j - 1].isalnum():
            j -= 1
        if j == i:
            break
        words.append(text[j:i])
        i = j
    return " ".join(reversed(words))


class _Matcher:
    def __init__(self, gz: Gazetteer, text: str, countries: tuple[str, ...]) -> None:
        self.gz = gz
        self.text = text
        countries = tuple(c for c in countries if c in gz.neighbours)  # an armed group's RSF is no country
        self.countries = countries
        self.main = countries[0] if countries else None
        near: set[str] = set()
        for c in countries:
            near |= gz.neighbours.get(c, frozenset())
        self.near = frozenset(near - set(countries))
        self._sentence_ends: list[int] | None = None
        self._starts_of: tuple[list[_Hit], list[int]] | None = None
        self._towns: tuple[str | None] | None = None
        self.cue_hits: list[tuple[int, str]] = []  # (end, cue word) of unknown-name cue words

    # cues ---------------------------------------------------------------------------------------

    def cue_before(self, word_start: int, prefix: str) -> str | None:
        """"strong", "weak" or None: what stands right before the word that holds a name."""
        two = _word_before(self.text, word_start, 2)
        one = two[two.rfind(" ") + 1 :]  # its last word: what `_word_before(.., 1)` would give
        if one in self.gz.strong or two in self.gz.strong:
            return "strong"
        if one in self.gz.weak or two in self.gz.weak or prefix[-1:] == "ب" or prefix[-3:] == "بال":
            return "weak"
        return None

    def continues_list(self, word_start: int, prefix: str, last: _Hit | None) -> bool:
        """The name follows an accepted place as the next item of a list: "قرى X وY، وZ"."""
        if last is None:
            return False
        between = self.text[last.end : word_start]
        if between.strip(" ،,") != "" or len(between) > 4:
            return False
        return prefix.startswith("و") or "،" in between or "," in between

    def same_sentence(self, a: int, b: int) -> bool:
        ends = self.sentence_ends()
        lo, hi = min(a, b), max(a, b)
        i = bisect.bisect_left(ends, lo)
        return i >= len(ends) or ends[i] >= hi

    def sentence_ends(self) -> list[int]:
        if self._sentence_ends is None:
            self._sentence_ends = [found.start() for found in _SENTENCE_RE.finditer(self.text)]
        return self._sentence_ends

    def in_sentence(self, hits: list[_Hit], pos: int) -> list[_Hit]:
        """The hits (sorted by start) of the sentence around `pos`: a huge text is not scanned whole
        for each facility."""
        ends = self.sentence_ends()
        i = bisect.bisect_left(ends, pos)
        lo = ends[i - 1] if i > 0 else 0
        hi = ends[i] if i < len(ends) else len(self.text)
        starts = self.hit_starts(hits)
        return hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi + 1)]

    def towns_country(self, plain: list[_Hit]) -> str | None:
        if self._towns is None:
            self._towns = (_towns_country(plain),)
        return self._towns[0]

    def hit_starts(self, hits: list[_Hit]) -> list[int]:
        """The word starts of a list of hits (sorted), kept for the list last asked about."""
        if self._starts_of is None or self._starts_of[0] is not hits:
            self._starts_of = (hits, [h.word_start for h in hits])
        return self._starts_of[1]

    # acceptance ---------------------------------------------------------------------------------

    def country_rank(self, place: Place) -> int:
        if place.country is None:
            return 1
        if place.country in self.countries:
            return 0
        return 1 if place.country in self.near else 2

    def accept_simple(self, key: _Key, form_len: int) -> bool:
        """Accepted whatever stands before it (no need to look at the context)."""
        place = key.place
        if place.anchor:
            return True
        if key.cue is not None:
            return key.cue == "foreign" and place.country in self.countries
        if place.tier >= 1:
            return True
        if place.country in self.countries:
            return form_len >= 4
        if place.country in self.near:
            return place.population >= 20_000 and form_len >= 4
        return place.population >= 100_000 and form_len >= 4

    def accept(self, key: _Key, form_len: int, cue: str | None, listed: bool) -> bool:
        place = key.place
        if place.anchor:
            return True
        if key.cue == "always":
            return cue == "strong" or listed
        if key.cue == "foreign":
            return place.country in self.countries or cue is not None or listed
        if place.tier >= 1:
            return True
        # GeoNames layer: trust it in the article's countries, less elsewhere.
        letters = form_len
        if place.country in self.countries:
            return letters >= 4 or cue is not None or listed
        if cue == "strong" or listed:
            return True
        if place.country in self.near:
            return place.population >= 20_000 and letters >= 4
        return place.population >= 100_000 and letters >= 4

    def best(self, keys: tuple[_Key, ...], form_len: int, prefix: str, word_start: int,
             last: _Hit | None) -> Place | None:
        if form_len <= _SHORT_NAME and prefix not in _SHORT_NAME_PREFIXES:
            return None  # "باب سنجار" is no ب + إب: a two-letter name takes only و or ف
        if form_len <= _SHORT_GEONAME and prefix:
            keys = tuple(k for k in keys if k.place.tier > 0)  # "بارا" is no ب + Arrah (GeoNames)
        plain = prefix in self.gz.prefixes
        after_article = prefix in self.gz.article_prefixes
        context: tuple[str | None, bool] | None = None
        ok: list[Place] = []
        for key in keys:
            if key.article:
                if not after_article:
                    continue
            # "الزنغلان": an article before a name that has none, for curated towns only
            # (not "المالي" for مالي, nor "الجديد" for جديد)
            elif not plain and (
                not after_article or key.no_article_prefix
                or key.place.tier < 2 or key.place.precision == "country"
            ):
                continue
            if self.accept_simple(key, form_len):
                ok.append(key.place)
                continue
            if context is None:  # looked at once per hit, and only when a key needs it
                context = (self.cue_before(word_start, prefix),
                           self.continues_list(word_start, prefix, last))
            if self.accept(key, form_len, *context):
                ok.append(key.place)
        if len(ok) < 2:
            return ok[0] if ok else None
        return min(ok, key=self.country_rank)  # the keys come in `_preference` order

    # passes ---------------------------------------------------------------------------------------

    def raw_hits(self) -> list[tuple[int, int, int, str, int | None, tuple[_Key, ...]]]:
        """(word start, -end, start, proclitic, letters, keys) of the names on word boundaries, by word start
        and longest first; the unknown-name cue words seen go to `cue_hits`.

        A name after letters that are no proclitic (inside a word) is dropped here: no key of it
        could be accepted, and most automaton hits are such word endings."""
        text = self.text
        spaced = _SEPARATORS.sub(" ", text) + " "
        out = []
        longest = self.gz.max_prefix + 1  # letters before a name that are not a word of their own
        proclitics = self.gz.any_prefixes
        cues = self.cue_hits
        for end, (length, letters, keys, cue) in self.gz.automaton.iter(spaced):
            start = end - length
            if start and spaced[start - 1] != " ":  # a proclitic before the name, or inside a word
                ws = spaced.rfind(" ", 0, start) + 1
                if not text[ws:start].isalnum():  # a symbol that is no separator: walk the letters
                    ws = _letters_before(text, start)
                if start - ws > longest:
                    continue
                prefix = text[ws:start]
            else:
                ws, prefix = start, ""
            if cue is not None and prefix in _CUE_PREFIXES:
                cues.append((end, cue))
            if keys and prefix in proclitics:
                out.append((ws, -end, start, prefix, letters, keys))
        out.sort(key=_BY_WORD_START)
        return out

    def known(self) -> list[_Hit]:
        hits: list[_Hit] = []
        last: _Hit | None = None
        last_end = -1
        text = self.text
        for ws, neg_end, start, prefix, letters, keys in self.raw_hits():
            if ws < last_end:
                continue
            end = -neg_end
            form_len = len(text[start:end].replace(" ", "")) if letters is None else letters
            place = self.best(keys, form_len, prefix, ws, last)
            if place is None or self._head_of_longer(start, end):
                continue
            last = _Hit(start, end, place, ws, prefix)
            hits.append(last)
            last_end = end
        return hits


    def _head_of_longer(self, start: int, end: int) -> bool:
        """ "بلدة بئر لحلو": a one-word place that is a name's first word, a name word after it."""
        if self.text[start:end] not in self.gz.name_heads:
            return False
        word = _NEXT_WORD.match(self.text, end, end + 1 + _LONGEST_WORD)
        if word is None:
            return False
        gz = self.gz
        return not (word[1] in gz.unknown_stop or word[1] in gz.strong or word[1] in gz.weak
                    or word[1].startswith("و"))


def find(text: str, countries: Iterable[str] = ()) -> list[Mention]:
    """Places in NORMALISED text (`marsad.normalise.normalise(raw).text`).

    `countries`: ISO3 codes the article is about (from its actors), most important first; they
    choose between same-named places and let names that need context through. Each result is a
    `Mention(kind="place", key=<gazetteer id>, attrs={name, country, lat, lon, precision,
    geonames_id})` whose span covers the name only (not its clitic prefix).
    """
    gz = gazetteer()
    matcher = _Matcher(gz, text, tuple(c for c in countries if c))
    hits = matcher.known()
    out: list[Mention] = []
    plain: list[_Hit] | None = None  # the towns a facility may resolve to: made for the first one
    for i, hit in enumerate(hits):
        if hit.place.anchor:
            if plain is None:
                plain = [h for h in hits if not h.place.anchor]
            mention = _facility(matcher, hit, plain, hits[i + 1] if i + 1 < len(hits) else None)
        else:
            mention = _composite(matcher, hit)
        if mention is not None:
            out.append(mention)
    if matcher.cue_hits:
        out.extend(_unknown(matcher, hits))
    out.sort(key=_BY_START)
    return out


def _towns_country(plain: list[_Hit]) -> str | None:
    """The country most of the article's towns are in: the capital "العاصمة" means (طرابلس and
    الوطية make it Tripoli, whatever demonyms of foreign backers the article uses)."""
    towns = Counter(h.place.country for h in plain if h.place.precision != "country" and h.place.country)
    return towns.most_common(1)[0][0] if towns else None


def _composite(m: _Matcher, hit: _Hit) -> Mention:
    """A known place, with a facility word right before it folded in ("مطار الفاشر")."""
    place = hit.place
    text = m.text
    i = hit.word_start
    if i and text[i - 1] == " " and place.precision == "exact":
        while i > 0 and text[i - 1] == " ":
            i -= 1
        facility = m.gz.facility_words.get(text[max(0, text.rfind(" ", 0, i) + 1) : i])
        if facility is not None:
            word, label = facility
            return Mention("place", i - len(word), hit.end, place.id,
                           place.attrs(name=f"{place.name} {label}"))
    return Mention("place", hit.start, hit.end, place.id, place.attrs())


def _facility(m: _Matcher, hit: _Hit, plain: list[_Hit], following: _Hit | None) -> Mention | None:
    """A facility resolved to its town: the place right after it, the nearest one, or the capital."""
    place = hit.place
    town: Place | None = None
    text = m.text
    if following is not None and not following.place.anchor:
        gap = text[hit.end : following.word_start].strip()
        if gap in ("", "في", "ب") or (gap == "" and following.prefix.startswith("ب")):
            town = following.place
            if place.id == "fac.capital" and following.place.precision in ("exact", "country"):
                return None  # "العاصمة الخرطوم": the town itself is the mention
    if town is None and place.anchor == "nearest":
        near = [
            h for h in m.in_sentence(plain, hit.start)
            if m.same_sentence(h.start, hit.start) and h.place.precision != "country"
        ]
        if near:
            town = min(near, key=lambda h: (h.start > hit.start, abs(h.start - hit.start))).place
    if town is None:
        nxt = text[hit.end :].split(None, 1)
        adjective = m.gz.country_of_adjective(nxt[0]) if nxt else None
        country = adjective
        if country is None:
            before = [h for h in m.in_sentence(plain, hit.start) if h.start < hit.start
                      and m.same_sentence(h.start, hit.start)
                      and h.place.precision == "country" and h.place.country in m.countries]
            country = before[-1].place.country if before else m.towns_country(plain) or m.main
        town = m.gz.capital(country)
    if town is None or town.precision == "country":
        return None
    name = town.name if place.id == "fac.capital" else f"{place.name}, {town.name}"
    return Mention("place", hit.start, hit.end, place.id,
                   town.attrs(name=name))


def _tokens(text: str, pos: int) -> Iterable[tuple[int, int]]:
    """Word spans from `pos` on, stopping at punctuation other than spaces."""
    n = len(text)
    i = pos
    while i < n:
        while i < n and text[i] == " ":
            i += 1
        if i >= n or not text[i].isalnum():
            return
        j = i
        while j < n and text[j].isalnum():
            j += 1
        yield i, j
        i = j


def _unknown(m: _Matcher, hits: list[_Hit]) -> list[Mention]:
    """Names no gazetteer knows, right after a place cue word: "بلدة البقوم في ريف حلب"."""
    gz = m.gz
    text = m.text
    taken = bytearray(len(text) + 1)  # the characters a place already reads
    for h in hits:
        taken[h.word_start : h.end] = b"\x01" * (h.end - h.word_start)
    starts = {h.word_start for h in hits}
    out: list[Mention] = []
    ends = {h.word_start: h.end for h in hits}
    for end, cue in sorted(m.cue_hits):
        plural = cue in gz.unknown_plural
        known = ends.get(end, ends.get(end + 1))
        if known is not None and not plural:
            continue
        items: list[tuple[int, int]] = []
        cursor = end if known is None else known  # "قرى جبرائيل وكارخولو": go on past a known first
        if plural and known is None:
            # "سبع قرى، هي سلطانلي وأميرفارلي"، "أربع قرى في ريف شمال كردفان، هي أم سيالة والزريبة"
            cursor = _past_list_opener(gz, text, _past_district(gz, text, cursor, hits))
        while True:
            name = _name_after(gz, text, cursor, cue, starts, first=not items and known is None)
            if name is None:
                nxt = _known_next(text, cursor, ends) if plural else None
                if nxt is None:
                    break
                cursor = nxt  # "قرى X وجبرائيل وY": a known name inside the list
                continue
            items.append(name)
            if not plural:
                break
            # the next item: "، X" or " وX", also past the district the ones before lie in
            # ("قاراخانبيلي وغيجاغوزلو في محافظة فضولي، وسلطانلي")
            cursor = _past_district(gz, text, name[1], hits)
            rest = text[cursor:cursor + 3]
            if cursor > name[1] and rest.lstrip()[:1] in ("،", ","):
                cursor = text.index(rest.lstrip()[0], cursor) + 1  # "في محافظة فضولي، وسلطانلي"
            elif not rest.startswith(" و"):
                break  # "بلدتي الدالية وبيت عانا، وأنها حيدت": the list ends at its comma
        for s, e in items:
            if taken[s] or taken[e - 1]:
                continue
            out.append(_resolve_unknown(m, hits, s, e))
            taken[s:e] = b"\x01" * (e - s)
    return out


def _past_district(gz: Gazetteer, text: str, pos: int, hits: list[_Hit]) -> int:
    """Past "في محافظة فضولي" or "بمحافظة X" right after a listed name, to the end of the known
    district; else `pos`."""
    for h in hits[bisect.bisect_left([x.word_start for x in hits], pos) :]:
        if h.word_start - pos > gz.within_window:
            break
        words = (text[pos : h.word_start] + " " + h.prefix).split()
        if words and all(w in gz.district_words for w in words):
            return h.end
        break
    return pos


def _past_list_opener(gz: Gazetteer, text: str, pos: int) -> int:
    """Past a word that opens the names of a plural cue's list ("، هي"، "أبرزها"، "منها:"), else `pos`."""
    m = _LIST_OPENER.match(text, pos)
    if m is None or m.group(1) not in gz.unknown_list_openers:
        return pos
    return m.end()


def _known_next(text: str, pos: int, ends: dict[int, int]) -> int | None:
    """The end of a known place joined by و right after `pos` ("... وجبرائيل"), else None."""
    rest = text[pos : pos + 3]
    if rest.startswith(" و"):
        return ends.get(pos + 2)
    return None


def _name_after(gz: Gazetteer, text: str, pos: int, cue: str, known_starts: set[int],
                first: bool) -> tuple[int, int] | None:
    """The span of an unknown name starting after `pos`, or None."""
    words: list[tuple[int, int]] = []
    for s, e in _tokens(text, pos):
        word = text[s:e]
        if not words:
            if not first:
                head = word[1:] in gz.name_heads  # "وأم قرفة"، "وود عشانا"
                if not word.startswith("و") or (len(word) < 4 and not head):
                    return None
                s += 1
                word = word[1:]
            if s in known_starts or (first and s - 0 in known_starts):
                return None
            if word.startswith(_ARTICLE) and cue in gz.unknown_no_article:
                return None
            if not word.startswith(_ARTICLE) and word.endswith("يه") and not word.endswith("ويه"):
                return None  # an indefinite adjective: "مدن سعودية"، "بلدات لبنانية"
        bare = word[2:] if word.startswith(_ARTICLE) and len(word) > 4 else word
        if words and word in gz.name_tails:
            words.append((s, e))  # "آغالي الأولى": the ordinal is the name's
            break
        if (word in gz.unknown_stop or bare in gz.unknown_stop or word in gz.strong or word in gz.weak
                or word.isdigit() or len(word) < 2):
            break
        adjective = word.startswith(_ARTICLE) and word.endswith(("يه", "ي"))
        if words and adjective and text[words[-1][0] : words[-1][1]] in gz.name_heads:
            adjective = False  # "آشاغي عبد الرحمنلي": a name's own second word
        if words and (s in known_starts or word.startswith("و") or adjective):
            break
        if word in gz.stoplist and not words and cue not in gz.unknown_settlements:
            return None  # "منطقة الحرب" is no place; "بلدتي المزرعة وولغا" are
        words.append((s, e))
        if len(words) >= gz.unknown_max_words:
            break
    if not words:
        return None
    s, e = words[0][0], words[-1][1]
    if len(text[s:e].replace(" ", "")) < 3:
        return None
    return s, e


def _resolve_unknown(m: _Matcher, hits: list[_Hit], s: int, e: int) -> Mention:
    """An unknown name takes the district named right after it, else the article's country."""
    gz = m.gz
    text = m.text
    name = text[s:e]
    for h in hits[bisect.bisect_left(m.hit_starts(hits), e) :]:
        if h.place.anchor or h.word_start < e:
            continue
        if h.word_start - e > gz.within_window:
            break
        gap = text[e : h.word_start].strip(" ،,")
        link = (gap + " " + h.prefix).strip() if h.prefix else gap
        words = link.split()
        if gap == "" and h.prefix in ("ب", "بال"):
            ok = True
        else:
            ok = bool(words) and (link in gz.within_links or words[0] in gz.within_links
                                  or (len(words) >= 2 and " ".join(words[:2]) in gz.within_links))
        if ok and h.place.precision != "country":
            p = h.place
            return Mention("place", s, e, f"unknown:{name}",
                           p.attrs(name=None, precision="admin1", geonames_id=None))
        break
    country = m.main
    return Mention("place", s, e, f"unknown:{name}",
                   {"name": None, "country": country, "lat": None, "lon": None,
                    "precision": "country", "geonames_id": None})
