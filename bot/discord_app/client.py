"""The Discord bot: a commands.Bot built with its settings and service, one cog per feature.

Intents are guilds, guild messages and DMs; messages that mention the bot carry their content
without the privileged message-content intent, which is requested only when ANSWER_CHANNEL_IDS
asks the bot to answer every message in some channels. Every send uses AllowedMentions.none().
"""

from __future__ import annotations

import gc
import logging

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.config import Settings
from bot.errors import CallbotError
from bot.service import Service

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()


def configure_endpoints(settings: Settings) -> None:
    """Point discord.py at DISCORD_API_BASE / DISCORD_GATEWAY_URL (a Discord-compatible server)."""
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


def intents_for(settings: Settings) -> discord.Intents:
    intents = discord.Intents(guilds=True, guild_messages=True, dm_messages=True)
    intents.message_content = bool(settings.answer_channel_ids)
    return intents


class CallBot(commands.Bot):
    """callbot on Discord. Routing and rendering live in the cogs; answering in the service."""

    def __init__(self, settings: Settings, service: Service, **options: object) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents_for(settings),
            allowed_mentions=NO_PINGS,
            help_command=None,
            **options,  # type: ignore[arg-type]
        )
        self.settings = settings
        self.service = service
        self.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def setup_hook(self) -> None:
        from bot.discord_app.cogs.admin import AdminCog
        from bot.discord_app.cogs.ask import AskCog
        from bot.discord_app.cogs.briefings import BriefingsCog

        await self.add_cog(AskCog(self))
        await self.add_cog(BriefingsCog(self))
        await self.add_cog(AdminCog(self))
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

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: messages are routed by the ask cog's listener only."""

    async def on_ready(self) -> None:
        log.info("connected as %s (%s), brief %s, %s engine", self.user, getattr(self.user, "id", "?"),
                 self.service.knowledge.version, self.service.engine_name)

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
                await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_PINGS)
            else:
                await interaction.response.send_message(message, ephemeral=True, allowed_mentions=NO_PINGS)
        except (discord.HTTPException, aiohttp.ClientError, RuntimeError):  # e.g. shutting down
            log.exception("could not tell user %s about the error", interaction.user.id)

    async def close(self) -> None:
        await self.service.close()
        await super().close()
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
    except discord.PrivilegedIntentsRequired:
        raise CallbotError(
            "ANSWER_CHANNEL_IDS needs the Message Content intent: enable it on the Bot page of the developer portal."
        ) from None
    except (aiohttp.ClientConnectorError, OSError) as exc:
        raise CallbotError(f"cannot reach Discord at {settings.discord_api_base}: {exc.__class__.__name__}") from None
