"""Where the sources differ: statements in different articles about the same thing that conflict.

Two statements are about the same thing when they share enough rare words (IDF-weighted, leaving
out the very words that may conflict). They conflict when they give different ordinals for the same
event ("for the second time" / "their first conversation"), different numbers for the same unit,
different dates for the same event, or opposite negation on the same words. Nothing here knows the
story: it is tested on invented pairs as much as on the articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal

from bot.dates import resolve_dates
from bot.text import GENERAL, NUMBER_WORDS, Lexicon, is_negation, words
from bot.word_weights import idf_table

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "5th": 5}
EVENT_NOUNS = "time occasion round"  # what an ordinal counts when the statements share no other noun
MIN_SHARED = 3  # words two statements must share to be about the same thing...
MIN_CONTAINMENT = 0.5  # ...carrying this share of the shorter statement's weight
MIN_MUTUAL = 0.5  # date and negation conflicts only count between near-paraphrases (both ways)

RESTATED_SHARE = 0.7  # a statement with this share of its words in another says nearly only what it says

ConflictKind = Literal["ordinal", "number", "date", "negation"]


@dataclass(frozen=True)
class Statement:
    """Something one article says: an id (a fact id), the article, the text and its date."""

    id: str
    source: str
    text: str
    published: dt.date


@dataclass(frozen=True)
class Disagreement:
    a: Statement
    b: Statement
    kind: ConflictKind


def _ordinals(text: str, lexicon: Lexicon) -> dict[int, set[str]]:
    """Ordinal → the key stems of the up-to-3 words it qualifies ("second time", "first conversation")."""
    tokens = words(text)
    out: dict[int, set[str]] = {}
    for i, w in enumerate(tokens):
        if w in ORDINALS:
            out.setdefault(ORDINALS[w], set()).update(s for t in tokens[i + 1 : i + 4] for s in lexicon.key_stems(t))
    return out


def _numbers_with_units(text: str, lexicon: Lexicon) -> dict[str, set[str]]:
    """Unit stem → numbers stated for it ("lasted one hour" → {"hour": {"1"}})."""
    tokens = words(text)
    out: dict[str, set[str]] = {}
    for i, w in enumerate(tokens[:-1]):
        value = NUMBER_WORDS.get(w) if w not in ORDINALS else None
        if value is None and w.isdigit() and len(w) < 4:
            value = w
        if value is not None:
            unit = lexicon.key_stems(tokens[i + 1])
            if unit:
                out.setdefault(unit[0].rstrip("s"), set()).add(value)
    return out


def find_disagreements(statements: Sequence[Statement], lexicon: Lexicon = GENERAL) -> list[Disagreement]:
    """Every conflicting pair from different articles, in input order; words compared by `lexicon`
    (the event's, for its articles)."""
    stems = [lexicon.stem_set(s.text) - {"not"} for s in statements]
    # +1: a word every statement shares still counts towards "about the same thing"
    idf = {w: 1 + weight for w, weight in idf_table(stems).items()}
    found: list[Disagreement] = []
    for i, a in enumerate(statements):
        for j in range(i + 1, len(statements)):
            b = statements[j]
            if a.source == b.source:
                continue
            shared = stems[i] & stems[j]
            weights = sorted((sum(idf[w] for w in stems[i]), sum(idf[w] for w in stems[j])))
            common = sum(idf[w] for w in shared)
            containment, overlap = common / max(weights[0], 1e-9), common / max(weights[1], 1e-9)
            if len(shared) < MIN_SHARED or containment < MIN_CONTAINMENT:
                continue
            conflict = _conflict(a, b, shared, min(containment, overlap), lexicon)
            if conflict:
                found.append(Disagreement(a, b, conflict))
    return found


def _conflict(a: Statement, b: Statement, shared: AbstractSet[str], mutual: float,
              lexicon: Lexicon) -> ConflictKind | None:
    oa, ob = _ordinals(a.text, lexicon), _ordinals(b.text, lexicon)
    about = shared | lexicon.stem_set(EVENT_NOUNS)
    ra = {n for n, nouns in oa.items() if nouns & about}
    rb = {n for n, nouns in ob.items() if nouns & about}
    if ra and rb and not ra & rb:
        return "ordinal"
    na, nb = _numbers_with_units(a.text, lexicon), _numbers_with_units(b.text, lexicon)
    for unit in na.keys() & nb.keys():
        if not na[unit] & nb[unit]:
            return "number"
    da = {d.date for d in resolve_dates(a.text, a.published) if d.precision == "day"}
    db = {d.date for d in resolve_dates(b.text, b.published) if d.precision == "day"}
    if mutual >= MIN_MUTUAL and len(da) == len(db) == 1 and da != db:
        return "date"
    if mutual >= MIN_MUTUAL:
        # the negated predicate itself ("were not discussed") stated plainly by the other article
        for this, other in ((a.text, b.text), (b.text, a.text)):
            flipped = (_negated_heads(this, lexicon) & shared) - lexicon.negated_stems(other)
            if flipped and not _negated_heads(other, lexicon) & shared:
                return "negation"
    return None


def _negated_heads(text: str, lexicon: Lexicon) -> set[str]:
    """The first content word after each negation ("not discussed" → discuss; "don't know him" → know)."""
    heads: set[str] = set()
    tokens = words(text)
    for i, w in enumerate(tokens):
        if is_negation(w):
            for nxt in tokens[i + 1 : i + 4]:
                stems = [s for s in lexicon.key_stems(nxt) if s != "not"]
                if stems:
                    heads.add(stems[0])
                    break
    return heads


def restates(lexicon: Lexicon, text: str, other: str) -> bool:
    """`text` says nearly only what `other` says: at least RESTATED_SHARE of its key words are
    `other`'s ("The first telephone conversation … was held on Saturday night" of "… held their first
    telephone conversation, which lasted about an hour")."""
    own = lexicon.stem_set(text)
    return bool(own) and len(own & lexicon.stem_set(other)) >= RESTATED_SHARE * len(own)
