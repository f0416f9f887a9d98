import pytest

from marsad.normalise import normalise, normalise_form, normalise_text

CASES = [
    ("أعلنت", "اعلنت"),
    ("إسقاط", "اسقاط"),
    ("آليات", "اليات"),
    ("مستشفى", "مستشفي"),
    ("دبابة", "دبابه"),
    ("مسيّرتيْن", "مسيرتين"),
    ("عنصراً", "عنصرا"),
    ("الـــجيش", "الجيش"),
    ("١٥٠", "150"),
    ("۱۲", "12"),
    ("ﻻ", "لا"),
    ("T-72", "t-72"),
    ("مؤسسة", "موسسه"),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_normalises_spelling_variants(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


def test_offsets_map_back_to_the_source() -> None:
    raw = "قالت وزارةُ الدفاعِ الأرمينيّة إنّ قواتها قتلت ١٥٠ عنصراً"
    norm = normalise(raw)
    i = norm.text.index("150")
    assert norm.source_text(i, i + 3) == "١٥٠"
    j = norm.text.index("الارمينيه")
    assert norm.source_text(j, j + len("الارمينيه")) == "الأرمينيّة"
    assert norm.source_text(0, len(norm.text)) == raw
    end = len(norm.text)
    assert norm.source_text(end - 3, end + 1) == norm.source_text(end - 3, end)  # past the end: stops there


def test_presentation_forms_keep_offsets() -> None:
    raw = "قال ﻻ يوجد ١٢ قتيلا"
    norm = normalise(raw)
    i = norm.text.index("12")
    start, end = norm.to_source(i, i + 2)
    assert raw[start:end] == "١٢"


def test_form_normalisation_folds_spaces() -> None:
    assert normalise_form("  وزارة   الدفاع ") == "وزاره الدفاع"


def test_common_misspelling_is_corrected_in_place() -> None:
    text = "قالت وزراة الدفاع"
    norm = normalise(text)
    assert "وزاره" in norm.text
    start = norm.text.index("وزاره")
    assert norm.source_text(start, start + 5) == "وزراة"


@pytest.mark.parametrize(
    "raw",
    [
        "قالت وزارة الدفاع",  # needs folding
        "قالت وزاره الدفاع",  # already normal
        "أعلنَت وزراة الدفاع ١٢ دبابةً",  # marks, misspelling, Arabic-Indic digits
        "ﻻ ﷲ ﺍﻟﺠﻴﺶ",  # presentation forms (NFKC, one character to several)
        "الجيـــش\u200f 2020",  # tatweel, a direction mark
        "آ\u0653 ABC",  # a mark that whole-string NFKC would compose
        "",
    ],
)
def test_normalise_text_is_normalise_without_the_map(raw: str) -> None:
    assert normalise_text(raw) == normalise(raw).text
    assert normalise_text(normalise(raw).text) == normalise(normalise(raw).text).text
