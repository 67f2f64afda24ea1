"""Grouping similar questions, the report's figures, its CSV and its plain-text rendering."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.questions import normalise_for_cache
from bot.report import (
    Digest,
    Feedback,
    Group,
    LogRow,
    build_report,
    group_similar,
    jaccard,
    question_words,
    render_digest,
    render_report,
    rows_csv,
)

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def row(question: str, status: str = "answered", *, minutes: int = 0, **extra: object) -> LogRow:
    values: dict[str, object] = dict(
        asked_at=NOW - dt.timedelta(minutes=minutes), answer_id=f"id{minutes}", guild_id=1, channel_id=2,
        question=question, status=status, engine="offline", fallback_reason=None, sentences_kept=1,
        sentences_dropped=0, latency=0.5, prompt_tokens=0, completion_tokens=0, brief_version="v1",
    )
    values.update(extra)
    return LogRow(**values)  # type: ignore[arg-type]


def feedback(*questions: str) -> list[Feedback]:
    return [Feedback(q) for q in questions]


def test_similar_questions_are_grouped_with_counts() -> None:
    groups = group_similar(feedback(
        "Did they discuss Crimea?", "Was Crimea discussed?", "did they discuss crimea",
        "Did Trump and Putin talk about the weather?", "What was the weather like during the call?",
        "Did they discuss Crimea", "Who is the Pope?",
    ))
    assert [(g.question, g.count) for g in groups] == [
        ("Did they discuss Crimea?", 4),
        ("Did Trump and Putin talk about the weather?", 1),
        ("What was the weather like during the call?", 1),
        ("Who is the Pope?", 1),
    ]
    assert groups[0].variants == ("Was Crimea discussed?",)


def test_synonyms_and_word_forms_meet() -> None:
    assert jaccard(question_words("Was Iran discussed?"), question_words("Did they talk about Iran?")) == 1.0
    assert jaccard(question_words("Iran?"), question_words("Syria?")) == 0.0
    assert jaccard(question_words("???"), question_words("what?")) == 1.0  # no content words at all


def test_downvote_comments_travel_with_their_group() -> None:
    groups = group_similar([Feedback("Was Iran discussed?", "it missed the nuclear deal"),
                            Feedback("Did they talk about Iran?", "  "), Feedback("Was Iran discussed?")])
    assert groups == [Group("Was Iran discussed?", 3, ("Did they talk about Iran?",), ("it missed the nuclear deal",))]


questions = st.lists(st.sampled_from([
    "Did they discuss Iran?", "Was Iran discussed?", "was iran discussed", "How long was the call?",
    "How long did the call last?", "Who called whom?", "Did they talk about sanctions?", "Sanctions?",
    "What about the weather?", "Did they meet?", "!!!",
]) | st.text(max_size=40), max_size=40)


@settings(max_examples=200, deadline=None)
@given(questions)
def test_grouping_counts_every_question_once_and_is_deterministic(items: list[str]) -> None:
    groups = group_similar(feedback(*items))
    assert sum(g.count for g in groups) == len(items)
    assert [g.count for g in groups] == sorted((g.count for g in groups), reverse=True)
    shown = [g.question for g in groups] + [v for g in groups for v in g.variants]
    assert len(shown) == len(set(shown))  # each phrasing in one group
    assert group_similar(feedback(*items)) == groups


@settings(max_examples=100, deadline=None)
@given(questions)
def test_above_threshold_one_only_identical_questions_share_a_group(items: list[str]) -> None:
    groups = group_similar(feedback(*items), threshold=1.01)
    assert len(groups) == len({normalise_for_cache(q) for q in items})


def test_report_figures() -> None:
    rows = [row("Did they discuss Iran?", minutes=5, up=2), row("did they discuss iran", minutes=4, down=1),
            row("Was Crimea discussed?", "refused", minutes=3),
            row("Did they talk about Crimea?", "refused", minutes=2),
            row("How long was the call?", minutes=1, fallback_reason="llm_error"),
            row("x" * 40, "error", minutes=0)]
    report = build_report(rows, feedback("did they discuss iran"), since=NOW - dt.timedelta(days=7), until=NOW)
    assert report.asked == 6
    assert (report.count("answered"), report.count("refused"), report.count("error"), report.fallbacks) == (3, 2, 1, 1)
    assert report.rate(report.count("refused")) == 2 / 6
    assert report.votes == (2, 1)
    assert report.top[0] == ("did they discuss iran", 2)
    assert [(g.question, g.count) for g in report.declined] == [("Was Crimea discussed?", 2)]
    assert [(g.question, g.count) for g in report.downvoted] == [("did they discuss iran", 1)]
    text = render_report(report)
    assert "last 7 days" in text and "asked 6 · answered 3 (50%) · declined 2 (33%)" in text
    assert "2× Was Crimea discussed?" in text and "also: Did they talk about Crimea?" in text


def test_empty_report_and_digest_say_so() -> None:
    report = build_report([], [], since=NOW - dt.timedelta(days=1), until=NOW)
    assert report.rate(0) == 0.0
    assert "No questions were logged" in render_report(report)
    assert "last 1 day " in render_report(report)
    digest = Digest(since=NOW - dt.timedelta(days=1), until=NOW, declined=(), downvoted=())
    assert digest.empty and "No declined or 👎 questions" in render_digest(digest)


def test_csv_has_a_header_every_row_and_defuses_formulas() -> None:
    rows = [row('=HYPERLINK("http://evil")', minutes=1), row("Comma, \"quotes\"\nand a newline", minutes=0)]
    parsed = list(csv.reader(io.StringIO(rows_csv(rows))))
    assert parsed[0][:5] == ["asked_at", "answer_id", "guild_id", "channel_id", "question"]
    assert "user" not in ",".join(parsed[0])  # not even the hash leaves the database
    assert [r[4] for r in parsed[1:]] == ["'=HYPERLINK(\"http://evil\")", "Comma, \"quotes\"\nand a newline"]
    assert parsed[1][0] == "2026-11-25T11:59:00+00:00"
