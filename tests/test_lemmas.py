"""Irregular verb forms are compared as their verb ("brought" as "bring"): a question worded in one
tense finds the sentence written in another."""

from __future__ import annotations

import pytest

from bot import lemmas
from bot.service import Service
from bot.text import stem


@pytest.mark.parametrize("form, base", [("brought", "bring"), ("spoke", "speak"), ("kept", "keep"),
                                        ("told", "tell"), ("met", "meet"), ("withdrew", "withdraw")])
def test_an_irregular_form_stems_as_its_verb(form: str, base: str) -> None:
    assert stem(form) == stem(base)


@pytest.mark.parametrize("word, not_as", [("worse", "wrong"), ("better", "good"), ("media", "medium"),
                                          ("gone", "gan")])
def test_comparatives_and_words_that_are_no_verb_form_stay_themselves(word: str, not_as: str) -> None:
    assert stem(word) != stem(not_as)


def test_without_the_lemmatiser_forms_are_compared_as_written(monkeypatch) -> None:
    lemmas.verb.cache_clear()
    stem.cache_clear()
    monkeypatch.setattr(lemmas, "_simplemma", lambda: None)
    try:
        assert stem("brought") == "brought"
        assert stem("discussed") == stem("discuss")  # the stemmer still reads regular endings
    finally:
        lemmas.verb.cache_clear()
        stem.cache_clear()


async def test_a_question_in_the_present_finds_the_sentence_in_the_past(settings) -> None:
    answer = await Service.from_settings(settings).ask(
        "what did putin keep bringing up during the call, according to the white house?")
    assert answer.status == "answered", answer.text
    assert "common foe" in answer.citations[0].quote
