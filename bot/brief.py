"""The brief: the ranked, budgeted, rendered list of facts the engines answer from.

The rendered text is the LLM's prompt prefix, so it must be byte-identical for the same input.
Facts are ranked once (centrality in the story, how many articles state them, novelty against the
facts ranked before them); a budget keeps a prefix of that ranking, so a smaller budget always
keeps a subset of what a larger one keeps. Facts that mostly repeat better-ranked ones rank last, so
a tight budget drops repetition first; at the default budget every fact of these articles is kept
(the prefix is cached by the server, so completeness is worth a few hundred tokens). Every fact has
an id, in the brief or not (`Brief.pool`): retrieval can bring a fact the budget left out.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.corpus import DEFAULT_EVENT_NAME, Corpus, EventInfo, SourceEntry, load_corpus
from bot.dates import resolve_dates
from bot.disagreements import Statement, find_disagreements
from bot.facts import Fact, Occurrence, build_facts, is_headline, open_quote
from bot.name_learning import acronym_words
from bot.text import GENERAL, Lexicon, content_stems
from bot.tokens import get_counter
from bot.word_weights import WordWeights, idf_table

_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
BRIEF_FORMAT = "brief-v4"  # bump when ranking or rendering changes, so versions change too
MIN_NOVELTY = 0.45  # a fact whose words are mostly said by one better-ranked fact is repetition...
MIN_NEW_INFO = 6.0  # ...unless what it adds weighs about two rare words ("which lasted about an hour")
DENSITY_EXPONENT = 0.8  # worth per token^0.8: short specific facts beat long ones, not tiny ones
DATED_WEIGHT = 1.3  # facts giving a day ("on Friday", "Jan. 20") carry the timeline
HEADLINE_WEIGHT = 0.5  # headlines and fragments (no closing full stop) restate the body in short
DOMINATED = 0.85  # share of a fact's weight another fact must state to make it redundant outright
GROUP_TAG_TOKENS = 2  # a fact's share of its "[001 002]" tag line, on average; the exact text is checked
MIN_STEMS = 3  # fewer content words than this is not a statement ("I agree with him.")

KIND_HINTS = {
    "report": "report after the event",
    "preview": "written before the event",
    "aggregate": "mixes a preview written before the event with reporting after it",
}


@dataclass(frozen=True)
class BriefFact:
    """A fact as the engines see it: stable id, verbatim text and where each source states it."""

    id: str
    text: str
    sources: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    context: str  # the full article sentence(s) around the text: who said it, about what
    quotes: tuple[tuple[str, str], ...] = ()  # (source, that source's own verbatim sentence)
    notes: str = ""  # who the people it names are, in the articles' words (bot.aliases): for the support check
    gap: bool = False  # its claim was lost in the scrape ("The board has been \xa0about …"): the next sentence says it

    @property
    def evidence(self) -> str:
        """What a sentence citing this fact is checked against: its context and its notes."""
        return f"{self.context} {self.notes}" if self.notes else self.context

    def quote(self, source: str) -> str:
        """What a citation of this fact in `source` shows: that article's own sentence."""
        return dict(self.quotes).get(source, self.text)


@dataclass(frozen=True)
class SourceStats:
    file: str
    raw_tokens: int
    cleaned_tokens: int
    brief_tokens: int


