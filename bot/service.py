"""The service: the one object every edge talks to.

It holds the current knowledge snapshot and the engine, screens questions, caches answers (LRU,
keyed by brief version + normalised question + history), makes identical questions in flight
share one engine call, and swaps in a rebuilt snapshot on reload. No discord imports here.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.answer import Answer, EngineName, FallbackReason, Progress, error_answer, refusal
from bot.config import Settings
from bot.engines import Engine
from bot.engines.llm import LLMEngine
from bot.engines.offline import OfflineEngine
from bot.errors import CallbotError, InvalidQuestion
from bot.knowledge import Knowledge, Turn, build_knowledge
from bot.overview import offline_timeline
from bot.questions import clean_question, is_instruction_attempt, normalise_for_cache
from bot.semantic import Embedder
from bot.stats import Stats

log = logging.getLogger(__name__)

DISAGREEMENT_NOTE = "Note: the articles disagree on this point; compare"
CacheKey = tuple[str, str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class ReloadReport:
    ok: bool
    old_version: str
    new_version: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    tokens: int = 0
    facts: int = 0
    error: str | None = None


class Service:
    """Answers questions from the current brief; see the module docstring."""

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.settings = settings
        self.knowledge = knowledge
        offline = OfflineEngine(settings.offline_min_coverage)
        self.engine: Engine = LLMEngine(settings, offline) if settings.llm_enabled else offline
        self.stats = Stats()
        self._cache: OrderedDict[CacheKey, Answer] = OrderedDict()
        self._in_flight: dict[CacheKey, asyncio.Task[Answer]] = {}
        self._reload_lock = asyncio.Lock()
        self._background: set[asyncio.Task[None]] = set()

    @classmethod
    def from_settings(cls, settings: Settings) -> Service:
        """Build the first snapshot from disk (raises CorpusError with a readable message)."""
        return cls(settings, _build(settings))

    @property
    def engine_name(self) -> EngineName:
        return self.engine.name

    # --- questions ------------------------------------------------------------------------------

    async def ask(self, question: str, history: Sequence[Turn] = (), on_progress: Progress | None = None) -> Answer:
        """Answer one question. Invalid input raises InvalidQuestion (the edges word it).

        `on_progress` gets checked answers-so-far while the engine writes (the LLM engine streams),
        each as the final answer would show it (disagreement note included). Only the asker whose
        question starts the engine's work sees them: an identical question joining it, or answered
        from the cache, gets just the final answer."""
        knowledge = self.knowledge  # one snapshot for the whole question, even across a reload
        try:
            cleaned = clean_question(question, self.settings.max_question_chars, knowledge.brief.event_name)
        except InvalidQuestion:
            self.stats.errors += 1
            raise
        turns = [Turn(_cleaned_turn(t.question, self.settings.max_question_chars), t.answer)
                 for t in (list(history)[-self.settings.history_turns :] if self.settings.history_turns else [])]
        if (screened := self._screened(cleaned, knowledge)) is not None:
            self.stats.record(screened)
            return screened
        key: CacheKey = (knowledge.version, normalise_for_cache(cleaned),
                         tuple((normalise_for_cache(t.question), t.answer) for t in turns))
        if (hit := self._recall(key)) is not None:
            self.stats.record(hit)
            return hit
        joined = (pending := self._in_flight.get(key)) is not None
        if pending is None:
            pending = asyncio.get_running_loop().create_task(
                self._answer_shared(key, cleaned, turns, knowledge, on_progress))
            self._in_flight[key] = pending
        else:
            self.stats.cache_hits += 1
        answer = await asyncio.shield(pending)  # a cancelled asker ends its own wait, not the computation
        if joined:
            answer = answer.model_copy(update={"cached": True})
        self.stats.record_status(answer)
        return answer

    async def _answer_shared(self, key: CacheKey, question: str, history: list[Turn], knowledge: Knowledge,
                             on_progress: Progress | None) -> Answer:
        """The one computation every asker of an identical question waits on, as its own task: its
        work is counted once and its answer remembered even if the asker that started it is gone."""
        try:
            answer = await self._answer(question, history, knowledge, on_progress)
        finally:
            self._in_flight.pop(key, None)
        self.stats.record_call(answer)
        self._remember(key, answer)
        return answer

    def _screened(self, text: str, knowledge: Knowledge) -> Answer | None:
        """The refusal for an attempt to change the instructions (a question or a /summary topic):
        it never reaches an engine. None for anything else."""
        if not is_instruction_attempt(text):
            return None
        return refusal(text, knowledge.version, engine=self.engine_name)

    async def _answer(self, question: str, history: list[Turn], knowledge: Knowledge,
                      on_progress: Progress | None = None) -> Answer:
        progress = None if on_progress is None else _noted(on_progress, question, knowledge)
        try:
            return note_disagreement(await self.engine.answer(question, history, knowledge, progress), knowledge)
        except CallbotError:
            raise
        except Exception:
            log.exception("answering %r failed (brief %s)", question[:80], knowledge.version)
            return error_answer(question, knowledge.version, "Something went wrong while answering; please try again.",
                                engine=self.engine_name)

    def _recall(self, key: CacheKey) -> Answer | None:
        """A cached answer (marked as such), counted as a hit; None if there is none."""
        hit = self._cache.get(key)
        if hit is None:
            return None
        self._cache.move_to_end(key)
        self.stats.cache_hits += 1
        return hit.model_copy(update={"cached": True})

    def _remember(self, key: CacheKey, answer: Answer) -> None:
        """Keep an answer in the bounded LRU cache, unless it came from a transient failure."""
        if self._cacheable(answer):
            self._cache[key] = answer
            while len(self._cache) > self.settings.cache_size:
                self._cache.popitem(last=False)

    def _cacheable(self, answer: Answer) -> bool:
        """Transient failures are not remembered: the next ask may reach the model."""
        return (self.settings.cache_size > 0 and answer.status != "error"
                and answer.fallback_reason is not FallbackReason.LLM_ERROR)

    async def wait_idle(self) -> None:
        """Return once no question is in flight (at once if none is): for callers that must know
        nothing more is coming, e.g. tests proving a question was answered only once."""
        while self._in_flight:
            await asyncio.wait(list(self._in_flight.values()))

    # --- briefings ------------------------------------------------------------------------------

    async def summary(self, topic: str | None = None) -> Answer:
        """/summary [topic]: cached per brief version (a reload starts afresh)."""
        knowledge = self.knowledge
        topic = (clean_question(topic, self.settings.max_question_chars, knowledge.brief.event_name)
                 if topic and topic.strip() else None)
        if topic is not None and (screened := self._screened(topic, knowledge)) is not None:
            return screened
        key: CacheKey = (knowledge.version, f"\0summary\0{normalise_for_cache(topic or '')}", ())
        if (hit := self._recall(key)) is not None:
            return hit
        answer = await self.engine.summarize(topic, knowledge)
        self._remember(key, answer)
        return answer

    async def timeline(self) -> Answer:
        """/timeline: dated events in order, from the brief (the same in both engines: the dates are
        resolved deterministically against each article's publication date)."""
        knowledge = self.knowledge
        key: CacheKey = (knowledge.version, "\0timeline\0", ())
        if (hit := self._recall(key)) is not None:
            return hit
        answer = offline_timeline(knowledge)
        self._remember(key, answer)
        return answer

    # --- reload ---------------------------------------------------------------------------------

    async def reload(self) -> ReloadReport:
        """Rebuild from disk and swap atomically; on failure the old brief keeps serving."""
        async with self._reload_lock:
            old = self.knowledge
            try:
                new = await asyncio.to_thread(_build, self.settings)
            except CallbotError as exc:
                log.warning("reload failed, still serving brief %s: %s", old.version, exc)
                return ReloadReport(False, old.version, old.version, tokens=old.brief.tokens,
                                    facts=len(old.brief.facts), error=str(exc))
            self.knowledge = new
            self._cache.clear()
            before, after = old.source_hashes, new.source_hashes
            report = ReloadReport(
                True, old.version, new.version,
                added=sorted(set(after) - set(before)),
                removed=sorted(set(before) - set(after)),
                changed=sorted(f for f in set(before) & set(after) if before[f] != after[f]),
                tokens=new.brief.tokens, facts=len(new.brief.facts),
            )
            log.info("reloaded: brief %s → %s (%d tokens)", old.version, new.version, new.brief.tokens)
            self.start_warm_up()
            return report

    # --- warm-up --------------------------------------------------------------------------------

    def start_warm_up(self) -> asyncio.Task[None] | None:
        """Send the prompt prefix once in the background (local servers cache its prefill)."""
        if self.engine.model is None or not self.settings.warmup_enabled:
            return None
        task = asyncio.get_running_loop().create_task(self._warm_up(self.knowledge))
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def _warm_up(self, knowledge: Knowledge) -> None:
        try:
            await self.engine.warm_up(knowledge)
        except Exception as exc:  # a failed warm-up only costs the first user some latency
            log.warning("LLM warm-up for brief %s failed: %s", knowledge.version, exc)

    async def close(self) -> None:
        for task in [*self._background, *self._in_flight.values()]:
            task.cancel()
        await self.engine.close()


def note_disagreement(answer: Answer, knowledge: Knowledge) -> Answer:
    """An answer citing both sides of a known disagreement (or facts restating them) says so, citing both."""
    cited = {fid for s in answer.sentences for fid in s.fact_ids}
    for a, b in knowledge.disagreements:
        if (on_a := knowledge.on_side(a, cited)) and (on_b := knowledge.on_side(b, cited)):
            numbers = [c.n for c in answer.citations if c.fact_id in on_a | on_b]
            markers = "".join(f"[{n}]" for n in numbers)
            return answer.model_copy(update={"text": f"{answer.text}\n{DISAGREEMENT_NOTE} {markers}"})
    return answer


def _noted(on_progress: Progress, question: str, knowledge: Knowledge) -> Progress:
    """Answers-so-far as the final answer shows them (with the disagreement note); a failing
    display is logged and costs nothing but itself."""

    def show(partial: Answer) -> None:
        try:
            on_progress(note_disagreement(partial, knowledge))
        except Exception:
            log.exception("progress for %r failed; the answer goes on", question[:80])

    return show


def _cleaned_turn(question: str, max_chars: int) -> str:
    """An earlier question as the engines see a new one (mentions and markup gone), or as it was."""
    try:
        return clean_question(question, max_chars * 4)
    except InvalidQuestion:
        return question


def _build(settings: Settings) -> Knowledge:
    embedder = Embedder(settings.embeddings_dir, enabled=settings.semantic_retrieval)
    return build_knowledge(settings.seeds_dir, settings.prompts_dir, settings.brief_token_budget,
                           settings.max_seed_bytes, embedder)
