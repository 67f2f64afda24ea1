"""Rendering answers for Discord: [n] markers, a compact sources block, messages under 2,000 chars.

Long replies are split at paragraph, then line, then sentence boundaries, never inside a citation
marker or a markdown pair, so every message reads on its own.
"""

from __future__ import annotations

import re
import textwrap

import discord

from bot.answer import Answer, Citation
from bot.render_text import quoted, short_date

LIMIT = 2000
QUOTE_CHARS = 180
TITLE_CHARS = 60
SOURCES_HEADING = "**Sources**"


def source_line(c: Citation) -> str:
    quote = discord.utils.escape_markdown(textwrap.shorten(c.quote, QUOTE_CHARS, placeholder=" …"))
    title = discord.utils.escape_markdown(textwrap.shorten(c.title, TITLE_CHARS, placeholder=" …"))
    return f"`[{c.n}]` **{discord.utils.escape_markdown(c.outlet)}** — {title}, {short_date(c)}: {quoted(quote)}"


def render(answer: Answer) -> str:
    """One text: answer, then the sources block."""
    body = discord.utils.escape_mentions(answer.text)
    if not answer.citations:
        return body
    lines = [body, "", SOURCES_HEADING, *(source_line(c) for c in answer.citations)]
    return "\n".join(lines)


def render_chunks(answer: Answer, limit: int = LIMIT) -> list[str]:
    return split_message(render(answer), limit)


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
