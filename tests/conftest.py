"""Shared fixtures: every test runs with an isolated environment and its own copy of the seeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.config import Settings, load_settings

pytest_plugins = ["tests.discord_world"]  # the start_world fixture (loopback Discord + LLM)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
PROMPTS = REPO / "prompts"
DATA = Path(__file__).resolve().parent / "data"
# A reply from the loopback fake never comes near these, however busy the machine; tests of timeouts
# set small ones and make the fake far slower than them.
LLM_TIMEOUTS = {"llm_timeout": 60.0, "llm_deadline": 120.0}

ENV_VARS = [
    "DISCORD_TOKEN", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "DEV_GUILD_ID", "SEEDS_DIR",
    "PROMPTS_DIR", "BRIEF_TOKEN_BUDGET", "LLM_WARMUP", "ADMIN_USER_IDS", "ANSWER_CHANNEL_IDS", "DATA_DIR",
    "CACHE_DIR", "SEMANTIC_RETRIEVAL", "HELP_CHANNEL_IDS", "FORUM_CHANNEL_IDS", "HELP_REPLY_MODE", "USER_ID_SALT",
    "RETENTION_DAYS", "DIGEST_CHANNEL_ID", "DIGEST_HOUR", "REPEAT_WINDOW_SECONDS", "COOLDOWN_QUESTIONS",
    "COOLDOWN_SECONDS",
]


@pytest.fixture(scope="session")
def embeddings_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache of passage embeddings for the whole run (CLI subprocesses included): embedding the
    articles costs seconds, and every test builds from the same sentences."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, embeddings_cache: Path) -> None:
    """No test sees the developer's environment or .env file."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CACHE_DIR", str(embeddings_cache))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
async def close_services(monkeypatch: pytest.MonkeyPatch):
    """Close every Service a test builds, so no HTTP client outlives its event loop."""
    from bot.service import Service

    created: list[Service] = []
    original = Service.__init__

    def init(self: Service, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        created.append(self)

    monkeypatch.setattr(Service, "__init__", init)
    yield
    for service in created:
        await service.close()


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A private, writable copy of the project's seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def settings(seeds_dir: Path) -> Settings:
    return load_settings(seeds_dir=seeds_dir, prompts_dir=PROMPTS)


@pytest.fixture(scope="session")
def dev_questions() -> dict:
    return json.loads((DATA / "dev.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def knowledge(embeddings_cache: Path):
    """The project's own knowledge snapshot at default settings (read-only; built once per session)."""
    from bot.knowledge import build_knowledge
    from bot.semantic import Embedder

    default = Settings.model_fields["brief_token_budget"].default
    return build_knowledge(SEEDS, PROMPTS, default, 1_000_000, Embedder(embeddings_cache / "embeddings"))


@pytest.fixture(scope="session")
def fact_id(knowledge):
    """fact_id("never met") → the id of the brief fact whose text contains the phrase."""

    def find(phrase: str) -> str:
        matches = [f.id for f in knowledge.brief.facts if phrase in f.text]
        assert matches, f"no brief fact contains {phrase!r}"
        return matches[0]

    return find


@pytest.fixture
async def fake_llm():
    from tests.fakes.openai_server import FakeOpenAI

    async with FakeOpenAI() as fake:
        yield fake


@pytest.fixture
def llm_settings(fake_llm, seeds_dir):
    """Settings pointing the real AsyncOpenAI client at the loopback fake; no retries, generous timeouts."""

    def make(**overrides):
        values = dict(
            seeds_dir=seeds_dir, prompts_dir=PROMPTS, openai_base_url=fake_llm.base_url, openai_api_key="sk-test-key",
            openai_model="fake-model", llm_max_retries=0, **LLM_TIMEOUTS, llm_warmup=False,
        )
        values.update(overrides)
        return load_settings(**values)

    return make
