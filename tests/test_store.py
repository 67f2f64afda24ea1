"""The question log: schema and migrations, WAL, hashed user ids, votes, forgetting, retention,
report, digest schedule across restarts, and crash safety under SIGKILL."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import hmac
import os
import signal
import sqlite3
import stat
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer import Answer, AnswerSentence, Citation, Usage
from bot.errors import StoreError
from bot.log_entries import QuestionEntry
from bot.schema import MIGRATIONS, SCHEMA_VERSION
from bot.store import DB_NAME, Store, load_salt, open_store
from tests.conftest import REPO

SALT = b"test-salt-0123456789abcdef"
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
USER = 987654321987654321  # a Discord-sized id that must never reach the disk in clear
OTHER = 123456789123456789


def entry(question: str = "Did they discuss Iran?", *, user: int = USER, status: str = "answered",
          at: dt.datetime = NOW, engine: str = "offline", **extra: object) -> QuestionEntry:
    return QuestionEntry(asked_at=at, user_id=user, question=question, status=status, engine=engine,
                         brief_version="v1", guild_id=11, channel_id=22, **extra)  # type: ignore[arg-type]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / DB_NAME


@pytest.fixture
async def store(db_path: Path):
    store = await Store.open(db_path, SALT)
    yield store
    await store.close()


def rows(path: Path, sql: str) -> list[tuple]:
    """Read through a second, plain connection (what `callbot report` or sqlite3 would see)."""
    with contextlib.closing(sqlite3.connect(path)) as con:
        return con.execute(sql).fetchall()


def file_bytes(path: Path) -> bytes:
    """The database and its WAL, as they are on disk right now."""
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


# --- schema -------------------------------------------------------------------------------------


async def test_new_database_is_wal_at_the_current_version(store: Store, db_path: Path) -> None:
    assert rows(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert await store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS) >= 2
    assert {name for (name,) in rows(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")} >= {
        "questions", "votes", "state"}


async def test_a_v1_database_is_migrated_and_keeps_its_rows(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as con:  # what the first released schema wrote
        for statement in MIGRATIONS[0]:
            con.execute(statement)
        con.execute("PRAGMA user_version = 1")
        con.execute("INSERT INTO questions (answer_id, asked_at, user_hash, question, status, engine, brief_version) "
                    "VALUES ('old1', '2026-11-25T10:00:00.000000Z', 'h', 'Was Crimea discussed?', 'refused', "
                    "'offline', 'v0')")
    con.close()
    async with await Store.open(db_path, SALT) as store:
        assert await store.schema_version() == SCHEMA_VERSION
        assert await store.vote("old1", OTHER, False, now=NOW, comment="no")
        await store.mark_digest(NOW)  # the v2 table exists
        assert await store.last_digest() == NOW
        report = await store.report(7, NOW)
    assert [r.question for r in report.rows] == ["Was Crimea discussed?"]
    assert report.rows[0].down == 1


async def test_a_newer_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer than this callbot"):
        await Store.open(db_path, SALT)


async def test_a_file_that_is_not_a_database_is_a_store_error(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not sqlite " * 100)
    with pytest.raises(StoreError, match=str(db_path)):
        await Store.open(db_path, SALT)


# --- salt and hashing ---------------------------------------------------------------------------


def test_salt_is_generated_private_and_reused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = load_salt(data, None)
    assert len(first) >= 32
    assert stat.S_IMODE((data / "salt").stat().st_mode) == 0o600
    assert load_salt(data, None) == first
    assert [p.name for p in data.iterdir()] == ["salt"]  # no temporary file left behind


def test_configured_salt_wins_and_writes_nothing(tmp_path: Path) -> None:
    from pydantic import SecretStr

    assert load_salt(tmp_path / "data", SecretStr("configured-salt-123")) == b"configured-salt-123"
    assert not (tmp_path / "data").exists()


def test_a_truncated_salt_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "salt").write_text("short")
    with pytest.raises(StoreError, match="too short"):
        load_salt(tmp_path, None)


async def test_user_ids_never_reach_the_files_in_clear(store: Store, db_path: Path) -> None:
    answer_id = await store.log_question(entry())
    await store.log_question(entry("Was Iran discussed?", user=OTHER))
    assert await store.vote(answer_id, USER, False, now=NOW, comment="wrong")
    assert await store.vote(answer_id, OTHER, True, now=NOW)
    content = file_bytes(db_path)
    assert Path(f"{db_path}-wal").exists() and b"Was Iran discussed?" in content  # we are reading the live files
    for user in (USER, OTHER):
        assert str(user).encode() not in content
        assert struct.pack(">q", user) not in content and struct.pack("<q", user) not in content
    hashes = {h for (h,) in rows(db_path, "SELECT user_hash FROM questions UNION SELECT user_hash FROM votes")}
    assert hashes == {store.user_hash(USER), store.user_hash(OTHER)}
    assert store.user_hash(USER) == hmac.new(SALT, str(USER).encode(), hashlib.sha256).hexdigest()


async def test_the_same_id_hashes_differently_under_another_salt(tmp_path: Path, store: Store) -> None:
    async with await Store.open(tmp_path / "other.db", b"another-salt-0123456789") as other:
        assert other.user_hash(USER) != store.user_hash(USER)


# --- writes -------------------------------------------------------------------------------------


async def test_answer_fields_and_quotes_are_stored(store: Store, db_path: Path) -> None:
    citation = Citation(n=1, fact_id="F3", source_file="001_x.txt", outlet="Reuters", title="Call",
                        published=dt.date(2017, 1, 29), quote="They discussed Iran.")
    answer = Answer(question="Was Iran discussed?", status="answered", text="Yes [1].", engine="llm",
                    brief_version="b42", sentences=[AnswerSentence(text="Yes.", citations=[1], fact_ids=["F3"])],
                    citations=[citation], dropped=2, fallback=True, fallback_reason="unsupported",
                    usage=Usage(prompt_tokens=2100, completion_tokens=40, calls=2))
    answer_id = await store.log_answer(answer, user_id=USER, now=NOW, guild_id=5, channel_id=6, latency=1.25)
    assert len(answer_id) >= 12 and answer_id.replace("-", "").replace("_", "").isalnum()
    [logged] = (await store.report(1, NOW)).rows
    assert (logged.answer_id, logged.guild_id, logged.channel_id, logged.status, logged.engine) == (
        answer_id, 5, 6, "answered", "llm")
    assert (logged.fallback_reason, logged.sentences_kept, logged.sentences_dropped, logged.latency) == (
        "unsupported", 1, 2, 1.25)
    assert (logged.prompt_tokens, logged.completion_tokens, logged.brief_version, logged.asked_at) == (
        2100, 40, "b42", NOW)
    quotes = await store.answer_quotes(answer_id)
    assert quotes is not None and quotes.brief_version == "b42" and quotes.citations == (citation,)
    assert await store.answer_quotes("no-such-id") is None


@pytest.mark.parametrize(("engine", "reason", "as_quotes"), [("llm", None, False), ("llm", "llm_error", True),
                                                            ("offline", None, True)])
async def test_quotes_know_whether_the_answer_was_given_as_quotes(store: Store, engine: str, reason: str | None,
                                                                  as_quotes: bool) -> None:
    answer_id = await store.log_question(entry(engine=engine, fallback_reason=reason))
    quotes = await store.answer_quotes(answer_id)
    assert quotes is not None and (quotes.engine, quotes.fallback_reason) == (engine, reason)
    assert quotes.given_as_quotes is as_quotes


async def test_quiet_threads_survive_a_restart_and_expire_with_the_log(db_path: Path) -> None:
    async with await Store.open(db_path, SALT, retention_days=90) as store:
        await store.mark_quiet(555, NOW - dt.timedelta(days=91))
        await store.mark_quiet(666, NOW)
        assert await store.is_quiet(555) and not await store.is_quiet(777)
    async with await Store.open(db_path, SALT, retention_days=90) as store:
        assert await store.is_quiet(555) and await store.is_quiet(666)
        await store.prune(NOW)
        assert not await store.is_quiet(555) and await store.is_quiet(666)


async def test_concurrent_writes_all_land(store: Store) -> None:
    ids = await asyncio.gather(*(store.log_question(entry(f"question {i}", user=i)) for i in range(40)))
    assert len(set(ids)) == 40
    assert (await store.report(1, NOW)).asked == 40


async def test_a_bad_status_is_a_store_error_and_the_store_keeps_working(store: Store) -> None:
    with pytest.raises(StoreError, match="logging a question"):
        await store.log_question(entry(status="maybe"))
    assert await store.log_question(entry())


async def test_a_cancelled_write_never_leaves_a_transaction_open(store: Store) -> None:
    """Cancel a write after 0, 1, 2 ... loop turns: whatever got committed, the next write works."""
    for turns in range(12):
        task = asyncio.create_task(store.log_question(entry(f"cancelled {turns}")))
        for _ in range(turns):
            await asyncio.sleep(0)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        assert await store.log_question(entry(f"after {turns}"))
    logged = [r.question for r in (await store.report(1, NOW)).rows]
    assert {q for q in logged if q.startswith("after")} == {f"after {i}" for i in range(12)}


async def test_vote_is_one_per_user_and_answer_and_can_change(store: Store, db_path: Path) -> None:
    answer_id = await store.log_question(entry())
    assert await store.vote(answer_id, USER, True, now=NOW)
    assert await store.vote(answer_id, USER, False, now=NOW, comment="  It missed the date.  ")
    assert rows(db_path, "SELECT vote, comment FROM votes") == [(-1, "It missed the date.")]
    assert await store.vote(answer_id, USER, True, now=NOW, comment="ignored for 👍")
    assert rows(db_path, "SELECT vote, comment FROM votes") == [(1, None)]
    assert await store.vote(answer_id, OTHER, False, now=NOW)
    assert (await store.report(1, NOW)).votes == (1, 1)
    assert not await store.vote("unknown", USER, True, now=NOW)
    assert rows(db_path, "SELECT COUNT(*) FROM votes") == [(2,)]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([USER, OTHER, 3]), st.booleans(), st.none() | st.text(max_size=8)),
                max_size=10))
def test_the_last_vote_of_each_user_is_what_stays(votes: list[tuple[int, bool, str | None]]) -> None:
    async def run(path: Path) -> None:
        async with await Store.open(path, SALT) as store:
            answer_id = await store.log_question(entry())
            for user, up, comment in votes:
                assert await store.vote(answer_id, user, up, now=NOW, comment=comment)
            expected = {}
            for user, up, comment in votes:
                note = None if up or not (comment or "").strip() else (comment or "").strip()
                expected[store.user_hash(user)] = (1 if up else -1, note)
            stored = {h: (v, c) for h, v, c in rows(path, "SELECT user_hash, vote, comment FROM votes")}
            assert stored == expected

    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(Path(folder) / DB_NAME))


async def test_forget_user_removes_exactly_the_callers_rows(store: Store, db_path: Path) -> None:
    mine = [await store.log_question(entry("My secret question about Crimea?")),
            await store.log_question(entry("My second question?"))]
    theirs = await store.log_question(entry("Their question?", user=OTHER))
    await store.vote(theirs, USER, False, now=NOW, comment="my comment")
    await store.vote(theirs, OTHER, True, now=NOW)
    await store.vote(mine[0], OTHER, False, now=NOW)  # a vote on my answer goes with it
    assert await store.forget_user(USER) == 3  # two questions and one vote
    assert rows(db_path, "SELECT answer_id, question FROM questions") == [(theirs, "Their question?")]
    assert rows(db_path, "SELECT answer_id, user_hash, vote FROM votes") == [(theirs, store.user_hash(OTHER), 1)]
    content = file_bytes(db_path)
    assert b"My secret question" not in content and b"my comment" not in content  # not even in free pages or WAL
    assert await store.forget_user(USER) == 0


async def test_prune_deletes_rows_older_than_retention(db_path: Path) -> None:
    async with await Store.open(db_path, SALT, retention_days=90) as store:
        old = await store.log_question(entry("Old question?", at=NOW - dt.timedelta(days=91)))
        await store.vote(old, OTHER, False, now=NOW - dt.timedelta(days=91))
        kept = await store.log_question(entry("Recent question?", at=NOW - dt.timedelta(days=89)))
        assert await store.prune(NOW) == 2
        assert await store.prune(NOW) == 0
        assert [r.answer_id for r in (await store.report(365, NOW)).rows] == [kept]
        assert await store.answer_quotes(old) is None and not await store.vote(old, USER, True, now=NOW)
    assert b"Old question?" not in file_bytes(db_path)


# --- report and digest --------------------------------------------------------------------------


async def test_report_groups_declined_and_downvoted_questions(store: Store) -> None:
    for i, question in enumerate(["Did they discuss Crimea?", "Was Crimea discussed?", "Did they talk about Crimea?",
                                  "What is the weather in Moscow?"]):
        await store.log_question(entry(question, status="refused", at=NOW - dt.timedelta(hours=i)))
    iran = await store.log_question(entry("Was Iran discussed?"))
    await store.vote(iran, USER, False, now=NOW, comment="too short")
    await store.vote(iran, OTHER, False, now=NOW)
    await store.log_question(entry("Too old to count?", status="refused", at=NOW - dt.timedelta(days=8)))
    report = await store.report(7, NOW)
    assert report.asked == 5 and report.count("refused") == 4
    assert [(g.count, g.question) for g in report.declined] == [(3, "Did they talk about Crimea?"),
                                                                 (1, "What is the weather in Moscow?")]
    assert [(g.count, g.question, g.comments) for g in report.downvoted] == [(2, "Was Iran discussed?", ("too short",))]
    assert report.csv().count("\n") == 6


async def test_report_needs_at_least_a_day(store: Store) -> None:
    with pytest.raises(StoreError):
        await store.report(0, NOW)


async def test_digest_is_due_once_a_day_even_across_restarts(db_path: Path) -> None:
    day = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    async with await Store.open(db_path, SALT) as store:
        assert not await store.digest_due(day.replace(hour=8, minute=59), 9)
        assert await store.digest_due(day.replace(hour=9), 9)
        await store.log_question(entry("Was Crimea discussed?", status="refused", at=day.replace(hour=8)))
        digest = await store.digest(day.replace(hour=9, minute=5))
        assert [(g.count, g.question) for g in digest.declined] == [(1, "Was Crimea discussed?")]
        await store.mark_digest(day.replace(hour=9, minute=5))
        assert not await store.digest_due(day.replace(hour=9, minute=6), 9)
    async with await Store.open(db_path, SALT) as store:  # a restart the same day
        assert not await store.digest_due(day.replace(hour=23, minute=59), 9)
        await store.log_question(entry("Did they talk about Crimea?", status="refused", at=day.replace(hour=10)))
        next_day = day + dt.timedelta(days=1)
        assert not await store.digest_due(next_day.replace(hour=8), 9)
        assert await store.digest_due(next_day.replace(hour=9, minute=30), 9)
        digest = await store.digest(next_day.replace(hour=9, minute=30))  # only what came since the last one
        assert digest.since == day.replace(hour=9, minute=5)
        assert [(g.count, g.question) for g in digest.declined] == [(1, "Did they talk about Crimea?")]
        in_tashkent = next_day.replace(hour=9, minute=30).astimezone(dt.timezone(dt.timedelta(hours=5)))
        assert await store.digest_due(in_tashkent, 9)  # the hour is UTC whatever zone `now` comes in


async def test_open_store_uses_data_dir_and_settings(settings_factory) -> None:
    settings = settings_factory(retention_days=30)
    async with await open_store(settings) as store:
        assert store.path == settings.data_dir / DB_NAME and store.retention_days == 30
    assert (settings.data_dir / "salt").exists()


@pytest.fixture
def settings_factory(seeds_dir: Path, tmp_path: Path):
    from bot.config import load_settings
    from tests.conftest import PROMPTS

    return lambda **extra: load_settings(seeds_dir=seeds_dir, prompts_dir=PROMPTS, data_dir=tmp_path / "d", **extra)


# --- crash safety -------------------------------------------------------------------------------

WRITER = """
import asyncio, datetime as dt, sys
from pathlib import Path
from bot.log_entries import QuestionEntry
from bot.store import Store

