"""The articles' words a question in another language uses, found word by word by meaning.

A question in another language is matched with the facts by the meaning of the whole sentence
(bot.semantic), which ranks "Wer hat das Telefonat am Freitag angekündigt?" near every sentence about
the call. Its words say more: the multilingual embedding puts "angekündigt" next to "announced"
(cosine 0.91) and "Freitag" next to "Friday" (0.94), far above unrelated words (about 0.83). Each
word of the question is compared with the words of the candidate facts only (not the whole
vocabulary: a few hundred words, function words included, each embedded once and kept in memory:
about a second for a first question, milliseconds once its words are known), and the best match
counts when it is close enough and closer than any word of another family ("terrorism" and
"terrorist" are one). Measured on the 115 questions in other languages of the looked-at sets: 4 more
answered right, none fewer. The matched words rank the candidates as an English
question's own words do; they never decide whether the articles answer (bot.decision does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from bot.semantic import Embedder
from bot.text import Lexicon

SAME_WORD = 0.90  # a word of another language this close to one of the articles' means it ("Sanktionen")
MARGIN = 0.01  # ...and closer by this much than to any other word of the candidates (of another family:
FAMILY = 5  # "terrorism" and "terrorist" share their first five letters, and a meaning)
MIN_LENGTH = 4  # shorter words are mostly the language's function words ("der", "les", "con")
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}")
_CANDIDATE = re.compile(r"[^\W\d_]{2,}")


def translated_stems(embedder: Embedder, lexicon: Lexicon, question: str, texts: Iterable[str]) -> list[str]:
    """Key stems of the words of `texts` that words of `question` mean, in the question's order."""
    # every word of the texts, function words too: "beiden" means "both", which names nothing (without it,
    # "beiden" was closest to "second")
    candidates = list(dict.fromkeys(w for t in texts for w in _CANDIDATE.findall(t)))
    asked = list(dict.fromkeys(_WORD.findall(question)))
    if not candidates or not asked:
        return []
    matrix = _vectors(embedder, candidates)
    words = _vectors(embedder, asked)
    if matrix is None or words is None:
        return []
    stems = [tuple(lexicon.key_stems(c)) for c in candidates]
    found: list[str] = []
    for row in words @ matrix.T:
        best = int(np.argmax(row))
        family = candidates[best].lower()[:FAMILY]
        others = [float(v) for v, c in zip(row, candidates, strict=True) if c.lower()[:FAMILY] != family]
        if row[best] >= SAME_WORD and row[best] - max(others, default=0.0) >= MARGIN:
            found += [s for s in stems[best] if s not in found]  # none for a function word
    return found


def _vectors(embedder: Embedder, words: list[str]) -> np.ndarray | None:
    rows = [embedder.query(w) for w in words]
    if any(r is None for r in rows):
        return None
    return np.vstack([r for r in rows if r is not None])
