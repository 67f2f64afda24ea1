"""The articles' words a question in another language means (bot.crosslingual), and the answers
they lead to."""

from __future__ import annotations

import pytest

from bot.crosslingual import translated_stems
from bot.semantic import Embedder
from bot.service import Service
from bot.text import GENERAL

TEXTS = ["The harbour board announced the new fees on Friday.", "The mayor met the fishermen in Bergen.",
         "Terrorism and the harbour's history were discussed at length."]


@pytest.fixture(scope="module")
def embedder(tmp_path_factory) -> Embedder:
    found = Embedder(tmp_path_factory.mktemp("vectors"))
    if not found.available:
        pytest.skip("the embedding model is not installed")
    return found


@pytest.mark.parametrize("question, meant", [
    ("Wer hat die Gebühren am Freitag angekündigt?", {"announc", "friday"}),
    ("¿Hablaron de terrorismo y de la historia del puerto?", {"terror", "histori"}),
])
def test_words_of_another_language_find_the_articles_words_they_mean(embedder, question: str,
                                                                      meant: set[str]) -> None:
    assert meant <= set(translated_stems(embedder, GENERAL, question, TEXTS))


def test_everyday_words_and_words_without_a_counterpart_find_nothing(embedder) -> None:
    """"wirklich", "sobre", "also" say nothing of what is asked; "Kartoffelsalat" means no word of the texts."""
    assert translated_stems(embedder, GENERAL, "Hat er wirklich Kartoffelsalat gegessen?", TEXTS) == []


async def test_a_question_in_another_language_is_answered_by_the_fact_its_words_mean(settings) -> None:
    """Matched by meaning alone, "who announced the call on Friday?" in German led with "… will talk for
    the second time Saturday …"; its words mean "announced" and "Friday", which one sentence states."""
    answer = await Service.from_settings(settings).ask("Wer hat das Telefonat am Freitag angekündigt?")
    assert answer.status == "answered"
    assert "announced by Kremlin spokesman Dmitry Peskov on Friday" in answer.citations[0].quote, answer.text


async def test_a_person_described_in_another_language_is_found_by_name(settings) -> None:
    """"el portavoz del Kremlin" means the Kremlin spokesman, whom the articles name (Peskov): the sentence
    where Peskov, asked about Ukraine, answers is shown, though it never writes "Kremlin" or "spokesman"."""
    answer = await Service.from_settings(settings).ask(
        "¿Qué respondió el portavoz del Kremlin cuando le preguntaron si se iba a hablar de Ucrania en la llamada?")
    assert answer.status == "answered"
    assert any("Asked by reporters if Ukraine would come up" in c.quote for c in answer.citations), answer.text
