"""What a candidate answer must hold beyond sharing the question's words, each a gate bot.decision
applies once the facts are close enough: the speaker asked about speaks in them, an agreement
taken for granted is stated, the one whose reaction is asked is named, a decisive act is stated, a
document's own words are given, a rare name asked about is stated. Each says why in its docstring;
nothing here is about one story."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.brief import BriefFact
from bot.doers import document_asked, document_speaks, names_together, reactor, speaks_in
from bot.retrieval import Hit, Retriever
from bot.source_questions import article_words
from bot.text import decisive_acts
from bot.vocabulary import QuestionProfile, in_family

SAID_TOPIC_COVERAGE = 0.5  # "what did X say about Y": one fact names X and states this much of Y
# "what did they agree (to do) about X?", "what was agreed on X?": one sentence must say they agreed, and on X
_AGREED_ON = re.compile(r"\bwhat\b.*?\bagree(?:d)?\s+(?:to\s+do\s+|to\s+|upon\s+)?(?:about|on|regarding|over|"
                        r"concerning)\s+(?P<topic>.+)|"
                        # the noun: "what deal on X did they shake on / strike?"
                        r"\bwhat\s+(?:kind\s+of\s+)?(?:deal|agreement|pact|accord)s?\s+(?:about|on|regarding|over|"
                        r"concerning)\s+(?P<noun_topic>.+?)\s+(?:did|do|have|had|was|were)\b", re.IGNORECASE)


def reactor_named(retriever: Retriever, question: str, hits: list[Hit]) -> bool:
    """A question about the reaction of someone described ("how did the harbour board react?", "what did
    the port authority say about it?") is answered only if a candidate fact names them: the
    description's words side by side (an acronym of the articles spelt out: "the Russian FM"), or the
    name it describes. "Russian president … the Ukrainian crisis" does not name Ukraine's president."""
    stems = frozenset(s for s in retriever.vocabulary.spelt_stems(reactor(question)) if s != "not")
    vocabulary = retriever.vocabulary
    if len(stems) < 2 or stems & vocabulary.rare_stems(question) & vocabulary.proper \
            or stems & article_words(vocabulary):  # "what does the Oslo Post story say?": no one reacts
        # a name is checked as every name is: "how did Oslo react?" may be answered by a sentence about
        # "the source in Oslo", "what did Senator Lind say about it?" by one about "Lind, co-chair of …"
        return True
    described = retriever.described(question, [])
    return any(names_together(retriever.vocabulary, h.fact.text, stems)
               or any(in_family(d, retriever.lexicon.stem_set(h.fact.text)) for d in described) for h in hits)


def acts_stated(retriever: Retriever, question: str, hits: list[Hit]) -> bool:
    """Every decisive act the question asks about ("vote", "sign", "sponsor": bot.text.DECISIVE_ACTS)
    is stated by some candidate fact: one word carries the claim, as in the support check."""
    lexicon = retriever.lexicon
    return all(any(in_family(a, lexicon.stem_set(h.fact.text)) for h in hits) for a in decisive_acts(lexicon, question))


def document_quoted(question: str, hits: list[Hit]) -> bool:
    """A question asking what a document says ("what exactly did the draft order say?") has a candidate
    giving that kind of document's words, in any article's wording ("the statement said"); any other
    question passes."""
    head = document_asked(question)
    return not head or any(document_speaks(text, head) for h in hits
                           for text in (h.fact.text, *(quote for _, quote in h.fact.quotes)))


def states_all(retriever: Retriever, terms: list[str], fact_id: str) -> bool:
    return not terms or retriever.coverage_by(terms, [fact_id]) >= 1.0 - 1e-9


def said_by(retriever: Retriever, profile: QuestionProfile, hits: list[Hit]) -> bool:
    """Some fact names the speaker and states at least half of the topic (weighted). The topic's
    words the articles never use are left out: they may be a paraphrase ("how the call would turn out")."""
    topic = [t for t in profile.topic if retriever.vocabulary.knows(t)]
    speaker = speaker_surname(profile)
    for hit in hits:
        if speaker_speaks(retriever, speaker, hit.fact) and (
                not topic or retriever.coverage_by(topic, [hit.fact.id]) >= SAID_TOPIC_COVERAGE):
            return True
        # "X has been cautious about a reset. The minister said …": the topic, then who spoke of it
        if topic and said_next(retriever, speaker, hit.fact) \
                and retriever.coverage_by(topic, [hit.fact.id]) >= SAID_TOPIC_COVERAGE:
            return True
    return False


def said_next(retriever: Retriever, speaker: list[str], fact: BriefFact) -> bool:
    """The sentence after `fact` in its article names the speaker beside a verb of saying: what
    `fact` says ("… got along with the port?"), then who said it ("Holt told reporters")."""
    following = retriever.following(fact)
    return following is not None and states_all(retriever, speaker, following.id) \
        and speaks_in(retriever.vocabulary, following.text, set(speaker), saying=True)


def speaker_surname(profile: QuestionProfile) -> list[str]:
    """The speaker a fact must name: "Olaf Lind" is named in full once, then "Lind said"."""
    return list(profile.speaker)[-1:]


def speaker_speaks(retriever: Retriever, speaker: list[str], fact: BriefFact) -> bool:
    """The fact names the speaker, or calls them by the articles' one description of them, and as
    someone speaking (bot.doers.speaks_in), not as a label."""
    named = _named(retriever, fact.text)
    return (states_all(retriever, speaker, fact.id) or set(speaker) <= retriever.lexicon.stem_set(named)) and \
        speaks_in(retriever.vocabulary, named, set(speaker))


# "what did he tweet / write / post about X?": the way he said it is part of what is asked
_MEDIUM = re.compile(r"\b(?:tweet(?:s|ed|ing)?|post(?:s|ed|ing)?|wr[io]te|writes|written|writing)\b", re.IGNORECASE)


# "how did the palace describe / characterise the talks?" asks for the palace's own words: a quotation
_DESCRIBE = re.compile(r"\b(?:describ|characteri[sz]|portray|depict|summari[sz])\w*|\bsum(?:med)?\s+up\b",
                       re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[“”\"]")


def said_that_way(retriever: Retriever, question: str, ids: set[str], topic: Sequence[str] = ()) -> set[str]:
    """Of the facts `ids` (where the speaker speaks), those that state the way the question says they
    spoke ("in one of his Tweets" for "what did he tweet about X?"), or quote them when it asks how they
    described something; all of them when it names none, or none states it."""
    medium = [s for m in _MEDIUM.findall(question) for s in retriever.lexicon.key_stems(m)]
    stating = {i for i in ids if medium and states_all(retriever, medium, i)}
    if not stating and _DESCRIBE.search(question):  # "how did the palace describe it?": in its own words,
        # when they say as much of what it asks about as any of the speaker's sentences
        known = [t for t in topic if retriever.vocabulary.knows(t)]
        held = {i: retriever.coverage_by(known, [i]) if known else 1.0 for i in ids}
        best = max(held.values(), default=0.0)
        quoting = [f for f in retriever.facts if f.id in ids and _QUOTE_MARK.search(f.text)]
        # "the “positive” conversation was “a significant start …”": the quote that says what the thing is
        stating = {f.id for f in quoting if _characterizes(retriever, f.text, known)} or \
            {f.id for f in quoting if held[f.id] >= best}
    return stating or ids


# "the talks were “a fresh start”", "described the visit as “useful”": a quotation saying what something is
_CHARACTERIZED = re.compile(r"\b([\w’'-]+)[”\"]?\s+(?:was|were|is|are|as)\s+(?:[\w’'-]+\s+){0,2}?[“\"]",
                            re.IGNORECASE)


def _characterizes(retriever: Retriever, text: str, topic: Sequence[str]) -> bool:
    """`text` quotes what a word of `topic` is or was ("the conversation was “a significant start”")."""
    return any(set(retriever.lexicon.key_stems(m.group(1))) & set(topic) for m in _CHARACTERIZED.finditer(text))


def agreed_on(retriever: Retriever, question: str, hits: list[Hit]) -> bool:
    """"What did they agree to do about X?" takes an agreement for granted: some fact must state that
    they agreed and at least half of X (weighted). That X was discussed is no agreement on it."""
    match = _AGREED_ON.search(question)
    if match is None:
        return True
    vocabulary = retriever.vocabulary
    topic = [t for t in retriever.terms(match.group("topic") or match.group("noun_topic")) if t != "not"
             and t not in vocabulary.event_stems and vocabulary.knows(t)]
    agree = retriever.lexicon.key_stems("agreed")
    return not topic or any(states_all(retriever, list(agree), h.fact.id)
                            and retriever.coverage_by(topic, [h.fact.id]) >= SAID_TOPIC_COVERAGE for h in hits)


def speaks(retriever: Retriever, text: str, stems: frozenset[str]) -> bool:
    """Someone `stems` name speaks in `text`, named or called by the articles' one description of them
    ("The Russian President answered that …")."""
    return speaks_in(retriever.vocabulary, _named(retriever, text), stems, saying=True)


def _named(retriever: Retriever, text: str) -> str:
    """`text` with each description only one person carries replaced by that person's name."""
    for called, name in retriever.aliases.described(text):
        text = re.sub(rf"\b{re.escape(called)}\b", name, text, flags=re.IGNORECASE)
    return text


def unnamed(retriever: Retriever, question: str, terms: list[str], hits: list[Hit],
            every_name: bool = False) -> str:
    """A name the question asks about that none of the candidate facts states ("" if none). Only names
    no everyday-English dictionary holds ("shinzo", "peskov") count: "the germans" may be answered
    by a sentence about Berlin, "theresa may" by one about "May"; but what someone discussed
    (`every_name`: "what did the king and Abe discuss?") is told only by a sentence naming them."""
    rare = retriever.vocabulary.rare_stems(question)
    for name in retriever.vocabulary.names_in(terms):
        if (every_name or name in rare) and \
                not any(in_family(name, retriever.lexicon.stem_set(h.fact.evidence)) for h in hits):
            return name
    return ""

