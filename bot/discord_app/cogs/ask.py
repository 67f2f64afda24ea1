"""Questions: @mentions, reply chains, help channels (a thread per question), forum posts, DMs, and
/ask, /sources, /help.

Where the bot answers without a mention:
- in a help channel (HELP_CHANNEL_IDS) every new message; with HELP_REPLY_MODE=thread the answer
  opens a thread on the question, and follow-ups in that thread (the bot's own) need no mention
  until a moderator (Manage Messages) posts there: then only mentions are answered in it;
- in a forum channel (FORUM_CHANNEL_IDS) the starter message of every new post, answered in the post.
Both need the Message Content intent; without it those messages arrive empty and are left alone.
Other bots, webhooks and the bot itself are never answered.
"""

from __future__ import annotations

import logging
import textwrap
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer import Answer, Progress
from bot.brief import Brief
from bot.discord_app.live import EDIT_INTERVAL, LiveReply
from bot.discord_app.recent import RecentAnswers
from bot.discord_app.render import Outgoing, answer_messages
from bot.errors import InvalidQuestion, StoreError
from bot.knowledge import Turn
from bot.questions import clean_question, normalise_for_cache

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot

log = logging.getLogger(__name__)
THREAD_NAME_CHARS = 90  # Discord allows 100


def help_text(brief: Brief, help_channel_ids: list[int]) -> str:
    """/help, about whatever event the manifest names."""
    where = "Mention me with a question, or use `/ask` (add `private: True` to see the answer alone)."
    if help_channel_ids:
        channels = ", ".join(f"<#{cid}>" for cid in help_channel_ids)
        where += f" In {channels} just ask: no mention needed."
    return "\n".join([
        f"**callbot** answers questions about {brief.event_name}, only from the {len(brief.sources)} news "
        "articles `/sources` lists, and cites the article behind every sentence.",
        f"• {where}",
        "• Reply to one of my answers to follow up; the reply chain (or my thread) is the conversation.",
        "• Under an answer, **Quotes** shows you the articles' exact words; 👍 / 👎 say whether it helped.",
        "• `/summary [topic]` for a cited briefing, `/timeline` for the events in order, `/sources` for the "
        "articles, `/forget-me` to delete what the question log holds about you. Admins: `/reload`, `/status`, "
        "`/report`.",
        "When the articles don't answer, I say so instead of guessing.",
    ])


def send_options(out: Outgoing) -> dict[str, Any]:
    """The embed and view of one message, as keyword arguments (left out when there are none)."""
    return {k: v for k, v in (("embed", out.embed), ("view", out.view)) if v is not None}


def _user(who: discord.abc.User) -> int:
    return who.id


@dataclass(frozen=True)
class Route:
    """How a message is answered: a reply to it, a new thread on it, or a post in its thread."""

    how: Literal["reply", "open_thread", "in_thread"]
    parent: discord.Message | None  # the message it replies to
    thread: discord.Thread | None = None  # the bot's help thread it was asked in: the conversation


class _Post:
    """Posts a reply's messages where its route says: replies to the question, messages in its
    thread, or in a thread opened on the question (named after `title`) with the first message."""

    def __init__(self, message: discord.Message, route: Route) -> None:
        self.message, self.route, self.title = message, route, message.content
        self._thread: discord.Thread | None = None
        self._opening = route.how == "open_thread"

    async def send(self, out: Outgoing) -> discord.Message:
        if self._opening:
            self._opening = False
            name = textwrap.shorten(self.title, THREAD_NAME_CHARS, placeholder="…") or "question"
            try:
                self._thread = await self.message.create_thread(name=name, auto_archive_duration=1440)
            except discord.HTTPException as exc:
                log.warning("cannot open a thread on message %s (%s); replying instead", self.message.id, exc)
        if self._thread is not None:
            return await self._thread.send(out.content, **send_options(out))
        if self.route.how == "in_thread":
            return await self.message.channel.send(out.content, **send_options(out))
        return await self.message.reply(out.content, **send_options(out))


def _shower(live: LiveReply, post: _Post | None = None) -> Progress:
    """The progress callback for one reply: each checked answer-so-far, rendered as a final answer
    is (without buttons: those need the logged answer), offered to the live reply."""

    def show(partial: Answer) -> None:
        if post is not None:
            post.title = partial.question
        live.show(answer_messages(partial, None))

    return show


