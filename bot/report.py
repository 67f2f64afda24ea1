"""What the question log says: rates, most-asked questions, similar questions grouped, CSV, plain text.

Pure functions over rows the store has read (no SQL, no discord), so the console command, the CLI
and the Discord digest show the same figures. Grouping is greedy and deterministic: the same rows
always give the same groups, so a report can be compared with yesterday's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields

from bot.questions import normalise_for_cache
from bot.text import GENERAL

SIMILARITY = 0.5  # Jaccard of two questions' content words at which they count as the same question
SHOWN = 10  # lines per section in the text rendering
QUESTION_WIDTH = 120
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class LogRow:
    """One logged question as the report and the CSV see it (the user hash is never part of it)."""

    asked_at: dt.datetime
    answer_id: str
    guild_id: int | None
    channel_id: int | None
    question: str
    status: str
    engine: str
    fallback_reason: str | None
    sentences_kept: int
    sentences_dropped: int
    latency: float | None
    prompt_tokens: int
    completion_tokens: int
    brief_version: str
    up: int = 0
    down: int = 0


@dataclass(frozen=True)
class Feedback:
    """A question as it enters grouping: its text and, for a 👎, the voter's comment."""

    question: str
    comment: str | None = None


@dataclass(frozen=True)
class Group:
    """Similar questions counted together; `question` is the most common phrasing."""

    question: str
    count: int
    variants: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()


def question_words(question: str) -> frozenset[str]:
    """Content stems with general English synonyms merged (bot.text.GENERAL), so "Was Iran discussed?"
    and "Did they talk about Iran?" share every word. Not an event's own synonyms: the log spans brief
    versions, and a reload may change them."""
    return GENERAL.stem_set(question)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0  # two questions without content words ("what?") are alike
    return len(a & b) / len(a | b)


def group_similar(items: Iterable[Feedback], threshold: float = SIMILARITY) -> list[Group]:
    """Greedy leader clustering: identical questions (case and punctuation aside) are merged first;
    then, most frequent first, each joins the earliest group whose leader it resembles best, or
    leads a new one. Groups come out most frequent first, ties in order of first appearance."""
    counts: Counter[str] = Counter()
    phrasing: dict[str, str] = {}
    comments: dict[str, list[str]] = {}
    for item in items:
        key = normalise_for_cache(item.question)
        counts[key] += 1
        phrasing.setdefault(key, item.question)
        if item.comment and item.comment.strip():
            comments.setdefault(key, []).append(item.comment.strip())
    order = {key: i for i, key in enumerate(phrasing)}
    keys = sorted(counts, key=lambda k: (-counts[k], order[k]))
    leaders: list[frozenset[str]] = []
    members: list[list[str]] = []
    for key in keys:
        words = question_words(phrasing[key])
        scores = [jaccard(words, leader) for leader in leaders]
        best = max(range(len(scores)), key=lambda i: (scores[i], -i), default=None)
        if best is not None and scores[best] >= threshold:
            members[best].append(key)
        else:
            leaders.append(words)
            members.append([key])
    groups = [
        Group(question=phrasing[keys_[0]], count=sum(counts[k] for k in keys_),
              variants=tuple(phrasing[k] for k in keys_[1:]),
              comments=tuple(c for k in keys_ for c in comments.get(k, ())))
        for keys_ in members
    ]
    return sorted(groups, key=lambda g: -g.count)  # stable: equal counts keep their order


@dataclass(frozen=True)
class Report:
    """The figures of `callbot report` for the window (since, until]."""

    since: dt.datetime
    until: dt.datetime
    rows: tuple[LogRow, ...]
    top: tuple[tuple[str, int], ...]
    declined: tuple[Group, ...]
    downvoted: tuple[Group, ...]

    @property
    def asked(self) -> int:
        return len(self.rows)

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def fallbacks(self) -> int:
        return sum(row.fallback_reason is not None for row in self.rows)

    def rate(self, n: int) -> float:
        return n / self.asked if self.asked else 0.0

    @property
    def votes(self) -> tuple[int, int]:
        """(👍, 👎) on the answers of the window's questions."""
        return sum(row.up for row in self.rows), sum(row.down for row in self.rows)

    def csv(self) -> str:
        return rows_csv(self.rows)


