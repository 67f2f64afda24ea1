"""Security: secrets stay secret, admin commands stay admin-only, reload stays in its folder."""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.corpus import load_corpus
from bot.errors import CorpusError
from bot.logs import setup_logging
from bot.service import Service
from tests.fakes.openai_server import Error

from .conftest import PROMPTS

TOKEN = "bot-token-SECRET-1234567890"
KEY = "sk-live-SECRET-0987654321"


async def test_token_and_key_never_reach_logs_replies_or_errors(start_world, caplog) -> None:
    stream = io.StringIO()
    setup_logging("DEBUG", [TOKEN, KEY], stream=stream)
    caplog.set_level(logging.DEBUG)
    try:
        world = await start_world(discord_token=TOKEN, openai_api_key=KEY)
        # the server echoes the key in its auth error, as real ones do
        world.llm.default = Error(401, body={"error": {"message": f"Incorrect API key provided: {KEY}",
                                                      "type": "invalid_request_error", "code": "invalid_api_key"}})
        answers = []
        original = world.service.ask

        async def recording(*args, **kwargs):
            answers.append(await original(*args, **kwargs))
            return answers[-1]

        world.service.ask = recording  # type: ignore[method-assign]
        await world.mention("did they talk about Iran?")
        await world.discord.send_interaction("ask", {"question": "How long was the call?"})
        await world.channel_posts()
        await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_callbot", False):
                logging.getLogger().removeHandler(handler)
    assert world.discord.requests[0].headers["Authorization"] == f"Bot {TOKEN}"  # it was really used
    assert answers and all(a.fallback for a in answers)
    shown = [r.json.get("content", "") for r in world.discord.requests if isinstance(r.json, dict)]
    for secret in (TOKEN, KEY):
        assert secret not in caplog.text
        assert secret not in stream.getvalue()
        assert all(secret not in text for text in shown)
        assert all(secret not in a.model_dump_json() for a in answers)
    assert "[redacted]" in caplog.text  # the echoed key was there, and was replaced


def test_settings_never_print_secrets(seeds_dir: Path) -> None:
    settings = load_settings(seeds_dir=seeds_dir, prompts_dir=PROMPTS, discord_token=TOKEN, openai_api_key=KEY)
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert TOKEN not in text and KEY not in text


async def test_admin_commands_refused_in_dms_unless_listed(start_world) -> None:
    world = await start_world()
    await world.discord.send_interaction("reload", guild=False)
    (refused,) = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback"))
    assert "Manage Server" in refused.json["data"]["content"] and refused.json["data"]["flags"] & 64
    assert world.service.stats.answered == 0


def test_reload_refuses_a_seed_that_points_outside_the_folder(seeds_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("Top secret text that is not an article.", encoding="utf-8")
    target = seeds_dir / "003_b5b084b637f8fbb2.txt"
    target.unlink()
    os.symlink(secret, target)
    with pytest.raises(CorpusError, match="points outside the seeds folder"):
        load_corpus(seeds_dir)


@pytest.mark.parametrize("name", ["../outside.txt", "/etc/passwd", "sub/file.txt", "notes.md"])
def test_manifest_file_names_cannot_leave_the_folder(seeds_dir: Path, name: str) -> None:
    manifest = seeds_dir / "sources.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'file = "003_b5b084b637f8fbb2.txt"', f'file = "{name}"'), encoding="utf-8")
    with pytest.raises(CorpusError, match="field 'file'"):
        load_corpus(seeds_dir)


async def test_reload_keeps_serving_when_a_seed_grows_past_the_cap(seeds_dir: Path) -> None:
    service = Service.from_settings(load_settings(seeds_dir=seeds_dir, prompts_dir=PROMPTS, max_seed_bytes=20_000))
    (seeds_dir / "004_4eb88918302d683b.txt").write_text("Putin spoke. " * 5_000, encoding="utf-8")
    report = await service.reload()
    assert not report.ok and "20000-byte limit" in report.error
    assert (await service.ask("Did they talk about Iran?")).status == "answered"
