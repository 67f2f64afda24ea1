"""Retrieval over the brief's facts: BM25 (rank-bm25) to rank, weighted coverage to decide.

BM25 alone cannot say "none of these answers the question": it always ranks something first. So a
fact is only used when it also covers most of the question's key words, weighted by rarity (a
word no fact contains, like "borscht" or "Macron", weighs as much as the rarest words, so questions
about other things fall below the bar). Facts are indexed with their full article sentences, so a
merged quote is found by who said it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from bot.brief import Brief, BriefFact
from bot.text import key_stems

# Words that frame a question rather than say what it is about.
QUESTION_FRAME = frozenset(
    key_stems(
        "what who whom whose when where why how which tell say said talk mention happen happened know "
        "anything something everything article articles source sources please explain describe give "
        "detail details information mean meant think thought like place reason exactly really actually kind "
        "sort way thing things stuff overall long"
    )
)


@dataclass(frozen=True)
class Hit:
    fact: BriefFact
    score: float  # BM25, for ranking
    coverage: float  # weighted share of the question's key words the fact states


class Retriever:
    """An index over one brief; rebuilt with the brief on reload."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self._docs = [list(key_stems(f.context)) for f in brief.facts]
        self._sets = [set(doc) for doc in self._docs]
        self._bm25 = BM25Okapi(self._docs) if self._docs else None
        self._weights = brief.word_weights()
        self._unknown = brief.unknown_word_weight()

    def terms(self, question: str) -> list[str]:
        """Key words of a question, frame words removed (kept if nothing else is left)."""
        stems = list(dict.fromkeys(key_stems(question)))
        content = [w for w in stems if w not in QUESTION_FRAME and w != "not"]
        return content or [w for w in stems if w != "not"]

    def frame_terms(self, question: str) -> list[str]:
        """The frame words ("talk", "say"): they help ranking ("discussed" facts first), not deciding."""
        return [w for w in dict.fromkeys(key_stems(question)) if w in QUESTION_FRAME]

    def coverage(self, terms: list[str], index: int) -> float:
        if not terms:
            return 0.0
        weights = [self._weights.get(t, self._unknown) for t in terms]
        found = sum(w for t, w in zip(terms, weights, strict=True) if t in self._sets[index])
        return found / sum(weights)

    def coverage_by(self, terms: list[str], fact_ids: list[str]) -> float:
        """How well a set of facts together covers the terms (is an answer about the question?)."""
        if not terms:
            return 0.0
        index = {f.id: i for i, f in enumerate(self.brief.facts)}
        have = set().union(*(self._sets[index[f]] for f in fact_ids if f in index))
        weights = [self._weights.get(t, self._unknown) for t in terms]
        return sum(w for t, w in zip(terms, weights, strict=True) if t in have) / sum(weights)

    def search(self, terms: list[str], context_terms: list[str] = (), k: int = 5) -> list[Hit]:  # type: ignore[assignment]
        """Best facts for `terms`; `context_terms` (from an earlier question) only help ranking."""
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.get_scores([*terms, *terms, *context_terms])
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[: max(k * 3, 10)]
        hits = [Hit(self.brief.facts[i], float(scores[i]), self.coverage(terms, i)) for i in order]
        hits.sort(key=lambda h: (-(h.coverage * (1 + h.score)), self.brief.facts.index(h.fact)))
        return hits[:k]
