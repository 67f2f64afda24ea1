"""Word-level normalisation shared by the brief, retrieval and the support check.

Case and punctuation are dropped, English stop words removed, and words stemmed with the Snowball
stemmer (snowballstemmer, a maintained pure-Python package), so "discussed", "discussion" and
"discusses" meet. Numbers are kept as they are written, minus separators, so "2,500" and "2500" meet.
Synonyms belong to the event: a `Lexicon` reads general English ones (talk = discuss) plus those of
the event's [event] table, and the brief carries it to everything that compares words.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import snowballstemmer

from bot.lemmas import verb
from bot.phrases import plain_phrases

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can cannot could couldn't did didn't do does doesn't doing don't
    down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's
    her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it'd it'll
    it's its itself let's me more most my myself nor of off on once only or other ought our ours
    ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll they're they've
    this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what
    what's what'd when when's where where's where'd which while who who's who'd whom why why's why'd how'd
    with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves s t d ll re ve
    m just yet ever even still
    however meanwhile according said say says saying tell told ask asked comment comments commented commenting
    also much many well may might
    must shall will whether either neither among yes else besides otherwise anyway anyways somehow
    actually really basically literally
    lol irl idk btw tbh imo imho fyi afaik iirc pls plz thx ty rn smh ngl omg lmao ikr tho ya yall ur
    abt bc cuz coz bcuz wat wut wats wuts rly prolly wanna gotta gonna kinda sorta dunno nah yeah yep nope ok okay
    hmm lemme
    wait hey hi hello guys acc def prob probs obv obvs tbf smth sth lmk nvm rlly srsly fr tryna bout b4 thru
    altho ofc asap kk innit imma ima finna huh vs versus
    """.split()  # the last lines: chat shorthand that frames a message and says nothing about its subject
)

NEGATIONS = frozenset(
    """
    no not never none nothing nobody neither nor without n't cannot can't wasn't weren't isn't aren't didn't
    doesn't don't won't wouldn't couldn't shouldn't hasn't haven't hadn't
    fail fails failed failing unable refused refuses lack lacks lacked hardly scarcely barely
    deny denies denied denying
    """.split()
)

# Chat drops the apostrophe ("theyd", "didnt", "whats"): the same words, except where dropping it
# makes another English word ("she'll" → "shell", "we'd" → "wed").
_REAL_WORDS = frozenset("hell shell ill shed wed id were well its lets".split())


def _bare(forms: frozenset[str]) -> frozenset[str]:
    return frozenset(w.replace("'", "") for w in forms if "'" in w and w.replace("'", "") not in _REAL_WORDS)


STOP_WORDS = STOP_WORDS | _bare(STOP_WORDS)
NEGATIONS = NEGATIONS | _bare(NEGATIONS)

# A sentence that looks forward ("will talk", "is expected to focus") reports no outcome...
_FORWARD = re.compile(r"\b(?:will|’ll|'ll|(?:is|are|was|were) (?:expected|scheduled|set|due|planned) to|"
                      r"planned for)\b", re.IGNORECASE)
# ...and a question or sentence with these words speaks of plans, not of what happened ("they'd" is
# "they would"; "how'd" is "how did").
_PLANS = re.compile(r"\b(?:will|would|(?!(?:how|what|who|where|why|when)['’]d)\w+['’]d|theyd|youd|gonna|going to|"
                    r"expect\w*|plan\w*|predict\w*|"
                    r"hop(?:e|ed|ing)|suppos\w*|intend\w*|schedul\w*|due|ahead|before\w*|advance|preview\w*|"
                    r"set to|about to|next|’ll|'ll|agenda|lined up|line-?up|(?:call|phone) list)\b",
                    re.IGNORECASE)


def looks_forward(sentence: str) -> bool:
    """The sentence states what is to happen ("He'll also speak with …"), not what did."""
    return bool(_FORWARD.search(sentence))


def speaks_of_plans(text: str) -> bool:
    """Plans, expectations or hopes ("was going to", "expected", "will"): not a report of what happened."""
    return bool(_PLANS.search(text))


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<!\w)\d[\d,.]*\d|(?<!\w)\d")  # not inside a word: "b4" holds no 4
_local = threading.local()  # a Snowball stemmer keeps per-word state: one per thread (reload builds in a worker)


