"""Argument parsing for `callbot`; each sub-command points at a handler in bot.cli.commands."""

from __future__ import annotations

import argparse

from bot.cli import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="callbot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("brief", help="print the rendered brief (the LLM's prompt prefix)")
    p.add_argument("--json", action="store_true", help="print the brief as JSON (version, facts...)")
    p.add_argument("--budget", type=int, help="token budget (default: BRIEF_TOKEN_BUDGET)")
    p.set_defaults(handler=commands.brief)

    p = sub.add_parser("sources", help="list the sources with raw, cleaned and in-brief token counts")
    p.set_defaults(handler=commands.sources)
    return parser
