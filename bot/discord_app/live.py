"""An answer's messages kept up to date while it is written: throttled edits, the final one last.

`LiveReply.show` takes each newer state (the messages of a checked answer-so-far) and returns at
once; a worker task of its own applies it: the first state creates the reply at once, later ones
edit it at most once per `interval` (1 s) per message. States that arrive while it waits or while
a request is in flight are coalesced: only the newest is applied, older ones are skipped.
`finish` takes the final answer's messages: it stops the worker (a request in flight completes,
none is started), waits out the interval and applies the final state, retrying 429s, server
errors and dropped connections, so an intermediate edit may be lost but the final never is
(after `FINAL_ATTEMPTS` it raises, and the caller's error handler logs it).

Rate limits: the reply's requests go one at a time through discord.py's HTTP client, the same
client and per-route buckets as every send of the channel. A 429 makes discord.py wait the
`retry_after` Discord names and retry (up to 5 times); while it waits the worker waits with it and
newer states coalesce, so a 429 slows the edits down instead of queueing them. An edit discord.py
gives up on is logged and skipped. Nothing here knows what an answer is: the cog renders states
with bot.discord_app.render, the same rendering a final answer gets.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import discord

from bot.discord_app.render import Outgoing

log = logging.getLogger(__name__)

EDIT_INTERVAL = 1.0  # seconds between two edits of one message
FINAL_ATTEMPTS = 5  # each one already retried by discord.py on 429s and server errors
FINAL_BACKOFF = 1.0  # seconds before the second attempt at the final state, doubled after each
Send = Callable[[Outgoing], Awaitable[discord.Message]]
Fingerprint = tuple[str, Any, Any]


def fingerprint(out: Outgoing) -> Fingerprint:
    """What a message shows: its text, its embed and its components."""
    return (out.content, out.embed.to_dict() if out.embed else None,
            out.view.to_components() if out.view else None)


def _transient(exc: Exception) -> bool:
    if isinstance(exc, discord.HTTPException):
        return exc.status == 429 or exc.status >= 500
    return isinstance(exc, aiohttp.ClientError | OSError)  # OSError includes timeouts


class LiveReply:
    """The messages of one reply, updated to the newest state offered; see the module docstring.

    `clock` and `sleep` are injectable so the throttle can be tested without waiting."""

    def __init__(self, send: Send, *, interval: float = EDIT_INTERVAL, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._send = send
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._messages: list[discord.Message] = []
        self._shown: list[Fingerprint] = []
        self._wanted: list[Outgoing] | None = None
        self._wake = asyncio.Event()
        self._finishing = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._last_request: float | None = None

    def show(self, outgoing: list[Outgoing]) -> None:
        """Offer a newer state; returns at once. Ignored once `finish` or `close` was called."""
        if self._finishing.is_set():
            return
        self._wanted = outgoing
        self._wake.set()
        if self._worker is None:
            self._worker = asyncio.get_running_loop().create_task(self._run(), name="callbot-live-reply")

    async def finish(self, final: list[Outgoing]) -> list[discord.Message]:
        """Apply the final state, whatever happened to the states before it; the messages it is in."""
        self._finishing.set()
        self._wake.set()
        if self._worker is not None:
            await self._worker
        await self._pause()
        attempt = 1
        while True:
            try:
                await self._apply(final)
                return list(self._messages)
            except Exception as exc:
                if attempt == FINAL_ATTEMPTS or not _transient(exc):
                    raise
                delay = FINAL_BACKOFF * 2 ** (attempt - 1)
                log.warning("could not show the final answer (%s); trying again in %.0f s", exc, delay)
                await self._sleep(delay)
                attempt += 1

    def close(self) -> None:
        """Stop without a final state (the asker's handler ended early); safe to call more than once."""
        self._finishing.set()
        if self._worker is not None and not self._worker.done():
            self._worker.cancel()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            if not await self._until_finishing(self._pause()):
                return
            wanted, self._wanted = self._wanted, None
            if wanted is None:
                continue
            try:
                await self._apply(wanted)
            except Exception:  # an intermediate state may be lost; the final one follows
                log.warning("could not show an answer as it is written; the final answer follows", exc_info=True)

    async def _until_finishing(self, waiting: Awaitable[None]) -> bool:
        """Await `waiting` unless `finish` comes first; whether it completed (and nothing is finishing)."""
        task = asyncio.ensure_future(waiting)
        stop = asyncio.ensure_future(self._finishing.wait())
        await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
        for pending in (task, stop):
            pending.cancel()
        return not self._finishing.is_set()

    async def _pause(self) -> None:
        """Until `interval` has passed since the last request: at most one edit a second per message."""
        if self._last_request is not None:
            delay = self._last_request + self._interval - self._clock()
            if delay > 0:
                await self._sleep(delay)

    async def _apply(self, wanted: list[Outgoing]) -> None:
        """Make the messages show `wanted`: edit what changed, create what is missing, delete the rest."""
        try:
            for i, out in enumerate(wanted):
                shown = fingerprint(out)
                if i == len(self._messages):
                    self._messages.append(await self._send(out))
                    self._shown.append(shown)
                elif self._shown[i] != shown:
                    await self._messages[i].edit(content=out.content, embed=out.embed, view=out.view)
                    self._shown[i] = shown
            while len(self._messages) > len(wanted):  # a final answer shorter than what was shown
                extra = self._messages.pop()
                self._shown.pop()
                try:
                    await extra.delete()
                except discord.HTTPException:  # it holds checked text only: untidy, not wrong
                    log.warning("could not delete message %s left over from an earlier state", extra.id,
                                exc_info=True)
        finally:
            self._last_request = self._clock()
