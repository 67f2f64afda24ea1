"""Who a name is: the descriptions the articles themselves give a person ("Ruritanian President
Anna Berg", "Harbour Ministry spokesman Olaf Lind").

A sentence that says "Berg said …" states what "the Ruritanian president said …", and a question
or a model's answer uses either. Word matching cannot know that the two are one person; the
articles can, where they put a description right before the name. From those runs this module
learns, per article set:
- name → descriptions: a sentence naming "Berg" is also about "Ruritanian President …";
- description → name, where exactly one person carries that description (several prime ministers
  make "Prime Minister" nobody in particular; a one-word title is never used).
`notes` says, in brackets, what a sentence leaves implicit. The support check reads a fact with its
notes, so "the Ruritanian president said …" is supported by "Berg said …"; the notes are never shown
or quoted. Retrieval indexes the articles' words alone (notes in the index shifted word weights and
ranks for the worse: measured on our question sets); it goes the other way, and adds to a question's
ranking words the name of the person it `described` ("the ruritanian president" → berg). General
English titles only; no names here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

# Role nouns that stand, lowercase, inside a description ("Harbour Ministry spokesman Olaf Lind").
ROLE_WORDS = frozenset("""
    president chancellor minister premier secretary spokesman spokeswoman spokesperson adviser advisor aide
    senator sen. rep. representative congressman congresswoman leader researcher analyst ambassador official
    governor mayor general envoy diplomat correspondent reporter editor director chairman chairwoman chief
    king queen prince pope
""".split())
_LEADING = frozenset({"the", "a", "an"})
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*\.?")


def _is_cap(token: str) -> bool:
    return token[:1].isupper() and not token.isupper()


def _in_run(token: str) -> bool:
    """Capitalised, an acronym ("US President"), or a role noun."""
    return token[:1].isupper() or _role(token)


def _role(token: str) -> bool:
    return token.lower() in ROLE_WORDS


@dataclass(frozen=True)
class Aliases:
    """Descriptions learned from the articles (see the module docstring)."""

    by_name: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Berg" → ("Ruritanian President …",)
    by_description: dict[str, str] = field(default_factory=dict)  # "ruritanian president" → "Anna Berg"

    def notes(self, text: str) -> str:
        """The descriptions of the people `text` names and the names of the people it describes, in
        brackets ("" when there are none): "(Ruritanian President Anna Berg)" for "Berg said"."""
        tokens = _TOKEN.findall(text)
        words = set(tokens) | {_word(w) for w in tokens}
        lowered = text.lower()
        notes: list[str] = []
        for name, descriptions in self.by_name.items():
            if name in words:
                notes.extend(d for d in descriptions if d.lower() not in lowered)
        for description, full_name in self.described(text):
            if full_name.split()[-1] not in words:
                notes.append(f"{description}: {full_name}")
        notes = list(dict.fromkeys(notes))
        return f"({'; '.join(notes)})" if notes else ""

    def described(self, text: str) -> list[tuple[str, str]]:
        """(description, name) of each person `text` calls by a description only one person carries
        ("the harbour ministry spokesman" → Olaf Lind); case does not matter, chat is lowercase."""
        lowered = text.lower()
        return [(d, name) for d, name in self.by_description.items() if re.search(rf"\b{re.escape(d)}\b", lowered)]


def learn(sentences: Iterable[str]) -> Aliases:
    """The descriptions the sentences put right before a first and last name."""
    by_name: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        for run in _runs(sentence):
            *description, first, last = run
            while description and description[0].lower() in _LEADING:
                description = description[1:]
            if not description or not any(_role(t) for t in description):
                continue  # "Barack Obama": no description; "Russian Federation": no person
            by_name[last].add(" ".join(run))
            key = " ".join(description).lower().rstrip(".")
            if len(description) >= 2:
                people[key].add(f"{first} {last}")
    unique = {d: next(iter(names)) for d, names in people.items() if len(names) == 1}
    return Aliases({n: tuple(sorted(d)) for n, d in by_name.items()}, unique)


def _runs(sentence: str) -> Iterable[list[str]]:
    """Maximal runs of capitalised words and role nouns, unbroken by punctuation, that end in two
    capitalised words that are not role nouns (a first and a last name)."""
    run: list[str] = []
    end = 0
    for match in [*_TOKEN.finditer(sentence), None]:
        token = _word(match.group()) if match else ""
        joined = match is not None and not sentence[end:match.start()].strip() and not (
            run and run[-1].endswith(".") and not _role(run[-1]))  # "Sen. Holt", not "… Berg. The"
        if match is not None:
            end = match.end()
        if token and (joined or not run) and (_in_run(token) or (token.lower() in _LEADING and not run)):
            run.append(token)
            continue
        yield from _named(run)
        run = [token] if token and _in_run(token) else []
    yield from _named(run)


def _named(run: list[str]) -> Iterable[list[str]]:
    run = list(run)
    while run and (_role(run[-1]) or not _is_cap(run[-1])):
        run.pop()
    if len(run) >= 3 and _is_cap(run[-2]) and not _role(run[-2]):
        yield run


def _word(token: str) -> str:
    """A token without a sentence's full stop; abbreviations ("Sen.") keep theirs."""
    return token if token.lower() in ROLE_WORDS or len(token) <= 2 else token.rstrip(".")
