"""Where a question was answered lately, per channel: the same question again gets a link to it.

In memory and bounded (per channel and in channels); an entry expires after REPEAT_WINDOW_SECONDS
and does not match once the brief has changed (a /reload may change the answer).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class _Answered:
    at: float
    version: str
    url: str


class RecentAnswers:
    def __init__(self, window: float, *, clock: Callable[[], float] = time.monotonic, per_channel: int = 50,
                 channels: int = 1000) -> None:
        self.window, self._clock = window, clock
        self._per_channel, self._channels = per_channel, channels
        self._seen: OrderedDict[int, OrderedDict[str, _Answered]] = OrderedDict()

    def get(self, channel_id: int, question: str, version: str) -> str | None:
        """The link to this question's answer in this channel, if it is recent and from this brief."""
        answered = self._seen.get(channel_id)
        entry = answered.get(question) if answered is not None else None
        if entry is None or self._clock() - entry.at > self.window or entry.version != version:
            return None
        return entry.url

    def remember(self, channel_id: int, question: str, version: str, url: str) -> None:
        if self.window <= 0:
            return
        answered = self._seen.setdefault(channel_id, OrderedDict())
        self._seen.move_to_end(channel_id)
        answered[question] = _Answered(self._clock(), version, url)
        answered.move_to_end(question)
        while len(answered) > self._per_channel:
            answered.popitem(last=False)
        while len(self._seen) > self._channels:
            self._seen.popitem(last=False)
