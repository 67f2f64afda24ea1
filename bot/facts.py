"""Facts: verbatim sentences of the corpus, near-duplicates across articles merged into one.

A fact's text is always a whole sentence (one readable statement with its subject), verbatim in
the first article it lists. Two sentences of different articles merge when they are near-paraphrases:
their longest shared verbatim stretch carries most of the shorter one's words and neither says
clearly more than the other (two articles quoting one statement with different attributions, "…,”
the ministry added" / "…,” the statement said"). Every other article keeps its own sentence as the
quote its citation shows (`Fact.quote`), so every quote is verbatim in the article it names. A
sentence that says clearly more than its near-match stays a fact of its own: nothing distinct is lost.
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
_SPEECH = re.compile(r"\b(said|says|told|added|noted|answered|replied|declared|wrote|tweeted|stated)\b[^.]*\.$",
                     re.IGNORECASE)
MIN_EXTRA_STEMS = 3  # a sentence with this many stems beyond its near-match says more: no merge


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
    quotes: dict[str, str] = field(default_factory=dict)  # source → its own verbatim sentence

    @property
    def sources(self) -> list[str]:
        seen: list[str] = []
        for occ in self.occurrences:
            if occ.source not in seen:
                seen.append(occ.source)
        return seen


def _trim_span(text: str) -> str:
    """Tidy the ends a cut left: leading ", ", a dangling attribution after a closing quote
    ('…in Geneva,” the ministry' → '…in Geneva,”') and trailing stop words ('meddling into the')."""
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


def build_facts(corpus: Corpus) -> list[Fact]:
    """All distinct facts of the corpus, in reading order (source order, then sentence order)."""
    facts: list[Fact] = []
    stems_of: list[set[str]] = []
    for s_index, source in enumerate(corpus.sources):
        for sent in source.sentences:
            occ = Occurrence(sent.source, sent.start, sent.end, sent.index)
            sent_stems = set(content_stems(sent.text))
            for f_index, fact in enumerate(facts):
                if sent.source in fact.sources:
                    if fact.quotes[sent.source] == sent.text:
                        break  # the article repeats itself (a headline printed twice): one fact
                    continue
                if fact.text == sent.text or (
                    _could_merge(stems_of[f_index], sent_stems) and _paraphrases(fact.text, sent.text)
                ):
                    fact.occurrences.append(occ)
                    fact.quotes[sent.source] = sent.text
                    break
            else:
                facts.append(Fact(sent.text, [occ], (s_index, sent.index), {sent.source: sent.text}))
                stems_of.append(sent_stems)
    facts.sort(key=lambda f: f.key)
    return _join_leaning(corpus, facts)


def _paraphrases(a: str, b: str) -> bool:
    """Near-paraphrases: a long shared verbatim stretch, and neither says clearly more than the other."""
    if not _enough(shared_span(a, b), a, b):
        return False
    stems_a, stems_b = set(content_stems(a)), set(content_stems(b))
    return len(stems_a - stems_b) < MIN_EXTRA_STEMS and len(stems_b - stems_a) < MIN_EXTRA_STEMS


def is_headline(text: str) -> bool:
    """A headline or caption: no closing full stop. It restates the body in short."""
    return not re.search(r"[.!?][”\"’']?$", text)


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
            and (_LEANS_ON_PREVIOUS.match(fact.text) or open_quote(prev.text)
                 or _introduces_quote(prev.text, fact.text))
            and joined_count.get(id(prev), 1) < MAX_JOINED
        ):
            a, b = prev.occurrences[0], fact.occurrences[0]
            raw = corpus.source(a.source).raw
            between = raw[a.end : b.start]
            if a.source == b.source and b.sentence_index == a.sentence_index + 1 and "\n" not in between:
                prev.text = " ".join(raw[a.start : b.end].split())
                prev.occurrences = [Occurrence(a.source, a.start, b.end, a.sentence_index)]
                prev.quotes = {a.source: prev.text}
                joined_count[id(prev)] = joined_count.get(id(prev), 1) + 1
                continue
        out.append(fact)
    return out


def _introduces_quote(prev: str, text: str) -> bool:
    """"The minister … said she would reciprocate." followed by the quote itself: the quote needs its speaker."""
    return text[:1] in "\"“" and not re.search(r"[\"“”]", prev) and bool(_SPEECH.search(prev))


def _could_merge(fact_stems: set[str], other: set[str]) -> bool:
    small = min(len(fact_stems), len(other))
    return small > 0 and len(fact_stems & other) >= MIN_SHARED_FRACTION * small


def _enough(span: str, a: str, b: str) -> bool:
    shared = len(content_stems(span))
    shorter = min(len(content_stems(a)), len(content_stems(b)))
    return len(words(span)) >= MIN_SHARED_WORDS and shared >= MIN_SHARED_FRACTION * shorter
