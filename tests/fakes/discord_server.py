"""A fake Discord (REST v10 + JSON gateway) on 127.0.0.1 for driving an unmodified discord.py 2.7.1 bot.

Every REST call is recorded in ``requests``; calls to routes the fake does not know (or cannot handle)
get a 404/400 and are also put in ``unexpected`` so tests can assert it stays empty.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Self, TypeVar

from aiohttp import WSMsgType, web

from . import HANG
from . import discord_payloads as p
from .discord_payloads import Json
from .discord_rest import FakeDiscordRest, RecordedRequest, error

__all__ = ["FakeDiscord", "RecordedRequest"]

API_PREFIX = "/api/v10"
T = TypeVar("T")


@dataclass
class _Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    retry_after: float
    times: int


@dataclass
class _Session:
    id: str
    seq: int = 0
    backlog: list[tuple[int, str]] = field(default_factory=list)  # (seq, frame) for replay on RESUME


def _response(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> web.Response:
    if payload is None:
        return web.Response(status=status, headers=headers)
    # body= (not text=) so the header is exactly "application/json": discord.py compares it verbatim.
    body = json.dumps(payload).encode()
    return web.Response(status=status, body=body, content_type="application/json", headers=headers)


class FakeDiscord(FakeDiscordRest):
    """Serves ``FakeDiscordRest`` over HTTP plus a gateway; records traffic; lets tests cause events."""

    def __init__(
        self,
        *,
        guild_id: str = "1100000000000000100",
        channel_id: str = "1100000000000000200",
        app_id: str = "1100000000000000001",
        bot_name: str = "callbot",
        members: Sequence[Json] = (),
        heartbeat_interval_ms: int = 41_250,
    ) -> None:
        ids = {"guild_id": guild_id, "channel_id": channel_id, "app_id": app_id}
        super().__init__(**ids, bot_name=bot_name, members=members)
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.port = 0
        self.requests: list[RecordedRequest] = []
        self.gateway_received: list[Json] = []  # every frame the client sent, heartbeats included
        self.gateway_queries: list[dict[str, str]] = []  # query string of each gateway connection
        self.ready_count = 0  # READY + GUILD_CREATE sent (once per IDENTIFY)
        # Whether the application may use the privileged Message Content intent; when not, an IDENTIFY
        # asking for it is closed with 4014, as Discord does.
        self.message_content_granted = True
        self.session_intents = 0  # the intents of the live session: without Message Content, content is withheld
        self._faults: list[_Fault] = []
        self._session: _Session | None = None
        self._ws: web.WebSocketResponse | None = None  # the live (identified or resumed) connection
        self._sockets: set[web.WebSocketResponse] = set()
        self._lock = asyncio.Lock()  # orders sequence numbers and sends
        self._changed = asyncio.Event()  # replaced after every recorded request / gateway frame
        self._runner: web.AppRunner | None = None
        self._restore: Callable[[], None] | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 with an OS-chosen port."""
        app = web.Application()
        app.router.add_get("/gateway", self._handle_gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._handle_rest)
        app.router.add_route("*", "/{tail:.*}", self._handle_rest)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        """Close gateway sockets, stop serving, and undo ``point_discord_py_here``. Close the bot first."""
        for ws in list(self._sockets):
            await ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._restore is not None:
            self._restore()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        """Value for ``discord.http.Route.BASE`` (and the bot's DISCORD_API_BASE setting)."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """Value for ``DiscordWebSocket.DEFAULT_GATEWAY`` (and the bot's DISCORD_GATEWAY_URL setting)."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    def point_discord_py_here(self) -> Callable[[], None]:
        """Redirect discord.py's REST base and gateway here; returns the undo (``stop()`` also runs it)."""
        import discord.gateway
        import discord.http
        import yarl

        route, ws_cls = discord.http.Route, discord.gateway.DiscordWebSocket
        old_base, old_gateway = route.BASE, ws_cls.DEFAULT_GATEWAY
        route.BASE, ws_cls.DEFAULT_GATEWAY = self.api_base, yarl.URL(self.gateway_url)

        def restore() -> None:
            route.BASE, ws_cls.DEFAULT_GATEWAY = old_base, old_gateway
            self._restore = None

        self._restore = restore
        return restore

    # -- recording and waiting -------------------------------------------------------------------

    def _bump(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, check: Callable[[], T | None], timeout: float, what: str) -> T:
        try:
            async with asyncio.timeout(timeout):
                while (result := check()) is None:
                    await self._changed.wait()
        except TimeoutError:
            seen = [f"{r.method} {r.path} -> {r.status}" for r in self.requests]
            raise TimeoutError(f"timed out waiting for {what}; requests so far: {seen}") from None
        return result

    def requests_to(self, method: str, path: str, *, include_failed: bool = False) -> list[RecordedRequest]:
        """Answered requests matching ``method`` and the full-match regex ``path``; 2xx only by default."""
        rx = re.compile(path)
        return [
            r
            for r in self.requests
            if r.method == method and rx.fullmatch(r.path) and r.status
            if include_failed or 200 <= r.status < 300
        ]

    async def wait_for(
        self, method: str, path: str, *, count: int = 1, timeout: float = HANG, include_failed: bool = False
    ) -> list[RecordedRequest]:
        """Wait until ``requests_to(...)`` has ``count`` entries; return them all."""

        def check() -> list[RecordedRequest] | None:
            hits = self.requests_to(method, path, include_failed=include_failed)
            return hits if len(hits) >= count else None

        return await self._wait_until(check, timeout, f"{count}x {method} {path}")

    async def wait_gateway(self, op: int, *, count: int = 1, timeout: float = HANG) -> list[Json]:
        """Wait until the client has sent ``count`` frames with opcode ``op``; return their ``d``."""

        def check() -> list[Json] | None:
            hits = [f["d"] for f in self.gateway_received if f.get("op") == op]
            return hits if len(hits) >= count else None

        return await self._wait_until(check, timeout, f"{count}x gateway op {op}")

    async def wait_ready(self, timeout: float = HANG) -> None:
        """Wait until the bot has identified and been sent READY + GUILD_CREATE."""
        await self._wait_until(lambda: True if self.ready_count else None, timeout, "READY")

    @property
    def identifies(self) -> list[Json]:
        """IDENTIFY payloads received (token, intents, properties, ...)."""
        return [f["d"] for f in self.gateway_received if f.get("op") == 2]

    @property
    def resumes(self) -> list[Json]:
        """RESUME payloads received (token, session_id, seq)."""
        return [f["d"] for f in self.gateway_received if f.get("op") == 6]

    @property
    def last_seq(self) -> int:
        """The sequence number of the latest dispatch."""
        return self._session.seq if self._session else 0

    @property
    def session_id(self) -> str | None:
        """The current gateway session id."""
        return self._session.id if self._session else None

    def fail_next(
        self, method: str, path: str, *, status: int = 429, retry_after: float = 0.05, times: int = 1
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` (429s look like real rate limits)."""
        self._faults.append(_Fault(method, re.compile(path), status, retry_after, times))

    # -- gateway ---------------------------------------------------------------------------------

    async def _handle_gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(timeout=1.0)
        await ws.prepare(request)
        self._sockets.add(ws)
        self.gateway_queries.append(dict(request.query))  # compress=zlib-stream is ignored: we send text
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}))
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    frame = json.loads(msg.data)
                    self.gateway_received.append(frame)
                    await self._on_frame(ws, frame)
                    self._bump()
        finally:
            self._sockets.discard(ws)
            if self._ws is ws:
                self._ws = None
        return ws

    async def _on_frame(self, ws: web.WebSocketResponse, frame: Json) -> None:
        op, d = frame.get("op"), frame.get("d")
        if op == 1:
            await ws.send_str(json.dumps({"op": 11}))
        elif op == 2:
            intents = int(d.get("intents") or 0)
            if intents & p.MESSAGE_CONTENT_INTENT and not self.message_content_granted:
                await ws.close(code=4014, message=b"Disallowed intent(s).")
                return
            self.session_intents = intents
            self._session = _Session(secrets.token_hex(16))
            self._ws = ws
            ready = p.ready(self.bot_user, [self.guild_id], self._session.id, self.gateway_url, self.app_id)
            await self.dispatch("READY", ready)
            await self.dispatch("GUILD_CREATE", self.guild_payload())
            self.ready_count += 1
        elif op == 6:
            session = self._session
            if session is None or d["session_id"] != session.id:
                await ws.send_str(json.dumps({"op": 9, "d": False}))
                return
            async with self._lock:  # replay what the client missed, then RESUMED
                self._ws = ws
                for seq, text in session.backlog:
                    if seq > (d.get("seq") or 0):
                        await ws.send_str(text)
            await self.dispatch("RESUMED", {})

    async def dispatch(self, event: str, data: Json) -> None:
        """Send a DISPATCH with the next sequence number (kept for replay if the client is away)."""
        if self._session is None:
            raise RuntimeError("the bot has not identified yet")
        async with self._lock:
            self._session.seq += 1
            text = json.dumps({"op": 0, "t": event, "s": self._session.seq, "d": data})
            self._session.backlog.append((self._session.seq, text))
            if self._ws is not None and not self._ws.closed:
                await self._ws.send_str(text)

    async def _send_op(self, frame: Json) -> None:
        async with self._lock:
            if self._ws is None:
                raise RuntimeError("no live gateway connection")
            ws, self._ws = self._ws, None
            await ws.send_str(json.dumps(frame))

    async def send_reconnect(self) -> None:
        """Send op 7 RECONNECT: the client drops the socket and RESUMEs on ``resume_gateway_url``."""
        await self._send_op({"op": 7, "d": None})

    async def send_invalid_session(self, resumable: bool = False) -> None:
        """Send op 9 INVALID_SESSION; with ``resumable=False`` the client re-IDENTIFYs."""
        await self._send_op({"op": 9, "d": resumable})

    # -- events a test can cause -----------------------------------------------------------------

    async def send_message(
        self,
        content: str,
        *,
        author: Json | None = None,
        mentions: Sequence[Json] | None = None,
        referenced_message: Json | str | None = None,
        channel_id: str | None = None,
        guild: bool = True,
        roles: Sequence[str] = (),
        message_id: str | None = None,
        **extra: Any,
    ) -> Json:
        """Dispatch MESSAGE_CREATE (guild channel or thread, or DM when ``guild=False``); return the payload.

        ``mentions`` defaults to the known users written as ``<@id>`` in ``content``, plus the author
        of ``referenced_message`` (a payload, or the id of a message the fake knows), which makes it
        a reply (pinging, as Discord's default). ``roles``: the author's role ids (``moderator_role``).
        Without the Message Content intent the bot gets an empty content, unless the message is a DM
        or mentions it, as on Discord.
        """
        author = author or self.owner
        cid = channel_id or (self.channel_id if guild else self.dm_channel_id(author))
        gid = self.channels[cid]
        ref = referenced_message if isinstance(referenced_message, dict) else None
        if referenced_message is not None:
            ref_id = ref["id"] if ref else str(referenced_message)
            ref = ref or self.messages.get(ref_id)
        if mentions is None:
            ids = re.findall(r"<@!?(\d+)>", content)
            if ref is not None:
                ids.append(ref["author"]["id"])
            mentions = [self.users[i] for i in dict.fromkeys(ids) if i in self.users]
        msg = p.message(message_id or p.snowflake(), cid, author, content, **extra)
        if gid is not None:
            msg |= {"guild_id": gid, "member": p.member(None, roles=roles)}
            msg["mentions"] = [{**u, "member": p.member(None)} for u in mentions]
        else:
            msg["mentions"] = list(mentions)
        if referenced_message is not None:
            msg["type"] = 19
            msg["message_reference"] = {"type": 0, "message_id": ref_id, "channel_id": cid, "guild_id": gid}
            if ref is not None:  # unknown: left out, so the bot must fetch it (and gets a 404)
                msg["referenced_message"] = ref
        self.messages[msg["id"]] = msg
        withheld = (gid is not None and not self.session_intents & p.MESSAGE_CONTENT_INTENT
                    and all(u["id"] != self.app_id for u in mentions) and author["id"] != self.app_id)
        seen = msg | {"content": "", "embeds": [], "attachments": [], "components": []} if withheld else msg
        await self.dispatch("MESSAGE_CREATE", seen)
        return msg

    async def create_forum_post(self, forum_id: str, title: str, content: str, *, author: Json | None = None,
                                roles: Sequence[str] = ()) -> tuple[Json, Json]:
        """A new post in a forum channel, as Discord sends it: THREAD_CREATE, then the starter message
        (whose id is the thread's) in the new thread. Returns (thread, message)."""
        author = author or self.owner
        thread = self.add_thread(forum_id, author["id"], title)
        await self.dispatch("THREAD_CREATE", thread)
        message = await self.send_message(content, author=author, channel_id=thread["id"], roles=roles,
                                          message_id=thread["id"])
        return thread, message

    async def send_interaction(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[Json] | None = None,
        *,
        user: Json | None = None,
        guild: bool = True,
        channel_id: str | None = None,
        permissions: str = p.EVERYONE_PERMISSIONS,
    ) -> Json:
        """Dispatch a slash-command INTERACTION_CREATE; return the payload (``id``, ``token``, ...).

        ``options`` is ``{name: value}`` (types inferred) or raw option dicts. ``permissions`` is the
        invoking member's permission string (``discord_payloads.ADMINISTRATOR`` for an admin).
        """
        user = user or self.owner
        cid = channel_id or (self.channel_id if guild else self.dm_channel_id(user))
        scopes = [self.guild_id, None] if guild else [None]
        known = [c for s in scopes for c in self.commands.get(s, []) if c["name"] == name]
        data: Json = {"id": known[0]["id"] if known else p.snowflake(), "name": name, "type": 1}
        data["options"] = p.command_options(options)
        if known and known[0].get("guild_id"):
            data["guild_id"] = known[0]["guild_id"]
        return await self._interact(2, data, cid, user, permissions)

    async def click(self, message: Json, custom_id: str, *, user: Json | None = None,
                    permissions: str = p.EVERYONE_PERMISSIONS) -> Json:
        """Dispatch a button click (MESSAGE_COMPONENT, type 3) on ``message``, a message the bot sent
        (as the fake knows it now, e.g. from ``created_messages``); return the payload."""
        buttons = [c for row in message.get("components", []) for c in row.get("components", [])]
        if all(b.get("custom_id") != custom_id for b in buttons):
            raise AssertionError(f"no button {custom_id!r} on message {message['id']}")
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._interact(3, data, message["channel_id"], user or self.owner, permissions, message)

    async def submit_modal(self, opened: Json, values: Mapping[str, str], *, user: Json | None = None) -> Json:
        """Submit the modal the bot opened in answer to interaction ``opened`` (MODAL_SUBMIT, type 5),
        with ``values`` by text input custom_id; return the payload."""
        modal = self.interactions[opened["token"]].get("modal")
        if modal is None:
            raise AssertionError(f"interaction {opened['id']} opened no modal")

        def filled(component: Json) -> Json:
            if component.get("type") == 4:  # a text input: what the user typed
                return {"type": 4, "id": component.get("id", 0), "custom_id": component["custom_id"],
                        "value": values.get(component["custom_id"], "")}
            out = {"type": component["type"], "id": component.get("id", 0)}
            if "component" in component:  # a label around one input
                out["component"] = filled(component["component"])
            if "components" in component:  # an action row
                out["components"] = [filled(c) for c in component["components"]]
            return out

        data = {"custom_id": modal["custom_id"], "components": [filled(c) for c in modal["components"]]}
        permissions = opened.get("member", {}).get("permissions", p.EVERYONE_PERMISSIONS)
        return await self._interact(5, data, opened["channel_id"], user or self.owner, permissions,
                                    opened.get("message"))

    async def _interact(self, kind: int, data: Json, cid: str, user: Json, permissions: str,
                        message: Json | None = None) -> Json:
        gid = self.channels[cid]
        actor = p.member(user, permissions=permissions) if gid else user
        token = secrets.token_hex(32)
        channel = self.channel_payload(cid)
        payload = p.interaction(p.snowflake(), self.app_id, token, data, channel, actor=actor, guild_id=gid,
                                kind=kind, message=message)
        self.interactions[token] = {"id": payload["id"], "type": kind, "channel_id": cid, "acked": False,
                                    "original": None}
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    # -- REST ------------------------------------------------------------------------------------

    async def _handle_rest(self, request: web.Request) -> web.Response:
        body: Any = None
        files: list[str] = []
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            files = [f.filename for f in form.values() if isinstance(f, web.FileField)]
            body = json.loads(str(form["payload_json"])) if "payload_json" in form else None
        elif request.can_read_body:
            raw = await request.text()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw  # not JSON: handlers will fail on it and file it under ``unexpected``
        path = request.path.removeprefix(API_PREFIX)
        rec = RecordedRequest(request.method, path, dict(request.query), dict(request.headers), body, files)
        self.requests.append(rec)
        headers: dict[str, str] | None = None
        fault = next((f for f in self._faults if f.method == rec.method and f.pattern.fullmatch(path)), None)
        if fault is not None:
            fault.times -= 1
            if fault.times <= 0:
                self._faults.remove(fault)
            if fault.status == 429:  # without Via or a JSON body discord.py assumes a Cloudflare ban
                headers = {"Via": "1.1 google", "X-RateLimit-Scope": "user"}
                status, payload = 429, {"message": "You are being rate limited.", "global": False}
                payload["retry_after"] = fault.retry_after
            else:
                status, payload = error(fault.status, 0, f"injected failure {fault.status}")
            rec.note = "injected"
        else:
            status, payload = self.route(rec)
        rec.status, rec.response = status, payload
        while self.outbox:  # what the call caused on the gateway (THREAD_CREATE), before the response
            await self.dispatch(*self.outbox.pop(0))
        self._bump()
        return _response(status, payload, headers)
