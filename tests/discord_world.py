"""The Discord test world: the unmodified bot on a loopback Discord, the loopback LLM behind it."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from bot.config import load_settings
from bot.discord_app.client import CallBot, configure_endpoints
from bot.service import Service
from tests.conftest import LLM_TIMEOUTS, PROMPTS
from tests.fakes import HANG
from tests.fakes.discord_server import FakeDiscord

T = TypeVar("T")
# the names discord.py gives event handler tasks, app command tasks and button (dynamic item) tasks
HANDLER_TASKS = ("discord.py: ", "CommandTree-invoker", "discord-ui-")


@dataclass
class World:
    discord: FakeDiscord
    llm: Any
    bot: CallBot
    service: Service
    task: asyncio.Task[None]

    async def until(self, awaitable: Awaitable[T], timeout: float = HANG) -> T:
        """Await, but fail at once (with its error) if the bot stopped."""
        waiter = asyncio.ensure_future(awaitable)
        done, _ = await asyncio.wait({self.task, waiter}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if waiter not in done:
            waiter.cancel()
            if self.task in done:
                self.task.result()
            raise AssertionError("timed out")
        return waiter.result()

    async def settled(self) -> None:
        """Wait until the bot has read every event the fake sent, every handler it started for them
        has finished and the service has no question in flight: after this nothing more arrives
        unless the test causes it. Event-driven; HANG only bounds a hang."""

        async def quiet() -> None:
            while True:
                if getattr(self.bot.ws, "sequence", None) != self.discord.last_seq:
                    await self.bot.wait_for("socket_event_type")  # a frame was read (enable_debug_events)
                elif pending := {t for t in asyncio.all_tasks() if t.get_name().startswith(HANDLER_TASKS)}:
                    await asyncio.wait(pending)
                elif self.service._in_flight:
                    await self.service.wait_idle()
                else:
                    return

        await self.until(quiet())

    async def channel_posts(self, count: int = 1) -> list[Any]:
        return await self.until(self.discord.wait_for("POST", rf"/channels/{self.discord.channel_id}/messages",
                                                      count=count))

    async def mention(self, text: str, **kwargs: Any) -> dict:
        return await self.discord.send_message(f"<@{self.discord.app_id}> {text}", **kwargs)

    async def click(self, message: dict, action: str, **kwargs: Any) -> dict:
        """Click button ``action`` (quotes, up, down) under an answer the bot sent (as the fake has it
        now); returns the interaction."""
        current = self.discord.messages.get(message["id"], message)
        buttons = [c["custom_id"] for row in current.get("components", []) for c in row["components"]]
        wanted = [b for b in buttons if b.startswith(f"callbot:{action}:")]
        assert wanted, f"no {action} button among {buttons}"
        return await self.discord.click(current, wanted[0], **kwargs)

    async def response_to(self, interaction: dict) -> Any:
        """The bot's response (callback) to an interaction."""
        (callback,) = await self.until(self.discord.wait_for("POST", rf"/interactions/{interaction['id']}/.+/callback"))
        return callback


async def _no_wait(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py sleeps 5 s before every re-IDENTIFY; tests need not."""


class Clock:
    """The bot's UTC clock in tests: it says what it is set to, so schedules run without waiting."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


async def open_world(fake_llm: Any, seeds_dir: Path, *, fake: FakeDiscord | None = None, clock: Clock | None = None,
                     **overrides: Any) -> tuple[World, Callable[[], None]]:
    """Start the real bot on a loopback Discord (a new one, or ``fake`` as a test prepared it: extra
    channels, users); returns the world and an undo for the redirect. ``clock`` drives the bot's
    time (the question log, the digest); otherwise it is the wall clock."""
    fake = fake or FakeDiscord()
    await fake.start()
    restore = fake.point_discord_py_here()
    values = dict(
        seeds_dir=seeds_dir, prompts_dir=PROMPTS, openai_base_url=fake_llm.base_url, openai_api_key="sk-test-key",
        llm_max_retries=0, **LLM_TIMEOUTS, llm_warmup=False, discord_token="fake-token",
        discord_api_base=fake.api_base, discord_gateway_url=fake.gateway_url, dev_guild_id=int(fake.guild_id),
        cooldown_questions=1000,
    )
    values.update(overrides)
    settings = load_settings(**values)
    service = Service.from_settings(settings)
    configure_endpoints(settings)
    options: dict[str, Any] = {"clock": clock} if clock is not None else {}
    bot = CallBot(settings, service, guild_ready_timeout=0.1, enable_debug_events=True, **options)  # see settled
    bot.before_identify_hook = _no_wait  # type: ignore[method-assign]
    task = asyncio.create_task(bot.start(settings.discord_token.get_secret_value()))
    world = World(fake, fake_llm, bot, service, task)
    await world.until(fake.wait_ready())
    await world.until(bot.wait_until_ready())
    await world.settled()  # READY's GUILD_CREATE read too, even if on_ready fired first
    await world.until(bot.housekeeping.wait_runs(1))  # the start-up prune (and digest check) is done
    return world, restore


async def close_world(world: World, restore: Callable[[], None]) -> None:
    await world.bot.close()
    await asyncio.wait_for(world.task, HANG)
    await world.discord.stop()
    restore()


class Worlds:
    """``await start_world(**overrides)`` starts a world; ``await start_world.restart(world)`` closes
    its bot and starts a new one (a new process, as far as the bot can tell) on the same loopback
    Discord, settings and DATA_DIR: the fake keeps its messages, so old buttons can be clicked."""

    def __init__(self, fake_llm: Any, seeds_dir: Path) -> None:
        self.fake_llm, self.seeds_dir = fake_llm, seeds_dir
        self.open: list[tuple[World, Callable[[], None]]] = []
        self._overrides: dict[int, dict[str, Any]] = {}

    async def __call__(self, **overrides: Any) -> World:
        world, restore = await open_world(self.fake_llm, self.seeds_dir, **overrides)
        self.open.append((world, restore))
        self._overrides[id(world)] = overrides
        return world

    async def restart(self, world: World, **changes: Any) -> World:
        entry = next(e for e in self.open if e[0] is world)
        self.open.remove(entry)
        await close_world(*entry)
        return await self(**(self._overrides[id(world)] | {"fake": world.discord} | changes))


@pytest.fixture
async def start_world(fake_llm, seeds_dir) -> AsyncIterator[Worlds]:
    worlds = Worlds(fake_llm, seeds_dir)
    yield worlds
    for world, restore in worlds.open:
        await close_world(world, restore)
        assert world.discord.unexpected == []
