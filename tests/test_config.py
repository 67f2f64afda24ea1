"""Settings added for feedback, the question log and help channels: defaults, aliases, bounds."""

from __future__ import annotations

import re

import pytest

from bot.config import Settings, SettingsError, load_settings
from tests.conftest import PROMPTS, REPO


def make(seeds_dir, **overrides) -> Settings:
    return load_settings(seeds_dir=seeds_dir, prompts_dir=PROMPTS, **overrides)


def test_defaults(seeds_dir) -> None:
    settings = make(seeds_dir)
    assert str(settings.data_dir) == "data"
    assert settings.user_id_salt is None
    assert settings.retention_days == 90
    assert settings.digest_channel_id is None
    assert settings.digest_hour == 9
    assert settings.help_channel_ids == settings.forum_channel_ids == []
    assert settings.help_reply_mode == "thread"


def test_channel_ids_from_env_old_name_still_read(seeds_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANSWER_CHANNEL_IDS", "7,8")
    monkeypatch.setenv("FORUM_CHANNEL_IDS", "9 10")
    settings = make(seeds_dir)
    assert settings.help_channel_ids == settings.answer_channel_ids == [7, 8]
    assert settings.forum_channel_ids == [9, 10]
    monkeypatch.setenv("HELP_CHANNEL_IDS", "11")
    assert make(seeds_dir).help_channel_ids == [11]  # the new name wins when both are set


@pytest.mark.parametrize(
    ("name", "value"),
    [("digest_hour", 24), ("digest_hour", -1), ("retention_days", 0), ("help_reply_mode", "dm"),
     ("user_id_salt", "too short")],
)
def test_bad_values_name_the_variable(seeds_dir, name: str, value: object) -> None:
    with pytest.raises(SettingsError, match=name.upper()):
        make(seeds_dir, **{name: value})


def test_salt_is_secret(seeds_dir) -> None:
    settings = make(seeds_dir, user_id_salt="s" * 32)
    assert "s" * 32 not in repr(settings)


def test_every_setting_has_a_line_in_env_example() -> None:
    documented = set(re.findall(r"^([A-Z_]+)=", (REPO / ".env.example").read_text(encoding="utf-8"), re.MULTILINE))
    assert {name.upper() for name in Settings.model_fields} <= documented
