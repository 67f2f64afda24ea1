"""How a question typed in chat is read before its words are weighed (bot.vocabulary's profile): the
idioms and shorthand of chat as what they ask. General English only; nothing here knows a story. Read
so in questions only: a model's sentence is checked word for word (bot.support).
"""

from __future__ import annotations

import re

from bot.answer_types import without_stated_amounts
from bot.english import is_rare
from bot.phrases import plain_phrases
from bot.text import fold

# "called for talks", "called on congress to act": a demand ("calling on saturday to congratulate him" is a call)
_CALL_FOR = re.compile(r"\bcall(?:s|ed|ing)?\s+(?:for|on\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
                       r"(?=\w+\s+to\b))", re.IGNORECASE)
_IN_IT_FOR = re.compile(r"\bin\s+it\s+for\b", re.IGNORECASE)
# "the tariffs were put in place / put on the port": imposed
_PUT_ON = re.compile(r"\b(?:put|slapped|placed)(?:\s+in\s+place\b|(?=\s+on\b))", re.IGNORECASE)
# "drop / scrap / ditch the tariffs": lift them. Read so in questions only: a model's sentence saying it
# is still checked word for word ("he is about to scrap them" is no report that he might lift them)
_DROP = re.compile(r"\b(?:drop|drops|dropp(?:ed|ing)|scrap|scraps|scrapp(?:ed|ing)|ditch|ditch(?:es|ed|ing))"
                   r"(?=\s+(?:the|those|these|its|his|her|their|all|any|some|that|this|them|it)\b)", re.IGNORECASE)
# "so they met in May, right?", "…, is that true?", "…, didn't he?", "… yeah?": a tag asking for confirmation, not
# a word of the question (a negative one only: "what was it?" ends in no tag)
_TAG = re.compile(r"(?:[,\s]+(?:right|correct|true|huh|yeah|yea|yep|or\s+(?:not|nah|no)|(?:is\s+)?(?:that|thats|that's|"
                  r"that’s)\s+(?:right|true|correct)|(?:did|was|is|were|are|does|do|has|have|had|would|will|wo|could)"
                  r"(?:n['’]?t)\s+(?:he|she|it|they|we|you|there)))+\s*[?!.]*\s*$", re.IGNORECASE)


def without_tag(question: str) -> str:
    """"They met in May, right?" as "They met in May?": the tag asks, it claims nothing."""
    return _TAG.sub("?", question)


# "didn't lavrov call it a waste of time?", "wasnt it on sunday": a negative question states what it asks
# ("wasn't there a rumour …?" asks whether there was)
_NEGATIVE_OPENING = re.compile(r"^\W*(?:(?:so|wait|but|and|ok|lol|hey)\W+)*(?:didn|wasn|isn|weren|aren|doesn|hasn|"
                               r"haven|hadn)['’]?t\b(?!\s+there\b)", re.IGNORECASE)  # "wasn't there a rumour?" asks


# "so they met in May??", "wait so he flew to Oslo?": a statement asked back in disbelief (not "so what did …?",
# "so did they …?")
_SO_STATED = re.compile(r"^\W*(?:(?:wait|ok|lol|hold\s+on)\W+)*so\W+(?!(?:what|who|whom|whose|when|where|why|how|"
                        r"which|whats|what's|whos|who's|hows|how's|did|didn|does|doesn|do|don|is|isn|was|wasn|were|"
                        r"weren|are|aren|has|hasn|have|haven|had|hadn|will|would|can|could|should|if|then|yeah|yes|"
                        r"no|u|you|i|r|ur|wat|wut|wot|wen|wher|hw|y)\b)[a-z][\w'’]*\s+[^?]*\?", re.IGNORECASE)


def asks_to_confirm(question: str) -> bool:
    """"So they met in May, right?", "didn't they meet in May?", "so they met in May??": the question
    states a claim and asks whether it holds."""
    return bool(_TAG.search(question) or _NEGATIVE_OPENING.search(question) or _SO_STATED.search(question))


# "…, or nah?" asks yes or no; "…, right?" / "…, didn't he?" states a claim to be confirmed
_OR_NOT = re.compile(r"\bor\s+(?:not|nah|no)\W*$", re.IGNORECASE)


def states_claim(question: str) -> bool:
    """"They met loads of times, right?" states a claim and asks to confirm it; "did they meet, or nah?"
    asks whether, claiming nothing."""
    return asks_to_confirm(question) and not _OR_NOT.search(question)


