"""The unmodified bot against the loopback Discord, with the loopback LLM behind the service."""

from __future__ import annotations

import discord
import pytest

from bot.config import load_settings
from bot.service import Service
from tests.fakes import discord_payloads as payloads
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.openai_server import Error, Text

from .conftest import PROMPTS

COMMANDS = {"ask", "sources", "help", "reload", "status", "report", "summary", "timeline", "forget-me"}


def _cited(fact_id, phrase: str, sentence: str) -> Text:
    return Text(f"{sentence} [{fact_id(phrase)}].")


async def test_login_and_command_sync(start_world) -> None:
    world = await start_world()
    fake = world.discord
    calls = [(r.method, r.path) for r in fake.requests][:3]
    assert calls == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me"),
                     ("PUT", f"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands")]
    synced = {c["name"]: c for c in fake.requests[2].json}
    assert set(synced) == COMMANDS
    for admin in ("reload", "status", "report"):
        assert str(synced[admin]["default_member_permissions"]) == "32"  # Manage Server
    assert synced["forget-me"].get("default_member_permissions") is None
    assert all("Trump" not in c["description"] and "2017" not in c["description"] for c in synced.values())
    assert [o["name"] for o in synced["ask"]["options"]] == ["question", "private"]
    intents = fake.identifies[0]["intents"]
    assert intents == discord.Intents(guilds=True, guild_messages=True, dm_messages=True).value