@dataclass(frozen=True)
class Brief:
    """Everything downstream needs: the rendered text, its facts, its sources, its version."""

    version: str
    encoding: str
    tokens: int
    budget: int
    text: str
    facts: tuple[BriefFact, ...]
    sources: tuple[SourceEntry, ...]
    stats: tuple[SourceStats, ...]
    pool: tuple[BriefFact, ...] = ()  # every fact, in the brief or left out by the budget
    event: EventInfo | None = None
    lexicon: Lexicon = GENERAL  # how retrieval, the support check and the disagreement finder compare words
    aside: tuple[str, ...] = ()  # the pages' lines that are not reporting (reader comments): never quoted

    @property
    def event_name(self) -> str:
        return self.event.name if self.event else DEFAULT_EVENT_NAME

    @property
    def ends(self) -> dt.date | None:
        """When the newest article was written: what the articles cannot report comes after it."""
        return max((entry.published for entry in self.sources), default=None)

    def fact(self, fact_id: str) -> BriefFact | None:
        return self._by_id.get(fact_id.upper())

    def cited(self, fact_ids: Iterable[str]) -> list[BriefFact]:
        """The facts these ids name, each once, in citation order; unknown ids are skipped."""
        return list({f.id: f for f in (self.fact(i) for i in fact_ids) if f is not None}.values())

    @property
    def all_facts(self) -> tuple[BriefFact, ...]:
        """Every fact with an id: what retrieval, the support check and citations work over."""
        return self.pool or self.facts

    @functools.cached_property
    def _by_id(self) -> dict[str, BriefFact]:
        return {f.id: f for f in self.all_facts}

    @functools.cached_property
    def _weights(self) -> WordWeights:
        return WordWeights.over((f.context for f in self.all_facts), self.lexicon)

    @functools.cached_property
    def _acronyms(self) -> dict[str, str]:
        """Acronyms the facts spell out but never write ("fm" → "Foreign Minister")."""
        written = {w.lower() for f in self.all_facts for w in _ACRONYM.findall(f.evidence)}
        runs = acronym_words(f.evidence for f in self.all_facts)
        return {letters: " ".join(run) for letters, run in runs.items() if letters not in written}

    def spelt_out(self, text: str) -> str:
        """`text` with each acronym the facts only spell out written as they write it ("the Russian
        FM" → "the Russian Foreign Minister"): a sentence is checked in the facts' words."""
        return _ACRONYM.sub(lambda m: self._acronyms.get(m.group().lower(), m.group()), text)

    def word_weights(self) -> WordWeights:
        """IDF of every key stem over the facts' contexts (computed once per brief): a name in almost
        every fact weighs little, a place named once weighs a lot; a word no fact contains, the most."""
        return self._weights

    def source(self, file: str) -> SourceEntry:
        """The manifest entry of one of the brief's articles; KeyError naming the file otherwise."""
        found = next((entry for entry in self.sources if entry.file == file), None)
        if found is None:
            raise KeyError(f"{file} is not a source of brief {self.version}")
        return found

    def to_json(self) -> dict[str, Any]:
        """The `callbot brief --json` contract of DESIGN.md."""
        return {
            "version": self.version,
            "encoding": self.encoding,
            "tokens": self.tokens,
            "facts": [{"id": f.id, "text": f.text, "sources": list(f.sources)} for f in self.facts],
        }


KIND_WEIGHT = {"report": 1.0, "preview": 0.85, "aggregate": 0.7}  # reports after the event come first


def rank_facts(facts: list[Fact], kinds: dict[str, str], published: dict[str, dt.date]) -> list[Fact]:
    """Order facts best first; facts that mostly repeat a better-ranked fact are left out.

    A fact's worth: how specific it is (summed IDF of its words, saturating), the kind of article
    stating it, how early in that article (news puts the main facts first), and how many articles
    state it. Picking greedily, each candidate is discounted by its largest IDF-weighted overlap with
    one already picked fact (maximal marginal relevance), so paraphrases do not crowd out facts.
    """
    stems = [set(content_stems(f.text)) for f in facts]
    idf = idf_table(stems)
    weight = [sum(idf[w] for w in words) for words in stems]
    spread: Counter[str] = Counter()  # in how many articles each word occurs: the story's vocabulary
    for source in {occ.source for fact in facts for occ in fact.occurrences}:
        spread.update({w for fact, words in zip(facts, stems, strict=True) if source in fact.sources for w in words})
    base = []
    for fact, words, info in zip(facts, stems, weight, strict=True):
        if len(words) < MIN_STEMS:
            base.append(0.0)
            continue
        first = fact.occurrences[0]
        kind = max(KIND_WEIGHT[kinds[occ.source]] for occ in fact.occurrences)
        position = 1 / (1 + 0.01 * first.sentence_index)
        specificity = min(info, 30.0) / 30.0
        cost = (len(fact.text) / 4) ** DENSITY_EXPONENT  # tokens, roughly: the budget is in tokens
        on_story = sum(idf[w] for w in words if spread[w] > 1) / info
        worth = specificity * kind * position * (0.5 + on_story) * (1 + 0.3 * (len(fact.sources) - 1))
        if len(fact.sources) == 1 and is_headline(fact.text):
            worth *= HEADLINE_WEIGHT
        if any(d.precision == "day" for d in resolve_dates(fact.text, published[fact.sources[0]])):
            worth *= DATED_WEIGHT  # a dated event anchors the timeline
        base.append(worth / cost)

    def overlap(i: int, j: int) -> float:
        return sum(idf[w] for w in stems[i] & stems[j]) / weight[i]

    def _dominated(i: int) -> bool:
        """Another fact, stated by at least as many articles, says all this and more."""
        return any(
            j != i
            and weight[j] > weight[i]
            and len(facts[j].sources) >= len(facts[i].sources)
            and overlap(i, j) >= DOMINATED
            for j in range(len(facts))
        )

    ranked: list[int] = []
    repeats: list[int] = []  # mostly said already: ranked last, in reading order
    redundancy = [0.0] * len(facts)
    remaining = {i for i, score in enumerate(base) if score > 0 and not _dominated(i)}
    while remaining:
        best = max(remaining, key=lambda i: (base[i] * (1 - redundancy[i]), -i))
        remaining.discard(best)
        if 1 - redundancy[best] < MIN_NOVELTY and (1 - redundancy[best]) * weight[best] < MIN_NEW_INFO:
            repeats.append(best)
            continue
        ranked.append(best)
        for i in remaining:
            redundancy[i] = max(redundancy[i], overlap(i, best))
    picked = set(ranked) | set(repeats)
    rest = sorted(repeats) + [i for i in range(len(facts)) if i not in picked]
    return [facts[i] for i in ranked + rest]


