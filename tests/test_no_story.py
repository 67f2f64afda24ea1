"""No story in the code (issue 13): everything particular to one event lives with its sources.

The grep keeps the core free of the shipped event's names; the second event, one short article in a
temporary folder with an [event] table of just `name` and `date`, shows the same bot serving another
event when SEEDS_DIR points at another folder: it answers from it with a citation, summarises it,
names it in the LLM's prompt and in the console's /help, and declines a question about the
Trump–Putin call it no longer has articles on.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answer import REFUSAL_TEXT
from bot.cli.console import run_console
from bot.config import load_settings
from bot.errors import InvalidQuestion
from bot.service import Service

from .conftest import PROMPTS, REPO

STORY = re.compile(r"trump|putin|kremlin|2017", re.IGNORECASE)
NOT_YET: tuple[str, ...] = ()  # every part of bot/ is checked, the Discord edge included

FILE = "000_black_hole_image.txt"
EVENT = "the release of the first image of a black hole by the Event Horizon Telescope on Wednesday 10 April 2019"
ARTICLE = """Astronomers reveal the first image of a black hole

On Wednesday, the Event Horizon Telescope collaboration released the first image of a black hole, at press \
conferences held at the same time in six cities around the world.

The black hole sits at the centre of the galaxy Messier 87, about 55 million light-years from Earth, and has a \
mass of about 6.5 billion times that of the Sun.

The image shows a bright ring of light around a dark central region, which the researchers call the shadow of \
the black hole.

The Event Horizon Telescope links radio telescopes on several continents into one virtual telescope as large as \
the Earth.

More than 200 researchers worked on the project, and the results were published in six papers in The \
Astrophysical Journal Letters.
"""
MANIFEST = f"""[event]
name = "{EVENT}"
date = 2019-04-10

[[source]]
file = "{FILE}"
title = "Astronomers reveal the first image of a black hole"
outlet = "callbot test desk"
published = 2019-04-10
kind = "report"
"""


def test_the_core_names_no_story() -> None:
    found = []
    for path in sorted((REPO / "bot").rglob("*")):
        parts = path.relative_to(REPO / "bot").parts
        if not path.is_file() or "__pycache__" in parts or any(p in parts for p in NOT_YET):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if STORY.search(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == [], "\n".join(found)


@pytest.fixture
def other_event(tmp_path: Path) -> Path:
    folder = tmp_path / "other_event"
    folder.mkdir()
    (folder / FILE).write_text(ARTICLE, encoding="utf-8")
    (folder / "sources.toml").write_text(MANIFEST, encoding="utf-8")
    return folder


@pytest.fixture
def service(other_event: Path) -> Service:
    return Service.from_settings(load_settings(seeds_dir=other_event, prompts_dir=PROMPTS))


async def test_it_answers_from_the_other_event_with_a_citation(service: Service) -> None:
    answer = await service.ask("How far away is the black hole?")
    assert answer.status == "answered", answer.text
    assert "55 million light-years" in answer.text
    assert answer.citations and {c.source_file for c in answer.citations} == {FILE}


async def test_a_question_about_the_shipped_story_is_declined(service: Service) -> None:
    answer = await service.ask("What did Trump and Putin discuss in their phone call?")
    assert answer.status == "refused" and answer.text == REFUSAL_TEXT and not answer.citations


async def test_the_summary_speaks_of_the_other_event(service: Service) -> None:
    summary = await service.summary()
    assert summary.status == "answered"
    assert summary.text.startswith(f"What the articles say about {EVENT}:")
    assert "Messier 87" in summary.text and {c.source_file for c in summary.citations} == {FILE}
    assert not STORY.search(summary.text)


async def test_an_empty_question_is_asked_about_the_other_event(service: Service) -> None:
    with pytest.raises(InvalidQuestion, match=re.escape(f"Please ask a question about {EVENT}.")):
        await service.ask("   ")


async def test_console_help_speaks_of_the_other_event(service: Service) -> None:
    out = io.StringIO()
    await run_console(service, io.StringIO("/help\n"), out)
    assert f"Ask anything about {EVENT}." in out.getvalue()
    assert not STORY.search(out.getvalue())


def test_the_prompt_names_the_other_event(other_event: Path) -> None:
    env = {**os.environ, "SEEDS_DIR": str(other_event), "PROMPTS_DIR": str(PROMPTS)}
    out = subprocess.run([sys.executable, "-m", "bot", "prompt", "How far away is the black hole?"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    system = out.stdout.split("--- user", 1)[0]  # the instructions and the brief, before the question
    assert f"about one event: {EVENT}." in system and "Messier 87" in system
    assert not STORY.search(out.stdout)


def test_the_discord_help_speaks_of_the_other_event(service: Service) -> None:
    from bot.discord_app.cogs.ask import help_text

    text = help_text(service.knowledge.brief, [])
    assert EVENT in text and not STORY.search(text)


@pytest.mark.parametrize("line", ["quit", "Exit", "/quit", "bye!"])
async def test_the_console_ends_on_quit_alone(service: Service, line: str) -> None:
    """A person leaving the console types "quit" as often as "/quit": nothing after it is answered."""
    out = io.StringIO()
    await run_console(service, io.StringIO(f"{line}\n/help\n"), out)
    assert "Ask anything about" not in out.getvalue()
