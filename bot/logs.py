"""Logging, set up once per process by the entry point, with secrets redacted from every record."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TextIO


def redact(text: str, secrets: Iterable[str]) -> str:
    """The text with every secret (6+ characters) replaced by [redacted]."""
    for secret in sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    return text


class RedactSecrets(logging.Filter):
    """Replaces any configured secret (Discord token, API key) in a record's final message."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        values = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(s) for s in values)) if values else None

    def filter(self, record: logging.LogRecord) -> bool:
        if self._pattern is None:
            return True
        message = record.getMessage()
        if self._pattern.search(message):
            record.msg, record.args = self._pattern.sub("[redacted]", message), None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if self._pattern.search(text):
                record.msg = f"{record.msg}\n{self._pattern.sub('[redacted]', text)}"
                record.exc_info, record.exc_text = None, None
        return True


class CallbotHandler(logging.StreamHandler[TextIO]):
    """The one handler setup_logging installs; a second call replaces it instead of adding another."""

    _callbot = True  # how a caller without the class recognises it


def setup_logging(level: str = "INFO", secrets: Iterable[str] = (), stream: TextIO | None = None) -> None:
    """Configure the root logger once: one stderr handler, secrets filtered out."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, CallbotHandler):
            root.removeHandler(handler)
    handler = CallbotHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    handler.addFilter(lambda record: "voice will NOT be supported" not in record.getMessage())
    root.addHandler(handler)
    root.setLevel(level.upper())
    logging.getLogger("discord").setLevel(max(root.level, logging.INFO))
