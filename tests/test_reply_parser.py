"""Parsing what real models write: marker shapes, refusals, think blocks."""

from __future__ import annotations

import pytest

from bot.reply_parser import is_refusal, parse_reply


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("The call lasted an hour [F12].", [("The call lasted an hour.", ["F12"])]),
        ("It lasted an hour [F12, F3].", [("It lasted an hour.", ["F12", "F3"])]),
        ("It lasted an hour [F12][F3].", [("It lasted an hour.", ["F12", "F3"])]),
        ("It lasted an hour (F12).", [("It lasted an hour.", ["F12"])]),
        ("It lasted an hour 【F12】.", [("It lasted an hour.", ["F12"])]),
        ("It lasted an hour [F 12].", [("It lasted an hour.", ["F12"])]),
        ("It lasted an hour [f12].", [("It lasted an hour.", ["F12"])]),
        ("It lasted an hour. [F12]", [("It lasted an hour.", ["F12"])]),
        ("It lasted an hour.\n[F12]", [("It lasted an hour.", ["F12"])]),
        ("It lasted an hour **[F12]**.", [("It lasted an hour.", ["F12"])]),
        ("It lasted an hour `[F12]`.", [("It lasted an hour.", ["F12"])]),
        ("**It lasted an hour.** [F12]\nSources: [F3]", [("It lasted an hour.", ["F12", "F3"])]),
        ("- It lasted an hour [F1]\n- Iran was discussed [F2]",
         [("It lasted an hour", ["F1"]), ("Iran was discussed", ["F2"])]),
        ("It lasted an hour [F1]. Iran was discussed.", [("It lasted an hour.", ["F1"]), ("Iran was discussed.", [])]),
    ],
)
def test_marker_shapes(reply: str, expected) -> None:
    parsed = parse_reply(reply)
    assert [(s.text, s.fact_ids) for s in parsed.sentences] == expected
    assert not parsed.refused


@pytest.mark.parametrize(
    "reply",
    ["NOT_IN_SOURCES", "not_in_sources", '"NOT_IN_SOURCES."', "Not in sources", "**NOT_IN_SOURCES**",
     "The articles don't say anything about the weather.", "The facts do not mention Macron.",
     "I'm sorry, but I can't help with that.", "There is no information about that in the brief.",
     "<think>They asked about France. Not in facts.</think>NOT_IN_SOURCES"],
)
def test_refusals_in_any_form(reply: str) -> None:
    parsed = parse_reply(reply)
    assert parsed.refused and parsed.sentences == []


def test_content_sentences_are_not_mistaken_for_refusals() -> None:
    for sentence in ["The Kremlin's statement did not mention sanctions.", "Trump said he does not know Putin.",
                     "Sanctions were not among the topics discussed."]:
        assert not is_refusal(sentence), sentence


def test_think_blocks_are_removed_first() -> None:
    parsed = parse_reply("<think>I should cite [F9] for the joke. Why did...</think>It lasted an hour [F12].")
    assert [(s.text, s.fact_ids) for s in parsed.sentences] == [("It lasted an hour.", ["F12"])]
    cut = parse_reply("<think>still thinking about [F3] when the tokens ran out")
    assert cut.sentences == [] and not cut.refused


def test_partial_refusal_keeps_the_answer_part() -> None:
    parsed = parse_reply("The articles don't say how long it was. They discussed Iran [F4].")
    assert [s.text for s in parsed.sentences] == ["They discussed Iran."] and not parsed.refused
    assert parsed.refusal_sentences == 1
