"""The fake Discord's world (users, channels, messages, commands, interactions) and its REST v10 routes.

Transport-free: ``route()`` turns a recorded request into ``(status, JSON)``; ``discord_server`` serves it.
Request bodies are what discord.py sent, so snowflakes in them are often ints; everything we answer
uses strings, as Discord does.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import discord_payloads as p
from .discord_payloads import Json

Reply = tuple[int, Any]  # (status, JSON body or None for an empty body)


@dataclass
class RecordedRequest:
    """One REST call; ``path`` is relative to the API base, e.g. ``/channels/1/messages``."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[str]  # uploaded file names (multipart requests)
    status: int = 0  # 0 while the fake is still answering
    response: Any = None  # the JSON the fake answered with (a created message, a thread, ...)
    note: str = ""  # why it is in ``unexpected``, or "injected" for ``fail_next``
    at: float = field(default_factory=time.perf_counter)  # when it arrived (for latency figures)


def error(status: int, code: int, message: str) -> Reply:
    """A Discord-style JSON error."""
    return status, {"message": message, "code": code}


class FakeDiscordRest:
    """One guild with one text channel, one bot application (bot user id == app id), and members."""

    def __init__(
        self, *, guild_id: str, channel_id: str, app_id: str, bot_name: str, members: Sequence[Json]
    ) -> None:
        self.guild_id, self.channel_id, self.app_id = guild_id, channel_id, app_id
        self.bot_user = p.user(app_id, bot_name, bot=True)
        self.users: dict[str, Json] = {app_id: self.bot_user, **{u["id"]: u for u in members}}
        if len(self.users) == 1:
            self.make_user("tester")
        self.channels: dict[str, str | None] = {channel_id: guild_id}  # channel id -> guild id (None: DM)
        self.guild_channels: dict[str, Json] = {channel_id: p.text_channel(channel_id, guild_id)}  # threads too
        self.moderator_role = p.role(p.snowflake(), "Moderator", p.MANAGE_MESSAGES, position=1)
        self.outbox: list[tuple[str, Json]] = []  # gateway events a REST call causes (THREAD_CREATE), sent after it
        self.messages: dict[str, Json] = {}  # every message the fake knows (dispatched or created), by id
        self.created_messages: list[Json] = []  # what the bot said: channel, callback and webhook messages
        self.commands: dict[str | None, list[Json]] = {}  # synced commands by guild id (None: global)
        self.unexpected: list[RecordedRequest] = []
        self.interactions: dict[str, Json] = {}  # by token: id, channel_id, acked, original
        self._dm_channels: dict[str, str] = {}  # user id -> channel id
        m, hook = r"(?P<mid>\d+|@original)", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)"
        commands = r"/applications/(?P<app>\d+)(?:/guilds/(?P<gid>\d+))?/commands"
        routes: list[tuple[str, str, Callable[[RecordedRequest, re.Match[str]], Reply]]] = [
            ("GET", r"/users/@me", lambda *_: (200, self.bot_user)),
            ("GET", r"/oauth2/applications/@me", self._app_info),
            ("PUT", commands, self._put_commands),
            ("GET", commands, lambda _, m: (200, self.commands.get(m["gid"], []))),
            ("POST", r"/channels/(?P<cid>\d+)/messages", self._create_message),
            ("GET", r"/channels/(?P<cid>\d+)/messages", self._history),
            ("POST", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)/threads", self._start_thread),
            ("GET", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._message_op),
            ("PATCH", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._message_op),
            ("DELETE", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._message_op),
            ("POST", r"/channels/(?P<cid>\d+)/typing", lambda *_: (204, None)),
            ("POST", r"/users/@me/channels", self._open_dm),
            ("POST", r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback", self._callback),
            ("POST", hook, self._execute_webhook),
            ("GET", rf"{hook}/messages/{m}", self._webhook_message),
            ("PATCH", rf"{hook}/messages/{m}", self._webhook_message),
            ("DELETE", rf"{hook}/messages/{m}", self._webhook_message),
        ]
        self._routes = [(meth, re.compile(rx), fn) for meth, rx, fn in routes]

    # -- people and channels ---------------------------------------------------------------------

    @property
    def owner(self) -> Json:
        """The application and guild owner, also the default author: the first human member."""
        return next(u for uid, u in self.users.items() if uid != self.app_id)

    def make_user(self, name: str, user_id: str | None = None, *, bot: bool = False) -> Json:
        """Create a guild member (in GUILD_CREATE if made before the bot identifies) and return it."""
        u = p.user(user_id or p.snowflake(), name, bot=bot)
        self.users[u["id"]] = u
        return u

    def dm_channel_id(self, user: Json) -> str:
        """The DM channel between the bot and ``user`` (created on first use)."""
        if user["id"] not in self._dm_channels:
            self._dm_channels[user["id"]] = cid = p.snowflake()
            self.channels[cid] = None
        return self._dm_channels[user["id"]]

    def add_channel(self, name: str, kind: int = p.TEXT) -> str:
        """A new guild channel (text, or ``p.FORUM``); made before the bot identifies, it is in GUILD_CREATE."""
        cid = p.snowflake()
        self.channels[cid] = self.guild_id
        self.guild_channels[cid] = p.text_channel(cid, self.guild_id, name, len(self.guild_channels), kind=kind)
        return cid

    def add_thread(self, parent_id: str, owner_id: str, name: str, thread_id: str | None = None) -> Json:
        """Remember a new thread (a forum post, or one started from message ``thread_id``) and return it."""
        tid = thread_id or p.snowflake()
        data = p.thread(tid, self.guild_id, parent_id, owner_id, name, newly_created=True)
        self.channels[tid] = self.guild_id
        self.guild_channels[tid] = data
        return data

    def channel_payload(self, cid: str) -> Json:
        """The channel object for a known channel id."""
        if self.channels[cid] is None:
            uid = next(u for u, c in self._dm_channels.items() if c == cid)
            return p.dm_channel(cid, self.users[uid])
        return self.guild_channels[cid]

    def guild_payload(self) -> Json:
        """GUILD_CREATE for the guild, with every known user as a member and the active threads."""
        members = [p.member(u) for u in self.users.values()]
        channels = [c for c in self.guild_channels.values() if c["type"] != p.PUBLIC_THREAD]
        threads = [{k: v for k, v in c.items() if k != "newly_created"}
                   for c in self.guild_channels.values() if c["type"] == p.PUBLIC_THREAD]
        return p.guild_create(self.guild_id, "Test Guild", self.owner["id"], channels, members,
                              roles=[self.moderator_role], threads=threads)

    def _app_info(self, *_: object) -> Reply:
        return 200, p.app_info(self.app_id, self.bot_user, self.owner)

    # -- routing ---------------------------------------------------------------------------------

    def route(self, rec: RecordedRequest) -> Reply:
        """Answer one request; unknown routes and handler errors also land in ``unexpected``."""
        for method, rx, handler in self._routes:
            m = rx.fullmatch(rec.path)
            if m and method == rec.method:
                try:
                    return handler(rec, m)
                except Exception as exc:  # a fake bug or a malformed body: make the test see it
                    rec.note = f"handler error: {exc!r}"
                    self.unexpected.append(rec)
                    return error(400, 50035, rec.note)
        rec.note = "unknown route"
        self.unexpected.append(rec)
        return error(404, 0, "404: Not Found")

    def _put_commands(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        gid = m["gid"]
        if m["app"] != self.app_id or gid not in (None, self.guild_id):
            return error(403, 50001, "Missing Access")
        old = {c["name"]: c["id"] for c in self.commands.get(gid, [])}
        synced = []
        for cmd in rec.json:  # echo each command back with what Discord assigns (AppCommand needs id etc.)
            out = {**cmd, "id": old.get(cmd["name"]) or p.snowflake(), "application_id": self.app_id}
            out |= {"version": p.snowflake(), "type": cmd.get("type", 1)}
            if gid:
                out["guild_id"] = gid
            synced.append(out)
        self.commands[gid] = synced
        return 200, synced

    def _new_bot_message(self, cid: str, body: Json, **extra: Any) -> Json | Reply:
        """Build and remember a message the bot sends (an error Reply for a bad reply reference)."""
        gid = self.channels[cid]
        fields = ("embeds", "components", "flags", "tts", "nonce", "poll")
        msg = p.message(p.snowflake(), cid, self.bot_user, body.get("content") or "", **extra)
        msg |= {k: body[k] for k in fields if body.get(k) is not None}
        if gid is not None:
            msg |= {"guild_id": gid, "member": p.member(None)}
        ref = body.get("message_reference")
        if ref:
            target = self.messages.get(str(ref.get("message_id")))
            if target is None and ref.get("fail_if_not_exists", True):
                return error(400, 50035, "Invalid Form Body: message_reference: Unknown message")
            ref = {k: str(v) if k.endswith("_id") else v for k, v in ref.items()}
            msg |= {"type": 19, "referenced_message": target}
            msg["message_reference"] = {"type": 0, "channel_id": cid, "guild_id": gid, **ref}
        self.messages[msg["id"]] = msg
        return msg

    def _edit(self, msg: Json, body: Json) -> Json:
        msg |= {k: body[k] for k in ("content", "embeds", "components", "flags") if k in body}
        msg["flags"] = (msg.get("flags") or 0) & ~p.LOADING
        msg["edited_timestamp"] = p.now_iso()
        if all(c is not msg for c in self.created_messages):  # a deferred placeholder became real
            self.created_messages.append(msg)
        return msg

    # -- channel messages ------------------------------------------------------------------------

    def _create_message(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        if m["cid"] not in self.channels:
            return error(404, 10003, "Unknown Channel")
        attachments = [p.attachment(f) for f in rec.files]
        msg = self._new_bot_message(m["cid"], rec.json or {}, attachments=attachments)
        if isinstance(msg, tuple):
            return msg
        self.created_messages.append(msg)
        return 200, msg

    def _message_op(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        msg = self.messages.get(m["mid"])
        if msg is None or msg["channel_id"] != m["cid"]:
            return error(404, 10008, "Unknown Message")
        if rec.method == "GET":
            return 200, msg
        if msg["author"]["id"] != self.app_id:
            return error(403, 50005, "Cannot edit a message authored by another user")
        if rec.method == "DELETE":
            del self.messages[msg["id"]]
            return 204, None
        return 200, self._edit(msg, rec.json or {})

    def _history(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        """GET messages: newest first, ``before``/``after`` a message id, at most ``limit`` (default 50)."""
        if m["cid"] not in self.channels:
            return error(404, 10003, "Unknown Channel")
        before, after = int(rec.query.get("before", 1 << 64)), int(rec.query.get("after", 0))
        found = [msg for msg in self.messages.values()
                 if msg["channel_id"] == m["cid"] and after < int(msg["id"]) < before]
        found.sort(key=lambda msg: int(msg["id"]), reverse=True)
        return 200, found[: int(rec.query.get("limit", 50))]

    def _start_thread(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        """A public thread on a message (the thread takes the message's id); THREAD_CREATE follows."""
        msg = self.messages.get(m["mid"])
        if msg is None or msg["channel_id"] != m["cid"]:
            return error(404, 10008, "Unknown Message")
        if m["mid"] in self.channels:
            return error(400, 160004, "A thread has already been created for this message")
        body = rec.json or {}
        if not 1 <= len(body.get("name", "")) <= 100:
            return error(400, 50035, "Invalid Form Body: name")
        data = self.add_thread(m["cid"], self.app_id, body["name"], thread_id=m["mid"])
        msg["thread"] = data
        self.outbox.append(("THREAD_CREATE", data))
        return 201, {k: v for k, v in data.items() if k != "newly_created"}

    def _open_dm(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        user = self.users.get(str(rec.json["recipient_id"]))
        if user is None:
            return error(400, 50035, "Invalid Form Body: recipient_id")
        return 200, p.dm_channel(self.dm_channel_id(user), user)

    # -- interactions ----------------------------------------------------------------------------

    def _callback(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        inter = self.interactions.get(m["token"])
        if inter is None or inter["id"] != m["iid"]:
            return error(404, 10062, "Unknown interaction")
        if inter["acked"]:
            return error(400, 40060, "Interaction has already been acknowledged.")
        inter["acked"] = True
        kind, data = rec.json["type"], rec.json.get("data") or {}
        flags = data.get("flags") or 0
        info: Json = {"id": inter["id"], "type": inter["type"], "response_message_loading": kind == 5}
        info["response_message_ephemeral"] = bool(flags & p.EPHEMERAL)
        resource: Json = {"type": kind}
        if kind == 9:  # a modal opens; its submit comes back as an interaction (FakeDiscord.submit_modal)
            inter["modal"] = data
        if kind in (4, 5):  # a message now exists: the answer, or a "thinking..." placeholder
            body = data if kind == 4 else {"flags": flags | p.LOADING}
            app = {"webhook_id": self.app_id, "application_id": self.app_id}
            msg = self._new_bot_message(inter["channel_id"], body, type=20, **app)
            if isinstance(msg, tuple):
                return msg
            inter["original"] = info["response_message_id"] = msg["id"]
            resource["message"] = msg
            if kind == 4:
                self.created_messages.append(msg)
        # with_response=true: discord.py builds an InteractionCallbackResponse from this (a 204 breaks it)
        return 200, {"interaction": info, "resource": resource}

    def _webhook_interaction(self, m: re.Match[str]) -> Json | None:
        inter = self.interactions.get(m["token"])
        return inter if m["app"] == self.app_id and inter and inter["acked"] else None

    def _execute_webhook(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        inter = self._webhook_interaction(m)
        if inter is None:
            return error(404, 10015, "Unknown Webhook")
        app = self.app_id
        msg = self._new_bot_message(inter["channel_id"], rec.json or {}, webhook_id=app, application_id=app)
        if isinstance(msg, tuple):
            return msg
        msg["attachments"] = [p.attachment(f) for f in rec.files]
        self.created_messages.append(msg)
        return (200, msg) if rec.query.get("wait", "").lower() in ("1", "true") else (204, None)

    def _webhook_message(self, rec: RecordedRequest, m: re.Match[str]) -> Reply:
        inter = self._webhook_interaction(m)
        mid = inter and (inter["original"] if m["mid"] == "@original" else m["mid"])
        msg = self.messages.get(mid) if mid else None
        if inter is None or msg is None or msg.get("webhook_id") != self.app_id:
            return error(404, 10008, "Unknown Message")
        if rec.method == "GET":
            return 200, msg
        if rec.method == "DELETE":
            del self.messages[msg["id"]]
            return 204, None
        return 200, self._edit(msg, rec.json or {})
