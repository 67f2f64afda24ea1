"""Builders for the JSON shapes Discord puts on the wire, as far as discord.py 2.7.1 parses them.

Ids are strings on the wire. Every key that discord.py reads with ``data[...]`` (rather than ``.get``)
is always present, because a missing key in a gateway event ends ``Client.start()``.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

Json = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000
EVERYONE_PERMISSIONS = "1071698660929"  # Discord's default @everyone permission set
ADMINISTRATOR = str(1 << 3)
MANAGE_MESSAGES = str(1 << 13)
MESSAGE_CONTENT_INTENT = 1 << 15
EPHEMERAL = 1 << 6
LOADING = 1 << 7
_increment = itertools.count()


def snowflake() -> str:
    """A fresh, unique, time-ordered 18/19 digit snowflake (mention regexes need 15-20 digits)."""
    ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return str((ms << 22) | (next(_increment) & 0x3FFFFF))


def now_iso() -> str:
    """The current time as Discord's ISO 8601 timestamp."""
    return datetime.now(UTC).isoformat()


def user(user_id: int | str, name: str, *, bot: bool = False, global_name: str | None = None) -> Json:
    """A user object."""
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": global_name,
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
    }


def member(user_payload: Json | None, *, permissions: str | None = None, roles: Sequence[str] = ()) -> Json:
    """A guild member; ``user_payload=None`` gives the user-less form used inside MESSAGE_CREATE."""
    data: Json = {
        "roles": list(roles),
        "nick": None,
        "avatar": None,
        "joined_at": "2020-01-01T00:00:00+00:00",
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
    }
    if user_payload is not None:
        data["user"] = user_payload
    if permissions is not None:
        data["permissions"] = permissions
    return data


TEXT, FORUM, PUBLIC_THREAD = 0, 15, 11  # channel types


def text_channel(channel_id: str, guild_id: str, name: str = "general", position: int = 0, *, kind: int = TEXT) -> Json:
    """A guild text channel (type 0), or another kind of guild channel (a forum is type 15)."""
    return {
        "id": channel_id,
        "type": kind,
        "guild_id": guild_id,
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": False,
        "topic": None,
        "parent_id": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
    }


def thread(thread_id: str, guild_id: str, parent_id: str, owner_id: str, name: str, *,
           newly_created: bool = False) -> Json:
    """A public thread (type 11): one started from a message (same id), or a forum post."""
    data: Json = {
        "id": thread_id,
        "type": PUBLIC_THREAD,
        "guild_id": guild_id,
        "parent_id": parent_id,
        "owner_id": owner_id,
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "flags": 0,
        "applied_tags": [],
        "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": now_iso(),
                            "locked": False, "create_timestamp": now_iso()},
    }
    if newly_created:
        data["newly_created"] = True
    return data


def dm_channel(channel_id: str, recipient: Json) -> Json:
    """A DM channel (type 1)."""
    return {"id": channel_id, "type": 1, "recipients": [recipient], "last_message_id": None, "flags": 0}


def everyone_role(guild_id: str) -> Json:
    """The @everyone role, whose id is the guild id."""
    return role(guild_id, "@everyone", EVERYONE_PERMISSIONS)


def role(role_id: str, name: str, permissions: str, position: int = 0) -> Json:
    """A guild role; members carry role ids, permissions come from the roles (and the owner has all)."""
    return {
        "id": role_id,
        "name": name,
        "permissions": permissions,
        "position": position,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def guild_create(
    guild_id: str, name: str, owner_id: str, channels: Sequence[Json], members: Sequence[Json], *,
    roles: Sequence[Json] = (), threads: Sequence[Json] = (),
) -> Json:
    """A full GUILD_CREATE; ``member_count`` equals the members sent, so no chunking is needed."""
    return {
        "id": guild_id,
        "name": name,
        "icon": None,
        "owner_id": owner_id,
        "unavailable": False,
        "large": False,
        "member_count": len(members),
        "joined_at": now_iso(),
        "roles": [everyone_role(guild_id), *roles],
        "channels": list(channels),
        "members": list(members),
        "threads": list(threads),
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "emojis": [],
        "stickers": [],
        "features": [],
        "voice_states": [],
        "presences": [],
        "preferred_locale": "en-US",
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "afk_timeout": 300,
        "afk_channel_id": None,
        "system_channel_id": None,
    }


def ready(bot_user: Json, guild_ids: Sequence[str], session_id: str, resume_url: str, app_id: str) -> Json:
    """READY: guilds arrive as unavailable stubs, GUILD_CREATE follows."""
    return {
        "v": 10,
        "user": bot_user,
        "guilds": [{"id": gid, "unavailable": True} for gid in guild_ids],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": resume_url,
        "application": {"id": app_id, "flags": 0},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "user_settings": {},
        "geo_ordered_rtc_regions": [],
    }


def app_info(app_id: str, bot_user: Json, owner: Json) -> Json:
    """GET /oauth2/applications/@me."""
    return {
        "id": app_id,
        "name": bot_user["username"],
        "description": "",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": owner,
        "team": None,
        "verify_key": "0" * 64,
        "flags": 0,
        "summary": "",
        "bot": bot_user,
        "redirect_uris": [],
        "interactions_endpoint_url": None,
    }


def message(message_id: str, channel_id: str, author: Json, content: str, **extra: Any) -> Json:
    """A full message object; ``extra`` keys (guild_id, member, embeds, ...) override the defaults."""
    data: Json = {
        "id": message_id,
        "channel_id": channel_id,
        "author": author,
        "content": content,
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
    }
    data.update(extra)
    return data


def attachment(filename: str, size: int = 0) -> Json:
    """An attachment object for an uploaded file."""
    aid = snowflake()
    url = f"https://cdn.discordapp.com/attachments/0/{aid}/{filename}"
    return {"id": aid, "filename": filename, "size": size, "url": url, "proxy_url": url}


def command_options(options: Mapping[str, Any] | Sequence[Json] | None) -> list[Json]:
    """Slash command options from ``{name: value}`` (type inferred) or an already-built list."""
    if options is None:
        return []
    if not isinstance(options, Mapping):
        return list(options)
    out: list[Json] = []
    for name, value in options.items():
        kinds = ((bool, 5), (int, 4), (float, 10))
        kind = next((k for t, k in kinds if isinstance(value, t)), 3)  # bool first: it is an int too
        out.append({"name": name, "type": kind, "value": value})
    return out


def interaction(
    interaction_id: str,
    app_id: str,
    token: str,
    data: Json,
    channel: Json,
    *,
    actor: Json,
    guild_id: str | None,
    kind: int = 2,
    message: Json | None = None,
) -> Json:
    """An INTERACTION_CREATE: a slash command (type 2), a component click (3, on ``message``) or a
    modal submit (5); ``actor`` is a member (guild) or a user (DM)."""
    payload: Json = {
        "id": interaction_id,
        "application_id": app_id,
        "type": kind,
        "token": token,
        "version": 1,
        "attachment_size_limit": 10 * 1024 * 1024,
        "locale": "en-US",
        "app_permissions": EVERYONE_PERMISSIONS,
        "entitlements": [],
        "channel_id": channel["id"],
        "channel": channel,
        "data": data,
    }
    if message is not None:
        payload["message"] = message
    if guild_id is None:
        payload |= {"user": actor, "context": 1, "authorizing_integration_owners": {"1": actor["id"]}}
    else:
        payload |= {"member": actor, "guild_id": guild_id, "guild_locale": "en-US", "context": 0}
        payload["authorizing_integration_owners"] = {"0": guild_id}
    return payload
