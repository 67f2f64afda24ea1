"""How answers look on Discord and what their buttons do, through the loopback Discord.

An answer is its text with [n] markers, one compact sources line in an embed (brief version in the
footer) and the buttons Quotes/Sources, 👍, 👎, whose custom_ids carry the answer id; the quotes
come from the store, so a click works after a restart, and says which source changed after a reload.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.answer import REFUSAL_TEXT
from tests.fakes import discord_payloads as payloads
from tests.fakes.openai_server import Error, Text

F55 = "The two leaders also discussed the Israeli-Palestinian conflict as well as Iran’s nuclear program."
F34 = ("On Saturday night, Russian President Vladimir Putin and US President Donald Trump held their first telephone "
       "conversation, which lasted about an hour.")
RT_FILE = "002_d3f45d4444175cef.txt"


def buttons(message: dict) -> dict[str, dict]:
    return {c["custom_id"]: c for row in message.get("components", []) for c in row["components"]}


def two_sources(fact_id) -> Text:
    return Text(f"The leaders discussed Iran's nuclear program [{fact_id('as well as Iran’s nuclear')}]. "
                f"The call lasted about an hour [{fact_id('about an hour')}].")


async def ask(world, question: str = "Was Iran discussed and how long did the call last?") -> dict:
    """Mention the bot with a question; the answer message as the fake has it once the bot is done
    (an answer in the model's words is posted at its first checked sentence, then edited)."""
    before = len(world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages"))
    await world.mention(question)
    posted = (await world.channel_posts(before + 1))[-1].response
    await world.settled()
    return world.discord.messages[posted["id"]]


async def test_answer_is_text_one_sources_line_and_buttons(start_world, fact_id, seeds_dir: Path) -> None:
    manifest = seeds_dir / "sources.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        f'file = "{RT_FILE}"', f'file = "{RT_FILE}"\nurl = "https://example.org/rt-call"'), encoding="utf-8")
    world = await start_world()
    world.llm.default = two_sources(fact_id)
    answer = await ask(world)
    assert answer["content"] == "The leaders discussed Iran's nuclear program [1]. The call lasted about an hour [2]."
    (embed,) = answer["embeds"]
    assert embed["description"] == "[1] RT, 29 Jan · [2] SouthFront, 29 Jan"
    assert embed["footer"]["text"] == f"brief {world.service.knowledge.version}"
    ids = list(buttons(answer))
    answer_id = ids[0].rsplit(":", 1)[1]
    assert ids == [f"callbot:quotes:{answer_id}", f"callbot:up:{answer_id}", f"callbot:down:{answer_id}"]
    assert buttons(answer)[ids[0]]["label"] == "Quotes"
    assert F55 not in answer["content"]  # the quotes are one click away, not in the message

    click = await world.click(answer, "quotes")
    reply = (await world.response_to(click)).json
    assert reply["type"] == 4 and reply["data"]["flags"] & payloads.EPHEMERAL  # only the clicker sees it
    text = reply["data"]["content"]
    assert "**[1] RT, republished by SyrianFreePress**" in text and "29 Jan 2017" in text
    assert "<https://example.org/rt-call>" in text  # the manifest's URL, without a preview
    assert F55 in text and F34 in text  # verbatim
    assert "Putin and Trump hold their first phone conversation" in text  # the article's title
    assert reply["data"]["allowed_mentions"] == {"parse": []} and len(text) <= 2000


async def test_answer_given_as_quotes_is_not_quoted_twice(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = Error(503)  # the fallback: the closest quotes, labelled
    answer = await ask(world, "How long was the call?")
    assert answer["content"].startswith("The language model was unavailable")
    quotes_button = next(b for cid, b in buttons(answer).items() if cid.startswith("callbot:quotes:"))
    assert quotes_button["label"] == "Sources"
    reply = (await world.response_to(await world.click(answer, "quotes"))).json["data"]["content"]
    assert reply.startswith("The answer quotes these articles:")
    assert "SouthFront" in reply and "about an hour" not in reply  # the articles, not the quotes again


async def test_offline_engine_answers_get_the_sources_button(start_world) -> None:
    world = await start_world(openai_base_url=None, openai_api_key=None)
    assert world.service.engine_name == "offline"
    answer = await ask(world, "How long was the call?")
    assert "about an hour" in answer["content"] and answer["embeds"]
    assert [b.get("label") for b in buttons(answer).values()] == ["Sources", None, None]


async def test_refusal_is_plain_text_with_only_feedback_buttons(start_world) -> None:
    world = await start_world()
    world.llm.default = Text("NOT_IN_SOURCES")
    answer = await ask(world, "What did they say about the weather in Sochi?")
    assert answer["content"] == REFUSAL_TEXT and answer["embeds"] == []
    assert [cid.split(":")[1] for cid in buttons(answer)] == ["up", "down"]


async def test_buttons_work_after_a_restart(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = two_sources(fact_id)
    answer = await ask(world)
    world = await start_world.restart(world)  # a new process: nothing of the answer is in memory
    reply = (await world.response_to(await world.click(answer, "quotes"))).json["data"]
    assert F55 in reply["content"] and reply["flags"] & payloads.EPHEMERAL
    vote = (await world.response_to(await world.click(answer, "up"))).json["data"]
    assert vote["content"].startswith("Thanks") and vote["flags"] & payloads.EPHEMERAL
    report = await world.bot.store.report(1, world.bot.clock())
    assert report.votes == (1, 0)


async def test_quotes_after_a_reload_say_which_source_changed(start_world, fact_id, seeds_dir: Path) -> None:
    world = await start_world()
    world.llm.default = two_sources(fact_id)
    answer = await ask(world)
    old_version = world.service.knowledge.version
    article = seeds_dir / RT_FILE
    article.write_text(article.read_text(encoding="utf-8").replace("Iran’s nuclear program", "Iran’s oil exports"),
                       encoding="utf-8")
    reload = await world.discord.send_interaction("reload", permissions=payloads.ADMINISTRATOR)
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/{reload['token']}"))
    assert world.service.knowledge.version != old_version
    text = (await world.response_to(await world.click(answer, "quotes"))).json["data"]["content"]
    rt, southfront = text.split("**[2]")
    assert "RT, republished by SyrianFreePress" in rt and "has changed since the answer was given" in rt
    assert "Iran’s nuclear program" not in text  # no stale quote
    assert F34 in southfront and "changed" not in southfront  # an unchanged article is still quoted


async def test_quotes_after_a_reload_say_which_source_was_removed(start_world, fact_id, seeds_dir: Path) -> None:
    world = await start_world()
    world.llm.default = two_sources(fact_id)
    answer = await ask(world)
    manifest = seeds_dir / "sources.toml"
    blocks = re.split(r"(?=\n\[\[source\]\])", manifest.read_text(encoding="utf-8"))
    manifest.write_text("".join(b for b in blocks if RT_FILE not in b), encoding="utf-8")
    (seeds_dir / RT_FILE).unlink()
    reload = await world.discord.send_interaction("reload", permissions=payloads.ADMINISTRATOR)
    follow = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/{reload['token']}"))
    assert f"removed: {RT_FILE}" in follow[0].json["content"]
    text = (await world.response_to(await world.click(answer, "quotes"))).json["data"]["content"]
    assert "was removed from the sources" in text and F55 not in text and F34 in text


async def test_every_answer_is_logged_with_a_hashed_user(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = two_sources(fact_id)
    answer = await ask(world)
    await world.discord.send_interaction("ask", {"question": "Was Iran discussed, and how long did the call last?",
                                                 "private": True})
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    await world.settled()
    rows = (await world.bot.store.report(1, world.bot.clock())).rows
    answer_id = next(iter(buttons(answer))).rsplit(":", 1)[1]
    assert len(rows) == 2 and rows[0].answer_id == answer_id
    assert all(r.status == "answered" and r.channel_id == int(world.discord.channel_id) for r in rows)
    owner = world.discord.owner["id"]
    db = world.bot.store.path
    stored = b"".join(f.read_bytes() for f in db.parent.glob(f"{db.name}*"))
    assert owner.encode() not in stored and int(owner).to_bytes(8, "big") not in stored
    assert world.bot.store.user_hash(owner).encode() in stored
