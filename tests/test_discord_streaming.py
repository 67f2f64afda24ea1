"""An LLM answer on Discord as it is written, through the loopback Discord and the loopback LLM's
event stream: the reply appears with its first checked sentence and grows by edits; no request
the bot makes ever carries a sentence the support check dropped, the last edit is the final
answer with its sources and buttons, and 429s slow the edits down without losing the final text."""

from __future__ import annotations

import json
import logging

from bot.answer import DECLINED_LEAD
from bot.discord_app.render import sources_line
from tests.fakes.openai_server import Text
from tests.test_discord_channels import help_world

QUESTION = "How long was the call and was Iran discussed?"
HOUR = "The call lasted about an hour"
IRAN = "They also discussed Iran's nuclear program"
DROPPED = ("agreed to lift all sanctions", "praised Putin")  # what the model says that no fact states


def pieces(fact_id) -> list[str]:
    """The reply as the model streams it: a checked sentence, one the check drops, a checked one,
    one it drops; each piece begins the next sentence, which settles the one before."""
    hour, iran = fact_id("about an hour"), fact_id("as well as Iran’s nuclear")
    return [f"{HOUR} [{hour}]. The", f" leaders agreed to lift all sanctions at once [{hour}]. ",
            f"{IRAN} [{iran}]. Trump", f" praised Putin warmly. [{fact_id('Israeli')}]"]


def paced(fact_id, pace) -> Text:
    parts = pieces(fact_id)
    return Text("".join(parts), chunks=parts, pace=pace)


def sent_to(fake, path: str, *, include_failed: bool = False) -> list:
    """Every message create and edit under `path`, in the order the fake received them."""
    found = (fake.requests_to("POST", path, include_failed=include_failed)
             + fake.requests_to("PATCH", rf"{path}/\d+", include_failed=include_failed))
    return sorted(found, key=lambda r: r.at)


def buttons(message: dict) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


def never_unchecked(fake) -> None:
    """No request of the bot, failed or not, carries a sentence the support check dropped."""
    for request in fake.requests:
        body = json.dumps(request.json, ensure_ascii=False)
        assert not any(phrase in body for phrase in DROPPED), body


async def final_answer(world):
    """The answer the bot gave, as the service remembers it."""
    answer = await world.service.ask(QUESTION)
    assert answer.cached
    return answer


async def test_answer_appears_at_its_first_checked_sentence_and_grows(start_world, fact_id) -> None:
    world = await start_world()
    fake, path = world.discord, rf"/channels/{world.discord.channel_id}/messages"
    seen_while_writing: list[str] = []

    async def pace(i: int) -> None:
        if i == 1:  # the model has written one sentence and begun the next: it is on screen already
            (created,) = await fake.wait_for("POST", path)
            seen_while_writing.append(fake.messages[created.response["id"]]["content"])
        if i == 3:  # and the second checked sentence is edited in before the model goes on
            await fake.wait_for("PATCH", rf"{path}/\d+")

    world.llm.default = paced(fact_id, pace)
    await world.mention(QUESTION)
    (created,) = await world.channel_posts()
    await world.settled()
    assert seen_while_writing == [f"{HOUR} [1]."]
    requests = sent_to(fake, path)
    assert [r.json["content"] for r in requests] == [f"{HOUR} [1].", f"{HOUR} [1]. {IRAN} [2].",
                                                     f"{HOUR} [1]. {IRAN} [2]."]  # the last one adds the buttons
    never_unchecked(fake)
    assert all(r.json["allowed_mentions"] == {"parse": []} for r in requests)

    answer, message = await final_answer(world), fake.messages[created.response["id"]]
    last = requests[-1].json
    assert last["content"] == message["content"] == answer.text
    assert [e["description"] for e in last["embeds"]] == [sources_line(answer.citations)]
    assert message["embeds"][0]["footer"]["text"] == f"brief {answer.brief_version}"
    assert [b.split(":")[1] for b in buttons(message)] == ["quotes", "up", "down"]
    assert not any(r.json.get("components") for r in requests[:-1])  # buttons only with the final answer


async def test_429s_on_create_and_edits_are_waited_out(start_world, fact_id) -> None:
    world = await start_world()
    world.bot.get_cog("AskCog").edit_interval = 0  # every state the bot gets to is sent
    fake, path = world.discord, rf"/channels/{world.discord.channel_id}/messages"
    fake.fail_next("POST", path, retry_after=0.01)
    fake.fail_next("PATCH", rf"{path}/\d+", retry_after=0.01, times=2)

    async def pace(i: int) -> None:
        if i == 1:  # the first sentence got through its 429
            await fake.wait_for("POST", path)
        if i == 3:  # and so did the edit adding the second one
            await fake.wait_for("PATCH", rf"{path}/\d+")

    world.llm.default = paced(fact_id, pace)
    await world.mention(QUESTION)
    (created,) = await world.channel_posts()
    await world.settled()
    statuses = [r.status for r in sent_to(fake, path, include_failed=True)]
    assert statuses == [429, 200, 429, 429, 200, 200]  # create, edit, final edit: each one delivered
    never_unchecked(fake)
    answer = await final_answer(world)
    assert fake.messages[created.response["id"]]["content"] == answer.text == f"{HOUR} [1]. {IRAN} [2]."
    assert buttons(fake.messages[created.response["id"]])


