"""What the model returned: its text, why it stopped, what it cost; and the two things done with
every reply before it is read (usage added up, a sentence cut by the token limit dropped)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer import Usage


@dataclass
class Reply:
    text: str
    finish_reason: str | None
    usage: Usage


def add_usage(total: Usage, part: Usage) -> None:
    total.prompt_tokens += part.prompt_tokens
    total.completion_tokens += part.completion_tokens
    total.calls += part.calls


def without_cut_tail(reply: Reply) -> str:
    """A reply cut by the token limit ends mid-sentence: drop the unfinished last sentence."""
    text = reply.text
    if reply.finish_reason == "length":
        cut = max(text.rfind(". "), text.rfind(".\n"), text.rfind("]."))
        text = text[: cut + 2] if cut >= 0 else ""
    return text
