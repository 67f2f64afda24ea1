"""What one logged question is made of, and what the "Quotes" button reads back: plain data, kept
apart from the SQLite code in bot.store that writes and reads it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.answer import Answer, Citation


def utc_now() -> dt.datetime:
    """The wall clock, for the edges only; the store itself is always given `now`."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class QuestionEntry:
    """One question to log. `user_id` is hashed on write and never stored."""

    asked_at: dt.datetime
    user_id: int | str
    question: str
    status: str
    engine: str
    brief_version: str
    guild_id: int | None = None
    channel_id: int | None = None
    fallback_reason: str | None = None
    sentences_kept: int = 0
    sentences_dropped: int = 0
    latency: float | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    citations: tuple[Citation, ...] = ()

    @classmethod
    def from_answer(cls, answer: Answer, *, asked_at: dt.datetime, user_id: int | str,
                    guild_id: int | None = None, channel_id: int | None = None,
                    latency: float | None = None) -> QuestionEntry:
        usage = answer.usage
        return cls(asked_at=asked_at, user_id=user_id, question=answer.question, status=answer.status,
                   engine=answer.engine, brief_version=answer.brief_version, guild_id=guild_id,
                   channel_id=channel_id, fallback_reason=answer.fallback_reason,
                   sentences_kept=len(answer.sentences), sentences_dropped=answer.dropped, latency=latency,
                   prompt_tokens=usage.prompt_tokens if usage else 0,
                   completion_tokens=usage.completion_tokens if usage else 0,
                   citations=tuple(answer.citations))


def given_as_quotes(engine: str, fallback_reason: str | None) -> bool:
    """An answer of the offline engine, or a fallback to quotes: its sentences are the quotes, so a
    "Quotes" button would only show them again (the edge shows the articles instead)."""
    return engine == "offline" or fallback_reason is not None


@dataclass(frozen=True)
class AnswerQuotes:
    """What the persistent "Quotes" button shows: the citations of one logged answer."""

    answer_id: str
    question: str
    brief_version: str
    citations: tuple[Citation, ...]
    engine: str = "offline"
    fallback_reason: str | None = None

    @property
    def given_as_quotes(self) -> bool:
        return given_as_quotes(self.engine, self.fallback_reason)
