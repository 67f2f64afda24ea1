"""The question log's schema and how it stores time.

The schema's version lives in PRAGMA user_version; `bot.store` applies the missing MIGRATIONS in
order when it opens a database, so a file written by an older callbot is upgraded in place. Times
are fixed-width UTC text: readable in the sqlite3 shell, and ordered as strings as they are in time.
"""

from __future__ import annotations

import datetime as dt

# Each entry upgrades the schema by one version (index 0: empty → v1). Never edit a released step;
# append a new one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # v1: the question log and the votes on its answers
        """CREATE TABLE questions (
            answer_id TEXT PRIMARY KEY,
            asked_at TEXT NOT NULL,
            guild_id INTEGER,
            channel_id INTEGER,
            user_hash TEXT NOT NULL,
            question TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('answered', 'refused', 'error')),
            engine TEXT NOT NULL,
            fallback_reason TEXT,
            sentences_kept INTEGER NOT NULL DEFAULT 0,
            sentences_dropped INTEGER NOT NULL DEFAULT 0,
            latency REAL,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            brief_version TEXT NOT NULL,
            quotes TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX questions_asked_at ON questions (asked_at)",
        "CREATE INDEX questions_user ON questions (user_hash)",
        """CREATE TABLE votes (
            answer_id TEXT NOT NULL REFERENCES questions (answer_id) ON DELETE CASCADE,
            user_hash TEXT NOT NULL,
            vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
            comment TEXT,
            voted_at TEXT NOT NULL,
            PRIMARY KEY (answer_id, user_hash)
        )""",
    ),
    (  # v2: small state that must survive a restart (when the last digest was posted)
        "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE INDEX votes_user ON votes (user_hash)",
        "CREATE INDEX votes_voted_at ON votes (voted_at)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def utc(moment: dt.datetime) -> dt.datetime:
    """The same moment in UTC; a naive time is taken to be UTC already."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def to_text(moment: dt.datetime) -> str:
    """Fixed-width UTC text, so that comparing strings compares times."""
    return utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_text(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