async def test_mention_gets_a_cited_reply_that_pings_nobody(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = _cited(fact_id, "as well as Iran’s nuclear", "The leaders discussed Iran's nuclear program")
    question = await world.mention("did they talk about Iran?")
    (post,) = await world.channel_posts()
    body = post.json
    assert body["allowed_mentions"] == {"parse": []}  # set once on the client: no replied_user ping either
    assert str(body["message_reference"]["message_id"]) == question["id"]
    assert body["content"] == "The leaders discussed Iran's nuclear program [1]."
    (embed,) = body["embeds"]
    assert embed["description"] == "[1] RT, 29 Jan"
    assert embed["footer"]["text"] == f"brief {world.service.knowledge.version}"
    assert world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/typing")
    sent = world.llm.chat_requests[-1]["messages"][-1]["content"]
    assert "Question: did they talk about Iran?\n\n" in sent


def _questions_asked(world) -> set[str]:
    """The distinct questions that reached the model (a refusal is followed by one nudge)."""
    return {r["messages"][1]["content"] for r in world.llm.chat_requests}


async def test_messages_not_addressed_to_the_bot_are_ignored(start_world) -> None:
    world = await start_world()
    await world.discord.send_message("just chatting about Iran")
    await world.discord.send_message("@everyone did they talk about Iran?", mention_everyone=True)
    await world.mention("did they talk about Ukraine, to be sure it is alive?")
    posts = await world.channel_posts()
    assert len(posts) == 1 and len(_questions_asked(world)) == 1


async def test_reply_chain_carries_history(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.queue(
        _cited(fact_id, "naive expectations", "Lavrov said Russia has no naive expectations"),
        _cited(fact_id, "display of mutual respect", "Lavrov said the call was a display of mutual respect"),
    )
    first = await world.mention("What did Lavrov say about expectations?")
    await world.channel_posts()
    answer_msg = world.discord.created_messages[-1]
    assert str(answer_msg["message_reference"]["message_id"]) == first["id"]
    await world.discord.send_message("and about the call itself?", referenced_message=answer_msg["id"])
    await world.channel_posts(2)
    messages = world.llm.chat_requests[-1]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert "What did Lavrov say about expectations?" in messages[1]["content"]
    assert messages[2]["content"].startswith("Lavrov said Russia has no naive expectations")
    assert "Sources" not in messages[2]["content"]
    assert "Question: and about the call itself?\n\n" in messages[3]["content"]


async def test_slash_ask_defers_then_follows_up(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = _cited(fact_id, "about an hour", "The call lasted about an hour")
    inter = await world.discord.send_interaction("ask", {"question": "How long was the call?"})
    callback = await world.until(world.discord.wait_for("POST", rf"/interactions/{inter['id']}/.+/callback"))
    assert callback[0].json["type"] == 5 and not callback[0].json.get("data", {}).get("flags")
    follow = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    assert "The call lasted about an hour [1]." in follow[0].json["content"]
    assert follow[0].json["allowed_mentions"]["parse"] == []
    assert not (follow[0].json.get("flags", 0) & 64)


async def test_private_ask_is_ephemeral(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = _cited(fact_id, "about an hour", "The call lasted about an hour")
    await world.discord.send_interaction("ask", {"question": "How long was the call?", "private": True})
    callback = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback"))
    assert callback[0].json["data"]["flags"] & 64
    follow = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    assert follow[0].json["flags"] & 64


async def test_sources_and_help(start_world) -> None:
    world = await start_world()
    await world.discord.send_interaction("sources")
    await world.discord.send_interaction("help")
    replies = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback", count=2))
    texts = [r.json["data"]["content"] for r in replies]
    assert "SouthFront" in texts[0] and "27 Jan 2017 (preview)" in texts[0]
    assert "/ask" in texts[1] and all(r.json["data"]["flags"] & 64 for r in replies)


async def test_admin_commands_for_admins_and_refused_to_others(start_world, seeds_dir) -> None:
    world = await start_world()
    await world.discord.send_interaction("status", permissions=payloads.ADMINISTRATOR)
    await world.discord.send_interaction("reload", permissions=str(1 << 5))  # Manage Server
    await world.discord.send_interaction("status")  # @everyone permissions: crafted past Discord's gate
    await world.discord.send_interaction("reload")
    callbacks = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback", count=4))
    status = next(r for r in callbacks if "engine:" in r.json.get("data", {}).get("content", ""))
    assert "brief:" in status.json["data"]["content"] and "fallbacks" in status.json["data"]["content"]
    refused = [r for r in callbacks if "Manage Server" in r.json.get("data", {}).get("content", "")]
    assert len(refused) == 2 and all(r.json["data"]["flags"] & 64 for r in refused)
    follow = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    assert follow[0].json["content"].startswith("Reloaded: brief")


async def test_admin_user_ids_setting_grants_admin(start_world) -> None:
    world = await start_world()
    world.bot.settings.admin_user_ids.append(int(world.discord.owner["id"]))
    await world.discord.send_interaction("status")
    (callback,) = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback"))
    assert "engine:" in callback.json["data"]["content"]


async def test_reload_with_a_broken_manifest_shows_the_error(start_world, seeds_dir, fact_id) -> None:
    world = await start_world()
    old = world.service.knowledge.version
    (seeds_dir / "sources.toml").write_text("[[source]]\nfile = 'gone.txt'\n", encoding="utf-8")
    await world.discord.send_interaction("reload", permissions=payloads.ADMINISTRATOR)
    follow = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    assert "Reload failed; still serving brief" in follow[0].json["content"] and old in follow[0].json["content"]
    world.llm.default = _cited(fact_id, "about an hour", "The call lasted about an hour")
    await world.mention("How long was the call?")
    (post,) = await world.channel_posts()
    assert "about an hour" in post.json["content"] and world.service.knowledge.version == old


async def test_long_answer_is_split_under_2000_characters(start_world, fact_id) -> None:
    world = await start_world()
    sentence = f"The call lasted about an hour [{fact_id('about an hour')}]. "
    world.llm.default = Text(sentence * 60)
    question = await world.mention("How long was the call?")
    await world.channel_posts(2)
    await world.settled()  # every chunk is posted now (and every part shown while it was written, edited)
    channel = rf"/channels/{world.discord.channel_id}/messages"
    sent = world.discord.requests_to("POST", channel) + world.discord.requests_to("PATCH", rf"{channel}/\d+")
    assert all(len(r.json["content"]) <= 2000 and r.json["allowed_mentions"]["parse"] == [] for r in sent)
    parts = [world.discord.messages[p.response["id"]] for p in world.discord.requests_to("POST", channel)]
    contents = [m["content"] for m in parts]
    assert len(contents) >= 2 and all(len(c) <= 2000 for c in contents)
    assert all(c.count("[") == c.count("]") for c in contents)  # no citation cut in half
    assert all(m["message_reference"]["message_id"] == question["id"] for m in parts)  # each part replies to it
    assert [bool(m.get("embeds")) for m in parts] == [False] * (len(parts) - 1) + [True]  # sources, buttons last
    assert [bool(m.get("components")) for m in parts] == [False] * (len(parts) - 1) + [True]


async def test_everyone_in_a_question_pings_nobody(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = Text(f"Iran was discussed, @everyone [{fact_id('Iran’s nuclear')}].")
    await world.mention("@everyone @here <@&123456789012345678> did they talk about Iran?")
    (post,) = await world.channel_posts()
    assert post.json["allowed_mentions"]["parse"] == []
    assert "@everyone" not in post.json["content"].replace("@\u200beveryone", "")
    assert "Question: did they talk about Iran?\n\n" in world.llm.chat_requests[0]["messages"][-1]["content"]


async def test_cooldown(start_world) -> None:
    world = await start_world(cooldown_questions=2, cooldown_seconds=3600)  # no machine is that slow
    world.llm.default = Text("NOT_IN_SOURCES")
    for word in ("so", "really", "again"):
        await world.mention(f"did they talk about Iran {word}?")
    posts = await world.channel_posts(3)
    waits = [p for p in posts if "please wait" in p.json["content"]]
    assert len(waits) == 1 and len(_questions_asked(world)) == 2
    await world.discord.send_interaction("ask", {"question": "one more?"})
    (callback,) = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback"))
    assert "please wait" in callback.json["data"]["content"] and callback.json["data"]["flags"] & 64


async def test_fifty_concurrent_questions_each_answered_once(start_world, fact_id) -> None:
    world = await start_world(repeat_window_seconds=0)  # each asker gets the answer, not a link to another
    world.llm.default = Text(f"The call lasted about an hour [{fact_id('about an hour')}].", delay=0.05)
    questions = []
    for _ in range(25):
        questions.append(await world.mention("How long was the call?"))
        await world.discord.send_interaction("ask", {"question": "how long was the call"})
    await world.channel_posts(25)
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+", count=25))
    await world.settled()  # anything extra (a doubled reply) is here now
    posts = world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages")
    follows = world.discord.requests_to("POST", rf"/webhooks/{world.discord.app_id}/.+")
    assert len(posts) == 25 and len(follows) == 25
    replied_to = sorted(str(p.json["message_reference"]["message_id"]) for p in posts)
    assert replied_to == sorted(q["id"] for q in questions)
    assert all("about an hour" in r.json["content"] for r in [*posts, *follows])
    assert len(world.llm.chat_requests) < 50  # identical questions in flight share calls


async def test_resume_after_reconnect_keeps_answering(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = _cited(fact_id, "about an hour", "The call lasted about an hour")
    await world.discord.send_reconnect()
    await world.until(world.discord.wait_gateway(6))
    resume = world.discord.resumes[0]
    assert resume["session_id"] == world.discord.session_id
    await world.mention("How long was the call?")
    (post,) = await world.channel_posts()
    assert "about an hour" in post.json["content"] and len(world.discord.identifies) == 1


async def test_429_on_message_create_is_retried(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = _cited(fact_id, "about an hour", "The call lasted about an hour")
    world.discord.fail_next("POST", rf"/channels/{world.discord.channel_id}/messages", status=429, retry_after=0.05)
    await world.mention("How long was the call?")
    (post,) = await world.channel_posts()
    statuses = [r.status for r in world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages",
                                                             include_failed=True)]
    assert statuses == [429, 200] and "about an hour" in post.json["content"]


async def test_llm_failing_mid_run_gives_labelled_fallbacks(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.queue(_cited(fact_id, "about an hour", "The call lasted about an hour"))
    world.llm.default = Error(503)
    await world.mention("How long was the call?")
    await world.mention("Did they talk about Iran?")
    first, second = await world.channel_posts(2)
    assert "The call lasted about an hour [1]." in first.json["content"]
    assert second.json["content"].startswith("The language model was unavailable")
    assert "Iran" in second.json["content"] and world.service.stats.fallbacks == 1


async def test_global_sync_without_a_dev_guild(start_world) -> None:
    world = await start_world(dev_guild_id=None)
    puts = world.discord.requests_to("PUT", rf"/applications/{world.discord.app_id}/commands")
    assert puts and {c["name"] for c in puts[0].json} == COMMANDS


async def test_direct_messages_answered_unless_turned_off(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = _cited(fact_id, "about an hour", "The call lasted about an hour")
    await world.discord.send_message("How long was the call?", guild=False)
    dm = world.discord.dm_channel_id(world.discord.owner)
    (reply,) = await world.until(world.discord.wait_for("POST", rf"/channels/{dm}/messages"))
    assert "about an hour" in reply.json["content"]
    world.bot.settings.allow_dms = False
    await world.discord.send_message("And who called whom?", guild=False)
    await world.mention("ping")  # the guild mention is answered; the DM is not
    await world.channel_posts()
    assert len(world.discord.requests_to("POST", rf"/channels/{dm}/messages")) == 1


async def test_rejected_token_is_one_clear_line(seeds_dir) -> None:
    from bot.discord_app.client import run_discord
    from bot.errors import CallbotError

    async with FakeDiscord() as fake:
        restore = fake.point_discord_py_here()
        fake.fail_next("GET", "/users/@me", status=401)
        settings = load_settings(seeds_dir=seeds_dir, prompts_dir=PROMPTS, discord_token="bad-token",
                                 discord_api_base=fake.api_base, discord_gateway_url=fake.gateway_url)
        with pytest.raises(CallbotError, match="Discord rejected DISCORD_TOKEN"):
            await run_discord(settings, Service.from_settings(settings))
        restore()


def test_run_without_token_is_one_line(seeds_dir) -> None:
    import subprocess
    import sys

    from .conftest import REPO

    env = {"SEEDS_DIR": str(seeds_dir), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "bot", "run"], capture_output=True, text=True, cwd=REPO, env=env,
                         timeout=60)
    assert out.returncode == 2 and out.stderr.strip() == (
        "callbot: DISCORD_TOKEN is not set; put it in .env or the environment (see README)."
    )
