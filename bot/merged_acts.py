"""Two tellings of one act merged: a sentence pooled from two facts that both tell an act, taking the
act's object from the fact that says less of it.

"Holt rang Berg in May to congratulate her on the election" and "Holt will congratulate Berg on her
appointment" give "Holt rang Berg in May to congratulate her on the appointment" every word, pooled:
May from the first, the appointment from the second. Word coverage cannot see it; what follows the
act can. When both facts tell an act the sentence tells (a word few texts write: a common one like
"sanctions" is told of many things), the sentence's words after the act come from the other fact
only, and none of the words after the act in the fact that states most of the sentence are the
sentence's, that fact told the act of something else.
Measured on the 46 sentences of the 1.5B model's logged answers (sessions 35–39) that two facts
support together: only the one such merge among them is caught (one leader phoning the other in November
to congratulate him on an inauguration still to come).
General English only.
"""

from __future__ import annotations

from bot.attribution import DISCOURSE, names
from bot.role_swap import CLAUSE_OPENERS, TOKEN
from bot.text import Lexicon
from bot.vocabulary import in_family
from bot.word_weights import WordWeights

RARE_ACT = 3.0  # the IDF of a word about one text in twenty writes, or fewer
OBJECT_WORDS = 4  # content words after the act read as what it is done to, on or about

# where an act's object ends: the clause openers role_swap reads a doer back to, but "as" and "however", and "and"
_CLAUSE_ENDS = (CLAUSE_OPENERS - {"as", "however"}) | {"and"}


def object_merged(sentence: str, main: str, other: str, weights: WordWeights) -> bool:
    """`sentence`, supported by `main` (the fact stating most of it) and `other` together, tells an act
    both facts tell with the object only `other` gives it, while `main` tells it of something else
    (see the module docstring)."""
    lexicon = weights.lexicon
    discourse = lexicon.stem_set(DISCOURSE)
    have_main, have_other = lexicon.stem_set(main), lexicon.stem_set(other)
    stated = lexicon.stem_set(sentence)
    only_other = {w for w in stated if in_family(w, have_other) and not in_family(w, have_main)}
    if not only_other:
        return False
    named = names(sentence, lexicon)
    acts = [w for w in dict.fromkeys(lexicon.key_stems(sentence)) if w not in discourse and w not in named
            and weights(w) >= RARE_ACT and in_family(w, have_main) and in_family(w, have_other)]
    for act in acts:
        told = _objects(sentence, act, lexicon, discourse)
        if not any(w in only_other for obj in told for w in obj):
            continue
        of_main = [obj for obj in _objects(main, act, lexicon, discourse) if obj]
        if of_main and not any(in_family(w, stated) for obj in of_main for w in obj):
            return True
    return False


def _objects(text: str, act: str, lexicon: Lexicon, discourse: frozenset[str]) -> list[list[str]]:
    """For each place `text` writes the act, the first content words after it in its clause."""
    tokens = TOKEN.findall(text)
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        if act not in lexicon.key_stems(token):
            continue
        words: list[str] = []
        for later in tokens[i + 1:]:
            if not later[:1].isalpha() or later.lower() in _CLAUSE_ENDS or len(words) >= OBJECT_WORDS:
                break
            words += [w for w in lexicon.key_stems(later) if w not in discourse]
        out.append(words[:OBJECT_WORDS])
    return out
