"""Handlers of the `callbot` sub-commands."""

from __future__ import annotations

import argparse
import json

from bot.brief import load_brief
from bot.config import load_settings


def brief(args: argparse.Namespace) -> int:
    settings = load_settings()
    result = load_brief(settings.seeds_dir, args.budget or settings.brief_token_budget, settings.max_seed_bytes)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(result.text, end="")
    return 0


def sources(args: argparse.Namespace) -> int:
    settings = load_settings()
    result = load_brief(settings.seeds_dir, settings.brief_token_budget, settings.max_seed_bytes)
    print(f"{'file':<26} {'outlet':<48} {'written':<10} {'kind':<9} {'raw':>5} {'clean':>5} {'brief':>5}")
    for entry, stats in zip(result.sources, result.stats, strict=True):
        print(
            f"{entry.file:<26} {entry.outlet[:48]:<48} {entry.published.isoformat():<10} {entry.kind:<9} "
            f"{stats.raw_tokens:>5} {stats.cleaned_tokens:>5} {stats.brief_tokens:>5}"
        )
    raw = sum(s.raw_tokens for s in result.stats)
    cleaned = sum(s.cleaned_tokens for s in result.stats)
    print(
        f"total: raw {raw} → cleaned {cleaned} → brief {result.tokens} tokens ({result.encoding}), "
        f"{len(result.facts)} facts, budget {result.budget}, version {result.version}"
    )
    return 0
