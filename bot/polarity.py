"""What a model's sentence claims beyond its words, which the support check cannot see.

0. A premise given as fact. "Why did the ministry hide the report?" → "The ministry hid the report
because it was unfinished [1]": the part before "because" must be supported on its own
(`unfounded_cause`); pooled with the reason's words it could pass. Likewise a plan told as done:
"He spoke with the chancellor" cited only to "He'll also speak with the chancellor" (`told_as_done`),
and a speaker given words another cited fact says: "The ministry said '<a quote credited to no
one>'" citing the quote and a sentence naming the ministry (`unfounded_speaker`).

1. An echo. "Why did the minister confirm the leak?" → "The minister confirmed the leak [1][2]" answers
nothing and asserts the question's premise; each word is in some fact, so the support check can pass
it. A sentence answering a question that is not yes/no, made (nearly) only of the question's own
words, is dropped (`echoes_question`).

2. A model's "Yes," or "No," is a claim the support check cannot see: it checks the words of the
sentence, not whether they settle the question. "Has the ministry owned up to the leak?" → "Yes, the
ministry has been accused of the leak [1]" passes on its words and says the opposite of the article.

So the lead word stays only where it can be checked: the question is a yes/no question, the rest of
the sentence restates every word of the question the articles know (in any form of the word), and a
"No" comes with a negation in the sentence. Otherwise the lead is removed and the supported
statement stands alone, which the reader can weigh ("The ministry has been accused of the leak [1]").
"""

from __future__ import annotations

import logging
import re

from bot.answer import Supported
from bot.answer_types import stated_lengths
from bot.chat_reading import asks_to_confirm, without_tag
from bot.knowledge import Knowledge
from bot.retrieval import Retriever
from bot.support import keep_supported, measure
from bot.text import is_negation, looks_forward, numbers, speaks_of_plans, words
from bot.vocabulary import in_family

log = logging.getLogger(__name__)

_LEAD = re.compile(r"^\s*(yes|no)\b\s*[,:;.!—–-]?\s*", re.IGNORECASE)
# "did they …?", "so was it …?", "didnt they …" (chat drops the apostrophe), "b4 the call, did he …?" (a
# clause first, not a wh-question's: "what did he say, did he …" asks what)
_YES_NO_QUESTION = re.compile(r"^\s*(?:(?!\s*(?:what|who|whom|whose|when|where|why|how|which)\b)[^,?]{1,40},\s*)?"
                              r"(?:(?:so|and|but|ok|okay|wait|lol|hey)\b[\s,]*)*(?:did|does|do|is|was|were|are|has|"
                              r"have|had|can|could|will|would|should|may|might|must|isn'?t|wasn'?t|didn'?t|doesn'?t|"
                              r"hasn'?t|haven'?t|aren'?t|weren'?t|won'?t|can'?t|couldn'?t)\b", re.IGNORECASE)


# Words that frame a yes/no question rather than say what it asks.
_FUNCTION_WORDS = frozenset("""
    a an the and or but so of to in on at by for with from about as into than then that this these those
    it its he she they them their his her him we us our you your i me my
    did does do is was were are has have had can could will would should may might must be been being
    any anything some something ever even really actually at all yes no ok okay wait
""".split())


def check_model_sentences(sentences: list[tuple[str, list[str]]], question: str, knowledge: Knowledge,
                          threshold: float) -> tuple[list[Supported], int]:
    """A model's sentences, as `keep_supported` gives them (kept, dropped), after the checks above:
    echoes, unfounded causes and speakers, and plans told as done dropped (each logged at DEBUG),
    unverifiable leads removed. The one rule for finished and streamed replies."""
    retriever = knowledge.retriever
    claims: list[tuple[str, list[str]]] = []
    for text, ids in sentences:
        guard = ("it echoes the question" if echoes_question(text, question, retriever)
                 else "its cause is unfounded" if unfounded_cause(text, ids, knowledge, threshold)
                 else "its speaker is not the cited one" if unfounded_speaker(text, ids, knowledge, threshold)
                 else "it tells a plan as done" if told_as_done(text, ids, knowledge) else "")
        if guard:
            log.debug("dropped a sentence (%s): %r", guard, text[:200])
        else:
            claims.append((checked_lead(text, question, retriever), ids))
    kept, dropped = keep_supported(claims, knowledge.brief, threshold)
    return kept, dropped + len(sentences) - len(claims)


# "A because B", "A, as B" (a reason after a comma), "A given that B"
_CAUSE = re.compile(r"\s+(?:because|since|as a result of|due to|owing to|thanks to|given that)\s+|,\s+as\s+(?!well\b|"
                    r"part\b|of\b|a\b|an\b|the\b|expected\b|planned\b|reported\b|noted\b|usual\b|before\b)",
                    re.IGNORECASE)


