"""The live reply on its own, with a fake clock and fake messages: the first state at once, then at
most one edit a second per message with the states in between coalesced, and the final state
always applied last, whatever failed before it."""

from __future__ import annotations

import asyncio
import itertools
import logging
from types import SimpleNamespace

import discord
import pytest

from bot.discord_app.live import LiveReply
from bot.discord_app.render import Outgoing
from tests.fakes import HANG


class Clock:
    """Time that passes only when the live reply sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def rate_limited(status: int = 429) -> discord.HTTPException:
    return discord.HTTPException(SimpleNamespace(status=status, reason="Too Many Requests"), "rate limited")


class Channel:
    """What the reply's messages show, and every request with the (fake) time it was made."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.requests: list[tuple[str, int, str, float]] = []  # (kind, message, content, time)
        self.created = 0
        self.shown: dict[int, str] = {}
        self.embeds: dict[int, bool] = {}
        self.failures: list[discord.HTTPException] = []  # raised by the next edits, in order
        self._changed = asyncio.Event()

    async def send(self, out: Outgoing) -> Message:
        self.created += 1
        message = Message(self, self.created)
        self._record("create", message.id, out)
        return message

    def _record(self, kind: str, mid: int, out: Outgoing) -> None:
        self.shown[mid], self.embeds[mid] = out.content, out.embed is not None
        self.note(kind, mid, out.content)

    def note(self, kind: str, mid: int, content: str) -> None:
        self.requests.append((kind, mid, content, self.clock.now))
        self._changed.set()

    async def requests_made(self, n: int) -> None:
        async with asyncio.timeout(HANG):
            while len(self.requests) < n:
                self._changed.clear()
                await self._changed.wait()

    def edits_of(self, mid: int) -> list[float]:
        return [at for kind, m, _, at in self.requests if m == mid]


class Message:
    def __init__(self, channel: Channel, mid: int) -> None:
        self.channel, self.id = channel, mid

    async def edit(self, *, content: str, embed: discord.Embed | None, view: discord.ui.View | None) -> None:
        if self.channel.failures:
            self.channel.note("failed", self.id, content)
            raise self.channel.failures.pop(0)
        self.channel._record("edit", self.id, Outgoing(content, embed))

    async def delete(self) -> None:
        del self.channel.shown[self.id]
        self.channel.note("delete", self.id, "")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def channel(clock: Clock) -> Channel:
    return Channel(clock)


def live_reply(channel: Channel, clock: Clock) -> LiveReply:
    return LiveReply(channel.send, clock=clock, sleep=clock.sleep)  # type: ignore[arg-type]


def state(*texts: str) -> list[Outgoing]:
    return [Outgoing(text) for text in texts]


async def test_first_state_at_once_then_one_edit_a_second_and_the_final_last(channel, clock) -> None:
    live = live_reply(channel, clock)
    live.show(state("One."))
    await channel.requests_made(1)
    live.show(state("One. Two."))
    live.show(state("One. Two. Three."))  # offered before the second could be shown: it is skipped
    live.show(state("One. Two. Three. Four."))
    await channel.requests_made(2)
    live.show(state("One. Two. Three. Four. Five."))
    await channel.requests_made(3)
    sent = await live.finish([Outgoing("One. Two. Three. Four. Five. Six.", discord.Embed(description="[1] RT"))])
    assert [(kind, content) for kind, _, content, _ in channel.requests] == [
        ("create", "One."), ("edit", "One. Two. Three. Four."), ("edit", "One. Two. Three. Four. Five."),
        ("edit", "One. Two. Three. Four. Five. Six."),
    ]
    times = channel.edits_of(1)
    assert times[0] == 100.0  # the first state is not held back
    assert all(later - earlier >= 1.0 for earlier, later in itertools.pairwise(times))
    assert [m.id for m in sent] == [1] and channel.embeds[1]


async def test_final_state_supersedes_one_not_yet_shown(channel, clock) -> None:
    live = live_reply(channel, clock)
    live.show(state("One."))
    await channel.requests_made(1)
    live.show(state("One. Two."))
    await live.finish(state("Final."))
    assert [content for _, _, content, _ in channel.requests] == ["One.", "Final."]
    assert channel.edits_of(1)[1] - channel.edits_of(1)[0] >= 1.0  # the final edit keeps the pace too


async def test_a_failed_edit_is_logged_and_the_final_state_still_lands(channel, clock, caplog) -> None:
    live = live_reply(channel, clock)
    live.show(state("One."))
    await channel.requests_made(1)
    channel.failures.append(rate_limited())  # discord.py gave up on this edit
    with caplog.at_level(logging.WARNING):
        live.show(state("One. Two."))
        await channel.requests_made(2)
        await live.finish(state("One. Two. Three."))
    assert [kind for kind, *_ in channel.requests] == ["create", "failed", "edit"]
    assert channel.shown == {1: "One. Two. Three."}
    assert any("as it is written" in r.getMessage() and r.exc_info for r in caplog.records)


async def test_the_final_state_is_retried_until_it_lands(channel, clock, caplog) -> None:
    live = live_reply(channel, clock)
    live.show(state("One."))
    await channel.requests_made(1)
    channel.failures.extend([rate_limited(), rate_limited(503), rate_limited()])
    with caplog.at_level(logging.WARNING):
        await live.finish(state("Final."))
    assert channel.shown == {1: "Final."} and clock.sleeps[-3:] == [1.0, 2.0, 4.0]  # backing off
    assert sum("trying again" in r.getMessage() for r in caplog.records) == 3


async def test_a_final_state_refused_for_good_is_raised_not_swallowed(channel, clock) -> None:
    live = live_reply(channel, clock)
    live.show(state("One."))
    await channel.requests_made(1)
    channel.failures.append(rate_limited(403))
    with pytest.raises(discord.HTTPException):
        await live.finish(state("Final."))


async def test_a_growing_reply_spreads_over_messages_and_the_final_tidies_up(channel, clock) -> None:
    live = live_reply(channel, clock)
    live.show([Outgoing("Part one.", discord.Embed(description="[1] RT"))])
    await channel.requests_made(1)
    live.show([Outgoing("Part one, longer."), Outgoing("Part two.", discord.Embed(description="[1] RT"))])
    await channel.requests_made(3)
    assert channel.shown == {1: "Part one, longer.", 2: "Part two."} and channel.embeds == {1: False, 2: True}
    sent = await live.finish([Outgoing("A shorter final answer.", discord.Embed(description="[1] RT"))])
    assert channel.shown == {1: "A shorter final answer."} and [m.id for m in sent] == [1]


async def test_without_progress_the_final_answer_is_sent_once(channel, clock) -> None:
    sent = await live_reply(channel, clock).finish(state("Part one.", "Part two."))
    assert [(kind, content) for kind, _, content, _ in channel.requests] == [("create", "Part one."),
                                                                            ("create", "Part two.")]
    assert [m.id for m in sent] == [1, 2] and clock.sleeps == []


async def test_closed_reply_shows_nothing_more(channel, clock) -> None:
    live = live_reply(channel, clock)
    live.show(state("One."))
    await channel.requests_made(1)
    live.close()
    live.show(state("One. Two."))
    live.close()
    assert channel.shown == {1: "One."} and len(channel.requests) == 1
