"""How far a model's translation of a question decides (bot.engines.llm).

The translation decides whether the articles answer a question in another language: the decision
reads English words ("Corea del Norte" is a name in the dictionaries of Spanish, "North Korea" is a
name the articles lack). But a small model leaves words untranslated ("Who was the portavoce of the
Cremlino who announced the call?"), and then the decision declines for a "name" the asker never
wrote as one. Of 106 distinct translations the 1.5B model wrote in logged runs, 5 were declined for
naming something while the question as written was answered; in 4 the named words were copied from
the question as written ("Cremlino" three times, answered right as written; "TV" once, answered
wrong either way). Those now go by the question as written; "Near East" for "Nahen Osten" is the
model's own wording and still declines (the articles say "Middle East"), as "North Korea" does.
"""

from __future__ import annotations

import re

from bot.decision import Evidence


def untranslated(read: Evidence, question: str) -> bool:
    """The translation `read` was declined only for naming words the question as written already holds,
    word for word: words the model copied, not names the asker gave."""
    names = read.profile.unknown_names  # a question naming any is declined for them (bot.decision)
    return read.verdict == "decline" and bool(names) and all(
        re.search(rf"(?<!\w){re.escape(n)}(?!\w)", question, re.IGNORECASE) for n in names)
