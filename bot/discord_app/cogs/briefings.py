"""Briefings: /summary [topic] and /timeline, deferred at once, split under 2,000 characters."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer import Answer
from bot.discord_app.render import render_chunks
from bot.errors import InvalidQuestion

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot

NO_PINGS = discord.AllowedMentions.none()


class BriefingsCog(commands.Cog):
    def __init__(self, bot: CallBot) -> None:
        self.bot = bot

    async def _send(self, interaction: discord.Interaction, answer: Answer) -> None:
        for chunk in render_chunks(answer):
            await interaction.followup.send(chunk, allowed_mentions=NO_PINGS)

    @app_commands.command(name="summary", description="A cited briefing on the call, optionally on one topic")
    @app_commands.describe(topic='Focus on one topic, e.g. "sanctions", "Syria", "Ukraine"')
    async def summary(self, interaction: discord.Interaction, topic: str | None = None) -> None:
        await interaction.response.defer(thinking=True)
        try:
            answer = await self.bot.service.summary(topic)
        except InvalidQuestion as exc:
            await interaction.followup.send(str(exc), ephemeral=True, allowed_mentions=NO_PINGS)
            return
        await self._send(interaction, answer)

    @app_commands.command(name="timeline", description="The events around the call, in order, each cited")
    async def timeline(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await self._send(interaction, await self.bot.service.timeline())
