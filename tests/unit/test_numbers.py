import pytest

from marsad.normalise import normalise
from marsad.recognise.numbers import find, parse_digits

CASES = [
    ("قتل 150 عنصرا", 150, None),
    ("سقط ٣٢٢ قتيلا", 322, None),
    ("نزح 2,900 شخص", 2900, None),
    ("نزح 2.900 شخص", 2900, None),
    ("أكثر من 84 ألف نازح", 84000, None),
    ("نحو 1.5 مليون نازح", 1500000, None),
    ("ثلاثة آلاف قتيل", 3000, None),
    ("أربعة وعشرين جنديا", 24, None),
    ("مئتان وخمسون", 250, None),
    ("خمسمائة وثلاثة", 503, None),
    ("ثلاث مئة", 300, None),
    ("اثنا عشر جنديا", 12, None),
    ("خمسة عشر مدنيا", 15, None),
    ("بين 50 و60 قتيلا", 50, 60),
    ("من 50 إلى 60 قتيلا", 50, 60),
    ("سبعة", 7, None),
    ("ما بين 10 و15 ألف قتيل", 10000, 15000),  # the multiplier written once scales both bounds
    ("ما بين 10 آلاف و15 ألف قتيل", 10000, 15000),  # two numbers of one scale: no sum
    ("بين عشرة آلاف وخمسة عشر ألفا", 10000, 15000),
    ("مليون و200 ألف نازح", 1200000, None),
    ("ثلاثة آلاف وخمسمائة", 3500, None),
    ("نزوح نصف مليون شخص", 500000, None),
    ("ربع مليون لاجئ", 250000, None),
    ("مليون ونصف نازح", 1500000, None),
    ("ثلاثة ملايين ونصف", 3500000, None),
]


@pytest.mark.parametrize(("text", "value", "high"), CASES, ids=[c[0] for c in CASES])
def test_reads_numbers(text: str, value: int, high: int | None) -> None:
    found = find(normalise(text).text)
    assert found, text
    assert found[0].get("value") == value
    assert found[0].get("high") == high


def test_two_counts_joined_by_and_stay_apart() -> None:
    found = find(normalise("مقتل 710 جنود و36 مدنيا").text)
    assert [m.get("value") for m in found] == [710, 36]


def test_span_excludes_the_clitic() -> None:
    text = normalise("ارتفع العدد إلى و36 قتيلا").text
    (m,) = find(text)
    assert text[m.start:m.end] == "36"


@pytest.mark.parametrize(("token", "value"), [("2.900", 2900), ("2,900", 2900), ("1.5", 1.5), ("12", 12)])
def test_digit_separators(token: str, value: float) -> None:
    assert parse_digits(token) == value


def test_words_that_are_not_numbers() -> None:
    assert find(normalise("قالت الوزارة إن الوضع مستقر").text) == []
    assert find(normalise("نزح نصف السكان خلال ربع قرن").text) == []  # a fraction of no multiplier


@pytest.mark.parametrize(
    "text", ["قتلت قواتنا \"الآلاف\" من الجنود", "نزح آلاف المدنيين", "عشرات الآلاف", "ملايين النازحين"]
)
def test_a_plural_multiplier_with_no_number_before_is_none(text: str) -> None:
    assert find(normalise(text).text) == []


@pytest.mark.parametrize("text", ["صدر البيان في 2020.10.18 صباحا", "بتاريخ 18.10.2020"])
def test_dotted_dates_are_not_numbers(text: str) -> None:
    values = [m.get("value") for m in find(normalise(text).text)]
    assert 2020 not in values and 18 not in values
    assert parse_digits("2020.10.18") is None


# Number phrases are found from their first token (digits, or a whole number word found by one
# automaton pass) without tokenising the whole text: words and digits glued to punctuation or to
# each other, a number word inside a longer word, and ranges whose بين stands a few marks away.
SPANS = [
    ("قتل (خمسة) جنود، وأسر «ثلاثة» آخرين", [("خمسه", 5), ("ثلاثه", 3)]),
    ("سقط،عشرون قتيلا", [("عشرون", 20)]),
    ("الخمسينات ليست عددا", []),
    ("عددهم12جنديا", [("12", 12)]),
    ("نحو 1,250,000 نازح و3.5 مليون", [("1,250,000", 1250000), ("3.5 مليون", 3500000)]),
    ("وقتل 54 ألف و 450 آخرون", [("54 الف و 450", 54450)]),
    ("بين، 20 و30 قتيلا", [("بين، 20 و30", 20)]),
    ("ما بين 7 - 9 جرحى", [("بين 7 - 9", 7)]),
    ("ثم 7 - 9 جرحى", [("7 - 9", 7)]),
    ("ثم 9 و7 جرحى", [("9", 9), ("7", 7)]),
    ("وثلاثمائة", [("ثلاثمايه", 300)]),
    ("-5", [("5", 5)]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS, ids=[s[0] for s in SPANS])
def test_spans_and_values(text: str, expected: list[tuple[str, int]]) -> None:
    norm = normalise(text).text
    assert [(norm[m.start:m.end], m.get("value")) for m in find(norm)] == expected


def test_monday_is_no_number() -> None:
    for text in ("منذ مساء الإثنين", "يوم الاثنين الماضي", "فجر الاثنين"):
        norm = normalise(text).text
        assert find(norm) == [], text
    assert [m.get("value") for m in find(normalise("قتل اثنين من الجنود").text)] == [2]
