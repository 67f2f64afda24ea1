"""What the articles' own writing tells about names: acronyms spelt out by runs of capitalised words,
stems written only capitalised (names), and given names written only before a surname. Learnt from
the corpus at load time, so nothing here knows the story; bot.vocabulary builds on it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet

from bot.text import Lexicon, fold

_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le"})


def spelt_initials(texts: Iterable[str], initials: Iterable[str], lexicon: Lexicon) -> frozenset[str]:
    """Stems of the runs of capitalised words whose initials spell one of `initials` of two to four
    letters ("United States" for "us"). Unlike `acronyms`, single letters ("U.S.") spell nothing."""
    patterns = [re.compile(r"\b" + r"\s+".join(f"{c.upper()}[a-z]+" for c in i) + r"\b")
                for i in initials if 2 <= len(i) <= 4 and i.isalpha()]
    texts = list(texts)
    return frozenset(s for p in patterns for t in texts for m in p.finditer(t) for s in lexicon.key_stems(m.group(0)))


def acronyms(runs: Mapping[str, tuple[str, ...]], lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """"NATO" → key stems of "North Atlantic Treaty Organisation", from the runs of capitalised words
    `acronym_words` found."""
    return {letters: tuple(s for w in run for s in lexicon.key_stems(w)) for letters, run in runs.items()}


CHAT_ACRONYM_MIN = 3  # a name of everyday words written this often is one a chat shortens ("wh")


def chat_acronyms(texts: list[str], runs: Mapping[str, tuple[str, ...]], is_word: Callable[[str], bool],
                  is_common: Callable[[str], bool]) -> frozenset[str]:
    """The acronyms (of `runs`, from `acronym_words(texts)`) a chat types in lower case ("wh"): of a name of
    everyday words the articles write often ("White House"), not a person's ("vp" of a "Vladimir P…"), and
    no word themselves ("us")."""
    return frozenset(letters for letters, run in runs.items()
                     if not is_word(letters) and all(is_common(w) for w in run)
                     and sum(t.count(" ".join(run)) for t in texts) >= CHAT_ACRONYM_MIN)


def acronym_words(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """"nato" → ("North", "Atlantic", "Treaty", "Organisation"): the first run of capitalised words
    (connectors such as "of" skipped) whose initials spell it."""
    out: dict[str, tuple[str, ...]] = {}
    for text in texts:
        tokens = re.findall(r"[A-Za-z][\w’'-]*", text)
        for start in range(len(tokens)):
            run: list[str] = []
            for token in tokens[start:start + 8]:
                if token[0].isupper():
                    run.append(token)
                elif token.lower() in _CONNECTORS and run:
                    continue
                else:
                    break
                if len(run) >= 2:
                    out.setdefault("".join(w[0] for w in run).lower(), tuple(run))
    return out


_WORD_TOKEN = re.compile(r"[A-Za-z][\w’'-]*")  # a word as written, to tell how the articles capitalise it


def proper_stems(texts: Iterable[str], lexicon: Lexicon) -> set[str]:
    """Stems written capitalised inside a sentence and never in lower case: names ("Geneva", "the
    Senate"), not titles the articles also use as words ("Minister", "the minister")."""
    upper: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for i, token in enumerate(_WORD_TOKEN.findall(text)):
            if token.isupper() and len(token) > 1:
                continue  # an acronym says nothing of how its letters' words are written
            target = lower if token[0].islower() else upper if i > 0 else None
            if target is not None:
                target.update(lexicon.key_stems(token))
    return upper - lower


def given_names(texts: Iterable[str], proper: AbstractSet[str], lexicon: Lexicon) -> frozenset[str]:
    """Folded words the articles write only as the first of a two-word name ("Olaf" of "Olaf Lind"),
    never alone ("Oslo") nor inside a longer run of names or titles ("Chancellor Anna Holt")."""
    def is_name(word: str) -> bool:
        return word[:1].isupper() and not word.isupper() and set(lexicon.key_stems(word)) <= proper

    first: set[str] = set()
    other: set[str] = set()
    for text in texts:
        tokens = ["", *_WORD_TOKEN.findall(text), "", ""]
        for before, word, after, then in zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False):
            if is_name(word):
                pair = not is_name(before) and is_name(after) and not is_name(then)
                (first if pair else other).add(fold(word))
    return frozenset(w for w in first - other if lexicon.key_stems(w))


def stem_pairs(text: str, lexicon: Lexicon) -> set[tuple[str, str]]:
    stems = lexicon.key_stems(text)
    return {(a, b) for a, b in itertools.pairwise(stems) if a != b}


def name_pairs(texts: Iterable[str], lexicon: Lexicon) -> frozenset[tuple[str, str]]:
    """Pairs of key stems the articles write as two capitalised words in a row ("Oslo Post", "Al
    Madina"): a question in another language writes such a name as they do, though each of its words
    alone may be too short to tell from a word of that language ("al", "post")."""
    pairs: set[tuple[str, str]] = set()
    for text in texts:
        tokens = _WORD_TOKEN.findall(text)
        for a, b in itertools.pairwise(tokens):
            if a[0].isupper() and b[0].isupper() and not a.isupper() and not b.isupper():
                first, second = lexicon.key_stems(a), lexicon.key_stems(b)
                if len(first) == 1 and len(second) == 1:
                    pairs.add((first[0], second[0]))
    return frozenset(pairs)
