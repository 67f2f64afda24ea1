"""The Discord bot: a commands.Bot built with its settings and service, one cog per feature.

Intents are guilds, guild messages and DMs; messages that mention the bot carry their content
without the privileged Message Content intent, which is requested only when HELP_CHANNEL_IDS or
FORUM_CHANNEL_IDS ask the bot to answer messages that do not mention it. When Discord refuses that
intent (it is not enabled on the developer portal) the bot says so once in the log and connects
without it: help channels and forums then answer mentions only.

AllowedMentions.none() is set once, here, for every message the bot sends: nothing in a question,
an answer or an article can ping anyone. The question log (bot/store.py) is opened in setup_hook
and closed with the bot; the buttons under answers are registered there too, so clicks on answers
sent before a restart still work.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.abc import Snowflake
from discord.ext import commands

from bot.answer import Answer
from bot.config import Settings
from bot.discord_app.buttons import AnswerButton
from bot.errors import CallbotError, StoreError
from bot.log_entries import QuestionEntry, utc_now
from bot.service import Service
from bot.store import Store, open_store

if TYPE_CHECKING:
    import datetime as dt

    from bot.discord_app.cogs.feedback import FeedbackCog
    from bot.discord_app.cogs.housekeeping import HousekeepingCog

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
Clock = Callable[[], "dt.datetime"]


def configure_endpoints(settings: Settings) -> None:
    """Point discord.py at DISCORD_API_BASE / DISCORD_GATEWAY_URL (a Discord-compatible server)."""
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


def intents_for(settings: Settings) -> discord.Intents:
    intents = discord.Intents(guilds=True, guild_messages=True, dm_messages=True)
    intents.message_content = bool(settings.help_channel_ids or settings.forum_channel_ids)
    return intents


class CallBot(commands.Bot):
    """callbot on Discord. Routing and rendering live in the cogs; answering in the service.

    `clock` gives the current UTC time to everything that stores or schedules (the question log,
    the daily digest and pruning); tests pass their own to drive the schedule without waiting.
    """

    def __init__(self, settings: Settings, service: Service, *, clock: Clock = utc_now,
                 **options: object) -> None:
        # The same Intents object the connection identifies with: connect() may drop Message Content from it.
        self._wanted_intents = intents_for(settings)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=self._wanted_intents,
            allowed_mentions=NO_PINGS,
            help_command=None,
            **options,  # type: ignore[arg-type]
        )
        self.settings = settings
        self.service = service
        self.clock = clock
        self.store: Store | None = None
        self.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    @property
    def content_intent(self) -> bool:
        """Whether messages that do not mention the bot carry their text (Message Content intent granted)."""
        return self._wanted_intents.message_content

    @property
    def feedback(self) -> FeedbackCog:
        return self.get_cog("FeedbackCog")  # type: ignore[return-value]

    @property
    def housekeeping(self) -> HousekeepingCog:
        return self.get_cog("HousekeepingCog")  # type: ignore[return-value]

    async def setup_hook(self) -> None:
        from bot.discord_app.cogs.admin import AdminCog
        from bot.discord_app.cogs.ask import AskCog
        from bot.discord_app.cogs.feedback import FeedbackCog
        from bot.discord_app.cogs.housekeeping import HousekeepingCog
        from bot.discord_app.cogs.overview import OverviewCog

        self.store = await open_store(self.settings)
        self.add_dynamic_items(AnswerButton)
        await self.add_cog(AskCog(self))
        await self.add_cog(OverviewCog(self))
        await self.add_cog(AdminCog(self))
        await self.add_cog(FeedbackCog(self))
        await self.add_cog(HousekeepingCog(self))  # prunes the log now, then daily; posts the digest
        if self.settings.dev_guild_id:
            guild = discord.Object(self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), self.settings.dev_guild_id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands (may take a while to appear)", len(synced))
        self.service.start_warm_up()
        # Start-up is over and what exists now (modules, the brief, the token table, the client's
        # state) lives as long as the bot: freeze it, so the cyclic GC's full passes walk only what
        # serving allocates instead of ~160k objects with the event loop blocked (~60 ms on 2 cores).
        gc.collect()
        gc.freeze()

    async def connect(self, *, reconnect: bool = True) -> None:
        """Connect; if Discord refuses the Message Content intent, say so once and go on without it."""
        try:
            await super().connect(reconnect=reconnect)
        except discord.PrivilegedIntentsRequired:
            if not self._wanted_intents.message_content:
                raise
            log.warning("Discord refused the Message Content intent (enable it on the Bot page of the developer "
                        "portal): help channels and forums fall back to answering mentions only")
            self._wanted_intents.message_content = False
            await super().connect(reconnect=reconnect)

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: messages are routed by the ask cog's listener only."""

    async def on_ready(self) -> None:
        log.info("connected as %s (%s), brief %s, %s engine", self.user, getattr(self.user, "id", "?"),
                 self.service.knowledge.version, self.service.engine_name)

    # --- the question log ----------------------------------------------------------------------------

    async def log_answer(self, answer: Answer, user: Snowflake, channel: Snowflake | None, guild: Snowflake | None,
                         latency: float | None) -> str | None:
        """Log one question and its outcome; the answer id for its buttons, or None if the log failed
        (the answer is still given, without buttons)."""
        entry = QuestionEntry.from_answer(answer, asked_at=self.clock(), user_id=user.id,
                                          guild_id=guild.id if guild else None,
                                          channel_id=channel.id if channel else None, latency=latency)
        return await self.log_entry(entry)

    async def log_rejected(self, question: str, user: Snowflake, channel: Snowflake | None,
                           guild: Snowflake | None) -> None:
        """Log a message rejected before any engine saw it (empty, too long) as an error."""
        await self.log_entry(QuestionEntry(
            asked_at=self.clock(), user_id=user.id, question=question, status="error",
            engine=self.service.engine_name, brief_version=self.service.knowledge.version,
            guild_id=guild.id if guild else None, channel_id=channel.id if channel else None))

    async def log_entry(self, entry: QuestionEntry) -> str | None:
        if self.store is None:
            return None
        try:
            return await self.store.log_question(entry)
        except StoreError as exc:
            log.error("could not log a question: %s", exc)
            return None

    # --- errors and shutdown -------------------------------------------------------------------------

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """Last line of defence: log with context, tell the user something short."""
        if isinstance(error, app_commands.CheckFailure):
            message = "You need the Manage Server permission for that."
        else:
            log.error("/%s failed for user %s", getattr(interaction.command, "name", "?"), interaction.user.id,
                      exc_info=error)
            message = "Something went wrong while handling that command; please try again."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except (discord.HTTPException, aiohttp.ClientError, RuntimeError):  # e.g. shutting down
            log.exception("could not tell user %s about the error", interaction.user.id)

    async def close(self) -> None:
        if (housekeeping := self.housekeeping) is not None:
            await housekeeping.stop()
        await self.service.close()
        await super().close()
        if self.store is not None:
            with suppress(StoreError):
                await self.store.close()
            self.store = None
        gc.unfreeze()  # what setup_hook froze may be collected again (a process can start another bot)


async def run_discord(settings: Settings, service: Service) -> None:
    """Start the bot; a missing or rejected token and an unreachable Discord become one line."""
    if settings.discord_token is None:
        raise CallbotError("DISCORD_TOKEN is not set; put it in .env or the environment (see README).")
    configure_endpoints(settings)
    bot = CallBot(settings, service)
    try:
        async with bot:
            await bot.start(settings.discord_token.get_secret_value())
    except discord.LoginFailure:
        raise CallbotError("Discord rejected DISCORD_TOKEN; reset the token in the developer portal.") from None
    except (aiohttp.ClientConnectorError, OSError) as exc:
        raise CallbotError(f"cannot reach Discord at {settings.discord_api_base}: {exc.__class__.__name__}") from None
