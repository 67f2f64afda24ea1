"""Where the bot answers without a mention, through the loopback Discord: help channels (a thread per
question, follow-ups in it, quiet once a moderator posts), forum posts, the Message Content intent
and its fallback; never other bots or itself; the same question again gets a link."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import discord

from bot.discord_app.recent import RecentAnswers
from tests.fakes import discord_payloads as payloads
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.openai_server import Text

CONTENT_INTENT = discord.Intents(message_content=True).value


def cited(fact_id, phrase: str, sentence: str) -> Text:
    return Text(f"{sentence} [{fact_id(phrase)}].")


def posts_in(fake: FakeDiscord, channel_id: str) -> list:
    return fake.requests_to("POST", rf"/channels/{channel_id}/messages")


async def help_world(start_world, **settings):
    fake = FakeDiscord()
    help_channel = fake.add_channel("help")
    asker = fake.make_user("asker")  # not the guild owner, who is a moderator everywhere
    world = await start_world(fake=fake, help_channel_ids=[int(help_channel)], **settings)
    return world, help_channel, asker


async def test_help_channel_opens_a_thread_per_question(start_world, fact_id) -> None:
    world, help_channel, asker = await help_world(start_world)
    fake = world.discord
    assert fake.identifies[0]["intents"] & CONTENT_INTENT
    world.llm.queue(cited(fact_id, "about an hour", "The call lasted about an hour"),
                    cited(fact_id, "as well as Iran’s nuclear", "The leaders discussed Iran's nuclear program"))
    question = await fake.send_message("How long was the call?", channel_id=help_channel, author=asker)
    (opened,) = await world.until(fake.wait_for("POST", rf"/channels/{help_channel}/messages/{question['id']}/threads"))
    assert opened.json["name"] == "How long was the call?"
    thread = question["id"]  # a thread started on a message takes its id
    (answer,) = await world.until(fake.wait_for("POST", rf"/channels/{thread}/messages"))
    assert answer.json["content"] == "The call lasted about an hour [1]." and answer.json["embeds"]
    assert posts_in(fake, help_channel) == []  # nothing in the channel itself

    follow_up = await fake.send_message("And did they discuss Iran?", channel_id=thread, author=asker)  # no mention
    second = (await world.until(fake.wait_for("POST", rf"/channels/{thread}/messages", count=2)))[1]
    assert "Iran's nuclear program [1]" in second.json["content"]
    assert str(second.json["message_reference"]["message_id"]) == follow_up["id"]
    messages = world.llm.chat_requests[-1]["messages"]  # the thread is the conversation
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[1]["content"] == "Question: How long was the call?"
    assert messages[2]["content"].startswith("The call lasted about an hour")


async def test_a_thread_goes_quiet_once_a_moderator_posts_even_after_a_restart(start_world, fact_id) -> None:
    world, help_channel, asker = await help_world(start_world)
    fake = world.discord
    world.llm.default = cited(fact_id, "about an hour", "The call lasted about an hour")
    question = await fake.send_message("How long was the call?", channel_id=help_channel, author=asker)
    thread = question["id"]
    await world.until(fake.wait_for("POST", rf"/channels/{thread}/messages"))
    moderator = fake.make_user("moderator")
    await fake.send_message("I'll take this one.", channel_id=thread, author=moderator,
                            roles=[fake.moderator_role["id"]])
    await world.settled()  # (messages are handled concurrently: the next one comes after this one's)
    await fake.send_message("Was it really an hour?", channel_id=thread, author=asker)
    await world.settled()
    assert len(posts_in(fake, thread)) == 1 and len(world.llm.chat_requests) == 1

    world = await start_world.restart(world)  # the thread is still quiet after a restart
    await fake.send_message("Hello? Was it an hour?", channel_id=thread, author=asker)
    await world.settled()
    assert len(posts_in(fake, thread)) == 1
    await world.mention("How long was the call, please?", channel_id=thread, author=asker)  # a mention still works
    assert len(await world.until(fake.wait_for("POST", rf"/channels/{thread}/messages", count=2))) == 2


async def test_help_channel_in_reply_mode(start_world, fact_id) -> None:
    world, help_channel, asker = await help_world(start_world, help_reply_mode="reply")
    world.llm.default = cited(fact_id, "about an hour", "The call lasted about an hour")
    question = await world.discord.send_message("How long was the call?", channel_id=help_channel, author=asker)
    (answer,) = await world.until(world.discord.wait_for("POST", rf"/channels/{help_channel}/messages"))
    assert str(answer.json["message_reference"]["message_id"]) == question["id"]
    assert world.discord.requests_to("POST", r"/channels/\d+/messages/\d+/threads") == []


async def test_forum_posts_are_answered_in_the_post(start_world, fact_id) -> None:
    fake = FakeDiscord()
    forum = fake.add_channel("questions", payloads.FORUM)
    asker = fake.make_user("asker")
    world = await start_world(fake=fake, forum_channel_ids=[int(forum)])
    assert fake.identifies[0]["intents"] & CONTENT_INTENT
    world.llm.default = cited(fact_id, "about an hour", "The call lasted about an hour")
    post, _ = await fake.create_forum_post(forum, "Call length", "How long was the call?", author=asker)
    (answer,) = await world.until(fake.wait_for("POST", rf"/channels/{post['id']}/messages"))
    assert answer.json["content"] == "The call lasted about an hour [1]." and answer.json["components"]
    await fake.send_message("thanks!", channel_id=post["id"], author=asker)  # not the post: needs a mention
    await world.settled()
    assert len(posts_in(fake, post["id"])) == 1 and len(world.llm.chat_requests) == 1


async def test_never_answers_other_bots_or_itself(start_world, fact_id) -> None:
    world, help_channel, asker = await help_world(start_world)
    fake = world.discord
    world.llm.default = cited(fact_id, "about an hour", "The call lasted about an hour")
    other_bot = fake.make_user("otherbot", bot=True)
    await fake.send_message(f"<@{fake.app_id}> How long was the call?", author=other_bot)
    await fake.send_message("How long was the call?", channel_id=help_channel, author=other_bot)
    await fake.send_message("How long was the call?", channel_id=help_channel, author=fake.bot_user)
    await world.settled()
    assert world.llm.chat_requests == [] and fake.requests_to("POST", r"/channels/\d+/messages.*") == []
    await fake.send_message("How long was the call?", channel_id=help_channel, author=asker)
    await world.until(fake.wait_for("POST", r"/channels/\d+/messages/\d+/threads"))


async def test_without_the_content_intent_help_channels_fall_back_to_mentions(start_world, fact_id,
                                                                             caplog) -> None:
    fake = FakeDiscord()
    fake.message_content_granted = False
    help_channel = fake.add_channel("help")
    asker = fake.make_user("asker")
    with caplog.at_level(logging.WARNING, logger="bot.discord_app.client"):
        world = await start_world(fake=fake, help_channel_ids=[int(help_channel)])
    assert [i["intents"] & CONTENT_INTENT for i in fake.identifies] == [CONTENT_INTENT, 0]
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.discord_app.client"]
    assert len(warnings) == 1 and "fall back to answering mentions" in warnings[0]
    world.llm.default = cited(fact_id, "about an hour", "The call lasted about an hour")
    await fake.send_message("How long was the call?", channel_id=help_channel, author=asker)  # arrives empty
    await world.settled()
    assert world.llm.chat_requests == []
    question = await world.mention("How long was the call?", channel_id=help_channel, author=asker)
    await world.until(fake.wait_for("POST", rf"/channels/{question['id']}/messages"))  # in its thread


async def test_the_same_question_again_gets_a_link_to_the_answer(start_world, fact_id) -> None:
    world = await start_world()
    fake = world.discord
    world.llm.default = cited(fact_id, "about an hour", "The call lasted about an hour")
    await world.mention("How long was the call?")
    (first,) = await world.channel_posts()
    await world.settled()  # the answer is sent and remembered
    await world.mention("how long was the call")  # the same question, as the cache sees it
    second = (await world.channel_posts(2))[1]
    url = f"https://discord.com/channels/{fake.guild_id}/{fake.channel_id}/{first.response['id']}"
    assert second.json["content"] == f"That was just asked here; the answer is {url}"
    assert len(world.llm.chat_requests) == 1 and not second.json.get("components")
    other = fake.add_channel("elsewhere")
    await fake.dispatch("CHANNEL_CREATE", fake.channel_payload(other))
    await world.mention("How long was the call?", channel_id=other)  # another channel: answered there
    (elsewhere,) = await world.until(fake.wait_for("POST", rf"/channels/{other}/messages"))
    assert elsewhere.json["content"] == "The call lasted about an hour [1]."


def test_recent_answers_expire_and_follow_the_brief() -> None:
    now = [0.0]
    recent = RecentAnswers(300, clock=lambda: now[0], per_channel=2)
    recent.remember(1, "how long", "v1", "url-1")
    assert recent.get(1, "how long", "v1") == "url-1"
    assert recent.get(1, "how long", "v2") is None  # after a reload the question is answered anew
    assert recent.get(2, "how long", "v1") is None  # per channel
    now[0] = 301
    assert recent.get(1, "how long", "v1") is None
    for q in ("a", "b", "c"):
        recent.remember(1, q, "v1", q)
    assert recent.get(1, "a", "v1") is None and recent.get(1, "c", "v1") == "c"  # bounded
    assert RecentAnswers(0).get(1, "x", "v1") is None


async def test_help_names_the_event_of_the_manifest(start_world, seeds_dir: Path) -> None:
    manifest = seeds_dir / "sources.toml"
    text = re.sub(r'(?m)^name = ".*"$', 'name = "the summit in Helsinki"', manifest.read_text(encoding="utf-8"),
                  count=1)
    manifest.write_text(text, encoding="utf-8")
    world = await start_world()
    await world.discord.send_interaction("help")
    help_text = (await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback")))[0].json
    content = help_text["data"]["content"]
    assert "about the summit in Helsinki, only from the 5 news articles" in content
    assert "Trump" not in content and "2017" not in content
