"""The actor lexicon (actors.yaml) and the conflict table (conflicts.yaml): well-formed, and matching."""

from __future__ import annotations

import re

import pytest

from marsad.lexicon.compile import matcher
from marsad.lexicon.load import data_dir, load_kind, load_table, read_yaml
from marsad.normalise import normalise
from marsad.recognise.mentions import recognise

CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")  # ISO3, NKR, HOUTHI, HEZBOLLAH, MEDIA, ANON...
ROLES = {"HEAD", "MIL", "GOV", "JUD", "HLT", "MED", "ORG", "ANON", "OUTLET"}  # claims.md
NAMED = {"state", "demonym", "capital", "person", "group", "force"}
TYPES = NAMED | {"institution", "title", "media", "anon", "org"}


@pytest.fixture(scope="module")
def actors():
    return load_kind("actor")


@pytest.fixture(scope="module")
def conflicts():
    return load_table("conflicts")["conflicts"]


def test_codes_roles_types(actors):
    assert len(actors) > 300
    for entry in actors:
        attrs = entry.attrs
        assert attrs.get("type") in TYPES, entry.id
        if "code" in attrs:
            assert CODE.match(attrs["code"]), (entry.id, attrs["code"])
        if "role" in attrs:
            assert attrs["role"] in ROLES, (entry.id, attrs["role"])
        assert entry.id.split(".")[0] in TYPES, entry.id


def test_type_specific_attributes(actors):
    for entry in actors:
        kind, attrs = entry.attrs["type"], entry.attrs
        if kind in ("state", "demonym", "capital", "person", "group"):
            assert "code" in attrs, entry.id
        if kind == "media":  # a cited outlet, or the article's own correspondent ("مراسلنا")
            pair = (attrs.get("code"), attrs.get("role"))
            assert pair in (("MEDIA", "MED"), ("OUTLET", "OUTLET")), entry.id
        if kind == "anon":
            assert (attrs.get("code"), attrs.get("role")) == ("ANON", "ANON"), entry.id
        if kind == "title":
            assert "code" not in attrs, entry.id
        if kind == "state":
            assert "role" not in attrs, entry.id


def test_conflict_table(conflicts, actors):
    ids = [c["id"] for c in conflicts]
    assert len(ids) == len(set(ids))
    codes = {e.attrs["code"] for e in actors if "code" in e.attrs}
    for conflict in conflicts:
        assert set(conflict) >= {"id", "en", "parties", "keywords"}, conflict["id"]
        assert len(conflict["parties"]) >= 2, conflict["id"]
        seen: set[str] = set()
        for side in conflict["parties"]:
            assert side and all(CODE.match(code) for code in side), (conflict["id"], side)
            assert not seen & set(side), (conflict["id"], "a code on two sides")
            seen |= set(side)
            assert set(side) <= codes, (conflict["id"], set(side) - codes)
        assert conflict["keywords"] and all(isinstance(k, str) and k for k in conflict["keywords"])


def test_conflict_ids_exist(actors, conflicts):
    known = {c["id"] for c in conflicts}
    for entry in actors:
        for cid in entry.attrs.get("conflicts", []):
            assert cid in known, (entry.id, cid)


def _hits(text: str):
    norm = normalise(text).text
    return matcher(("actor",)).find(norm).get("actor", [])


