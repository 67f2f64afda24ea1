"""Admin commands: /reload and /status.

Registered with default_member_permissions = Manage Server, and checked again in the bot, because
the client never sees Discord's own gate (a server can override it, and a crafted interaction
bypasses it): the member must have Manage Server (or Administrator), or be in ADMIN_USER_IDS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.render_text import status_lines

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot

NO_PINGS = discord.AllowedMentions.none()


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
        await interaction.followup.send(text[:2000], ephemeral=True, allowed_mentions=NO_PINGS)

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
        await interaction.response.send_message(discord.utils.escape_mentions(text)[:2000], ephemeral=True,
                                                allowed_mentions=NO_PINGS)
