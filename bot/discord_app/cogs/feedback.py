"""The buttons under answers (Quotes, 👍, 👎), the "what was wrong?" form, and /forget-me.

Everything a click needs is in its custom_id and the store: nothing here remembers an answer, so
the buttons work after a restart. Every reply is ephemeral: only the clicker sees it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.buttons import WHY, Action, WhyModal, submitted_text
from bot.discord_app.quotes import quotes_reply
from bot.errors import StoreError

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot

log = logging.getLogger(__name__)

GONE = "That answer is no longer in the question log (it expired or was deleted), so there is nothing to show."
THANKS_UP = "Thanks! Glad it helped."
THANKS_DOWN = "Thanks for telling us; it goes into the daily review of answers."
UNAVAILABLE = "The question log is unavailable right now; please try again later."


class FeedbackCog(commands.Cog):
    def __init__(self, bot: CallBot) -> None:
        self.bot = bot

    async def _reply(self, interaction: discord.Interaction, chunks: list[str]) -> None:
        await interaction.response.send_message(chunks[0], ephemeral=True)
        for chunk in chunks[1:]:
            await interaction.followup.send(chunk, ephemeral=True)

    async def on_button(self, interaction: discord.Interaction, action: Action, answer_id: str) -> None:
        """A click on an answer's button (routed here by AnswerButton, however old the answer)."""
        store = self.bot.store
        if store is None:
            await self._reply(interaction, [UNAVAILABLE])
            return
        if action == "down":  # the form first (a click must be answered within 3 s), then the vote
            modal = WhyModal(answer_id)
            await interaction.response.send_modal(modal)
            modal.stop()  # its submit is handled by on_interaction below, from its custom_id: nothing kept
        try:
            if action == "quotes":
                quotes = await store.answer_quotes(answer_id)
                chunks = quotes_reply(quotes, self.bot.service.knowledge.brief) if quotes else [GONE]
            else:
                recorded = await store.vote(answer_id, interaction.user.id, action == "up", now=self.bot.clock())
                chunks = [THANKS_UP if recorded else GONE]
        except StoreError as exc:
            log.error("button %s on answer %s failed: %s", action, answer_id, exc)
            chunks = [UNAVAILABLE]
        if action != "down":
            await self._reply(interaction, chunks)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """The "what was wrong?" form's submit: the 👎 again, with the comment."""
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        data: dict[str, Any] = interaction.data or {}  # type: ignore[assignment]
        match = WHY.fullmatch(str(data.get("custom_id", "")))
        if match is None:
            return
        comment = submitted_text(data.get("components", []))
        message = THANKS_DOWN
        if self.bot.store is None:
            message = UNAVAILABLE
        else:
            try:
                if not await self.bot.store.vote(match["answer_id"], interaction.user.id, False, now=self.bot.clock(),
                                                 comment=comment):
                    message = GONE
            except StoreError as exc:
                log.error("recording a comment on answer %s failed: %s", match["answer_id"], exc)
                message = UNAVAILABLE
        await interaction.response.send_message(message, ephemeral=True)

    @app_commands.command(name="forget-me", description="Delete your questions and votes from the question log")
    async def forget_me(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        if self.bot.store is None:
            await interaction.followup.send(UNAVAILABLE, ephemeral=True)
            return
        try:
            removed = await self.bot.store.forget_user(interaction.user.id)
        except StoreError as exc:
            log.error("/forget-me failed: %s", exc)
            await interaction.followup.send(UNAVAILABLE, ephemeral=True)
            return
        what = "row" if removed == 1 else "rows"
        await interaction.followup.send(f"Done: deleted {removed} {what} (your questions and votes) from the "
                                        "question log.", ephemeral=True)
