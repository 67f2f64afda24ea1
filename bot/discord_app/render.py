"""How answers look on Discord: the answer text, one compact sources line, buttons; the Quotes reply.

An answer message is the answer's own text with its [n] markers as the message content, and an
embed whose description is one line naming the cited articles (`[1] SouthFront, 29 Jan · [2] RT,
29 Jan`) and whose footer gives the brief version. The verbatim quotes are behind the **Quotes**
button (bot.discord_app.buttons), shown to the clicker only. An answer given as quotes (the offline
engine, or a fallback) has a **Sources** button instead: its sentences are the quotes already, so
the button shows the articles (title, outlet, date, link) without repeating them. Refusals and
errors are plain text. Text over 2,000 characters is split at paragraph, then line, then sentence
boundaries, never inside a citation marker, so every message reads on its own.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import discord

from bot.answer import Answer, Citation
from bot.discord_app.buttons import answer_view
from bot.log_entries import given_as_quotes

LIMIT = 2000
EMBED_DESCRIPTION_LIMIT = 4096
SHORT_TITLE_CHARS = 40
OUTLET_NOT_NAMED = "outlet not named"  # what sources.toml says for an article that names no outlet


@dataclass(frozen=True)
class Outgoing:
    """One message to send: content, and the embed and buttons (on the last message of an answer)."""

    content: str
    embed: discord.Embed | None = None
    view: discord.ui.View | None = None


def short_outlet(outlet: str, title: str) -> str:
    """The outlet as the sources line names it: "RT, republished by SyrianFreePress" → "RT",
    "Action News (with files from …)" → "Action News"; an article naming no outlet by its title."""
    if outlet == OUTLET_NOT_NAMED:
        return f"“{textwrap.shorten(title, SHORT_TITLE_CHARS, placeholder='…')}”"
    return re.split(r",\s|\s\(", outlet, maxsplit=1)[0].strip() or outlet


def day_month(day: dt.date, with_year: bool = False) -> str:
    return f"{day.day} {day:%b}" + (f" {day.year}" if with_year else "")


def sources_line(citations: Sequence[Citation]) -> str:
    """`[1][3] SouthFront, 29 Jan · [2] RT, 29 Jan`: each cited article once, in order of first
    citation, with every number that points at it; the year only when the articles span years."""
    by_file: dict[str, list[Citation]] = {}
    for c in citations:
        by_file.setdefault(c.source_file, []).append(c)
    with_year = len({c.published.year for c in citations}) > 1
    parts = []
    for cited in by_file.values():
        first = cited[0]
        markers = "".join(f"[{c.n}]" for c in cited)
        name = discord.utils.escape_markdown(short_outlet(first.outlet, first.title))
        parts.append(f"{markers} {name}, {day_month(first.published, with_year)}")
    return textwrap.shorten(" · ".join(parts), EMBED_DESCRIPTION_LIMIT, placeholder=" …")


def answer_embed(answer: Answer) -> discord.Embed | None:
    """The sources line, and the brief version in the footer; None for an answer citing nothing."""
    if not answer.citations:
        return None
    embed = discord.Embed(description=sources_line(answer.citations))
    embed.set_footer(text=f"brief {answer.brief_version}")
    return embed


def answer_messages(answer: Answer, answer_id: str | None) -> list[Outgoing]:
    """The messages of one answer: its text (split under 2,000 characters), the last one with the
    sources embed and the buttons. Without an answer id (the log is unavailable) there are no buttons."""
    text = discord.utils.escape_mentions(answer.text)  # no ping can happen anyway; this keeps "@everyone" from showing
    chunks = split_message(text)
    if answer.status == "error":
        return [Outgoing(chunk) for chunk in chunks]
    quotes: Literal["quotes", "sources"] | None = None
    embed = None
    if answer.status == "refused" or not answer.citations:
        pass  # plain text, feedback buttons only
    else:
        embed = answer_embed(answer)
        quotes = "sources" if given_as_quotes(answer.engine, answer.fallback_reason) else "quotes"
    view = answer_view(answer_id, quotes) if answer_id else None
    return [Outgoing(chunk) for chunk in chunks[:-1]] + [Outgoing(chunks[-1], embed, view)]


def code_block_chunks(text: str, limit: int = LIMIT) -> list[str]:
    """A monospaced text (a report, a digest) in code blocks under the limit; backticks in user text
    cannot end a block early."""
    fence = len("```\n\n```")
    return [f"```\n{piece}\n```" for piece in split_message(text.replace("```", "ʼʼʼ"), limit - fence)]


_SENTENCE_END = re.compile(r"(?<=[.!?…])(?:\s*(?:\[\d+\])+[.!?]?)?\s+(?=\S)")


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at the gentlest boundary available: between
    lines first, then between sentences (a sentence keeps its [n] markers), then between words."""
    if len(text) <= limit:
        return [text]
    units: list[tuple[str, str]] = []  # (separator before it, text)
    for n, line in enumerate(text.split("\n")):
        parts = [line] if len(line) <= limit else [w for s in _split_sentences(line) for w in _hard_wrap(s, limit)]
        units.extend(("\n" if n else "", part) if i == 0 else (" ", part) for i, part in enumerate(parts))
    chunks: list[str] = []
    current: str | None = None
    for sep, part in units:
        if current is None:
            current = part
        elif len(current) + len(sep) + len(part) <= limit:
            current += sep + part
        else:
            chunks.append(current)
            current = part
    if current is not None:
        chunks.append(current)
    return [c.strip() for c in chunks if c.strip()]


def _split_sentences(line: str) -> list[str]:
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        end = match.start() + len(match.group(0).rstrip())
        parts.append(line[start:end])
        start = match.end()
    parts.append(line[start:])
    return [p for p in parts if p]


def _hard_wrap(sentence: str, limit: int) -> list[str]:
    if len(sentence) <= limit:
        return [sentence]
    return textwrap.wrap(sentence, limit, break_long_words=True, break_on_hyphens=False)
