"""Dates: the behaviour rows of tests/cases/ar/dates.yaml, the article's own date, the data table."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.lexicon.load import data_dir, lexicon_files, load_table
from marsad.normalise import normalise, normalise_form
from marsad.recognise import dates
from marsad.recognise.dates import document_date, find

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "ar" / "dates.yaml").read_text(encoding="utf-8"))["cases"]


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _row(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", [_row(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    text = normalise(case["text"]).text
    ref = case["ref"]
    found = find(text, ref)
    got = [
        {"key": m.key, "text": text[m.start:m.end], "start": m.get("start"), "end": m.get("end"),
         "since": m.get("since")}
        for m in found
    ]
    want = [
        {"key": e["key"], "text": normalise_form(str(e["text"])), "start": _iso(e["start"]),
         "end": _iso(e["end"]), "since": bool(e.get("since", False))}
        for e in case["expect"]
    ]
    assert got == want


def test_mentions_are_dates_with_the_contract_attrs() -> None:
    text = normalise("قتل جنديان أمس، وقال الجيش منذ 3 أسابيع إن 20/10/2020 كان الأسوأ").text
    found = find(text, date(2020, 10, 21))
    assert [m.key for m in found] == ["yesterday", "since", "absolute"]
    for m in found:
        assert m.kind == "date"
        assert set(m.attrs) == {"start", "end", "since"}
        assert 0 <= m.start < m.end <= len(text)
        date.fromisoformat(m.get("start"))
        assert m.get("start") <= m.get("end")


def test_mentions_are_ordered_and_do_not_overlap() -> None:
    text = normalise("الثلاثاء 27 سبتمبر 2020، ثم أمس، ثم منذ يومين، ثم 1 إلى 2 أكتوبر").text
    found = find(text, date(2020, 10, 20))
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_empty_and_dateless_text() -> None:
    assert find("", date(2020, 10, 20)) == []
    assert find(normalise("قصفت المدفعية مواقع المسلحين").text, date(2020, 10, 20)) == []


# --- the article's own date -------------------------------------------------------------------------

HEADERS = [
    ("header-time-numeric-weekday", "12:30 - 20/10/2020 الثلاثاء\nعنوان الخبر\nنص الخبر", date(2020, 10, 20)),
    ("header-year-first-dots", "عنوان الخبر\n\n2020.10.18 - 04:48\n\nقالت الوزارة", date(2020, 10, 18)),
    ("header-english", "عنوان الخبر\n\nSun Apr 3, 2016 12:41pm GMT\n\nقالت الوزارة", date(2016, 4, 3)),
    ("header-published-label", "عنوان\nتاريخ النشر: 26th, August 2023 GMT\nنص", date(2023, 8, 26)),
    ("header-arabic-indic-digits", "عنوان\n١٤:٠٥ - ٢٠/١٠/٢٠٢٠\nنص", date(2020, 10, 20)),
    ("dateline-today-weekday-numeric",
     "قتل نحو عشرين شخصا، اليوم السبت 11\\10\\2025، في قصف مدفعي استهدف سوقا شعبيا وسط المدينة",
     date(2025, 10, 11)),
    ("dateline-bracketed",
     "دمشق (19 أيلول 2025) - قال مسؤول محلي إن القصف استمر طوال الليل على أحياء المدينة الشرقية",
     date(2025, 9, 19)),
    ("dateline-weekday-and-date-in-lead",
     "أعلن الرئيس، مساء الأربعاء 20 سبتمبر/أيلول 2023، أن المسلحين بدأوا تسليم أسلحتهم في الإقليم",
     date(2023, 9, 20)),
    ("header-wins-over-lead", "عنوان\n2020/10/29 21:27\nوقالت الوزارة، الأربعاء، 28 أكتوبر 2020، إن",
     date(2020, 10, 29)),
    ("dateline-between-dashes",
     "عنوان\nالخرطوم - 14 مارس 2024 - قال الجيش إن قواته صدت هجوما على مواقعه في المدينة",
     date(2024, 3, 14)),
]


@pytest.mark.parametrize(("text", "expected"), [h[1:] for h in HEADERS], ids=[h[0] for h in HEADERS])
def test_document_date_from_header(text: str, expected: date) -> None:
    assert document_date(text) == expected
    assert document_date(normalise(text).text) == expected


def test_document_date_prefers_published_metadata() -> None:
    assert document_date("12:30 - 20/10/2020 الثلاثاء\nعنوان", date(2021, 1, 1)) == date(2021, 1, 1)


NO_HEADER = [
    ("event-date-in-running-sentence",
     "قالت الوزارة إن الهجوم الذي وقع في 27 سبتمبر 2020 أسفر عن مقتل عدد كبير من الجنود والمدنيين"),
    ("since-date-in-short-line", "الحصيلة منذ 27 سبتمبر 2020"),
    ("relative-only", "أعلن الجيش اليوم الثلاثاء مقتل جنديين\nوقال أمس إن"),
    ("year-less-dateline", "يريفان 3 أبريل نيسان (رويترز) - قالت الوزارة"),
    ("too-far-down", "\n".join(["سطر من نص الخبر يتحدث عن المعارك"] * 9 + ["20/10/2020"])),
    ("empty", ""),
]


@pytest.mark.parametrize("text", [n[1] for n in NO_HEADER], ids=[n[0] for n in NO_HEADER])
def test_document_date_unknown(text: str) -> None:
    assert document_date(text) is None


# --- the data table ---------------------------------------------------------------------------------


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_date_names", ROOT / "scripts" / "gen_date_names.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_month_and_weekday_names_match_babel() -> None:
    """The generated block of dates.yaml is what babel gives today: regenerate, compare (drift)."""
    gen = _generator()
    assert gen.shipped() == gen.render(), "babel names drifted: run scripts/gen_date_names.py"


def test_both_month_sets_come_from_babel() -> None:
    from babel import Locale

    months = dates.lexicon().months
    for code in ("ar_SY", "ar_EG"):
        for number, name in Locale.parse(code).months["format"]["wide"].items():
            assert months[normalise_form(name)] == number, (code, name)


def test_dates_table_is_a_plain_table_not_an_entry_lexicon() -> None:
    assert all(data_dir() / "dates.yaml" not in paths for paths in lexicon_files().values())
    assert isinstance(load_table("dates"), dict)


def test_table_rejects_unknown_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = dict(load_table("dates"), montsh={1: ["x"]})

    def fake(name: str, lang: str = "ar") -> Any:
        return raw if name == "dates" else load_table(name, lang)

    monkeypatch.setattr(dates, "load_table", fake)
    dates.lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match="unknown keys"):
            dates.lexicon()
    finally:
        dates.lexicon.cache_clear()


def test_no_form_under_two_ids() -> None:
    lx = dates.lexicon()  # the loader raises on a collision; here: the tables stay disjoint too
    assert not set(lx.months) & set(lx.weekdays)
    assert not set(lx.relative) & set(lx.weekdays)


def test_grammar_is_built_once() -> None:
    assert dates.grammar() is dates.grammar()
    assert dates.lexicon() is dates.lexicon()


# --- speed ------------------------------------------------------------------------------------------



# The trigger words are found by one automaton pass; `_trigger_positions_by_words` (whitespace
# split, punctuation stripped, str.find) is the plain statement of what must be found, and the
# two must agree: punctuation around a word, letters glued to a number, a trigger inside a longer
# word, a symbol that is not punctuation beside it, repeats, clitics, dates at the text's edges.
TRIGGER_TEXTS = [
    "أعلنت الوزارة، الثلاثاء، تدمير دبابة",
    "(الأحد) قصف «يوم الجمعة» و-السبت",
    "الأحد16 تشرين الأول/أكتوبر 2020",
    "والثلاثاء والأربعاء.الخميس؟ الجمعة",
    "x/الاثنين •الثلاثاء الأربعاء• %الخميس",
    "منذ أكتوبر/تشرين الأول x«/الاثنين الثلاثاء/»x يناير/كانون الثاني/",
    "الجمعةالجمعة الجمعة الجمعة",
    "منذ3 أيام، وأمس، واليوم، وغدا",
    "في مطلع أيلول2014 وحتى أواخر شباط",
    "السبت",
    "12 أبريل",
    "كان ذلك منذ عامين قبل العام الماضي",
    "يناير يناير، فبراير…مارس",
    "الثامن من تشرين الثاني",
    "الأسبوعين الماضيين والـ24 ساعة الماضية",
]


def _trigger_texts() -> list[str]:
    sample = ROOT / "src" / "marsad" / "data" / "sample" / "articles.jsonl"
    lines = sample.read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line)["text"] for line in lines if line.strip()]
    return [normalise(t).text for t in [*TRIGGER_TEXTS, *(c["text"] for c in CASES), *articles]]


def test_trigger_positions_match_the_word_by_word_statement() -> None:
    g = dates.grammar()
    assert g.finder is not None
    for text in _trigger_texts():
        expected = dates._trigger_positions_by_words(text, g.triggers)
        assert dates._trigger_positions(text, g.finder) == expected, text


@pytest.mark.parametrize("text", ["قتل المئات منذ 3000 عام", "منذ 2028 سنوات", "منذ 99999 شهرا"])
def test_impossible_periods_are_no_dates_and_no_crash(text: str) -> None:
    assert find(normalise(text).text, date(2020, 10, 20)) == []


@pytest.mark.parametrize("text", ["منذ أكتوبر/تشرين الأول 2023", "في تشرين الأول/أكتوبر 2023"])
def test_a_month_named_twice_with_a_slash(text: str) -> None:
    found = find(normalise(text).text, None)
    assert [m.get("start")[:7] for m in found] == ["2023-10"]


def test_a_span_named_by_its_two_years() -> None:
    found = find(normalise("قتل نحو 30 ألف شخص بين عامي 1988 و1994").text, None)
    assert [(m.get("start"), m.get("end")) for m in found] == [("1988-01-01", "1994-12-31")]
