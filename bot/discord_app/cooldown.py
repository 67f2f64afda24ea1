"""Per-user question limit (a sliding window), owned by the cog that uses it."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable


class UserCooldown:
    """At most `limit` questions per `window` seconds per user."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self._clock = limit, window, clock
        self._seen: defaultdict[int, deque[float]] = defaultdict(deque)

    def retry_after(self, user_id: int) -> float:
        """0 if the user may ask now (and counts the question), else seconds to wait."""
        now = self._clock()
        seen = self._seen[user_id]
        while seen and now - seen[0] >= self.window:
            seen.popleft()
        if len(seen) >= self.limit:
            return self.window - (now - seen[0])
        seen.append(now)
        return 0.0
