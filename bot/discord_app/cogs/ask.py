"""Questions: @mentions, reply chains, answer channels, DMs, and /ask, /sources, /help."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.cooldown import UserCooldown
from bot.discord_app.render import SOURCES_HEADING, render_chunks
from bot.errors import InvalidQuestion
from bot.knowledge import Turn

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot

log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()

HELP = (
    "**callbot** answers questions about the Trump–Putin phone call of Saturday 28 January 2017, only from "
    "five news articles, and cites the article behind every sentence.\n"
    "• Mention me with a question, or use `/ask` (add `private: True` to see the answer alone).\n"
    "• Reply to one of my answers to follow up; the reply chain is the conversation.\n"
    "• `/summary [topic]` for a cited briefing, `/timeline` for the events in order.\n"
    "• `/sources` lists the articles. Admins: `/reload`, `/status`.\n"
    "When the articles don't answer, I say so instead of guessing."
)


def _answer_text(message: discord.Message) -> str:
    """A bot answer as conversation history: the text without its sources block."""
    return message.content.split(f"\n\n{SOURCES_HEADING}", 1)[0]


class AskCog(commands.Cog):
    def __init__(self, bot: CallBot) -> None:
        self.bot = bot
        self.cooldown = UserCooldown(bot.settings.cooldown_questions, bot.settings.cooldown_seconds)

    # --- messages -------------------------------------------------------------------------------

    def _addressed(self, message: discord.Message, parent: discord.Message | None) -> bool:
        me = self.bot.user
        if me is None or message.author.bot:
            return False
        if message.guild is None:
            return self.bot.settings.allow_dms
        if me.id in message.raw_mentions:  # not @everyone: that is not a question for the bot
            return True
        if parent is not None and parent.author.id == me.id:
            return True
        return message.channel.id in self.bot.settings.answer_channel_ids

    async def _parent(self, message: discord.Message) -> discord.Message | None:
        ref = message.reference
        if ref is None or ref.message_id is None:
            return None
        if isinstance(ref.resolved, discord.Message):
            return ref.resolved
        try:
            return await message.channel.fetch_message(ref.message_id)
        except discord.HTTPException as exc:
            log.info("cannot fetch referenced message %s: %s", ref.message_id, exc)
            return None

    async def history(self, message: discord.Message, parent: discord.Message | None) -> list[Turn]:
        """The reply chain above `message` as (question, answer) turns, oldest first, bounded."""
        me = self.bot.user
        turns: list[Turn] = []
        node = parent
        limit = self.bot.settings.history_turns
        while node is not None and me is not None and node.author.id == me.id and len(turns) < limit:
            question = await self._parent(node)
            if question is None:
                break
            turns.insert(0, Turn(question.content, _answer_text(node)))
            node = await self._parent(question)
        return turns

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        parent = await self._parent(message) if message.reference else None
        if not self._addressed(message, parent):
            return
        wait = self.cooldown.retry_after(message.author.id)
        if wait:
            await message.reply(f"You're asking quickly; please wait {wait:.0f} s.", mention_author=False,
                                allowed_mentions=NO_PINGS)
            return
        history = await self.history(message, parent)
        try:
            async with message.channel.typing():
                answer = await self.bot.service.ask(message.content, history)
        except InvalidQuestion as exc:
            await message.reply(str(exc), mention_author=False, allowed_mentions=NO_PINGS)
            return
        chunks = render_chunks(answer)
        await message.reply(chunks[0], mention_author=False, allowed_mentions=NO_PINGS)
        for chunk in chunks[1:]:
            await message.channel.send(chunk, allowed_mentions=NO_PINGS)

    # --- slash commands -------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask about the Trump–Putin call of 28 January 2017")
    @app_commands.describe(question="Your question", private="Show the answer only to you")
    async def ask(self, interaction: discord.Interaction, question: str, private: bool = False) -> None:
        wait = self.cooldown.retry_after(interaction.user.id)
        if wait:
            await interaction.response.send_message(f"You're asking quickly; please wait {wait:.0f} s.",
                                                    ephemeral=True, allowed_mentions=NO_PINGS)
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        try:
            answer = await self.bot.service.ask(question)
        except InvalidQuestion as exc:
            await interaction.followup.send(str(exc), ephemeral=True, allowed_mentions=NO_PINGS)
            return
        for chunk in render_chunks(answer):
            await interaction.followup.send(chunk, ephemeral=private, allowed_mentions=NO_PINGS)

    @app_commands.command(name="sources", description="The articles callbot answers from")
    async def sources(self, interaction: discord.Interaction) -> None:
        brief = self.bot.service.knowledge.brief
        lines = ["**Sources**"]
        for e in brief.sources:
            lines.append(f"`{e.short_id}` **{discord.utils.escape_markdown(e.outlet)}** — "
                         f"{discord.utils.escape_markdown(e.title)}, {e.published.day} {e.published:%b %Y} ({e.kind})")
        await interaction.response.send_message("\n".join(lines), ephemeral=True, allowed_mentions=NO_PINGS)

    @app_commands.command(name="help", description="How to use callbot")
    async def help(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(HELP, ephemeral=True, allowed_mentions=NO_PINGS)
