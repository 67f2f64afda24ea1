"""Who says it: the speaker, occasion and words of a sentence that reports speech, and whether the
facts it rests on put those words in that speaker's mouth. Part of the support check (bot.support):
"Holt told a news conference in May that …" must rest on a fact naming Holt, that conference and
most of what was said; a fact's words must not be handed to someone it names only as the one
reporting them."""

from __future__ import annotations

import re

from bot.brief import BriefFact
from bot.doers import DESCRIPTION_NOUNS
from bot.text import Lexicon
from bot.vocabulary import in_family
from bot.word_weights import WordWeights

# Words that talk about the answer rather than the event ("the articles report that...").
DISCOURSE = "article articles source sources report reports reported fact facts brief text"

# "X said that …", "according to X, …", "…, X told reporters", "X brought up …", "X called it …": who says it,
# and where and when
SAYING = re.compile(r"\b(?:said|says|say|told|tells|tell|stated|states|added|adds|announced|announces|wrote|writes|"
                     r"tweeted|tweets|according to|(?:brought|brings|bring) up|raised|mentioned|called|described|"
                     r"noted|notes|stressed|stresses|declared|declares|answered|replied|replies|insisted|insists|"
                     r"warned|warns|argued|argues|claimed|claims|explained|explains|confirmed|confirms|"
                     r"emphasi[sz]ed|acknowledged|admitted)\b",
                     re.IGNORECASE)
SAID_SHARE = 0.5  # weighted share of the words said that the fact naming the speaker must state itself
TRAILING_WORDS, WHO_WORDS = 4, 12  # "…, Holt told reporters." / at most this long a "who": "Holt … said"
OCCASION_WORDS = 8  # "told a news conference in May that": at most this many words between the verb and "that"
_SAID_ENDS = re.compile(r"\bthat\b|:|,\s*[\"“]")  # where the words said begin, after whom they were told
_SAID_FOLLOWS = re.compile(r"\bthat\b|[:\"“]")  # after the verb: no "…, Holt said." ending


def names(sentence: str, lexicon: Lexicon) -> set[str]:
    """Key stems of the capitalised words after the first word: who and where a claim is about."""
    tokens = sentence.split()
    discourse = lexicon.stem_set(DISCOURSE)
    out: set[str] = set()
    for token in tokens[1:]:
        word = token.strip("\"'“”‘’()[],.;:!?")
        if (word[:1].isupper() and not word.isupper()) or (len(word) > 1 and word.isupper() and word.isalpha()):
            out.update(w for w in lexicon.key_stems(word) if w not in discourse and w != "not")
    return out


def attribution(sentence: str) -> tuple[str, str] | None:
    """(who says it, what is said) of a sentence that reports speech: "Holt told a news conference in
    May that the port would open" → ("Holt told a news conference in May", "the port would open");
    "The port will open, Holt said." → ("Holt said.", "The port will open"). None when it reports none."""
    match = SAYING.search(sentence)
    if match is None:
        return None
    before, after = sentence[:match.start()], sentence[match.end():]
    cut = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
    if cut > 0 and len(after.split()) <= TRAILING_WORDS and not _SAID_FOLLOWS.search(after):  # "…, Holt said."
        who, what = before[cut + 1:] + match.group(0) + after, before[:cut]
    elif (ends := _SAID_ENDS.search(after)) is not None and len(after[:ends.start()].split()) <= OCCASION_WORDS:
        # "Holt told a news conference in May that …": to whom, where and when belong to who said it
        who, what = before + match.group(0) + after[:ends.start()], after[ends.end():]
    else:  # "Holt said the port would open": what follows the verb is what was said
        who, what = before + match.group(0), after
    return (who, what) if len(who.split()) <= WHO_WORDS else None  # "X said A, but added: B" names no one


# several speakers at once: "the presidents said", "both leaders told", "the two noted"
_SPEAKERS_TOGETHER = re.compile(r"\b(?:presidents|leaders|ministers|sides|both|the two)\b", re.IGNORECASE)
_TWO_NAMES = re.compile(r"\b[A-Z][\w’'-]+\s+(?:and|&)\s+(?:President\s+|Prime\s+Minister\s+)?[A-Z][\w’'-]+")


# verbs of saying beyond _SAYING: a sentence with one reports speech ("Holt urged the board to …")
_SPEECH_ACTS = re.compile(r"\b(?:urg|warn|insist|argu|claim|stress|not(?:e|ed|es|ing)\b|confirm|den(?:y|ied|ies)|admit|"
                          r"acknowledg|suggest|promis|report|repl|respond|answer|ask|express|quot|cit|prais|"
                          r"(?<!the )(?<!a )(?<!phone )(?<!this )call|"  # "called for", not "the call"
                          r"criticis|criticiz|describ|explain|emphasi|predict|vow|pledg|accus|conced|recall|point|hope|hoping|assess|"
                          r"wish)\w*",
                          re.IGNORECASE)
