"""Argument parsing for `callbot`; each sub-command points at a handler in bot.cli.commands."""

from __future__ import annotations

import argparse

from bot.cli import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="callbot",
        description="Answers questions about one news event from its articles only (the event is named in "
                    "SEEDS_DIR/sources.toml).",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("start", help="Discord bot if DISCORD_TOKEN is set, else the local console (make run)")
    p.set_defaults(handler=commands.start)
    p = sub.add_parser("run", help="run the Discord bot")
    p.set_defaults(handler=commands.run)
    p = sub.add_parser("chat", help="local console: ask questions, follow up, /help for commands")
    p.set_defaults(handler=commands.chat)

    p = sub.add_parser("ask", help="answer questions and exit")
    p.add_argument("--json", action="store_true", help="one JSON object per question, one per line")
    p.add_argument("questions", nargs="+", metavar="Q")
    p.set_defaults(handler=commands.ask)

    p = sub.add_parser("summary", help="a cited summary of the event, optionally on one topic")
    p.add_argument("--topic", help='one subject of the articles, e.g. "sanctions" or a place they name')
    p.add_argument("--json", action="store_true", help="JSON in the same shape as answers")
    p.set_defaults(handler=commands.summary)

    p = sub.add_parser("timeline", help="dated events in order, each cited")
    p.add_argument("--json", action="store_true", help="JSON in the same shape as answers")
    p.set_defaults(handler=commands.timeline)

    p = sub.add_parser("brief", help="print the rendered brief (the LLM's prompt prefix)")
    p.add_argument("--json", action="store_true", help="print the brief as JSON (version, facts...)")
    p.add_argument("--budget", type=int, help="token budget (default: BRIEF_TOKEN_BUDGET)")
    p.set_defaults(handler=commands.brief)

    p = sub.add_parser("sources", help="list the sources with raw, cleaned and in-brief token counts")
    p.set_defaults(handler=commands.sources)

    p = sub.add_parser("prompt", help="show the exact messages the LLM would receive, with token counts")
    p.add_argument("question", nargs="+")
    p.set_defaults(handler=commands.prompt)

    p = sub.add_parser("report", help="the question log: rates, most asked, declined and 👎 questions grouped")
    p.add_argument("--days", type=positive_int, default=7, help="how many days back, up to now (default 7)")
    p.add_argument("--csv", action="store_true", help="print the logged questions as CSV instead")
    p.set_defaults(handler=commands.report)

    p = sub.add_parser("eval", help="score a question file (format of shared/eval/dev.json)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print results as JSON")
    p.set_defaults(handler=commands.evaluate)
    return parser


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
