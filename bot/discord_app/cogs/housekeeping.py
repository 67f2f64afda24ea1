"""Daily chores on a discord.ext.tasks loop: prune the question log, post the digest.

Every few minutes the loop asks the bot's clock what time it is (tests give the bot their own clock
and call `run_once`, so nothing waits on real time):
- the first run, and the first run of each UTC day, deletes rows older than RETENTION_DAYS;
- with DIGEST_CHANNEL_ID set, the first run at or after DIGEST_HOUR UTC on a day posts the digest
  (declined and 👎 questions since the last one, grouped). The store records when it was posted, so
  a restart neither repeats nor skips a day; a day with nothing to report is recorded without a post.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from contextlib import suppress
from typing import TYPE_CHECKING

import discord
from discord.ext import commands, tasks

from bot.discord_app.render import code_block_chunks
from bot.report import render_digest

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot

log = logging.getLogger(__name__)
EVERY_MINUTES = 5


class HousekeepingCog(commands.Cog):
    def __init__(self, bot: CallBot) -> None:
        self.bot = bot
        self._lock = asyncio.Lock()  # the loop and a test's run_once never overlap
        self._pruned_on: dt.date | None = None
        self._runs = 0
        self._ran = asyncio.Condition()

    async def cog_load(self) -> None:
        self.loop.start()

    async def stop(self) -> None:
        """Cancel the loop and wait for it (the bot is closing; the store closes next)."""
        self.loop.cancel()
        if (task := self.loop.get_task()) is not None:
            with suppress(asyncio.CancelledError):
                await task

    async def wait_runs(self, count: int) -> None:
        """Return once `count` runs have finished (tests: the start-up run is done)."""
        async with self._ran:
            await self._ran.wait_for(lambda: self._runs >= count)

    @tasks.loop(minutes=EVERY_MINUTES)
    async def loop(self) -> None:
        try:
            await self.run_once()
        except Exception:  # the loop must outlive a bad day: log it and try again next time
            log.exception("housekeeping failed")
        finally:
            async with self._ran:
                self._runs += 1
                self._ran.notify_all()

    async def run_once(self) -> None:
        async with self._lock:
            now = self.bot.clock()
            store = self.bot.store
            if store is not None:
                if self._pruned_on != now.date():
                    removed = await store.prune(now)
                    self._pruned_on = now.date()
                    if removed:
                        log.info("question log: deleted %d rows older than %d days", removed, store.retention_days)
                channel_id = self.bot.settings.digest_channel_id
                if channel_id and await store.digest_due(now, self.bot.settings.digest_hour):
                    await self._digest(channel_id, now)

    async def _digest(self, channel_id: int, now: dt.datetime) -> None:
        assert self.bot.store is not None
        digest = await self.bot.store.digest(now)
        if not digest.empty:
            await self.bot.wait_until_ready()
            channel = self.bot.get_channel(channel_id) or self.bot.get_partial_messageable(channel_id)
            try:
                for chunk in code_block_chunks(render_digest(digest)):
                    await channel.send(chunk)  # type: ignore[union-attr]
            except discord.HTTPException as exc:
                log.warning("cannot post the digest to channel %s: %s; will try again", channel_id, exc)
                return
        await self.bot.store.mark_digest(now)
