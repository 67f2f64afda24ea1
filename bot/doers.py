"""Whether a sentence names who did what a who-question asks about.

"Who tweeted that there was an order to ease the port fees?" is not answered by "'… a draft order to
ease port fees', she tweeted": the sentence states the deed, not the doer, and its only name sits
inside the quote. Nor is "which figures said they would block it?" answered by "Powerful figures say
they will block any move … That would displease Oslo": the name is in the next sentence, about
something else.

A name answers a who-question when it stands in the same sentence as the deed, outside quotation
marks, within DOER_REACH words of a word the question uses (the deed, or the description the question
gives: "the harbour board guy" is "a researcher at the Harbour Board, Olaf Lind"). News sentences put
the doer next to the deed ("announced by ministry spokesman Olaf Lind", "Sen. Anna Holt … advised
against"); without a parser this is the nearest reading of "the sentence says who". Days and months
name no one. General English; nothing here is about one story.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from bot.dates import CALENDAR_WORDS
from bot.sentences import split_sentences
from bot.text import spelt_out
from bot.vocabulary import in_family, related

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

DOER_REACH = 6  # words between a name and the nearest word of the question (set on our question sets)

_TOKEN = re.compile(r"[“”\"]|[A-Za-z][\w’'-]*")


def names_doer(vocabulary: Vocabulary, text: str, asked: AbstractSet[str], anchors: AbstractSet[str]) -> bool:
    """`text` names someone the question does not (`asked`: the question's key stems), outside quotes,
    within DOER_REACH words of one of `anchors` (the question's words that say what was done, or by
    whom), in the same sentence; or anywhere in the claim a "that" within DOER_REACH after the name opens,
    up to "but" or the like ("Olaf Lind, in a post on Thursday that the board “has an order ready …”":
    a scraped page may lose the verb; the claim is still his)."""
    lexicon = vocabulary.lexicon
    for sentence in split_sentences(text):
        quoted = False
        near: list[int] = []  # positions of the question's words
        names: list[int] = []  # positions of names outside quotes
        claimed = False  # inside a claim a name makes ("Olaf Lind, in a post on Monday, that the board …")
        for i, token in enumerate(_TOKEN.findall(sentence)):
            if token in _QUOTE_MARKS:
                quoted = _quoted_after(token, quoted)
                continue
            word = token.lower()
            if not quoted and word == "that" and any(i - j <= DOER_REACH for j in names):
                claimed = True
            elif not quoted and word in _CLAUSE_ENDS:
                claimed = False
            if any(in_family(s, anchors) for s in lexicon.key_stems(token)):
                if claimed:
                    return True
                near.append(i)
            if not quoted and _new_name_token(vocabulary, token, asked):
                names.append(i)
        if any(abs(i - j) <= DOER_REACH for i in names for j in near):
            return True
    return False


_CLAUSE_ENDS = frozenset("but while whereas although though however".split())  # a new clause: its own claim


PARTNER_REACH = 6  # words between a talking word and "with", and between "with" and the name


def names_partner(vocabulary: Vocabulary, text: str, asked: AbstractSet[str], talking: AbstractSet[str],
                  joins: tuple[str, ...] = ("with", "to")) -> bool:
    """`text` names someone the question does not (`asked`) as the one talked with: after one of
    `talking` (stems: "speak", "conversation") and "with" or "to", outside quotes, in one sentence ("a
    telephone conversation the same day with Chancellor Anna Holt"). "Olaf Lind told reporters on a
    conference call" names who spoke, not with whom."""
    lexicon = vocabulary.lexicon
    for sentence in split_sentences(text):
        tokens = _TOKEN.findall(sentence)
        quoted = False
        talked, joined = -1, -1  # positions of the last talking word and of "with" after it
        for i, token in enumerate(tokens):
            if token in _QUOTE_MARKS:
                quoted = _quoted_after(token, quoted)
                continue
            if any(in_family(s, talking) for s in lexicon.key_stems(token)):
                talked = i
            elif token.lower() in joins and talked >= 0 and i - talked <= PARTNER_REACH:
                joined = i
            elif joined >= 0 and i - joined <= PARTNER_REACH and not quoted \
                    and _new_name_token(vocabulary, token, asked):
                return True
    return False


_QUOTE_MARKS = "“”\""


def _quoted_after(mark: str, quoted: bool) -> bool:
    """Inside a quotation after this mark: "“" opens, "”" closes, a straight quote toggles."""
    return (not quoted) if mark == '"' else mark == "“"


def _new_name_token(vocabulary: Vocabulary, token: str, asked: AbstractSet[str]) -> bool:
    """The written word is a name the question does not use (capitalised, not a modifier like
    "Oslo-backed", not a day or month)."""
    stems = vocabulary.lexicon.key_stems(token) if token[:1].isupper() and not _modifies(token) else ()
    return bool(stems) and _is_new_name(vocabulary, token, stems[0], asked)


def _modifies(token: str) -> bool:
    """"Oslo-related", "Oslo-backed", "US-led": a name made into a modifier of what follows, no doer."""
    return "-" in token and token.rsplit("-", 1)[1][:1].islower()


def _is_new_name(vocabulary: Vocabulary, token: str, stem: str, asked: AbstractSet[str]) -> bool:
    return bool(vocabulary.names_in([stem])) and not in_family(stem, asked) and token.lower() not in CALENDAR_WORDS


# "how did X react / respond?", "what was X's reaction?", "what did X think of …?": X is who reacted
_REACTOR = re.compile(
    r"\bhow\s+(?:did|does|do|has|have|had|would|will|is|are|was|were)\s+(?P<a>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+"
    r"(?:react|respond|reply|replied|take|took|view|feel|felt)\b|"
    r"\bwhat\s+(?:was|is|were|are)\s+(?P<b>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+?)(?:'s|’s|s')\s+"
    r"(?:reaction|response|reply|take|view|verdict)\b|"
    r"\bwhat\s+(?:did|does|do)\s+(?P<c>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:(?:think|make)\s+of|think\s+about)\b|"
    r"\bwhat\s+(?:did|does|do)\s+(?P<d>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+say\s+(?:about|of|on)\b",
    re.IGNORECASE)
REACTOR_REACH = 2  # words that may stand between the words of who reacted ("president of Ukraine")


def reactor(question: str) -> str:
    """Who a question asks the reaction of ("Ukraine's president" of "how did Ukraine's president
    react to the call?"); "" if it asks for none."""
    match = _REACTOR.search(question)
    if match is None or (match.group("d") and re.search(r"['’]s\b", match.group("d"))):
        return ""  # "what did the palace's statement say about …?": a document speaks, named by its owner
    return next((g for g in match.groups() if g), "")


def names_together(vocabulary: Vocabulary, text: str, stems: AbstractSet[str]) -> bool:
    """`text` names all of `stems` (a description: "ukrain", "presid") side by side, in one sentence,
    no more than REACTOR_REACH words apart: "the president of Ukraine" does, "the Russian president
    … the Ukrainian crisis" does not."""
    for sentence in split_sentences(spelt_out(text)):
        found = _positions(vocabulary, sentence, stems)
        if len(found) == len(stems) and _within(list(found.values()), REACTOR_REACH + len(stems) - 1):
            return True
    return False


def _positions(vocabulary: Vocabulary, sentence: str, stems: AbstractSet[str]) -> dict[str, list[int]]:
    """Each of `stems` the sentence states (word families meet), with the token positions it stands at."""
    found: dict[str, list[int]] = {}
    for i, token in enumerate(_TOKEN.findall(sentence)):
        for stem in vocabulary.lexicon.key_stems(token):
            for wanted in stems:
                if related(stem, wanted):
                    found.setdefault(wanted, []).append(i)
    return found


def _within(positions: list[list[int]], span: int) -> bool:
    """Some choice of one position per word lies within `span` words."""
    return any(all(any(abs(p - start) <= span for p in ps) for ps in positions) for start in positions[0])


# "which powerful figures …?", "who was the unnamed source …?", "what's the name of the official …?":
# the description a who-question gives of the person it asks for
DESCRIPTION_NOUNS = (r"(?:senators?|(?:co-?)?chair(?:man|men|woman|women|person|people)?s?|officials?|experts?|"
                     r"analysts?|spokes(?:man|men|woman|women|person|people)|aides?|advis[eo]rs?|lawmakers?|"
                     r"politicians?|diplomats?|ministers?|journalists?|reporters?|correspondents?|researchers?|"
                     r"scholars?|staffers?|sources?|critics?|figures?|insiders?)")
_DESCRIBED = re.compile(
    r"\bwhich\s+(?P<a>(?:[\w’'.-]+\s+){0,3}?" + DESCRIPTION_NOUNS + r")\b"
    r"|\bwho\s+(?:is|was|are|were)\s+(?:the|that|this|these|those)\s+(?P<b>(?:[\w’'.-]+\s+){0,3}?"
    + DESCRIPTION_NOUNS + r"(?:\s+(?:in|at|from)\s+(?:the\s+)?[\w’'.-]+)?)\b"
    r"|\bnames?\s+of\s+(?:the|that|this|these|those)\s+(?P<c>(?:[\w’'.-]+\s+){0,3}?" + DESCRIPTION_NOUNS + r")\b",
    re.IGNORECASE)
APPOSITION_REACH = 3  # words between a description and the name it gives ("a researcher at the centre, Olaf Lind")


def description(question: str) -> str:
    """The description a who-question gives of whom it asks for ("unnamed source in Oslo" of "who was
    the unnamed source in Oslo?"); "" if it gives none ("who announced it?")."""
    match = _DESCRIBED.search(question)
    return next((g for g in match.groups() if g), "") if match else ""


# "who leaked the order?": the verb right after "who" is the deed asked about
_WHO_DID = re.compile(r"\bwho\s+(?:(?:first|initially|originally|actually|really|also|later|eventually|finally|"
                      r"just|even|ever)\s+)?(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|else)\b)"
                      r"([a-z]+)\b", re.IGNORECASE)


# verbs that take their meaning from what follows ("who went on the radio", "who put the word out"):
# no deed of their own
_LIGHT_VERBS = frozenset("go goes went gone come comes came get gets got gotten make makes made take takes took "
                         "taken give gives gave given put puts keep keeps kept".split())


def deed(question: str) -> str:
    """The verb of "who <verb> …?" ("leaked" of "who leaked the order?"); "" if it has none or it is a
    light verb ("who went on the radio?": the deed is the rest)."""
    match = _WHO_DID.search(question)
    return match.group(1) if match and match.group(1).lower() not in _LIGHT_VERBS else ""


def left_unnamed(vocabulary: Vocabulary, texts: list[str], stems: AbstractSet[str], asked: AbstractSet[str]) -> bool:
    """Some of `texts` describe someone as `stems` do ("the source in Oslo", side by side) and none gives
    that someone's name beside the description ("ministry spokesman Olaf Lind", "a researcher at the
    centre, Olaf Lind", "Sen. Anna Holt (D., Ohio)"): the articles describe them and never name them."""
    described = False
    for text in texts:
        for sentence in split_sentences(spelt_out(text)):
            spans = _description_spans(vocabulary, sentence, stems)
            if not spans:
                continue
            described = True
            tokens = _TOKEN.findall(sentence)
            for first, last in spans:
                for i in range(max(0, first - APPOSITION_REACH), min(len(tokens), last + APPOSITION_REACH + 1)):
                    token = tokens[i]
                    key = vocabulary.lexicon.key_stems(token)
                    if token[:1].isupper() and key and not any(related(k, w) for k in key for w in stems) \
                            and _is_new_name(vocabulary, token, key[0], asked):
                        return False
    return described


def _description_spans(vocabulary: Vocabulary, sentence: str, stems: AbstractSet[str]) -> list[tuple[int, int]]:
    """Where the sentence states every one of `stems` within a short span (first, last token)."""
    found = _positions(vocabulary, sentence, stems)
    if len(found) < len(stems):
        return []
    span = REACTOR_REACH + len(stems) - 1
    out = []
    for start in sorted({p for ps in found.values() for p in ps}):
        picks = [min((p for p in ps if start <= p <= start + span), default=None) for ps in found.values()]
        if all(p is not None for p in picks):
            chosen = [p for p in picks if p is not None]
            out.append((min(chosen), max(chosen)))
    return out


# "the administration of Anna Holt", "the Holt government", "under Holt", "Holt world", "Holt's aides": a name
# standing for a time, an institution or the people around them, not for someone speaking
SPEAKER_REACH = 4  # words between a speaker and the verb of saying ("Holt, the port's mayor, said")
_SAYING = re.compile(r"(?:said|says|told|tells|added|noted|stressed|stated|declared|answered|replied|wrote|"
                     r"tweeted|according|insisted|warned|argued|claimed|conveyed|explained)", re.IGNORECASE)
_LABEL_NOUNS = r"(?:administrations?|era|regime|government|presidency|tenure|reign|years|term|world|camp|team|" \
               r"circle|orbit|aides|allies|associates|transition)"
_LABEL_BEFORE = re.compile(r"\b(?:" + _LABEL_NOUNS + r"\s+of|under)\s+(?:\S+\s+)?$", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"^(?:\S+\s+)?(?:['’]s\s+)?" + _LABEL_NOUNS + r"\b", re.IGNORECASE)


def speaks_in(vocabulary: Vocabulary, text: str, stems: AbstractSet[str], saying: bool = False) -> bool:
    """Some mention of the person `stems` name in `text` is of the person, not a label of their
    administration or time: "what did Holt think of it?" is not answered by "two sources of friction
    during the administration of Anna Holt, according to a wire service". With `saying`, the mention
    must also stand within SPEAKER_REACH words of a verb of saying ("Holt said", "told Holt"): a
    sentence read for who spoke of what the sentence before it says."""
    tokens = list(_TOKEN.finditer(text))
    for i, match in enumerate(tokens):
        if not any(related(s, w) for s in vocabulary.lexicon.key_stems(match.group()) for w in stems):
            continue
        before, after = text[: match.start()], text[match.end():]
        if _LABEL_BEFORE.search(before[-60:]) or _LABEL_AFTER.match(after.lstrip()[:40]):
            continue
        near = tokens[max(0, i - SPEAKER_REACH): i + SPEAKER_REACH + 1]
        if not saying or any(_SAYING.fullmatch(t.group()) for t in near):
            return True
    return False


# "what exactly did the draft order say?", "what did the statement say about …?", "what was the exact text of
# the order?": a document asked to speak
_DOCUMENT = r"(?P<head>order|bill|statement|letter|transcript|memo|readout|document)s?\b"
_DOCUMENT_ASKED = re.compile(
    r"\bwhat\s+(?:exactly\s+|precisely\s+)?(?:did|does|do)\s+(?:the|that|this|their|his|its)\s+(?:[\w’'-]+\s+){0,4}?"
    + _DOCUMENT + r"(?:\s+[\w’'-]+){0,6}?\s+(?:actually\s+)?(?:say|state|contain|include|propose|read)\b",
    re.IGNORECASE)
_DOCUMENT_WORDS_ASKED = re.compile(
    r"\b(?:exact|full|actual|complete|precise)\s+(?:text|wording|words|content|contents)\s+of\s+(?:the|that|this|their|"
    r"his|its|an?)\s+(?:[\w’'-]+\s+){0,4}?" + _DOCUMENT, re.IGNORECASE)
DOCUMENT_REACH = 8  # words between a document and the verb that gives its words ("Statements from … described")


def document_asked(question: str) -> str:
    """The kind of document whose words a question asks for ("order" of "what exactly did the draft
    order to ease the fees say?"); "" if it asks for none."""
    match = _DOCUMENT_ASKED.search(question) or _DOCUMENT_WORDS_ASKED.search(question)
    head = match.group("head").lower() if match else ""
    return "statement" if head == "readout" else head  # a readout is the statement of a call


def document_speaks(text: str, head: str) -> bool:
    """`text` gives the words of a document of the kind `head` names: "the ministry's statement noted",
    "according to the statement". A sentence saying there is one ("has an order ready", "the text of an
    order floating around") does not say what it says."""
    saying = r"(?:said|says|noted|notes|stated|states|added|adds|reads?|described|summari[sz]\w*)"
    return bool(re.search(rf"\b{head}s?\b(?:\W+[\w’'-]+){{0,{DOCUMENT_REACH - 1}}}?\W+{saying}\b", text, re.IGNORECASE)
                or re.search(rf"\baccording\s+to\s+(?:[\w’'-]+\s+){{0,3}}?{head}s?\b", text, re.IGNORECASE))
