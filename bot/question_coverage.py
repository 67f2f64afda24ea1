"""How much of a question a fact states: its words weighed by how rare they are in the articles, a word
the articles never use counting as missing (bot.decision reads these against its thresholds), and, for
a typed question ("how long was the call?"), which of its words the answer must state."""

from __future__ import annotations

from bot.answer_types import PLACE_NOUNS, AnswerType, asked_words, asking_clause
from bot.retrieval import Hit, Retriever

UNKNOWN_SHARE = 1.0  # how much an unknown word weighs, relative to a typical word of the articles


def only_names_stated(retriever: Retriever, known: list[str], unknown: list[str], coverage: float) -> bool:
    """"Who is Olaf Lindqvist?": every word the question asks about is a name of the articles beyond the
    event's parties, and a fact states them all. A bare name is far in meaning from any sentence."""
    vocabulary = retriever.vocabulary
    return bool(known) and not unknown and coverage >= 1.0 - 1e-9 and \
        all(t in vocabulary.proper and t not in vocabulary.event_stems for t in known)


def coverage(retriever: Retriever, known: list[str], unknown: list[str], hit: Hit) -> float:
    """Weighted share of the question's words the fact states. A word the articles never use counts
    as missing, weighing like a typical word (the median IDF): it may be a paraphrase, but "How tall is
    the minister?" must not pass on "minister" alone. A fact that only closes a quotation is read with
    the sentence opening it: the two are one statement, cut where the quotation holds a full stop."""
    weights = [retriever.weight(t) for t in known]
    opened = retriever.quote_opened_before(hit.fact)
    found = retriever.coverage_by(known, [hit.fact.id, *([opened.id] if opened else [])]) * sum(weights)
    return found / (sum(weights) + UNKNOWN_SHARE * retriever.typical_weight * len(unknown))


def typed_coverage(retriever: Retriever, asked: list[str], missing: list[str], typed: list[Hit]) -> float:
    """How much of what a typed question asks about (`_typed_terms`: "…, and how long was the call?")
    the best of the sentences holding its type states."""
    return max(coverage(retriever, asked, missing, h) for h in typed[:3]) if asked or missing else 0.0


def typed_terms(retriever: Retriever, kind: AnswerType, question: str, known: list[str],
                 unknown: list[str]) -> tuple[list[str], list[str]]:
    """The question's known and unknown words a typed question asks about: those of its asking clause
    (a name's spelt-out form stays with it: "NATO" is "north atlantic …"). Words the articles never use
    ("how far away") are left out: the sentence already holds the kind of answer asked for, except in
    a topic question that names no other topic ("did they talk about the weather?"): then such a word
    is the topic; and in a place question: "which city did they pick for the summit?" asks where the
    summit is, which a sentence naming a place and the parties does not say. A topic question ("did
    sanctions come up on the call?") asks about the topic: not its words for discussing, nor the
    parties or the call, unless they are all it names ("did they talk about the king?"); when its
    asking clause names no topic, the rest of the question does ("which treaty, like X, did they
    discuss?"), and beside a topic word the articles never use, the rest's known words count too ("any
    history on the call? anything about the wars?")."""
    clause = asked_words(kind, asking_clause(question))
    inside = set(retriever.terms(clause))  # read as the question is: "rumours", typos, acronyms
    whole = set(retriever.terms(question))
    asked = [t for t in known if t not in whole - inside] or known
    if kind == "place":  # "which city did they pick for the summit?": where the summit is, or nothing
        return asked, [t for t in unknown if t in inside and t not in retriever.lexicon.stem_set(PLACE_NOUNS)]
    if kind != "topic":
        return asked, []
    event = retriever.vocabulary.event_stems
    for words in (inside, whole):  # "which treaty, like X, did they discuss?"
        topic = [t for t in known if t in words and t not in event]
        if topic:  # other words the articles never use may be chat or manner ("openly"): left out
            return topic, []
        missing = [t for t in unknown if t in words]
        if missing:  # "did they talk about the weather?": the topic is a word the articles never use
            # beside the known words of the rest of the question, without its words for discussing
            # ("did he bring up any history? anything about the wars?")
            rest = set(retriever.terms(asked_words(kind, question)))
            return [t for t in known if t in rest and t not in event], missing
    return asked, []
