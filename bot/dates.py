"""Dates in the articles, resolved against the publication date of the article that says them.

"On Friday" in an article written on Sunday 14 June 2020 is Friday 12 June; "will talk ...
Saturday" in one written on Friday is the next day. Month-only and year-only mentions ("in
November", "in 2014") resolve to that month or year. The page scrape dates (2024) are cleaned away
before this ever runs, so they can never become event dates.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Literal

log = logging.getLogger(__name__)

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
CALENDAR_WORDS = frozenset([*WEEKDAYS, *MONTHS])  # never a name, even capitalised ("May" may be one: callers say)

FUTURE_CUES = frozenset("will planned scheduled expected due shall upcoming plans plan".split())
PAST_CUES = frozenset("told said says spoke announced reported was were had did held rang met wrote added noted "
                      "confirmed cited asked called".split())
FUTURE_AFTER_TO = frozenset("talk meet speak hold have sign visit discuss".split())
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY_MONTH = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+(\d{{4}}))?\b")
_MONTH_ONLY = re.compile(rf"\b(?i:earlier in|later in|in|of|since|until|early|late)\s+{_MONTH}"
                         rf"(?:\s+(?:of\s+)?(\d{{4}})|\s+(last year|this year))?\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(night|morning|"
                      r"evening|afternoon))?\b")
_YEAR = re.compile(r"\b(?:in|since|of)\s+(19\d\d|20\d\d)\b")

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class ResolvedDate:
    """A date a sentence mentions. `relative` says it was resolved from a phrase like "on Friday"."""

    date: dt.date
    precision: Precision
    phrase: str
    relative: bool

    def label(self) -> str:
        if self.precision == "day":
            return f"{self.date:%a} {self.date.day} {self.date:%b %Y}"
        if self.precision == "month":
            return f"{self.date:%B %Y}"
        return str(self.date.year)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _date(year: int, month: int, day: int, phrase: str) -> dt.date | None:
    """The date, or None (logged at debug) for one the calendar does not have: "In March 40
    protesters..." reads as 40 March, and a year 0 or past 9999 is no date either."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        log.debug("skipping %r: not a date", phrase)
        return None


def _year_for(month: int, published: dt.date) -> int:
    """A month without a year is the latest such month not after publication."""
    return published.year if month <= published.month else published.year - 1


def resolve_dates(text: str, published: dt.date) -> list[ResolvedDate]:
    """Every date `text` mentions, in the order they appear, resolved against `published`."""
    found: list[tuple[int, ResolvedDate]] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], date: dt.date | None, precision: Precision, relative: bool) -> None:
        if date is None or any(a < match.end() and match.start() < b for a, b in taken):
            return
        taken.append((match.start(), match.end()))
        found.append((match.start(), ResolvedDate(date, precision, match.group(0), relative)))

    for m in _DAY_MONTH.finditer(text):
        month, day = _month(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else _year_for(month, published)
        add(m, _date(year, month, day, m.group(0)), "day", False)
    for m in _MONTH_DAY.finditer(text):
        month, day = _month(m.group(2)), int(m.group(1))
        year = int(m.group(3)) if m.group(3) else _year_for(month, published)
        add(m, _date(year, month, day, m.group(0)), "day", False)
    for m in _WEEKDAY.finditer(text):
        add(m, _weekday(published, WEEKDAYS.index(m.group(1).lower()), _is_future(text, m.start(), m.end())),
            "day", True)
    for m in _MONTH_ONLY.finditer(text):
        month = _month(m.group(1))
        if m.group(2):
            year = int(m.group(2))
        elif m.group(3) == "last year":
            year = published.year - 1
        else:
            year = _year_for(month, published)
        add(m, _date(year, month, 1, m.group(0)), "month", m.group(2) is None)
    for m in _YEAR.finditer(text):
        add(m, _date(int(m.group(1)), 1, 1, m.group(0)), "year", False)
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def _is_future(text: str, start: int, end: int) -> bool:
    """Tense of the phrase a weekday belongs to: the nearest verb cue before it decides ("the
    minister told reporters ... Friday" is past even if the sentence also says someone "will talk"); with
    none before it, the first cue after it; past by default."""
    before = re.findall(r"[\w']+", text[:start].lower())
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word in FUTURE_CUES or (word in FUTURE_AFTER_TO and i > 0 and before[i - 1] == "to"):
            return True
        if word in PAST_CUES:
            return False
    for word in re.findall(r"[\w']+", text[end:].lower()):
        if word in FUTURE_CUES:
            return True
        if word in PAST_CUES:
            return False
    return False


def _weekday(published: dt.date, weekday: int, future: bool) -> dt.date | None:
    """The nearest such weekday on or before publication, or on or after it for plans (None when
    that falls off the calendar: a publication date in the first or last week of it)."""
    delta = (published.weekday() - weekday) % 7
    try:
        if future:
            return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
        return published - dt.timedelta(days=delta)
    except OverflowError:
        log.debug("skipping weekday %d: off the calendar from %s", weekday, published)
        return None


_ASKED_MONTH = re.compile(rf"\b(?:in|by|during|until|since|of|early|late|mid)[\s-]+{_MONTH}(?:\s+(\d{{4}}))?\b",
                          re.IGNORECASE)
_ASKED_YEAR = re.compile(r"\b(?:in|by|during|until|since|of)\s+(19\d\d|20\d\d)\b", re.IGNORECASE)


def asks_past(question: str, last: dt.date) -> bool:
    """The question asks about a time wholly after `last` (the newest article): "did he sign it in
    february?" of articles that end in January, "in 2019". A month without a year is the nearest
    such month up to three months after `last`, else the one before: "in february" of a January story
    is after it, "in november" and "in july" (a campaign's) before it."""
    for match in _ASKED_MONTH.finditer(question):
        month = _month(match.group(1))
        if match.group(2):
            year = int(match.group(2))
        else:
            ahead = (month - last.month) % 12  # months from `last` forward to that month
            if not 0 < ahead <= 3:
                continue  # the one before `last`
            year = last.year + (last.month + ahead - 1) // 12
        start = _date(year, month, 1, match.group(0))
        if start is not None and start > last:
            return True
    return any(int(m.group(1)) > last.year for m in _ASKED_YEAR.finditer(question))
