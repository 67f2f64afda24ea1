"""What kind of answer a question asks for, and whether a sentence holds one.

"How long did the call last?" wants a duration, "how tall / old / far …" and "what percentage / by how
much …" a measurement, "how much money / did it cost …" a sum, "what time …" a time of day ("at
exactly what time" one on the clock), "when …? / what day …?" a date (a day, a month, a year, "last
week"), "where …? / which city …?" a named place ("in Oslo", "at the Palace", "on Fox News": where
something was said is the broadcast it was said on; "where did the
article get it from?" asks for a source).
A question of such a shape is answered only when one of its best sentences holds such a thing:
sharing the question's words is not enough ("How tall is the minister?" is not answered by "The
minister will speak the same day").
"Who …?" / "which senator …?" wants someone the question does not name: bot.decision ranks the
facts that name someone new first (a name is a word the articles only write capitalised).
"Did sanctions come up?" / "was Iran discussed?" asks whether something was a topic: it is answered
by a sentence that says what was (or was not) discussed, mentioned or touched upon, and that states
the topic; a sentence that merely names sanctions does not say whether they came up. "Did the king
bring up the war?" is also answered by a sentence where the king speaks of it (`raised_by`).
"Who else was in the room?" / "was the aide on the line?" / "who interpreted?" asks who was there: it
is answered only by a sentence saying someone took part, attended, sat in or interpreted; one naming
an aide does not say the aide was there.
"What would they have to do in return?" / "on what conditions …?" asks for a condition or a price:
the sentences stating one ("if the port cooperates", "unless", "in exchange") are ranked first and
quoted by closeness in meaning. Only a preference: "if" is common ("asked if it would come up"), so
bot.decision decides such a question like any other and answers from other sentences when none does.
"What exact words did the king use …?" / "word for word" asks for a quotation: it is answered only by a
sentence quoting someone ("the king congratulated the mayor" gives no words of his).
"How many senators backed the bill?" wants a count: a number, or a list of three names or more ("with
Chancellor Lind, President Berg and Prime Minister Holt"); "several senators" gives none.
Questions of other shapes (what, why, other yes/no) have no checkable type here and pass unchanged.
Classic question answering calls this answer-type checking; it is general English, not the story's.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.phrases import upcoming_read

PLACE_NOUNS = "city country venue place location town capital"  # "which city …?" asks for a place

AnswerType = Literal["duration", "measure", "money", "count", "clock", "exact clock", "date", "place", "topic",
                     "condition", "presence", "quote"]

_AMOUNT = (r"(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
           r"thirty|forty|fifty|sixty|ninety|hundreds?|thousands?|several|few|many|half(?:\s+an?)?|"
           r"dozens?|couple(?:\s+of)?)")
_UNITS = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|years?|yrs?|decades?|"
          r"centur(?:y|ies))")

_DISCUSSED = (r"\b(?:discuss(?:ed|ing)?|talk(?:ed|ing|s)?\s+(?:about|abt|of)|"
              r"(?:bring|brought|bringing|brings)\s+(?:\w+\s+){0,4}?up|"
              r"(?:come|came|comes|coming)\s+up|mention(?:ed|ing)?|rais(?:e|ed|ing)|touch(?:ed|ing)?\s+(?:on|upon)|"
              r"(?:go|went|going)\s+over|(?:get|got)\s+into|address(?:ed|ing)?|cover(?:ed|ing)?|on\s+the\s+(?:agenda|table))\b")

# being there, as asked and as stated: "took part", "attended", "in the room", "on the line", "listened in"
_THERE = (r"\b(?:took|take|taking|takes)\s+part\b|\bparticipat\w*|\battend(?:ed|ing|s)?\b|\bin\s+the\s+room\b|"
          r"\bon\s+the\s+line\b|\blisten(?:ed|ing|s)?\s+in\b|\bpresent\s+(?:at|for|during)\b")

# "what day", "which year": asks for a date, and says nothing of what it dates
_DATE_ASKED = r"\b(?:what|which)\s+(?:day|date|year|month)\b"
_QUOTE_ASKED = (r"\b(?:exact|precise|actual)\s+(?:words?|wording|phrase)\b|\bwhat\s+words\b|\bword\s+for\s+word\b|"
                r"\bverbatim\b")
_ON_THE_CLOCK = r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d\b|\bo'?clock\b"

_ASKS: list[tuple[AnswerType, re.Pattern[str]]] = [
    # "what exact words did the king use?", "word for word": what someone said, in quotation marks
    ("quote", re.compile(_QUOTE_ASKED, re.IGNORECASE)),
    ("duration", re.compile(r"\bhow\s+long\b(?!\s+ago)|\bfor\s+how\s+(?:long|many\s+" + _UNITS + r")\b"
                            r"|\bhow\s+many\s+" + _UNITS + r"\b(?!\s+(?:ago|before|after|later|earlier))",
                            re.IGNORECASE)),
    # "how far had relations fallen?" asks how bad things got, not a distance
    ("measure", re.compile(r"\bhow\s+(?:old|tall|short|high|far(?![^?;]{0,80}\b(?:fallen|fell|sunk|sank|gone|come|came|"
                           r"dropped|slipped|declined|deteriorated|risen|rose|progressed|advanced|gotten|pushed)\b)|big|"
                           r"large|heavy|fast|wide|deep)\b|\bhow\s+many\s+"
                           r"(?:per\s*cent|percent(?:age)?)|\bwhat\s+(?:per\s*cent|percent(?:age)?|proportion)\b|"
                           r"\bby\s+how\s+much\b", re.IGNORECASE)),
    ("money", re.compile(r"\bhow\s+much\b.{0,40}\b(?:money|cost|costs|costing|spend|spent|pay|paid|worth|price|"
                         r"lose|lost)\b|\bhow\s+much\s+(?:money|cash)\b|\bhow\s+many\s+(?:(?:thousands?|millions?|"
                         r"billions?|trillions?)\s+(?:of\s+)?)?(?:dollars|euros|pounds|rubles|roubles)\b",
                         re.IGNORECASE)),
    # "how many senators backed it?": a number ("several" is not one); lengths, sums and shares are above
    ("count", re.compile(r"\bhow\s+many\b|\bwhat\s+(?:number|total)\s+of\b", re.IGNORECASE)),
    ("exact clock", re.compile(r"\b(?:exact(?:ly)?|precise(?:ly)?)\b.{0,20}\b(?:time|hour)\b|\b(?:time|hour)\b.{0,20}"
                               r"\b(?:exact(?:ly)?|precise(?:ly)?)\b", re.IGNORECASE)),
    ("clock", re.compile(r"\b(?:what|which)\s+time\b|\b(?:at\s+)?what\s+hour\b", re.IGNORECASE)),
    # "when …?", but not "When asked about Oslo, what did he say?" (a clause of another question; chat
    # leaves out the comma: "when reporters asked him about oslo what did he say")
    ("date", re.compile(r"(?:^|[,;]|\band\b|\bso\b)\W*when\b(?![^,;?]*[,;]\s*(?:what|who|whom|whose|how|why|"
                        r"which|where|did|does|do|was|were|is|are|has|have|had|can|could|would|will)\b)"
                        r"(?![^,;?]*\s(?:what|who|how|why)\s+(?:did|does|do|was|were|has|had|would|will)\b)|"
                        + _DATE_ASKED, re.IGNORECASE)),
    ("place", re.compile(r"(?:^|[,;]|\band\b|\bso\b)\W*where\b"
                         r"(?!\s+(?:did|does|do)\s+(?:\w+\s+){1,3}?(?:get|find|read|learn|hear)\b)|"
                         r"\b(?:what|which)\s+(?:" + "|".join(PLACE_NOUNS.split()) + r")\b", re.IGNORECASE)),
    # "what would they have to do in return?", "on what conditions would he …?": a condition or a price
    ("condition", re.compile(r"\bin\s+(?:return|exchange)\b|\bwhat\s+(?:would|does|did|do|will|must|should)\s+"
                             r"(?:\w+\s+){1,3}(?:have|need|got)\s+to\s+do\b|\b(?:on|under)\s+what\s+(?:conditions?|"
                             r"terms)\b|\bwhat\s+(?:conditions?|terms|strings)\b|\bwhat(?:'?s|\s+is|\s+was)\s+the\s+catch\b",
                             re.IGNORECASE)),
    # "who else was in the room?", "was the aide on the line?", "who interpreted?": who was there
    ("presence", re.compile(_THERE + r"|\b(?:sat|sitting|sit)\s+in\b|"
                            r"\binterpret(?:ed|ing|ers?|ation)?\b|\btranslat(?:ed|ing|or|ors|ion)\b|"
                            r"\b(?:who|which\s+[\w\s]{0,30}?)\s+(?:else\s+)?(?:was|were|is)\s+(?:also\s+)?(?:on|in)\s+"
                            r"(?:the|that)\s+(?:call|convo|conversation|meeting)\b", re.IGNORECASE)),
    # "did sanctions come up?", "did they talk about Iran?", "Iran - discussed or no?": was it a topic
    ("topic", re.compile(r"(?:^|[,;:])\W*(?:(?:so|wait|and|but|ok|lol|hey)\W+)*(?:was|were|is|are|did|does|do|has|have|"
                         r"had)\b[^,;:]*?"
                         + _DISCUSSED + r"|" + _DISCUSSED + r".*\bor\s+(?:not|no|nah|nope)\b", re.IGNORECASE)),
]
# a month's name, or its abbreviation next to a day's number ("may" alone is a verb, "mar" another word)
_MONTHS = (r"\b(?:january|february|march|april|june|july|august|september|october|november|december)\b|"
           r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?\s*\d|\d\s*(?:jan|feb|mar|apr|may|jun|jul|"
           r"aug|sept?|oct|nov|dec)\b")

_HOLDS: dict[AnswerType, re.Pattern[str]] = {
    "duration": re.compile(rf"\b{_AMOUNT}[\s-]+(?:more\s+than\s+)?{_UNITS}\b|\b\d+[\s-]*(?:h|hr|min)\b|"
                           r"\b(?:hour|minute|day|week|month|year)-long\b|\bover\s+(?:two\s+|the\s+)?"
                           r"(?:centuries|decades|years)\b", re.IGNORECASE),
    "measure": re.compile(r"\b\d[\d,.]*\s*(?:%|per\s*cent|percent|cm|m|km|kg|ft|feet|foot|inch(?:es)?|miles?|"
                          r"metres?|meters?|kilometres?|kilometers?|pounds?|lbs?|tons?|tonnes?|acres?|hectares?|degrees?|"
                          r"light[\s-]years?|parsecs?|years?\s+old|mph)\b|\baged\s+\d+|"
                          r"\b\d[\d,.]*\s+(?:million|billion)\s+\w+", re.IGNORECASE),
    "money": re.compile(r"[$€£¥₽]\s*\d|\b\d[\d,.]*\s*(?:bn|m|k)?\s*(?:dollars?|euros?|pounds?|rubles?|roubles?|"
                        r"yuan|yen)\b|\b(?:dollars?|euros?|rubles?|roubles?)\b|\b\d[\d,.]*\s*(?:billion|million|"
                        r"trillion)\b", re.IGNORECASE),
    "count": re.compile(r"\b\d[\d,.]*\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                        r"fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|both|"
                        r"once|twice)\b|"
                        # or a list of three or more names: "Chancellor Lind, Prime Minister Holt and …"
                        r"(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?"
                        r"(?:[a-z]+\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?"
                        r"(?:[a-z]+\s+)?[A-Z])", re.IGNORECASE),
    "exact clock": re.compile(_ON_THE_CLOCK, re.IGNORECASE),
    "date": re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|" + _MONTHS + r"|"
                       r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}/\d{1,2}\b|\b(?:today|yesterday|tomorrow|tonight|ago|"
                       r"weekend)\b|\b(?:last|next|this|that|same|previous|earlier|later)\s+(?:day|night|week|month|"
                       r"year|morning|evening|spring|summer|autumn|fall|winter)\b", re.IGNORECASE),
    "clock": re.compile(_ON_THE_CLOCK + r"|\bnoon\b|\bmidnight\b|\b(?:morning|afternoon|evening|night|dawn|dusk)\b",
                        re.IGNORECASE),
    "topic": re.compile(r"\b(?:discuss(?:ed|es|ing|ion|ions)?|talk(?:ed|ing|s)?|topics?|agenda|mention(?:ed|ing)?|"
                        r"touched\s+upon|touched\s+on|rais(?:e|ed|ing)|brought\s+up|bring\s+up|c[oa]me\s+up|"
                        r"cover(?:ed|ing)?|address(?:ed|ing)?)\b", re.IGNORECASE),
    # "took part", "attended", "in the room", "joined by", "through an interpreter": someone was there
    "presence": re.compile(_THERE + r"|\b(?:sat|sitting)\s+in\b|\binterpret(?:ed|ing|ers?)\b|"
                           r"\btranslat(?:ed|ing|or|ors)\b|\bjoined\s+by\b|\baccompan\w+|\bflanked\s+by\b|"
                           r"\balongside\b", re.IGNORECASE),
    # a quotation of a few words at least: '"… a great thing," he said'
    "quote": re.compile(r"[\"“][^\"”“]{12,}"),  # (it may close in the next sentence)
    # "if the port cooperates", "unless", "provided", "in return for": a condition or a price
    "condition": re.compile(r"\b(?:if|unless|provided|providing|as\s+long\s+as|on\s+condition|in\s+return|"
                            r"in\s+exchange|only\s+when)\b", re.IGNORECASE),
    # a named place after a preposition ("in Oslo", "at the Palace"); case matters, days and months are no places
    "place": re.compile(r"\b(?:in|at|from|near|inside|outside|on)\s+(?:the\s+)?(?!(?:January|February|March|April|May|"
                        r"June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|"
                        r"Friday|Saturday|Sunday)\b)[A-Z][a-z]+"),
}


# "was it a 5 min call?", "did they talk for two hours?": a yes/no question that states a length
_STATED_DURATION = re.compile(rf"\b{_AMOUNT}[\s-]*({_UNITS})\b", re.IGNORECASE)
_YES_NO_OPENING = re.compile(r"^\W*(?:(?:so|wait|and|but|ok|lol)\W+)*(?:was|were|is|are|did|does|do|has|have|had)\b",
                             re.IGNORECASE)


# "did he say if / whether …", "asked whether …": what came up is what someone was asked or said
_SAID_IF = re.compile(r"\b(?:say|said|says|tell|told|ask|asked|answer|answered|reply|replied)\s+(?:if|whether)\b",
                      re.IGNORECASE)


def asked_type(question: str) -> AnswerType | None:
    """The kind of answer an English question asks for, when it is one a sentence can be checked for.
    A yes/no question that states a length ("was it a five-minute call?") asks for the length: the
    sentence that answers it states the real one."""
    question = upcoming_read(question)  # "does he have an election coming up?" asks of no topic
    for kind, pattern in _ASKS:
        if pattern.search(question):
            if kind == "topic" and _SAID_IF.search(question):
                continue  # "did the spokesman say if Iran would come up?" asks what he said, not what came up
            return kind
    return "duration" if _states_length(question) else None


def guesses_length(question: str) -> bool:
    """A yes/no question that states a length rather than asking for one ("was it a quick 5 min
    thing?"): any sentence stating the length of what it names answers it."""
    return _states_length(question) and not any(pattern.search(question) for _, pattern in _ASKS)


def _states_length(question: str) -> bool:
    return bool(_YES_NO_OPENING.search(question) and _STATED_DURATION.search(question))


def stated_lengths(text: str) -> set[str]:
    """The lengths a text states ("about an hour" → {"an hour"}), lowercased."""
    return {m.group(0).lower() for m in _STATED_DURATION.finditer(text)}


# "did the king bring up …?", "did the mayor mention …?": who is asked to have raised the topic
_RAISED_BY = re.compile(r"\b(?:did|does|has|had)\s+(?P<who>(?:[\w’'.-]+\s+){0,2}?[\w’'.-]+)\s+(?:(?:ever|even|also|"
                        r"actually|really)\s+)?(?:bring|mention|raise)\w*\b", re.IGNORECASE)
_NOT_SOMEONE = frozenset("they he she it we you i them anyone anybody someone somebody the call convo "
                         "conversation".split())


def raised_by(question: str) -> str:
    """Who a topic question asks to have raised it ("the king" of "did the king bring up the war?"); "" when
    it names no one ("did they discuss …?", "did sanctions come up?")."""
    match = _RAISED_BY.search(question)
    who = match.group("who") if match else ""
    words = who.lower().split()
    return "" if not words or words[-1] in _NOT_SOMEONE or "and" in words else who  # "did X and Y" ask of the event


def without_stated_amounts(question: str) -> str:
    """The question with the amount of every stated length removed ("was it a 5 min call?" → "was it
    a min call?"): the number is the asker's guess, neither a name the articles must contain nor a
    word the answer must state."""
    return _STATED_DURATION.sub(lambda m: m.group(1), question)


_PERSON_NOUNS = (r"(?:senators?|officials?|experts?|leaders?|persons?|people|guys?|m[ae]n|wom[ae]n|analysts?|"
                 r"spokes(?:man|men|woman|women|person|people)|aides?|advis[eo]rs?|lawmakers?|politicians?|"
                 r"diplomats?|ministers?|journalists?|reporters?|commentators?|researchers?|scholars?|members?|"
                 r"staffers?|think[\s-]?tank(?:ers?)?|one)")
# "who …?" opening a clause, "which senator / what officials", or "what's the name of …": the answer
# is someone's name
_WHO = re.compile(r"(?:^|[,;]|\band\b|\bso\b)\W*who(?:'s|’s|se|m)?\b|\b(?:which|what)\s+(?!(?:did|does|do|is|are|was|"
                  r"were|has|have|had|will|would|can|could|should|the)\b)(?:[\w-]+\s+){0,2}?" + _PERSON_NOUNS + r"\b|"
                  r"\bwhat(?:'s|’s|s)?\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:the\s+|their\s+|his\s+|her\s+)?names?\b",
                  re.IGNORECASE)


# "…, the king or the queen?": the question names the people it asks to choose between
_CHOICE = re.compile(r"[,:;—–-]\s*(?:was\s+it\s+|is\s+it\s+)?(?P<offered>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,2}"
                     r"\s+or\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,2})\s*\??\s*$", re.IGNORECASE)


_WHAT_TOPICS = re.compile(r"\b(?:what|which)\b[^,;:?]*?" + _DISCUSSED, re.IGNORECASE)


# what a sentence listing the topics says: "were also discussed", "among the topics", "touched upon"
# ("will talk with X" says whom, not what)
_LISTS_TOPICS = re.compile(r"\b(?:discuss(?:ed|es|ing|ion|ions)?|topics?|agenda|mention(?:ed|ing)?|"
                           r"touched\s+(?:up)?on|rais(?:ed|ing)|brought\s+up|c[oa]me\s+up|cover(?:ed|ing)|"
                           r"address(?:ed|ing))\b", re.IGNORECASE)


def lists_topics(sentence: str) -> bool:
    return bool(_LISTS_TOPICS.search(sentence))


def asks_topics(question: str) -> bool:
    """"Which issues did they discuss?", "what middle east stuff did they go over": the answer is a
    sentence saying what was discussed, ahead of one that merely shares the question's words."""
    return bool(_WHAT_TOPICS.search(question)) and asked_type(question) is None


def offered_choice(question: str) -> str:
    """Whom a who-question offers to choose from ("the king or the queen" of "who announced it, the king
    or the queen?"); "" when it offers none."""
    match = _CHOICE.search(question) if re.search(r"\bwho(?:se|m)?\b", question, re.IGNORECASE) else None
    return match.group("offered") if match else ""


def asks_who(question: str) -> bool:
    """The question asks for a person (or body) it does not name: "who announced it?", "which senator
    warned …?". "Who announced it, the king or the queen?" offers the people to choose from."""
    return bool(_WHO.search(question)) and not _CHOICE.search(question)


# a clause ends at punctuation, or at a conjunction that opens another question ("…, and how long…");
# "the king and the queen" is one phrase
_CLAUSES = re.compile(r"[,;:?!.]|\b(?:and|but|or|while)\b(?=\s+(?:how|what|when|where|who|which|why|did|does|do|"
                      r"was|were|is|are|has|have|had|can|could|will|would)\b)", re.IGNORECASE)


def asking_clause(question: str) -> str:
    """The part of a question that asks for the typed answer: "how long did the call last" of "Was Iran
    discussed, and how long did the call last?" (the whole question when none asks)."""
    kind = asked_type(question)
    for clause in _CLAUSES.split(question):
        if kind is not None and asked_type(clause) == kind:
            return clause
    return question


_BRING_UP = re.compile(r"\b(?:bring|brought|bringing|brings)\s+((?:\w+\s+){0,4}?)up\b", re.IGNORECASE)


# "how long did it go on / last / take / did they stay on the phone?": the verb only asks for the length
_LASTED = re.compile(r"\b(?:last(?:ed|s|ing)?|(?:go|goes|went|going|drag|dragged)(?:\s+on)?|take|took|takes|run|ran|"
                     r"stay(?:ed|s|ing)?|spen[dt]|spending)\b", re.IGNORECASE)


def asked_words(kind: AnswerType, clause: str) -> str:
    """The clause without the words that only ask for its kind of answer: "how long did the call go
    on" asks about the call (the sentence that answers holds a length, whatever its verb); a topic
    question asks about its topic (`topic_words`); "what exact words did he use about the port?" about the
    port."""
    if kind == "topic":
        return topic_words(clause)
    if kind == "quote":  # "what exact words did he use about the port?" asks about the port
        return re.sub(_QUOTE_ASKED + r"|\b(?:use|used|using)\b", " ", clause, flags=re.IGNORECASE)
    if kind == "date":  # "when did they last speak before this call?": the call is when it is counted from;
        # "which day did he say it?" asks about his saying it (the answer holds a day: "on Monday")
        return re.sub(_DATE_ASKED, " ", _ORDINAL_TIME.sub(r"\1", _COUNTED_FROM.sub(" ", clause)), flags=re.IGNORECASE)
    if kind == "duration":  # "how long did the call go, like 10 min?": a guessed length asks nothing more
        # (with a number: "how many centuries …?" asks about the centuries)
        return _STATED_DURATION.sub(lambda m: " " if re.search(r"\d", m.group(0)) else m.group(0),
                                    _LASTED.sub(" ", clause))
    return clause


# "before / prior to / ahead of this call" in a "when?": the point the answer lies before, not its words
_COUNTED_FROM = re.compile(r"\b(?:before|prior\s+to|ahead\s+of|b4)\b[^,;:?]*", re.IGNORECASE)

# "the last time", "the first time": which occasion, not the word "time"
_ORDINAL_TIME = re.compile(r"\b(last|first|next|previous)\s+time\b", re.IGNORECASE)


# Verbs of discussing that take their topic after them: "did they (end up) talking about X", "did the king
# mention X"; "did X come up" and "was X discussed" name it before.
_DISCUSS_OBJECT = re.compile(r"\b(?:discuss(?:ed|ing)?|talk(?:ed|ing|s)?\s+(?:about|abt|of)|mention(?:ed|ing)?|"
                             r"rais(?:e|ed|ing)|touch(?:ed|ing)?\s+(?:on|upon)|(?:go|went|going)\s+over|"
                             r"(?:get|got)\s+into|address(?:ed|ing)?|cover(?:ed|ing)?)\s+(?=\w)", re.IGNORECASE)

_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\b", re.IGNORECASE)  # "was Iran discussed at length?"


def topic_words(question: str) -> str:
    """The question without its words for discussing ("did sanctions even come up?" → "did sanctions
    even ?"): what a topic question asks about. The sentence that answers it says "discussed" or "not
    among the topics" in its own words. After a verb that takes its topic as object, the topic is what
    follows it: "did they end up talking about the sanctions?" asks about the sanctions, not about
    ending."""
    match = _DISCUSS_OBJECT.search(question)
    if match and match.start() > 0 and not _PASSIVE.search(question[:match.start()]) \
            and not re.match(r"or\b", question[match.end():], re.IGNORECASE):
        question = question[match.end():]
    kept = _BRING_UP.sub(r" \1", question)  # "bring the sanctions up": the sanctions stay
    return re.sub(_DISCUSSED, " ", kept, flags=re.IGNORECASE)


def holds(kind: AnswerType, sentence: str) -> bool:
    """The sentence states something of that kind (a duration, a measurement, a sum, a time)."""
    return bool(_HOLDS[kind].search(sentence))



# "Besides Oslo, where did they stop?" asks about everything but Oslo
# (chat leaves out the comma: "besides oslo where did they stop" sets aside Oslo, up to the asking word)
_SET_ASIDE = re.compile(r"\b(?:besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|in\s+addition\s+to)\s+"
                        r"([^,;?]+?)\s*(?:[,;?]|$|(?=\b(?:what|which|who|whom|whose|how|when|where|why|did|does|do|"
                        r"was|were|is|are|has|have|had|can|could|will|would)\b))", re.IGNORECASE)


def set_aside(question: str) -> str:
    """What a question excludes from its answer ("Oslo" of "besides Oslo, where …?"); "" if nothing.
    Its words are not what the question asks about: ranking by them puts first the very sentences
    the asker has already heard of."""
    match = _SET_ASIDE.search(question)
    return match.group(1) if match else ""


def set_aside_words(question: str) -> str:
    """`set_aside` with the words that set it aside ("aside from Oslo"): none of them says what is asked."""
    match = _SET_ASIDE.search(question)
    return match.group(0) if match else ""
