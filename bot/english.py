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
    if len(w) < 3 or not w.isalpha():
        return False
    return w not in _checker()


def corrections(word: str) -> set[str]:
    """Spellings one edit away that the dictionary knows ("sanctons" → "sanctions")."""
    return set(_checker().candidates(word.lower()) or ()) - {word.lower()}