def _context(corpus: Corpus | None, fact: Fact) -> str:
    """The whole sentences each occurrence sits in (a merged quote keeps its "the ministry said")."""
    if corpus is None:
        return fact.text
    parts: list[str] = []
    for occ in fact.occurrences:
        sentences = corpus.source(occ.source).sentences
        inside = [s for s in sentences if s.end > occ.start and s.start < occ.end]
        if inside and open_quote(" ".join(s.text for s in inside)) and inside[-1].index + 1 < len(sentences):
            inside.append(sentences[inside[-1].index + 1])  # the quote goes on: "...,” he told reporters.
        parts.extend(s.text for s in inside if s.text not in parts)
        # resolved dates, so "they met on 12 June" is supported by "On Friday" (written Sunday 14 June)
        written = corpus.source(occ.source).entry.published
        for d in resolve_dates(fact.text, written):
            if d.relative and d.precision == "day":
                parts.append(f"({d.phrase}: {d.date:%A} {d.date.day} {d.date:%B %Y})")
    return " ".join(dict.fromkeys(parts)) or fact.text


# a space, then a no-break space, inside a sentence marks an element the scraper dropped; after a copula
# it was what the sentence says ("The board has been \xa0about the plan for a new port"), and the next
# sentence says it ("The chair said it has no illusions"). (", \xa0in a post on Thursday that …" lost a
# verb of saying: the claim is still there.)
_LOST_PREDICATE = re.compile(r"\b(?:is|are|was|were|be|been|being|become|became|seems?|remains?) \u00a0(?=\w)",
                             re.IGNORECASE)


def _brief_fact(fid: str, fact: Fact, corpus: Corpus | None) -> BriefFact:
    quotes = tuple((src, fact.quotes.get(src, fact.text)) for src in fact.sources)
    context = _context(corpus, fact)
    notes = corpus.aliases.notes(context) if corpus is not None else ""
    gap = corpus is not None and any(_LOST_PREDICATE.search(corpus.source(o.source).raw[o.start:o.end])
                                     for o in fact.occurrences)
    return BriefFact(fid, fact.text, tuple(fact.sources), tuple(fact.occurrences), context, quotes, notes, gap)


