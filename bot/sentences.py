"""Sentence splitting with character offsets.

Used twice: on the articles (facts must keep offsets into the original file) and on model output
(each sentence of an answer is checked on its own). A small rule-based splitter is enough for
English news prose and keeps offsets exact, which general-purpose splitters do not promise; it
knows the abbreviations these texts use ("U.S.", "Sen.", "Jan.", "Jr.", "Mr").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr sen rep gov gen lt col prof st jr sr vs no inc ltd co corp dept est fig jan feb mar apr
    jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m
    """.split()
)

# A sentence ends at . ! ? … (possibly repeated), optionally followed by closing quotes/brackets,
# then whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[A-Z0-9])")


def _is_abbreviation(text: str, dot_index: int) -> bool:
    """True when the '.' at dot_index closes a known abbreviation or a single initial ("D.")."""
    start = dot_index
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot_index].lower()
    if start > 0 and text[start - 1] in "'’":
        return False  # "won’t." ends a sentence; the "t" is not an initial
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences in text[start:end], trimmed of whitespace."""
    end = len(text) if end is None else end
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        punct = match.group(1)
        if punct == "." and _is_abbreviation(text, match.start(1)):
            continue
        sentence_end = match.end(2)
        yield from _trimmed(text, cursor, sentence_end)
        cursor = match.end(3)
    yield from _trimmed(text, cursor, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def normalize_ws(text: str) -> str:
    """Collapse every run of whitespace to one space: the form quotes are compared in."""
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    """Whitespace-normalised sentences of text (paragraph breaks always end a sentence)."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*•]|\s*\d+[.)]\s)", text):
        out.extend(normalize_ws(paragraph[a:b]) for a, b in split_spans(paragraph))
    return [s for s in out if s]


def quote_left_open(text: str) -> bool:
    """The sentence opens a quotation it does not close: what is quoted goes on in the next one."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def quote_closed_unopened(text: str) -> bool:
    """The sentence closes a quotation it never opens ('I am all for it," Holt told …'): a ” beyond its
    “s, or an odd number of straight quote marks, the first right after a word."""
    if text.count("”") > text.count("“"):
        return True
    first = text.find('"')
    return text.count('"') % 2 == 1 and first > 0 and not text[first - 1].isspace()
