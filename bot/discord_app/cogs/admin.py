"""Admin commands: /reload, /status and /report.

Registered with default_member_permissions = Manage Server, and checked again in the bot, because
the client never sees Discord's own gate (a server can override it, and a crafted interaction
bypasses it): the member must have Manage Server (or Administrator), or be in ADMIN_USER_IDS.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.render import code_block_chunks
from bot.errors import StoreError
from bot.render_text import status_lines
from bot.report import render_report

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot


def is_admin(interaction: discord.Interaction, admin_ids: list[int]) -> bool:
    if interaction.user.id in admin_ids:
        return True
    if interaction.guild is None:
        return False
    perms = interaction.permissions
    return perms.administrator or perms.manage_guild


def admin_only() -> app_commands.check:  # type: ignore[valid-type]
    async def predicate(interaction: discord.Interaction) -> bool:
        bot: CallBot = interaction.client  # type: ignore[assignment]
        return is_admin(interaction, bot.settings.admin_user_ids)

    return app_commands.check(predicate)


class AdminCog(commands.Cog):
    def __init__(self, bot: CallBot) -> None:
        self.bot = bot

    @app_commands.command(name="reload", description="Rebuild the brief from the articles on disk (admins)")
    @app_commands.default_permissions(manage_guild=True)
    @admin_only()
    async def reload(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.bot.service.reload()
        if not report.ok:
            text = f"Reload failed; still serving brief `{report.old_version}`.\n```\n{report.error}\n```"
        else:
            def names(files: list[str]) -> str:
                return ", ".join(files) if files else "none"

            text = (f"Reloaded: brief `{report.old_version}` → `{report.new_version}`, {report.tokens} tokens, "
                    f"{report.facts} facts.\nAdded: {names(report.added)} · removed: {names(report.removed)} · "
                    f"changed: {names(report.changed)}")
        await interaction.followup.send(text[:2000], ephemeral=True)

    @app_commands.command(name="status", description="Engine, brief and answer counters (admins)")
    @app_commands.default_permissions(manage_guild=True)
    @admin_only()
    async def status(self, interaction: discord.Interaction) -> None:
        service = self.bot.service
        lines = status_lines(service.stats, engine=service.engine_name,
                             model=service.engine.model,
                             brief=service.knowledge.brief)
        sources = ", ".join(f"{e.short_id} {e.outlet}" for e in service.knowledge.brief.sources)
        text = "\n".join([*lines, f"sources: {sources}"])
        await interaction.response.send_message(discord.utils.escape_mentions(text)[:2000], ephemeral=True)

    @app_commands.command(name="report", description="The question log: rates, most asked, declined and 👎 (admins)")
    @app_commands.describe(days="How many days back, up to now (default 7)")
    @app_commands.default_permissions(manage_guild=True)
    @admin_only()
    async def report(self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 3650] = 7) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        if self.bot.store is None:
            await interaction.followup.send("The question log is not open.", ephemeral=True)
            return
        try:
            report = await self.bot.store.report(days, self.bot.clock())
        except StoreError as exc:
            await interaction.followup.send(f"Could not read the question log: {exc}"[:2000], ephemeral=True)
            return
        chunks = code_block_chunks(render_report(report))
        for chunk in chunks[:-1]:
            await interaction.followup.send(chunk, ephemeral=True)
        csv = discord.File(io.BytesIO(report.csv().encode()), filename=f"callbot-report-{days}d.csv")
        await interaction.followup.send(chunks[-1], ephemeral=True, file=csv)
