"""Whether the articles answer a question, and with which facts: one decision both engines share.

Retrieval always ranks something first, so the decision looks at what the question *names*:
- a name, acronym or number the articles never contain ("Xi Jinping", "the Pope", "17 times 23")
  means they cannot answer: decline, whatever the ranking says;
- a question about the articles themselves ("which outlets?", "when was the preview written?") is
  answered from the source list;
- "how long / how tall / what time / when …" is answered only by a sentence that states a duration, a
  measurement, a time or a date (bot.answer_types), names what the question names ("how long was the
  stop in Oslo?" is not answered by the length of another stop), and states the question's words:
  any sentence holding a date is close in meaning to any "when?", so closeness alone does not answer;
- "who …?" / "which senator …?" ranks first the facts that name someone the question does not, next
  to what the question asks about (bot.who_facts: "'…', she tweeted" names no one), and one of them must
  state enough of what the question asks that person to have done ("who interpreted?" is not
  answered by a sentence that names a minister);
- "which powerful figures …?" / "who is the source in Oslo?" describes someone as the articles do; when
  no article gives a name beside that description (bot.doers.left_unnamed), the articles never say
  who it is: decline;
- "how did the senator vote?" asks about a decisive act (bot.text.DECISIVE_ACTS): a candidate fact
  must state it, as the support check demands of a shown sentence;
- "what exactly did the draft order say?" asks for a document's words: a candidate must give that kind
  of document's words ("the statement noted"), not only say there is one (bot.doers.document_speaks);
- "what did they agree to do about X?" takes an agreement for granted: one fact must say they agreed,
  and on X (that X came up is no agreement on it);
- "which issues did they discuss?" ranks first the sentences that say what was discussed;
- "what did they talk about?" asks what happened: a sentence that only looks forward ("he will
  speak with …") does not answer it, unless the question asks about plans ("was going to", "expected");
- "what happened after …" (or "in february", of articles that end in January) is answered only from
  reports written after the event, never from a preview's expectations ("Expect many tweets to
  follow"); with nothing else, the reply says where the articles end;
- a name the question asks about that no candidate fact states ("what did the king and Olaf Lind
  discuss?", where the only sentences naming Lind say what was planned) declines it;
- otherwise the best facts answer when they state enough of the question's known words (weighted by
  rarity) or the embedding finds a sentence that clearly means what was asked. Unknown everyday words
  ("penalties", "friends") do not decline a question: paraphrase is how people ask.
Which of the answering facts are quoted, and in what order, is bot.choice's.
The LLM engine calls the model only when this says "answer", so a model never gets the chance to
answer what the articles do not say. The thresholds were set on the public dev sets and our own
tuning set, and checked on a held-out set (README, "How it is measured").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from bot.after_cues import span_after
from bot.answer_gates import (
    acts_stated,
    agreed_on,
    document_quoted,
    reactor_named,
    said_by,
    said_next,
    said_that_way,
    speaker_speaks,
    speaker_surname,
    speaks,
    states_all,
    unnamed,
)
from bot.answer_types import (
    asked_type,
    asked_words,
    asking_clause,
    asks_topics,
    asks_who,
    guesses_length,
    holds,
    lists_topics,
    offered_choice,
    raised_by,
    set_aside_words,
)
from bot.chat_reading import asks_to_confirm, raised_premise, read_chat, states_claim
from bot.choice import choose, foreign_first, with_correction, with_denial, with_following, with_quotes_finished
from bot.claim_scope import opposite_stated
from bot.dates import asks_past
from bot.doers import reactor
from bot.event_time import after_event, asks_before, before_event, placed_after, told_while_upcoming
from bot.knowledge import Knowledge, Turn
from bot.question_coverage import coverage, only_names_stated, typed_coverage, typed_terms
from bot.retrieval import Hit, Retriever
from bot.text import looks_forward, records_asked, speaks_of_plans
from bot.vocabulary import QuestionProfile
from bot.who_facts import (
    TALKS_WITH,
    deed_unknown,
    doer_anchors,
    hit_names_doer,
    leading_named,
    never_named,
    only_times,
    partner_cue,
    planned_stems,
    role_unknown,
    stating_whole_deed,
    talked_with,
    with_deed_hits,
)

Verdict = Literal["answer", "decline", "after", "sources"]

MIN_KNOWN_COVERAGE = 0.5  # weighted share of the question's known words the best facts must state...
CLEAR_MEANING = 0.85  # ...unless the embedding's cosine says the sentence means the question
NEAR_MEANING, PARTIAL_COVERAGE = 0.82, 0.35  # ...or it nearly does and the facts state part of the question
CLAIM_COVERAGE = 0.2  # ...or less of it, when the question asks to confirm a claim ("…, right?")
MIN_MEANING = 0.80  # below this cosine no fact is about the question, whatever words it shares
FOREIGN_MEANING = 0.79  # a question in another language is matched by meaning alone (and the names it writes)
FOREIGN_NAME_MIN = 4
FOREIGN_MIN_WORDS = 3  # fewer words in another language, naming nothing of the articles, ask nothing of them
WHO_COVERAGE = 0.3  # "who …?": a fact naming someone new must state this much of what they are asked about
CANDIDATES = 8
TOPIC_CANDIDATES = 24  # how far down a topic question looks for a sentence saying what was discussed
# "why did he …?" takes for granted what "did he …?" asks
_WHY_PREMISE = re.compile(r"^\W*(?:why|y)\s+(?=(?:did|does|do|was|were|would|is|are|has|have|had)\b)", re.IGNORECASE)
# "the palace was the one who announced it, right?" claims who did it: it asks "who announced it?"
_CLEFT_CLAIM = re.compile(r"^\W*(?:(?:so|wait|ok|and|but)\W+)*[\w\s.'’-]+?\s+(?:was|were|is|are)\s+the\s+(?:one|ones|"
                          r"person|people|guy|side|first)\s+(?:who|that|to)\s+(?P<deed>.+?)\W*$", re.IGNORECASE)
# "What did they talk about?" asks what happened; "what was it expected to cover?" asks about plans.
_HAPPENED = re.compile(r"\b(?:did|didn'?t|what happened|(?:how|what|who|where|why|when)['’]d)\b", re.IGNORECASE)
_FOLLOW_UP = re.compile(
    r"^\s*(and|also|what about|how about|and what|but|so|then|why|what else|anything else)\b|\b(he|she|they|it|that|"
    r"this|them|those|there|him|her)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    """The decision and everything an engine needs to act on it."""

    verdict: Verdict
    profile: QuestionProfile
    hits: list[Hit] = field(default_factory=list)  # ranked candidates (the LLM sees these)
    chosen: list[Hit] = field(default_factory=list)  # the facts that answer (offline quotes these)
    reason: str = ""
    typed: bool = False  # the question asks for a kind of answer (a duration, a date, a topic …)
    unreported: bool = False  # "he signed it, didn't he?": no candidate states the claimed act; the reply says so


def leans_on_history(question: str) -> bool:
    """A follow-up that needs the earlier question to make sense ("and what about Ukraine?")."""
    return bool(_FOLLOW_UP.search(question))


def follow_up_terms(retriever: Retriever, question: str, terms: list[str], history: list[Turn]) -> list[str]:
    """Terms of the most recent earlier question, when this one (whose own `terms` are given) leans on
    it ("and Ukraine?", "why?")."""
    if not history:
        return []
    if len(terms) > 2 and not leans_on_history(question):
        return []
    for turn in reversed(history):
        earlier = [t for t in retriever.terms(turn.question) if t not in terms]
        if earlier:
            return earlier
    return []


def gather(knowledge: Knowledge, question: str, history: list[Turn], vector: np.ndarray | None) -> Evidence:
    """Rank the facts for a question and decide whether they answer it. "Who else did he call that
    day?" asks what happened; when only what was planned names whom ("He'll also speak with …"), the
    plan is the answer: its own words say it was a plan. (What they discussed is not told by a plan.)"""
    if states_claim(question) and (cleft := _CLEFT_CLAIM.match(read_chat(question))) \
            and not knowledge.retriever.profile(question).unknown_names:
        # "the palace was the one who announced it, right?": who did is what the articles answer (of a
        # claim naming someone they never mention, nothing: "the pope was the one who …")
        who = f"who {cleft.group('deed')}?"
        asked = _gather(knowledge, who, history, knowledge.retriever.embed(who) if vector is not None else None,
                        plans=False)
        if asked.verdict == "answer":
            return asked
    evidence = _gather(knowledge, question, history, vector, plans=False)
    if evidence.verdict == "answer" and (premise := _WHY_PREMISE.sub("", question, count=1)) != question \
            and _gather(knowledge, premise, history, vector, plans=False).verdict == "decline":
        # "why did he bring up the hacking on the call?" takes for granted what "did he …?" asks: a fact
        # telling why he did something else is no answer when the articles never say he did it
        return Evidence("decline", evidence.profile, evidence.hits, reason=f"the premise is unstated: {premise!r}")
    if evidence.verdict == "answer" and (premise := raised_premise(question)) and _gather(
            knowledge, premise, history, None if vector is None else knowledge.retriever.embed(premise),
            plans=False).verdict == "decline":  # "what did the king say when the mayor brought up the war?"
        return Evidence("decline", evidence.profile, evidence.hits, reason=f"the premise is unstated: {premise!r}")
    if evidence.verdict == "decline" and _HAPPENED.search(question) and not speaks_of_plans(question) \
            and asks_who(question):
        planned = _gather(knowledge, question, history, vector, plans=True)
        if planned.verdict == "answer":
            return planned
    return evidence


def _gather(knowledge: Knowledge, question: str, history: list[Turn], vector: np.ndarray | None,
            plans: bool) -> Evidence:
    retriever = knowledge.retriever
    profile = retriever.profile(question)
    if profile.about_sources:
        return Evidence("sources", profile)
    ends = knowledge.brief.ends
    if not profile.after and ends is not None and asks_past(question, ends):
        profile = replace(profile, after=True)  # "did he sign it in february?" of January's articles
    if profile.unknown_names:
        return Evidence("decline", profile, reason=f"names {', '.join(profile.unknown_names)}")
    if profile.about_comments:
        return Evidence("decline", profile, reason="reader comments are not sources")
    if profile.aside:  # "what are these toll booths?": only the readers under an article speak of them
        return Evidence("decline", profile, reason=f"only the pages' reader comments say {' '.join(profile.aside)}")
    # a question in another language is matched by meaning only: its words are not the articles'
    # "besides Oslo, …" is not about Oslo (but still about the event's own parties: "apart from the king")
    aside = retriever.lexicon.stem_set(set_aside_words(question)) - retriever.vocabulary.event_stems
    # "who broke the news, the palace or the port?": whom it offers says nothing of the deed (the answer names one)
    choices = frozenset(retriever.vocabulary.spelt_stems(offered_choice(question))) if profile.english else frozenset()
    aside |= choices
    if profile.after:  # "a couple days after the call": how long after is when, not what is asked
        aside |= retriever.lexicon.stem_set(span_after(question))
    # in another language, only the names the articles write ("Irán") are the articles' words; a short one
    # may be a word of that language ("al" of "Al Jazeera" in "al pueblo")
    terms = [t for t in profile.focus if t != "not" and t not in aside] if profile.english else \
        list(dict.fromkeys([t for t in retriever.vocabulary.names_in(profile.focus) if len(t) >= FOREIGN_NAME_MIN]
                           + retriever.vocabulary.paired_names(profile.focus)))
    earlier = follow_up_terms(retriever, question, retriever.terms(question, profile), history)
    described = [s for s in retriever.described(question, terms) if s not in earlier]  # ranks who is meant
    kind = asked_type(question) if profile.english else None
    # "did sanctions come up?" looks further down: the sentence saying they did not may rank below
    # every sentence that merely names them; so does "besides X, which issues …?": below those naming X
    topics = kind is None and asks_topics(question)  # "which issues did they discuss?"
    hits = retriever.search(terms, [*earlier, *described],
                            k=TOPIC_CANDIDATES if kind == "topic" or (topics and aside) else CANDIDATES, vector=vector)
    reports_only = not plans and bool(_HAPPENED.search(question)) and not speaks_of_plans(question)
    if profile.after:
        hits = [h for h in hits if after_event(knowledge, h)]
    elif reports_only:  # an expectation is no report
        hits = [h for h in hits if not looks_forward(h.fact.text)]
    weighed: list[Hit] = []  # hits the coverage is also read on, besides the first three
    prior: set[str] = set()  # "had they talked before?": facts telling of talking at an earlier date
    if profile.english and not profile.after and kind in (None, "date") and asks_before(knowledge, question):
        deeper = retriever.search(terms, [*earlier, *described], k=TOPIC_CANDIDATES, vector=vector)
        prior = {h.fact.id for h in deeper if before_event(knowledge, h)}
        weighed = hits[:3]
        hits = [*(h for h in deeper if h.fact.id in prior), *(h for h in hits if h.fact.id not in prior)]
    known = [t for t in [*terms, *earlier] if retriever.vocabulary.knows(t)]
    unknown = [t for t in [*terms, *earlier] if t not in known]
    # what a typed question asks about ("did sanctions come up?": sanctions), and its words the articles lack
    subject, lacking = typed_terms(retriever, kind, question, known, unknown) if kind is not None else (known, [])
    typed: list[Hit] = []
    named: list[Hit] = []
    partners: set[str] = set()  # "which leaders did he speak with?": facts naming someone as the one talked with
    who = kind is None and profile.english and asks_who(question)
    if kind is None and profile.english and never_named(retriever, question):  # "who was the unnamed source?"
        return Evidence("decline", profile, reason="the articles describe whom it asks for but never name them")
    if kind is not None:  # "how long …?" is answered only if a sentence states a duration: those first
        # "how long was the stop in Oslo?": that one ("was Oslo discussed, and how long…" names none)
        names = retriever.vocabulary.names_in(retriever.lexicon.key_stems(asked_words(kind, asking_clause(question))))
        if kind == "topic":  # "did sanctions on Moscow come up?": the parties are the setting, not the topic
            names = [n for n in names if n not in retriever.vocabulary.event_stems]
        # "when did they first meet in person?" is not answered by the date of a telephone call
        typed = [h for h in hits if holds(kind, h.fact.text) and states_all(retriever, names, h.fact.id)
                 and not opposite_stated(question, h.fact.text)]
        if kind == "topic":
            # "did the king bring up the war?": a sentence where the king speaks of it may say so
            raiser = frozenset(s for s in retriever.lexicon.key_stems(raised_by(question))
                               if s in retriever.vocabulary.proper)
            typed += [h for h in hits if h not in typed and raiser and speaks(retriever, h.fact.text, raiser)]
            # "did sanctions come up?": the sentence saying most of sanctions first
            typed.sort(key=lambda h: -retriever.coverage_by(subject, [h.fact.id]))
        if kind == "condition":  # "what would he want in return?": a preference ("if" is common), not a gate
            typed = typed or hits
        hits = [*typed, *(h for h in hits[:CANDIDATES] if h not in typed)] if typed else []
    asked = retriever.lexicon.stem_set(question)
    if who:  # "which senators …?" wants a name the question lacks
        planned = planned_stems(retriever, question)
        anchors = doer_anchors(retriever, asked - planned)
        # "who was translating for them?": the deed is a word the articles never use, so no name is its doer
        unstated = (not anchors and any(t not in retriever.vocabulary.event_stems and t not in planned
                                        for t in unknown)) or \
            deed_unknown(retriever, question) or role_unknown(retriever, anchors, unknown)
        talks_with = bool(TALKS_WITH.search(question))
        if not unstated:  # "who announced ahead of time that …?": chat dilutes the deed; it is searched alone too
            hits = with_deed_hits(retriever, question, hits, vector, talks_with, CANDIDATES)
        # "who was he doing that joint presser with?": named after "with" beside the deed
        if not unstated and (cue := partner_cue(retriever, question, anchors, talks_with)):
            partners = {h.fact.id for h in hits if talked_with(retriever, h, asked, cue)}
        def naming(beside: frozenset[str]) -> list[Hit]:
            return [h for h in hits if hit_names_doer(retriever, h, asked, beside, h.fact.id in partners)]
        named = [] if unstated else naming(anchors)
        if not named and not unstated and not reports_only and only_times(retriever, anchors):
            # "who else was he calling that weekend?": no fact says "weekend" beside a new name ("did he
            # call …?" keeps its plans for the second pass, `gather`)
            named = naming(frozenset())
        if not named and not unstated:  # "who did he say would think otherwise?": only “fools” would
            named = stating_whole_deed(retriever, question, hits, anchors, asked)
        named = leading_named(retriever, named, anchors, partners)
        hits = [*named, *(h for h in hits if h not in named)] if named else []
    elif topics:  # "which issues did they discuss?": sentences saying what was discussed first
        hits = sorted(hits, key=lambda h: not lists_topics(h.fact.text))
        weighed = hits[:3]  # "besides X, what middle east stuff …": still about what these sentences cover
        # "besides Oslo, which issues …?": the sentences listing others first, then those naming Oslo
        hits = sorted(hits, key=lambda h: (not lists_topics(h.fact.text),
                                           bool(aside & retriever.lexicon.stem_set(h.fact.text))))
    if not hits:
        reason = f"no fact states a {kind}" if kind else ("no fact names anyone new" if who else "no facts")
        return Evidence("after" if profile.after else "decline", profile, reason=reason)
    if profile.english and (missing := unnamed(retriever, question, terms, hits, every_name=topics)):
        # "what did the king and olaf lind discuss?": the only sentences naming Lind say what was planned
        return Evidence("after" if profile.after else "decline", profile, hits, reason=f"no fact names {missing}")
    judged = typed or hits  # a typed question is answered by a sentence that holds the type, or not at all
    best_coverage = max(coverage(retriever, known, unknown, h) for h in [*judged[:3], *weighed]) if known else 0.0
    best_dense = max(h.dense for h in judged)
    if not profile.english:  # "hola", "merci", "quit": a word or two is close in meaning to any short sentence
        answers = retriever.semantic and best_dense >= FOREIGN_MEANING and (
            len(question.split()) >= FOREIGN_MIN_WORDS or bool(terms))
    elif retriever.semantic and best_dense < MIN_MEANING and not only_names_stated(retriever, known, unknown,
                                                                                    best_coverage):
        answers = False  # nothing in the articles is even about this ("the capital of Australia")
    elif profile.after:  # the embedding knows topics, not time: what came after must be stated
        answers = best_coverage >= MIN_KNOWN_COVERAGE
    elif kind is not None and guesses_length(question):  # "was it a quick 5 min thing?": its other words
        answers = bool(typed)  # are chat; the duration sentence already states every name it asks about
    elif kind is not None and kind != "condition":  # a sentence holding a date is close in meaning to any
        # "when?": words decide
        best_coverage = typed_coverage(retriever, subject, lacking, typed)
        answers = best_coverage >= MIN_KNOWN_COVERAGE or (  # "did they discuss Iran openly?": a sentence
            kind == "topic" and retriever.semantic  # on Iran, close in meaning, though not "openly"
            and best_dense >= NEAR_MEANING and best_coverage >= PARTIAL_COVERAGE)
    else:
        answers = best_coverage >= MIN_KNOWN_COVERAGE or (retriever.semantic and (
            best_dense >= CLEAR_MEANING or (best_dense >= NEAR_MEANING and best_coverage >= PARTIAL_COVERAGE)
            or _claim_checked(retriever, question, known, unknown, judged)))
    if answers and profile.speaker and not said_by(retriever, profile, hits[:CANDIDATES]):
        answers = False  # the articles quote that person, but not about that
    if answers and not agreed_on(retriever, question, hits[:CANDIDATES]):
        answers = False  # "what did they agree to do about the port?": it came up, but nothing was agreed
    if answers and not reactor_named(retriever, question, hits[:CANDIDATES]):
        answers = False  # "how did Ukraine's president react?": no sentence names Ukraine's president
    unreported = False
    if answers and not acts_stated(retriever, question, judged[:CANDIDATES]):
        # "how did the senator vote?": no sentence says anyone voted. "he already signed it, didn't he?" asks to
        # confirm a claim the articles do not make: what they say of the rest of it answers
        answers = unreported = _claim_checked(retriever, question, known, unknown, judged) \
            and not records_asked(retriever.lexicon, question)
    if answers and not document_quoted(question, judged[:CANDIDATES]):
        answers = False  # "what exactly did the draft order say?": sentences say there is one, not what it says
    if answers and named and max(coverage(retriever, known, unknown, h) for h in named[:3]) < WHO_COVERAGE \
            and not (retriever.semantic and max(h.dense for h in named[:3]) >= max(CLEAR_MEANING, best_dense)) \
            and named[0].fact.id not in partners:
        # "who interpreted?": the sentences that name people are not about interpreting (unless one of them is
        # the closest in meaning of all, clearly: "which aide went on tv …" of "Conway told CBS News …"; or
        # the question asks whom someone talked with, and it names the one talked with)
        answers = False
    if not answers:
        verdict: Verdict = "after" if profile.after else "decline"
        return Evidence(verdict, profile, hits, reason=f"coverage {best_coverage:.2f}, meaning {best_dense:.2f}")
    if kind == "topic":  # "did sanctions come up?" is answered by what the sentences say of sanctions
        known = subject
    # a typed or who-question is answered by the sentences holding its type or naming someone, whatever
    # else they share with it; a question in another language by the facts nearly as close in meaning
    # as the closest (its words are not the articles')
    # "which issues did they discuss?": the listing sentences lead
    if not profile.english:  # "¿quién entrevistó al rey en oslo post?": the sentences naming the Oslo Post first
        judged = foreign_first(retriever, question, terms, judged[:CANDIDATES]) + judged[CANDIDATES:]
    speaking: set[str] = set()
    if profile.speaker:  # "what did X say about Y?": the sentences where X speaks first ("…, she tweeted" after)
        speaker = speaker_surname(profile)
        speaking = {h.fact.id for h in judged if speaker_speaks(retriever, speaker, h.fact)}
        # "what did he tweet …": his tweets first; "how did he describe …": his quoted words
        speaking = said_that_way(retriever, question, speaking, profile.topic)
        judged = sorted(judged, key=lambda h: h.fact.id not in speaking)
        speaking |= {h.fact.id for h in judged if said_next(retriever, speaker, h.fact)}
    if profile.english and not profile.after:
        judged = told_while_upcoming(question, judged)  # "who announced that the call was happening?"
        if not speaking and not prior:  # "after the palace's statement, did anyone add more?"
            speaking = placed_after(knowledge, question, judged[:CANDIDATES])
            judged = sorted(judged, key=lambda h: h.fact.id not in speaking)
    # "besides exchanging views, what was he expected to do?": the sentence telling of what is set aside
    # tells what else (the set-aside words lead only in choosing, never in deciding)
    leading = [*known, *(t for t in profile.focus if t in aside - choices and t not in known)] \
        if profile.english and aside and not topics and not who else known
    chosen = choose(judged, leading if profile.english else [], retriever,  # ... and one of them leads
                    by_words=profile.english and kind is None and not who and not topics, leaders=speaking or prior)
    if profile.english and kind is None and not topics and vector is not None:
        chosen = with_following(retriever, chosen, vector, terms, reactor(question))
    if profile.english and kind is None and not who and not topics and retriever.vocabulary.within_event(question):
        chosen = with_denial(retriever, question, chosen, vector, terms)  # "so they agreed to drop X on the call??"
    if profile.english and kind is None and not who and not topics and states_claim(question):
        chosen = with_correction(retriever, question, profile.focus, chosen, hits[:CANDIDATES], vector)
    if profile.english:
        chosen = with_quotes_finished(retriever, chosen, vector)
    return Evidence("answer", profile, hits, chosen, "", typed=kind is not None, unreported=unreported)


def _claim_checked(retriever: Retriever, question: str, known: list[str], unknown: list[str],
                   hits: list[Hit]) -> bool:
    """"Holt said the talks were tense, right?" asks to confirm a claim. Where it is false, its words
    are the ones the articles lack, so the sentence closest in meaning answers when it nearly means it
    and states a little of it and every name it makes (the articles' "mutual respect", said by Holt);
    "the king agreed to give the island of Vell back, right?" is not answered by a sentence without Vell."""
    if not asks_to_confirm(question):
        return False
    vocabulary = retriever.vocabulary
    names = [t for t in known if t in vocabulary.proper and t not in vocabulary.event_stems]
    closest = max(hits, key=lambda h: h.dense)
    return closest.dense >= NEAR_MEANING and coverage(retriever, known, unknown, closest) >= CLAIM_COVERAGE \
        and states_all(retriever, names, closest.fact.id)
