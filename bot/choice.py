"""Which of the facts that answer a question are quoted, and in what order (bot.decision decides
whether they answer at all).

The best fact comes first, and up to two more join when they are nearly as close to the question in
meaning or state nearly as much of it; a fact that restates a chosen one gives its place to one that
adds something. For a plain English question the fact stating the most of it leads, and the sentence
after the best one in its article joins when it finishes what the best one says. A question about
what happened to something during the event leads with the sentence saying it was not discussed,
when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

import numpy as np

from bot.answer_types import lists_topics, topic_words
from bot.brief import BriefFact
from bot.disagreements import restates
from bot.retrieval import Hit, Retriever
from bot.sentences import quote_left_open
from bot.text import has_negation
from bot.vocabulary import in_family

LEAD_COVERAGE = 0.5  # a fact stating this much of the question (weighted) may join or lead
MAX_FACTS = 3
RELATED_SPREAD = 0.03  # a 2nd/3rd fact joins when its cosine is this close to the best...
RELATED_COVERAGE = 0.25  # ...or its coverage is this close
MEANT_COVERAGE = 0.7  # a fact stating this much of what a foreign question's words mean leads
NEIGHBOUR_SPREAD = 0.05  # the sentence after the best fact in its article joins when its cosine is this close


def choose(hits: list[Hit], known: list[str], retriever: Retriever, *, by_words: bool = True,
           leaders: AbstractSet[str] = frozenset()) -> list[Hit]:
    """The best fact, and up to two more that are nearly as close to the question. With `by_words`,
    the fact stating the most of the question (above half, and more than any chosen) comes first,
    in place of the last: the closest in meaning may say only what the question takes for granted
    ("did US intel conclude …?" is closest to sentences about Russia and the US, not the assessment);
    a chosen fact nearly as close in meaning that states far more of it also leads ("what did he tell Fox
    News?": the Fox interview, not "… he told a news conference in July"). Given `leaders` (the ids of
    the facts where the person a question asks about speaks), only one of those leads that way."""
    cov = {h.fact.id: retriever.coverage_by(known, [h.fact.id]) if known else 0.0 for h in hits}
    best = hits[0]
    chosen = [best]
    for hit in hits[1:]:
        if len(chosen) == MAX_FACTS:
            break
        if _repeats(retriever, hit, chosen):
            continue
        if (retriever.semantic and hit.dense >= best.dense - RELATED_SPREAD) or (
            known and cov[hit.fact.id] >= max(LEAD_COVERAGE, cov[best.fact.id] - RELATED_COVERAGE)
        ):
            chosen.append(hit)
    if by_words and known and len(chosen) > 1:
        most = max((h for h in hits if not leaders or h.fact.id in leaders), key=lambda h: cov[h.fact.id])
        if most not in chosen and cov[most.fact.id] >= LEAD_COVERAGE and cov[most.fact.id] > max(
                cov[h.fact.id] for h in chosen):
            chosen = [most, *chosen[:-1]]
        elif most in chosen[1:] and cov[most.fact.id] >= max(LEAD_COVERAGE, cov[best.fact.id] + RELATED_COVERAGE) \
                and most.dense >= best.dense - RELATED_SPREAD:  # as close in meaning, and it states far more
            chosen = [most, *(h for h in chosen if h is not most)]
    return chosen


def foreign_first(retriever: Retriever, question: str, names: list[str], hits: list[Hit]) -> list[Hit]:
    """The hits for a question in another language in the order its words say: those stating the names
    it writes first ("¿quién entrevistó al rey en oslo post?"), else, when one fact states most of the
    articles' words its words mean ("angekündigt": announced; bot.crosslingual), those stating most of
    them. The event's parties are in nearly every fact: they rank nothing."""
    meant = [*names, *(s for s in retriever.translated(question, [h.fact.text for h in hits])
                       if s not in retriever.vocabulary.event_stems)]
    meant += _described_by(retriever, meant)
    ranked = sorted(hits, key=lambda h: -retriever.coverage_by(meant, [h.fact.id])) if meant else hits
    if names or (ranked and retriever.coverage_by(meant, [ranked[0].fact.id]) >= MEANT_COVERAGE):
        return ranked
    return hits


