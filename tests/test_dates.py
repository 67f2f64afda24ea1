"""Relative dates resolved against the publication date of the article that states them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.brief import load_brief
from bot.corpus import load_corpus
from bot.dates import asks_past, resolve_dates

from .conftest import SEEDS

SUN_29 = dt.date(2017, 1, 29)
FRI_27 = dt.date(2017, 1, 27)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On Friday, Trump met May.", SUN_29, [("2017-01-27", "day", "Friday")]),
        ("The call was held on Saturday night.", SUN_29, [("2017-01-28", "day", "Saturday night")]),
        ("They will talk by phone on Saturday.", FRI_27, [("2017-01-28", "day", "Saturday")]),
        ("Leaders To Talk By Phone On Saturday", FRI_27, [("2017-01-28", "day", "Saturday")]),
        ("Lavrov said on Monday the call went well.", dt.date(2017, 1, 30), [("2017-01-30", "day", "Monday")]),
        ("They will talk Saturday, Conway told CBS News in an interview Friday morning.", dt.date(2017, 1, 28),
         [("2017-01-28", "day", "Saturday"), ("2017-01-27", "day", "Friday morning")]),
        ("They last spoke in November.", FRI_27, [("2016-11-01", "month", "in November")]),
        ("He said so in July last year.", FRI_27, [("2016-07-01", "month", "in July last year")]),
        ("Earlier in January, he said it.", SUN_29, [("2017-01-01", "month", "Earlier in January")]),
        ("On his Jan. 20 inauguration.", FRI_27, [("2017-01-20", "day", "Jan. 20")]),
        ("Speaking on January 27, Hollande said.", dt.date(2017, 1, 28), [("2017-01-27", "day", "January 27")]),
        ("The annexation of Crimea in 2014.", FRI_27, [("2014-01-01", "year", "in 2014")]),
        ("Elections in November of 2016.", SUN_29, [("2016-11-01", "month", "in November of 2016")]),
        ("On Wednesday the summit is planned.", dt.date(2017, 3, 6), [("2017-03-08", "day", "Wednesday")]),
        ("No date here at all.", SUN_29, []),
    ],
)
def test_invented_sentences(text: str, published: dt.date, expected) -> None:
    got = [(d.date.isoformat(), d.precision, d.phrase) for d in resolve_dates(text, published)]
    assert got == expected


def test_the_articles_resolve_to_the_week_of_the_call_and_never_2024() -> None:
    corpus = load_corpus(SEEDS)
    by_phrase = {}
    for source in corpus.sources:
        for sentence in source.sentences:
            for d in resolve_dates(sentence.text, source.entry.published):
                assert d.date.year in (2014, 2016, 2017), (d, sentence.text)
                by_phrase.setdefault((source.entry.file[:3], d.phrase), set()).add(d.date.isoformat())
    assert by_phrase[("001", "Saturday night")] == {"2017-01-28"}
    assert by_phrase[("003", "Saturday")] == {"2017-01-28"} and by_phrase[("003", "Monday")] == {"2017-01-30"}
    assert by_phrase[("004", "Saturday")] == {"2017-01-28"}  # written Friday: the next day
    assert by_phrase[("004", "Thursday night")] == {"2017-01-26"}
    assert by_phrase[("004", "in November")] == {"2016-11-01"}
    assert by_phrase[("002", "Friday")] == {"2017-01-27"} and by_phrase[("002", "Thursday")] == {"2017-01-26"}
    assert by_phrase[("000", "Friday morning")] == {"2017-01-27"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March 40 protesters were arrested.", [("2016-03-01", "month", "In March")]),
        ("Talks on February 30, 2017 were planned.", []),
        ("The 31 April meeting never happened.", []),
        ("He said so on January 0.", []),
        ("On March 5, 0000 nothing happened.", []),
        ("It began in March 0000.", []),
    ],
    ids=["march-40-protesters", "feb-30", "31-april", "day-0", "year-0", "month-year-0"],
)
def test_impossible_dates_are_skipped_not_fatal(text: str, expected) -> None:
    got = [(d.date.isoformat(), d.precision, d.phrase) for d in resolve_dates(text, SUN_29)]
    assert got == expected


def test_dates_at_the_ends_of_the_calendar_are_skipped() -> None:
    """A publication date of 1 January of year 1 (or 31 December 9999) leaves nothing to resolve
    "in December" or "on Saturday" to: skipped, not an OverflowError."""
    assert resolve_dates("They met in December, and on Saturday.", dt.date.min) == []  # a Monday
    assert resolve_dates("They will talk on Saturday.", dt.date.max) == []  # a Friday


def test_a_sentence_with_an_impossible_day_still_builds_the_brief(seeds_dir) -> None:
    """`callbot brief` died with a traceback on this ordinary sentence, and /reload with it."""
    path = seeds_dir / "003_b5b084b637f8fbb2.txt"
    footer = "With files from Associated Press"  # the article ends here (its end_at rule)
    text = path.read_text(encoding="utf-8")
    assert text.count(footer) == 1
    path.write_text(text.replace(footer, f"In March 40 protesters were arrested.\n\n{footer}"), encoding="utf-8")
    brief = load_brief(seeds_dir, 2000)
    assert any("40 protesters" in s.text for s in load_corpus(seeds_dir).source(path.name).sentences)
    assert brief.facts


@pytest.mark.parametrize("question, past", [
    ("did he sign the order in february?", True),  # the month after a January story
    ("what happened in March 2017?", True),
    ("when did they speak in november?", False),  # the November before it
    ("What did Trump say in July about Russia?", False),  # a campaign's July, not the next one
    ("what did he say in january?", False),
    ("may i ask what they discussed?", False),  # "may" is no month here
])
def test_a_question_about_a_time_after_the_newest_article(question: str, past: bool) -> None:
    assert asks_past(question, dt.date(2017, 1, 30)) is past


@given(st.integers(min_value=1900, max_value=2099))
def test_a_year_asks_past_the_articles_exactly_when_it_comes_after_the_newest(year: int) -> None:
    assert asks_past(f"what happened in {year}?", dt.date(2017, 1, 30)) is (year > 2017)
