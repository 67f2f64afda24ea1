"""Answer, Citation and AnswerSentence models, and how kept sentences become a numbered answer.

Citations are numbered in display order, one per (fact, article) pair, so every number points at
one article and quotes text that article states verbatim. One fixed refusal text is used
everywhere so users and tests can rely on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.brief import Brief

REFUSAL_TEXT = "The articles I have don't say anything about that, so I can't answer it."
FALLBACK_LEAD = "The language model was unavailable, so here are the closest quotes from the articles:"
UNSUPPORTED_LEAD = "The language model's answer could not be checked against the articles; the closest quotes are:"
OFF_QUESTION_LEAD = "The language model's answer did not address the question, so here are the closest quotes:"
DECLINED_LEAD = "The language model found no answer; the closest quotes from the articles are:"
OFFLINE_LEAD = "Here is what the articles say:"
# "he signed it, didn't he?", where no sentence about it says anyone signed anything: the premise is not reported
# (judged as a refusal is: on the facts about the question; another sentence may say "likely signing more orders")
UNSTATED_LEAD = "The articles don't report that; here is what they say about it:"
FOREIGN_REFUSAL = ("The articles are in English and I could not match your question to them; asking in English "
                   "may help.")
# a question in another language declined for a name the articles never write: say which
FOREIGN_UNKNOWN = "They never mention {names}."
FOREIGN_LEAD = ("I can only check answers against the articles, which are in English, so here is what they say, "
                "in English:")
# a question in another language that the model translated: the reader sees how it was read
READ_AS = "I read your question as “{question}”"
READ_AS_LEAD = READ_AS + "; the articles are in English, and so is the answer:"

Status = Literal["answered", "refused", "error"]
EngineName = Literal["offline", "llm"]


class FallbackReason(StrEnum):
    """Why quotes were given in place of the model's answer."""

    LLM_ERROR = "llm_error"  # the model failed (see `error_detail`)
    UNSUPPORTED = "unsupported"  # nothing it wrote passed the support check, twice
    OFF_QUESTION = "off_question"  # supported, but by facts retrieval did not find for this question
    LLM_DECLINED = "llm_declined"  # it said the facts do not answer


class Citation(BaseModel):
    """One numbered citation: which article states the quoted fact."""

    n: int
    fact_id: str
    source_file: str
    outlet: str
    title: str
    published: dt.date
    quote: str


class AnswerSentence(BaseModel):
    """A sentence shown to the user, with the citation numbers behind it."""

    text: str
    citations: list[int] = Field(default_factory=list)
    fact_ids: list[str] = Field(default_factory=list)
    support: float = 1.0
    reattributed: bool = False


class Usage(BaseModel):
    """Token usage reported by the LLM server (summed over the calls of one answer)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0


class Answer(BaseModel):
    """What every edge renders."""

    question: str
    status: Status
    text: str  # the visible text with [n] markers; "answer" in the JSON contract
    lead_in: str | None = None
    sentences: list[AnswerSentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    engine: EngineName
    fallback: bool = False
    fallback_reason: FallbackReason | None = None
    error_detail: str | None = None  # what failed, for a fallback because of an LLM error
    brief_version: str
    dropped: int = 0
    usage: Usage | None = None
    error: str | None = None
    cached: bool = False
    llm_seconds: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The `callbot ask --json` contract of DESIGN.md (plus a few extra keys)."""
        data: dict[str, Any] = {
            "question": self.question,
            "status": self.status,
            "answer": self.text,
            "engine": self.engine,
            "brief_version": self.brief_version,
            "citations": [
                {"n": c.n, "source_file": c.source_file, "outlet": c.outlet, "title": c.title, "quote": c.quote,
                 "fact_id": c.fact_id, "published": c.published.isoformat()}
                for c in self.citations
            ],
            "sentences": [
                {"text": s.text, "citations": s.citations, "support": round(s.support, 3),
                 "reattributed": s.reattributed}
                for s in self.sentences
            ],
            "dropped": self.dropped,
        }
        if self.fallback:
            data["fallback"] = True
            data["fallback_reason"] = self.fallback_reason.value if self.fallback_reason else None
            if self.error_detail:
                data["error_detail"] = self.error_detail
        if self.error:
            data["error"] = self.error
        if self.usage:
            data["usage"] = self.usage.model_dump()
        return data


Progress = Callable[[Answer], None]
"""Receives checked answers-so-far while an answer is written. Called on the event loop between
reads of the model's reply, so it must return at once (hand the work to a task of its own)."""


@dataclass(frozen=True)
class Supported:
    """A sentence that passed the support check, with the facts that support it."""

    text: str
    fact_ids: tuple[str, ...]
    support: float = 1.0
    reattributed: bool = False


def compose(
    question: str,
    brief: Brief,
    kept: list[Supported],
    *,
    engine: EngineName,
    lead_in: str | None = None,
    dropped: int = 0,
    fallback_reason: FallbackReason | None = None,
    usage: Usage | None = None,
) -> Answer:
    """Number the citations in display order and build the visible text."""
    if not kept:
        return refusal(question, brief.version, engine=engine, dropped=dropped, usage=usage,
                       fallback_reason=fallback_reason)
    numbers: dict[tuple[str, str], int] = {}
    citations: list[Citation] = []
    sentences: list[AnswerSentence] = []
    for item in kept:
        cited: list[int] = []
        for fact_id in item.fact_ids:
            fact = brief.fact(fact_id)
            if fact is None:
                continue
            for file in fact.sources:
                key = (fact.id, file)
                if key not in numbers:
                    numbers[key] = len(numbers) + 1
                    entry = brief.source(file)
                    citations.append(Citation(n=numbers[key], fact_id=fact.id, source_file=file,
                                              outlet=entry.outlet, title=entry.title,
                                              published=entry.published, quote=fact.quote(file)))
                if numbers[key] not in cited:
                    cited.append(numbers[key])
        sentences.append(AnswerSentence(text=item.text, citations=cited, fact_ids=list(item.fact_ids),
                                        support=item.support, reattributed=item.reattributed))
    body = " ".join(with_markers(s.text, s.citations) for s in sentences)
    text = f"{lead_in}\n{body}" if lead_in else body
    return Answer(question=question, status="answered", text=text, lead_in=lead_in, sentences=sentences,
                  citations=citations, engine=engine, fallback=fallback_reason is not None,
                  fallback_reason=fallback_reason, brief_version=brief.version, dropped=dropped, usage=usage)


def with_markers(text: str, numbers: list[int]) -> str:
    """'It lasted an hour.' + [1, 2] → 'It lasted an hour [1][2].' (after a closing quote: appended)."""
    if not numbers:
        return text
    markers = "".join(f"[{n}]" for n in numbers)
    if text[-1:] in ".!?" and text[-2:-1] not in ".!?":
        return f"{text[:-1]} {markers}{text[-1]}"
    return f"{text} {markers}"


def refusal(
    question: str,
    version: str,
    *,
    engine: EngineName,
    dropped: int = 0,
    usage: Usage | None = None,
    fallback_reason: FallbackReason | None = None,
) -> Answer:
    return Answer(question=question, status="refused", text=REFUSAL_TEXT, engine=engine,
                  brief_version=version, dropped=dropped, usage=usage,
                  fallback=fallback_reason is not None, fallback_reason=fallback_reason)


def error_answer(question: str, version: str, message: str, *, engine: EngineName = "offline") -> Answer:
    """A short error reply (bad input, an internal failure) in the same shape as answers."""
    return Answer(question=question, status="error", text=message, engine=engine, brief_version=version,
                  error=message)
