"""Questions about what the readers under an article wrote are declined: reader comments are never
sources, even when the question does not say "the comments" and shares words with the articles."""

from __future__ import annotations

import pytest

from bot.answer import REFUSAL_TEXT
from bot.service import Service
from bot.vocabulary import Vocabulary

_ARTICLES = (
    "The harbour board met on Friday to discuss port fees.",
    "The mayor said the port would stay open.",
)
_COMMENTS = (
    "Fees are a scam, build safe zones at the port instead!",
    "The port fees should go to the harbour board, says Anna.",
)


def _vocabulary() -> Vocabulary:
    return Vocabulary.build(_ARTICLES, event_name="the harbour board meeting", aside=_COMMENTS)


@pytest.mark.parametrize("question, aside", [
    ("what are the safe zones at the port for?", ("safe", "zone")),  # only readers pair these words
    ("did the board want SAFE ZONES??", ("safe", "zone")),
    ("did the board discuss port fees?", ()),  # readers quote the articles' own pair
    ("is the port safe?", ()),  # one reader's word alone is not their topic
    ("did the mayor say the port would stay open?", ()),
])
def test_a_pair_of_words_only_readers_write_marks_the_question(question: str, aside: tuple[str, ...]) -> None:
    marked = _vocabulary().profile(question).aside
    assert set(aside) <= set(marked) and bool(marked) == bool(aside), marked


def test_without_the_pages_cut_lines_nothing_is_marked() -> None:
    vocabulary = Vocabulary.build(_ARTICLES, event_name="the harbour board meeting")
    assert vocabulary.profile("what are the safe zones at the port for?").aside == ()


# Worded as people ask, without naming the comments: safe zones and missile systems in Romania and
# Poland are only in the readers' comments under the articles.
COMMENT_ONLY = ["did trump call for safe zones in syria?",
                "what did someone say trump should do w the missile systems in romania and poland?"]


@pytest.mark.parametrize("question", COMMENT_ONLY)
async def test_a_question_only_reader_comments_answer_is_declined(settings, question: str) -> None:
    answer = await Service.from_settings(settings).ask(question)
    assert answer.status == "refused" and answer.text == REFUSAL_TEXT, answer.text


async def test_the_model_is_never_asked_what_only_readers_wrote(llm_settings, fake_llm) -> None:
    fake_llm.queue("Trump called for safe zones in Syria [F1].")
    service = Service.from_settings(llm_settings())
    for question in COMMENT_ONLY:
        answer = await service.ask(question)
        assert answer.status == "refused" and answer.text == REFUSAL_TEXT
    assert fake_llm.chat_requests == []


@pytest.mark.parametrize("question, quoted", [
    ("did they talk about syria?", "Syria"),  # readers wrote of Syria too: the articles answer
    ("what did they say about fighting terrorism in syria?", "terror"),
])
async def test_what_the_articles_also_say_is_answered(settings, question: str, quoted: str) -> None:
    answer = await Service.from_settings(settings).ask(question)
    assert answer.status == "answered" and quoted in answer.text, answer.text


async def test_a_pair_only_readers_write_is_theirs_in_either_order(settings) -> None:
    """Only a reader writes "romania and poland"; "is trump gonna pull the us troops out of poland and
    romania?" (heldout30, read after its final measurement) names the same pair the other way round and
    was answered with the allies' concern over US commitment to European security."""
    from bot.service import Service

    service = Service.from_settings(settings)
    assert service.knowledge.retriever.profile("what about the missiles in poland and romania?").aside
    answer = await service.ask("will the us take its missiles out of poland and romania?")
    assert answer.status == "refused", answer.text
