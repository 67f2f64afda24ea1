"""What a claim says beyond its words: hedges ("might", "rumours"), limits ("only", "all", "by
himself"), conditions ("unless", "without approval") and opposites ("different" / "the same"). The
support check (bot.support) asks each of a sentence against its evidence: the words may all be
stated while the claim is widened, narrowed or turned. General English; nothing here knows a story.
"""

from __future__ import annotations

import re

from bot.text import Lexicon, split_at_cues, words

# what was expected or hoped: a supposition too, which "would" keeps (see `hedge_lost`)
EXPECTING = frozenset("expect expects expected expecting hope hopes hoped hopeful hoping".split())
# Words that make a claim a possibility, a rumour, an allegation, a worry or a duty; the content words
# right after one are hedged
HEDGES = frozenset("""might may could rumor rumors rumour rumours rumored rumoured reportedly possibly perhaps
    allegedly speculation speculated allegation allegations alleged allege alleges accusation accusations
    accused suspected suspicion suspicions whether concern concerns concerned worry worries worried fear fears
    feared should must ought consider considers considered considering necessarily""".split()) | EXPECTING
_DENIALS = frozenset({"deny", "denies", "denied", "denying", "denial", "denials"})
# what was expected or hoped, told as what "would" happen, stays a supposition ("the call would be
# about …" of "is expected to focus on …"); "would lift" of "would consider lifting" does not
_WOULD = frozenset({"would", "wouldn't", "wouldn’t", "wouldnt"})
_KEEPS_SCOPE = HEDGES | _DENIALS  # a sentence with one of these claims no plain fact
_HEDGES_BUT_EXPECTING = HEDGES - EXPECTING
HEDGE_REACH = 3
# a hedge and the rest of its clause ("rumors that he might lift them unilaterally, …"); "May" is a name
HEDGED = re.compile(r"\b(?:" + "|".join(sorted([*HEDGES, *(h.capitalize() for h in HEDGES if h != "may")]))
                    + r")\b[^,.;:!?]*")
# "lift the tariffs by himself / on his own / unilaterally" restricts who acts, like "alone"
_ALONE = re.compile(r"\b(?:by|on)\s+(?:him|her|them|it|my|your|our)sel(?:f|ves)\b|"
                    r"\bon\s+(?:his|her|their|its|my|your|our)\s+own\b|\bunilateral(?:ly)?\b|"
                    r"\bsingle[\s-]?handed(?:ly)?\b", re.IGNORECASE)
# "did Iran come up at all?" / "not at all": emphasis, not "all" of anything
_AT_ALL = re.compile(r"\bat\s+all\b", re.IGNORECASE)
# a condition that bounds the words before it: "impossible to lift them without approval of parliament"
_CONDITION = re.compile(r"\b(?:without|unless|except)\b([^,;:.!?]*)", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:without|unless|except|if|only)\b", re.IGNORECASE)
_BARRED = re.compile(r"\b(?:impossible|cannot|can[’']t|couldn[’']t|not|no|never|unable|bar(?:s|red)?|ban(?:s|ned)?|"
                     r"prevent\w*|block\w*|prohibit\w*|forbid\w*)\b", re.IGNORECASE)
CONDITION_REACH = 6  # content words before a condition that it bounds
# Words that restrict or generalise a claim: "only the US has sanctions" is not stated by "the US has
# sanctions". Stop words to retrieval; to the support check they are like numbers: the evidence must
# have one of the same kind. So must a cause: "he praised the port as a reason to invest" is not stated
# by "he praised the port and touted investment" (a link a model adds between two things a fact says).
LIMITING_WORDS = (frozenset({"only", "solely", "sole", "exclusively"}),
                  frozenset({"alone"}),  # "by himself", "unilaterally" (`_ALONE`): who acts, not what is limited
                  frozenset({"all", "every", "always", "entirely", "whole"}),
                  frozenset({"because", "reason", "reasons", "cause", "caused", "causes", "therefore", "thus",
                             "hence", "consequently"}))
# Words whose opposite the evidence may state instead: "described the call differently" is contradicted
# by "described it in positive terms, the same tone used …", though every other word is stated
OPPOSITES = (
    (frozenset({"different", "differently", "differ", "differs", "differed", "difference", "differences"}),
     frozenset({"same", "similar", "similarly", "identical", "alike"})),
    (frozenset({"positive", "positively", "upbeat"}), frozenset({"negative", "negatively"})),
    (frozenset({"warm", "warmly", "friendly"}), frozenset({"cold", "coldly", "frosty", "hostile", "hostility"})),
    # how people met: "met in person / face to face" is not stated by "a telephone conversation"
    (frozenset({"person", "face"}), frozenset({"phone", "telephone", "phoned", "telephoned"})),
    # "the prime minister backed lifting them" against "conveyed Britain's objection to lifting them"
    (frozenset({"support", "supports", "supported", "supporting", "back", "backs", "backed", "backing", "favour",
                "favours", "favoured", "favor", "favors", "favored", "endorse", "endorses", "endorsed"}),
     frozenset({"oppose", "opposes", "opposed", "opposing", "opposition", "object", "objects", "objected",
                "objection", "objections", "reject", "rejects", "rejected", "resist", "resists", "resisted",
                "resistance"})),
)


