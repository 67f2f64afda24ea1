"""The overview: /summary [topic] and /timeline, deferred at once, rendered and logged like answers."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer import Answer
from bot.discord_app.cogs.ask import send_options
from bot.discord_app.render import answer_messages
from bot.errors import InvalidQuestion

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot


class OverviewCog(commands.Cog):
    def __init__(self, bot: CallBot) -> None:
        self.bot = bot

    async def _send(self, interaction: discord.Interaction, answer: Answer, started: float) -> None:
        answer_id = await self.bot.log_answer(answer, interaction.user, interaction.channel, interaction.guild,
                                              time.perf_counter() - started)
        for out in answer_messages(answer, answer_id):
            await interaction.followup.send(out.content, **send_options(out))

    @app_commands.command(name="summary", description="A cited briefing on the event, optionally on one topic")
    @app_commands.describe(topic="Focus on one topic, a word or two")
    async def summary(self, interaction: discord.Interaction, topic: str | None = None) -> None:
        started = time.perf_counter()
        await interaction.response.defer(thinking=True)
        try:
            answer = await self.bot.service.summary(topic)
        except InvalidQuestion as exc:
            await interaction.followup.send(str(exc), ephemeral=True)
            return
        await self._send(interaction, answer, started)

    @app_commands.command(name="timeline", description="The events the articles report, in order, each cited")
    async def timeline(self, interaction: discord.Interaction) -> None:
        started = time.perf_counter()
        await interaction.response.defer(thinking=True)
        await self._send(interaction, await self.bot.service.timeline(), started)
