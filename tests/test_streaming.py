"""Answers shown while the model writes (the LLM engine streams): only sentences that passed the
support check are ever handed on, and the final answer is the one the same reply gives unstreamed."""

from __future__ import annotations

import asyncio
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer import DECLINED_LEAD, FALLBACK_LEAD, Answer
from bot.reply_parser import parse_reply, settled_sentences
from bot.service import Service
from tests.fakes.openai_server import Drop, Error, Garbage, Text

QUESTION = "How long was the call and was Iran discussed?"
HOUR = "The call lasted about an hour"
IRAN = "They also discussed Iran's nuclear program"
SANCTIONS = "The leaders agreed to lift all sanctions at once"  # no fact says so: never shown


def mixed(fact_id) -> str:
    """Two supported sentences, each followed by one the support check drops."""
    hour, iran = fact_id("about an hour"), fact_id("as well as Iran’s nuclear")
    return (f"{HOUR} [{hour}]. {SANCTIONS} [{hour}]. {IRAN} [{iran}]. "
            f"Trump praised Putin warmly. [{fact_id('Israeli')}]")


async def streamed(service: Service, question: str = QUESTION) -> tuple[list[Answer], Answer]:
    partials: list[Answer] = []
    final = await service.ask(question, on_progress=partials.append)
    return partials, final


def comparable(answer: Answer) -> dict:
    return answer.model_dump(exclude={"llm_seconds"})


async def test_partials_hold_only_checked_sentences(llm_settings, fake_llm, fact_id) -> None:
    text = mixed(fact_id)
    fake_llm.queue(Text(text, chunks=list(text)))  # one character at a time
    partials, final = await streamed(Service.from_settings(llm_settings()))
    assert [p.text for p in partials] == [f"{HOUR} [1].", f"{HOUR} [1]. {IRAN} [2]."]
    assert final.text == f"{HOUR} [1]. {IRAN} [2]." and final.dropped == 2
    assert not any("sanctions" in p.text or "praised" in p.text for p in partials)
    assert all(p.status == "answered" and p.citations for p in partials)
    assert fake_llm.chat_requests[0]["stream"] is True
    assert fake_llm.chat_requests[0]["stream_options"] == {"include_usage": True}
    assert final.usage and final.usage.completion_tokens > 0  # the usage chunk was read


@pytest.mark.parametrize(("replies", "shown"), [
    (["{mixed}"], True),
    (["{hour_text}. [{hour}] {iran_text}.\n[{iran}]\nSources: [{israeli}]"], True),  # markers after the full stop
    (["NOT_IN_SOURCES", "NOT_IN_SOURCES"], False),  # declined, nudged, declined: quotes
    (["{sanctions} [{hour}].", "{sanctions} [{hour}]."], False),  # nothing supported, twice: quotes
    (["NOT_IN_SOURCES", "{hour_text} [{hour}]. {iran_text} [{iran}]."], True),  # a refusal, then an answer
    (["Trump said he would welcome Moscow's involvement in the fight against IS [{welcome}]. {hour_text} [F999]."],
     False),  # supported, but about something else: quotes
    (["{hour_text} [{hour}]. {iran_text} [{iran}]. They also agreed to"], True),  # cut by the token limit
], ids=["mixed", "markers-after-stop", "declined", "unsupported", "nudged", "off-question", "cut"])
async def test_streamed_final_answer_is_the_unstreamed_one(llm_settings, fake_llm, fact_id, replies, shown) -> None:
    values = {"mixed": mixed(fact_id), "hour": fact_id("about an hour"), "iran": fact_id("as well as Iran’s nuclear"),
              "israeli": fact_id("Israeli"), "welcome": fact_id("welcome Moscow"), "hour_text": HOUR, "iran_text": IRAN,
              "sanctions": SANCTIONS}
    texts = [r.format(**values) for r in replies]
    finish = "length" if texts[-1].endswith("agreed to") else "stop"
    fake_llm.queue(*(Text(t, finish_reason=finish) for t in texts))
    unstreamed = await Service.from_settings(llm_settings()).ask(QUESTION)
    fake_llm.queue(*(Text(t, finish_reason=finish, chunks=list(t)) for t in texts))
    partials, final = await streamed(Service.from_settings(llm_settings()))
    assert comparable(final) == comparable(unstreamed)
    assert bool(partials) == shown  # a fallback never follows something shown: nothing is taken back
    for partial in partials:  # each one the beginning of the final answer, citations included
        assert partial.sentences == final.sentences[: len(partial.sentences)]
        assert partial.citations == final.citations[: len(partial.citations)]


