"""Facts placed in time against the event itself: what came after it, and what came before it.

"What happened after the call?" is answered only by a report written on or after the event that
speaks of it: names it, or tells of its two parties doing something together ("… also agreed to …").
"Had they talked before this call?" is answered by a sentence telling of the two talking at a date
before the event ("… last spoke in November, when …"), which ranks below the sentences that share
the question's words ("Statements … earlier described the conversation").
General: the event's date and nouns come from the manifest.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from bot.dates import CALENDAR_WORDS, resolve_dates
from bot.knowledge import Knowledge
from bot.retrieval import Hit
from bot.text import Lexicon, looks_forward, speaks_of_plans

# "before this call", "b4", "an earlier call", "the first time they ever talked", "the last time"
_BEFORE = re.compile(r"\b(?:before|b4|bfore|earlier|previous(?:ly)?|prior|(?:first|last)\s+time|ever)\b",
                     re.IGNORECASE)
_TALK = "talk spoke speak call"  # besides the event's own nouns
_MEETING = "met meet meeting person"  # "had they met in person before?": a call is no meeting
# an earlier occasion, not the event's run-up ("announced by the spokesman on Friday" of a Saturday call)
RUN_UP = dt.timedelta(days=7)


def after_event(knowledge: Knowledge, hit: Hit) -> bool:
    """Evidence about what happened after the event: stated by an article written on or after it
    (never a preview's expectation, nor a sentence in the future tense written the same day), in a
    sentence that speaks of the event itself (a report of an earlier tweet is not news of what
    followed)."""
    event = knowledge.brief.event
    if event is None:
        return True
    written_after = any(knowledge.brief.source(s).published >= event.date for s in hit.fact.sources)
    vocabulary = knowledge.retriever.vocabulary
    stems = vocabulary.lexicon.stem_set(hit.fact.text)
    parties = _parties(event.name, vocabulary.lexicon)
    # "The king and the premier also agreed to …": the parties doing something together is the event's news
    return written_after and not looks_forward(hit.fact.text) and bool(
        stems & vocabulary.event_nouns or (len(parties) >= 2 and parties <= stems))


@lru_cache(maxsize=4)
def _parties(event_name: str, lexicon: Lexicon) -> frozenset[str]:
    """The stems of the people the event's name names, by their last names ("… King Olav Lind and …
    Premier Ada Berg on Monday …": lind, berg). The same for every fact until a reload."""
    runs = re.findall(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", event_name)
    last = [run.split()[-1] for run in runs]
    return frozenset(s for w in last if w.lower() not in CALENDAR_WORDS and not w.isupper()
                     for s in lexicon.key_stems(w))


def _talking(knowledge: Knowledge, text: str) -> bool:
    vocabulary = knowledge.retriever.vocabulary
    stems = vocabulary.lexicon.stem_set(text)
    return bool(stems & (vocabulary.event_nouns | vocabulary.lexicon.stem_set(_TALK)))


def asks_before(knowledge: Knowledge, question: str) -> bool:
    """The question asks about the parties talking before the event ("wasn't there an earlier call?",
    "was this the first time they ever spoke?"), not meeting in person ("never met" answers that)."""
    lexicon = knowledge.retriever.vocabulary.lexicon
    return bool(_BEFORE.search(question)) and _talking(knowledge, question) and \
        not lexicon.stem_set(question) & lexicon.stem_set(_MEETING)


def before_event(knowledge: Knowledge, hit: Hit) -> bool:
    """The fact tells of talking at a date it names before the event's run-up, within the year before
    it (not a plan)."""
    event = knowledge.brief.event
    if event is None or looks_forward(hit.fact.text) or not _talking(knowledge, hit.fact.text):
        return False
    written = knowledge.brief.source(hit.fact.sources[0]).published
    return any(d.date <= event.date - RUN_UP and d.precision in ("day", "month") and d.date.year >= event.date.year - 1
               for d in resolve_dates(hit.fact.text, written))


# "after the palace put out its statement, …": what something came after, as a question and a sentence say it
# (to the end of its clause, or to a word opening what is asked of it: "after the statement re sanctions")
_AFTER_CLAUSE = re.compile(r"\b(?:after|once|following)\s+((?:(?!(?:re|about|regarding|whether|if|on|abt|did|what|"
                           r"who|how)\b)[^\s,;:?!.]+\s*){1,8})", re.IGNORECASE)
ASKED_OF_COVERAGE = 0.5  # a sentence placed after it states this much of what is asked of it (weighted)
# "… re whether sanctions got discussed", "… abt what he kept bringing up": what is asked of what came after
_ASKED_OF = re.compile(r"\b(?:re|about|abt|regarding|whether|if|that)\s+(.+)", re.IGNORECASE)


def _known_stems(knowledge: Knowledge, pattern: re.Pattern[str], text: str) -> list[str]:
    """The stems of what `pattern` captures in `text` that the articles state, beyond the event's own
    words and the words that frame a question."""
    vocabulary = knowledge.retriever.vocabulary
    ignored = vocabulary.event_stems | vocabulary.frame
    return [s for m in pattern.finditer(text) for s in vocabulary.lexicon.key_stems(m.group(1))
            if s not in ignored and vocabulary.knows(s)]


def placed_after(knowledge: Knowledge, question: str, hits: list[Hit]) -> set[str]:
    """The facts that lead an answer to "after the palace put out its statement, did anyone add more?":
    those saying what they tell came after what the question says it came after ("the official who spoke
    after the statement was issued"), other than the event itself, and that state what is asked of it
    ("… re whether sanctions got discussed": not without sanctions)."""
    asked = set(_known_stems(knowledge, _AFTER_CLAUSE, question))
    if not asked:
        return set()
    wanted = _known_stems(knowledge, _ASKED_OF, question)
    retriever = knowledge.retriever
    return {h.fact.id for h in hits if asked & set(_known_stems(knowledge, _AFTER_CLAUSE, h.fact.text))
            and (not wanted or retriever.coverage_by(wanted, [h.fact.id]) >= ASKED_OF_COVERAGE)}


# "…that the call was happening", "…that they would talk": told while it was still to come
_UPCOMING = re.compile(r"\bthat\s+(?:the\s+|their\s+|a\s+)?\w+\s+(?:was|were)\s+(?:happening|coming|on)\b|"
                       r"\bthat\s+(?:they|he|she|it)\s+(?:would|were\s+going\s+to)\b", re.IGNORECASE)


def told_while_upcoming(question: str, hits: list[Hit]) -> list[Hit]:
    """"Who announced that the call was happening?" asks what was said while it was still to come: the
    sentences about the plan ("The planned phone conversation, announced by …") first, not one said
    after it ("…, the White House announced")."""
    if not _UPCOMING.search(question):
        return hits
    return sorted(hits, key=lambda h: not speaks_of_plans(h.fact.text))

