"""The few error classes of the core. Edges (CLI, Discord) turn them into friendly messages."""

from __future__ import annotations


class CallbotError(Exception):
    """Base class: anything the core raises on purpose."""


class CorpusError(CallbotError):
    """The seeds folder or its manifest is unusable (missing file, bad field, empty article...)."""


class InvalidQuestion(CallbotError):
    """The user's input was rejected before any engine saw it (empty, too long...)."""


class LLMError(CallbotError):
    """The language model could not give a usable reply; the engine falls back to quoting."""


class StoreError(CallbotError):
    """The question log's database could not be opened, migrated, read or written."""