# "bringin", "sayin": chat drops the g (`_with_g` decides: "martin" stays a name)
_DROPPED_G = re.compile(r"\b[a-z]{2,}in\b")
# "what's the deal with the tariffs?", "what's up with the port?": chat for "what about"
_WHATS_UP = re.compile(r"\b(?:what|wat|wut)(?:'s|’s|s|\s+is|\s+was)\s+(?:the\s+deal|up)\s+(?:with|w/?|about)\b",
                       re.IGNORECASE)
# "give his take on it", "what's her take on …": an opinion, not taking anything
_TAKE_ON = re.compile(r"\b(?:(?:give|gave|giving|gives|get|got)\s+)?(?:his|her|their|its|your|the|a|"
                      r"(?P<whose>\w+?)(?:'s|’s|s))\s+take\s+on\b", re.IGNORECASE)
# a clipped day after a word that points at a day ("that sat", "on fri"): "sat in the room" is no day
_DAY_CLIPPED = re.compile(r"\b(that|this|on|last|next|same|by|till|until|since|before|after|from)\s+"
                          r"(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b", re.IGNORECASE)
_DAYS = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
         "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday"}

# "who first announced it?", "which paper originally ran it?": who did it, earliest; the articles tell who
# did it, seldom that it was first ("first" would pull in every "first call" of them)
_WHO_FIRST = re.compile(r"\b(who|which\s+\w+|what\s+\w+)\s+(?:first|initially|originally)\s+(?=[a-z]+(?:ed|t)\b)",
                        re.IGNORECASE)


def read_chat(question: str) -> str:
    """The question with chat read as what it asks: "was it a 5 min call?" guesses a length; "called for
    talks" is a demand; "what's in it for him?" asks what he gains; "put on" is "imposed"; "drop the
    tariffs" lifts them; "his take on the call" is what he said of it ("lavrov's take on it", what Lavrov
    said); "…, right?" asks to confirm; "what's the deal with X?" asks about X; "bringin" is "bringing";
    everyday phrases are their word (bot.phrases); "that sat" is that Saturday; "who first reported it?"
    asks who reported it."""
    asked = without_stated_amounts(question)
    asked = _CALL_FOR.sub("urged ", asked)
    asked = _IN_IT_FOR.sub("gain for", asked)
    asked = _PUT_ON.sub("imposed", asked)
    asked = _DROP.sub("lift", asked)
    asked = _TAKE_ON.sub(lambda m: f"{m.group('whose')} say about" if m.group("whose") else "say about", asked)
    asked = without_tag(asked)
    asked = _WHO_FIRST.sub(r"\1 ", asked)
    asked = _WHATS_UP.sub("what about", asked)
    asked = _DROPPED_G.sub(_g_restored, asked)
    asked = plain_phrases(asked)
    return _DAY_CLIPPED.sub(lambda m: f"{m.group(1)} {_DAYS[m.group(2).lower()]}", asked)


def _g_restored(match: re.Match[str]) -> str:
    """"bringin" → "bringing"; a word the dictionary holds ("thin", "within") is left as written, as
    the profile's own reading of a rare token does."""
    word = match.group(0)
    return (with_g(word) or word) if is_rare(word) else word


def with_g(token: str) -> str:
    """"sayin" → "saying" when that is an everyday word; "" otherwise."""
    word = fold(token)
    return word + "g" if len(word) >= 4 and word.endswith("in") and not is_rare(word + "g") else ""


# "what did the king say when the mayor brought up the war?": a premise that the mayor raised the war
_WHEN_RAISED = re.compile(r"\bwhen\s+(?P<who>[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)\s+(?P<verb>brought|raised|mentioned|"
                          r"pressed)\s+(?P<rest>[^,;?]+)", re.IGNORECASE)
_BASE = {"brought": "bring", "raised": "raise", "mentioned": "mention", "pressed": "press"}


def raised_premise(question: str) -> str:
    """The premise a "when X raised Y" clause takes for granted, as the question "did X raise Y?" ("" if
    none): the articles must say X raised it for the question to have an answer."""
    match = _WHEN_RAISED.search(question)
    if match is None:
        return ""
    return f"did {match.group('who')} {_BASE[match.group('verb').lower()]} {match.group('rest').strip()}?"
