"""Plain-text rendering of answers and status for the console and the CLI (no Discord markup)."""

from __future__ import annotations

import textwrap

from bot.answer import Answer, Citation, FallbackReason
from bot.brief import Brief
from bot.stats import Stats

QUOTE_WIDTH = 220


def short_date(citation: Citation) -> str:
    return citation.published.strftime("%d %b %Y").lstrip("0")


def quoted(text: str) -> str:
    """Wrap in quotation marks unless the text already opens with one."""
    return text if text[:1] in "“\"‘'" else f"“{text}”"


def render_answer(answer: Answer) -> str:
    """The answer text, then one line per citation: [n] outlet — title, date: “quote”."""
    lines = [answer.text]
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for c in answer.citations:
            quote = textwrap.shorten(c.quote, QUOTE_WIDTH, placeholder=" …")
            lines.append(f"[{c.n}] {c.outlet} — {c.title}, {short_date(c)} ({c.source_file}): {quoted(quote)}")
    if answer.fallback and answer.fallback_reason is FallbackReason.LLM_ERROR:
        lines.append("(answered from quotes because the language model was unavailable)")
    return "\n".join(lines)


def render_sources(brief: Brief) -> str:
    lines = ["Sources of this brief:"]
    for entry in brief.sources:
        lines.append(f"- {entry.short_id} {entry.outlet} — {entry.title} ({entry.published:%a %d %b %Y}, {entry.kind})")
    return "\n".join(lines)


def status_lines(stats: Stats, *, engine: str, model: str | None, brief: Brief) -> list[str]:
    """The /status figures as label: value lines (shared by the console and Discord)."""
    p50, p95 = stats.latency(0.5), stats.latency(0.95)
    latency = f"{p50:.2f}s / {p95:.2f}s" if p50 is not None and p95 is not None else "no LLM calls yet"
    hours, rest = divmod(int(stats.uptime), 3600)
    return [
        f"engine: {engine}" + (f" ({model})" if model else ""),
        f"brief: {brief.version}, {brief.tokens} tokens, {len(brief.facts)} facts, {len(brief.sources)} sources",
        f"uptime: {hours}h {rest // 60}m {rest % 60}s",
        f"answered {stats.answered} · refused {stats.refused} · errors {stats.errors} · fallbacks {stats.fallbacks}"
        f" (unsupported {stats.unsupported_fallbacks}) · cache hits {stats.cache_hits}",
        f"sentences kept {stats.sentences_kept} · re-attributed {stats.sentences_reattributed} · "
        f"dropped {stats.sentences_dropped}",
        f"LLM calls {stats.llm_calls} · latency p50/p95 {latency}",
    ]
