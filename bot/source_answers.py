"""Answers from the manifest rather than from the facts: about the sources themselves, and "after the
articles end". Both come from the manifest (sources.toml), so they are as grounded as a quote: the
dates and outlets are the curated metadata, and each line cites the article it describes."""

from __future__ import annotations

import datetime as dt

from bot.answer import Answer, AnswerSentence, Citation, EngineName, with_markers
from bot.brief import KIND_HINTS, Brief, BriefFact
from bot.corpus import SourceEntry
from bot.source_questions import OUTLET_FILLER, SOURCE_WORDS, outlet_names, spelt_apart, writes_name
from bot.vocabulary import QuestionProfile

SOURCES_LEAD = "From the list of sources:"
AFTER_TEXT = ("The articles end on {date}, so they don't report what happened after that; "
              "I can only answer from what they say.")
KIND_WORDS = {"preview": "preview previews before beforehand ahead advance", "report": "",
              "aggregate": "aggregate aggregator mixes"}  # how a question names an article's kind


def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _first_fact(brief: Brief, file: str) -> BriefFact | None:
    return next((f for f in brief.all_facts if f.sources[0] == file), None)


def _by_title(focus: set[str], entries: list[SourceEntry], brief: Brief) -> list[SourceEntry]:
    """The articles whose headline shares the most words with the question ("the rebuilding-ties story"),
    beyond the words every headline shares (the event's parties) and the words naming an article ("report")."""
    titles = [brief.lexicon.stem_set(e.title) - brief.lexicon.stem_set(SOURCE_WORDS) for e in entries]
    common = set.intersection(*map(set, titles)) if titles else set()
    shared = [len(focus & t - common) for t in titles]
    best = max(shared, default=0)
    return [e for e, n in zip(entries, shared, strict=True) if best and n == best]


def sources_answer(question: str, brief: Brief, profile: QuestionProfile, *, engine: EngineName) -> Answer:
    """Which articles there are, who wrote them and when: narrowed to a kind ("the preview") or an
    outlet when the question names one, and then with the manifest's note on each (how its date and
    outlet are known: "dated (Harbour Post, 3/5/2020) in its dateline")."""
    focus, lexicon = set(profile.focus), brief.lexicon
    entries = list(brief.sources)
    by_kind = [e for e in entries if focus & lexicon.stem_set(KIND_WORDS[e.kind])]
    # an outlet's whole name first ("the Harbour Free Press repost"), then any of its words
    named = [e for e in entries if writes_name(question, outlet_names([e.outlet]))]
    filler = lexicon.stem_set(OUTLET_FILLER)  # "the syrian site": a word its run-together name holds
    by_outlet = [e for e in entries if focus & lexicon.stem_set(spelt_apart(e.outlet)) - filler]
    chosen = by_kind or named or by_outlet or _by_title(focus, entries, brief) or entries
    sentences: list[AnswerSentence] = []
    citations: list[Citation] = []
    for entry in chosen:
        fact = _first_fact(brief, entry.file)
        if fact is None:
            continue
        n = len(citations) + 1
        citations.append(Citation(n=n, fact_id=fact.id, source_file=entry.file, outlet=entry.outlet,
                                  title=entry.title, published=entry.published, quote=fact.quote(entry.file)))
        text = (f"“{entry.title}” ({entry.outlet}) was written on {long_date(entry.published)}: "
                f"{KIND_HINTS[entry.kind]}.")
        if entry.note and len(chosen) < len(entries):  # one article asked about: how its date and outlet are known
            text += f" The list notes: {entry.note}."
        sentences.append(AnswerSentence(text=text, citations=[n], fact_ids=[fact.id]))
    body = "\n".join(with_markers(s.text, s.citations) for s in sentences)
    return Answer(question=question, status="answered", text=f"{SOURCES_LEAD}\n{body}", lead_in=SOURCES_LEAD,
                  sentences=sentences, citations=citations, engine=engine,
                  brief_version=brief.version)


def after_articles(question: str, brief: Brief, *, engine: EngineName) -> Answer:
    """A question about what happened after the articles were written: say where they end."""
    latest = brief.ends
    if latest is None:
        raise ValueError("a brief without sources ends nowhere")
    text = AFTER_TEXT.format(date=long_date(latest))
    return Answer(question=question, status="refused", text=text, engine=engine, brief_version=brief.version)
