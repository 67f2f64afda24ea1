"""Answer engines: offline retrieval (no model) and any OpenAI-compatible LLM, behind one protocol.

The service holds exactly one engine; the LLM engine owns its offline fallback, so nothing outside
the engines asks which kind it has.
"""

from __future__ import annotations

from typing import Protocol

from bot.answer import Answer, EngineName, Progress
from bot.knowledge import Knowledge, Turn


class Engine(Protocol):
    """What the service needs from an engine."""

    name: EngineName

    @property
    def model(self) -> str | None:
        """The model it calls, for /status; None without one."""

    async def answer(self, question: str, history: list[Turn], knowledge: Knowledge,
                     on_progress: Progress | None = None) -> Answer:
        """The final answer; engines that can show it sooner hand checked answers-so-far to
        `on_progress` while they work (only sentences that passed the support check, ever)."""

    async def summarize(self, topic: str | None, knowledge: Knowledge) -> Answer: ...

    async def warm_up(self, knowledge: Knowledge) -> None:
        """Prepare for a new snapshot (a self-hosted server caches the prompt prefix)."""

    async def close(self) -> None: ...
