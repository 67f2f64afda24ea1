"""The messages sent to the model: a byte-identical prefix (instructions and the brief), then
history and the question with its retrieved facts, or one request such as a briefing. The prefix
comes first in every request, so a server caching prompt prefixes pays for the brief once."""

from __future__ import annotations

import re

from bot.config import Settings
from bot.decision import Evidence
from bot.knowledge import Knowledge, Turn

_DISPLAY_MARKERS = re.compile(r"\s*\[\d+\]")
PASSAGES = 6  # retrieved facts shown next to the question


def prompt_prefix(knowledge: Knowledge) -> str:
    """Instructions + brief: identical bytes for every question of one brief version."""
    return f"{knowledge.prompts['answer']}\n\n{knowledge.brief.text}"


def question_message(question: str, knowledge: Knowledge, evidence: Evidence | None) -> str:
    """The last user message, after the cached prefix: the question, the facts retrieval found for
    it, then what to do with them. A small model follows what it read last, and refuses less when the
    facts are next to the question and the instruction comes after them (on dev2 with the 1.5B model:
    answers in its own words 6 -> 11 of 20, against the facts-then-question order)."""
    parts = [f"Question: {question}"]
    if evidence is not None and evidence.hits:
        lines = [f"{h.fact.id} {h.fact.text}" for h in evidence.hits[:PASSAGES]]
        parts.append("Facts that answer it:\n" + "\n".join(lines))
    parts.append(knowledge.prompts["question"])
    if evidence is not None and not evidence.profile.english:
        parts.append("Answer in English: the facts are in English and answers are checked against them.")
    return "\n\n".join(parts)


def focused_message(question: str, knowledge: Knowledge, facts: list[str]) -> str:
    """A second request after a cited answer failed the check: the question with only the facts the
    decision chose for it (`facts`: "F12 text" lines), then prompts/focus.md."""
    return "\n\n".join([f"Question: {question}", "Facts:\n" + "\n".join(facts), knowledge.prompts["focus"]])


def build_messages(
    settings: Settings, question: str, history: list[Turn], knowledge: Knowledge, evidence: Evidence | None = None
) -> list[dict[str, str]]:
    """The chat messages for a question: the fixed prefix first, then history, then the passages and
    the question."""
    prefix = prompt_prefix(knowledge)
    turns: list[dict[str, str]] = []
    for turn in history[-settings.history_turns :] if settings.history_turns else []:
        turns.append({"role": "user", "content": f"Question: {turn.question}"})
        turns.append({"role": "assistant", "content": _DISPLAY_MARKERS.sub("", turn.answer)})
    turns.append({"role": "user", "content": question_message(question, knowledge, evidence)})
    if settings.llm_instructions_in_user:
        # for chat templates that drop the system role: the prefix opens the first user message
        first = turns[0]
        return [{"role": "user", "content": f"{prefix}\n\n{first['content']}"}, *turns[1:]]
    return [{"role": "system", "content": prefix}, *turns]


def request_messages(settings: Settings, knowledge: Knowledge, content: str) -> list[dict[str, str]]:
    """The fixed prefix, then one request (a briefing) as the user's message."""
    prefix = prompt_prefix(knowledge)
    if settings.llm_instructions_in_user:
        return [{"role": "user", "content": f"{prefix}\n\n{content}"}]
    return [{"role": "system", "content": prefix}, {"role": "user", "content": content}]
