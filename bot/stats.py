"""Counters for /status: what the service answered, and how the support check fared."""

from __future__ import annotations

import statistics
import time
from collections import deque
from dataclasses import dataclass, field

from bot.answer import Answer, FallbackReason


@dataclass
class Stats:
    started_at: float = field(default_factory=time.time)
    answered: int = 0
    refused: int = 0
    errors: int = 0
    fallbacks: int = 0
    unsupported_fallbacks: int = 0
    cache_hits: int = 0
    llm_calls: int = 0
    sentences_kept: int = 0
    sentences_reattributed: int = 0
    sentences_dropped: int = 0
    llm_latencies: deque[float] = field(default_factory=lambda: deque(maxlen=1000))

    def record(self, answer: Answer) -> None:
        """Count one answer given to a user: its status and, unless it came from the cache (a cached
        answer made no LLM call), the work behind it."""
        self.record_status(answer)
        if not answer.cached:
            self.record_call(answer)

    def record_status(self, answer: Answer) -> None:
        """Count one answer given to a user by its status only (answered, refused, error)."""
        if answer.status == "answered":
            self.answered += 1
        elif answer.status == "refused":
            self.refused += 1
        else:
            self.errors += 1

    def record_call(self, answer: Answer) -> None:
        """Count the work that produced an answer (LLM calls and latency, fallbacks, support-check
        counts): once per computation, however many askers of an identical question share it."""
        if answer.fallback:
            self.fallbacks += 1
            if answer.fallback_reason is FallbackReason.UNSUPPORTED:
                self.unsupported_fallbacks += 1
        if answer.engine == "llm":  # sentences the model wrote that passed the support check
            self.sentences_kept += len(answer.sentences)
            self.sentences_reattributed += sum(s.reattributed for s in answer.sentences)
        self.sentences_dropped += answer.dropped  # a fallback still reports what the model lost
        if answer.usage:
            self.llm_calls += answer.usage.calls
        if answer.llm_seconds is not None:
            self.llm_latencies.append(answer.llm_seconds)

    def latency(self, q: float) -> float | None:
        """LLM latency quantile in seconds (q = 0.5 → p50), None before any LLM call."""
        if not self.llm_latencies:
            return None
        if len(self.llm_latencies) == 1:
            return self.llm_latencies[0]
        return statistics.quantiles(self.llm_latencies, n=100, method="inclusive")[round(q * 100) - 1]

    @property
    def uptime(self) -> float:
        return time.time() - self.started_at