def build_report(rows: Sequence[LogRow], downvotes: Iterable[Feedback], *, since: dt.datetime,
                 until: dt.datetime, top: int = SHOWN) -> Report:
    """Rows in time order; `downvotes` are the 👎 cast in the window."""
    asked = Counter(normalise_for_cache(row.question) for row in rows)
    declined = group_similar(Feedback(row.question) for row in rows if row.status == "refused")
    return Report(since=since, until=until, rows=tuple(rows), top=tuple(asked.most_common(top)),
                  declined=tuple(declined), downvoted=tuple(group_similar(downvotes)))


@dataclass(frozen=True)
class Digest:
    """The daily digest: declined and 👎 questions since the last one."""

    since: dt.datetime
    until: dt.datetime
    declined: tuple[Group, ...]
    downvoted: tuple[Group, ...]

    @property
    def empty(self) -> bool:
        return not self.declined and not self.downvoted


def rows_csv(rows: Iterable[LogRow]) -> str:
    """CSV with a header line. Cells that a spreadsheet would run as a formula get a leading quote
    (questions are user input)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(f.name for f in fields(LogRow))
    for row in rows:
        writer.writerow(_cell(value) for value in astuple(row))
    return out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# --- plain text ---------------------------------------------------------------------------------


def render_report(report: Report) -> str:
    days = round((report.until - report.since) / dt.timedelta(days=1))
    lines = [f"Question log, last {days} day{'s' if days != 1 else ''} ({_window(report.since, report.until)})"]
    if not report.asked:
        lines.append("No questions were logged in this period.")
        return "\n".join(lines)
    answered, declined, errors = report.count("answered"), report.count("refused"), report.count("error")
    up, down = report.votes
    lines += [
        f"asked {report.asked} · answered {_share(answered, report)} · declined {_share(declined, report)} · "
        f"errors {_share(errors, report)} · fallbacks {_share(report.fallbacks, report)}",
        f"votes 👍 {up} · 👎 {down}",
        "",
        "Most asked:",
        *(f"  {n:>3}× {_short(text)}" for text, n in report.top),
    ]
    lines += _groups("Declined, similar questions together:", report.declined)
    lines += _groups("👎, similar questions together:", report.downvoted)
    return "\n".join(lines)


def render_digest(digest: Digest) -> str:
    lines = [f"Daily digest ({_window(digest.since, digest.until)})"]
    if digest.empty:
        lines.append("No declined or 👎 questions.")
        return "\n".join(lines)
    lines += _groups("Declined:", digest.declined)
    lines += _groups("👎:", digest.downvoted)
    return "\n".join(lines)


def _groups(title: str, groups: Sequence[Group]) -> list[str]:
    if not groups:
        return []
    lines = ["", title]
    for group in groups[:SHOWN]:
        lines.append(f"  {group.count:>3}× {_short(group.question)}")
        if group.variants:
            also = "; ".join(_short(v, 60) for v in group.variants[:3])
            more = f" (+{len(group.variants) - 3} more)" if len(group.variants) > 3 else ""
            lines.append(f"       also: {also}{more}")
        lines += [f"       – {_short(c, 100)}" for c in group.comments[:3]]
    if len(groups) > SHOWN:
        lines.append(f"  … and {len(groups) - SHOWN} more groups")
    return lines


def _share(n: int, report: Report) -> str:
    return f"{n} ({report.rate(n):.0%})"


def _short(text: str, width: int = QUESTION_WIDTH) -> str:
    return textwrap.shorten(" ".join(text.split()), width, placeholder=" …") or "…"


def _window(since: dt.datetime, until: dt.datetime) -> str:
    return f"{since:%Y-%m-%d %H:%M} → {until:%Y-%m-%d %H:%M} UTC"
