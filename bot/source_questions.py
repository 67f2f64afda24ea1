"""Questions about the articles themselves rather than the event: "which outlets reported it?", "when
was the preview written?", "which wire service were the rebuilding-ties story's files from?".

bot.vocabulary profiles every question; these functions tell it whether a question is about the
sources (answered from the manifest: bot.source_answers) and which of its words only say which
article to look in. The outlets' names and the headlines come from the manifest (seeds/sources.toml);
the words here are general English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

# Words of a question about the articles themselves.
SOURCE_WORDS = (
    "outlet outlets source sources article articles preview previews report reports reported publish published "
    "publisher written wrote writer author authors journalist newspaper newspapers media website websites site "
    "sites piece pieces story stories coverage covered repost reposted republish republished post posted "
    "write writeup date dated day based basis agency agencies wire service files credited origin original "
    "originally"
)
# these qualify a question about the articles ("what day was the preview written?") but do not make one:
# "who else did he call on the same day?" asks about the event; "what date did it run?", "where did it get
# its reporting from?" use everyday verbs for publishing
SOURCE_QUALIFIERS = "date dated day based basis get got run ran credited contributed one"
# the manifest's words around an outlet's name ("outlet not named", "with files from", "republished by")
OUTLET_FILLER = "outlet not named with files from republished by"
DOCUMENT_NOUNS = "article articles piece pieces story stories writeup report reports"  # an article, whatever its kind
# words that ask where an article came from (an outlet, an agency, a site): with one of these, a question may
# name the article by its headline's words ("which wire service were the files of the rebuilding-ties story from?")
PROVENANCE_WORDS = ("outlet outlets publish published publisher writer author authors newspaper newspapers website "
                    "websites site sites repost reposted republish republished agency agencies wire files credited "
                    "origin original originally")


def outlet_names(outlets: Iterable[str]) -> tuple[str, ...]:
    """The names in the manifest's outlet lines: "Action News (with files from Associated Press)" names
    Action News and Associated Press, "RT, republished by X" RT and X; "outlet not named" none."""
    filler = re.compile(r"^(?:with files from|republished by|outlet not named)\s*", re.IGNORECASE)
    names = (filler.sub("", part.strip()).strip() for o in outlets for part in re.split(r"[(),]", o))
    return tuple(dict.fromkeys(n for n in names if n))


def outlet_named(vocabulary: Vocabulary, question: str) -> bool:
    """The question writes an outlet's whole name ("Oslo Post", "RT"; "news" alone names none)."""
    return writes_name(question, vocabulary.outlet_names)


def writes_name(question: str, names: Iterable[str]) -> bool:
    """The question writes one of `names` whole, spaced as it likes ("oslopost", "Harbour Free Press" of
    "HarbourFreePress")."""
    return any(re.search(name_pattern(name), question, re.IGNORECASE) for name in names)


def name_pattern(name: str) -> str:
    """A regex for a name whatever its spacing: its words, and the words run together in CamelCase."""
    parts = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[^\sA-Za-z0-9]+", name)
    return r"\b" + r"\s*".join(re.escape(p) for p in parts) + r"\b"


def spelt_apart(name: str) -> str:
    """The words an outlet's name runs together, apart ("HarbourFreePress" → "Harbour Free Press")."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)


def outlet_parts(vocabulary: Vocabulary) -> frozenset[str]:
    """The stems of the words an outlet runs together ("HarbourFreePress": harbour, free, press): a
    question asking where an article came from may describe the outlet by them ("the harbour site")."""
    return frozenset(s for name in vocabulary.outlet_names for s in vocabulary.lexicon.key_stems(spelt_apart(name)))


def outlet_words(vocabulary: Vocabulary) -> frozenset[str]:
    """The outlets' own words ("oslo", "post"), not the event's nor the manifest's filler."""
    lexicon = vocabulary.lexicon
    return frozenset(vocabulary.outlet_stems - vocabulary.event_stems - vocabulary.frame
                     - lexicon.stem_set(OUTLET_FILLER))


