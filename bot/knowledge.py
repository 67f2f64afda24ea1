"""Knowledge: everything built from disk that answering needs, as one immutable snapshot.

The service swaps snapshots atomically on reload; a question keeps the snapshot it started with,
so it finishes on one brief version and reports that version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.brief import Brief, BriefFact, build_brief
from bot.corpus import load_corpus
from bot.disagreements import Statement, find_disagreements, restates
from bot.errors import CorpusError
from bot.retrieval import Retriever
from bot.semantic import Embedder

PROMPT_FILES = ("answer", "question", "retry", "nudge", "focus", "summary", "translate")


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation (a reply chain, or the console's history)."""

    question: str
    answer: str


@dataclass(frozen=True)
class Knowledge:
    brief: Brief
    retriever: Retriever
    prompts: dict[str, str]
    source_hashes: dict[str, str]
    disagreements: tuple[tuple[str, str], ...] = ()  # pairs of fact ids on which the articles differ

    @property
    def version(self) -> str:
        return self.brief.version

    def on_side(self, side: str, fact_ids: Iterable[str]) -> set[str]:
        """Those of `fact_ids` that state one side of a disagreement: the side's fact itself, or a fact
        restating it ("held their first telephone conversation" of "The first telephone conversation
        … was held")."""
        fact = self.brief.fact(side)
        lexicon = self.retriever.lexicon
        return {fid for fid in fact_ids if fid == side or (
            fact is not None and (other := self.brief.fact(fid)) is not None
            and restates(lexicon, fact.text, other.text))}


def load_prompts(prompts_dir: Path, event_name: str) -> dict[str, str]:
    """The prompt texts, with `{event}` replaced by the event's name from the manifest."""
    prompts = {}
    for name in PROMPT_FILES:
        path = prompts_dir / f"{name}.md"
        try:
            prompts[name] = path.read_text(encoding="utf-8").strip().replace("{event}", event_name)
        except (OSError, UnicodeDecodeError) as exc:
            raise CorpusError(f"{path}: cannot read prompt ({exc})") from None
        if not prompts[name]:
            raise CorpusError(f"{path}: prompt is empty")
    return prompts


def disagreement_pairs(brief: Brief) -> list[tuple[BriefFact, BriefFact]]:
    """Pairs of facts, from different articles, that conflict (bot.disagreements finds them)."""
    statements = [Statement(f.id, f.sources[0], f.text, brief.source(f.sources[0]).published) for f in brief.all_facts]
    pairs = []
    for d in find_disagreements(statements, brief.lexicon):
        a, b = brief.fact(d.a.id), brief.fact(d.b.id)
        if a is not None and b is not None:
            pairs.append((a, b))
    return pairs


def build_knowledge(seeds_dir: Path, prompts_dir: Path, budget: int, max_seed_bytes: int,
                    embedder: Embedder | None = None) -> Knowledge:
    """Seeds + prompts → a ready snapshot. Raises CorpusError with a readable message."""
    corpus = load_corpus(seeds_dir, max_seed_bytes)
    brief = build_brief(corpus, budget)
    hashes = {src.entry.file: hashlib.sha256(src.raw.encode()).hexdigest()[:12] for src in corpus.sources}
    pairs = tuple((a.id, b.id) for a, b in disagreement_pairs(brief))
    retriever = Retriever(brief, embedder, brief.event_name)
    return Knowledge(brief, retriever, load_prompts(prompts_dir, brief.event_name), hashes, pairs)
