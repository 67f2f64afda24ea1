"""Irregular verb forms read as their verb: "brought" as "bring", "spoke" as "speak", "kept" as "keep".

The Snowball stemmer strips regular endings ("discussed", "discussing" → "discuss") but leaves an
irregular form as it is, so "did he bring it up?" never met "he brought it up". simplemma (a maintained,
dependency-free lemmatiser whose English dictionary ships in its wheel; MIT) knows the forms. Only
irregular verb forms are taken from it: a form whose lemma stems like the form itself is left to the
stemmer, a lemma that is no verb (it has no "-ing" form simplemma knows) is not taken ("media" stays
"media", "gone" is not "gan"), and the irregular comparatives ("worse", "better") stay what they are:
"could not be worse" is not "wrong". Without simplemma every word is left to the stemmer (the log
says so once).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from types import ModuleType

log = logging.getLogger(__name__)

COMPARATIVES = frozenset({"better", "best", "worse", "worst", "less", "least", "more", "most", "further",
                          "furthest", "farther", "farthest", "elder", "eldest"})


@lru_cache(maxsize=1)
def _simplemma() -> ModuleType | None:
    try:
        import simplemma
    except ImportError:
        log.warning("simplemma is not installed: irregular verb forms are compared as written")
        return None
    return simplemma


@lru_cache(maxsize=65536)
def verb(word: str, stemmed: str = "") -> str:
    """The verb an irregular form is of ("brought" → "bring"), else the word itself. `stemmed` is the
    word's stem, when the caller has it: a lemma stemming the same is a regular form."""
    module = _simplemma()
    if module is None or word in COMPARATIVES or not word.isalpha():
        return word
    lemma: str = module.lemmatize(word, lang="en")
    if lemma == word or not lemma.isalpha() or lemma[:1] != word[:1] or (stemmed and lemma.startswith(stemmed)):
        return word
    if not any(module.lemmatize(form, lang="en") == lemma for form in _gerunds(lemma)):
        return word
    return lemma


def _gerunds(lemma: str) -> list[str]:
    """The spellings an "-ing" form of the lemma may take: bringing, taking, running."""
    forms = [lemma + "ing", lemma + lemma[-1] + "ing"]
    if lemma.endswith("e"):
        forms.append(lemma[:-1] + "ing")
    if lemma.endswith("ie"):
        forms.append(lemma[:-2] + "ying")
    return forms