def about_sources(vocabulary: Vocabulary, question: str, focus: list[str]) -> bool:
    """A question made of words about the articles (and the event's, the outlets', the frame's):
    "which outlets reported it?". With a word asking where an article came from, it may name the
    article by its headline ("which agency were the rebuilding-ties story's files from?"); with a
    qualifier, by its outlet alone ("is one from RT? what date did it run?"). With both a word of
    provenance and an outlet's whole name, the rest of the question only describes the article."""
    lexicon = vocabulary.lexicon
    stems, qualifiers, words = set(focus), lexicon.stem_set(SOURCE_QUALIFIERS), lexicon.stem_set(SOURCE_WORDS)
    allowed = words | vocabulary.event_stems | vocabulary.outlet_stems | vocabulary.frame | qualifiers
    # as typed: "repost" is no word of the articles, and the profile reads it as the nearest one ("report")
    if (stems | lexicon.stem_set(question)) & lexicon.stem_set(PROVENANCE_WORDS):
        allowed |= vocabulary.title_stems | outlet_parts(vocabulary)
        if outlet_named(vocabulary, question):  # "the Oslo Post story about the mayor: which agency did it use?"
            return True
    asked = stems & (words - qualifiers) or (stems & qualifiers and stems & outlet_words(vocabulary))
    return bool(asked) and not stems - allowed


def article_words(vocabulary: Vocabulary) -> frozenset[str]:
    """Key stems of DOCUMENT_NOUNS: "the Oslo Post story" is an article, not someone who reacts."""
    return vocabulary.lexicon.stem_set(DOCUMENT_NOUNS)


def without_outlet(vocabulary: Vocabulary, question: str, focus: list[str]) -> list[str]:
    """The focus without an outlet named beside a document noun ("the Oslo Post story"): it says which
    article to look in, not what the question asks of it."""
    stems = set(focus)
    outlet = stems & outlet_words(vocabulary)
    document = vocabulary.lexicon.stem_set(question) & article_words(vocabulary)
    if not outlet or not document or not stems - outlet - document:
        return focus
    return [s for s in focus if s not in outlet and s not in document]


# "how does the report describe …", "according to the piece": the document as the one telling, not a topic
_DOCUMENTS = "|".join(DOCUMENT_NOUNS.split())
_DOCUMENT_TELLS = re.compile(r"\b(?:(?:the|this|that|one|each|your)\s+(?:\w+\s+)?(?P<a>" + _DOCUMENTS + r")\s+"
                             r"(?:\w+\s+)?(?:describ|say|said|put|call|characteri[sz]|portray|explain|mention|"
                             r"tell|told|note|frame|present|contrast|claim|compar)\w*|(?:according\s+to|per|in)\s+"
                             r"(?:the|this|that|one)\s+(?:\w+\s+)?(?P<b>" + _DOCUMENTS + r"))\b",
                             re.IGNORECASE)


def without_document(vocabulary: Vocabulary, question: str, focus: list[str]) -> list[str]:
    """The focus without a document noun that tells or holds what is asked ("how does the report
    describe …?", "according to the piece, …"): it says where to look, not what is asked ("what did he
    say about the reports?" asks about reports)."""
    lexicon = vocabulary.lexicon
    told = {s for m in _DOCUMENT_TELLS.finditer(question) for s in lexicon.key_stems(m.group("a") or m.group("b"))}
    rest = [s for s in focus if s not in told]
    return rest or focus


# a quoted span, its marks at word boundaries ("the 'getting along is great' piece"; not "peskov's")
_QUOTED = re.compile(r"(?:^|(?<=\s))['‘\"“]([^'’\"”]{6,}?)['’\"”](?=\s|[,.;:!?-]|$)")
TITLE_SHARE = 0.75  # a quoted span this much made of headline words names the article


def without_title(vocabulary: Vocabulary, question: str, focus: list[str]) -> list[str]:
    """The focus without a headline quoted to say which article ("in the 'talks set for Friday' piece,
    whom does it cite?"): it says where to look, not what is asked, unless it is all the question has."""
    quoted = {s for m in _QUOTED.finditer(question) for s in vocabulary.lexicon.key_stems(m.group(1))}
    if len(quoted) < 3 or len(quoted & vocabulary.title_stems) < TITLE_SHARE * len(quoted):
        return focus
    rest = [s for s in focus if s not in quoted]
    return rest or focus
