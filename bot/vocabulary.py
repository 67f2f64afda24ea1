"""What the articles can talk about: their words, names, numbers and acronyms, and a question's
profile against them.

Off-topic questions name things the articles never mention ("North Korea", "Xi Jinping", "the
Pope", "17 times 23"); paraphrased questions about the event use everyday words the articles don't
("penalties" for "sanctions"). So a name or a number the articles never contain is a strong sign
the articles cannot answer, while an unknown common word is left to the semantic ranking. Acronyms
are expanded from the articles themselves ("NATO" → "North Atlantic Treaty Organisation"), and
words that differ only by a demonym or derivation suffix meet ("Ukraine"/"Ukrainian"). Nothing here
knows the story: it is all computed from the corpus, and words are compared by the event's lexicon.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from bot import foreign_names, language, source_questions
from bot.after_cues import after_what, points_past, within_what
from bot.chat_reading import read_chat, with_g
from bot.english import (
    common_correction,
    corrections,
    is_common,
    is_rare,
    is_word,
    particle_compound,
    person_compound,
    prefixed_compound,
    unvowelled,
)
from bot.name_learning import (
    acronym_words,
    acronyms,
    chat_acronyms,
    given_names,
    name_pairs,
    proper_stems,
    spelt_initials,
    stem_pairs,
)
from bot.text import GENERAL, STOP_WORDS, Lexicon, fold, is_clipping, is_negation, numbers, words

# Words that frame a question rather than say what it is about.
FRAME_WORDS = (
    "what who whom whose when where why how which tell say said talk mention happen happened know "
    "anything something everything anyone anybody someone somebody article articles source sources please explain "
    "describe give "
    "detail details information mean meant think thought like place reason exactly really actually actual kind "
    "sort way thing things stuff overall long did does do is was were are has have had will would can could "
    "respond response react reaction feel view opinion stance position "
    "heard hear true super finally guy dude supposed supposedly mostly maybe perhaps"
)
# "know" frames a question ("do you know who …?") unless a person is what is known ("does he even know Holt?")
_KNOWING = re.compile(r"knows?|knew|known|knowing", re.IGNORECASE)
# "What did Merkel say about Brexit?": who is asked about, and about what.
_SAID_ABOUT = re.compile(r"\b(?:what|how|did|does|has)\s+(?:did|does|has|had)?\s*(.+?)\s+(?:say|said|think|thought|"
                         r"tell|told|write|wrote|feel|felt|tweet|tweeted|post|posted)\s+(?:anything\s+|something\s+|"
                         r"much\s+)?(?:about|of|on|regarding)\s+(.+)", re.IGNORECASE)
# "How did the palace describe the talks?": the palace speaks, of the talks
_DESCRIBED = re.compile(r"\bhow\s+(?:did|does|has|had|do|would)\s+(.+?)\s+(?:describe|characteri[sz]e|portray|depict|"
                        r"sum\s+up|summari[sz]e|frame)\s+(.+)", re.IGNORECASE)
_WHERE_FROM = frozenset("in from at of near inside".split())
_SPEAKER_ADVERBS = frozenset("ever also actually really even just already once never publicly".split())
# "what did X tell Y (when …)?": X speaks, and what they told Y is the topic
_TOLD = re.compile(r"\bwhat\s+(?:did|does|has|had)\s+(.+?)\s+(?:tell|told)\s+(.+)", re.IGNORECASE)
# "the palace's statement (on the call)", "the palace's government": the palace speaks; the rest of the phrase
# only qualifies it
_UTTERANCE_OF = re.compile(r"\b(\w+)(?:'s|’s|')\s+(?:official\s+)?(?:statement|readout|account|tweets?|remarks|"
                           r"comments|press\s+release|communiqu[eé]|government|govt|gov|administration|admin|"
                           r"regime|office|ministry|cabinet|camp)\b.*", re.IGNORECASE)
# Reader comments are never sources: a question about what commenters said is declined.
_COMMENTS = re.compile(r"\b(?:commenters?|readers?|comments? (?:section|thread)|in the comments"
                       r"|below the (?:article|line)|forum posters?)\b", re.IGNORECASE)
_MIN_SHARED_PREFIX = 6  # "ukrain" (Ukraine) and "ukrainian"; not "franc" (France) and "francois"
# Derivation and demonym endings: "islamist"/"islam(ic)", "iranian"/"iran", "korean"/"korea",
# "relationship"/"relation(s)", "partnership"/"partner".
_SUFFIXES = ("ist", "ic", "ian", "ean", "ism", "ese", "ish", "ion", "an", "n", "i", "ship", "ionship")
_MIN_BASE = 4
TYPO_MIN_LENGTH = 6  # a word this long, one edit from a word of the articles, is read as that word
NAME_TYPO_MIN = 5  # a name of the articles this long is recognised one edit away ("Bergen" for "Berge")
ENGLISH_HINTS = STOP_WORDS | {"tell", "me", "talk", "call", "did", "does", "the"}


def _aside_pairs(texts: list[str], used: AbstractSet[str], aside: Iterable[str],
                 lexicon: Lexicon) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent key stems that the pages' reader comments or chrome write ("toll booths",
    "ferry tickets") and the articles do not, one of them a word the articles never use: a
    question naming such a pair is about what readers wrote, which is no source. A single word is
    not enough (readers and reporters share most words: "stop", "big"); a pair of the articles'
    own words is not either (readers quote them). `used`: every key stem of `texts`."""
    stated = {p for t in texts for p in stem_pairs(t, lexicon)}
    frame = lexicon.stem_set(FRAME_WORDS)
    return frozenset(p for line in aside for p in stem_pairs(line, lexicon)
                     if p not in stated and any(s not in used and s not in frame for s in p))


