"""Facts: verbatim sentences of the corpus, near-duplicates across articles merged into one.

A merged fact's text is the longest stretch of words that every article in it states verbatim
(whitespace-normalised), so "the text is found in every file it lists" holds by construction:
001 and 002 quote the Kremlin statement with different attributions ("the Kremlin added" / "the
statement said"); the fact is the quote itself, listing both. Two sentences merge when that shared
stretch carries most of the shorter one's words. When the longer sentence says clearly more than
the shared part, it also stays as a fact of its own, so nothing distinct is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from bot.corpus import Corpus
from bot.text import STOP_WORDS, content_stems, fold, words

MIN_SHARED_WORDS = 5
MIN_SHARED_FRACTION = 0.6  # of the shorter sentence's content words
MAX_JOINED = 3  # sentences in one fact when later ones lean on the first
# A sentence opening like this leans on the one before ("However, the issue was not mentioned...")
_LEANS_ON_PREVIOUS = re.compile(
    r"^[\"“‘']?((however|but|and|yet),?\s+)?"
    r"(the issue|the move|he|she|it|they|we|this|that|these|those|such|his|her|their|its)\b",
    re.IGNORECASE,
)
MIN_EXTRA_STEMS = 3  # a merged longer sentence with this many stems beyond the shared part stays


@dataclass(frozen=True)
class Occurrence:
    """Where a fact's text sits in one article (character offsets into the original file)."""

    source: str
    start: int
    end: int
    sentence_index: int


@dataclass
class Fact:
    """A verbatim statement and every place it occurs. `key` orders facts stably."""

    text: str
    occurrences: list[Occurrence] = field(default_factory=list)
    key: tuple[int, int] = (0, 0)

    @property
    def sources(self) -> list[str]:
        seen: list[str] = []
        for occ in self.occurrences:
            if occ.source not in seen:
                seen.append(occ.source)
        return seen


def _trim_span(text: str) -> str:
    """Tidy the ends a cut left: leading ", ", a dangling attribution after a closing quote
    ('…in Syria,” the Kremlin' → '…in Syria,”') and trailing stop words ('meddling into the')."""
    text = re.sub(r"^[,;:–—-]+\s*", "", text.strip())
    if not re.search(r"[.!?][”\"’']?$", text):
        text = re.sub(r"([”\"])(\s+\S+){1,3}$", r"\1", text)
        while (tail := text.rsplit(" ", 1)) and len(tail) == 2 and fold(tail[1]) in STOP_WORDS:
            text = tail[0]
    return re.sub(r"\s*[,;:–—-]+$", "", text).strip()


def shared_span(a: str, b: str) -> str:
    """The longest word-aligned stretch of text that a and b both contain verbatim."""
    ta, tb = a.split(" "), b.split(" ")
    m = SequenceMatcher(None, ta, tb, autojunk=False).find_longest_match(0, len(ta), 0, len(tb))
    if m.size == 0:
        return ""
    # Extend past the token run character by character ("thing." vs "thing," share "thing"),
    # then fall back to a word boundary in both texts.
    sa = len(" ".join(ta[: m.a])) + (1 if m.a else 0)
    sb = len(" ".join(tb[: m.b])) + (1 if m.b else 0)
    length = len(" ".join(ta[m.a : m.a + m.size]))
    start_a, start_b = sa, sb
    while start_a > 0 and start_b > 0 and a[start_a - 1] == b[start_b - 1]:
        start_a, start_b = start_a - 1, start_b - 1
    length += sa - start_a
    while start_a + length < len(a) and start_b + length < len(b) and a[start_a + length] == b[start_b + length]:
        length += 1

    def boundary(text: str, pos: int) -> bool:
        return pos <= 0 or pos >= len(text) or not (text[pos - 1].isalnum() and text[pos].isalnum())

    while length and not (boundary(a, start_a + length) and boundary(b, start_b + length)):
        length -= 1
    while length and not (boundary(a, start_a) and boundary(b, start_b)):
        start_a, start_b, length = start_a + 1, start_b + 1, length - 1
    return _trim_span(a[start_a : start_a + length])


