"""When: a sentence must tell things at the time its evidence does. Part of the support check
(bot.support): a plan is not a deed done ("will also call … the same day" states no call made), a
deed or a fact is not a plan ("have never met" states no meeting expected), the day someone spoke
is not the day of what they spoke of, and a record since a date is not a state lasting since then
("their lowest ebb since the Cold War")."""

from __future__ import annotations

import re

from bot.attribution import SAYING
from bot.dates import MONTHS, WEEKDAYS
from bot.text import Lexicon, speaks_of_plans
from bot.vocabulary import in_family

# "…, Sergei Holt said on Monday", "Holt told reporters in May": the day of the saying, not of what was said
_DAY = r"(?:" + "|".join([*WEEKDAYS, *(m for m in MONTHS if len(m) > 4)]) + r")"
_SPOKEN_ON = re.compile(r"\b(?:said|says|told(?:\s+\w+)?|tells(?:\s+\w+)?|stated|added|wrote|tweeted)\s+"
                        r"(?:(?:late|early)\s+)?(?:on|in)\s+(?P<day>" + _DAY + r")\b", re.IGNORECASE)
_ANY_DAY = re.compile(r"\b" + _DAY + r"\b", re.IGNORECASE)


def day_of_saying_moved(sentence: str, evidence: str) -> bool:
    """The sentence dates something by a day the evidence gives only as the day someone spoke ("the
    call was on Monday" of "the call … was a display of respect, Holt said on Monday"). A sentence that
    itself reports speech is left to the who-said-it check."""
    days = {m.group(0).lower() for m in _ANY_DAY.finditer(sentence)}
    if not days or SAYING.search(sentence):  # most sentences name no day: the evidence is not read
        return False
    evidence = re.sub(r"\([^()]*\)", " ", evidence)  # "(Monday: Monday 30 January)": a note dating a day
    spoken = [m.group("day").lower() for m in _SPOKEN_ON.finditer(evidence)]
    stated = [m.group(0).lower() for m in _ANY_DAY.finditer(evidence)]
    return any(day in spoken and stated.count(day) == spoken.count(day) for day in days)


# a sentence telling what is to come: "will", "is (not) expected / scheduled / set to", "gonna"
_TO_COME = re.compile(r"\b(?:will|won['’]?t|(?:is|are|was|were)(?:\s+not|n['’]t)?\s+(?:expected|scheduled|set|due|"
                      r"planned|going)\s+to|planned\s+for|gonna)\b|['’]ll\b", re.IGNORECASE)
# evidence that speaks of what is to come: a plan, an expectation, an intention, an agreement to act, or
# a "would" in reported speech ("said he would …"); the bare "would" of "how they would gel" is not one
_INTENT = re.compile(r"\b(?:will|won['’]?t|expect\w*|plan\w*|schedul\w*|set\s+to|due\s+to|going\s+to|intend\w*|"
                     r"hop(?:e|es|ed|ing)|agree\w*\s+to|want\w*\s+to|desire\w*|prepared\s+to|ready\s+to|upcoming|"
                     r"next|later|future|(?:said|says|told|added|noted|stated|promised|vowed|that)\b[^.;]{0,80}?"
                     r"\bwould)\b|['’]ll\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?()—–]|\b(?:but|while|whereas)\b", re.IGNORECASE)


def _clause_end(text: str, start: int) -> int:
    """Where the clause going on at `start` ends: how far a plan's "will" or "hope" reaches."""
    end = _CLAUSE_END.search(text, start)
    return end.start() if end else len(text)


def plan_from_fact(sentence: str, evidence: str, lexicon: Lexicon) -> bool:
    """The sentence tells what is to come where the evidence speaks of no plan, expectation or
    intention about it: "they are not expected to meet" is not stated by "they have never met", nor
    "he will hold a press conference on Friday" by "at Friday's press conference he expressed his hope
    for a good relationship" (the hope is for something else)."""
    if not _TO_COME.search(sentence):
        return False
    said = {w for w in lexicon.key_stems(sentence) if w != "not"}
    for match in _INTENT.finditer(evidence):
        planned = lexicon.stem_set(evidence[match.start():_clause_end(evidence, match.end())])
        if any(in_family(w, planned) for w in said):
            return False
    return True