def _described_by(retriever: Retriever, meant: list[str]) -> list[str]:
    """The names of the people the meant words describe, in whatever order the question wrote them
    ("portavoz del puerto": port spokesman, Lind): a sentence naming him is about him too."""
    lexicon, have = retriever.lexicon, set(meant)
    found = [name.split()[-1] for description, name in retriever.aliases.by_description.items()
             if len(stems := lexicon.key_stems(description)) >= 2 and set(stems) <= have]
    return [s for n in found for s in lexicon.key_stems(n) if s not in have]


def _repeats(retriever: Retriever, hit: Hit, chosen: list[Hit]) -> bool:
    """The fact says nearly only what a chosen one says ("The first telephone conversation … was held
    on Saturday night" beside "… held their first telephone conversation, which lasted about an
    hour"): its place goes to a fact that adds something."""
    return any(restates(retriever.lexicon, hit.fact.text, c.fact.text) for c in chosen)


def with_following(retriever: Retriever, chosen: list[Hit], vector: np.ndarray, terms: list[str],
                   reacting: str = "") -> list[Hit]:
    """The sentence right after the best fact, in its article, often finishes what it says ("X has
    been cautious about a reset." "The minister said it has no naive expectations."): it joins right
    after the best fact when nearly as close in meaning (NEIGHBOUR_SPREAD, looser than RELATED_SPREAD
    for any other fact), or when it states a word of the question no chosen fact states ("is X
    expecting a reset?": "expectations"). It takes the last place if the answer is full. (A quotation
    left open is finished by `with_quotes_finished`, for any shown fact.)"""
    best = chosen[0]
    following = retriever.following(best.fact)
    if following is None or any(h.fact.id == following.id for h in chosen):
        return chosen
    dense = retriever.closeness(following, vector)
    said = retriever.lexicon.stem_set(" ".join(h.fact.text for h in chosen))
    adds = [t for t in terms if t not in retriever.vocabulary.event_stems and not in_family(t, said)
            and retriever.coverage_by([t], [following.id]) > 0]  # "expecting …?": "no naive expectations"
    # a fact whose claim the scrape lost ("The board has been  about the plan") leans on the next sentence
    close = dense >= best.dense - NEIGHBOUR_SPREAD or bool(adds) or _replies(retriever, following, reacting) \
        or best.fact.gap
    if not close:
        return chosen
    hit = Hit(following, dense, retriever.coverage_by(terms, [following.id]))
    return [best, hit, *chosen[1:MAX_FACTS - 1]]


def _replies(retriever: Retriever, following: BriefFact, reacting: str) -> bool:
    """"How did the king respond when …?": the next sentence names the king, by name or as the articles
    describe him ("The Norwegian monarch answered that …"): his reply to what the best fact tells."""
    stems = {s for s in retriever.lexicon.key_stems(reacting) if retriever.vocabulary.knows(s)}
    if not stems:
        return False
    named = retriever.lexicon.stem_set(following.text) | {
        s for _, name in retriever.aliases.described(following.text) for s in retriever.lexicon.key_stems(name)}
    return stems <= named


def with_quotes_finished(retriever: Retriever, chosen: list[Hit], vector: np.ndarray | None) -> list[Hit]:
    """A chosen fact that opens a quotation it does not close goes on in its article's next sentence,
    shown right after it, whatever kind of question chose it: the quote is one ('… "Mr Holt said he
    believes it's right …' 'I agree with him.'). The end takes no other fact's place."""
    shown = {h.fact.id for h in chosen}
    finished: list[Hit] = []
    for hit in chosen:
        finished.append(hit)
        following = retriever.following(hit.fact)
        if quote_left_open(hit.fact.text) and following is not None and following.id not in shown:
            dense = retriever.closeness(following, vector) if vector is not None else 0.0
            finished.append(Hit(following, dense, 0.0))
            shown.add(following.id)
    return finished


