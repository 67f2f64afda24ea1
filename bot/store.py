"""The question log and the 👍/👎 votes, in one SQLite file under DATA_DIR (no discord imports).

Why it is built this way:
- SQLite through aiosqlite: embedded (nothing to run next to the bot), and its calls run on one
  worker thread so the event loop never waits on the disk.
- WAL mode, synchronous=FULL, and every write in its own transaction: a process killed mid-write
  leaves a readable database and loses at most the write in flight; a reader (`callbot report`)
  never blocks the bot.
- User ids are stored only as HMAC-SHA256(salt, id). Without the salt the hash cannot be turned back
  into an id by trying every Discord id; with it, /forget-me can still find the caller's rows.
  secure_delete and a WAL checkpoint after deleting make forgotten and pruned text leave the files.
- The schema carries its version in PRAGMA user_version; MIGRATIONS are applied in order on open.
- Time is always passed in (`now`), so the digest schedule and retention are testable without a clock.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import fields
from pathlib import Path
from typing import Any

import aiosqlite
from pydantic import SecretStr

from bot.answer import Answer, Citation
from bot.config import Settings
from bot.errors import StoreError
from bot.log_entries import AnswerQuotes, QuestionEntry
from bot.report import Digest, Feedback, LogRow, Report, build_report, group_similar
from bot.schema import MIGRATIONS, SCHEMA_VERSION, from_text, to_text, utc

log = logging.getLogger(__name__)

DB_NAME = "callbot.db"
SALT_NAME = "salt"
MAX_STORED_CHARS = 2000  # a rejected, over-long message is logged cut to this length
QUIET_PREFIX = "quiet:"  # state keys of threads where a moderator has posted
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's write (e.g. a second process)
_ROW_COLUMNS = ", ".join(f.name for f in fields(LogRow) if f.name not in ("up", "down"))  # counted from votes


def load_salt(data_dir: Path, configured: SecretStr | None) -> bytes:
    """USER_ID_SALT when set; else the salt in DATA_DIR/salt, generated (mode 0600) on first use.
    Created under a temporary name and linked into place, so two processes starting together agree
    on one salt and a crash never leaves an empty salt file."""
    if configured is not None:
        return configured.get_secret_value().encode()
    path = data_dir / SALT_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            temporary = data_dir / f".{SALT_NAME}.{os.getpid()}.{secrets.token_hex(4)}"
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, secrets.token_hex(32).encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass  # another process was first: use its salt
            finally:
                temporary.unlink()
        salt = path.read_bytes().strip()
        if path.stat().st_mode & 0o077:
            log.warning("the salt file %s can be read by other users; chmod 600 it", path)
    except OSError as exc:
        raise StoreError(f"cannot read or create the salt file {path}: {exc.strerror or exc}") from None
    if len(salt) < 16:
        raise StoreError(f"the salt file {path} is too short; delete it to generate a new one "
                         "(hashed user ids in the log will no longer match)")
    return salt


@contextmanager
def _errors(doing: str) -> Iterator[None]:
    """sqlite3 and parsing errors leave the store as StoreError, saying what was being done."""
    try:
        yield
    except (sqlite3.Error, ValueError) as exc:
        raise StoreError(f"question log: {doing} failed: {exc}") from exc


class Store:
    """The question log; open with `await Store.open(...)` or `open_store(settings)`, then `close()`."""

    def __init__(self, db: aiosqlite.Connection, path: Path, salt: bytes, retention_days: int) -> None:
        self._db = db
        self.path = path
        self._salt = salt
        self.retention_days = retention_days
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path, salt: bytes, *, retention_days: int = 90) -> Store:
        """Open (or create) the database, switch it to WAL and migrate it to SCHEMA_VERSION."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreError(f"cannot create {path.parent}: {exc.strerror or exc}") from None
        with _errors(f"opening {path}"):
            db = await aiosqlite.connect(path, isolation_level=None)
        store = cls(db, path, salt, retention_days)
        try:
            await store._prepare()
        except BaseException:
            await db.close()
            raise
        return store

    async def close(self) -> None:
        await self._db.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _prepare(self) -> None:
        with _errors(f"opening {self.path}"):
            await self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = await self._scalar("PRAGMA journal_mode = WAL")
            if str(mode).lower() != "wal":
                raise StoreError(f"{self.path}: SQLite refused WAL mode (journal_mode is {mode})")
            for pragma in ("synchronous = FULL", "foreign_keys = ON", "secure_delete = ON"):
                await self._db.execute(f"PRAGMA {pragma}")
        await self._migrate()

    async def _migrate(self) -> None:
        """Apply the missing MIGRATIONS, each step with its version bump in one transaction."""
        while True:
            async with self._transaction("migrating the schema") as db:
                version = int(await self._scalar("PRAGMA user_version"))
                if version > SCHEMA_VERSION:
                    raise StoreError(f"{self.path} has schema version {version}, newer than this callbot "
                                     f"({SCHEMA_VERSION}); upgrade callbot")
                if version == SCHEMA_VERSION:
                    return
                for statement in MIGRATIONS[version]:
                    await db.execute(statement)
                await db.execute(f"PRAGMA user_version = {version + 1}")
            log.info("question log %s migrated to schema version %d", self.path, version + 1)

    async def schema_version(self) -> int:
        async with self._lock:
            with _errors("reading the schema version"):
                return int(await self._scalar("PRAGMA user_version"))

    # --- plumbing ------------------------------------------------------------------------------

    @asynccontextmanager
    async def _transaction(self, doing: str) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction; taking the write lock up front (IMMEDIATE) means it cannot fail
        half-way for lack of it. The asyncio lock keeps two coroutines out of one transaction."""
        async with self._lock:
            with _errors(doing):
                try:
                    await self._db.execute("BEGIN IMMEDIATE")  # in the try: a cancelled BEGIN still runs
                    yield self._db
                    await self._db.execute("COMMIT")
                except BaseException:  # a cancelled caller too: the calls queued before it still run first
                    with suppress(sqlite3.Error):  # "no transaction is active" when COMMIT got through
                        await self._db.execute("ROLLBACK")
                    raise

    async def _fetch(self, doing: str, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        async with self._lock:
            with _errors(doing):
                return list(await self._db.execute_fetchall(sql, tuple(params)))

    async def _scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        rows = list(await self._db.execute_fetchall(sql, tuple(params)))
        return rows[0][0] if rows else None

    async def _count(self, db: aiosqlite.Connection, sql: str, params: Iterable[Any]) -> int:
        rows = list(await db.execute_fetchall(sql, tuple(params)))
        return int(rows[0][0])

    async def _scrub(self) -> None:
        """After deleting: copy the WAL into the database and empty it, so deleted text (zeroed in
        the database by secure_delete) is not left behind in old WAL frames. Best effort: a reader
        in another process can keep the WAL from being emptied until the next time."""
        async with self._lock:
            with _errors("checkpointing"):
                await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def user_hash(self, user_id: int | str) -> str:
        """HMAC-SHA256 of the id under the secret salt: the only form in which a user is stored."""
        return hmac.new(self._salt, str(user_id).encode(), hashlib.sha256).hexdigest()

    # --- writes --------------------------------------------------------------------------------

    async def log_question(self, entry: QuestionEntry) -> str:
        """Store one question and its outcome; returns the new answer id (for button custom_ids)."""
        answer_id = secrets.token_urlsafe(12)
        quotes = json.dumps([c.model_dump(mode="json") for c in entry.citations], ensure_ascii=False)
        async with self._transaction("logging a question") as db:
            await db.execute(
                "INSERT INTO questions (answer_id, asked_at, guild_id, channel_id, user_hash, question, status, "
                "engine, fallback_reason, sentences_kept, sentences_dropped, latency, prompt_tokens, "
                "completion_tokens, brief_version, quotes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (answer_id, to_text(entry.asked_at), entry.guild_id, entry.channel_id, self.user_hash(entry.user_id),
                 entry.question[:MAX_STORED_CHARS], entry.status, entry.engine, entry.fallback_reason,
                 entry.sentences_kept, entry.sentences_dropped, entry.latency, entry.prompt_tokens,
                 entry.completion_tokens, entry.brief_version, quotes),
            )
        return answer_id

    async def log_answer(self, answer: Answer, *, user_id: int | str, now: dt.datetime,
                         guild_id: int | None = None, channel_id: int | None = None,
                         latency: float | None = None) -> str:
        """`log_question` for an Answer from the service."""
        return await self.log_question(QuestionEntry.from_answer(
            answer, asked_at=now, user_id=user_id, guild_id=guild_id, channel_id=channel_id, latency=latency))

    async def vote(self, answer_id: str, user_id: int | str, up: bool, *, now: dt.datetime,
                   comment: str | None = None) -> bool:
        """Record or change this user's 👍/👎 on an answer (one per user and answer; a 👍 clears the
        comment). False when the answer is not in the log (pruned, forgotten, unknown id)."""
        note = (comment or "").strip()[:MAX_STORED_CHARS] if not up else ""
        async with self._transaction("recording a vote") as db:
            cursor = await db.execute(
                "INSERT INTO votes (answer_id, user_hash, vote, comment, voted_at) "
                "SELECT answer_id, ?, ?, ?, ? FROM questions WHERE answer_id = ? "
                "ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, "
                "comment = excluded.comment, voted_at = excluded.voted_at",
                (self.user_hash(user_id), 1 if up else -1, note or None, to_text(now), answer_id),
            )
            return cursor.rowcount > 0

    async def forget_user(self, user_id: int | str) -> int:
        """/forget-me: delete the user's questions and votes; returns how many rows that was. Other
        users' votes on the forgotten answers go too (they would point at nothing)."""
        user = self.user_hash(user_id)
        async with self._transaction("forgetting a user") as db:
            votes = await self._count(db, "SELECT COUNT(*) FROM votes WHERE user_hash = ?", (user,))
            await db.execute("DELETE FROM votes WHERE user_hash = ?", (user,))
            cursor = await db.execute("DELETE FROM questions WHERE user_hash = ?", (user,))
            removed = votes + cursor.rowcount
        await self._scrub()
        return removed

    async def prune(self, now: dt.datetime) -> int:
        """Delete questions (and their votes) older than retention_days; returns the rows deleted."""
        cutoff = (to_text(now - dt.timedelta(days=self.retention_days)),)
        async with self._transaction("pruning old rows") as db:
            votes = await self._count(
                db, "SELECT COUNT(*) FROM votes WHERE answer_id IN "
                    "(SELECT answer_id FROM questions WHERE asked_at < ?)", cutoff)
            cursor = await db.execute("DELETE FROM questions WHERE asked_at < ?", cutoff)
            removed = votes + cursor.rowcount
            await db.execute("DELETE FROM state WHERE key LIKE ? AND value < ?", (f"{QUIET_PREFIX}%", *cutoff))
        if removed:
            await self._scrub()
        return removed

    async def mark_digest(self, now: dt.datetime) -> None:
        """Remember that the digest was posted at `now` (survives restarts)."""
        await self._set_state("last_digest", now, "recording the digest")

    async def mark_quiet(self, thread_id: int, now: dt.datetime) -> None:
        """A moderator posted in this thread: the bot stops answering unmentioned messages there
        (survives restarts; forgotten after retention_days, like the log)."""
        await self._set_state(f"{QUIET_PREFIX}{thread_id}", now, "recording a quiet thread")

    async def _set_state(self, key: str, now: dt.datetime, doing: str) -> None:
        async with self._transaction(doing) as db:
            await db.execute("INSERT INTO state (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, to_text(now)))

    # --- reads ---------------------------------------------------------------------------------

    async def answer_quotes(self, answer_id: str) -> AnswerQuotes | None:
        """The citations stored with an answer, for the persistent "Quotes" button; None if gone."""
        rows = await self._fetch("reading quotes", "SELECT question, brief_version, quotes, engine, fallback_reason "
                                 "FROM questions WHERE answer_id = ?", (answer_id,))
        if not rows:
            return None
        question, version, quotes, engine, reason = rows[0]
        with _errors("reading quotes"):
            citations = tuple(Citation.model_validate(c) for c in json.loads(quotes))
        return AnswerQuotes(answer_id, question, version, citations, engine, reason)

    async def report(self, days: int, now: dt.datetime) -> Report:
        """Figures for the `days` up to `now`: rates, most asked, declined and 👎 grouped, CSV."""
        if days < 1:
            raise StoreError("a report covers at least one day")
        since = now - dt.timedelta(days=days)
        window = (to_text(since), to_text(now))
        rows = await self._fetch(
            "reading the report",
            f"SELECT {_ROW_COLUMNS}, "
            "(SELECT COUNT(*) FROM votes v WHERE v.answer_id = q.answer_id AND v.vote = 1), "
            "(SELECT COUNT(*) FROM votes v WHERE v.answer_id = q.answer_id AND v.vote = -1) "
            "FROM questions q WHERE asked_at > ? AND asked_at <= ? ORDER BY asked_at, answer_id", window)
        logged = [LogRow(from_text(row[0]), *row[1:]) for row in rows]
        return build_report(logged, await self._downvotes(*window), since=since, until=now)

    async def is_quiet(self, thread_id: int) -> bool:
        rows = await self._fetch("reading thread state", "SELECT 1 FROM state WHERE key = ?",
                                 (f"{QUIET_PREFIX}{thread_id}",))
        return bool(rows)

    async def last_digest(self) -> dt.datetime | None:
        rows = await self._fetch("reading the digest state", "SELECT value FROM state WHERE key = 'last_digest'")
        return from_text(rows[0][0]) if rows else None

    async def digest_due(self, now: dt.datetime, hour: int) -> bool:
        """True once per UTC day, from `hour` o'clock on, until `mark_digest` records today's."""
        now = utc(now)
        slot = now.replace(hour=hour, minute=0, second=0, microsecond=0)
        if now < slot:
            return False
        last = await self.last_digest()
        return last is None or last < slot

    async def digest(self, now: dt.datetime, since: dt.datetime | None = None) -> Digest:
        """Declined and 👎 questions in (since, now], grouped; `since` defaults to the last digest
        (a day before `now` when none was posted yet)."""
        since = since or await self.last_digest() or now - dt.timedelta(days=1)
        window = (to_text(since), to_text(now))
        declined = await self._fetch("reading the digest", "SELECT question FROM questions WHERE status = 'refused' "
                                     "AND asked_at > ? AND asked_at <= ? ORDER BY asked_at, answer_id", window)
        return Digest(since=since, until=now, declined=tuple(group_similar(Feedback(q) for (q,) in declined)),
                      downvoted=tuple(group_similar(await self._downvotes(*window))))

    async def _downvotes(self, since: str, until: str) -> list[Feedback]:
        rows = await self._fetch(
            "reading votes",
            "SELECT q.question, v.comment FROM votes v JOIN questions q USING (answer_id) "
            "WHERE v.vote = -1 AND v.voted_at > ? AND v.voted_at <= ? ORDER BY v.voted_at, v.answer_id", (since, until))
        return [Feedback(question, comment) for question, comment in rows]


async def open_store(settings: Settings) -> Store:
    """The store the bot and `callbot report` use: DATA_DIR/callbot.db with the configured salt."""
    salt = load_salt(settings.data_dir, settings.user_id_salt)
    return await Store.open(settings.data_dir / DB_NAME, salt, retention_days=settings.retention_days)
