"""`callbot eval FILE`: score a question file in the format of shared/eval/dev.json.

An answerable question is right when the reply is an answer that contains one of its phrases (in
the text or the cited quotes) and cites one of its sources; a refuse question is right when the
reply declines. Works with either engine; prints verdicts, then totals and latency.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from bot.answer import Answer
from bot.errors import CorpusError, InvalidQuestion
from bot.service import Service
from bot.stats import quantile


def _norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def is_right(answer: Answer, item: dict[str, Any]) -> bool:
    if answer.status != "answered":
        return False
    haystack = _norm(answer.text + " " + " ".join(c.quote for c in answer.citations))
    phrase = any(_norm(p) in haystack for p in item.get("any", [])) or not item.get("any")
    source = any(c.source_file in item.get("sources", []) for c in answer.citations) or not item.get("sources")
    return phrase and source


async def run_eval(service: Service, path: Path, *, as_json: bool = False) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read question file ({exc})") from None
    items = [(item, "answerable") for item in data.get("answerable", [])]
    items += [(item, "refuse") for item in data.get("refuse", [])]
    results, latencies = [], []
    service.start_warm_up()  # as the bot does at start: the first question's latency includes the prefill
    for item, kind in items:
        started = time.perf_counter()
        try:
            answer = await service.ask(item["q"])
        except InvalidQuestion as exc:
            answer = Answer(question=item["q"], status="error", text=str(exc), engine="offline",
                            brief_version=service.knowledge.version)
        latencies.append(time.perf_counter() - started)
        ok = is_right(answer, item) if kind == "answerable" else answer.status == "refused"
        results.append({"id": item.get("id"), "kind": kind, "ok": ok, "status": answer.status,
                        "fallback": answer.fallback_reason, "dropped": answer.dropped,
                        "kept": len(answer.sentences), "reattributed": sum(s.reattributed for s in answer.sentences),
                        "facts": list(dict.fromkeys(c.fact_id for c in answer.citations)),
                        "seconds": round(latencies[-1], 3), "question": item["q"], "answer": answer.text})
        if not as_json:
            verdict = "RIGHT" if ok else "WRONG"
            if kind == "refuse":
                verdict = "DECLINED" if ok else "NOT DECLINED"
            flag = f" [fallback: {answer.fallback_reason}]" if answer.fallback else ""
            print(f"{item.get('id', '?'):>5} {verdict:<12} {latencies[-1]:6.2f}s {item['q']}{flag}")
            print(f"      → {answer.text[:300]}".replace("\n", " "))
    summary = summarise(results, latencies, service)
    if as_json:
        print(json.dumps({"summary": summary, "results": results}, ensure_ascii=False, indent=2))
    else:
        print()
        for key, value in summary.items():
            print(f"{key}: {value}")
    await service.close()
    return summary


def summarise(results: list[dict[str, Any]], latencies: list[float], service: Service) -> dict[str, Any]:
    answerable = [r for r in results if r["kind"] == "answerable"]
    refuse = [r for r in results if r["kind"] == "refuse"]
    rest = latencies[1:]

    def q(values: list[float], p: float) -> str:
        return f"{quantile(values, p):.2f}s" if values else "-"

    return {
        "engine": service.engine_name,
        "brief": service.knowledge.version,
        "answered right": f"{sum(r['ok'] for r in answerable)}/{len(answerable)}",
        "declined": f"{sum(r['ok'] for r in refuse)}/{len(refuse)}",
        "sentences kept": sum(r["kept"] for r in results),
        "re-attributed": sum(r["reattributed"] for r in results),
        "dropped": sum(r["dropped"] for r in results),
        "fallbacks": sum(1 for r in results if r["fallback"]),
        "latency first": f"{latencies[0]:.2f}s" if latencies else "-",
        "latency rest p50/p95": f"{q(rest, 0.5)} / {q(rest, 0.95)}",
    }