@dataclass(frozen=True)
class QuestionProfile:
    """A question measured against the articles' vocabulary."""

    focus: tuple[str, ...]  # key stems that say what it is about (frame words removed), acronyms expanded
    unknown_names: tuple[str, ...]  # capitalised words, acronyms or numbers the articles never contain
    after: bool  # asks what happened after the event ("after the summit", "since then", "today")
    about_sources: bool  # asks about the articles themselves (which outlets, when written)
    english: bool
    about_comments: bool = False  # asks what readers wrote under an article: not a source
    aside: tuple[str, ...] = ()  # its words only the pages' reader comments or chrome use ("toll booths")
    speaker: tuple[str, ...] = ()  # "What did Merkel say about Brexit?": merkel...
    topic: tuple[str, ...] = ()  # ...and brexit: one fact must hold both


@dataclass
class Vocabulary:
    """Every key stem, raw word, number and acronym of the articles (built once per brief), and the
    lexicon that made the stems: a question is read with the same one."""

    stems: set[str]
    numbers: set[str]
    acronyms: dict[str, tuple[str, ...]]
    lexicon: Lexicon = GENERAL
    event_stems: set[str] = field(default_factory=set)
    outlet_stems: set[str] = field(default_factory=set)
    title_stems: set[str] = field(default_factory=set)  # words of the sources' headlines
    event_nouns: set[str] = field(default_factory=set)  # words of the event's name that are no names ("summit")
    proper: set[str] = field(default_factory=set)  # stems the articles only write capitalised: names
    name_words: frozenset[str] = frozenset()  # the folded words the articles write as names ("lavrov")
    given_names: frozenset[str] = frozenset()  # see `bot.name_learning.given_names`
    aside_pairs: frozenset[tuple[str, str]] = frozenset()  # see `_aside_pairs`
    name_pairs: frozenset[tuple[str, str]] = frozenset()  # see `bot.name_learning.name_pairs`
    outlet_names: tuple[str, ...] = ()  # the outlets' names as written ("Oslo Post"): bot.source_questions
    party_words: frozenset[str] = frozenset()  # a party's initials written out ("united", "state" of US)
    chat_acronyms: frozenset[str] = frozenset()  # see `bot.name_learning.chat_acronyms`

    @classmethod
    def build(cls, texts: Iterable[str], event_name: str = "", outlets: Iterable[str] = (),
              lexicon: Lexicon = GENERAL, aside: Iterable[str] = (), titles: Iterable[str] = ()) -> Vocabulary:
        """`texts`: the facts' sentences; `outlets` and `titles`: the sources' outlets and headlines (questions
        name them); `aside`: the pages' lines that are not reporting (reader comments, chrome)."""
        outlets = list(outlets)
        texts = [*texts, *outlets]
        stems = {s for t in texts for s in lexicon.key_stems(t)}
        found = {n for t in texts for n in numbers(t)}
        outlet_stems = {s for t in outlets for s in lexicon.key_stems(t)}
        title_stems = {s for t in titles for s in lexicon.key_stems(t)}
        nouns = {s for w in re.findall(r"\b[a-z][a-z-]+\b", event_name) for s in lexicon.key_stems(w)}
        proper = proper_stems(texts, lexicon)
        capitalised = (w for t in texts for w in re.findall(r"\b[A-Z][a-z]+\b", t) if len(w) >= NAME_TYPO_MIN)
        name_words = frozenset(fold(w) for w in capitalised if set(lexicon.key_stems(w)) <= proper)
        runs = acronym_words(texts)
        return cls(stems, found, acronyms(runs, lexicon), lexicon, set(lexicon.key_stems(event_name)),
                   outlet_stems, title_stems, nouns, proper, name_words, given_names(texts, proper, lexicon),
                   _aside_pairs(texts, stems, aside, lexicon),
                   # a pair of capitalised words is a name when one of them is ("mend ties" of a headline is none)
                   frozenset(p for p in name_pairs(texts, lexicon) if any(s in proper for s in p)),
                   source_questions.outlet_names(outlets),
                   spelt_initials(texts, set(lexicon.key_stems(event_name)), lexicon),
                   chat_acronyms(texts, runs, is_word, is_common))

    def names_in(self, focus: Iterable[str]) -> list[str]:
        """The question's focus stems that name someone or something other than the event's own
        parties (in a story about a summit in Geneva, "Oslo" but not "Geneva")."""
        return [s for s in focus if s in self.proper and s not in self.event_stems]

    def paired_names(self, focus: Iterable[str]) -> list[str]:
        """The focus stems that stand next to each other as a two-word name of the articles ("oslo
        post"), other than the event's own parties."""
        stems = list(focus)
        paired = {s for pair in itertools.pairwise(stems) if pair in self.name_pairs for s in pair}
        return [s for s in stems if s in paired and s not in self.event_stems]

    @functools.cached_property
    def frame(self) -> frozenset[str]:
        """Key stems of FRAME_WORDS: what frames a question rather than says what it is about."""
        return self.lexicon.stem_set(FRAME_WORDS)

    def _typo_fix(self, token: str) -> list[str]:
        """The stems of the one spelling a single edit away that the articles use ("sanctons" →
        sanction); empty when there is none or more than one."""
        if len(token) < TYPO_MIN_LENGTH:  # short words have many neighbours: "comey" is not "come"
            return []
        fixes = {tuple(self.lexicon.key_stems(w)) for w in corrections(token)}
        fixes = {f for f in fixes if f and all(s in self.stems for s in f)}
        return list(fixes.pop()) if len(fixes) == 1 else []

    def _name_fix(self, token: str) -> list[str]:
        """The stems of the one name of the articles a single edit away ("bregg" → berg, "Lindh" →
        lind); empty when there is none or more than one. Only names count: "Pease" is not "peace"."""
        found = {n for n in _edits(fold(token)) if n in self.name_words}
        return list(self.lexicon.key_stems(found.pop())) if len(found) == 1 else []

    def _states(self, word: str) -> bool:
        """The articles state every stem of the word (and it has one)."""
        stems = self.lexicon.key_stems(word)
        return bool(stems) and all(self.knows(s) for s in stems)

    def knows(self, stem: str) -> bool:
        return in_family(stem, self.stems)

    def _after_event(self, question: str) -> bool:
        """"After the summit" (the event's own noun), "once the summit was over", "since then", "today": a
        question about what came after the event. "After her talk with Merkel" is about something else."""
        if points_past(question):
            return True
        after = after_what(question)
        return any(self.lexicon.stem_set(words_after) & self.event_nouns for words_after in after)

    def within_event(self, question: str) -> bool:
        """The question asks what happened on or during the event itself ("so they agreed to drop the
        tariffs on the call??"), naming it by its own noun."""
        return any(self.lexicon.stem_set(words) & self.event_nouns for words in within_what(question))

    def _said_about(self, question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The named speaker and the topic of "what did X say about Y" (nothing when X is no name)."""
        match = _SAID_ABOUT.search(question) or _TOLD.search(question) or _DESCRIBED.search(question)
        if not match:
            return (), ()
        # "the palace's statement" speaks for the palace: its words are the palace's own; "did Holt ever
        # say …": the adverb is no part of the speaker
        tokens = [t for t in _tokens(_UTTERANCE_OF.sub(r"\1", match.group(1))) if fold(t) not in _SPEAKER_ADVERBS]
        # "the source in Berlin": a name after a preposition says where the speaker is, not who
        tokens = list(itertools.takewhile(lambda t: fold(t) not in _WHERE_FROM, tokens))
        # names, not modifiers: "the French president" and "Merkel's spokesman" name no speaker;
        # in lowercase chat ("what did obama say"), a word the articles only write capitalised is a name
        named = [t[:1].isupper() or self._is_proper(t) for t in tokens]
        # "what did theresa may say": a surname that is a stop word, after its given name
        surname = [i > 0 and named[i - 1] and fold(t) in self.lexicon.surnames for i, t in enumerate(tokens)]
        named = [n or s for n, s in zip(named, surname, strict=True)]
        # "did pence say …": one bare word the articles never use, in the speaker's place, is a name
        # (a common noun there takes a determiner: "did the spokesman say …")
        # ("did mike pence say …": every word of it, and no determiner before them)
        if 1 <= len(tokens) <= 2 and not any(named) and not any(is_clipping(t) for t in tokens):
            stems = [self.lexicon.key_stems(t) for t in tokens]
            unknown = all(st and not any(self.knows(s) for s in st) for st in stems)
            named = [unknown] * len(tokens)
        speaker = [t for i, t in enumerate(tokens) if named[i] and (i + 1 == len(tokens) or named[i + 1])]
        names = tuple(s for i, t in enumerate(tokens) if t in speaker
                      for s in (self.expand(t) or (self._surname(tokens[i - 1], t) if surname[i] else self._spelt(t)))
                      if s not in self.frame)
        topic = tuple(s for s in self.spelt_stems(match.group(2)) if s not in self.frame and s != "not")
        return (names, topic) if names and topic else ((), ())

    def _surname(self, given: str, token: str) -> tuple[str, ...]:
        """The stems a surname that is a stop word adds to its given name ("theresa may" → may)."""
        return self.lexicon.key_stems(f"{given} {token}")[len(self.lexicon.key_stems(given)):]

    def rare_stems(self, question: str) -> set[str]:
        """Stems of the question's words that no everyday-English dictionary holds ("shinzo", "peskov"),
        read with the same tokens as `profile`."""
        return {s for token in _tokens(question) if is_rare(token) for s in self.lexicon.key_stems(token)}

    def _is_proper(self, token: str) -> bool:
        stems = self._spelt(token)
        return bool(stems) and all(st in self.proper for st in stems)

    def _spelt(self, token: str) -> tuple[str, ...]:
        """The token's key stems, or a misspelt name's ("holtt" → holt)."""
        stems = self.lexicon.key_stems(token)
        if stems and not all(self.knows(st) for st in stems):
            return tuple(self._name_fix(token)) or stems
        return stems

    def spelt_stems(self, text: str) -> tuple[str, ...]:
        """Key stems of `text` with the articles' acronyms spelt out as in `focus` ("the Russian FM":
        russia, foreign, minist)."""
        return tuple(s for t in _tokens(text) for s in (self.expand(t) or self.lexicon.key_stems(t)))

    def expand(self, token: str) -> tuple[str, ...] | None:
        """An acronym of the articles ("NATO") as the stems of its words; None if it is not one."""
        word = token.strip(".").lower()
        if (token.isupper() or word in self.chat_acronyms) and len(word) >= 2 and word in self.acronyms:
            return self.acronyms[word]
        return None

    def profile(self, question: str) -> QuestionProfile:
        focus: list[str] = []
        names: list[str] = []
        english = _is_english(question, self)
        asked = read_chat(question)  # "his take on it", "drop the tariffs", "that sat": what they ask
        tokens = _tokens(asked)
        for i, token in enumerate(tokens):
            expanded = self.expand(token)
            stems = list(expanded) if expanded else [s for s in self.lexicon.key_stems(token) if s != "not"]
            if not stems and i and fold(token) in self.lexicon.surnames:  # "anna may": a surname that is a
                # stop word, after its given name (the lexicon decides: what the pair adds to the given name)
                stems = [s for s in self._surname(tokens[i - 1], token) if s != "not"]
            content = [s for s in stems if s not in self.frame]
            if _KNOWING.fullmatch(token) and i + 1 < len(tokens) and \
                    set(self.lexicon.key_stems(tokens[i + 1])) & self.proper:  # "does he know Holt?": acquaintance
                content = stems
            if english and expanded is None and content and not all(self.knows(s) for s in content):
                if is_clipping(token):  # "TV", "EXEC": shorthand for an everyday word, never a name
                    pass
                elif _looks_like_name(asked, token, i) or (i and fold(tokens[i - 1]) in self.given_names):
                    # "sean spicer": a given name of the articles, then a surname they never write
                    content = self._name_fix(token)  # "Bregg": a misspelt name of the articles
                    if not content:
                        names.append(token)
                elif is_rare(token) and not is_clipping(token):  # lowercase names ("erdogan"), typos ("sanctons")
                    # "sayin": chat drops the g; "meetup": a verb and its particle; "spokesguy": a role noun;
                    # "counterterrorism": a prefix on a word
                    if spelt := with_g(token) or particle_compound(token) or person_compound(token) \
                            or prefixed_compound(token):
                        content = [s for s in self.lexicon.key_stems(spelt) if s not in self.frame]
                    else:
                        content = self._typo_fix(token) or self._name_fix(token)
                        if not content and len(token) >= TYPO_MIN_LENGTH and (common := common_correction(token)):
                            # "actualy" is a typo of an everyday word, not a name ("nord" has many neighbours)
                            content = [s for s in self.lexicon.key_stems(common) if s not in self.frame]
                        elif not content and (full := unvowelled(token)):  # "wld", "ppl": chat drops vowels
                            content = [s for s in self.lexicon.key_stems(full) if s not in self.frame]
                        elif not content:
                            names.append(token)
            focus.extend(s for s in content if s not in focus)
        names += [n for n in sorted(numbers(asked) - self.numbers) if len(n) < 6 and n not in names]
        if not english:  # "¿Qué dijo Kowalczyk …?": a name the articles never write, in another language
            names += foreign_names.unknown_names(question, self.name_words, self._states)
        about_sources = source_questions.about_sources(self, question, focus)
        if not about_sources:  # "what does the Oslo Post story say about X?": the outlet says where, not what
            focus = source_questions.without_title(self, question,
                                                   source_questions.without_outlet(self, question, focus))
            focus = source_questions.without_document(self, question, focus)
        # "poland and romania" names what the readers' "romania and poland" does
        aside = tuple(dict.fromkeys(s for p in stem_pairs(question, self.lexicon)
                                    if p in self.aside_pairs or p[::-1] in self.aside_pairs for s in p))
        return QuestionProfile(tuple(focus), tuple(names), self._after_event(question), about_sources, english,
                               bool(_COMMENTS.search(question)), aside, *self._said_about(question))


def related(a: str, b: str) -> bool:
    """Two stems of one word family: a long shared prefix ("ukrain"/"ukrainian"), or one is the other
    plus a derivation or demonym ending ("islam"/"islamist", "iran"/"iranian")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if not long_.startswith(short):
        return False
    if len(short) >= _MIN_SHARED_PREFIX:
        return True
    return len(short) >= _MIN_BASE and long_[len(short):] in _SUFFIXES