def _render(
    entries: tuple[SourceEntry, ...], facts: list[Fact], ids: dict[int, str], corpus: Corpus | None = None
) -> tuple[str, list[BriefFact]]:
    """The prompt text of the kept facts (reading order, under their source tags) and their BriefFacts."""
    lines = ["SOURCES (id | outlet | written | kind)"]
    for entry in entries:
        when = entry.published.strftime("%a %d %b %Y")
        lines.append(f"{entry.short_id} | {entry.outlet} | {when} | {entry.kind}: {KIND_HINTS[entry.kind]}")
    lines += ["", "FACTS (verbatim), under the ids of the articles that state them"]
    short = {entry.file: entry.short_id for entry in entries}
    brief_facts = []
    group = ""
    for fact in sorted(facts, key=lambda f: f.key):
        fid = ids[id(fact)]
        tag = f"[{' '.join(short[s] for s in fact.sources)}]"
        if tag != group:  # consecutive facts from the same articles share one tag line
            lines.append(tag)
            group = tag
        lines.append(f"{fid} {fact.text}")
        brief_facts.append(_brief_fact(fid, fact, corpus))
    return "\n".join(lines) + "\n", brief_facts


def _disagreeing_first(facts: list[Fact], ranked: list[Fact], entries: tuple[SourceEntry, ...],
                       lexicon: Lexicon) -> list[Fact]:
    """Facts on which the articles disagree go first, even ones the ranking left out as repetition:
    both sides must be citable (where the sources differ). The result is still one fixed order, so
    smaller budgets keep subsets."""
    published = {e.file: e.published for e in entries}
    statements = [Statement(str(i), f.sources[0], f.text, published[f.sources[0]]) for i, f in enumerate(facts)]
    involved = sorted({int(s.id) for d in find_disagreements(statements, lexicon) for s in (d.a, d.b)})
    front = [facts[i] for i in involved]
    return front + [f for f in ranked if all(f is not g for g in front)]


def build_brief(corpus: Corpus, budget: int) -> Brief:
    """Rank, cut to `budget` tokens of rendered text, render, and version."""
    counter = get_counter()
    entries = tuple(src.entry for src in corpus.sources)
    facts = build_facts(corpus)
    ranked = _disagreeing_first(
        facts, rank_facts(facts, {e.file: e.kind for e in entries}, {e.file: e.published for e in entries}), entries,
        corpus.lexicon,
    )
    ids = {id(fact): f"F{n}" for n, fact in enumerate(sorted(facts, key=lambda f: f.key), start=1)}
    header, _ = _render(entries, [], ids)
    used = counter.count(header)
    kept: list[Fact] = []
    for fact in ranked:  # estimate by lines, then confirm on the exact text below
        cost = counter.count(f"{ids[id(fact)]} {fact.text}\n") + GROUP_TAG_TOKENS
        if used + cost > budget:
            break
        kept.append(fact)
        used += cost
    text, brief_facts = _render(entries, kept, ids, corpus)
    while kept and counter.count(text) > budget:
        kept.pop()
        text, brief_facts = _render(entries, kept, ids, corpus)
    in_brief = {f.id: f for f in brief_facts}
    pool = tuple(in_brief.get(ids[id(f)]) or _brief_fact(ids[id(f)], f, corpus)
                 for f in sorted(facts, key=lambda f: f.key))
    # The version covers every input (articles, manifest, settings) and the rendered result, so a
    # change of ranking code that changes the brief also changes the version.
    digest = hashlib.sha256(f"{BRIEF_FORMAT}|{budget}|{counter.name}".encode())
    for part in corpus.fingerprint_parts:
        digest.update(hashlib.sha256(part).digest())
    digest.update(text.encode())
    stats = tuple(
        SourceStats(
            src.entry.file,
            counter.count(src.raw),
            counter.count(src.cleaned),
            sum(counter.count(f.text) for f in brief_facts if src.entry.file in f.sources),
        )
        for src in corpus.sources
    )
    return Brief(
        version=digest.hexdigest()[:12],
        encoding=counter.name,
        tokens=counter.count(text),
        budget=budget,
        text=text,
        facts=tuple(brief_facts),
        sources=entries,
        stats=stats,
        pool=pool,
        event=corpus.event,
        lexicon=corpus.lexicon,
        aside=tuple(line for src in corpus.sources for line in src.left_out),
    )


def load_brief(seeds_dir: Path, budget: int, max_seed_bytes: int = 1_000_000) -> Brief:
    """Seeds folder → brief, the whole pipeline in one call (used at start-up and on reload)."""
    return build_brief(load_corpus(seeds_dir, max_seed_bytes), budget)
