"""Retrieval over every fact: lexical (BM25, rank-bm25) fused with semantic (bot.semantic).

BM25 finds the rare words a question shares with a sentence ("Geneva", "Merkel"); the embedding
finds the sentence a paraphrase means ("penalties" for "sanctions", a question in Spanish). Each
ranks every fact, and the two rankings are fused by reciprocal rank, so neither's score scale
matters. BM25's vote counts for the share of the question's words the articles use at all: chat
paraphrase leaves it only a word or two to rank by, and then meaning leads.
Ranking is all this does: whether the best facts *answer* the question is bot.decision's
call. Facts are indexed with their full article sentences, so a merged quote is found by who said
it. Without the embedding model retrieval is lexical only. It is no engine: the knowledge snapshot
builds one index per brief, and both engines (through bot.decision) read it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from bot import english, foreign_names, language
from bot.aliases import learn
from bot.brief import Brief, BriefFact
from bot.crosslingual import translated_stems
from bot.semantic import Embedder
from bot.sentences import quote_closed_unopened
from bot.vocabulary import QuestionProfile, Vocabulary, in_family

FUSION_K = 5  # reciprocal-rank constant: small, because the top few ranks are what matter here
DENSE_WEIGHT = 1.0  # the embedding's vote relative to BM25's


@dataclass(frozen=True)
class Hit:
    fact: BriefFact
    dense: float  # cosine to the question (0 without the model)
    coverage: float  # weighted share of the question's focus words the fact's context states


class Retriever:
    """An index over one brief's facts (all of them, in the brief or not); rebuilt on reload."""

    def __init__(self, brief: Brief, embedder: Embedder | None = None, event_name: str = "") -> None:
        self.facts = brief.all_facts
        self.lexicon = brief.lexicon
        self._docs = [list(self.lexicon.key_stems(f.context)) for f in self.facts]
        # a sentence naming "May" names Anna May (bot.corpus.learn_surnames): her given name counts as stated
        given = self.lexicon.surnames
        self._sets = [set(doc) | {given[w] for w in doc if w in given} for doc in self._docs]
        self._bm25 = BM25Okapi(self._docs) if any(self._docs) else None  # BM25 divides by the vocabulary size
        self._weights = brief.word_weights()
        self.typical_weight = float(np.median(list(self._weights.idf.values()))) if self._weights.idf else 1.0
        self._position = {f.id: i for i, f in enumerate(self.facts)}
        # the next fact of the same article: by position, as a fact may join two sentences ("He said. 'X'")
        placed: dict[str, list[tuple[int, BriefFact]]] = {}
        for f in self.facts:
            for o in f.occurrences:
                placed.setdefault(o.source, []).append((o.start, f))
        after: dict[tuple[str, int], BriefFact] = {}
        for source, facts in placed.items():
            facts.sort(key=lambda p: p[0])
            after.update({(source, start): nxt for (start, _), (_, nxt) in itertools.pairwise(facts)})
        self._following = {f.id: nxt for f in self.facts for o in f.occurrences[:1]
                           if (nxt := after.get((o.source, o.start))) is not None and nxt.id != f.id}
        self._preceding: dict[str, BriefFact] = {}  # the other way: the first fact followed by each
        for f in self.facts:
            if (nxt := self._following.get(f.id)) is not None:
                self._preceding.setdefault(nxt.id, f)
        self.aliases = learn(f.context for f in self.facts)
        outlets = [e.outlet for e in brief.sources]  # questions may name the outlets
        self.vocabulary = Vocabulary.build([f.context for f in self.facts], event_name, outlets, self.lexicon,
                                           brief.aside, [e.title for e in brief.sources])
        english.load()  # questions are read against an English word list: not on the event loop
        foreign_names.load()  # ...and other languages' names against theirs
        language.load()  # ...and, when their words don't tell, by a language model
        self.embedder = embedder if embedder is not None and embedder.available else None
        self._matrix = self.embedder.passages([f.text for f in self.facts]) if self.embedder else None

    @property
    def semantic(self) -> bool:
        return self._matrix is not None

    def profile(self, question: str) -> QuestionProfile:
        return self.vocabulary.profile(question)

    def translated(self, question: str, texts: list[str]) -> list[str]:
        """Key stems of the words of `texts` that the words of a question in another language mean
        (bot.crosslingual); none without the embedding model."""
        return translated_stems(self.embedder, self.lexicon, question, texts) if self.embedder else []

    def embed(self, question: str) -> np.ndarray | None:
        """The question's vector (tens of ms: call it off the event loop)."""
        return self.embedder.query(question) if self.embedder else None

    def terms(self, question: str, profile: QuestionProfile | None = None) -> list[str]:
        """Focus words of a question (frame words removed, acronyms expanded), kept if nothing else is
        left. Pass the question's `profile` when it is already at hand: profiling reads the vocabulary."""
        focus = [w for w in (profile or self.profile(question)).focus if w != "not"]
        return focus or [w for w in dict.fromkeys(self.lexicon.key_stems(question)) if w != "not"]

    def described(self, question: str, terms: Sequence[str]) -> list[str]:
        """Stems of the names of the people a question calls by their description only ("the harbour
        ministry spokesman"): the sentences that quote him by name are about him too."""
        names = [name.split()[-1] for _, name in self.aliases.described(question)]
        return [s for n in names for s in self.lexicon.key_stems(n) if s not in terms]

    def following(self, fact: BriefFact) -> BriefFact | None:
        """The fact stated by the next sentence of the article that first states `fact`."""
        return self._following.get(fact.id)

    def quote_opened_before(self, fact: BriefFact) -> BriefFact | None:
        """The fact whose sentence opens the quotation `fact` only closes ('I am all for it," Holt told a
        news conference.'): the sentence before it, when that one is followed by it; else None."""
        return self._preceding.get(fact.id) if quote_closed_unopened(fact.text) else None

    def closeness(self, fact: BriefFact, vector: np.ndarray) -> float:
        """The cosine of one fact to a question's vector (0 without the model)."""
        if self._matrix is None:
            return 0.0
        return float(self._matrix[self._position[fact.id]] @ vector)

    def weight(self, term: str) -> float:
        return self._weights(term)

    def coverage(self, terms: list[str], index: int) -> float:
        return self._covered(terms, self._sets[index])

    def coverage_by(self, terms: list[str], fact_ids: list[str]) -> float:
        """How well a set of facts together covers the terms (is an answer about the question?)."""
        have: set[str] = set()
        for fid in fact_ids:
            if fid in self._position:
                have |= self._sets[self._position[fid]]
        return self._covered(terms, have)

    def _covered(self, terms: list[str], have: set[str]) -> float:
        if not terms:
            return 0.0
        weights = [self.weight(t) for t in terms]
        found = sum(w for t, w in zip(terms, weights, strict=True) if in_family(t, have))
        return found / sum(weights)

    def search(self, terms: list[str], context_terms: Sequence[str] = (), k: int = 5,
               vector: np.ndarray | None = None) -> list[Hit]:
        """The k best facts: BM25 on `terms` (plus `context_terms` from an earlier question, for
        ranking only) fused with the embedding's ranking when a question vector is given."""
        words = [*terms, *terms, *context_terms]
        if self._bm25 is None or (not words and vector is None):
            return []
        n = len(self.facts)
        lexical = self._bm25.get_scores(words) if words else np.zeros(n)
        fused = np.zeros(n)
        semantic = vector is not None and self._matrix is not None
        if words:  # without the embedding BM25 ranks alone, whatever it can read
            vote = self._lexical_vote([*terms, *context_terms]) if semantic else 1.0
            fused[np.argsort(-lexical, kind="stable")] += vote / (FUSION_K + np.arange(1, n + 1))
        dense = np.zeros(n)
        if vector is not None and self._matrix is not None:  # (`semantic`, spelled out for the type checker)
            dense = self._matrix @ vector
            fused[np.argsort(-dense, kind="stable")] += DENSE_WEIGHT / (FUSION_K + np.arange(1, n + 1))
        order = sorted(range(n), key=lambda i: (-fused[i], i))[:k]
        return [Hit(self.facts[i], float(dense[i]), self.coverage(terms, i)) for i in order]

    def _lexical_vote(self, terms: list[str]) -> float:
        """BM25's vote, scaled by the share of the question's words the articles use at all: a question
        in the articles' words is ranked by both, one in chat paraphrase ("prez", "penalties") mostly by
        meaning, where BM25 reads only the few words it knows."""
        if not terms:
            return 1.0
        return sum(self.vocabulary.knows(t) for t in terms) / len(terms)
