"""Who did it: a sentence that puts the evidence's doer after the verb and someone else before it.

"Oslo did not answer Lind's letters" has every word of "Oslo … blamed the previous Lind government
for failing to answer its letters", and says the opposite of who failed whom. Word coverage cannot
see it; the order of the names around the verb can. For each word of an act the sentence shares
with a fact, the names just before it (back to the clause's start) are its doers. When the fact's
doers of that act are none of the sentence's, and the sentence names them after the act instead,
the roles are swapped. Names are the words both texts write capitalised ("the Ruritanian and
Harbour navies" names both); "and" joins doers ("Holt and Berg held …" has both hold it), an
attribution ("according to Oslo,") names who says, not who did. Saying and asking are acts too
("Berg said the port would open" of "Holt said the port would open").
Measured on 47 sentences made by swapping two named parties in a fact of the seed articles: 46
passed the check before, 27 pass now (most of those harmlessly: "Holt and Berg held …" for "Berg and
Holt held …"); a swap the order of names does not show ("… get along with Holt") still passes.
A name inside a quotation ('… said the city "owes much to Lind" and asked Berg') and a month or weekday
("the Jan call") do no act: read as doers, they dropped 11 true sentences of the 1.5B model's logged
answers (423 re-checked; no false one let through).
A passive sentence names its doer after "by" ("The quote was given by Holt on Radio Oslo"): when every
place the evidence names Holt is after "with", "on", "to" … ("in an interview with Holt, Berg said …"),
Holt is who the act was done with, not its doer (`agent_misplaced`).
General English only.
"""

from __future__ import annotations

import re

from bot.attribution import names
from bot.dates import CALENDAR_WORDS
from bot.sentences import split_sentences
from bot.text import Lexicon, is_content_word

TOKEN = re.compile(r"[A-Za-z][\w’'-]*|[,;:()\"“”]")  # a word, or a mark that ends a run of names
# where the doers of a later act can no longer stand: a new clause or a claim opens
CLAUSE_OPENERS = frozenset("but that which who while whereas although though because when after before since "
                            "if as however".split())
_JOINERS = frozenset({"and", "&", "or"})
# saying and asking: "Berg said that the port would open" of "Holt said that the port would open, and asked Berg …"
_SAYING = {"say": "say", "says": "say", "said": "say", "tell": "say", "tells": "say", "told": "say",
           "ask": "ask", "asks": "ask", "asked": "ask"}
_ATTRIBUTION = re.compile(r"\baccording\s+to\s+[^,;.]*,?", re.IGNORECASE)
# a quotation's names do not do the act after it: "Holt said Berg “will open the port” and asked Lind"
_QUOTES = frozenset('"“”')
# capitalised, but a time and never a doer: "the Jan call", "Friday's talks" ("May" may be a name)
_TIMES = CALENDAR_WORDS - {"may"}


DOER_REACH = 8  # tokens back from an act to its doer's name
AGENT_WORDS = 6  # tokens after "by" read as the doer's name and description
# after these a name is a partner, a place or a listener ("an interview with Holt", "on Radio Oslo"), not a doer
_PARTNER_WORDS = frozenset("with between on at in into to for about against toward towards over than like".split())
# where a doer's name after "by" ends: "by Holt on Radio Oslo on Thursday"
_AGENT_ENDS = frozenset("on in at during after before about that to for with as when while from".split())


def roles_swapped(sentence: str, texts: list[str], lexicon: Lexicon) -> bool:
    """Some act the sentence shares with the evidence has, in every fact telling of it with a doer, doers
    the sentence names only after it, and none of the sentence's own (see the module docstring)."""
    names = _capitalised([*texts, sentence], lexicon)
    told = [act for text in texts for part in split_sentences(text) for act in _acts(part, names, lexicon)]
    for verb, before, after in _acts(sentence, names, lexicon):
        if not before:
            continue
        mine = frozenset().union(*before)
        doers = [runs for v, runs, _ in told if v == verb and runs]
        if doers and all(all(run & after and not run & mine for run in runs) for runs in doers):
            return True
    return False