async def test_edits_discord_py_gives_up_on_never_lose_the_final_text(start_world, fact_id, caplog) -> None:
    world = await start_world()
    world.bot.get_cog("AskCog").edit_interval = 0
    fake, path = world.discord, rf"/channels/{world.discord.channel_id}/messages"
    edits = rf"{path}/\d+"

    async def pace(i: int) -> None:
        if i == 1:
            await fake.wait_for("POST", path)
            fake.fail_next("PATCH", edits, retry_after=0.01, times=12)  # discord.py tries each request 5 times
        if i == 3:  # the edit with the second sentence was rate limited 5 times: discord.py gave up on it
            await fake.wait_for("PATCH", edits, count=5, include_failed=True)

    world.llm.default = paced(fact_id, pace)
    with caplog.at_level(logging.WARNING):
        await world.mention(QUESTION)
        (created,) = await world.channel_posts()
        await world.settled()
    assert [r.status for r in fake.requests_to("PATCH", edits, include_failed=True)] == [429] * 12 + [200]
    answer = await final_answer(world)
    message = fake.messages[created.response["id"]]
    assert message["content"] == answer.text == f"{HOUR} [1]. {IRAN} [2]." and buttons(message)
    never_unchecked(fake)
    logged = [r.getMessage() for r in caplog.records if r.name == "bot.discord_app.live"]
    assert any("as it is written" in m for m in logged) and any("trying again" in m for m in logged)


async def test_a_declined_answer_shows_nothing_until_the_labelled_quotes(start_world) -> None:
    world = await start_world()
    world.bot.get_cog("AskCog").edit_interval = 0
    fake, path = world.discord, rf"/channels/{world.discord.channel_id}/messages"
    world.llm.default = Text("I'm sorry, but I can't say anything about Iran. NOT_IN_SOURCES")
    await world.mention("Did they talk about Iran?")
    (created,) = await world.channel_posts()
    await world.settled()
    assert len(world.llm.chat_requests) == 2 and all(r["stream"] for r in world.llm.chat_requests)
    assert sent_to(fake, path) == [created]  # one message, never edited: nothing was shown before it
    assert created.json["content"].startswith(DECLINED_LEAD)


async def test_slash_ask_grows_its_follow_up(start_world, fact_id) -> None:
    world = await start_world()
    world.bot.get_cog("AskCog").edit_interval = 0
    fake = world.discord
    hook = rf"/webhooks/{fake.app_id}/[^/]+"

    async def pace(i: int) -> None:
        if i == 1:
            await fake.wait_for("POST", hook)

    world.llm.default = paced(fact_id, pace)
    await fake.send_interaction("ask", {"question": QUESTION, "private": True})
    (follow_up,) = await world.until(fake.wait_for("POST", hook))
    await world.settled()
    assert follow_up.json["content"] == f"{HOUR} [1]." and follow_up.json["flags"] & 64
    edits = fake.requests_to("PATCH", rf"{hook}/messages/\d+")
    assert edits and all(e.json["content"].startswith(f"{HOUR} [1].") for e in edits)
    never_unchecked(fake)
    answer, message = await final_answer(world), fake.messages[follow_up.response["id"]]
    assert edits[-1].json["content"] == message["content"] == answer.text and buttons(message)


async def test_help_thread_opens_with_the_first_sentence(start_world, fact_id) -> None:
    world, help_channel, asker = await help_world(start_world)
    world.bot.get_cog("AskCog").edit_interval = 0
    fake = world.discord
    first: list[str] = []

    async def pace(i: int) -> None:
        if i == 1:  # the thread is open, with the first sentence in it
            (created,) = await fake.wait_for("POST", rf"/channels/{question['id']}/messages")
            first.append(created.json["content"])

    world.llm.default = paced(fact_id, pace)
    question = await fake.send_message(QUESTION, channel_id=help_channel, author=asker)
    (opened,) = await world.until(fake.wait_for("POST", rf"/channels/{help_channel}/messages/{question['id']}/threads"))
    await world.settled()
    assert opened.json["name"] == QUESTION and first == [f"{HOUR} [1]."]
    (created,) = fake.requests_to("POST", rf"/channels/{question['id']}/messages")  # one message, in the thread
    never_unchecked(fake)
    assert fake.messages[created.response["id"]]["content"] == (await final_answer(world)).text
