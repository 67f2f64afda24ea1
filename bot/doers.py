"""Whether a sentence names who did what a who-question asks about.

"Who tweeted that there was an order to ease the port fees?" is not answered by "'… a draft order to
ease port fees', she tweeted": the sentence states the deed, not the doer, and its only name sits
inside the quote. Nor is "which figures said they would block it?" answered by "Powerful figures say
they will block any move … That would displease Oslo": the name is in the next sentence, about
something else.

A name answers a who-question when it stands in the same sentence as the deed, outside quotation
marks, within DOER_REACH words of a word the question uses (the deed, or the description the question
gives: "the harbour board guy" is "a researcher at the Harbour Board, Olaf Lind"). News sentences put
the doer next to the deed ("announced by ministry spokesman Olaf Lind", "Sen. Anna Holt … advised
against"); without a parser this is the nearest reading of "the sentence says who". Days and months
name no one. General English; nothing here is about one story.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from bot.dates import MONTHS, WEEKDAYS
from bot.vocabulary import in_family

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

DOER_REACH = 6  # words between a name and the nearest word of the question (set on our question sets)

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])")
_TOKEN = re.compile(r"[“”\"]|[A-Za-z][\w’'-]*")
_CALENDAR = frozenset([*WEEKDAYS, *MONTHS])


def names_doer(vocabulary: Vocabulary, text: str, asked: AbstractSet[str], anchors: AbstractSet[str]) -> bool:
    """`text` names someone the question does not (`asked`: the question's key stems), outside quotes,
    within DOER_REACH words of one of `anchors` (the question's words that say what was done, or by
    whom), in the same sentence."""
    lexicon = vocabulary.lexicon
    for sentence in _SENTENCE.split(text):
        quoted = False
        near: list[int] = []  # positions of the question's words
        names: list[int] = []  # positions of names outside quotes
        for i, token in enumerate(_TOKEN.findall(sentence)):
            if token in "“”\"":
                quoted = (not quoted) if token == '"' else token == "“"
                continue
            stems = lexicon.key_stems(token)
            if any(in_family(s, anchors) for s in stems):
                near.append(i)
            if not quoted and token[:1].isupper() and stems and _is_new_name(vocabulary, token, stems[0], asked):
                names.append(i)
        if any(abs(i - j) <= DOER_REACH for i in names for j in near):
            return True
    return False


def _is_new_name(vocabulary: Vocabulary, token: str, stem: str, asked: AbstractSet[str]) -> bool:
    return bool(vocabulary.names_in([stem])) and not in_family(stem, asked) and token.lower() not in _CALENDAR
