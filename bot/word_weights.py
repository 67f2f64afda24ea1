"""How much a word says: inverse document frequency over a set of texts, one formula for the brief's
ranking, retrieval, the support check and the disagreement finder."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from bot.text import Lexicon


def idf_table(docs: Iterable[AbstractSet[str]]) -> dict[str, float]:
    """Inverse document frequency of every word over `docs` (sets of stems): the one IDF formula
    the brief's ranking, retrieval, the support check and the disagreement finder share. Always
    positive: a word in every document still weighs log((n+1)/(n+0.5))."""
    sets = list(docs)
    df: Counter[str] = Counter(w for doc in sets for w in doc)
    return {w: math.log((len(sets) + 1) / (n + 0.5)) for w, n in df.items()}


def unknown_word_weight(n_docs: int) -> float:
    """The weight of a word none of `n_docs` documents contains: more than the rarest known word's
    (a word in one document weighs log((n+1)/1.5)), so evidence that lacks it misses the most."""
    return math.log(n_docs + 2) + 0.5


@dataclass(frozen=True)
class WordWeights:
    """How much each key stem of `lexicon` says: its IDF over a set of texts (`idf_table`), and for a
    stem none of them contains, `unknown` (`unknown_word_weight`). Call it with a stem."""

    idf: Mapping[str, float]
    unknown: float
    lexicon: Lexicon

    @classmethod
    def over(cls, texts: Iterable[str], lexicon: Lexicon) -> WordWeights:
        sets = [lexicon.stem_set(text) for text in texts]
        return cls(idf_table(sets), unknown_word_weight(len(sets)), lexicon)

    def __call__(self, stem: str) -> float:
        return self.idf.get(stem, self.unknown)