def _capitalised(texts: list[str], lexicon: Lexicon) -> frozenset[str]:
    """Stems written capitalised inside a sentence of `texts`: names; and a first word that two of the
    texts both write capitalised ("Oslo, for its part, …" and "Oslo did not …")."""
    inside: set[str] = set()
    first: list[set[str]] = []
    for text in texts:
        opening: set[str] = set()
        for part in split_sentences(text):
            inside |= names(part, lexicon)
            tokens = TOKEN.findall(part)
            if tokens and tokens[0][:1].isupper() and is_content_word(tokens[0].lower()):
                opening.update(lexicon.key_stems(tokens[0]))
        first.append(opening)
    twice = {s for i, a in enumerate(first) for b in first[i + 1:] for s in a & b}
    return frozenset(inside | twice)


def _acts(sentence: str, names: frozenset[str],
          lexicon: Lexicon) -> list[tuple[str, list[frozenset[str]], frozenset[str]]]:
    """(act stem, the runs of names just before it in its clause, every name after it) for each content
    word of `sentence` that is no name."""
    tokens = TOKEN.findall(_ATTRIBUTION.sub(" ", sentence))
    stems = [frozenset(s for s in lexicon.key_stems(t) if s in names)
             if t[:1].isalpha() and t.lower().rstrip(".") not in _TIMES else frozenset() for t in tokens]
    out: list[tuple[str, list[frozenset[str]], frozenset[str]]] = []
    for i, token in enumerate(tokens):
        word = token.lower()
        if word in _SAYING:  # stop words to the lexicon, and the act a quote is most often moved to
            acts = [_SAYING[word]]
        elif is_content_word(word):
            acts = [s for s in lexicon.key_stems(token) if s != "not" and s not in names]
        else:
            continue
        runs: list[frozenset[str]] = []
        run: set[str] = set()
        reach = DOER_REACH
        j = i - 1
        while j >= 0 and i - j <= reach:
            if tokens[j].lower() in CLAUSE_OPENERS or tokens[j] in ";:" or tokens[j] in _QUOTES:
                break
            if stems[j]:
                run |= stems[j]
            elif run:
                runs.append(frozenset(run))
                run = set()
                if tokens[j].lower() in _JOINERS:  # "Holt and Berg held": both hold it, however far
                    reach = i - j + DOER_REACH
            j -= 1
        if run:
            runs.append(frozenset(run))
        # "with Holt", "and Holt": a partner in the act, not the one it is done to
        after = frozenset().union(*(stems[k] for k in range(i + 1, len(tokens))
                                    if not _partnered(tokens, stems, k)))
        out.extend((s, runs, after) for s in acts)
    return out


def _partnered(tokens: list[str], stems: list[frozenset[str]], k: int) -> bool:
    """Token k belongs to a run of names that "with", "and" or "between" introduces."""
    while k > 0 and stems[k - 1]:
        k -= 1
    return k > 0 and tokens[k - 1].lower() in _JOINERS | {"with", "between"}


def agent_misplaced(sentence: str, texts: list[str], lexicon: Lexicon) -> bool:
    """The sentence names a doer after "by" whom the evidence names, but only as a partner, place or
    listener (after "with", "on", "to", …; "according to" names a speaker): see the module docstring."""
    tokens = TOKEN.findall(sentence)
    for i, token in enumerate(tokens):
        if token.lower() != "by":
            continue
        agent: set[str] = set()
        for word in tokens[i + 1:i + 1 + AGENT_WORDS]:
            if not word[:1].isalpha() or word.lower() in _AGENT_ENDS:
                break
            if word[:1].isupper() and word.lower().rstrip(".") not in _TIMES:
                agent.update(lexicon.key_stems(word))
        if agent and _only_partnered(agent, texts, lexicon):
            return True
    return False


def _only_partnered(agent: set[str], texts: list[str], lexicon: Lexicon) -> bool:
    """The evidence names someone of `agent`, and every time right after a partner word (the name's
    capitalised words and a possessive "’s" read back to where it starts)."""
    seen = False
    for text in texts:
        tokens = TOKEN.findall(text)
        for k, token in enumerate(tokens):
            if not token[:1].isupper() or not agent & set(lexicon.key_stems(token)):
                continue
            seen = True
            start = k
            while start > 0 and tokens[start - 1][:1].isupper() and tokens[start - 1] not in _QUOTES:
                start -= 1
            before = tokens[start - 1].lower() if start > 0 else ""
            according = before == "to" and start > 1 and tokens[start - 2].lower() == "according"
            if before not in _PARTNER_WORDS or according:
                return False
    return seen