def unfounded_cause(sentence: str, cited: list[str], knowledge: Knowledge, threshold: float) -> bool:
    """"A because B" claims A as well as B, and the facts must state A on its own: "The team described
    the talks so negatively because they described them in positive terms [1]" takes a false premise
    of the question as a given, and its words, pooled with the reason's, can pass the check."""
    head = _CAUSE.split(sentence, maxsplit=1)[0]
    brief = knowledge.brief
    if head == sentence:
        return False
    facts = brief.cited(cited)
    # its words, not its negations: the whole sentence's negations are checked with the whole sentence
    stated, _ = measure(head, [f.evidence for f in facts], brief.word_weights())
    return stated < threshold


# "The ministry said …", "According to the ministry, …": who is said to have said it
_SPEAKER = re.compile(r"^\W*(?:according\s+to\s+(?P<a>[^,]+),|(?P<b>[^,]+?)\s+(?:said|says|told|stated|noted|added|"
                      r"wrote|tweeted|announced|called|described|insisted|warned)\b)", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][\w’'-]+")


def unfounded_speaker(sentence: str, cited: list[str], knowledge: Knowledge, threshold: float) -> bool:
    """"X said Y" citing two facts, one naming X and the other stating Y: each is true, the sentence is
    not ("The ministry said '<a quote nobody is credited with>'"). Pooled, the two facts pass the
    check; what X is said to have said must be stated by the facts that name X."""
    match = _SPEAKER.match(sentence)
    brief = knowledge.brief
    facts = brief.cited(cited)
    if not match or len(facts) < 2:
        return False
    speaker = match.group("a") or match.group("b") or ""
    lexicon = brief.lexicon
    names = {s for token in _NAME.findall(speaker) for s in lexicon.key_stems(token)}
    if not names:
        return False  # "They said …", "The two leaders said …": no one in particular to check
    naming = [f for f in facts if all(in_family(n, lexicon.stem_set(f.evidence)) for n in names)]
    if not naming or len(naming) == len(facts):
        return False  # nobody cited names the speaker (the support check's name test), or every fact does
    stated, _ = measure(sentence[match.end():], [f.evidence for f in naming], brief.word_weights())
    return stated < threshold


def told_as_done(sentence: str, cited: list[str], knowledge: Knowledge) -> bool:
    """Every fact cited only looks forward ("He'll also speak with the chancellor the same day") and the
    sentence tells it as done ("He also spoke with the chancellor that day"): the support check reads
    words, not tense."""
    facts = knowledge.brief.cited(cited)
    return bool(facts) and all(looks_forward(f.text) for f in facts) and not speaks_of_plans(sentence)


def is_yes_no_question(question: str) -> bool:
    """"Did they …?", and a claim asking to be confirmed ("they met in May, right?", "… or nah?")."""
    return bool(_YES_NO_QUESTION.match(question)) or asks_to_confirm(question)


def checked_lead(sentence: str, question: str, retriever: Retriever) -> str:
    """The sentence with its "Yes,"/"No," kept only where it can be checked (module docstring)."""
    match = _LEAD.match(sentence)
    if not match:
        return sentence
    rest = sentence[match.end():]
    if not rest.strip():
        return sentence
    if is_yes_no_question(question) and _restates(rest, question, retriever) and (
            match.group(1).lower() == "yes" or any(is_negation(w) for w in words(rest))):
        return sentence
    return rest[:1].upper() + rest[1:]


ECHO_SHARE = 0.8  # a sentence with at least this share of its key words from the question is an echo
ECHO_MIN_WORDS = 3  # ...when it has at least this many ("Peskov announced it" may name the answer)


def echoes_question(sentence: str, question: str, retriever: Retriever) -> bool:
    """The sentence only restates a wh-question (see the module docstring). A yes/no question is
    answered by restating it, and the support check and `checked_lead` judge that."""
    if is_yes_no_question(question):
        return False
    lexicon = retriever.lexicon
    own = [t for t in dict.fromkeys(lexicon.key_stems(sentence)) if t != "not"]
    asked = lexicon.stem_set(question)
    if len(own) < ECHO_MIN_WORDS:
        return False
    if any(not in_family(n, asked) for n in retriever.vocabulary.names_in(own)):
        return False  # "Who told CBS …?" → "Conway told CBS …": the name it adds is the answer
    if (numbers(sentence) - numbers(question)) or (stated_lengths(sentence) - stated_lengths(question)):
        return False  # "…three hours. How long was it?" → "It lasted about an hour": so is an amount
    return sum(in_family(t, asked) for t in own) / len(own) >= ECHO_SHARE


def _restates(rest: str, question: str, retriever: Retriever) -> bool:
    """Every word of the question that says something is in the sentence (word families meet): its
    key words, and the small words that carry a predicate ("owned up", "down", "off"), which key
    words leave out. Words that only frame a question ("talk about", "say", "mention") are not
    required: "Did they talk about the budget?" is settled by "Yes, the ministry said the budget
    was touched upon"."""
    lexicon, frame = retriever.lexicon, retriever.vocabulary.frame
    have = lexicon.stem_set(rest) | {lexicon.key(w) for w in words(rest)}
    asked = [lexicon.key(w) for w in words(without_tag(question)) if w not in _FUNCTION_WORDS and not is_negation(w)]
    asked = [t for t in asked if t not in frame]  # "did they talk about X": "talk" frames, X is asked
    return bool(asked) and all(in_family(t, have) for t in asked)
