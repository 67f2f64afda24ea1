"""Typed settings, read from the environment and `.env`, validated once at start-up.

Every field here has a line in `.env.example`. Secrets are `SecretStr` so they never show up in a
repr, a log line or an exception message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import CallbotError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_dir(name: str) -> Path:
    """`seeds/` and `prompts/` next to the package (editable install), else in the working directory."""
    candidate = PROJECT_ROOT / name
    return candidate if candidate.is_dir() else Path.cwd() / name


class Settings(BaseSettings):
    """All knobs of callbot. Names map to upper-case environment variables (SEEDS_DIR, ...)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    # Sources and brief
    seeds_dir: Path = Field(default_factory=lambda: _default_dir("seeds"))
    prompts_dir: Path = Field(default_factory=lambda: _default_dir("prompts"))
    brief_token_budget: int = Field(6000, ge=200, le=100_000)
    data_dir: Path = Path("data")
    cache_dir: Path | None = None  # default: DATA_DIR/cache
    semantic_retrieval: bool = True
    max_seed_bytes: int = Field(1_000_000, ge=1_000)

    # Questions
    max_question_chars: int = Field(500, ge=20, le=10_000)
    history_turns: int = Field(6, ge=0, le=20)
    cache_size: int = Field(512, ge=0)
    offline_min_coverage: float = Field(0.5, gt=0, le=1)
    support_threshold: float = Field(0.7, gt=0, le=1)

    # LLM (used when a key or a base URL is set)
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    llm_temperature: float = Field(0.1, ge=0, le=2)
    llm_max_tokens: int = Field(400, ge=16, le=8192)
    llm_timeout: float = Field(30.0, gt=0)
    llm_max_retries: int = Field(2, ge=0, le=10)
    llm_deadline: float = Field(90.0, gt=0)
    llm_concurrency: int = Field(4, ge=1, le=256)
    llm_instructions_in_user: bool = False
    llm_focused_retry: bool = True  # a cited answer that fails the check: ask once more with the chosen facts only
    llm_warmup: bool | None = None

    # Discord
    discord_token: SecretStr | None = None
    dev_guild_id: int | None = None
    discord_api_base: str = "https://discord.com/api/v10"
    discord_gateway_url: str = "wss://gateway.discord.gg/"
    admin_user_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    # HELP_CHANNEL_IDS; ANSWER_CHANNEL_IDS, its older name, is still read (and `answer_channel_ids` below)
    help_channel_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, validation_alias=AliasChoices("help_channel_ids", "answer_channel_ids"))
    forum_channel_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    help_reply_mode: Literal["thread", "reply"] = "thread"
    allow_dms: bool = True
    cooldown_questions: int = Field(5, ge=1)
    cooldown_seconds: float = Field(60.0, gt=0)
    repeat_window_seconds: float = Field(300.0, ge=0)  # the same question again in a channel gets a link; 0: off

    # Feedback and the question log (bot/store.py; its file is DATA_DIR/callbot.db)
    user_id_salt: SecretStr | None = Field(None, min_length=16)
    retention_days: int = Field(90, ge=1)
    digest_channel_id: int | None = None
    digest_hour: int = Field(9, ge=0, le=23)

    log_level: str = "INFO"

    @field_validator("admin_user_ids", "help_channel_ids", "forum_channel_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept `1,2,3` (or spaces) in env/.env as well as a list."""
        if isinstance(value, str):
            return [part for part in value.replace(",", " ").split() if part]
        return value

    @field_validator("openai_base_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _check_dirs(self) -> Settings:
        if not self.seeds_dir.is_dir():
            raise ValueError(f"SEEDS_DIR {self.seeds_dir} is not a folder")
        if not self.prompts_dir.is_dir():
            raise ValueError(f"PROMPTS_DIR {self.prompts_dir} is not a folder")
        return self

    @property
    def embeddings_dir(self) -> Path:
        """Where passage embeddings are cached across restarts."""
        return (self.cache_dir or self.data_dir / "cache") / "embeddings"

    @property
    def answer_channel_ids(self) -> list[int]:
        """The old name of `help_channel_ids` (the Discord edge reads `help_channel_ids`)."""
        return self.help_channel_ids

    @property
    def llm_enabled(self) -> bool:
        """The LLM engine is used when an API key or a base URL is configured."""
        return bool(self.openai_base_url) or bool(self.openai_api_key and self.openai_api_key.get_secret_value())

    @property
    def warmup_enabled(self) -> bool:
        """Prefix warm-up: on by default for self-hosted servers (OPENAI_BASE_URL set)."""
        return self.llm_warmup if self.llm_warmup is not None else bool(self.openai_base_url)


class SettingsError(CallbotError):
    """Settings failed validation; the message names each bad variable."""


def load_settings(**overrides: Any) -> Settings:
    """Build Settings, turning pydantic's report into one readable message per bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = ".".join(str(part) for part in err["loc"]).upper() or "settings"
            lines.append(f"{name}: {err['msg']}")
        raise SettingsError("invalid settings: " + "; ".join(lines)) from None
