"""Support check: is a sentence actually stated by the facts it cites?

An id that exists is not a citation that supports. A sentence is supported when the facts it cites
(read in their full article sentences) cover most of its content words, contain every number it
states, and agree with it on negation ("were discussed" is not supported by "were not among the
topics discussed"). Who said it goes with what was said: one fact must name the speaker (and the
occasion) and state most of the words (bot.attribution). A sentence that fails but is supported by
another fact of the brief is re-attributed to that fact; otherwise it is dropped. Time goes with it
too (bot.tense): a sentence telling what was done is measured without what the facts say is to come
("will also call … the same day" states no call made), and one telling what is to come rests on a
fact that speaks of a plan ("have never met" states no meeting expected). So does the claim's scope
(bot.claim_scope): a hedge, limit or condition the evidence states must not be lost or added. Nothing
here knows about any engine.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.answer import Supported
from bot.attribution import DISCOURSE, attributed_apart, described_apart, names, speaker_made_doer, speakers_apart
from bot.brief import Brief, BriefFact
from bot.claim_scope import HEDGED, condition_lost, hedge_lost, limits_more, opposite_stated, without_suppositions
from bot.doers import DESCRIPTION_NOUNS
from bot.merged_acts import object_merged
from bot.role_swap import agent_misplaced, roles_swapped
from bot.tense import (
    day_of_saying_moved,
    first_made_ever,
    plan_from_fact,
    superlative_unbound,
    time_moved,
    without_plans,
)
from bot.text import (
    GENERAL,
    Lexicon,
    decisive_acts,
    has_negation,
    numbers,
)
from bot.vocabulary import in_family
from bot.word_weights import WordWeights

log = logging.getLogger(__name__)

# what a sentence sets aside from its claim; unlike a question's (bot.answer_types.set_aside), "in addition
# to X" and "except X" stay in a sentence's claim: it says X too, or narrows
_SET_ASIDE = re.compile(r"\b(?:besides|apart\s+from|aside\s+from|other\s+than)\s+[^,;.!?]*", re.IGNORECASE)
LEAD_IN = re.compile(r"^[^.!?]{0,80}:$")  # "According to the articles:" needs no citation
REPAIR_CANDIDATES = 6
REPAIR_MARGIN = 0.15
MAX_JOINT_FACTS = 2  # a sentence is checked against at most this many of the facts it cites, together
CONTRADICTION_COVERAGE = 0.5  # a fact stating half of a sentence, negated the other way, contradicts it
PAIR_LEAD = 0.5  # ...and one of the two must state this much of it alone
PAIR_MIN_WORDS = 6  # only sentences this long may be supported by two facts together
@dataclass(frozen=True)
class Verdict:
    """How well a sentence is supported, and by which facts."""

    score: float
    fact_ids: tuple[str, ...]
    reattributed: bool = False


def measure(sentence: str, evidence: Iterable[str], weights: WordWeights | None = None) -> tuple[float, bool]:
    """(coverage, clash): the weighted share of the sentence's content words the evidence states,
    and whether the evidence contradicts it on a number or a negation. Rare words weigh more, and a
    word no fact contains the most (`Brief.word_weights`, whose lexicon compares the words); without
    weights every word counts the same and only general English synonyms meet."""
    coverage, lacking, contradicting = _measure(sentence, list(evidence), weights)
    return coverage, lacking or contradicting


def _measure(sentence: str, texts: list[str], weights: WordWeights | None) -> tuple[float, bool, bool]:
    """(coverage, lacking, contradicting): `measure`'s clash in two kinds. Lacking: the evidence does
    not state a number, name, act or limit the sentence states (another fact may). Contradicting: it
    states the opposite, a negation the sentence lacks, a hedge the sentence drops, or a day for
    something else (no other fact mends that)."""
    lexicon = weights.lexicon if weights else GENERAL
    discourse = lexicon.stem_set(DISCOURSE)
    # "… other ministers besides Holt": what the sentence sets aside is not what it claims
    claim = _SET_ASIDE.sub(" ", sentence)
    wanted = [w for w in dict.fromkeys(lexicon.key_stems(claim)) if w not in discourse]
    if not wanted:
        return 1.0, False, False
    aside = " ".join(m.group(0) for m in _SET_ASIDE.finditer(sentence))
    if aside and names(aside, lexicon) & names(f"- {claim}", lexicon):  # ("- ": `names` skips the first word)
        return 0.0, False, True  # "Besides Berg, the mayor will phone Berg": it claims what it set aside
    if not texts:
        return 0.0, False, False
    texts = [without_suppositions(sentence, without_plans(sentence, t)) for t in texts]
    joined = " ".join(texts)
    have = lexicon.stem_set(joined)
    weight = weights or (lambda w: 1.0)
    found = {w for w in wanted if in_family(w, have)}  # word families meet: Ukraine/Ukrainian
    coverage = sum(weight(w) for w in wanted if w in found) / sum(weight(w) for w in wanted)
    lacking = (
        bool(numbers(sentence) - numbers(joined))
        or limits_more(sentence, joined if HEDGED.search(sentence) else HEDGED.sub(" ", joined))
        or _acts_unstated(sentence, have, lexicon)
        or _wish_unstated(sentence, have, lexicon)
        or any(not in_family(n, have) for n in names(sentence, lexicon))  # "the ministry said": the minister did
        or _roles_unstated(sentence, have, lexicon)
        or agent_misplaced(sentence, texts, lexicon)  # "the quote was given by Holt" of "an interview with Holt"
        or plan_from_fact(sentence, joined, lexicon)
        or _quote_unstated(sentence, joined)
    )
    contradicting = (
        _negation_clash(sentence, texts, found & have, lexicon)
        or hedge_lost(sentence, joined, lexicon)
        or any(opposite_stated(sentence, t) for t in texts)
        or day_of_saying_moved(sentence, joined)
        or superlative_unbound(sentence, joined)
        or first_made_ever(sentence, joined)
        or time_moved(sentence, joined)
        or condition_lost(sentence, joined, lexicon)
        or roles_swapped(sentence, texts, lexicon)
    )
    return coverage, lacking, contradicting


_ROLE = re.compile(r"\b" + DESCRIPTION_NOUNS + r"\b", re.IGNORECASE)


def _roles_unstated(sentence: str, have: frozenset[str], lexicon: Lexicon) -> bool:
    """The sentence gives someone a role ("official", "senator", "spokesman") the evidence never gives:
    like a name, that is someone else ("the tweet from the official" of a researcher's). A role is
    stated by a longer word it begins ("co-chairs" of "co-chairman")."""
    roles = {w for m in _ROLE.finditer(sentence) for w in lexicon.key_stems(m.group(0))} - lexicon.stem_set(DISCOURSE)
    return any(not in_family(r, have) and not any(h.startswith(r) for h in have) for r in roles)


_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_QUOTE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _quote_unstated(sentence: str, evidence: str) -> bool:
    """A quotation in the sentence must be the evidence's own words, in its order ('called it "wat"'
    of a fact quoting "common foe": a word put in someone's mouth). Case and punctuation aside."""
    def words(text: str) -> str:
        return " " + " ".join(w.replace("’", "'") for w in _QUOTE_WORD.findall(text.lower())) + " "
    have = words(evidence)
    quoted = (words(m.group(1)) for m in _QUOTED.finditer(sentence))
    return any(q.strip() and q not in have for q in quoted)


def support_score(sentence: str, evidence: Iterable[str], weights: WordWeights | None = None) -> float:
    """0..1: share of the sentence's content the evidence states; 0 on a number or negation clash."""
    coverage, clash = measure(sentence, evidence, weights)
    return 0.0 if clash else coverage


def _acts_unstated(sentence: str, have: frozenset[str], lexicon: Lexicon) -> bool:
    """The sentence tells of a decisive act (bot.text.DECISIVE_ACTS) the evidence never names."""
    return any(not in_family(a, have) for a in decisive_acts(lexicon, sentence))


# "he would like to / wants to / hopes to do business there": a wish, which the evidence must state as one
_WISH = re.compile(r"\b(?:would\s+like|(?:wants?|wanted|wanting|hopes?|hoped|hoping|wish(?:es|ed)?|intends?|intended|"
                   r"keen|eager|seeks?|sought|desires?|desired)\s+to)\b", re.IGNORECASE)
_WISH_WORDS = ("want wants wanted wish wishes wished hope hopes hoped hopeful desire desires intend intends intention "
               "keen eager seek seeks sought ready readiness willing like aim aims")


def _wish_unstated(sentence: str, have: frozenset[str], lexicon: Lexicon) -> bool:
    """The sentence says someone wants, hopes or would like to do something, and the evidence states no
    wish at all ("Donald Jr. touted Russian investment thirst …" is no "he would like to do business
    there"): the wish is the claim, and its other words are all in the fact."""
    return bool(_WISH.search(sentence)) and not have & lexicon.stem_set(_WISH_WORDS)


_LIGHT_VERBS = "get gets got go goes went make makes made take takes took give gives gave put puts keep keeps kept"


_SAYING_WORDS = "say says said saying tell tells told mention mentioned state stated claim claimed report reported"


_ANSWER_WORD = re.compile(r"^\s*(?:no|yes)\b[\s,.:;!]*", re.IGNORECASE)


def _first_negated(sentence: str, lexicon: Lexicon) -> set[str]:
    """The word each negation of the sentence bears on: the first content word after it ("did not
    blame": blame)."""
    stems = lexicon.key_stems(_ANSWER_WORD.sub("", sentence))  # "No, they never met": the "No" answers
    return {stems[i + 1] for i, s in enumerate(stems[:-1]) if s == "not" and stems[i + 1] != "not"}


def _negation_clash(sentence: str, texts: list[str], shared: set[str], lexicon: Lexicon) -> bool:
    said_negated = lexicon.negated_stems(sentence) & shared
    fact_negated = set().union(*(lexicon.negation_split(t)[0] for t in texts))
    fact_plain = set().union(*(lexicon.negation_split(t)[1] for t in texts))
    if has_negation(sentence):
        # "X was not discussed" where the facts negate nothing of the kind; a light verb the two share
        # ("did not get to the sanctions" and "wouldn't it be nice if we got along") is not the kind
        light = lexicon.stem_set(_LIGHT_VERBS)
        if not said_negated & fact_negated - light:
            return True
        # "Moscow did not blame X for failing to respond" of "Moscow blamed X for failing to respond": a
        # negation elsewhere in the fact does not stand for the one the sentence puts on what it says
        # plainly (a verb of saying takes a claim: "did not say that …" is left to the rest)
        denied = _first_negated(sentence, lexicon) - light - lexicon.stem_set(_SAYING_WORDS)
        return bool(denied & fact_plain - fact_negated)
    # "X was discussed" against "X was not among the topics discussed"
    return any(w in fact_negated and w not in fact_plain for w in shared)


def is_lead_in(sentence: str, lexicon: Lexicon) -> bool:
    """A content-free opener such as "Here is what the articles say:"."""
    discourse = lexicon.stem_set(DISCOURSE)
    return bool(LEAD_IN.match(sentence.strip())) or not [w for w in lexicon.key_stems(sentence) if w not in discourse]


def check(sentence: str, cited: list[str], brief: Brief, threshold: float) -> Verdict:
    """Score a sentence against its cited facts; repair with the brief's best fact(s) if needed."""
    sentence = brief.spelt_out(sentence)  # "the EU" is "the European Union" of the facts
    # a fact whose claim the scrape lost ("The board has been  about the plan") supports no sentence: a
    # model fills the gap with a claim of its own ("the board is expecting the plan")
    facts = [f for f in brief.cited(cited) if not f.gap]
    weights = brief.word_weights()
    alone = {f.id: _measure(sentence, [f.evidence], weights) for f in facts}  # each cited fact, read alone
    # "[1][2][3][4][5]": words pooled from many facts prove nothing; the best one or two of them count
    groups = _groups(facts) if len(facts) > MAX_JOINT_FACTS else [tuple(facts)]
    covered = {fid: measured_alone[0] for fid, measured_alone in alone.items()}
    score, facts = max(((_pooled_score(sentence, list(g), weights, covered) if _leads(g, alone) else 0.0, list(g))
                        for g in groups), key=lambda scored: scored[0])
    ids = tuple(f.id for f in facts)
    measured: _Measured | None = None  # the whole brief against the sentence: read once, when needed
    if facts and score >= threshold and len(facts) >= 2 and not has_negation(sentence):
        measured = _measure_brief(sentence, brief)
        if _contradicted_elsewhere(facts, measured):
            score = 0.0
    if facts and score >= threshold:
        shown = _contributing(sentence, facts, weights) or ids
        if _shown_hold(sentence, brief.cited(list(shown)), alone, weights.lexicon):
            return Verdict(score, shown)
        score = 0.0
    best = _best_support(sentence, brief, threshold, measured or _measure_brief(sentence, brief))
    if best.score >= repair_threshold(threshold):
        return Verdict(best.score, best.fact_ids, reattributed=True)
    return Verdict(score, ids)


def _leads(group: tuple[BriefFact, ...], alone: dict[str, tuple[float, bool, bool]]) -> bool:
    """A pair of facts supports a sentence only when one of them states much of it alone (`alone`: each
    fact measured against it): two facts each stating a few of its words ("Holt" and "believes" of one,
    "tariffs" and "lifted" of another) make a collage, not a statement ("Holt believed the tariffs
    would be lifted")."""
    return len(group) < 2 or max(alone[f.id][0] for f in group) >= PAIR_LEAD


def _shown_hold(sentence: str, shown: list[BriefFact], alone: dict[str, tuple[float, bool, bool]],
                lexicon: Lexicon) -> bool:
    """What the facts shown with a sentence must hold, each read alone, beyond covering it together:
    the one stating most of it states its numbers and speaks of the plan it tells (another's "agreed
    to meet" or "I hope" does not lend it to "they have never met"), and none says the opposite (a
    headline's "to talk" does not lend "discussed" to "sanctions were not among the topics
    discussed"; a negated sentence is left to the negation check: it clashes with every plain fact
    of its kind). `alone`: each cited fact measured against the sentence, as `check` read them."""
    measured = [(alone[f.id], f.evidence) for f in shown]
    if len(shown) == 1 and _negation_clash(sentence, [shown[0].evidence], set(lexicon.key_stems(sentence)), lexicon):
        return False  # a fact that lent no words ("the topics that were discussed") lifts no negation
    main = max(measured, key=lambda m: m[0][0])[1]
    if plan_from_fact(sentence, main, lexicon) or numbers(sentence) - numbers(main) \
            or _wish_unstated(sentence, lexicon.stem_set(main), lexicon):  # another's "hoped" lends no wish
        return False
    return len(measured) < 2 or has_negation(sentence) or not any(contra for (_, _, contra), _ in measured)


# each fact of the brief alone against a sentence: (coverage, lacking, contradicting), fact
_Measured = list[tuple[tuple[float, bool, bool], BriefFact]]


def _measure_brief(sentence: str, brief: Brief) -> _Measured:
    """Every fact of the brief measured alone against the sentence (`_measure`): what re-attribution
    chooses from, and where a contradiction is looked for."""
    weights = brief.word_weights()
    return [(_measure(sentence, [f.evidence], weights), f) for f in brief.all_facts if not f.gap]


def _contradiction(measured: _Measured) -> float:
    """How much of the sentence states the fact of the brief that contradicts it (the most; 0 if none)."""
    return max((cov for (cov, _, contra), _ in measured if contra), default=0.0)


def _contradicted_elsewhere(facts: list[BriefFact], measured: _Measured) -> bool:
    """Two cited facts pool their words ("the conversation did discuss sanctions": "discussed" of one,
    "sanctions" of another) while a fact of the brief stating more of the sentence than either says
    the opposite ("sanctions were not among the topics the two leaders discussed"): as in
    re-attribution, the contradiction wins. (`check` asks only of a pair, and of a sentence without a
    negation: a negated sentence clashes with every plain fact of its kind.)"""
    own = {f.id for f in facts}
    top = max(cov for (cov, _, _), f in measured if f.id in own)
    contradicted = _contradiction(measured)
    return contradicted >= CONTRADICTION_COVERAGE and contradicted > top


def _pooled_score(sentence: str, facts: list[BriefFact], weights: WordWeights, alone: Mapping[str, float]) -> float:
    """`support_score` of the facts together; 0 when they split who said it from what was said (`alone`:
    how much of the sentence each fact states by itself, as the caller measured it)."""
    lexicon = weights.lexicon
    if speakers_apart(sentence, facts, lexicon, weights) or speaker_made_doer(sentence, facts, lexicon) \
            or described_apart(sentence, facts, lexicon):
        return 0.0
    if len(facts) == 2:  # "… rang her in May to congratulate her on the appointment": one act, two tellings
        main, other = sorted(facts, key=lambda f: -alone[f.id])
        if object_merged(sentence, main.evidence, other.evidence, weights):
            return 0.0
    return support_score(sentence, [f.evidence for f in facts], weights)


def _contributing(sentence: str, facts: list[BriefFact], weights: WordWeights) -> tuple[str, ...]:
    """The ids of the facts without which the sentence would be less covered. A stray extra id is not
    a citation; a fact that lends words to a sentence pooled from two is, even when alone it fails
    on a name it lacks, so the reader sees every article the sentence rests on."""
    if len(facts) == 1:
        return (facts[0].id,)
    def coverage(group: list[BriefFact]) -> float:
        return measure(sentence, [f.evidence for f in group], weights)[0]
    whole = coverage(facts)
    return tuple(f.id for f in facts if coverage([g for g in facts if g is not f]) < whole)


def _groups(facts: list[BriefFact]) -> list[tuple[BriefFact, ...]]:
    """Each fact alone and each pair, in citation order."""
    return [(f,) for f in facts] + list(itertools.combinations(facts, 2))


def repair_threshold(threshold: float) -> float:
    """Re-attribution needs clearer support than a citation the model chose itself."""
    return min(0.95, threshold + REPAIR_MARGIN)


def _best_support(sentence: str, brief: Brief, threshold: float, measured: _Measured) -> Verdict:
    """The fact, or pair of facts, of the brief that best supports the sentence (`measured`: the brief
    against it). Nothing when some fact of the brief that covers the sentence contradicts it ("met
    before" against "never met")."""
    weights, lexicon = brief.word_weights(), brief.lexicon
    # a fact that does not say who said it (as the cited ones must: `_pooled_score`) supports nothing
    apart = {f.id for (cov, _, _), f in measured if cov >= threshold and (
        attributed_apart(sentence, [f], lexicon) or speaker_made_doer(sentence, [f], lexicon))}
    scored = sorted(((cov, f) for (cov, lacking, contra), f in measured if not lacking and not contra
                     and f.id not in apart), key=lambda p: p[0], reverse=True)[:REPAIR_CANDIDATES]
    # a fact lacking a name or number the sentence states may still make a pair with one stating it
    # ("Palace Calls 1st Meeting of King & Mayor …", a headline, and the palace's words)
    pairable = sorted(((cov, f) for (cov, _, contra), f in measured if not contra and f.id not in apart),
                      key=lambda p: p[0], reverse=True)[:REPAIR_CANDIDATES]
    contradicted = _contradiction(measured)
    top = max((cov for cov, _ in pairable), default=0.0)
    if not pairable or (contradicted >= CONTRADICTION_COVERAGE and contradicted >= top):
        return Verdict(0.0, ())
    best = Verdict(scored[0][0], (scored[0][1].id,)) if scored else Verdict(0.0, ())
    wanted = {w for w in lexicon.key_stems(sentence) if w not in lexicon.stem_set(DISCOURSE)}
    if best.score >= threshold or len(wanted) < PAIR_MIN_WORDS:
        return best
    for i, (a_cov, a) in enumerate(pairable):
        for b_cov, b in pairable[i + 1 :]:
            own_a = wanted & lexicon.stem_set(a.evidence) - lexicon.stem_set(b.evidence)
            own_b = wanted & lexicon.stem_set(b.evidence) - lexicon.stem_set(a.evidence)
            if len(own_a) < 2 or len(own_b) < 2:
                continue  # each fact of a pair must state a part of the sentence the other does not
            pair_score = _pooled_score(sentence, [a, b], weights, {a.id: a_cov, b.id: b_cov})
            if pair_score > best.score:
                best = Verdict(pair_score, _in_brief_order(brief, (a, b)))
    return best


def _in_brief_order(brief: Brief, facts: tuple[BriefFact, ...]) -> tuple[str, ...]:
    order = {f.id: n for n, f in enumerate(brief.all_facts)}
    return tuple(sorted((f.id for f in facts), key=order.__getitem__))


def keep_supported(
    sentences: list[tuple[str, list[str]]], brief: Brief, threshold: float
) -> tuple[list[Supported], int]:
    """Run the check over an answer: returns the kept sentences and how many were dropped."""
    kept: list[Supported] = []
    dropped = 0
    for text, cited in sentences:
        if is_lead_in(text, brief.lexicon):
            continue
        verdict = check(text, cited, brief, threshold)
        if verdict.score >= threshold and verdict.fact_ids:
            kept.append(Supported(text, verdict.fact_ids, verdict.score, verdict.reattributed))
            # what was cited and what is shown: ids that lend the sentence no words are not shown
            log.debug("kept a sentence (score %.2f, cited %s, shown %s%s): %r", verdict.score, cited,
                      list(verdict.fact_ids), ", re-attributed" if verdict.reattributed else "", text[:200])
        else:
            dropped += 1
            log.debug("dropped an unsupported sentence (score %.2f, cited %s): %r", verdict.score, cited, text[:200])
    return kept, dropped
