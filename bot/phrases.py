"""Everyday phrases as the one word they mean ("over and over" → "repeatedly", "face to face" → "in
person", "got into" → "discussed"), so a question, a fact and a model's sentence compare alike however
they say it. Applied before words are split (bot.text.spelt_out). General English only.
"""

from __future__ import annotations

import re

# everyday phrases that say what one word says, as that word: "several times", "over and over",
# "kept asking" (repeatedly); "face to face", "irl", "in the same room" (in person)
_REPEATED = re.compile(r"\b(?:over and over(?: again)?|again and again|time and (?:time )?again|more than once|"
                       r"(?:several|many|multiple|numerous|a few|a couple of) times)\b", re.IGNORECASE)
_HARPING = re.compile(r"\b(?:(?:keeps|kept|keep|keeping)(?: on)? )?harp(?:s|ed|ing)? (?:on|about)\b", re.IGNORECASE)
# "did X end up coming up", "in the end": no word of what is asked ("ended up signing" asks how things
# turned out: bot.vocabulary reads it as after the event)
_ENDED_UP = re.compile(r"\b(?:end|ends|ended|ending)\s+up\s+(?=coming\s+up\b)|\bin\s+the\s+end\b", re.IGNORECASE)
_KEPT_DOING = re.compile(r"\b(?:keeps|kept|keep|keeping)(?: on)? (?=\w+ing\b)", re.IGNORECASE)
_IN_PERSON = re.compile(r"\b(?:face[- ]to[- ]face|irl|in real life|in the same room)\b", re.IGNORECASE)
# "has an election coming up", "got a summit coming up": something ahead, not something discussed
_UPCOMING = re.compile(r"\b((?:has|have|had|got|having)\s+(?:(?:an?|the|any|some|his|her|their)\s+)?"
                       r"(?:[\w-]+\s+){1,2}?)(?:coming|come)\s+up\b", re.IGNORECASE)


def upcoming_read(text: str) -> str:
    """"has an election coming up" as "has an upcoming election": no topic of the talks."""
    return _UPCOMING.sub(r"\1upcoming", text)


# ways of saying something was discussed that no one word carries: "got into the tariffs", "touched upon the
# war", "the port came up" ("came up with a plan" is another thing)
_DISCUSSED = re.compile(r"\b(?:(?:get|gets|got|gotten|getting)\s+into|(?:touch|touches|touched|touching)\s+(?:up)?on|"
                        r"(?:come|comes|came|coming)\s+up\b(?!\s+with))\b", re.IGNORECASE)
# telling the world something: "put the word out", "let it slip", "broke the news", "went public with"
_ANNOUNCED = re.compile(r"\b(?:(?:put|puts|putting)\s+(?:the\s+)?word\s+out|(?:let|lets|letting)\s+(?:it\s+)?slip|"
                        r"(?:broke|break|breaks|breaking)\s+the\s+news|(?:went|go|goes|going)\s+public(?:\s+with)?|"
                        r"(?:made|make|makes|making)\s+it\s+public)\b", re.IGNORECASE)
# "had America's back", "has his back": supported them
_HAD_BACK = re.compile(r"\b(?:has|have|had|having|got|gotten)\s+(?:(?P<pronoun>his|her|their|our|my|your)|"
                       r"(?P<who>[\w.-]+?)(?:['’]s|s))\s+back\b", re.IGNORECASE)
# "being on America's side", "on his side": supporting them; "on the same side": allies
_ON_SIDE = re.compile(r"\bon\s+(?:(?P<pronoun>his|her|their|our|my|your)|(?P<who>[\w.-]+?)(?:['’]s|s))\s+side\b",
                      re.IGNORECASE)
_SAME_SIDE = re.compile(r"\b(?:on\s+)?the\s+same\s+side\b", re.IGNORECASE)
_OBJECT = {"his": "him", "her": "her", "their": "them", "our": "us", "my": "me", "your": "you"}
# "right after", "right away": "right" only stresses when ("it's right to", "the right thing" are words)
_RIGHT_WHEN = re.compile(r"\bright\s+(?=(?:after|before|away|now|then|when|as|at\s+the\s+(?:start|end))\b)",
                         re.IGNORECASE)
# "hung up (with him)": ended the phone call
_HUNG_UP = re.compile(r"\b(?:hung|hang|hangs|hanging)\s+up\b(?!\s+(?:a|the|his|her|their|its)\b)", re.IGNORECASE)
_WORLD_WAR = re.compile(r"\b(?:ww\s?(?:1|2|i|ii)|world war (?:1|2|i|ii|one|two))\b", re.IGNORECASE)


def _whom(match: re.Match[str]) -> str:
    """Who is supported in "had his back" / "on America's side": "him", "America"."""
    return _OBJECT[match["pronoun"].lower()] if match["pronoun"] else match["who"]


def plain_phrases(text: str) -> str:
    """Everyday phrases as the one word they mean, so texts compare alike however they say it:
    "brought up several times", "over and over", "kept bringing up" → "repeatedly" ("harping on" →
    "repeatedly brought up"); "face to face", "irl", "in the same room" → "in person"; "WW2" →
    "world war"; "got into", "touched upon", "came up" → "discussed" ("ended up coming up" too); "had
    America's back" → "supported America" ("on America's side": supporting America; "on the same side":
    allies); "right after" → "after"; "hung up" → "ended the call"."""
    text = _KEPT_DOING.sub("repeatedly ", _REPEATED.sub("repeatedly", _HARPING.sub("repeatedly brought up", text)))
    text = _DISCUSSED.sub("discussed", _ENDED_UP.sub("", upcoming_read(text)))
    text = _ANNOUNCED.sub("announced", _HUNG_UP.sub("ended the call", _RIGHT_WHEN.sub("", text)))
    text = _HAD_BACK.sub(lambda m: "supported " + _whom(m), text)
    text = _ON_SIDE.sub(lambda m: "supporting " + _whom(m), text)
    text = _SAME_SIDE.sub("allies", text)
    return _WORLD_WAR.sub("world war", _IN_PERSON.sub("in person", text))
