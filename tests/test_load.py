"""Load: nothing lost, nothing answered twice, identical questions share one LLM call, the
concurrency cap holds, reloads under load keep every answer on one consistent brief. Nothing here
depends on how fast the machine is: waits are for events (bounded only against a hang), and
speed (throughput, acknowledgement latency, event-loop blocking) is measured by `make bench`."""

from __future__ import annotations

import asyncio
import itertools

from tests.fakes import discord_payloads as payloads
from tests.fakes.openai_server import Text

PREFIXES = ["", "please ", "so ", "tell me ", "please tell me "]
BODIES = ["how long was the call", "how long did the call last", "how long did the phone call last",
          "how long was the phone call", "how long was their call", "how long did their call last",
          "how long was the conversation", "how long did the conversation last",
          "how long did their conversation last", "how long did the telephone conversation last"]
SUFFIXES = ["?", " then?"]


def distinct_questions() -> list[str]:
    return [f"{p}{b}{s}" for p, b, s in itertools.product(PREFIXES, BODIES, SUFFIXES)]


async def test_two_hundred_concurrent_questions(start_world, fact_id) -> None:
    # each question is asked twice by the same route: with repeat links on, the second ask gets a link
    # or a shared answer depending on whether the first is out yet (a race a busy machine loses
    # differently); off here, where every reply must carry the answer. Links: test_discord_channels.
    world = await start_world(llm_concurrency=16, repeat_window_seconds=0)
    world.llm.default = Text(f"The call lasted about an hour [{fact_id('about an hour')}].", delay=0.3)
    distinct = distinct_questions()
    assert len(set(distinct)) == 100
    mentions, slashes = [], []
    for n, question in enumerate(distinct * 2):
        if n % 2:
            slashes.append(await world.discord.send_interaction("ask", {"question": question}))
        else:
            mentions.append(await world.mention(question))
        await asyncio.sleep(0.002)  # pacing, as over a network (not a wait: no outcome depends on it)
    await world.channel_posts(len(mentions))
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+", count=len(slashes)))
    await world.settled()  # every event read and handled, nothing in flight: anything extra is here now
    posts = world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages")
    follows = world.discord.requests_to("POST", rf"/webhooks/{world.discord.app_id}/.+")
    callbacks = world.discord.requests_to("POST", r"/interactions/.+/callback")
    assert sorted(str(p.json["message_reference"]["message_id"]) for p in posts) == sorted(m["id"] for m in mentions)
    assert len(follows) == len(slashes) == len(callbacks) == 100
    assert {c.path.split("/")[2] for c in callbacks} == {s["id"] for s in slashes}  # each acknowledged once
    assert all("about an hour" in r.json["content"] for r in [*posts, *follows])
    assert len(world.llm.chat_requests) == 100, "each distinct question costs one LLM call"
    assert world.llm.max_concurrent <= 16


async def test_reloads_while_a_hundred_questions_are_in_flight(start_world, fact_id, seeds_dir) -> None:
    world = await start_world(llm_concurrency=16)
    reply = Text(f"The call lasted about an hour [{fact_id('about an hour')}].")
    reloaded = asyncio.Event()

    async def held(body: dict) -> Text:  # the model answers only after both reloads: they happen mid-flight
        await reloaded.wait()
        return reply

    world.llm.default = held
    answers = []
    original = world.service.ask

    async def recording(*args, **kwargs):
        answer = await original(*args, **kwargs)
        answers.append(answer)
        return answer

    world.service.ask = recording  # type: ignore[method-assign]
    old = world.service.knowledge.version
    path = seeds_dir / "003_b5b084b637f8fbb2.txt"
    for question in distinct_questions()[:50]:
        await world.mention(question)
    await world.until(world.llm.wait_for_requests(16))  # every LLM slot busy: questions are in flight
    path.write_text(path.read_text(encoding="utf-8") + "\nThe Kremlin later called the talk useful.\n")
    await world.discord.send_interaction("reload", permissions=payloads.ADMINISTRATOR)
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    for question in distinct_questions()[50:]:
        await world.mention(question)
    (seeds_dir / "sources.toml").write_text("[[source]]\nfile = 'missing.txt'\n", encoding="utf-8")
    await world.discord.send_interaction("reload", permissions=payloads.ADMINISTRATOR)
    reports = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+", count=2))
    assert answers == [] and world.llm.concurrent == 16  # both reloads ran with every question in flight
    reloaded.set()
    await world.channel_posts(100)
    await world.settled()  # anything extra (a lost or doubled reply) is here now
    texts = sorted(r.json["content"] for r in reports)
    assert texts[0].startswith("Reload failed; still serving brief") and texts[1].startswith("Reloaded: brief")
    new = world.service.knowledge.version
    assert new != old and f"`{new}`" in texts[0]  # the broken reload left the new brief serving
    posts = world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages")
    assert len(posts) == 100 and len(answers) == 100 and len(world.llm.chat_requests) == 100
    assert all(a.status == "answered" for a in answers)
    assert {a.brief_version for a in answers} == {old, new}  # the first questions on the old, the last on the new
    for answer in answers:  # every citation of an answer resolves in the brief it reports
        assert answer.citations and all(c.fact_id.startswith("F") for c in answer.citations)
