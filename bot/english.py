"""Whether a word is one of everyday English (pyspellchecker's word-frequency list, shipped in its
wheel; MIT licence; pure Python).

Discord users type in lowercase, so a capital letter cannot tell that "erdogan" or "davos" names
something. A word the articles never use that is also missing from a dictionary of everyday English
is most likely a name or a specialist term: the articles cannot be about it. An everyday
word ("penalties", "paperwork", "gonna") is more likely a paraphrase and is left to the rest of the
decision. The list is read once per process (lazily, read-only afterwards).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spellchecker import SpellChecker


@lru_cache(maxsize=1)
def _checker() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def load() -> None:
    """Read the word list now (~0.1 s): knowledge is built off the event loop, the first question
    is not."""
    _checker()


def is_loaded() -> bool:
    return _checker.cache_info().currsize > 0


def is_rare(word: str) -> bool:
    """Not a word of everyday English: likely a name ("erdogan", "navalny") when the articles don't
    use it either. Only membership counts: the list's counts are coarse for uncommon words
    ("afterwards" and "hmm" share its lowest count). Words with digits or shorter than 3 letters are
    left to other checks."""
    w = re.sub(r"['’]s$", "", word.lower()).strip("'’")  # "erdogan's" is "erdogan"
    if "-" in w.strip("-"):  # "mar-a-lago": a compound with a part no dictionary holds ("re-election" has none)
        return any(is_rare(part) for part in w.split("-"))
    if len(w) < 3 or not w.isalpha():
        return False
    return w not in _checker()


COMMON_COUNT = 10_000  # a word this frequent in the list is everyday English ("actually": 531,218; "mantis": 922)


def is_word(word: str) -> bool:
    """A word of the list ("us"; names too: "obama")."""
    return word.lower() in _checker()


def is_common(word: str) -> bool:
    """A word of everyday English ("white", "house"; not "vladimir")."""
    return _checker().word_frequency[word.lower()] >= COMMON_COUNT


def common_correction(word: str) -> str:
    """The everyday word one edit away that a misspelling most likely means ("actualy" → "actually"),
    or "" when the closest are rare words ("mattis" → "mantis", 922; "jinping" → "jinxing"): then the
    word is more likely a name."""
    checker = _checker()
    ranked = sorted(((checker.word_frequency[c], c) for c in corrections(word)), reverse=True)
    return ranked[0][1] if ranked and ranked[0][0] >= COMMON_COUNT else ""


@lru_cache(maxsize=4096)
def corrections(word: str) -> frozenset[str]:
    """Spellings one edit away that the dictionary knows ("sanctons" → "sanctions"). Cached: a question's
    profile asks for a rare word's twice (a word of the articles, then an everyday word)."""
    return frozenset(_checker().candidates(word.lower()) or ()) - {word.lower()}


UNVOWELLED_COUNT = 100_000  # chat drops the vowels of very common words only ("wld", "ppl", "abt")
_VOWELS = re.compile(r"[aeiou]")


def _unvowelled(word: str) -> str:
    """A word as chat writes it without its vowels (the first letter kept: "about" → "abt")."""
    return word[0] + _VOWELS.sub("", word[1:])


@lru_cache(maxsize=1)
def _unvowelled_words() -> dict[str, tuple[int, str]]:
    """Unvowelled spelling → the most frequent everyday word written so; double letters may be written
    once ("really" → "rly") or twice ("people" → "ppl")."""
    out: dict[str, tuple[int, str]] = {}
    for word, count in _checker().word_frequency.dictionary.items():
        if count < UNVOWELLED_COUNT or not word.isalpha() or len(word) < 3:
            continue
        short = _unvowelled(word)
        for key in {short, re.sub(r"(.)\1+", r"\1", short)}:
            if key != word and count > out.get(key, (0, ""))[0]:
                out[key] = (count, word)
    return out


def unvowelled(token: str) -> str:
    """The very common word a chat token missing its vowels stands for ("wld" → "would", "shld" →
    "should"), or "" when the token has vowels after its first letter, is a word itself, or stands
    for no such word ("smth", "kgb")."""
    low = token.lower()
    if len(low) < 3 or not low.isalpha() or _VOWELS.search(low[1:]) or low in _checker():
        return ""
    return _unvowelled_words().get(low, (0, ""))[1]


PARTICLES = ("up", "out", "off", "over", "back", "down", "away")
PARTICLE_HEAD_COUNT = 100_000  # the verb before the particle is a very common word ("meet"; not "bent" of "Benton")


def particle_compound(token: str) -> str:
    """A verb and its particle run together ("meetup" → "meet up", "followup" → "follow up"), when the
    verb is a very common word; "" otherwise. Names rarely end so ("-in", "-on" are left out: "Benton")."""
    low = token.lower()
    for particle in PARTICLES:
        head = low[: -len(particle)]
        if low.endswith(particle) and len(head) >= 3 and _checker().word_frequency[head] >= PARTICLE_HEAD_COUNT:
            return f"{head} {particle}"
    return ""


# prefixes written onto a word without a hyphen ("counterterrorism", "antisanctions"): the word is about its head
_PREFIXES = ("counter", "anti", "non", "post", "pre", "inter", "multi", "over", "under", "super", "trans")
PREFIX_HEAD_MIN = 5  # the head is a word of its own, not a fragment ("co" + "operate")


def prefixed_compound(token: str) -> str:
    """The word a rare word prefixes ("counterterrorism" → "terrorism"), when the token itself is no word
    of the list and its head is one; "" otherwise. What it is about is its head's topic."""
    low = token.lower()
    if not is_rare(low):
        return ""
    for prefix in _PREFIXES:
        head = low[len(prefix):].lstrip("-")
        if low.startswith(prefix) and len(head) >= PREFIX_HEAD_MIN and not is_rare(head):
            return head
    return ""


# chat's words for a person, run onto the first half of a role noun ("spokesguy", "congressdude"): the
# dictionary's own word ends in one of _PERSON_ENDINGS ("spokesman", "spokesperson", "congresswoman")
_CHAT_PERSON = ("guy", "dude", "gal", "lady", "person", "woman", "man")
_PERSON_ENDINGS = ("man", "person", "woman")


def person_compound(token: str) -> str:
    """The dictionary's role noun a chat compound stands for ("spokesguy" → "spokesman"), when its first
    half and a person ending make a known word and the token itself is not one; "" otherwise."""
    low = token.lower()
    if not is_rare(low):
        return ""
    for ending in _CHAT_PERSON:
        head = low[: -len(ending)]
        if low.endswith(ending) and len(head) >= 4:
            for person in _PERSON_ENDINGS:
                if person != ending and not is_rare(head + person):
                    return head + person
    return ""
