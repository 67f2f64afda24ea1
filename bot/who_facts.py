"""Which candidate facts can answer a who-question ("who tweeted …?", "which leaders was he to speak
with?"): those naming someone the question does not, beside what it asks that someone did
(bot.doers.names_doer), or as the one talked with (bot.doers.names_partner); and when the articles
cannot say who (the deed is a word they never use, or they describe the person and never name them).
bot.decision decides with these; nothing here is about one story.
"""

from __future__ import annotations

import re

import numpy as np

from bot.aliases import ROLE_WORDS
from bot.dates import MONTHS, WEEKDAYS
from bot.doers import deed, description, left_unnamed, names_doer, names_partner
from bot.retrieval import Hit, Retriever
from bot.vocabulary import in_family

# "which leaders was he to speak with?" asks whom someone talked with, not who talked
TALKS_WITH = re.compile(r"\b(?:speak(?:ing)?|spoke|talk(?:ing|ed)?|chat(?:ting|ted)?|on\s+the\s+phone)\s+"
                        r"(?:with|to)\b"
                        # "who else was he calling / ringing up?": the verbs of phoning someone, not "the call"
                        r"|\b(?:calling|ringing|rang|ring\s+up|phoning|phoned)\b", re.IGNORECASE)


# "who else was he supposed / scheduled to call?": how the deed was to be done, not the deed
_PLANNED = re.compile(r"\b(?:expect(?:ed|ing)?|plann?(?:ed|ing)|schedul(?:ed|ing)|suppos(?:ed|edly)|intend(?:ed|ing)?|"
                      r"slated|due)\b", re.IGNORECASE)


def planned_stems(retriever: Retriever, question: str) -> frozenset[str]:
    """The stems of the question's words saying its deed was planned ("supposed to", "scheduled to"):
    no deed a name must stand beside, and no word the articles must write for a name to answer."""
    return retriever.lexicon.stem_set(" ".join(_PLANNED.findall(question)))


def names_someone_else(retriever: Retriever, hit: Hit, asked: frozenset[str]) -> bool:
    """The fact names someone or something the question does not (beyond the event's own parties)."""
    vocabulary = retriever.vocabulary
    return any(not in_family(s, asked) for s in vocabulary.names_in(vocabulary.lexicon.key_stems(hit.fact.text)))


def doer_anchors(retriever: Retriever, asked: frozenset[str]) -> frozenset[str]:
    """The question's words a doer's name must stand beside: those the articles use, beyond the
    event's own parties (written out too: "the United States", however typed, is the US)."""
    vocabulary = retriever.vocabulary
    parties = vocabulary.event_stems | vocabulary.party_words
    return frozenset(t for t in asked if t != "not" and t not in parties and vocabulary.knows(t))


# the words for when something was done ("that weekend", "on Monday")
_TIMES = " ".join([*WEEKDAYS, *MONTHS, "day days week weeks weekend weekends month year today tonight yesterday time",
                   "tomorrow morning afternoon evening night"])


def hit_names_doer(retriever: Retriever, hit: Hit, asked: frozenset[str], anchors: frozenset[str],
                   partner: bool = False) -> bool:
    """The fact names someone new beside what the question asks about ("'…', she tweeted" names no
    one). With nothing but the event's own words to go by ("who else did the king call?"), any new name
    will do. A `partner` fact (`talked_with`) names whom "which leaders did he speak with?" asks for:
    "a telephone conversation … with Chancellor Anna Holt" is speaking with her."""
    if not names_someone_else(retriever, hit, asked):
        return False
    return not anchors or partner or names_doer(retriever.vocabulary, hit.fact.text, asked, anchors)


_QUOTATION = re.compile(r"[\"“”]\s*\w+(?:\W+\w+){2,}")  # a question quoting three words or more
WHOLE_DEED_WORDS = 3  # a deed this many words long, all stated, is answered without a new name
WHOLE_DEED_STATED = 0.85  # "all stated", weighted: one word of a chat paraphrase may be its own ("relations")


def stating_whole_deed(retriever: Retriever, question: str, hits: list[Hit], anchors: frozenset[str],
                       asked: frozenset[str]) -> list[Hit]:
    """Where no fact names a new doer: the candidates stating nearly every word (WHOLE_DEED_STATED,
    weighted) of a deed of WHOLE_DEED_WORDS or more, and words of their own, which say who in their
    own words ("who did he say would think otherwise?": "only “fools” would think otherwise"). A
    question quoting the words ("who said “…”?") asks for a speaker, a name: none."""
    if len(anchors) < WHOLE_DEED_WORDS or _QUOTATION.search(question):
        return []
    return [h for h in hits if retriever.coverage_by(sorted(anchors), [h.fact.id]) >= WHOLE_DEED_STATED
            and retriever.lexicon.stem_set(h.fact.text) - asked - retriever.vocabulary.event_stems]


DEED_STATED = 0.75


def leading_named(retriever: Retriever, named: list[Hit], anchors: frozenset[str], partners: set[str]) -> list[Hit]:
    """The facts naming someone, in the order they answer: those stating nearly all of the deed beyond
    talking (DEED_STATED) first ("which fox guy was he talking to when he said …?": the interview where
    he said it, not every conversation with someone), then those naming whom he talked with ("which
    leaders was he to speak with?"), then the rest."""
    deed = sorted(anchors - talking(retriever))
    def stated(hit: Hit) -> bool:
        return bool(deed) and retriever.coverage_by(deed, [hit.fact.id]) >= DEED_STATED
    return sorted(named, key=lambda h: (not stated(h), h.fact.id not in partners))