async def main():
    store = await Store.open(Path(sys.argv[1]), b"crash-test-salt-0123456789")
    start = int(sys.argv[2])
    for i in range(start, start + 100_000):
        await store.log_question(QuestionEntry(asked_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), user_id=i,
                                               question=f"question {i}", status="answered", engine="offline",
                                               brief_version="v"))
        print(i + 1, flush=True)  # i + 1 rows are committed

asyncio.run(main())
"""


def test_a_process_killed_mid_write_leaves_a_readable_database(db_path: Path) -> None:
    """Kill a writer with SIGKILL three times; each time the database checks out and holds every
    write that was acknowledged (and at most the one in flight more)."""
    db_path.parent.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    committed = 0
    for _ in range(3):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(committed)], cwd=REPO, env=env,
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        acknowledged = committed
        while acknowledged < committed + 30:
            line = writer.stdout.readline()
            assert line, "the writer died on its own"
            acknowledged = int(line)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
        assert rows(db_path, "PRAGMA integrity_check") == [("ok",)]
        questions = [q for (q,) in rows(db_path, "SELECT question FROM questions ORDER BY rowid")]
        assert len(questions) >= acknowledged
        assert questions == [f"question {i}" for i in range(len(questions))]  # whole rows only, none lost
        committed = len(questions)
    assert rows(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
