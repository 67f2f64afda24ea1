"""`callbot report`: reads the question log under DATA_DIR and prints the report or its CSV."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

import bot.cli.commands
from bot.__main__ import main
from bot.config import load_settings
from bot.log_entries import QuestionEntry
from bot.store import open_store

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def logged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three questions in the default DATA_DIR (./data under the test's working directory)."""
    monkeypatch.setattr(bot.cli.commands, "utc_now", lambda: NOW)

    async def fill() -> None:
        async with await open_store(load_settings()) as store:
            for hours, question, status in [(1, "Was Crimea discussed?", "refused"),
                                            (2, "Did they talk about Crimea?", "refused"),
                                            (24 * 10, "How long was the call?", "answered")]:
                await store.log_question(QuestionEntry(asked_at=NOW - dt.timedelta(hours=hours), user_id=42,
                                                       question=question, status=status, engine="offline",
                                                       brief_version="v1"))

    asyncio.run(fill())


def test_report_prints_rates_and_groups(logged: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "last 7 days" in out and "asked 2 · answered 0 (0%) · declined 2 (100%)" in out
    assert "2× Did they talk about Crimea?" in out
    assert main(["report", "--days", "30"]) == 0
    assert "asked 3" in capsys.readouterr().out


def test_report_csv(logged: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--days", "30", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("asked_at,answer_id,") and len(lines) == 4


def test_report_rejects_zero_days(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--days", "0"])
    assert "must be at least 1" in capsys.readouterr().err
