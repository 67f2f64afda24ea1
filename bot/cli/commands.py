"""Handlers of the `callbot` sub-commands: build settings and the service, call, print."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from bot.answer import Answer
from bot.brief import load_brief
from bot.cli.console import run_console
from bot.cli.evaluate import run_eval
from bot.config import Settings, load_settings
from bot.engines.prompt import build_messages, prompt_prefix
from bot.errors import CallbotError, InvalidQuestion
from bot.log_entries import utc_now
from bot.logs import setup_logging
from bot.render_text import render_answer
from bot.report import Report, render_report
from bot.service import Service
from bot.store import open_store
from bot.tokens import get_counter


def _settings() -> Settings:
    settings = load_settings()
    secrets = [s.get_secret_value() for s in (settings.discord_token, settings.openai_api_key) if s]
    setup_logging(settings.log_level, secrets)
    return settings


def brief(args: argparse.Namespace) -> int:
    settings = _settings()
    result = load_brief(settings.seeds_dir, args.budget or settings.brief_token_budget, settings.max_seed_bytes)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(result.text, end="")
    return 0


def sources(args: argparse.Namespace) -> int:
    settings = _settings()
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


def ask(args: argparse.Namespace) -> int:
    service = Service.from_settings(_settings())

    async def run() -> None:
        service.start_warm_up()  # as the bot does at start: the first question then waits for the prefill
        for question in args.questions:
            try:
                answer = await service.ask(question)
            except InvalidQuestion as exc:
                answer = Answer(question=question, status="error", text=str(exc), error=str(exc),
                                engine=service.engine_name, brief_version=service.knowledge.version)
            if args.json:
                print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
            else:
                print(render_answer(answer), end="\n\n", flush=True)
        await service.close()

    asyncio.run(run())
    return 0


def summary(args: argparse.Namespace) -> int:
    service = Service.from_settings(_settings())
    return _briefing(service, service.summary(args.topic), args.json)


def timeline(args: argparse.Namespace) -> int:
    service = Service.from_settings(_settings())
    return _briefing(service, service.timeline(), args.json)


def _briefing(service: Service, pending: Coroutine[Any, Any, Answer], as_json: bool) -> int:
    async def run() -> Answer:
        service.start_warm_up()
        try:
            return await pending
        finally:
            await service.close()

    try:
        answer = asyncio.run(run())
    except InvalidQuestion as exc:
        answer = Answer(question="summary", status="error", text=str(exc), error=str(exc),
                        engine=service.engine_name, brief_version=service.knowledge.version)
    print(json.dumps(answer.to_json(), ensure_ascii=False) if as_json else render_answer(answer))
    return 0


def chat(args: argparse.Namespace) -> int:
    service = Service.from_settings(_settings())
    return asyncio.run(run_console(service))


def start(args: argparse.Namespace) -> int:
    """`make run`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console."""
    settings = _settings()
    if settings.discord_token is None:
        print("DISCORD_TOKEN is not set: starting the local console instead (see README to connect Discord).",
              file=sys.stderr)
        return chat(args)
    return run(args)


def run(args: argparse.Namespace) -> int:
    # imported here, not at the top: discord.py takes a quarter of a second to import, which every
    # other sub-command (ask, brief, eval...) would pay at start-up for nothing
    from bot.discord_app.client import run_discord

    settings = _settings()
    if settings.discord_token is None:
        raise CallbotError("DISCORD_TOKEN is not set; put it in .env or the environment (see README).")
    asyncio.run(run_discord(settings, Service.from_settings(settings)))
    return 0


def prompt(args: argparse.Namespace) -> int:
    settings = _settings()
    service = Service.from_settings(settings)
    knowledge = service.knowledge
    messages = build_messages(settings, " ".join(args.question), [], knowledge)
    counter = get_counter()
    for message in messages:
        print(f"--- {message['role']} ({counter.count(message['content'])} tokens)")
        print(message["content"])
    prefix = prompt_prefix(knowledge)
    total = sum(counter.count(m["content"]) for m in messages)
    print(f"--- total {total} tokens ({counter.name}); cacheable prefix {counter.count(prefix)} tokens "
          f"(identical for every question of brief {knowledge.version})")
    return 0


def report(args: argparse.Namespace) -> int:
    """`callbot report`: read the question log (a second reader next to a running bot is fine: WAL)."""
    settings = _settings()

    async def run() -> Report:
        store = await open_store(settings)
        try:
            return await store.report(args.days, utc_now())
        finally:
            await store.close()

    result = asyncio.run(run())
    print(result.csv() if args.csv else render_report(result), end="" if args.csv else "\n")
    return 0


def evaluate(args: argparse.Namespace) -> int:
    service = Service.from_settings(_settings())
    asyncio.run(run_eval(service, Path(args.file), as_json=args.json))
    return 0