def with_denial(retriever: Retriever, question: str, chosen: list[Hit], vector: np.ndarray | None,
                terms: list[str]) -> list[Hit]:
    """"So they agreed to drop the tariffs on the call?" takes for granted that tariffs came up. Of
    the sentences saying what was (or was not) discussed, the one stating most of the question leads
    the answer when it says that was not discussed ("the issue was not mentioned", "were not among
    the topics") about something the question names: in its opening words or right before its negation
    (`_denied`), and not itself negated ("no word from the palace about the topics" denies nothing of
    the palace; "tariffs … were one of the issues expected …" is no denial of what was expected).
    The premise is corrected with the evidence; the best facts follow. Its words for discussing ("when he
    brought up X") say that something was discussed, not what: a sentence telling of someone who
    "brought up" something else states none of the question."""
    topical = set(retriever.terms(topic_words(question)))
    asked = [t for t in terms if t in topical and t not in retriever.vocabulary.event_stems
             and retriever.vocabulary.knows(t)]
    listing = [(retriever.coverage_by(asked, [f.id]), f) for f in retriever.facts if lists_topics(f.text)]
    coverage, best = max(listing, key=lambda p: p[0], default=(0.0, None))
    if best is None or coverage <= 0 or not has_negation(best.text) or any(h.fact.id == best.id for h in chosen):
        return chosen
    plain = retriever.lexicon.negation_split(best.text)[1]  # "no word from the palace": negated
    if not any(t in plain and in_family(t, _denied(retriever, best.text)) for t in asked):
        return chosen
    hit = Hit(best, retriever.closeness(best, vector) if vector is not None else 0.0, coverage)
    return [hit, *chosen[:MAX_FACTS - 1]]


_ASKING = "what who whom whose when where why how which did does do is was were are has have had will would can could"


def with_correction(retriever: Retriever, question: str, focus: Sequence[str], chosen: list[Hit],
                    hits: list[Hit], vector: np.ndarray | None = None) -> list[Hit]:
    """"The king and the mayor are old pals who met loads of times, right?" states a claim (the caller
    checks that it does). A candidate fact that negates a word the claim states plainly ("the king and
    the mayor have never met") corrects the premise: it leads, the best facts follow. Of several, the
    closest in meaning; a best fact that itself negates something already corrects. The claim's words are
    its `focus` without names (who it is about is no claim) and what the question negates itself."""
    lexicon, vocabulary = retriever.lexicon, retriever.vocabulary
    if has_negation(chosen[0].fact.text):
        return chosen
    negated_asked, _ = lexicon.negation_split(question)
    # "… who know each other well, right?": a verb a question usually frames with ("do you know …") is claimed too
    framing = lexicon.stem_set(question) & vocabulary.frame - lexicon.stem_set(_ASKING)
    claimed = frozenset(t for t in [*focus, *framing] if t != "not" and t not in negated_asked
                        and t not in vocabulary.proper and t not in vocabulary.event_stems)

    def negates(text: str) -> bool:
        negated, plain = lexicon.negation_split(text)
        return any(in_family(s, claimed) for s in negated - plain)

    correcting = [h for h in hits if negates(h.fact.text)]
    names = [t for t in focus if t in vocabulary.proper]
    if not correcting and vector is not None and names:
        # "… old pals who know each other well, right?": the denial ("I don’t know the king") may rank below
        # every candidate; any fact naming everyone the claim names corrects it as well
        seen = {h.fact.id for h in hits}
        correcting = [Hit(f, retriever.closeness(f, vector), 0.0) for f in retriever.facts
                      if f.id not in seen and all(in_family(n, lexicon.stem_set(f.text)) for n in names)
                      and negates(f.text)]
    if not correcting:
        return chosen
    lead = max(correcting, key=lambda h: h.dense)
    return [lead, *(h for h in chosen if h is not lead)][:MAX_FACTS]


DENIED_REACH = 4  # content words that name what a denial is about: its opening ones, and those before "not"


def _denied(retriever: Retriever, text: str) -> set[str]:
    """What a sentence denying a topic is about: its opening words ("Tariffs on the port … the issue
    was not mentioned") and the words right before its negation ("… that tariffs were not among the
    topics"), not whatever else it says ("… was one of the issues expected …")."""
    stems = list(retriever.lexicon.key_stems(text))
    out = set(s for s in stems[:DENIED_REACH] if s != "not")
    for i, s in enumerate(stems):
        if s == "not":
            out.update(x for x in stems[max(0, i - DENIED_REACH):i] if x != "not")
    return out