class AskCog(commands.Cog):
    def __init__(self, bot: CallBot) -> None:
        self.bot = bot
        settings = bot.settings
        self.cooldown = commands.CooldownMapping.from_cooldown(settings.cooldown_questions,
                                                               settings.cooldown_seconds, _user)
        self.recent = RecentAnswers(settings.repeat_window_seconds)
        self.edit_interval = EDIT_INTERVAL  # between edits of an answer shown as it is written

    def _retry_after(self, who: discord.abc.User) -> float:
        """0 if `who` may ask now (and counts the question), else seconds to wait."""
        bucket = self.cooldown.get_bucket(who)
        return (bucket.update_rate_limit() or 0.0) if bucket is not None else 0.0

    def _question_key(self, text: str) -> str | None:
        try:
            return normalise_for_cache(clean_question(text, self.bot.settings.max_question_chars))
        except InvalidQuestion:
            return None

    # --- where a message is answered --------------------------------------------------------------

    async def _route(self, message: discord.Message) -> Route | None:
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id or message.webhook_id:
            return None
        parent = await self._parent(message) if message.reference else None
        to_me = me.id in message.raw_mentions or (parent is not None and parent.author.id == me.id)
        if message.guild is None:
            return Route("reply", parent) if self.bot.settings.allow_dms else None
        settings, channel, asked = self.bot.settings, message.channel, bool(message.content.strip())
        if isinstance(channel, discord.Thread):
            if channel.parent_id in settings.forum_channel_ids and message.id == channel.id:
                return Route("in_thread", parent) if asked else None  # a new forum post
            if channel.owner_id == me.id and channel.parent_id in settings.help_channel_ids:
                moderator = self._moderator(message, channel)
                if moderator:
                    await self._mark_quiet(channel)
                if to_me:
                    return Route("reply", parent, channel)
                if not asked or moderator or await self._quiet(channel):
                    return None
                return Route("reply", parent, channel)
        elif channel.id in settings.help_channel_ids and asked:
            return Route("open_thread" if settings.help_reply_mode == "thread" else "reply", parent)
        return Route("reply", parent) if to_me else None

    @staticmethod
    def _moderator(message: discord.Message, thread: discord.Thread) -> bool:
        author = message.author
        return isinstance(author, discord.Member) and thread.permissions_for(author).manage_messages

    async def _mark_quiet(self, thread: discord.Thread) -> None:
        if self.bot.store is not None:
            try:
                await self.bot.store.mark_quiet(thread.id, self.bot.clock())
            except StoreError as exc:
                log.warning("could not record that thread %s is quiet: %s", thread.id, exc)

    async def _quiet(self, thread: discord.Thread) -> bool:
        if self.bot.store is None:
            return False
        try:
            return await self.bot.store.is_quiet(thread.id)
        except StoreError as exc:
            log.warning("could not read the state of thread %s: %s", thread.id, exc)
            return False

    # --- conversation history ----------------------------------------------------------------------

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

    async def history(self, message: discord.Message, route: Route) -> list[Turn]:
        """The conversation above `message`: its reply chain to the bot, else the bot's thread."""
        me = self.bot.user
        if route.parent is not None and me is not None and route.parent.author.id == me.id:
            return await self._reply_chain(route.parent)
        if route.thread is not None:
            return await self._thread_turns(message, route.thread)
        return []

    async def _reply_chain(self, parent: discord.Message) -> list[Turn]:
        """The reply chain above a bot answer as (question, answer) turns, oldest first, bounded."""
        me = self.bot.user
        turns: list[Turn] = []
        node: discord.Message | None = parent
        limit = self.bot.settings.history_turns
        while node is not None and me is not None and node.author.id == me.id and len(turns) < limit:
            question = await self._parent(node)
            if question is None:
                break
            turns.insert(0, Turn(question.content, node.content))
            node = await self._parent(question)
        return turns

    async def _thread_turns(self, message: discord.Message, thread: discord.Thread) -> list[Turn]:
        """The bot's help thread as turns: the question it was opened on, then each message and the
        bot's messages after it; the last HISTORY_TURNS of them."""
        me, limit = self.bot.user, self.bot.settings.history_turns
        if me is None or not limit:
            return []
        try:
            earlier = [m async for m in thread.history(limit=4 * limit, before=message)]
            starter = thread.starter_message or (await thread.parent.fetch_message(thread.id)
                                                 if isinstance(thread.parent, discord.TextChannel) else None)
        except discord.HTTPException as exc:
            log.info("cannot read thread %s: %s", thread.id, exc)
            return []
        turns: list[Turn] = []
        question, said = (starter.content if starter else None), []
        for m in reversed(earlier):
            if m.author.id == me.id:
                if m.content:
                    said.append(m.content)
                continue
            if question is not None and said:
                turns.append(Turn(question, " ".join(said)))
            question, said = m.content, []
        if question is not None and said:
            turns.append(Turn(question, " ".join(said)))
        return turns[-limit:]

    # --- answering messages ------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        route = await self._route(message)
        if route is not None:
            await self._answer(message, route)

    async def _answer(self, message: discord.Message, route: Route) -> None:
        wait = self._retry_after(message.author)
        if wait:
            await message.reply(f"You're asking quickly; please wait {wait:.0f} s.")
            return
        history = await self.history(message, route)
        key = None if history else self._question_key(message.content)
        version = self.bot.service.knowledge.version
        if key and (url := self.recent.get(message.channel.id, key, version)):
            await message.reply(f"That was just asked here; the answer is {url}")
            return
        started = time.perf_counter()
        post = _Post(message, route)
        live = LiveReply(post.send, interval=self.edit_interval)
        try:
            try:
                async with message.channel.typing():
                    answer = await self.bot.service.ask(message.content, history, on_progress=_shower(live, post))
            except InvalidQuestion as exc:
                await self.bot.log_rejected(message.content, message.author, message.channel, message.guild)
                await message.reply(str(exc))
                return
            answer_id = await self.bot.log_answer(answer, message.author, message.channel, message.guild,
                                                  time.perf_counter() - started)
            post.title = answer.question
            sent = await live.finish(answer_messages(answer, answer_id))
        finally:
            live.close()
        if key and answer.status != "error":
            self.recent.remember(message.channel.id, key, answer.brief_version, sent[0].jump_url)

    # --- slash commands ---------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask about the event these articles report")
    @app_commands.describe(question="Your question", private="Show the answer only to you")
    async def ask(self, interaction: discord.Interaction, question: str, private: bool = False) -> None:
        wait = self._retry_after(interaction.user)
        if wait:
            await interaction.response.send_message(f"You're asking quickly; please wait {wait:.0f} s.",
                                                    ephemeral=True)
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        key = None if private else self._question_key(question)
        where = interaction.channel_id or 0
        if key and (url := self.recent.get(where, key, self.bot.service.knowledge.version)):
            await interaction.followup.send(f"That was just asked here; the answer is {url}")
            return
        started = time.perf_counter()

        async def send(out: Outgoing) -> discord.Message:
            return await interaction.followup.send(out.content, ephemeral=private, wait=True, **send_options(out))

        live = LiveReply(send, interval=self.edit_interval)
        try:
            try:
                answer = await self.bot.service.ask(question, on_progress=_shower(live))
            except InvalidQuestion as exc:
                await self.bot.log_rejected(question, interaction.user, interaction.channel, interaction.guild)
                await interaction.followup.send(str(exc), ephemeral=True)
                return
            answer_id = await self.bot.log_answer(answer, interaction.user, interaction.channel, interaction.guild,
                                                  time.perf_counter() - started)
            sent = await live.finish(answer_messages(answer, answer_id))
        finally:
            live.close()
        if key and answer.status != "error":
            self.recent.remember(where, key, answer.brief_version, sent[0].jump_url)

    @app_commands.command(name="sources", description="The articles callbot answers from")
    async def sources(self, interaction: discord.Interaction) -> None:
        brief = self.bot.service.knowledge.brief
        esc = discord.utils.escape_markdown
        lines = ["**Sources**"]
        for e in brief.sources:
            when = f"{e.published.day} {e.published:%b %Y}"
            line = f"`{e.short_id}` **{esc(e.outlet)}** — {esc(e.title)}, {when} ({e.kind})"
            lines.append(f"{line} <{e.url}>" if e.url else line)
        await interaction.response.send_message("\n".join(lines)[:2000], ephemeral=True)

    @app_commands.command(name="help", description="How to use callbot")
    async def help(self, interaction: discord.Interaction) -> None:
        text = help_text(self.bot.service.knowledge.brief, self.bot.settings.help_channel_ids)
        await interaction.response.send_message(text, ephemeral=True)
