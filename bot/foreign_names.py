"""Names a question in another language gives that the articles never write ("¿Qué dijo Kowalczyk …?").

An English question naming someone the articles never mention is declined (bot.vocabulary): the
articles cannot say what that person said. A question in Spanish, French or German is matched by
meaning alone, and its capitalised words are mostly that language's own words ("Casa Blanca", German
nouns), so the same test would decline them all. A capitalised word is taken for a name the articles
lack only when it is not a word of English or of the common languages of Europe (pyspellchecker's
word lists, in the wheel already used for English), nor two such words run together (German
"Telefonkonferenz", "Regierungschefin" with its linking "s"), nor an article's name written the
other language's way ("Lindkvist" of "Lindqvist", "Varsovie" of "Warsaw": the same consonants) or
with a possessive ("Lindqvists"). A word of those lists is still such a name when it is rare in
every one of them and spells, as it sounds, a rare English word the articles never write: "Corea"
and "Nordkorea" are "Korea", "Brasil" is "Brazil" (places, mostly; "Casa Blanca" is two everyday
Spanish words and stays). Words in other scripts are left alone: they are not compared. General
European languages; nothing here knows the story.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from spellchecker import SpellChecker

LANGUAGES = ("en", "es", "fr", "de", "pt", "it")
MIN_LENGTH = 4  # shorter capitalised words are too often a language's own ("Casa", "Rio")
MIN_PART = 4  # each word of a compound is at least this long ("Atom" + "programm")
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*")
_SAME_SOUND = str.maketrans("wcqz", "vkks")  # letters that write one sound in different languages
_ELISION = re.compile(r"^(?:qu|l|d|j|n|s|c|m|t)['’]", re.IGNORECASE)  # "qu'Olafsson", "l'Élysée"


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[SpellChecker, ...]:
    return tuple(SpellChecker(language=lang, distance=1) for lang in LANGUAGES)


def load() -> None:
    """Read the word lists now (about a second): knowledge is built off the event loop."""
    _dictionaries()
    _english_places()


def _plain(word: str) -> str:
    """Lower case, accents dropped ("Élysée" → "elysee")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _sounds(word: str) -> str:
    """A word as it sounds across spellings ("corea" and "korea" → "korea", "brasil" and "brazil")."""
    return _plain(word).translate(_SAME_SOUND)


def _skeleton(word: str) -> str:
    """The consonants of a word ("varsovie" → "vrsv", "warsaw" → "vrsv"): how a name is
    spelt across languages."""
    return re.sub(r"[aeiouyhj]", "", _sounds(word))


def _is_word(word: str, *, foreign: bool = False) -> bool:
    """A word of the lists (with `foreign`, of one other than English's)."""
    low = word.lower()
    return any(low in d or _plain(low) in d for d in _dictionaries()[1 if foreign else 0:])


def _compound(word: str) -> bool:
    """Two words of the lists run together ("Telefonkonferenz", "Atomprogramm"), the first maybe with
    German's linking "s" ("Regierungschefin": "Regierung" + "s" + "Chefin")."""
    low = word.lower()
    return any((_is_word(low[:i]) or (low[i - 1] == "s" and _is_word(low[:i - 1]))) and _is_word(low[i:])
               for i in range(MIN_PART, len(low) - MIN_PART + 1))


@lru_cache(maxsize=4)
def _skeletons(name_words: frozenset[str]) -> frozenset[str]:
    """The skeletons of the articles' names: the same for every question until a reload."""
    return frozenset(shape for n in name_words if len(shape := _skeleton(n)) >= 2)


RARE_COUNT = 5_000  # a word this rare in every list is a name, not a language's everyday word ("Corea", not "Casa")


def _count(word: str) -> int:
    """How common a word is in the most common of the languages' lists (0 if in none)."""
    low = word.lower()
    return max(max(d.word_frequency[low], d.word_frequency[_plain(low)]) for d in _dictionaries())


@lru_cache(maxsize=1)
def _english_places() -> dict[str, str]:
    """English words rare enough to be names (places, mostly), by how they sound: "korea", "brazil"."""
    english = _dictionaries()[0].word_frequency
    return {_sounds(w): w for w, n in english.dictionary.items() if n < RARE_COUNT and w.isalpha() and len(w) >= 4}


def english_name(word: str, knows: Callable[[str], bool]) -> str:
    """The English name a capitalised word of another language spells ("Corea" → "korea", "Brasil" →
    "brazil", "Nordkorea" → "korea") when the articles never write it: "" otherwise. Only words rare in
    every list count: "Casa Blanca" is two everyday Spanish words."""
    if _count(word) >= RARE_COUNT:
        return ""
    low = word.lower()
    # a compound's last part is a word of its own language ("Nord|korea"), not only of English ("Regie|rung")
    parts = [low[i:] for i in range(MIN_PART, len(low) - MIN_PART + 1)
             if _is_word(low[:i]) and _is_word(low[i:], foreign=True)]
    for part in [low, *parts]:
        english = _english_places().get(_sounds(part))
        if english and _count(part) < RARE_COUNT and not knows(english):
            return english
    return ""


def unknown_names(question: str, name_words: AbstractSet[str], knows: Callable[[str], bool]) -> list[str]:
    """The capitalised words of a question in another language that name what the articles never do.
    `name_words`: the folded words the articles write as names; `knows`: whether the articles state a
    word (bot.vocabulary)."""
    skeletons = _skeletons(frozenset(name_words))
    out: list[str] = []
    for i, token in enumerate(_TOKEN.findall(question)):
        word = re.sub(r"['’]s$", "", _ELISION.sub("", token))
        if i == 0 or not word[:1].isupper() or word.isupper() or len(word) < MIN_LENGTH or not word.isalpha():
            continue
        if not _plain(word).isascii() or knows(word):
            continue
        if _is_word(word) or _compound(word):
            if english_name(word, knows):  # "Corea del Norte": a name the articles never write
                out.append(word)
            continue
        shape = _skeleton(word)
        if any(shape == s or shape.rstrip("s") == s or (len(s) >= 3 and shape.startswith(s)) for s in skeletons):
            continue  # "Lindkvist", "Varsovie", "Lindqvists"
        out.append(word)
    return out