def fold(text: str) -> str:
    """Lower-case, unify apostrophes and strip accents (Müller → muller)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


_US = re.compile(r"\bU\.\s?S\.(?:A\.)?")  # "U.S." would otherwise split into two single letters


# a US lawmaker's party as news style writes it: "Sen. Anna Holt (D., Ohio)", "Rep. Lind (R-Texas)"
_PARTY = re.compile(r"\(([DRI])(?:\.,?|,|-)\s*(?=[A-Z])")
_PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent"}


def spelt_out(text: str) -> str:
    """Labels that would split into single letters, spelt out: "U.S." → "US", a party label as the
    party ("(D., Ohio)" → "(Democrat Ohio)"); the ways of saying something was done again and again
    as one word, and other everyday phrases as the word they mean (`plain_phrases`)."""
    text = plain_phrases(text)
    return _PARTY.sub(lambda m: f"({_PARTIES[m.group(1)]} ", _US.sub("US ", text))


def words(text: str) -> list[str]:
    """All word tokens, folded, with punctuation removed (apostrophes inside words kept)."""
    return _WORD.findall(fold(spelt_out(text)))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = word.split("'")[0] if word.endswith(("'s", "'")) else word
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    stemmed: str = stemmer.stemWord(word)  # snowballstemmer has no type information
    base = verb(word, stemmed)  # "brought" is stemmed as "bring"
    if base != word:
        stemmed = stemmer.stemWord(base)
    return stemmed


def content_stems(text: str) -> list[str]:
    """Stems of the content words, in order (stop words and single letters removed)."""
    return [stem(w) for w in words(text) if is_content_word(w)]


NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "hundred": "100", "thousand": "1000", "first": "1", "second": "2", "third": "3",
}


def numbers(text: str) -> set[str]:
    """Numbers as written, separators removed ("2,500" → "2500"); ordinals count ("1st" → "1"), and
    so do number words ("two hours" → "2")."""
    found = {re.sub(r"[,.]", "", n).lstrip("0") or "0" for n in _NUMBER.findall(text)}
    return found | {NUMBER_WORDS[w] for w in words(text) if w in NUMBER_WORDS}


def is_negation(word: str) -> bool:
    """A folded word that negates what follows it ("not", "never", "failed", "wasn't", "ain't")."""
    return word in NEGATIONS or word.endswith("n't")


def has_negation(text: str) -> bool:
    return any(is_negation(w) for w in words(text))


# General English abbreviations of titles ("Sen. Brown" is a senator) and the clippings and shorthand
# people type in chat ("admin", "intel", "yrs", "congrats"), stem → stem of the word. "min" is read as
# minutes: chat writes "5 min" far more often than "Foreign Min.".
TITLE_ABBREVIATIONS = {"sen": "senat", "rep": "repres", "gov": "governor", "gen": "general", "pres": "presid",
                       "amb": "ambassador", "dept": "depart", "admin": "administr",
                       "govt": "govern", "convo": "convers", "intel": "intellig", "potus": "presid",
                       "prez": "presid", "info": "inform", "ppl": "peopl", "msg": "messag", "pic": "pictur",
                       "min": "minut", "yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour", "wk": "week",
                       "wks": "week", "mo": "month", "mos": "month", "tmrw": "tomorrow", "tmr": "tomorrow",
                       "yday": "yesterday", "intro": "introduct", "congrat": "congratul", "dem": "democrat",
                       "dems": "democrat", "repub": "republican", "repubs": "republican", "gop": "republican",
                       "mil": "militari", "intl": "internat", "natl": "nation", "econ": "economi",
                       "pol": "politician", "pols": "politician",
                       "pics": "pictur", "vid": "video", "vids": "video", "mtg": "meet", "approx": "approxim",
                       "spox": "spokesperson", "pm": "minist", "avg": "averag", "diff": "differ", "bday": "birthday",
                       "exec": "execut", "execs": "execut", "conf": "confer", "presser": "confer", "tv": "televis"}

# Words that mean the same in any story, each group read as its first word. Words particular to one
# event (its places, groups, the kind of event) come from its [event] synonyms in sources.toml.
GENERAL_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("phone", "telephone"),
    ("discuss", "talk", "speak", "spoke", "spoken"),
    ("meet", "met"),
    ("contact", "touch"),
    ("maintain", "keep", "stay"),
    ("president", "presidential"),
    ("spokesman", "spokesperson", "spokeswoman", "spokesmen", "spokeswomen", "spokespeople"),
    ("british", "britain", "uk", "brits"),
    ("expect", "expectation", "hope"),
    ("block", "stop", "prevent"),
    ("allegation", "allege", "accuse", "accusation"),
    ("foe", "enemy", "enemies", "adversary", "adversaries"),
    ("common", "shared"),
)

# Acts whose claim one word carries: "The minister signed an order to lift the tariffs" is not stated by "the
# administration has an order ready to lift the restrictions", though every other word is. Like numbers,
# the evidence must state the act itself, and a question about one ("how did the senator vote?") is
# answered only by a sentence stating it. Kept to acts with few paraphrases: "admitted" for
# "acknowledged" or "imposed" for "hit with" must still pass (264 sentences the 1.5B model wrote in
# earlier rounds: none of them lost).
DECISIVE_ACTS = ("sign signed signing veto vetoed approve approved vote voted invade invaded annex annexed arrest "
                 "arrested resign resigned cancel cancelled canceled ban banned withdraw withdrew deploy deployed "
                 "sponsor sponsored sponsoring ")
# the records of a conversation, which exist only where a sentence says so: "did they release a transcript?" is
# not answered by the statements about the call. They carry a claim as the decisive acts do.
RECORDS = "transcript transcripts recording recordings audio tape tapes taped video videos footage"


def decisive_acts(lexicon: Lexicon, text: str) -> frozenset[str]:
    """The key stems of the decisive acts (DECISIVE_ACTS) and records (RECORDS) a text tells of."""
    return lexicon.stem_set(text) & lexicon.stem_set(DECISIVE_ACTS + RECORDS)


def records_asked(lexicon: Lexicon, text: str) -> bool:
    """The text names a record of a conversation (RECORDS): "is there a transcript?"."""
    return bool(lexicon.stem_set(text) & lexicon.stem_set(RECORDS))


# where a negation's reach ends: punctuation, "but", "while", and "and" opening a clause with its own
# subject ("have never met and it was unclear how …" negates the meeting, not what follows)
_CLAUSE = re.compile(r"[,;:.!?()—–]|\bbut\b|\bwhile\b|\bwhereas\b|"
                     r"\band\b(?=\s+(?:it|he|she|they|we|i|you|there|this|that|these|those)\b)", re.IGNORECASE)
NEGATION_REACH = 6  # content words after "not" that it negates, within its clause


def is_content_word(word: str) -> bool:
    """A folded word that says something: not a stop word, not a single letter (a digit is content)."""
    return word not in STOP_WORDS and (len(word) > 1 or word.isdigit())


def word_stem(word: str) -> str:
    """The stem one written word is compared by before synonyms: "Discussed" → "discuss", "Sen." →
    "senat". ValueError unless `word` is exactly one content word (how [event] synonyms are checked)."""
    found = words(word)
    if len(found) != 1:
        raise ValueError(f"{word!r} is not one word")
    if not is_content_word(found[0]) or is_negation(found[0]):
        raise ValueError(f"{word!r} is a stop word or a negation, which are never compared")
    return _abbreviation_stem(found[0])


def is_clipping(word: str) -> bool:
    """A title abbreviation or chat clipping ("yrs", "govt"): shorthand for an everyday word, so no name
    even where no dictionary holds it."""
    found = words(word)
    return len(found) == 1 and stem(found[0]) in TITLE_ABBREVIATIONS


def _abbreviation_stem(word: str) -> str:
    stemmed = stem(word)
    return TITLE_ABBREVIATIONS.get(stemmed, stemmed)


@dataclass(frozen=True)
class Lexicon:
    """How retrieval, the support check and the disagreement finder compare words: stems, with each
    group of synonyms read as one word. One per event (`Lexicon.build` with its [event] synonyms, on
    top of GENERAL_SYNONYMS); the brief carries it, so every part of one snapshot compares alike.
    `synonyms` maps a stem to the stem it is read as. The brief's own ranking and the merging of facts
    work on plain stems (`content_stems`) and need none of this."""

    synonyms: Mapping[str, str]
    # surnames that are stop words ("may" of "Anna May") → the given name the articles put before them
    surnames: Mapping[str, str] = field(default_factory=dict)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # hashed once: every memoised call is keyed by its lexicon; equal lexicons (a reload of the
        # same manifest) share what is memoised
        object.__setattr__(self, "_hash", hash((frozenset(self.synonyms.items()), frozenset(self.surnames.items()))))

    def __hash__(self) -> int:
        return self._hash

    @classmethod
    def build(cls, groups: Iterable[Sequence[str]] = (), surnames: Mapping[str, str] | None = None) -> Lexicon:
        """Each group is words that mean the same, read as its first word. `groups` (the event's) come
        before GENERAL_SYNONYMS; groups that share a word merge, read as the earlier group's first word.
        `surnames`: see `learn_surnames`."""
        canonical: dict[str, str] = {}  # stem → the stem it is read as
        order: dict[str, int] = {}  # a canonical stem → when its group came
        for group in [*groups, *GENERAL_SYNONYMS]:
            stems = [word_stem(w) for w in group]
            touched = sorted({canonical[s] for s in stems if s in canonical}, key=order.__getitem__)
            target = touched[0] if touched else stems[0]
            order.setdefault(target, len(order))
            for s in [*stems, *(s for s, c in canonical.items() if c in touched)]:
                canonical[s] = target
        return cls({s: c for s, c in canonical.items() if s != c}, dict(surnames or {}))

    def key(self, word: str) -> str:
        """The stem a folded content word is compared by."""
        stemmed = _abbreviation_stem(word)
        return self.synonyms.get(stemmed, stemmed)

    def key_stems(self, text: str) -> tuple[str, ...]:
        """Content stems with synonyms merged, every negation as "not": the unit of retrieval and of
        the support check. Memoised: the support check reads every fact's context for every sentence."""
        return _key_stems(self, text)

    def stem_set(self, text: str) -> frozenset[str]:
        """The key stems of a text as a set, to test words against (memoised too)."""
        return _stem_set(self, text)

    def negation_split(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """(negated, plain): key stems within reach of a negation in the same clause ("were not among
        the topics ... discussed" negates "topic" and "discuss"), and stems that also occur outside
        any ("a good thing, not a bad thing" states "thing" plainly too)."""
        return _negation_split(self, text)

    def negated_stems(self, text: str) -> frozenset[str]:
        """Key stems within reach of a negation in the same clause."""
        return self.negation_split(text)[0]


@functools.lru_cache(maxsize=8192)
def _key_stems(lexicon: Lexicon, text: str) -> tuple[str, ...]:
    if lexicon.surnames and any(n in text.lower() for n in lexicon.surnames):
        return _key_stems_with_surnames(lexicon, text)
    return tuple("not" if is_negation(w) else lexicon.key(w) for w in words(text)
                 if is_negation(w) or is_content_word(w))


def _key_stems_with_surnames(lexicon: Lexicon, text: str) -> tuple[str, ...]:
    """As `_key_stems`, but a surname that is a stop word is content where it names someone: written
    with a capital ("However, May objected …") or after its given name ("did anna may object …")."""
    out: list[str] = []
    previous = ""
    for token in _WORD.findall(spelt_out(text)):
        w = fold(token)
        if is_negation(w):
            out.append("not")
        elif w in lexicon.surnames and (token[:1].isupper() or previous == lexicon.surnames[w]):
            out.append(w)
        elif is_content_word(w):
            out.append(lexicon.key(w))
        previous = w
    return tuple(out)


# a prefix written with a hyphen or without ("re-election", "reelection"; "co-chair", "cochair")
_PREFIXED = re.compile(r"\b(re|co|pre|non|anti|post|multi|inter)-([^\W\d_]{3,})", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _stem_set(lexicon: Lexicon, text: str) -> frozenset[str]:
    """The key stems, and a hyphenated prefix's word also as written closed up ("re-election" states
    "reelection" as well as "election")."""
    joined = [lexicon.key(w) for m in _PREFIXED.finditer(text) if is_content_word(w := fold(m.group(1) + m.group(2)))]
    return frozenset(_key_stems(lexicon, text)) | frozenset(joined)


def _negation_split(lexicon: Lexicon, text: str) -> tuple[frozenset[str], frozenset[str]]:
    return split_at_cues(lexicon, _US.sub("US ", text), is_negation, NEGATION_REACH)


@functools.lru_cache(maxsize=8192)
def split_at_cues(lexicon: Lexicon, text: str, is_cue: Callable[[str], bool],
                  reach: int) -> tuple[frozenset[str], frozenset[str]]:
    """(cued, plain): key stems among the `reach` content words after a cue word (a negation, a hedge)
    in the same clause, and stems outside any. Memoised: the support check reads every fact."""
    cued: set[str] = set()
    plain: set[str] = set()
    for clause in _CLAUSE.split(text):
        left = 0
        for word in words(clause):
            if is_cue(word):
                left = reach
            elif is_content_word(word):
                (cued if left else plain).add(lexicon.key(word))
                left = max(0, left - 1)
    return frozenset(cued), frozenset(plain)


def clear_caches() -> None:
    """Forget every memoised stem and key stem (tests that provoke wrong stems clean up with it)."""
    stem.cache_clear()
    _key_stems.cache_clear()
    _stem_set.cache_clear()
    split_at_cues.cache_clear()


# General English only: for what spans events and brief versions (grouping logged questions), and
# for the parts that are tested on invented sentences. Everything built from one event's articles
# uses that event's lexicon (Brief.lexicon).
GENERAL = Lexicon.build()
