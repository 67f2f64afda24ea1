"""Fault matrix, end to end: fake Discord → bot → service → fake LLM.

For every fault, each question gets exactly one reply (an answer, a labelled fallback or a clear
error), the bot stays up and answers the next question, and /status counts what happened.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.answer import FALLBACK_LEAD, UNSUPPORTED_LEAD
from tests.fakes import discord_payloads as payloads
from tests.fakes.openai_server import Drop, Error, Garbage, Text, refused_base_url

IRAN = "They discussed Iran's nuclear program [{f}]."

LLM_FAULTS = {
    # name: (replies queued, settings overrides, expected start of the reply, counted as fallback)
    "429-retry-after": ([Error(429, headers={"retry-after-ms": "10"}), IRAN], {"llm_max_retries": 1},
                        "They discussed Iran's nuclear program [1].", False),
    "429-no-retry-after": ([Error(429)], {}, FALLBACK_LEAD, True),
    "500": ([Error(500)], {}, FALLBACK_LEAD, True),
    "503": ([Error(503)], {}, FALLBACK_LEAD, True),
    # the fake answers 100x later than the timeout: however busy the machine, the timeout fires first
    "slower-than-timeout": ([Text("late", delay=30.0)], {"llm_timeout": 0.3}, FALLBACK_LEAD, True),
    "refused-connection": ([], {"openai_base_url": "refused"}, FALLBACK_LEAD, True),
    "dropped-connection": ([Drop()], {}, FALLBACK_LEAD, True),
    "empty-content": ([Text(""), Text("")], {}, UNSUPPORTED_LEAD, True),
    "garbled": ([Garbage("{{{")], {}, FALLBACK_LEAD, True),
    "only-unknown-ids": (["The moon is made of cheese [F999].", "Mars is red [F998]."], {}, UNSUPPORTED_LEAD, True),
    "cut-by-length": ([Text("They discussed Iran's nuclear program [{f}]. And then they", finish_reason="length")],
                      {}, "They discussed Iran's nuclear program [1].", False),
}


@pytest.mark.parametrize("case", list(LLM_FAULTS))
async def test_llm_fault_matrix(start_world, fact_id, case: str) -> None:
    replies, overrides, expected, fallback = LLM_FAULTS[case]
    if overrides.get("openai_base_url") == "refused":
        overrides = {**overrides, "openai_base_url": refused_base_url()}
    world = await start_world(**overrides)
    fid = fact_id("Iran’s nuclear")
    world.llm.queue(*[r.format(f=fid) if isinstance(r, str) else
                      (Text(r.content.format(f=fid), finish_reason=r.finish_reason, delay=r.delay)
                       if isinstance(r, Text) else r) for r in replies])
    world.llm.default = Text(IRAN.format(f=fid))
    question = await world.mention("did they talk about Iran?")
    (post,) = await world.channel_posts()
    assert str(post.json["message_reference"]["message_id"]) == question["id"]
    assert post.json["content"].startswith(expected), post.json["content"][:200]
    assert post.json["allowed_mentions"]["parse"] == []
    stats = world.service.stats
    assert stats.answered + stats.refused + stats.errors == 1 and stats.fallbacks == int(fallback)
    # the bot is still up and answers the next question
    await world.mention("and what about Iran's nuclear program?")
    await world.channel_posts(2)
    await world.settled()  # a doubled reply would be here now
    assert len(world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages")) == 2
    await world.discord.send_interaction("status", permissions=payloads.ADMINISTRATOR)
    (status,) = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback"))
    assert f"fallbacks {stats.fallbacks}" in status.json["data"]["content"]
    assert f"answered {stats.answered}" in status.json["data"]["content"]


async def test_429_on_interaction_follow_up_is_retried(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = Text(IRAN.format(f=fact_id("Iran’s nuclear")))
    world.discord.fail_next("POST", rf"/webhooks/{world.discord.app_id}/.+", status=429, retry_after=0.05)
    await world.discord.send_interaction("ask", {"question": "Did they talk about Iran?"})
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    await world.settled()  # a third attempt would be here now
    attempts = world.discord.requests_to("POST", rf"/webhooks/{world.discord.app_id}/.+", include_failed=True)
    assert [r.status for r in attempts] == [429, 200]
    assert "Iran" in attempts[-1].json["content"]


@pytest.mark.parametrize("gateway_fault", ["reconnect", "invalid-session"])
async def test_gateway_fault_while_answering(start_world, fact_id, gateway_fault: str) -> None:
    world = await start_world()
    reply, recovered = Text(IRAN.format(f=fact_id("Iran’s nuclear"))), asyncio.Event()

    async def held(body: dict) -> Text:  # the model answers only once the gateway is back
        await recovered.wait()
        return reply

    world.llm.default = held
    await world.mention("did they talk about Iran?")
    await world.until(world.llm.wait_for_requests(1))  # the bot is answering now
    if gateway_fault == "reconnect":
        await world.discord.send_reconnect()
        await world.until(world.discord.wait_gateway(6))
    else:
        await world.discord.send_invalid_session()
        await world.until(world.discord.wait_gateway(2, count=2))
    recovered.set()
    await world.channel_posts()
    await world.mention("and Iran's nuclear program?")
    await world.channel_posts(2)
    await world.settled()  # a doubled reply would be here now
    posts = world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages")
    assert len(posts) == 2 and all("Iran" in p.json["content"] for p in posts)
    assert world.service.stats.answered == 2
