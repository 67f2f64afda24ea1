"""Names a question in another language gives that the articles never write (bot.foreign_names)."""

from __future__ import annotations

import pytest

from bot.foreign_names import unknown_names
from bot.service import Service

# invented articles' names: what `unknown_names` compares a question's capitalised words with
NAMES = {"holt", "berg", "oslo", "lindqvist"}


def _knows(word: str) -> bool:
    return word.lower() in NAMES


@pytest.mark.parametrize("question, names", [
    ("¿Qué dijo Poroshenko sobre la visita de Holt?", ["Poroshenko"]),
    ("Qu'est-ce qu'Erdogan a dit à propos de cette visite ?", ["Erdogan"]),
    # the languages' own words, capitalised: a place, German nouns and their compounds
    ("¿Qué dijo la Casa Blanca sobre la visita de Holt?", []),
    ("Was hat der Bürgermeister bei der Telefonkonferenz über den Hafen gesagt?", []),
    # a compound with German's linking "s"; a word whose end spells a rare English one ("Regie|rung")
    ("Welche Regierungschefin hat Holt am selben Tag angerufen?", []),
    ("Hatte Holts Regierung schon einen Plan für den Hafen?", []),
    # the articles' names as the other language writes them, or with a possessive
    ("Qu'est-ce que Lindkvist a dit à Oslo ?", []),
    ("Was hat Lindqvists Sprecher in Oslu gesagt?", []),
    ("Что сказал Берг?", []),  # another script: not compared
    # a place the articles never name, in the language's spelling of an English name
    ("¿Habló Holt de Corea del Norte?", ["Corea"]),
    ("Hat Holt über Nordkorea gesprochen?", ["Nordkorea"]),
    ("O que o Brasil achou da visita de Holt?", ["Brasil"]),
    ("¿Mencionaron a Venezuela en Oslo?", ["Venezuela"]),
])
def test_a_capitalised_word_no_language_has_names_what_the_articles_lack(question: str, names: list[str]) -> None:
    assert unknown_names(question, NAMES, _knows) == names


@pytest.mark.parametrize("question", ["¿Qué opinó Poroshenko sobre la llamada entre Trump y Putin?",
                                      "Qu'est-ce qu'Erdogan a dit à propos de cet appel ?"])
async def test_a_question_in_another_language_naming_someone_unknown_is_declined_saying_so(settings,
                                                                                          question: str) -> None:
    """Matched by meaning alone, "what did Poroshenko say about the call?" found the call's sentences and
    was answered with them: the articles never mention him."""
    answer = await Service.from_settings(settings).ask(question)
    assert answer.status == "refused", answer.text
    # never a silent refusal in another language: the reply names what the articles never mention
    assert "They never mention Poroshenko." in answer.text or "They never mention Erdogan." in answer.text


@pytest.mark.parametrize("question", ["Qu'est-ce que Trump a demandé à Poutine de souhaiter au peuple russe ?",
                                      "Was sagte Peskow darüber, ob die Ukraine beim Telefonat zur Sprache kommt?"])
async def test_the_articles_names_written_another_way_are_still_answered(settings, question: str) -> None:
    answer = await Service.from_settings(settings).ask(question)
    assert answer.status == "answered", answer.text


@pytest.mark.parametrize("question", ["¿Hablaron Trump y Putin de Corea del Norte?",
                                      "Haben Trump und Putin über Nordkorea gesprochen?",
                                      "Hanno parlato di Taiwan durante la telefonata?"])
async def test_a_place_the_articles_never_name_declines_a_question_in_another_language(settings,
                                                                                     question: str) -> None:
    """"¿Hablaron Trump y Putin de Corea del Norte?" was answered with the call's sentences: "Corea" is a
    word of the Spanish list, so it was not taken for a name. Rare in every list and spelling "Korea",
    a name the articles never write, it is one now; "la Casa Blanca" (everyday words) still answers."""
    service = Service.from_settings(settings)
    answer = await service.ask(question)
    assert answer.status == "refused" and "They never mention" in answer.text, answer.text  # says why
    assert (await service.ask("¿Qué dijo la Casa Blanca sobre la llamada?")).status == "answered"
