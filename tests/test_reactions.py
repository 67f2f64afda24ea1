""""How did X react?" asks about X's reaction: a sentence that only names X's words apart ("Russian
President … the Ukrainian crisis") does not say how Ukraine's president reacted."""

from __future__ import annotations

import pytest

from bot.doers import names_together, reactor
from bot.service import Service


@pytest.mark.parametrize("question, who", [
    ("how did ukraine's president react to the call", "ukraine's president"),
    ("How did the Ukrainian government respond to the phone call?", "the Ukrainian government"),
    ("What was Erdogan's reaction to the call?", "Erdogan"),
    ("what did the polish president think of the call?", "the polish president"),
    ("what did the port authority say about the tolls?", "the port authority"),  # what they said is a reaction
    ("what did european leaders think about it", "european leaders"),
    ("what did the palace's statement say about the port?", ""),  # a document, named by its owner
    ("How did the call go?", ""),  # asks about the call, not someone's reaction
    ("What did they discuss?", ""),
])
def test_who_a_question_asks_the_reaction_of(question: str, who: str) -> None:
    assert reactor(question) == who


@pytest.mark.parametrize("text, together", [
    ("The president of Ukraine said he was worried.", True),
    ("The Ukrainian president said he was worried.", True),
    ("Russian President Vladimir Putin spoke with Trump. They discussed the Ukrainian crisis.", False),
    ("The president, who met the press on Friday and spoke of sanctions on Ukraine, left.", False),
])
def test_a_description_is_named_only_when_its_words_stand_together(knowledge, text: str, together: bool) -> None:
    stems = frozenset(knowledge.retriever.lexicon.key_stems("Ukraine's president"))
    assert names_together(knowledge.retriever.vocabulary, text, stems) is together


@pytest.mark.parametrize("question", [
    "How did the Ukrainian president react to the phone call?",
    "how did the polish government respond to the call?",
    "what did the ukrainian government say about the call",  # a sentence quoting a senator on Ukraine
    "what did european leaders think about the call",  # "calls Trump made to world leaders"
])
async def test_the_reaction_of_someone_the_articles_never_name_is_declined(settings, question: str) -> None:
    answer = await Service.from_settings(settings).ask(question)
    assert answer.status == "refused", answer.text


async def test_a_description_the_articles_give_a_name_for_is_answered(settings) -> None:
    service = Service.from_settings(settings)
    spokesman = await service.ask("how did the kremlin spokesman react to the call?")  # Peskov
    assert spokesman.status == "answered", spokesman.text
    assert "Peskov" in spokesman.text
    senators = await service.ask("how did democratic senators react?")  # "Sen. … Brown (D., Ohio)"
    assert senators.status == "answered", senators.text
    assert "Sherrod Brown" in senators.text
    for question in ("how did russia's foreign minister react to the call?",
                     "what did the Russian FM think of the call?"):  # the articles' "FM", spelt out
        minister = await service.ask(question)
        assert minister.status == "answered", minister.text
        assert "mutual respect" in minister.text


async def test_what_someone_named_in_the_description_said_is_checked_by_the_name(settings) -> None:
    """"Senator Portman": the articles write "Portman, co-chairman of the Senate Ukraine Caucus", never
    "Senator Portman"; the name is what names him."""
    answer = await Service.from_settings(settings).ask("What did Senator Portman say about Ukraine?")
    assert answer.status == "answered", answer.text
    assert "stand by our allies" in answer.text
