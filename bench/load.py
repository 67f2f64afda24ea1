"""The 200-question run through the loopback Discord: wall time against the ideal, slash-command
acknowledgement latency, the longest synchronous event-loop step (how long the loop was blocked:
every callback and task step is timed while the questions are in flight), and peak memory. The
fake LLM answers in 300 ms with 16 slots."""

from __future__ import annotations

import asyncio
import itertools
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.stats import quantile
from tests.discord_world import close_world, open_world
from tests.fakes.openai_server import FakeOpenAI, Text

QUESTIONS = 200
LLM_DELAY = 0.3
SLOTS = 16
PACING = 0.002


@dataclass
class LoopSteps:
    """Durations (s) of every event-loop step run while active, and what the slowest ones ran."""

    durations: list[float] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)

    def ms(self, q: float) -> float:
        return quantile(self.durations, q) * 1000


def describe(handle: asyncio.Handle) -> str:
    """A task step as its task's coroutine (discord.py names its event tasks), else the callback."""
    callback = handle._callback  # type: ignore[attr-defined]
    task = getattr(callback, "__self__", None)
    if isinstance(task, asyncio.Task):
        return f"{task.get_name()}: {getattr(task.get_coro(), '__qualname__', '?')}"
    return getattr(callback, "__qualname__", repr(callback))


@contextmanager
def timed_loop_steps(keep_over: float = 0.02) -> Iterator[LoopSteps]:
    """Time every asyncio Handle._run (task steps, I/O and timer callbacks) in this process: the
    bench's stand-in for the slow-callback detector, reported as a figure instead of asserted."""
    steps = LoopSteps()
    original = asyncio.events.Handle._run

    def run(handle: asyncio.Handle) -> None:
        started = time.perf_counter()
        try:
            original(handle)
        finally:
            took = time.perf_counter() - started
            steps.durations.append(took)
            if took > keep_over:
                steps.slowest.append((took, describe(handle)))

    asyncio.events.Handle._run = run  # type: ignore[method-assign]
    try:
        yield steps
    finally:
        asyncio.events.Handle._run = original  # type: ignore[method-assign]


def distinct_questions(n: int) -> list[str]:
    prefixes = ["", "please ", "so ", "tell me ", "please tell me ", "now ", "so tell me ", "and "]
    bodies = ["how long was the call", "how long did the call last", "how long did the phone call last",
              "how long was the phone call", "how long was their call", "how long did their call last",
              "how long was the conversation", "how long did the conversation last",
              "how long did their conversation last", "how long did the telephone conversation last",
              "how long did the telephone call last", "how long was the telephone call", "how long was it"]
    suffixes = ["?", " then?", " again?"]
    combos = [f"{p}{b}{s}" for p, b, s in itertools.product(prefixes, bodies, suffixes)]
    return combos[:n]


async def run(seeds_dir: Path, pacing: float = PACING) -> dict:
    async with FakeOpenAI() as llm:
        world, restore = await open_world(llm, seeds_dir, llm_concurrency=SLOTS)
        fact = next(f for f in world.service.knowledge.brief.facts if "about an hour" in f.text)
        llm.default = Text(f"The call lasted about an hour [{fact.id}].", delay=LLM_DELAY)
        sent_at: dict[str, float] = {}
        started = time.perf_counter()
        mentions = 0
        with timed_loop_steps() as steps:
            for n, question in enumerate(distinct_questions(QUESTIONS)):
                if n % 2:
                    inter = await world.discord.send_interaction("ask", {"question": question})
                    sent_at[inter["id"]] = time.perf_counter()
                else:
                    await world.mention(question)
                    mentions += 1
                await asyncio.sleep(pacing)  # PACING: 200 events over ~0.4 s, as from a network; 0: one burst
            await world.channel_posts(mentions)
            follows = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+",
                                                               count=QUESTIONS - mentions))
            await world.settled()
        wall = max(r.at for r in [*world.discord.requests_to("POST", r"/channels/.+/messages"), *follows]) - started
        acks = [(r.at - sent_at[r.path.split("/")[2]]) * 1000
                for r in world.discord.requests_to("POST", r"/interactions/.+/callback")]
        calls = len(llm.chat_requests)
        await close_world(world, restore)
    ideal = QUESTIONS / SLOTS * LLM_DELAY
    return {
        "load_questions": QUESTIONS,
        "load_llm_calls": calls,
        "load_wall_s": wall,
        "load_ideal_s": ideal,
        "load_wall_vs_ideal": wall / ideal,
        "ack_latency_p50_ms": quantile(acks, 0.5),
        "ack_latency_p99_ms": quantile(acks, 0.99),
        "loop_step_p99_ms": steps.ms(0.99),
        "loop_step_max_ms": max(steps.durations) * 1000,
        "loop_steps_timed": len(steps.durations),
        "loop_slowest_steps": [f"{took * 1000:.1f} ms {what}" for took, what in sorted(steps.slowest)[::-1][:5]],
        "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
