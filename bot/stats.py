"""Counters for /status: what the service answered, and how the support check fared."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.answer import Answer, FallbackReason


def quantile(values: Iterable[float], q: float) -> float:
    """The q-quantile of the values (q = 0.5: the median, 0.95: p95), interpolated linearly between
    the two nearest ranks: statistics.quantiles' "inclusive" method, for any q; one value is every
    quantile of itself. The one quantile of /status, `callbot eval` and the bench. ValueError if empty."""
    data = sorted(values)
    if not data:
        raise ValueError("quantile of no values")
    if not 0 <= q <= 1:
        raise ValueError(f"quantile {q} is not between 0 and 1")
    position = q * (len(data) - 1)
    low = math.floor(position)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (position - low)


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
        return quantile(self.llm_latencies, q) if self.llm_latencies else None

    @property
    def uptime(self) -> float:
        return time.time() - self.started_at