_ACCORDING_AT_END = re.compile(r",\s*according to\s+[^,.;:]{1,80}\.?\s*$", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def speaker_made_doer(sentence: str, facts: list[BriefFact], lexicon: Lexicon) -> bool:
    """The sentence reports no speech and names as a doer someone the facts name only outside a
    quotation whose words the sentence takes ("Holt doubled down on his statements …" of "“Berg doubled
    down on his statements …,” Anna Holt, reporting from Oslo, said"): the one who spoke did not do
    what they spoke of."""
    if SAYING.search(sentence) or _SPEECH_ACTS.search(sentence):
        return False
    parts = [_said_apart(f.text) for f in facts]
    quoted = " ".join(said for said, _ in parts)
    if not quoted.strip():
        return False
    inside, plain = lexicon.stem_set(quoted), lexicon.stem_set(" ".join(rest for _, rest in parts))
    said = {w for w in lexicon.key_stems(sentence) if w != "not"}
    taken = {w for w in said if in_family(w, inside) and not in_family(w, plain)}  # the quotation's own words
    speakers = {n for n in names(sentence, lexicon) if in_family(n, plain) and not in_family(n, inside)}
    return bool(speakers) and len(taken) >= 2


def _said_apart(text: str) -> tuple[str, str]:
    """(the words said, the rest) of a fact: its quotations, or else what a closing "…, Holt said on
    Monday" reports ("the call was a display of respect, Holt said"); ("", text) when neither."""
    quoted = _QUOTED.findall(text)
    if quoted:
        return " ".join(quoted), _QUOTED.sub(" ", text)
    if (according := _ACCORDING_AT_END.search(text)) is not None:  # "…, according to Holt."
        return text[:according.start()], according.group(0)
    split = attribution(text)
    if split is None or not text.rstrip(" .").endswith(split[0].rstrip(" .")):
        return "", text
    return split[1], split[0]


# "…, but Holt said on Friday that …": a speaker who takes the word after another's clause (not after a
# comma: "In an interview on Friday, Holt said …" is one clause, its occasion first)
_TURN = re.compile(r"(?:\bbut|\bwhile|\bwhereas|;)\s+(?P<who>(?:[\w’'.-]+\s+){1,4}?)" + SAYING.pattern[2:],
                   re.IGNORECASE)


def _own_words(text: str, who: set[str], lexicon: Lexicon) -> str:
    """What the fact has `who` say: where they take the word after another clause ("Berg tweeted that the
    port had closed, but Holt said on Friday that it was too early"), from there on; else the whole fact.
    The words of the clause before are someone else's: "Holt said the port had closed" misquotes it."""
    for match in _TURN.finditer(text):
        after = text[match.end():]
        if len(after.split()) <= TRAILING_WORDS and not _SAID_FOLLOWS.search(after):
            continue  # "the port will open, Holt said.": the words before are Holt's
        if who <= lexicon.stem_set(match.group("who")):
            return text[match.start("who"):]
    return text


# "asked Holt to …", "told Holt that …": the one spoken to
_ADDRESSED = re.compile(r"\b(?:ask|asked|asks|asking|told|tell|tells|telling|urged|urges|thanked|thanks|invited|"
                        r"invites|congratulated|congratulates|wished|wishes|called\s+on|calls\s+on)\s+"
                        r"(?:(?:president|prime\s+minister|chancellor|minister|mr|mrs|ms|dr)\.?\s+)?"
                        r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


def _only_addressed(who: frozenset[str], text: str, lexicon: Lexicon) -> bool:
    """A speaker the fact names only as the one spoken to ("Berg said the port would open and asked
    Holt to wish the town well"): Holt said nothing there. A fact naming them by a role alone ("the
    harbour master answered") is left to the other checks."""
    addressed = {w for m in _ADDRESSED.finditer(text) for w in lexicon.key_stems(m.group("name"))}
    named = who & addressed
    if not named:
        return False
    rest = lexicon.stem_set(_ADDRESSED.sub(" ", text))
    return not any(in_family(w, rest) for w in named)


# "… when the official said …", "…, but Holt said …": a second speaker in one sentence
_SECOND_SPEAKER = re.compile(r"(?:\bwhen|\bwhile|\bbut|\bwhereas|;)\s+(?=(?:[\w’'.-]+\s+){1,12}?"
                             + SAYING.pattern[2:] + ")", re.IGNORECASE)


def speakers_apart(sentence: str, facts: list[BriefFact], lexicon: Lexicon,
                   weights: WordWeights | None = None) -> bool:
    """`attributed_apart` for each speaker of a sentence that reports two ("Holt said A when the official
    said B"): the second one's words must be theirs too, not only the first one's."""
    parts = _SECOND_SPEAKER.split(sentence, maxsplit=1)
    if attributed_apart(parts[0], facts, lexicon, weights):
        return True
    said = SAYING.search(parts[-1]) if len(parts) > 1 else None  # the second speaker, and all they say
    return said is not None and attributed_apart(parts[-1], facts, lexicon, weights,
                                                 (parts[-1][:said.end()], parts[-1][said.end():]))


def attributed_apart(sentence: str, facts: list[BriefFact], lexicon: Lexicon,
                      weights: WordWeights | None = None, split: tuple[str, str] | None = None) -> bool:
    """The sentence reports speech, and no fact it rests on names who spoke (and to whom, where, when)
    while stating as much of what was said as any other: one fact's speaker or occasion is put on
    another's words ("Holt told a news conference in May that …" where the May conference heard
    something else), or a fact's words on a speaker it never names ("the draft order said …" of what
    politicians argue)."""
    split = split or attribution(sentence)  # `split`: (who says it, what is said), when already known
    if split is None:
        return False
    discourse = lexicon.stem_set(DISCOURSE)
    who = {w for w in lexicon.key_stems(SAYING.sub(" ", split[0])) if w not in discourse and w != "not"}
    what = {w for w in lexicon.key_stems(split[1]) if w not in discourse and w != "not"} - who
    if not who or not what:
        return False
    stated = [lexicon.stem_set(f.evidence) for f in facts]
    # "the presidents said …" puts the words in both mouths: a fact naming one speaker does not say so
    together = bool(_SPEAKERS_TOGETHER.search(split[0]))
    def says(have: frozenset[str]) -> int:
        return sum(in_family(w, have) for w in what)

    weight = weights or (lambda w: 1.0)

    def share(have: frozenset[str]) -> float:  # weighted: the rare words said must be the speaker's own
        return sum(weight(w) for w in what if in_family(w, have)) / sum(weight(w) for w in what)
    verb = SAYING.search(split[0])  # the speaker comes before the verb; "told CBS" names whom they told
    speaker = lexicon.stem_set(split[0][:verb.start()]) if verb is not None else frozenset()
    return not any(all(in_family(w, have) for w in who) and not _only_addressed(speaker, f.text, lexicon)
                   and says(have) >= max(says(o) for o in stated)
                   and (weights is None or share(have) >= SAID_SHARE)
                   # of the words said, those in the speaker's own clause ("…, but Holt said …")
                   and share(lexicon.stem_set(_own_words(f.text, who, lexicon))) >= SAID_SHARE
                   and (not together or _SPEAKERS_TOGETHER.search(f.text) or _TWO_NAMES.search(f.text))
                   for f, have in zip(facts, stated, strict=True))


# a role given beside a name: "the senator who co-chairs the caucus, Anna Holt," / "Holt, a senator from
# Ohio," / "port spokesperson Anna Holt"
_NAME = r"(?P<n>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
_APPOSITIONS = (
    re.compile(r"(?:^|[,;:]\s*)(?P<d>(?:the|a|an)\s[^,;]{0,80}?\b" + DESCRIPTION_NOUNS + r"\b[^,;]{0,60}),\s+"
               + _NAME + r"\s*[,(]", re.IGNORECASE),
    re.compile(_NAME + r",\s+(?P<d>(?:(?:the|a|an)\s|[A-Z][\w’'-]*['’]s\s)[^,;]{0,60}?\b" + DESCRIPTION_NOUNS
               + r"\b[^,;]{0,60}?)\s*[,.)]"),
    re.compile(r"(?P<d>(?:[\w’'-]+\s+){0,3}" + DESCRIPTION_NOUNS + r")\s+" + _NAME),
)
DESCRIBED_SHARE = 0.5  # of the words describing someone, the share a fact naming them must state


def described_apart(sentence: str, facts: list[BriefFact], lexicon: Lexicon) -> bool:
    """Facts pooled for a sentence that gives someone a role beside their name, where no one fact names
    them with that role: one fact's description is put on another's name ("the senator who co-chairs the
    caucus, Anna Holt," where the co-chair is Olaf Lind and Holt is another senator)."""
    if len(facts) < 2:
        return False  # one fact: its words are the sentence's, or the coverage falls
    discourse = lexicon.stem_set(DISCOURSE)
    stated = [lexicon.stem_set(f.evidence) for f in facts]
    for pattern in _APPOSITIONS:
        for match in pattern.finditer(sentence):
            name = {w for w in lexicon.key_stems(match.group("n")) if w not in discourse}
            role = {w for w in lexicon.key_stems(match.group("d")) if w not in discourse} - name
            if not name or not role:
                continue
            if not any(all(in_family(w, have) for w in name)
                       and sum(in_family(w, have) for w in role) >= DESCRIBED_SHARE * len(role) for have in stated):
                return True
    return False