# (phrase, code expected among the hits, type of the hit carrying it)
PHRASES = [
    ("قالت وزارة الدفاع الأرمينية في بيان", "ARM", "demonym"),
    ("أكدت وزارة الدفاع الأذربيجانية صباح اليوم", "AZE", "demonym"),
    ("صرح الناطق باسم الجيش الأذري للصحفيين", "AZE", "demonym"),
    ("وأعلنت باكو أنها ردت على القصف", "AZE", "capital"),
    ("ونفت يريفان هذه الرواية", "ARM", "capital"),
    ("وزعم رئيس الوزراء باشينيان أن الوضع صعب", "ARM", "person"),
    ("وقال الرئيس علييف في خطاب متلفز", "AZE", "person"),
    ("أفادت سلطات قره باغ الانفصالية", "NKR", "group"),
    ("بحسب جيش الدفاع في ناغورني قره باغ", "NKR", "group"),
    ("وشددت موسكو على ضرورة وقف النار", "RUS", "capital"),
    ("وقال المتحدث باسم الكرملين", "RUS", "institution"),
    ("وزعمت أنقرة أن طائراتها المسيرة أصابت أهدافها", "TUR", "capital"),
    ("ذكرت قوات الدعم السريع في منشور", "RSF", "group"),
    ("وقال الجيش السوداني إنه صد هجوما", "SDN", "demonym"),
    ("وأعلنت جماعة أنصار الله عن عملية جديدة", "HOUTHI", "group"),
    ("وأوضح تحالف دعم الشرعية أن الضربات مستمرة", "COALITION", "group"),
    ("وأشارت كتائب عز الدين القسام إلى كمين", "HAMAS", "group"),
    ("ونشرت سرايا القدس مقطعا مصورا", "PIJ", "group"),
    ("وقال حزب الله إن مقاتليه استهدفوا موقعا", "HEZBOLLAH", "group"),
    ("وتبنى تنظيم الدولة الإسلامية الهجوم", "ISIS", "group"),
    ("وأفادت قوات سوريا الديمقراطية بأن", "SDF", "group"),
    ("ورصد المرصد السوري لحقوق الإنسان غارات", "SOHR", "org"),
    ("وأعلنت حركة الشباب المجاهدين مسؤوليتها", "SHABAAB", "group"),
    ("وتقدمت قوات الجبهة الشعبية لتحرير تيغراي", "TPLF", "group"),
    ("وقال الجيش الوطني الليبي إن دفاعاته الجوية تصدت", "LNA", "group"),
    ("وقالت قوات حكومة الوفاق إنها استعادت السيطرة", "GNA", "group"),
    ("وتبنت جماعة نصرة الإسلام والمسلمين العملية", "JNIM", "group"),
    ("وقال عناصر مجموعة فاغنر إنهم انسحبوا", "WAGNER", "group"),
    ("وأكدت قوات الحشد الشعبي تطهير المنطقة", "PMF", "group"),
    ("بحسب ما نقلته وكالة رويترز عن شهود", "MEDIA", "media"),
    ("وذكرت وكالة الأناضول أن", "MEDIA", "media"),
    ("وقال مصدر عسكري لم يكشف عن اسمه", "ANON", "anon"),
    ("وحذرت الأمم المتحدة من تفاقم الأزمة", "UN", "org"),
    ("ودعت منظمة الأمن والتعاون في أوروبا إلى التهدئة", "OSCE", "org"),
    ("ونقلت اللجنة الدولية للصليب الأحمر الجثث", "ICRC", "org"),
    ("وأكد البنتاغون أن المدمرة اعترضت الصواريخ", "USA", "institution"),
    ("وقال جيش الاحتلال إنه قصف أهدافا", "ISR", "force"),
    ("وأضاف زيلينسكي أن القوات الأوكرانية صامدة", "UKR", "person"),
    ("وأكد الجيش المالي أنه استعاد البلدة", "MLI", "force"),
]


@pytest.mark.parametrize(("phrase", "code", "type_"), PHRASES)
def test_phrase_finds_actor(phrase, code, type_):
    hits = _hits(phrase)
    assert any(h.get("code") == code and h.get("type") == type_ for h in hits), [
        (h.key, h.get("code"), h.get("type")) for h in hits
    ]


def test_institution_with_demonym():
    """An institution without a code and the demonym that gives its country are separate hits."""
    hits = _hits("قالت وزارة الدفاع الأرمينية إن قواتها صدت الهجوم")
    institution = [h for h in hits if h.get("type") == "institution"]
    demonym = [h for h in hits if h.get("type") == "demonym"]
    assert institution and institution[0].get("role") == "MIL" and institution[0].get("code") is None
    assert demonym and demonym[0].get("code") == "ARM"
    assert institution[0].end <= demonym[0].start


def test_longest_form_wins():
    """A group whose name contains a demonym is one hit with the group's code."""
    hits = _hits("الجيش الوطني الليبي")
    assert [h.get("code") for h in hits] == ["LNA"]


@pytest.mark.parametrize(
    "phrase", ["وأم درمان", "العلاقات الثنائية", "فتح النار", "قدمت مساعدات مالية", "في محافظة الحسكة"]
)
def test_no_spurious_actor(phrase):
    norm = normalise(phrase).text
    actors = recognise(norm, None).within("actor", 0, len(norm))  # "مالية" is Malian only after a noun
    assert not [h for h in actors if h.get("code")]


def test_every_party_of_a_conflict_has_an_english_label():
    """Reports name sides in English ("Ugandan soldiers killed"): a party added to conflicts.yaml
    needs its label in record/labels.yaml too."""
    parties = {code for c in load_table("conflicts")["conflicts"] for side in c["parties"] for code in side}
    labels = read_yaml(data_dir().parents[1] / "record" / "labels.yaml")["actors"]
    assert sorted(parties - set(labels)) == []