def _locate(raw: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of text inside raw[start:end], tolerant of any whitespace between words."""
    pattern = r"\s+".join(re.escape(part) for part in text.split())
    match = re.compile(pattern).search(raw, start, end)
    if not match:  # cannot happen for spans cut from the sentence itself
        raise ValueError(f"fact text not found in its sentence: {text[:60]!r}")
    return match.start(), match.end()


def build_facts(corpus: Corpus) -> list[Fact]:
    """All distinct facts of the corpus, in reading order (source order, then sentence order)."""
    facts: list[Fact] = []
    stems_of: list[set[str]] = []
    for s_index, source in enumerate(corpus.sources):
        for sent in source.sentences:
            key = (s_index, sent.index)
            occ = Occurrence(sent.source, sent.start, sent.end, sent.index)
            sent_stems = set(content_stems(sent.text))
            merged = False
            for f_index, fact in enumerate(facts):
                if fact.text == sent.text:
                    fact.occurrences.append(occ)
                    merged = True
                    break
                if sent.source in fact.sources or not _could_merge(stems_of[f_index], sent_stems):
                    continue
                span = shared_span(fact.text, sent.text)
                if _enough(span, fact.text, sent.text):
                    extra = sent_stems - set(content_stems(span))
                    fact_extra = set(content_stems(fact.text)) - set(content_stems(span))
                    if len(fact_extra) >= MIN_EXTRA_STEMS:
                        # the existing fact says more than the shared part: keep it, add the span
                        facts.append(Fact(fact.text, list(fact.occurrences), fact.key))
                        stems_of.append(stems_of[f_index])
                    fact.text = span
                    fact.occurrences.append(occ)
                    stems_of[f_index] = set(content_stems(span))
                    if len(extra) >= MIN_EXTRA_STEMS:
                        facts.append(Fact(sent.text, [occ], key))
                        stems_of.append(sent_stems)
                    merged = True
                    break
            if not merged:
                facts.append(Fact(sent.text, [occ], key))
                stems_of.append(sent_stems)
    _relocate(corpus, facts)
    facts.sort(key=lambda f: f.key)
    return _join_leaning(corpus, facts)


def open_quote(text: str) -> bool:
    """True when a quotation opened in text is not closed in it (the quote goes on)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _join_leaning(corpus: Corpus, facts: list[Fact]) -> list[Fact]:
    """Join a one-article fact that leans on the previous sentence to that sentence's fact.

    Both must be single-article facts of adjacent sentences in one paragraph, so the joined text is
    still one verbatim stretch of the article. Facts shared by several articles are left alone.
    """
    out: list[Fact] = []
    joined_count: dict[int, int] = {}
    for fact in facts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(fact.occurrences) == 1
            and len(prev.occurrences) == 1
            and (_LEANS_ON_PREVIOUS.match(fact.text) or open_quote(prev.text))
            and joined_count.get(id(prev), 1) < MAX_JOINED
        ):
            a, b = prev.occurrences[0], fact.occurrences[0]
            raw = corpus.source(a.source).raw
            between = raw[a.end : b.start]
            if a.source == b.source and b.sentence_index == a.sentence_index + 1 and "\n" not in between:
                prev.text = " ".join(raw[a.start : b.end].split())
                prev.occurrences = [Occurrence(a.source, a.start, b.end, a.sentence_index)]
                joined_count[id(prev)] = joined_count.get(id(prev), 1) + 1
                continue
        out.append(fact)
    return out


def _could_merge(fact_stems: set[str], other: set[str]) -> bool:
    small = min(len(fact_stems), len(other))
    return small > 0 and len(fact_stems & other) >= MIN_SHARED_FRACTION * small


def _enough(span: str, a: str, b: str) -> bool:
    shared = len(content_stems(span))
    shorter = min(len(content_stems(a)), len(content_stems(b)))
    return len(words(span)) >= MIN_SHARED_WORDS and shared >= MIN_SHARED_FRACTION * shorter


def _relocate(corpus: Corpus, facts: list[Fact]) -> None:
    """Point every occurrence at the fact's (possibly shortened) text inside its sentence."""
    for fact in facts:
        fixed = []
        for occ in fact.occurrences:
            raw = corpus.source(occ.source).raw
            start, end = _locate(raw, fact.text, occ.start, occ.end)
            fixed.append(Occurrence(occ.source, start, end, occ.sentence_index))
        # one occurrence per source is enough to cite; keep the first in reading order
        per_source: dict[str, Occurrence] = {}
        for occ in fixed:
            per_source.setdefault(occ.source, occ)
        fact.occurrences = list(per_source.values())
