"""The buttons under an answer and the "what was wrong?" form: persistent, stateless.

Each button's custom_id carries what a click needs, `callbot:<action>:<answer_id>`; the answer's
quotes and votes live in the store (bot/store.py), never in memory. `AnswerButton` is a
discord.ui.DynamicItem registered once in `CallBot.setup_hook`, so a click is routed by its
custom_id alone: after a restart, on an answer sent days ago, on an ephemeral answer.

The form (a modal) is just as stateless: its custom_id is `callbot:why:<answer_id>` and its submit
is handled by the feedback cog's interaction listener, not by a Modal object kept in memory.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

import discord

if TYPE_CHECKING:
    from bot.discord_app.client import CallBot

PREFIX = "callbot"
Action = Literal["quotes", "up", "down"]
ANSWER_ID = r"[A-Za-z0-9_-]{1,64}"
WHY = re.compile(rf"{PREFIX}:why:(?P<answer_id>{ANSWER_ID})")
COMMENT_ID = "comment"
COMMENT_CHARS = 1000


def custom_id(action: str, answer_id: str) -> str:
    return f"{PREFIX}:{action}:{answer_id}"


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=rf"{PREFIX}:(?P<action>quotes|up|down):(?P<answer_id>{ANSWER_ID})"):
    """Quotes (or Sources), 👍 or 👎 on one logged answer."""

    def __init__(self, action: Action, answer_id: str, *, label: str | None = None) -> None:
        looks: dict[str, dict[str, Any]] = {
            "quotes": {"label": label or "Quotes", "emoji": "📄"},
            "up": {"emoji": "👍"},
            "down": {"emoji": "👎"},
        }
        super().__init__(discord.ui.Button(style=discord.ButtonStyle.secondary, custom_id=custom_id(action, answer_id),
                                           **looks[action]))
        self.action: Action = action
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> AnswerButton:
        return cls(match["action"], match["answer_id"])  # type: ignore[arg-type]

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: CallBot = interaction.client  # type: ignore[assignment]
        await bot.feedback.on_button(interaction, self.action, self.answer_id)


class SentOnly(discord.ui.View):
    """A view used only to put components on a message. It reports itself as not dispatchable, so
    discord.py neither keeps it per message nor gives it a timeout (which would unregister the
    DynamicItem for everyone): clicks go through the DynamicItem registered in setup_hook."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    def is_dispatchable(self) -> bool:
        return False


def answer_view(answer_id: str, quotes: Literal["quotes", "sources"] | None) -> discord.ui.View:
    """[Quotes|Sources] [👍] [👎]; just the votes when there is nothing to quote (a refusal)."""
    view = SentOnly()
    if quotes is not None:
        view.add_item(AnswerButton("quotes", answer_id, label="Quotes" if quotes == "quotes" else "Sources"))
    view.add_item(AnswerButton("up", answer_id))
    view.add_item(AnswerButton("down", answer_id))
    return view


class WhyModal(discord.ui.Modal):
    """"What was wrong?" after a 👎: one optional text. Submitted to the feedback cog's listener."""

    def __init__(self, answer_id: str) -> None:
        super().__init__(title="What was wrong?", custom_id=f"{PREFIX}:why:{answer_id}", timeout=None)
        self.add_item(discord.ui.Label(
            text="What was wrong? (optional)",
            component=discord.ui.TextInput(custom_id=COMMENT_ID, style=discord.TextStyle.paragraph,
                                           required=False, max_length=COMMENT_CHARS),
        ))


def submitted_text(components: list[dict[str, Any]], wanted: str = COMMENT_ID) -> str:
    """The value of text input `wanted` in a modal submit's components (in a label or an action row)."""
    for component in components:
        if component.get("custom_id") == wanted and "value" in component:
            return str(component["value"] or "")
        inner = [component["component"]] if "component" in component else component.get("components", [])
        if found := submitted_text(inner, wanted):
            return found
    return ""
