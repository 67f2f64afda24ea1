"""The offline engine: answers by quoting the facts that answer, or declines.

No model, no network: it is the embedded default, and the fallback whenever the LLM fails. What
to say is decided by bot.decision (shared with the LLM engine); this engine turns the decision into
a reply: the chosen facts quoted and cited, the source list, "the articles end on …", or the refusal.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.answer import (
    FOREIGN_LEAD,
    FOREIGN_REFUSAL,
    FOREIGN_UNKNOWN,
    OFFLINE_LEAD,
    UNSTATED_LEAD,
    Answer,
    EngineName,
    FallbackReason,
    Progress,
    Supported,
    compose,
    refusal,
)
from bot.decision import Evidence, follow_up_terms, gather
from bot.knowledge import Knowledge, Turn
from bot.overview import offline_summary
from bot.source_answers import after_articles, sources_answer


@dataclass
class OfflineEngine:
    """Quotes of the best facts, or a refusal, as bot.decision says."""

    min_coverage: float = 0.5
    name: EngineName = "offline"
    model: str | None = None

    async def summarize(self, topic: str | None, knowledge: Knowledge) -> Answer:
        return offline_summary(knowledge, topic)

    async def warm_up(self, knowledge: Knowledge) -> None:
        """Nothing to prepare: retrieval is built with the snapshot."""

    async def close(self) -> None:
        """Nothing to release."""

    async def evidence(self, question: str, history: list[Turn], knowledge: Knowledge) -> Evidence:
        """Rank and decide off the event loop: embedding the question takes tens of milliseconds, and a
        question in another language has its words embedded too (about a second the first time)."""
        return await asyncio.to_thread(_evidence, question, history, knowledge)

    async def answer(self, question: str, history: list[Turn], knowledge: Knowledge,
                     on_progress: Progress | None = None) -> Answer:
        """Quotes are ready at once: nothing to show before the answer, so `on_progress` is never called."""
        return self.reply(await self.evidence(question, history, knowledge), question, knowledge)

    def reply(self, evidence: Evidence, question: str, knowledge: Knowledge, *, lead_in: str | None = None,
              fallback_reason: FallbackReason | None = None, engine: EngineName = "offline") -> Answer:
        """The reply the evidence calls for; `lead_in` labels quotes given in place of a model's answer."""
        brief = knowledge.brief
        if evidence.verdict == "sources":
            return sources_answer(question, brief, evidence.profile, engine=engine)
        if evidence.verdict == "after":
            return after_articles(question, brief, engine=engine)
        if evidence.verdict == "decline" or not evidence.chosen:
            answer = refusal(question, brief.version, engine=engine, fallback_reason=fallback_reason)
            if not evidence.profile.english:  # never a silent refusal in another language
                names = evidence.profile.unknown_names
                why = FOREIGN_UNKNOWN.format(names=", ".join(names)) if names else FOREIGN_REFUSAL
                answer.text = f"{answer.text} {why}"
            return answer
        kept = [Supported(h.fact.text, (h.fact.id,), round(max(h.coverage, h.dense), 3)) for h in evidence.chosen]
        kept += other_sides(knowledge, [k.fact_ids[0] for k in kept], restated=not evidence.typed)
        lead = lead_in or (UNSTATED_LEAD if evidence.unreported else
                           OFFLINE_LEAD if evidence.profile.english else FOREIGN_LEAD)
        return compose(question, brief, kept, engine=engine, lead_in=lead, fallback_reason=fallback_reason)

    def relevance(self, knowledge: Knowledge, question: str, history: list[Turn], fact_ids: list[str]) -> float:
        """How well the given facts cover the question (with a follow-up's earlier terms)."""
        retriever = knowledge.retriever
        terms = retriever.terms(question)
        earlier = follow_up_terms(retriever, question, terms, history)
        alone = retriever.coverage_by(terms, fact_ids)
        return max(alone, retriever.coverage_by([*terms, *earlier], fact_ids)) if earlier else alone


def other_sides(knowledge: Knowledge, fact_ids: list[str], *, restated: bool = True) -> list[Supported]:
    """Where an answer quotes one side of a point the articles disagree on (or, with `restated`, a
    fact restating that side: "held their first telephone conversation" of "The first telephone
    conversation … was held"), the other side too. A typed question ("how long did they talk?") gets
    the other side only of the very fact it quotes: the sentences answering it hold its kind of answer."""
    out: list[Supported] = []
    for a, b in knowledge.disagreements:
        for mine, theirs in ((a, b), (b, a)):
            fact = knowledge.brief.fact(theirs)
            if fact is None or theirs in fact_ids or any(s.fact_ids[0] == theirs for s in out):
                continue
            if mine in fact_ids or (restated and knowledge.on_side(mine, fact_ids)):
                out.append(Supported(fact.text, (fact.id,)))
    return out


def _evidence(question: str, history: list[Turn], knowledge: Knowledge) -> Evidence:
    vector = knowledge.retriever.embed(question) if knowledge.retriever.semantic else None
    return gather(knowledge, question, history, vector)