async def test_declined_reply_shows_nothing_before_the_labelled_quotes(llm_settings, fake_llm) -> None:
    fake_llm.queue("I'm sorry, but the articles don't say.", "NOT_IN_SOURCES")
    partials, final = await streamed(Service.from_settings(llm_settings()), "Did they talk about Iran?")
    assert partials == []
    assert final.fallback_reason == "llm_declined" and final.text.startswith(DECLINED_LEAD)


async def test_a_failure_after_the_first_sentence_ends_in_the_labelled_quotes(llm_settings, fake_llm, fact_id) -> None:
    partials: list[Answer] = []
    shown = asyncio.Event()

    def show(partial: Answer) -> None:
        partials.append(partial)
        shown.set()

    async def cut(i: int) -> None:
        if i == 1:  # the first sentence is settled, checked and shown: now the server goes away
            await shown.wait()
            raise ConnectionResetError("gone mid-reply")

    text = mixed(fact_id)
    head = text[: text.index(SANCTIONS) + len("The leaders")]
    fake_llm.queue(Text(text, chunks=[head, text[len(head):]], pace=cut))
    final = await Service.from_settings(llm_settings()).ask(QUESTION, on_progress=show)
    assert [p.text for p in partials] == [f"{HOUR} [1]."]
    assert final.fallback_reason == "llm_error" and final.text.startswith(FALLBACK_LEAD)  # it replaces what was shown


@pytest.mark.parametrize("reply", [Error(500), Garbage("{not json"), Drop(),
                                   Garbage("<html>oops</html>", content_type="text/plain")],
                         ids=["500", "garbled-json", "dropped", "text-plain"])
async def test_streamed_failures_fall_back_like_unstreamed_ones(llm_settings, fake_llm, reply) -> None:
    fake_llm.default = reply
    partials, final = await streamed(Service.from_settings(llm_settings()), "Did they talk about Iran?")
    assert partials == [] and final.fallback_reason == "llm_error" and final.text.startswith(FALLBACK_LEAD)


async def test_a_failing_progress_callback_costs_nothing_but_progress(llm_settings, fake_llm, fact_id, caplog) -> None:
    fake_llm.queue(mixed(fact_id))

    def broken(partial: Answer) -> None:
        raise RuntimeError("display gone")

    with caplog.at_level(logging.ERROR):
        final = await Service.from_settings(llm_settings()).ask(QUESTION, on_progress=broken)
    assert final.text == f"{HOUR} [1]. {IRAN} [2]."
    assert any("progress for" in r.getMessage() and r.exc_info for r in caplog.records)


async def test_only_the_asker_who_started_the_work_sees_progress(llm_settings, fake_llm, fact_id) -> None:
    fake_llm.queue(mixed(fact_id))
    service = Service.from_settings(llm_settings())
    first, second = [], []
    answers = await asyncio.gather(service.ask(QUESTION, on_progress=first.append),
                                   service.ask(QUESTION, on_progress=second.append))
    assert len(fake_llm.chat_requests) == 1 and answers[0].text == answers[1].text
    assert first and second == []
    cached = []
    again = await service.ask(QUESTION, on_progress=cached.append)
    assert again.cached and cached == []


TOKENS = ["They", " met", ".", " ", "\n", "\n\n", "[F1]", "[F2, F3]", "(F4)", "【F5】", "Sources:", "**", "`", "- ",
          "1. ", "2) ", "\n2", "<think>", "</think>", "I'm sorry.", "NOT_IN_SOURCES", "U.S.", " Mr.", "?", "!", "\"",
          "”", "Iran", " 2017", "[", "]", "(", ")", "F", "7", "Cited", "Facts", ":", "__", "The articles don't say"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=16))
def test_settled_sentences_never_change(tokens: list[str]) -> None:
    """Whatever a reply goes on to say, what was settled is how the finished reply begins."""
    text = "".join(tokens)
    final = parse_reply(text).sentences
    for end in range(len(text) + 1):
        settled = settled_sentences(text[:end])
        assert final[: len(settled)] == settled, text[:end]


async def test_a_server_that_refuses_streaming_is_asked_without_it(llm_settings, fake_llm, fact_id, caplog) -> None:
    text = mixed(fact_id)
    fake_llm.default = lambda body: Error(400) if body.get("stream") else Text(text)
    service = Service.from_settings(llm_settings())
    with caplog.at_level(logging.WARNING):
        partials, final = await streamed(service)
    assert partials == [] and final.text == f"{HOUR} [1]. {IRAN} [2]." and not final.fallback
    assert sum("refused a streamed request" in r.getMessage() for r in caplog.records) == 1
    await streamed(service, "Did they talk about Iran?")
    assert [bool(r.get("stream")) for r in fake_llm.chat_requests] == [True, False, False]  # asked once
