from marsad.segment import segment

TEXT = (
    "الجيش يعلن السيطرة على مدينة\n\n"
    "قالت الوزارة إن 12 دبابة دمرت. وأضافت أن 2.900 شخص نزحوا؟ نعم!\nسطر أخير."
)


def test_sentences_split_on_arabic_punctuation_not_inside_numbers() -> None:
    parts = [TEXT[s.start : s.end] for s in segment(TEXT)]
    assert parts == [
        "الجيش يعلن السيطرة على مدينة",
        "قالت الوزارة إن 12 دبابة دمرت.",
        "وأضافت أن 2.900 شخص نزحوا؟",
        "نعم!",
        "سطر أخير.",
    ]


def test_headline_and_paragraphs() -> None:
    segs = segment(TEXT)
    assert segs[0].headline and not segs[1].headline
    assert [s.paragraph for s in segs] == [0, 1, 1, 1, 2]


def test_a_list_joins_the_sentence_that_opens_it() -> None:
    text = (
        "عنوان\nقالت الوزارة. وأضافت أن الخسائر شملت:\n- 5 دبابات\n2) مدفعين\n\n"
        "سطر بعد القائمة.\n- سطر بشرطة"
    )
    parts = [(text[s.start : s.end], s.headline) for s in segment(text)]
    assert parts == [
        ("عنوان", True),
        ("قالت الوزارة.", False),
        ("وأضافت أن الخسائر شملت:\n- 5 دبابات\n2) مدفعين", False),
        ("سطر بعد القائمة.", False),
        ("- سطر بشرطة", True),  # no colon opened it: a line of its own
    ]


def test_a_lead_that_only_announces_a_list_goes_with_the_sentence_before() -> None:
    text = "نشرت الهيئة حصيلة خسائر العدو. وجاءت الأرقام على النحو التالي:\n- الدبابات: 5"
    parts = [text[s.start : s.end] for s in segment(text)]
    assert parts == [text]


def test_unmarked_table_lines_join_the_heading_they_follow() -> None:
    text = (
        "ونشرت الهيئة الأرقام التالية:\nالأفراد: نحو 720,500\nالدبابات: 9,541 (+7)\n"
        "وقالت الهيئة إن القتال مستمر."
    )
    spans = [text[s.start : s.end] for s in segment(text)]
    assert spans[0].endswith("9,541 (+7)") and spans[0].count("\n") == 2
    assert spans[1] == "وقالت الهيئة إن القتال مستمر."
