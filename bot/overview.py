"""The overview of the event: a cited summary (optionally on one topic) and a dated timeline.

Both are made of verbatim facts, so every sentence is its own citation; the LLM engine may rewrite
the summary in its own words, and then every sentence goes through the same support check as an
answer. The timeline resolves relative days against each article's publication date and shows the
phrase it resolved. "Where the sources differ" lists the brief's facts that disagree, both sides cited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.answer import Answer, Supported, compose, refusal, with_markers
from bot.brief import Brief, BriefFact
from bot.dates import resolve_dates
from bot.facts import is_headline
from bot.knowledge import Knowledge

SUMMARY_LEAD = "What the articles say about {event}:"
TOPIC_LEAD = "What the articles say about {topic}:"
TIMELINE_LEAD = "Timeline (relative days resolved against each article's publication date):"
DIFFER_LEAD = "Where the sources differ:"
TOPIC_FACTS = 4
MIN_PART_COVERAGE = 0.5
MIN_SUMMARY_FACTS = 3  # fewer found by the parts: the articles' first statements fill the summary up

# The parts of a summary of a news event, in order, each as the words that find its best fact: when
# it took place and how long it lasted, what each side stated, the topics, what was left out, what
# was expected, the reactions. An event names its own in [event] summary_parts (bot.corpus.EventInfo).
SUMMARY_PARTS = (
    "took place held began lasted hours minutes",
    "statement announced declared official",
    "spokesman spokeswoman ministry office statement",
    "topics issues agenda agreed",
    "not mentioned not raised not among topics",
    "expected plans hopes future next",
    "welcomed criticized praised reactions",
)


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    label: str
    phrase: str
    relative: bool
    fact: BriefFact
    source: str
    written: dt.date
    precision: str  # "day" or "month"


def _differ_part(knowledge: Knowledge, limit: int = 2) -> list[Supported]:
    brief = knowledge.brief
    out: list[Supported] = []
    seen: set[str] = set()
    for a_id, b_id in knowledge.disagreements[:limit]:
        a, b = brief.fact(a_id), brief.fact(b_id)
        if a is None or b is None:
            continue
        for fact in (a, b):
            if fact.id not in seen:
                seen.add(fact.id)
                out.append(Supported(fact.text, (fact.id,)))
    return out


def offline_summary(knowledge: Knowledge, topic: str | None = None) -> Answer:
    """The strongest fact of each part, in story order (topped up with the articles' first statements
    when the parts find too few); with a topic, the facts on that topic."""
    retriever, brief = knowledge.retriever, knowledge.brief
    label = f"summary: {topic}" if topic else "summary"
    if topic:
        terms = retriever.terms(topic)
        hits = [h for h in retriever.search(terms, k=TOPIC_FACTS) if h.coverage >= MIN_PART_COVERAGE]
        if not hits:
            return refusal(label, brief.version, engine="offline")
        on_topic = [Supported(h.fact.text, (h.fact.id,), round(h.coverage, 3)) for h in hits]
        return compose(label, brief, on_topic, engine="offline", lead_in=TOPIC_LEAD.format(topic=topic))
    kept: list[Supported] = []
    used: set[str] = set()
    for part in summary_parts(brief):
        terms = retriever.terms(part)
        for hit in retriever.search(terms, k=6):
            if hit.fact.id not in used and hit.coverage > 0 and not is_headline(hit.fact.text):
                used.add(hit.fact.id)
                kept.append(Supported(hit.fact.text, (hit.fact.id,), round(hit.coverage, 3)))
                break
    for fact in brief.facts:  # reading order: news states its main facts first
        if len(kept) >= MIN_SUMMARY_FACTS:
            break
        if fact.id not in used and not is_headline(fact.text):
            used.add(fact.id)
            kept.append(Supported(fact.text, (fact.id,)))
    return with_differ_part(compose(label, brief, kept, engine="offline", lead_in=summary_lead(brief)), knowledge)


def summary_parts(brief: Brief) -> tuple[str, ...]:
    """The event's own summary parts from its [event] table, else the general ones."""
    return brief.event.summary_parts if brief.event and brief.event.summary_parts else SUMMARY_PARTS


def summary_lead(brief: Brief) -> str:
    """"What the articles say about <the event's name>:"."""
    return SUMMARY_LEAD.format(event=brief.event_name)


def with_differ_part(answer: Answer, knowledge: Knowledge) -> Answer:
    """Append "Where the sources differ:" with both sides of each disagreement, cited, when there is one."""
    brief = knowledge.brief
    used = {fid for s in answer.sentences for fid in s.fact_ids}
    differ = [s for s in _differ_part(knowledge) if s.fact_ids[0] not in used]
    if not differ:
        return answer
    kept = [Supported(s.text, tuple(s.fact_ids), s.support, s.reattributed) for s in answer.sentences]
    whole = compose(answer.question, brief, kept + differ, engine=answer.engine, lead_in=answer.lead_in,
                    dropped=answer.dropped, usage=answer.usage)
    return _with_differ_heading(whole, len(kept))


def _with_differ_heading(answer: Answer, first_differ: int) -> Answer:
    """The visible text with the disagreeing facts under their own "Where the sources differ:" heading."""
    sentences = [with_markers(s.text, s.citations) for s in answer.sentences]
    text = (f"{answer.lead_in}\n{' '.join(sentences[:first_differ])}\n\n{DIFFER_LEAD}\n"
            f"{' '.join(sentences[first_differ:])}")
    return answer.model_copy(update={"text": text})


def timeline_entries(brief: Brief) -> list[TimelineEntry]:
    """Dated events from the brief's facts, in date order."""
    entries: list[TimelineEntry] = []
    for fact in brief.facts:
        source = fact.sources[0]
        written = brief.source(source).published
        dated = [d for d in resolve_dates(fact.text, written) if d.precision != "year"]
        if dated:  # one line per fact, at the first date it gives
            first = dated[0]
            entries.append(TimelineEntry(first.date, first.label(), first.phrase, first.relative, fact, source,
                                         written, first.precision))
    # stable sort: brief order within a date; "November 2016" before a day that is also the 1st
    entries.sort(key=lambda e: (e.date, e.precision == "day"))
    return entries


def resolved_dates_note(brief: Brief) -> str:
    """The timeline's dates as model input: "F12: “on Friday” = Fri 12 Jun 2020", one per line."""
    lines = ["Dates in the facts, resolved against each article's publication date:"]
    for e in timeline_entries(brief):
        lines.append(f"{e.fact.id}: “{e.phrase}” = {e.label}")
    return "\n".join(lines)


def offline_timeline(knowledge: Knowledge) -> Answer:
    """One line per dated event: the date, how it was resolved, and the fact quoted."""
    brief = knowledge.brief
    entries = timeline_entries(brief)
    if not entries:
        return refusal("timeline", brief.version, engine="offline")
    kept = [Supported(e.fact.text, (e.fact.id,)) for e in entries]
    answer = compose("timeline", brief, kept, engine="offline", lead_in=TIMELINE_LEAD)
    lines = [TIMELINE_LEAD]
    for entry, sentence in zip(entries, answer.sentences, strict=True):
        how = (f" (“{entry.phrase}” in {entry.source[:3]}, written {entry.written:%a} {entry.written.day} "
               f"{entry.written:%b %Y})" if entry.relative else "")
        markers = "".join(f"[{n}]" for n in sentence.citations)
        lines.append(f"• {entry.label}{how}: {sentence.text} {markers}")
    return answer.model_copy(update={"text": "\n".join(lines)})