def limits_more(sentence: str, evidence: str) -> bool:
    """The sentence restricts or generalises ("only", "all", "by himself") where the evidence does not.
    A sentence without a hedge is compared with the evidence's unhedged words (`_measure`): "rumors that
    he might lift them unilaterally" does not say he can lift them by himself."""
    said, have = (set(words(_AT_ALL.sub(" ", _ALONE.sub(" alone ", text)))) for text in (sentence, evidence))
    return any(said & kind and not have & kind for kind in LIMITING_WORDS)


def opposite_stated(sentence: str, evidence: str) -> bool:
    """The sentence says one of OPPOSITES where a fact it rests on says only the other ("differently" of
    "the same tone"): another fact's "different personalities" does not lend it the word."""
    said, have = set(words(sentence)), set(words(evidence))
    return any((said & a and have & b and not have & a) or (said & b and have & a and not have & b)
               for a, b in OPPOSITES)


def condition_lost(sentence: str, evidence: str, lexicon: Lexicon) -> bool:
    """The evidence bounds what it states by a condition after it ("a bill that would make it
    impossible for the president to lift the tariffs without approval of parliament"; "the port stays
    open unless …") and the sentence states those words with no condition of its own ("… impossible
    for the president to lift the tariffs"): the scope is widened. The condition's own words, or any
    condition, keep it. "Without" bounds only a bar: "can close it without a vote" still says he can."""
    if _CONDITIONAL.search(sentence):
        return False
    said = set(lexicon.key_stems(sentence))
    for match in _CONDITION.finditer(evidence):
        before = re.split(r"[,;:.!?]", evidence[:match.start()])[-1]
        if match.group(0)[:7].lower() == "without" and not _BARRED.search(before):
            continue  # "he can close the port without a vote": then he can close it; only a bar is bounded
        bound = set(lexicon.key_stems(" ".join(before.split()[-CONDITION_REACH:])))
        if len(said & bound) >= 2 and not said & set(lexicon.key_stems(match.group(1))):
            return True
    return False


# a sentence that keeps a supposition of its own ("he would lift them if …", "in exchange for …")
_SUPPOSING = re.compile(r"\b(?:if|whether|unless|provided|would|could|might|wouldn[’']t|exchange|return)\b",
                        re.IGNORECASE)
# "if …" to its clause's end; after a verb of asking (`_ASKED`) or knowing (`_ASKING_IF`) it is "whether"
_IF_CLAUSE = re.compile(r"\bif\b[^,;:.!?“”\"]*", re.IGNORECASE)
_ASKING_IF = re.compile(r"\b(?:wonder\w*|know\w*|see|saw|unclear|sure|check\w*|whether)[\s'’]+(?:\w+[\s'’]+){0,2}$|"
                        r"\b(?:only|even)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)


# "Asked by reporters if …": a question put to someone; a sentence telling of it asks too
_ASKED = re.compile(r"\bask\w*\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
_ASKS = re.compile(r"\b(?:ask\w*|whether|if|question\w*)\b", re.IGNORECASE)


def without_suppositions(sentence: str, text: str) -> str:
    """The text without what it only supposes ("If we can have a great relationship with Russia, I'm all
    for that"; "he would consider lifting them if Moscow cooperates"), unless the sentence keeps a
    supposition itself: "he can have a great relationship with Russia" is not stated by the "if"
    clause. "Asked if the port would come up" asks: its words are a topic for a sentence that tells of
    the asking too ("asked whether the port would come up, Holt said …"), never a claim ("Holt said the
    port would come up", where the answer was no). The words of "only if" (a requirement: "eased only
    if Moscow complies" is "Moscow must comply") and "even if" stay."""
    supposes, asks = bool(_SUPPOSING.search(sentence)), bool(_ASKS.search(sentence))
    out, start = [], 0
    for match in _IF_CLAUSE.finditer(text):
        before = text[:match.start()]
        # a question put to someone stays only for a sentence that tells of the asking
        kept = asks if _ASKED.search(before) else supposes or bool(_ASKING_IF.search(before))
        if kept:
            continue
        out.append(text[start:match.start()])
        start = match.end()
    return "".join([*out, text[start:]])


def hedge_lost(sentence: str, evidence: str, lexicon: Lexicon) -> bool:
    """The evidence states a word only under a hedge ("rumours that he might lift the tariffs") and the
    sentence states it with none ("he is about to lift the tariffs"): a rumour told as fact. Hedges
    reach as negations do (`split_at_cues`). A sentence with a hedge or a denial of its own claims no
    plain fact ("the ministry denied that it leaked the report", of "denied any allegations that …")."""
    said = set(words(sentence))
    if said & _KEEPS_SCOPE:
        return False
    hedges = _HEDGES_BUT_EXPECTING if said & _WOULD else HEDGES
    hedged, plain = split_at_cues(lexicon, evidence, lambda w: w in hedges, HEDGE_REACH)
    return any(s in hedged and s not in plain for s in lexicon.key_stems(sentence))
