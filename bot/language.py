"""Which language a question is in, when its words alone cannot tell.

Most questions are told English by their words: English function words and words of the articles
(bot.vocabulary). A question in English that uses neither ("so the king basically snubbed teaming up
vs them huh", "Explain how bitcoin mining works.") was taken for a foreign one, matched by meaning
alone and answered with the closest sentence. py3langid (BSD-3-Clause, a maintained fork of
langid.py; a character n-gram model shipped inside the wheel, numpy only, ~4.5 MB; ~30 ms a
question here) gives a second opinion, asked only when the words say "not English": a question is
English when either says so: chat English that the model misreads (it took a "did … n … talk abt …
or nah" for Bikol) is already English by its words.

Optional like the embedding: without the package, the words decide alone and the log says so once.
The model is loaded once per process, before serving (knowledge is built off the event loop).
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
_lock = threading.Lock()  # the identifier keeps scratch state between calls


@lru_cache(maxsize=1)
def _identifier() -> Any:
    try:
        import py3langid  # type: ignore[import-untyped]

        py3langid.classify("warm up")  # loads the model now, not on the first question
        return py3langid
    except Exception as exc:  # ImportError, a broken model file: the words decide alone
        log.warning("language identification unavailable (%s: %s); questions are read by their words only",
                    type(exc).__name__, exc)
        return None


def load() -> None:
    """Load the model now (~0.1 s), off the event loop."""
    _identifier()


def looks_english(text: str) -> bool:
    """The language model's best guess is English (False when it is unavailable)."""
    identifier = _identifier()
    if identifier is None:
        return False
    with _lock:
        language, _score = identifier.classify(text)
    return bool(language == "en")