def in_family(word: str, words: AbstractSet[str]) -> bool:
    """`word`, or a word of its family, is among `words`."""
    return word in words or any(related(word, w) for w in words)


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Norvig's edits1)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    return deletes | swaps | replaces | {a + c + b for a, b in splits for c in letters}


def _tokens(question: str) -> list[str]:
    return [t.strip("\"'“”‘’()[],;:!?¿¡") for t in question.split() if t.strip("\"'“”‘’()[],;:!?¿¡")]


def _is_english(question: str, vocabulary: Vocabulary) -> bool:
    """Most words are English function words or words of the articles (which are in English), or,
    when they are not, a language model reads the question as English ("Explain how bitcoin mining
    works.": bot.language)."""
    folded = [w for w in words(question) if not w.isdigit()]
    # names are every language's words ("A Theresa May apoia … a Rússia?"): the rest tells the language
    capitalised = {fold(t) for i, t in enumerate(_tokens(question)) if i and t[:1].isupper() and not t.isupper()}
    worded = [w for w in folded if w not in capitalised]
    folded = worded or folded
    if not folded:
        return True
    english = sum(w in ENGLISH_HINTS or any(vocabulary.knows(s) for s in vocabulary.lexicon.key_stems(w))
                  for w in folded)
    return english / len(folded) >= 0.5 or language.looks_english(question)


def _looks_like_name(question: str, token: str, index: int) -> bool:
    """A capitalised word that is not the first of a sentence, an all-capitals word, or a hyphenated
    word with a capitalised part ("al-Qaeda")."""
    if "-" in token and any(part[:1].isupper() for part in token.split("-")[1:]):
        return True
    if not token[:1].isupper() or fold(token) in STOP_WORDS or is_negation(fold(token)):
        return False
    if token.isupper() and len(token) > 1:
        return True
    before = question[: question.find(token)].rstrip()
    return index > 0 and not before.endswith((".", "!", "?", ":"))
