"""Print callbot's performance figures and write them to bench/results/latest.json.

Figures: brief build time (cold process and warm), embedding every fact with an empty cache (the
first start), tokens raw → cleaned → brief, offline answer latency p50/p99 (with the question's
embedding computed, and cached), LLM-path overhead against a zero-latency loopback fake, prompt
tokens per question (prefix + retrieved facts + question) versus stuffing the raw articles, the
cacheable prefix size, and for 200 questions through the loopback Discord: wall time,
acknowledgement latency and the longest event-loop step (goal ≤ 50 ms).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bot.config import load_settings
from bot.decision import gather
from bot.engines.prompt import build_messages, prompt_prefix
from bot.knowledge import build_knowledge
from bot.service import Service
from bot.stats import quantile
from bot.tokens import get_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the loopback fakes live in tests/
QUESTIONS_FILES = [ROOT / "tests/data/dev.json", ROOT / "tests/data/extra_questions.json"]


def questions() -> list[str]:
    out = []
    for path in QUESTIONS_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        out += [q["q"] for q in data["answerable"] + data["refuse"]]
    return out


def cold_build_seconds() -> float:
    code = (
        "import time; t=time.perf_counter(); from pathlib import Path; from bot.brief import load_brief; "
        "load_brief(Path('seeds'), 6000); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def bench_embeddings(results: dict) -> None:
    """The first start embeds every fact (no cache yet); later starts read the cache."""
    import tempfile

    from bot.semantic import Embedder

    settings = load_settings()
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        build_knowledge(settings.seeds_dir, settings.prompts_dir, settings.brief_token_budget,
                        settings.max_seed_bytes, Embedder(Path(cache)))
        results["knowledge_build_first_start_s"] = time.perf_counter() - started
    embedder = Embedder(None)
    timings = []
    for i in range(20):
        started = time.perf_counter()
        embedder.query(f"How long did the call last, take {i}?")
        timings.append((time.perf_counter() - started) * 1000)
    results["question_embedding_p50_ms"] = quantile(timings, 0.5)


def bench_brief(results: dict) -> None:
    settings = load_settings()
    results["brief_build_cold_s"] = min(cold_build_seconds() for _ in range(3))
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        knowledge = build_knowledge(settings.seeds_dir, settings.prompts_dir, settings.brief_token_budget,
                                    settings.max_seed_bytes)
        timings.append(time.perf_counter() - started)
    results["brief_build_warm_s"] = statistics.median(timings)
    stats = knowledge.brief.stats
    results["tokens_raw"] = sum(s.raw_tokens for s in stats)
    results["tokens_cleaned"] = sum(s.cleaned_tokens for s in stats)
    results["tokens_brief"] = knowledge.brief.tokens
    results["facts_in_brief"] = len(knowledge.brief.facts)
    results["facts_in_all"] = len(knowledge.brief.all_facts)


def bench_offline(results: dict) -> None:
    settings = load_settings(cache_size=0)
    service = Service.from_settings(settings)
    qs = questions()
    latencies = []

    async def run() -> None:
        for _ in range(5):  # the first round embeds each question; later rounds find it cached
            for q in qs:
                started = time.perf_counter()
                await service.ask(q)
                latencies.append((time.perf_counter() - started) * 1000)

    asyncio.run(run())
    results["offline_answer_p50_ms"] = quantile(latencies, 0.5)
    results["offline_answer_p99_ms"] = quantile(latencies, 0.99)


async def bench_llm_overhead(results: dict) -> None:
    from tests.fakes.openai_server import FakeOpenAI, Text

    async with FakeOpenAI() as fake:
        settings = load_settings(openai_base_url=fake.base_url, openai_api_key="bench", llm_warmup=False,
                                 cache_size=0)
        service = Service.from_settings(settings)
        fact = next(f for f in service.knowledge.brief.facts if "Iran" in f.text)
        fake.default = Text(f"The leaders also discussed Iran's nuclear program [{fact.id}].")
        timings = []
        for i in range(200):
            started = time.perf_counter()
            await service.ask(f"Did they discuss Iran? ({i})")
            timings.append((time.perf_counter() - started) * 1000)
        await service.close()
    results["llm_path_overhead_p50_ms"] = quantile(timings, 0.5)
    results["llm_path_overhead_p99_ms"] = quantile(timings, 0.99)


def bench_prompt(results: dict) -> None:
    settings = load_settings()
    service = Service.from_settings(settings)
    counter = get_counter()
    knowledge = service.knowledge
    per_question = []
    for q in questions():
        evidence = gather(knowledge, q, [], knowledge.retriever.embed(q))
        if evidence.verdict != "answer":
            continue  # declined, after-the-articles and source questions never reach the model
        messages = build_messages(settings, q, [], knowledge, evidence)
        per_question.append(sum(counter.count(m["content"]) for m in messages))
    raw = "\n\n".join((settings.seeds_dir / e.file).read_text(encoding="utf-8") for e in knowledge.brief.sources)
    stuffed = [counter.count(knowledge.prompts["answer"] + "\n\n" + raw) + counter.count(f"Question: {q}")
               for q in questions()]
    results["prompt_tokens_per_question"] = statistics.mean(per_question)
    results["raw_stuffing_tokens_per_question"] = statistics.mean(stuffed)
    results["prompt_vs_raw_ratio"] = results["prompt_tokens_per_question"] / results["raw_stuffing_tokens_per_question"]
    results["cacheable_prefix_tokens"] = counter.count(prompt_prefix(knowledge))


def main() -> int:
    results: dict = {}
    bench_embeddings(results)
    bench_brief(results)
    bench_offline(results)
    asyncio.run(bench_llm_overhead(results))
    bench_prompt(results)
    sys.path.insert(0, str(ROOT))
    from bench.load import run as run_load

    results.update(asyncio.run(run_load(load_settings().seeds_dir)))
    burst = asyncio.run(run_load(load_settings().seeds_dir, pacing=0.0))
    results["burst_wall_vs_ideal"] = burst["load_wall_vs_ideal"]
    results["burst_ack_latency_p50_ms"] = burst["ack_latency_p50_ms"]
    results["burst_ack_latency_p99_ms"] = burst["ack_latency_p99_ms"]
    results["burst_loop_step_p99_ms"] = burst["loop_step_p99_ms"]
    results["burst_loop_step_max_ms"] = burst["loop_step_max_ms"]
    results["burst_loop_slowest_steps"] = burst["loop_slowest_steps"]
    goals = {
        "brief_build_cold_s": ("< 0.5 s (issue 2)", lambda v: v < 0.5),
        "offline_answer_p50_ms": ("≤ 50 ms", lambda v: v <= 50),
        "cacheable_prefix_tokens": ("≥ 1,024", lambda v: v >= 1024),
        "load_wall_vs_ideal": ("≤ 1.3", lambda v: v <= 1.3),
        "ack_latency_p99_ms": ("≤ 100 ms", lambda v: v <= 100),
        "loop_step_p99_ms": ("≤ 50 ms", lambda v: v <= 50),
        "loop_step_max_ms": ("≤ 50 ms", lambda v: v <= 50),
        "burst_loop_step_max_ms": ("≤ 50 ms", lambda v: v <= 50),
    }
    print(f"{'figure':<36} {'value':>12}  goal")
    for key, value in results.items():
        if isinstance(value, list):
            continue
        goal = goals.get(key)
        mark = "" if goal is None else f"{goal[0]} {'ok' if goal[1](value) else 'MISSED'}"
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:<36} {shown:>12}  {mark}")
    for key in ("loop_slowest_steps", "burst_loop_slowest_steps"):
        print(f"\n{key} (event-loop steps over 20 ms while the 200 questions ran):")
        print("\n".join(f"  {step}" for step in results[key]) or "  none")
    out = ROOT / "bench/results/latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