def only_times(retriever: Retriever, anchors: frozenset[str]) -> bool:
    """Every word a doer's name must stand beside is a time ("who else was he calling that weekend?"):
    when it was done is no deed, so with no fact naming someone beside it, any new name will do."""
    return bool(anchors) and anchors <= retriever.lexicon.stem_set(_TIMES)


def role_unknown(retriever: Retriever, anchors: frozenset[str], unknown: list[str]) -> bool:
    """"Who was the ambassador at the time?": whom it asks for is a role (bot.aliases.ROLE_WORDS) the
    articles never mention, and nothing else it says is a deed (only when it was): no name answers it.
    ("who else was he lined up to call that day?" names no role: any new name may answer.)"""
    roles = {s for w in ROLE_WORDS for s in retriever.lexicon.key_stems(w)}
    return (not anchors or only_times(retriever, anchors)) and any(t in roles for t in unknown)


def talking(retriever: Retriever) -> frozenset[str]:
    """The stems of talking: its verbs and the event's own nouns ("conversation")."""
    return frozenset(retriever.lexicon.key_stems("talk")) | retriever.vocabulary.event_nouns


# "who was he doing that joint presser with (on friday)?": whom, asked with a "with" that ends its clause
_WITH_WHOM = re.compile(r"^\W*(?:who|whom)\b.*\bwith\b\s*(?:$|[?,.!;]|(?:on|at|in|during|that|this|last|"
                        r"before|after)\b)", re.IGNORECASE)

PartnerCue = tuple[frozenset[str], tuple[str, ...]]  # the words a partner's name follows, then "with" (or "to")


def partner_cue(retriever: Retriever, question: str, anchors: frozenset[str], talks: bool) -> PartnerCue | None:
    """What names the one a who-question asks for as a partner: talking and "with"/"to" when it asks whom
    someone talked with (`talks`); its deed (`anchors` beyond times) and "with" when it asks whom someone
    did a deed with ("who was he doing that joint presser with?"); None when it asks neither."""
    if talks:
        return talking(retriever), ("with", "to")
    deed = anchors - retriever.lexicon.stem_set(_TIMES)
    return (deed, ("with",)) if deed and _WITH_WHOM.search(question) else None


def talked_with(retriever: Retriever, hit: Hit, asked: frozenset[str], cue: PartnerCue | None = None) -> bool:
    """The fact names someone beside the event's parties as the partner `cue` says (bot.doers.names_partner;
    by default the one talked with)."""
    vocabulary = retriever.vocabulary
    words, joins = cue or (talking(retriever), ("with", "to"))
    return names_partner(vocabulary, hit.fact.text, asked | vocabulary.event_stems, words, joins)


def deed_stems(retriever: Retriever, question: str) -> list[str]:
    return [s for s in retriever.lexicon.key_stems(deed(question)) if s != "not" and retriever.vocabulary.knows(s)]


def with_deed_hits(retriever: Retriever, question: str, hits: list[Hit], vector: np.ndarray | None,
                   talks_with: bool = False, k: int = 8) -> list[Hit]:
    """The candidates, then the facts that rank best for the deed of "who <deed> …?" alone (for "whom did
    he talk with?", talking and the event's own nouns: "a telephone conversation with …")."""
    stems = deed_stems(retriever, question)
    have = {h.fact.id for h in hits}
    found = [*hits]
    if stems:
        found += [h for h in retriever.search(stems, [], k=k, vector=vector) if h.fact.id not in have]
    if talks_with:  # "which leaders was he to speak with?": every fact naming someone talked with
        asked = retriever.lexicon.stem_set(question)
        have = {h.fact.id for h in found}
        found += [h for h in retriever.search(sorted(talking(retriever)), [], k=len(retriever.facts), vector=vector)
                  if h.fact.id not in have and talked_with(retriever, h, asked)]
    return found


def never_named(retriever: Retriever, question: str) -> bool:
    """A who-question describes whom it asks for ("which powerful figures …?") as the articles do, and
    they never give that someone's name beside the description (bot.doers.left_unnamed), nor does an
    alias ("the ministry spokesman" is Olaf Lind)."""
    stems = frozenset(s for s in retriever.lexicon.key_stems(description(question)) if s != "not")
    if not stems or retriever.described(question, []):
        return False
    return left_unnamed(retriever.vocabulary, [f.text for f in retriever.facts], stems,
                        retriever.lexicon.stem_set(question))


def deed_unknown(retriever: Retriever, question: str) -> bool:
    """"Who leaked the order?": the verb after "who" (bot.doers.deed) is a word the articles never use.
    A verb that opens a claim ("who leaked that there was an order ready?") is a way of saying it: the
    claim, which the articles may state beside a name, is the deed."""
    verb = deed(question)
    stems = retriever.lexicon.key_stems(verb)
    if stems and re.search(rf"\b{re.escape(verb)}\s+that\b", question, re.IGNORECASE):
        return False
    return bool(stems) and not any(retriever.vocabulary.knows(s) for s in stems)
