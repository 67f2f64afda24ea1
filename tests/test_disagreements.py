"""Where the sources differ: general detection, on invented pairs and on the articles."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.corpus import load_corpus
from bot.disagreements import Statement, find_disagreements, restates
from bot.text import GENERAL

from .conftest import SEEDS

DAY = dt.date(2017, 1, 29)


def _pair(a: str, b: str) -> list:
    return find_disagreements([Statement("A", "a.txt", a, DAY), Statement("B", "b.txt", b, DAY)])


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("The call lasted one hour.", "The call lasted two hours.", "number"),
        ("The ceasefire held for 3 days.", "The ceasefire held for 5 days.", "number"),
        ("It was the first meeting of the two leaders.", "It was the second meeting of the two leaders.", "ordinal"),
        ("The ministers will meet for the third time in Vienna.", "It is the first time the ministers meet in Vienna.",
         "ordinal"),
        ("The summit of the leaders took place on Monday in Paris.",
         "The summit of the leaders took place on Tuesday in Paris.", "date"),
        ("Sanctions were discussed during the call.", "Sanctions were not discussed during the call.", "negation"),
        ("The treaty was signed by both governments.", "The treaty was never signed by both governments.",
         "negation"),
    ],
)
def test_invented_conflicts_are_found(a: str, b: str, kind: str) -> None:
    found = _pair(a, b)
    assert [d.kind for d in found] == [kind]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The call lasted about an hour.", "The phone call lasted about an hour, officials said."),
        ("The ministers failed to agree on the budget.", "The ministers could not agree on the budget."),
        ("Sanctions were imposed in 2014.", "The call lasted one hour."),
        ("The first snow fell in Moscow.", "The second round of talks began in Geneva."),
        ("I do not know the minister, he said.", "The minister spoke to reporters on Friday."),
        ("It was their first conversation since the election.", "It was their first conversation since the election."),
    ],
    ids=["paraphrase", "two-negations", "unrelated", "different-subjects", "negation-elsewhere", "identical"],
)
def test_agreeing_or_unrelated_pairs_give_nothing(a: str, b: str) -> None:
    assert _pair(a, b) == []


def test_same_article_is_never_in_conflict_with_itself() -> None:
    found = find_disagreements([Statement("A", "x.txt", "The call lasted one hour.", DAY),
                                Statement("B", "x.txt", "The call lasted two hours.", DAY)])
    assert found == []


def test_first_or_second_call_surfaces_in_the_articles() -> None:
    corpus = load_corpus(SEEDS)
    statements = [Statement(f"{s.entry.file[:3]}:{x.index}", s.entry.file, x.text, s.entry.published)
                  for s in corpus.sources for x in s.sentences]
    found = find_disagreements(statements)
    assert found, "000's 'second time' against the others' 'first' conversation"
    assert all(d.kind == "ordinal" for d in found)
    sides = {(d.a.source[:3], d.b.source[:3]) for d in found}
    assert all("000" in pair for pair in sides)
    assert any("second time" in d.a.text or "second time" in d.b.text for d in found)


def test_both_sides_are_in_the_default_brief(knowledge) -> None:
    texts = [f.text for f in knowledge.brief.facts]
    assert any("for the second time" in t for t in texts)
    assert any("first telephone conversation" in t for t in texts)


@pytest.mark.parametrize(("text", "other", "restated"), [
    ("The first meeting of the ministers was held on Monday.",
     "On Monday the ministers held their first meeting, which lasted an hour.", True),
    ("The ministers held their first meeting, which lasted an hour, and agreed on a budget for the port.",
     "The first meeting of the ministers was held on Monday.", False),  # it says more
    ("The port will open in May.", "The ministers held their first meeting.", False),
])
def test_a_statement_restates_another_when_nearly_all_its_words_are_the_others(text: str, other: str,
                                                                               restated: bool) -> None:
    assert restates(GENERAL, text, other) is restated


async def test_an_answer_quoting_a_restatement_of_one_side_shows_the_other_side(settings) -> None:
    """"held their first telephone conversation" (002) restates 001's "The first telephone conversation …
    was held"; 000 says they talk "for the second time": the asker sees both, and the note."""
    from bot.service import Service

    answer = await Service.from_settings(settings).ask("wait was that their first phone call ever?")
    assert answer.status == "answered", answer.text
    assert any("second time" in c.quote for c in answer.citations), answer.text
    assert "the articles disagree" in answer.text


async def test_an_answer_does_not_quote_a_fact_beside_one_it_restates(settings, knowledge) -> None:
    from bot.service import Service

    answer = await Service.from_settings(settings).ask("tell me about their first telephone conversation")
    quotes = list(dict.fromkeys(c.quote for c in answer.citations))
    lexicon = knowledge.retriever.lexicon
    assert not any(restates(lexicon, a, b) for a in quotes for b in quotes if a != b), quotes
