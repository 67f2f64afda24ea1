"""What the Quotes button shows: the verbatim quotes of a logged answer, or which source changed.

The quotes come from the store (saved with the answer), so they are what the answer was checked
against even after a restart. After a /reload the current brief may no longer say them: a citation
is current when the brief is the same version, or when the current brief still has the cited fact
quoting that text from that article (or, fact ids having moved, any fact doing so). Otherwise the
reply says the article changed (or was removed) instead of showing text the articles no longer hold.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Literal

import discord

from bot.answer import Citation
from bot.brief import Brief
from bot.discord_app.render import split_message
from bot.log_entries import AnswerQuotes

State = Literal["current", "changed", "removed"]
_STATED: OrderedDict[str, frozenset[tuple[str, str]]] = OrderedDict()  # brief version -> (file, quote) pairs
_KEEP = 4


def _stated(brief: Brief) -> frozenset[tuple[str, str]]:
    """Every (article, verbatim quote) the brief's facts hold, computed once per brief version."""
    if brief.version not in _STATED:
        _STATED[brief.version] = frozenset((src, quote) for f in brief.all_facts for src, quote in f.quotes)
        while len(_STATED) > _KEEP:
            _STATED.popitem(last=False)
    return _STATED[brief.version]


def citation_state(citation: Citation, answer_version: str, brief: Brief) -> State:
    if answer_version == brief.version:
        return "current"
    if all(entry.file != citation.source_file for entry in brief.sources):
        return "removed"
    fact = brief.fact(citation.fact_id)
    if fact is not None and citation.source_file in fact.sources and fact.quote(citation.source_file) == citation.quote:
        return "current"
    return "current" if (citation.source_file, citation.quote) in _stated(brief) else "changed"


def _url(brief: Brief, file: str) -> str | None:
    entry = next((e for e in brief.sources if e.file == file), None)
    return entry.url if entry is not None and entry.url else None


def _heading(numbers: str, c: Citation, brief: Brief) -> str:
    esc = discord.utils.escape_markdown
    line = f"**{numbers} {esc(c.outlet)}** · *{esc(c.title)}* · {c.published.day} {c.published:%b %Y}"
    url = _url(brief, c.source_file)
    return f"{line} · <{url}>" if url else line


def quotes_reply(quotes: AnswerQuotes, brief: Brief) -> list[str]:
    """The ephemeral reply to a Quotes/Sources click, split under 2,000 characters."""
    esc = discord.utils.escape_markdown
    states = {c.n: citation_state(c, quotes.brief_version, brief) for c in quotes.citations}
    lines: list[str] = []
    if quotes.given_as_quotes:  # the answer's sentences are the quotes: name the articles, once each
        lines.append("The answer quotes these articles:")
        by_file: dict[str, list[Citation]] = {}
        for c in quotes.citations:
            by_file.setdefault(c.source_file, []).append(c)
        for cited in by_file.values():
            numbers = "".join(f"[{c.n}]" for c in cited)
            lines.append(_heading(numbers, cited[0], brief) + _change_note(states[cited[0].n], quotes, brief))
    else:
        lines.append("What the articles say, word for word:")
        for c in quotes.citations:
            lines.append("")
            lines.append(_heading(f"[{c.n}]", c, brief) + _change_note(states[c.n], quotes, brief))
            if states[c.n] == "current":
                lines.extend(f"> {esc(part)}" for part in c.quote.splitlines() if part.strip())
    if not quotes.citations:
        lines = ["This answer cites no article."]
    return split_message(discord.utils.escape_mentions("\n".join(lines)))


def _change_note(state: State, quotes: AnswerQuotes, brief: Brief) -> str:
    if state == "current":
        return ""
    what = "has changed" if state == "changed" else "was removed from the sources"
    return (f"\n⚠️ This article {what} since the answer was given (brief `{quotes.brief_version}`, now "
            f"`{brief.version}`), so its old quote is not shown; ask again for an answer from the current articles.")
