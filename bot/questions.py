"""Cleaning and screening the user's text before any engine sees it.

Discord mention syntax, zero-width and control characters, markdown fences and citation markers a
user typed are removed; what is left must be a non-empty question within the length cap. Requests
that are not questions about the event (change your instructions, write a poem, translate a phrase,
show the prompt, give your own opinion) are recognised here so the LLM is never called for them.
"""

from __future__ import annotations

import re
import unicodedata

from bot.corpus import DEFAULT_EVENT_NAME
from bot.errors import InvalidQuestion

_MENTION = re.compile(r"<(?:@[!&]?|#|a?:\w+:)\d+>|@(?:everyone|here)\b", re.IGNORECASE)
_FAKE_MARKER = re.compile(r"[\[(【]\s*(?:F\s*\d+|\d{1,3})(?:\s*,\s*(?:F\s*\d+|\d{1,3}))*\s*[\])】]", re.IGNORECASE)
_FENCE = re.compile(r"```+\w*|~~|\|\|")
_MARKDOWN = re.compile(r"(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)|^#{1,6}\s+|^>\s+", re.MULTILINE)

# an aside of a few words before a verdict asked ("be honest, was …?", "real talk: should …?")
_ASIDE = r"([\w'’]+(\s+[\w'’]+){0,2}\s*[,:;—–-]+\s*)?"

INSTRUCTION_ATTEMPTS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(ignore|forget|disregard|override|bypass)\b.{0,40}\b(instructions?|rules?|articles?|sources?|"
        r"prompt|previous|above|everything|guidelines?|constraints?)",
        r"\b(developer|dev|god|jailbreak|dan|admin|debug)\s+mode\b",
        r"\b(system|initial|hidden|original)\s+(prompt|instructions?|message)\b",
        r"\byour\s+(instructions|prompt|rules|guidelines)\b",
        r"\byou\s+are\s+now\b|\bfrom\s+now\s+on\b|\bpretend\s+(to\s+be|you)\b|\bact\s+as\b|\brole-?play\b",
        r"\b(you\s+are|you're|be|become|act|behave)\b.{0,20}\b(dan|unrestricted|jailbroken|uncensored|evil|"
        r"unfiltered|without\s+(rules|restrictions|limits|filters))\b",
        r"\banswer\s+anything\b(?!\s+(about|on|regarding))|\bno\s+(rules|restrictions|limits|filters)\b",
        r"\b(write|compose|tell|give|make|sing|generate)\b.{0,25}\b(poem|joke|story|song|haiku|limerick|"
        r"recipe|essay|code|script|rap)s?\b",
        r"\bhow\s+(do|would|can|should)\s+(you|i|we|one)\s+(say|write|spell|pronounce)\b|\btranslate\b.{0,60}"
        r"\b(into|to)\s+\w+",
        r"\b(repeat|print|reveal|show|output|dump)\b.{0,30}\b(brief|prompt|instructions|facts list|everything)",
        # the bot's own opinion or advice: the articles report views, the bot holds none
        r"\b(do|did|would|wouldn'?t|don'?t|dont)\s+(you|u|ya|y'?all)\s+(personally\s+|honestly\s+)?(think|reckon|"
        r"believe|feel|agree|like|prefer|expect)\b",
        r"\b(your|ur)\s+(own\s+|personal\s+|honest\s+)?(opinion|view|take|thoughts?|guess|prediction|feelings?|"
        r"verdict|judge?ment|assessment)\b",
        # a verdict asked outright: "give me a verdict", "gimme your honest take"
        r"\b(give|gimme|tell)\s+(me|us)\s+(a|an|your|ur)\s+([\w-]+\s+)?(verdict|opinion|judge?ment|assessment|"
        r"ruling|rating|take)\b",
        # what the bot would do in someone's place: "what would you have asked him?"
        r"\b(would|wouldn'?t|will|could)\s+(you|u|ya)\s+(have\s+)?(ask(ed)?|say|said|do|done|tell|told|choose|chosen|"
        r"pick(ed)?|vote[d]?|trust(ed)?)\b",
        # a verdict on a person or an act: "is the king trustworthy?", "was closing the port a good move?"
        # (not "is it true he called him a liar?", "… according to X?": questions about what was said)
        r"^\W*" + _ASIDE + r"((so|ok|okay|but|and|honestly)\W+)*(is|was|are|were)\b"
        r"(?!\s+(it|that)\s+true\b)"
        r"(?!.*\b(call\s+(him|her|it|them)|called|calls|said|says|say|according|thinks?|thought|described|portrayed|labell?ed|branded|"
        r"seen|considered|accused)\b).{1,40}\b(trustworthy|honest|evil|a\s+liar|"
        r"liars|to\s+be\s+trusted|a\s+(good|bad|great|terrible|decent|smart|wise|dumb|stupid)\s+(president|leader|"
        r"person|man|guy|woman|move|idea|decision|choice)|a\s+mistake|(right|wrong)\s+to)\b",
        # a judgement between people or acts: "who is the better leader, A or B?", "which one was smarter?"
        r"\b(who|which(\s+[\w-]+){0,2}?)\s*(is|was|'s|’s|are|were)\s+(the\s+)?(better|best|worse|worst|smarter|"
        r"smartest|stronger|strongest|greater|greatest|tougher|toughest|wiser|wisest|more\s+(competent|capable|"
        r"honest|intelligent|trustworthy|effective))(?![\w-])(?!.*\b(according\s+to|said|says|say|called|described)\b)",
        r"^\W*" + _ASIDE + r"((so|but|ok|okay|honestly|and)\W+)*should\b(?!.*\b(according\s+to|say|said|"
        r"says|argue[sd]?|think|thinks|thought|want|wants|wanted|warn\w*|urge\w*)\b)",
        # a forecast asked of the bot ("Predict whether …", "can you guess if …"): the articles end where they end
        r"^\W*((so|ok|okay|pls|please|now|and)\W+)*((can|could|would|will)\s+(you|u)\s+)?(predict|forecast|speculate|"
        r"guess)\b",
    )
]


def clean_question(raw: str, max_chars: int, event: str = DEFAULT_EVENT_NAME) -> str:
    """The question as the engines should see it, or InvalidQuestion with a short reason (which names
    `event`, the event's name, when there is no question at all)."""
    if raw is None or not raw.strip():
        raise InvalidQuestion(f"Please ask a question about {event}.")
    if len(raw) > max_chars * 4:
        raise InvalidQuestion(f"That message is too long; please keep questions under {max_chars} characters.")
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = _MENTION.sub(" ", text)
    text = _FAKE_MARKER.sub(" ", text)
    text = _FENCE.sub(" ", text).replace("`", "")
    text = _MARKDOWN.sub("", text)
    text = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(text.split()))
    if not re.search(r"\w", text):
        raise InvalidQuestion(f"Please ask a question about {event}.")
    if len(text) > max_chars:
        raise InvalidQuestion(f"That question is too long; please keep it under {max_chars} characters.")
    return text


def is_instruction_attempt(question: str) -> bool:
    """True for attempts to change the bot's instructions or requests for other kinds of text."""
    return any(p.search(question) for p in INSTRUCTION_ATTEMPTS)


def normalise_for_cache(question: str) -> str:
    """Case, punctuation and spacing do not make a different question."""
    return " ".join(re.sub(r"[^\w\s]", " ", question.casefold()).split())
