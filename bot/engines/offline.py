"""The offline engine: answers by quoting the best one to three facts, or declines.

No model, no network: it is the embedded default, and the fallback whenever the LLM fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answer import OFFLINE_LEAD, Answer, Supported, compose, refusal
from bot.engines.retrieval import Retriever
from bot.knowledge import Knowledge, Turn

MAX_FACTS = 3
RELATIVE_SCORE = 0.5  # a second or third fact must score at least half of the best one...
COVERAGE_SPREAD = 0.15  # ...and cover the question nearly as well
_FOLLOW_UP = re.compile(
    r"^\s*(and|also|what about|how about|and what|but|so|then|why|what else|anything else)\b|\b(he|she|they|it|that|"
    r"this|them|those|there|him|her)\b",
    re.IGNORECASE,
)


@dataclass
class OfflineEngine:
    """Retrieval-based answers with a calibrated refusal threshold."""

    min_coverage: float = 0.5
    name: str = "offline"

    def query_terms(self, retriever: Retriever, question: str, history: list[Turn]) -> tuple[list[str], list[str]]:
        """(terms, context terms): a follow-up borrows the previous question's terms."""
        terms = retriever.terms(question)
        context: list[str] = [w for w in retriever.frame_terms(question) if w not in terms]
        if history and (len(terms) <= 2 or _FOLLOW_UP.search(question)):
            for turn in reversed(history):
                earlier = [t for t in retriever.terms(turn.question) if t not in terms and t not in context]
                if earlier:
                    context = [*earlier, *context]
                    break
        return terms, context

    def select(self, knowledge: Knowledge, question: str, history: list[Turn]) -> list[Supported]:
        retriever = knowledge.retriever
        terms, context = self.query_terms(retriever, question, history)
        hits = retriever.search(terms, context)
        earlier = [t for t in context if t not in retriever.frame_terms(question)]
        if earlier and (not hits or hits[0].coverage < self.min_coverage):
            # "what did he say about it?": judge on the earlier question's words too
            hits = retriever.search([*terms, *earlier])
        if not hits or hits[0].coverage < self.min_coverage:
            return []
        best = hits[0]
        chosen = [
            h for h in hits
            if h.coverage >= max(self.min_coverage, best.coverage - COVERAGE_SPREAD)
            and h.coverage * (1 + h.score) >= RELATIVE_SCORE * best.coverage * (1 + best.score)
        ][:MAX_FACTS]
        return [Supported(h.fact.text, (h.fact.id,), round(h.coverage, 3)) for h in chosen]

    def relevance(self, knowledge: Knowledge, question: str, history: list[Turn], fact_ids: list[str]) -> float:
        """How well the given facts cover the question (with a follow-up's earlier terms)."""
        retriever = knowledge.retriever
        terms, context = self.query_terms(retriever, question, history)
        earlier = [t for t in context if t not in retriever.frame_terms(question)]
        alone = retriever.coverage_by(terms, fact_ids)
        return max(alone, retriever.coverage_by([*terms, *earlier], fact_ids)) if earlier else alone

    async def answer(self, question: str, history: list[Turn], knowledge: Knowledge) -> Answer:
        return self.answer_now(question, history, knowledge)

    def answer_now(
        self, question: str, history: list[Turn], knowledge: Knowledge, *, lead_in: str = OFFLINE_LEAD,
        fallback_reason: str | None = None,
    ) -> Answer:
        kept = self.select(knowledge, question, history)
        if not kept:
            return refusal(question, knowledge.brief.version, engine="offline", fallback_reason=fallback_reason)
        return compose(question, knowledge.brief, kept, engine="offline", lead_in=lead_in,
                       fallback_reason=fallback_reason)
