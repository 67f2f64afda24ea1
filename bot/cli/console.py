"""`callbot chat`: a local console channel, the embedded default a new user meets first.

Questions get answers with numbered citations and a sources block; follow-ups keep context
(the last turns are the history, as a Discord reply chain would be). When standard input is not a
terminal it reads one question per line and exits at the end of input, so it can be scripted.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot.errors import InvalidQuestion
from bot.knowledge import Turn
from bot.render_text import render_answer, render_sources, status_lines
from bot.service import Service

HELP = """Ask anything about {event}.
Answers come only from the articles, with numbered citations. Follow-up questions keep context.
Commands: /summary [topic]  /timeline  /sources  /reload  /status  /new (forget the conversation)  /help  /quit"""


def help_text(service: Service) -> str:
    """/help, naming the event the current knowledge is about."""
    return HELP.format(event=service.knowledge.brief.event_name)


async def run_console(service: Service, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    interactive = stdin.isatty()
    history: list[Turn] = []
    service.start_warm_up()

    def say(text: str = "") -> None:
        print(text, file=stdout, flush=True)

    if interactive:
        say(f"callbot console — {service.engine_name} engine, brief {service.knowledge.version}. /help for help.")
    loop = asyncio.get_running_loop()
    while True:
        if interactive:
            print("\nyou> ", end="", file=stdout, flush=True)
        line = await loop.run_in_executor(None, stdin.readline)
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        command = text.split()[0].lower()
        # "quit" alone is how people leave a console; it is no question about the event either
        if command in ("/quit", "/exit") or text.lower().strip(" .!") in ("quit", "exit", "bye"):
            break
        if command == "/help":
            say(help_text(service))
        elif command == "/summary":
            topic = text[len("/summary"):].strip() or None
            try:
                say(render_answer(await service.summary(topic)))
            except InvalidQuestion as exc:
                say(str(exc))
        elif command == "/timeline":
            say(render_answer(await service.timeline()))
        elif command == "/sources":
            say(render_sources(service.knowledge.brief))
        elif command == "/status":
            say("\n".join(status_lines(service.stats, engine=service.engine_name,
                                       model=service.engine.model,
                                       brief=service.knowledge.brief)))
        elif command == "/reload":
            report = await service.reload()
            if report.ok:
                say(f"reloaded: {report.old_version} → {report.new_version}, {report.tokens} tokens; "
                    f"added {report.added or 'none'}, removed {report.removed or 'none'}, "
                    f"changed {report.changed or 'none'}")
            else:
                say(f"reload failed, still serving {report.old_version}: {report.error}")
        elif command == "/new":
            history.clear()
            say("(new conversation)")
        elif text.startswith("/"):
            say(f"unknown command {command}; /help lists them")
        else:
            try:
                answer = await service.ask(text, history)
            except InvalidQuestion as exc:
                say(str(exc))
                continue
            if not interactive:
                say(f"> {text}")
            say(render_answer(answer))
            if answer.status == "answered":
                history = [*history, Turn(text, answer.text)][-service.settings.history_turns :]
            if not interactive:
                say()
    await service.close()
    return 0