_POSSIBLE = re.compile(r"\b(?:[Mm]ight|[Cc]ould|may)\b")  # not "May", a name


def without_plans(sentence: str, text: str) -> str:
    """The text without what it says is to come ("will …", "is expected to …", to its clause's end),
    unless the sentence itself speaks of plans: a sentence telling what was done is measured against
    what the evidence says was done ("the king called the mayor the same day" is not stated by "the
    king will also call the mayor the same day"). A sentence telling a possibility ("allies worried the
    move might signal a retreat") is measured against what is to come too."""
    if speaks_of_plans(sentence) or _POSSIBLE.search(sentence):
        return text
    out, start = [], 0
    for match in _TO_COME.finditer(text):
        if match.start() < start:
            continue
        out.append(text[start:match.start()])
        start = _clause_end(text, match.end())
    return "".join([*out, text[start:]])


# "their lowest ebb since the Cold War", "the first visit since 2014": how far back a superlative reaches
_SINCE_BOUND = re.compile(r"\b(?:\w+est|(?:most|least)\s+\w+|first|best|worst)\b(?:\s+[\w’'-]+){0,2}?\s+since\s+"
                          r"(?:the\s+)?(?P<what>[\w’'-]+)", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?P<what>[\w’'-]+)", re.IGNORECASE)


# "never … before", "the first ever": a first with no bound in time
_EVER = re.compile(r"\bnever\b[^.;!?]*\bbefore\b|\bfirst\b[^.;!?]{0,30}\bever\b|\bever\s+before\b", re.IGNORECASE)


def first_made_ever(sentence: str, evidence: str) -> bool:
    """The evidence bounds a first with "since" ("the first telephone contact since he took office") and the
    sentence makes it the first ever ("they had never talked before this call"): that is not what it says."""
    bounded = any(re.match(r"first\b", m.group(0), re.IGNORECASE) for m in _SINCE_BOUND.finditer(evidence))
    return bounded and bool(_EVER.search(sentence)) and not _EVER.search(evidence)


def superlative_unbound(sentence: str, evidence: str) -> bool:
    """The evidence bounds a superlative with "since" ("relations at their lowest ebb since the Cold War")
    and the sentence moves the "since" away from it ("Since the Cold War, relations have been at their
    lowest ebb"): a record low since a date is told as a low lasting since then."""
    bound = {m.group("what").lower() for m in _SINCE_BOUND.finditer(evidence)}
    if not bound:
        return False
    kept = {m.group("what").lower() for m in _SINCE_BOUND.finditer(sentence)}
    return any(m.group("what").lower() in bound - kept for m in _SINCE.finditer(sentence))


# when a claim held: in the past, or now. A model moves it ("Russia was back then a major partner" of
# "was its ally during the two world wars, and now sees the United States as a major partner")
_PAST_MARK = re.compile(r"\b(?:back\s+then|at\s+(?:that|the)\s+time|in\s+the\s+past|previously|formerly|used\s+to|"
                        r"in\s+those\s+days)\b", re.IGNORECASE)
_NOW_MARK = re.compile(r"\b(?:now|currently|at\s+present|these\s+days|nowadays)\b", re.IGNORECASE)


def time_moved(sentence: str, evidence: str) -> bool:
    """The sentence places in the past what the evidence says holds now, or the other way round (the
    evidence marking only the other time)."""
    def only(mark: re.Pattern[str], other: re.Pattern[str]) -> bool:
        return bool(mark.search(evidence)) and not other.search(evidence)
    return (bool(_PAST_MARK.search(sentence)) and only(_NOW_MARK, _PAST_MARK)) or \
        (bool(_NOW_MARK.search(sentence)) and only(_PAST_MARK, _NOW_MARK))
