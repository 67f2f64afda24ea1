"""The fake Discord server drives an unmodified discord.py 2.7.1 ``commands.Bot`` end to end."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Awaitable
from typing import Any, TypeVar

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakes import HANG
from tests.fakes.discord_server import FakeDiscord

INTENTS = discord.Intents(guilds=True, guild_messages=True, dm_messages=True)
T = TypeVar("T")
NO_PINGS = discord.AllowedMentions.none()


def make_bot(fake: FakeDiscord) -> commands.Bot:
    """A tiny bot: replies to mentions and DMs, and has one guild slash command."""
    bot = commands.Bot(command_prefix=commands.when_mentioned, intents=INTENTS, guild_ready_timeout=0.1,
                       enable_debug_events=True)  # socket_event_type: see caught_up
    guild = discord.Object(int(fake.guild_id))

    @bot.tree.command(name="ask", description="Ask a question", guild=guild)
    @app_commands.describe(question="What to ask", private="Answer only to you")
    async def ask(interaction: discord.Interaction, question: str, private: bool = False) -> None:
        if question == "upload":  # respond at once, edit @original, follow up with a file
            await interaction.response.send_message("working")
            await interaction.edit_original_response(content="done")
            await interaction.followup.send("here", file=discord.File(io.BytesIO(b"data"), "notes.txt"))
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        await interaction.followup.send(f"answer: {question}", ephemeral=private)

    @bot.event
    async def on_message(message: discord.Message) -> None:
        assert bot.user is not None
        if message.author.bot:
            return
        if message.guild is None and message.reference and message.reference.message_id:
            earlier = await message.channel.fetch_message(message.reference.message_id)
            await message.reply(f"you said: {earlier.content}", allowed_mentions=NO_PINGS)
        elif message.guild is None or bot.user.mentioned_in(message):
            await message.reply("pong", allowed_mentions=NO_PINGS)

    async def setup_hook() -> None:
        await bot.tree.sync(guild=guild)

    async def before_identify_hook(shard_id: int | None, *, initial: bool = False) -> None:
        """discord.py sleeps 5 s before every non-initial IDENTIFY; skip that in tests."""

    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    bot.before_identify_hook = before_identify_hook  # type: ignore[method-assign]
    return bot


async def until(task: asyncio.Task[None], awaitable: Awaitable[T], timeout: float = HANG) -> T:
    """Await ``awaitable`` but fail fast (with its exception) if ``bot.start()`` ends first."""
    waiter = asyncio.ensure_future(awaitable)
    done, _ = await asyncio.wait({task, waiter}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if waiter not in done:
        waiter.cancel()
        if task in done:
            task.result()
            raise AssertionError("bot.start() returned early")
        raise AssertionError("timed out")
    return waiter.result()


async def caught_up(client: commands.Bot, fake: FakeDiscord) -> None:
    """Wait until the client has read every gateway event the fake has sent."""
    while getattr(client.ws, "sequence", None) != fake.last_seq:
        await client.wait_for("socket_event_type")


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        server.point_discord_py_here()  # undone by stop()
        yield server
    assert discord.http.Route.BASE == "https://discord.com/api/v10"


@pytest.fixture
async def bot(fake: FakeDiscord) -> AsyncIterator[tuple[commands.Bot, asyncio.Task[None]]]:
    client = make_bot(fake)
    task = asyncio.create_task(client.start("fake-token"))
    await until(task, fake.wait_ready())
    await until(task, client.wait_until_ready())
    await until(task, caught_up(client, fake))  # GUILD_CREATE read too, even if on_ready fired first
    yield client, task
    await client.close()
    await asyncio.wait_for(task, HANG)
    assert fake.unexpected == []


async def mention_and_get_reply(fake: FakeDiscord, task: asyncio.Task[None], count: int = 1) -> Any:
    sent = await fake.send_message(f"<@{fake.app_id}> hello")
    posts = await until(task, fake.wait_for("POST", rf"/channels/{fake.channel_id}/messages", count=count))
    return sent, posts[-1]


async def test_login_ready_and_guild_command_sync(fake: FakeDiscord, bot: Any) -> None:
    client, _ = bot
    calls = [(r.method, r.path) for r in fake.requests]
    assert calls[:3] == [
        ("GET", "/users/@me"),
        ("GET", "/oauth2/applications/@me"),
        ("PUT", f"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands"),
    ]
    assert fake.requests[0].headers["Authorization"] == "Bot fake-token"
    (synced,) = fake.requests[2].json
    assert synced["name"] == "ask" and [o["name"] for o in synced["options"]] == ["question", "private"]
    assert fake.commands[fake.guild_id][0]["id"]
    assert [i["intents"] for i in fake.identifies] == [INTENTS.value]
    assert fake.gateway_queries[0]["v"] == "10" and fake.gateway_queries[0]["encoding"] == "json"
    assert client.user is not None and client.user.id == int(fake.app_id)
    guild = client.get_guild(int(fake.guild_id))
    assert guild is not None and guild.get_channel(int(fake.channel_id)) is not None
    assert guild.member_count == 2 and guild.me is not None  # without the members intent only `me` is cached


async def test_mention_gets_reply_without_pings(fake: FakeDiscord, bot: Any) -> None:
    _, task = bot
    await fake.send_message("no mention here, ignored")
    sent, post = await mention_and_get_reply(fake, task)
    assert post.json["content"] == "pong"
    assert post.json["allowed_mentions"]["parse"] == []
    assert str(post.json["message_reference"]["message_id"]) == sent["id"]  # discord.py sends int ids
    assert len(fake.created_messages) == 1
    assert fake.created_messages[0]["referenced_message"]["id"] == sent["id"]


async def test_dm_reply_chain_fetches_referenced_message(fake: FakeDiscord, bot: Any) -> None:
    _, task = bot
    first = await fake.send_message("remember me", guild=False)
    dm = first["channel_id"]
    await until(task, fake.wait_for("POST", rf"/channels/{dm}/messages"))
    await fake.send_message("what did I say?", guild=False, referenced_message=first["id"])
    await until(task, fake.wait_for("GET", rf"/channels/{dm}/messages/{first['id']}"))
    posts = await until(task, fake.wait_for("POST", rf"/channels/{dm}/messages", count=2))
    assert posts[1].json["content"] == "you said: remember me"


@pytest.mark.parametrize("private", [False, True])
async def test_slash_command_defers_then_follows_up(fake: FakeDiscord, bot: Any, private: bool) -> None:
    _, task = bot
    sent = await fake.send_interaction("ask", {"question": "who called?", "private": private})
    callback = f"/interactions/{sent['id']}/{sent['token']}/callback"
    (cb,) = await until(task, fake.wait_for("POST", callback))
    assert cb.json["type"] == 5
    assert (cb.json.get("data") or {}).get("flags", 0) == (64 if private else 0)
    (follow,) = await until(task, fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{sent['token']}"))
    assert follow.json["content"] == "answer: who called?"
    assert (follow.json.get("flags") or 0) == (64 if private else 0)
    assert "Authorization" not in cb.headers and "Authorization" not in follow.headers
    assert sent["data"]["guild_id"] == fake.guild_id  # routed to the guild-synced command


async def test_interaction_message_edit_original_and_file_follow_up(fake: FakeDiscord, bot: Any) -> None:
    _, task = bot
    sent = await fake.send_interaction("ask", {"question": "upload"})
    hook = rf"/webhooks/{fake.app_id}/{sent['token']}"
    (follow,) = await until(task, fake.wait_for("POST", hook))
    (cb,) = fake.requests_to("POST", rf"/interactions/{sent['id']}/{sent['token']}/callback")
    (edit,) = fake.requests_to("PATCH", hook + "/messages/@original")
    assert cb.json["type"] == 4 and cb.json["data"]["content"] == "working"
    assert edit.json["content"] == "done"
    assert follow.files == ["notes.txt"] and follow.json["content"] == "here"
    assert [m["content"] for m in fake.created_messages] == ["done", "here"]
    assert fake.created_messages[1]["attachments"][0]["filename"] == "notes.txt"


async def test_rate_limited_message_is_retried(fake: FakeDiscord, bot: Any) -> None:
    _, task = bot
    fake.fail_next("POST", rf"/channels/{fake.channel_id}/messages", status=429, retry_after=0.05)
    _, post = await mention_and_get_reply(fake, task)
    statuses = [r.status for r in fake.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert statuses == [429, 200]
    assert post.json["content"] == "pong" and len(fake.created_messages) == 1


async def test_reconnect_resumes_and_replays_missed_events(fake: FakeDiscord, bot: Any) -> None:
    _, task = bot
    await mention_and_get_reply(fake, task)
    session, last_seq = fake.session_id, fake.last_seq
    await fake.send_reconnect()
    await fake.send_message(f"<@{fake.app_id}> sent while away")  # only reaches the bot by replay
    (resume,) = await until(task, fake.wait_gateway(6))
    assert resume["session_id"] == session and resume["seq"] == last_seq
    await until(task, fake.wait_for("POST", rf"/channels/{fake.channel_id}/messages", count=2))
    _, post = await mention_and_get_reply(fake, task, count=3)  # and the bot keeps answering
    assert post.json["content"] == "pong"
    assert len(fake.identifies) == 1 and len(fake.resumes) == 1


async def test_invalid_session_makes_client_identify_again(fake: FakeDiscord, bot: Any) -> None:
    _, task = bot
    first_session = fake.session_id
    await fake.send_invalid_session()
    await until(task, fake.wait_gateway(2, count=2))
    assert fake.session_id != first_session and fake.ready_count == 2
    await mention_and_get_reply(fake, task)
