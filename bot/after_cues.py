"""The words of a question that point past the event ("since then", "a week later", "did he end up
signing it?") or into it ("on the call", "during that chat"). bot.vocabulary reads them against the
event's own nouns: "after the call" is after the event, "after her talk with the mayor" is not."""

from __future__ import annotations

import re

# "After the meeting", "since the conversation": the cue, then (within a few words) what it is after.
_AFTER_THE = re.compile(r"\b(?:after(?:wards)?|since|following|in the wake of)\s+((?:\S+\s+){0,3}\S+)",
                        re.IGNORECASE)
# Cues that point past the articles whatever follows them.
_LATER = re.compile(r"\b(?:since then|ever since|later on|subsequently|eventually|in the end|nowadays|these days|"
                    r"right now|today|currently|in the (?:days|weeks|months) (?:after|since)|"
                    r"later (?:that|this|the same|in the|in that) (?:year|month|week|spring|summer|autumn|fall|winter)|"
                    r"later in \d{4}|"
                    r"(?:for|during|over|in)\s+the\s+rest\s+of\s+(?:the\s+|that\s+|his\s+)?(?:year|month|term|\d{4})|"
                    r"(?:a|one|two|three|few|several|some|\d+) (?:days?|weeks?|months?|years?) later|"
                    r"(?:a|one|two|three|four|five|ten|twenty|few|several|some|\d+) (?:weeks?|months?|years?|decades?)"
                    r" from now|"
                    r"(?:the|that) (?:next|following|coming) (?:(?:few|two|three|four|five|six|ten|twenty|\d+) )?"
                    r"(?:weeks?|months?|years?|decades?)|"
                    r"(?:the|a) (?:week|month|year) after|"
                    r"by the end of (?:the |that |this |next )?(?:year|month|term|summer|spring|autumn|fall|winter|"
                    r"\d{4}))\b",
                    re.IGNORECASE)
# "did he end up signing it?" asks how things turned out; "did they end up talking about X?" asks
# what the event itself held (its talk, its agreements)
_TALKING = "talk|discuss|mention|rais|bring|touch|cover|address|speak|chat"  # verb stems of talking about something
_END_UP = re.compile(r"\bend(?:s|ed|ing)?\s+up\s+(?!(?:" + _TALKING + r"|go|get|say|agree|call|com(?=ing\s+up))\w*\b)"
                     r"\w+ing\b", re.IGNORECASE)
_ULTIMATELY = re.compile(r"eventually|in the end", re.IGNORECASE)
_TALKED = re.compile(r"\b(?:" + _TALKING + r"|brought|spoke)\w*|\b(?:come|came|comes|coming)\s+up\b|"
                     r"\b(?:get|got|getting)\s+into\b", re.IGNORECASE)
_NEXT = re.compile(r"\b(?:next|later)\s+((?:\S+\s+){0,2}\S+)", re.IGNORECASE)
# "Once the call was over", "when the talks ended": what it is after, then the cue.
# "on the call", "during that chat": what happened within the event
_WITHIN = re.compile(r"\b(?:on|in|during|at)\s+(?:the|that|this|their|its)\s+((?:\S+\s+)?\S+)", re.IGNORECASE)
_OVER = re.compile(r"\b(?:once|when|after)\s+((?:\S+\s+){0,3}?\S+)\s+(?:(?:was|were|is|had been)\s+(?:over|done|"
                   r"finished)|ended|finished|wrapped up)\b", re.IGNORECASE)


# "did the bill ever pass?", "will they ever be allies again?": whether something came about at any time
# after the articles (a bill passing, a law taking effect), or will ("did they ever talk before?" asks the
# past, and "did he ever say …" what the articles may quote)
_EVER_OUTCOME = re.compile(r"\bever\s+(?:(?:get|got|been|be)\s+)?(?:pass|passed|approved|enacted|signed\s+into\s+law|"
                           r"bec[oa]me\s+law|go\s+through|went\s+through|take\s+effect|took\s+effect)\b|"
                           r"^\W*will\b[^?]*\bever\b(?![^?]*\bbefore\b)", re.IGNORECASE)
# "will they be allies in ten years?": a span from now ("the first call in two years" looks back: only a
# question asking what will be counts from now); "will he win the next election?": an outcome still to
# come, which no article written before it reports ("did he congratulate him on winning?" asks the past)
_WILL_AHEAD = re.compile(r"^\W*will\b[^?]*\b(?:(?:in|within)\s+(?:a|one|two|three|four|five|six|ten|twenty|fifty|"
                         r"a\s+few|few|several|\d+)\s+(?:weeks?|months?|years?|decades?)|win|lose|beat|"
                         r"be\s+re-?elected|succeed|fail)\b", re.IGNORECASE)


def points_past(question: str) -> bool:
    """A cue that points past the articles whatever follows it ("since then", "by the end of the year",
    "did he end up signing it?"). "Did X come up in the end?" asks how the event itself turned out, as
    "did they end up talking about X?" does."""
    later = [m.group(0) for m in _LATER.finditer(question)]
    if later and not (all(_ULTIMATELY.fullmatch(w) for w in later) and _TALKED.search(question)):
        return True
    return bool(_END_UP.search(question) or _EVER_OUTCOME.search(question) or _WILL_AHEAD.search(question))


def after_what(question: str) -> list[str]:
    """What the question asks to be after: the words after "after", "since", "next" ("after the call"),
    or before "was over" ("once the call was over")."""
    return [m.group(1) for cue in (_AFTER_THE, _NEXT, _OVER) for m in cue.finditer(question)]


# "a couple days after the call", "an hour later": how long after, which says when, not what happened (weeks
# and months after the event are past articles written within days of it: bot.after_cues._LATER)
_SPAN_AFTER = re.compile(r"\b(?:(?:a|an|one|two|three|few|several|some|couple|\d+)\s+)?(?:of\s+)?"
                         r"(?:minutes?|mins?|hours?|hrs?|days?)\s+(?:after|later)\b", re.IGNORECASE)


def span_after(question: str) -> str:
    """The words saying how long after ("couple days" of "couple days after the call"): when, not what."""
    return " ".join(m.group(0).rsplit(None, 1)[0] for m in _SPAN_AFTER.finditer(question))


def within_what(question: str) -> list[str]:
    """What the question asks to be within: the words after "on the", "during that" …"""
    return [m.group(1) for m in _WITHIN.finditer(question)]
