"""Loopback fake of an OpenAI-compatible chat-completions server, for tests.

Why a real socket: the openai 3.x client sends through ``httpx2``, which respx cannot intercept, and we
want to exercise the client's own behaviour anyway — its retries (2 by default, on 408/409/429/5xx,
timeouts and refused connections), its honouring of ``retry-after`` / ``retry-after-ms``, its timeouts
and its SSE parsing.  So this is a tiny aiohttp server on 127.0.0.1 with an OS-chosen port.

Replies are queued with ``fake.queue(...)``; each chat request pops the next one, falling back to
``fake.default`` when the queue is empty.  Any route other than ``POST /v1/chat/completions`` and
``GET /v1/models`` answers 404 and is recorded in ``fake.unexpected``.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import socket
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from aiohttp import web

from . import HANG

__all__ = ["Drop", "Error", "FakeOpenAI", "Garbage", "RecordedRequest", "Reply", "Text", "refused_base_url"]


@dataclass(frozen=True)
class Text:
    """A normal assistant reply; streamed as chunks when the request has ``"stream": true``."""

    content: str
    finish_reason: str = "stop"
    delay: float = 0.0
    usage: dict[str, int] | None = None  # overrides the len(text)//4 estimate
    chunks: list[str] | None = None  # explicit stream chunking (default: split on spaces)
    pace: Callable[[int], Awaitable[None]] | None = None  # awaited before streaming piece i: holds a stream there


@dataclass(frozen=True)
class Error:
    """An HTTP error; ``body`` defaults to an OpenAI-style ``{"error": {...}}`` object."""

    status: int
    body: Any = None
    headers: dict[str, str] | None = None
    delay: float = 0.0


@dataclass(frozen=True)
class Garbage:
    """A malformed body sent verbatim."""

    raw: bytes | str
    status: int = 200
    content_type: str = "application/json"


@dataclass(frozen=True)
class Drop:
    """Close the connection without sending any response."""


Reply: TypeAlias = "Text | Error | Garbage | Drop | str | Callable[[dict[str, Any]], Any]"


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # keys lower-cased
    json: Any  # parsed body, or None when the body is empty / not JSON
    body: bytes = field(repr=False, default=b"")


def _tokens(text: str) -> int:
    return max(1, len(text) // 4) if text else 0


def _json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # body= (not text=) so the Content-Type is exactly "application/json", without "; charset=utf-8".
    return web.Response(
        body=json.dumps(payload).encode(), status=status, headers=headers, content_type="application/json"
    )


def refused_base_url() -> str:
    """A base URL on which nothing listens (connection refused), e.g. ``http://127.0.0.1:PORT/v1``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


class FakeOpenAI:
    def __init__(self, default: Reply | None = None, *, shutdown_timeout: float = 0.2) -> None:
        self.default: Reply = default if default is not None else Text("NOT_IN_SOURCES")
        self.requests: list[RecordedRequest] = []
        self.unexpected: list[RecordedRequest] = []
        self.concurrent = 0
        self.max_concurrent = 0
        self._replies: deque[Reply] = deque()
        self._shutdown_timeout = shutdown_timeout
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._arrived = asyncio.Event()
        self._handlers: set[asyncio.Task[Any]] = set()  # chat handlers still running

    # ---- lifecycle -------------------------------------------------------------------------------
    async def start(self) -> FakeOpenAI:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_get("/v1/models", self._models)
        app.router.add_route("*", "/{tail:.*}", self._unexpected)
        self._runner = web.AppRunner(app, shutdown_timeout=self._shutdown_timeout, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()  # waits shutdown_timeout for handlers of open connections
        # aiohttp leaves running the handlers whose client has gone (e.g. timed out): cancel them too
        handlers = [t for t in self._handlers if t is not asyncio.current_task()]
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)

    async def __aenter__(self) -> FakeOpenAI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        if self._port is None:
            raise RuntimeError("FakeOpenAI is not started")
        return f"http://127.0.0.1:{self._port}/v1"

    # ---- test-facing helpers ---------------------------------------------------------------------
    def queue(self, *replies: Reply) -> None:
        self._replies.extend(replies)

    @property
    def pending(self) -> int:
        return len(self._replies)

    @property
    def chat_requests(self) -> list[Any]:
        return [r.json for r in self.requests if r.path == "/v1/chat/completions"]

    async def wait_for_requests(self, n: int, timeout: float = HANG) -> None:
        async with asyncio.timeout(timeout):
            while len(self.chat_requests) < n:
                self._arrived.clear()
                await self._arrived.wait()

    # ---- handlers --------------------------------------------------------------------------------
    async def _record(self, request: web.Request) -> RecordedRequest:
        body = await request.read()
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = None
        headers = {k.lower(): v for k, v in request.headers.items()}
        rec = RecordedRequest(request.method, request.path, headers, parsed, body)
        self.requests.append(rec)
        self._arrived.set()
        return rec

    async def _unexpected(self, request: web.Request) -> web.Response:
        self.unexpected.append(await self._record(request))
        return _json_response({"error": {"message": f"unexpected route {request.path}"}}, status=404)

    async def _models(self, request: web.Request) -> web.Response:
        await self._record(request)
        model = {"id": "fake-model", "object": "model", "created": 0, "owned_by": "fake"}
        return _json_response({"object": "list", "data": [model]})

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        body = (await self._record(request)).json or {}
        self.concurrent += 1
        self.max_concurrent = max(self.max_concurrent, self.concurrent)
        handler = asyncio.current_task()
        if handler is not None:
            self._handlers.add(handler)
        try:
            reply: Any = self._replies.popleft() if self._replies else self.default
            while callable(reply):
                reply = reply(body)
                if inspect.isawaitable(reply):
                    reply = await reply
            if isinstance(reply, str):
                reply = Text(reply)
            if isinstance(reply, Text | Error) and reply.delay:
                await asyncio.sleep(reply.delay)
            return await self._render(request, body, reply)
        finally:
            self.concurrent -= 1
            self._handlers.discard(handler)  # type: ignore[arg-type]

    async def _render(self, request: web.Request, body: dict[str, Any], reply: Any) -> web.StreamResponse:
        if isinstance(reply, Drop):
            assert request.transport is not None
            request.transport.abort()  # RST/EOF without a status line
            raise asyncio.CancelledError  # nothing can be written; aiohttp handles this quietly
        if isinstance(reply, Garbage):
            raw = reply.raw.encode() if isinstance(reply.raw, str) else reply.raw
            return web.Response(body=raw, status=reply.status, content_type=reply.content_type)
        if isinstance(reply, Error):
            err = {"message": f"fake error {reply.status}", "type": "fake_error", "param": None, "code": None}
            payload = {"error": err} if reply.body is None else reply.body
            return _json_response(payload, status=reply.status, headers=reply.headers)
        if not isinstance(reply, Text):
            raise TypeError(f"FakeOpenAI: unsupported reply {reply!r}")

        model = str(body.get("model", "fake-model"))
        prompt_text = json.dumps(body.get("messages", []))
        usage = reply.usage or {
            "prompt_tokens": _tokens(prompt_text),
            "completion_tokens": _tokens(reply.content),
            "total_tokens": _tokens(prompt_text) + _tokens(reply.content),
        }
        base = {"id": f"chatcmpl-{uuid.uuid4().hex[:12]}", "created": int(time.time()), "model": model}
        if not body.get("stream"):
            message = {"role": "assistant", "content": reply.content}
            choice = {"index": 0, "message": message, "finish_reason": reply.finish_reason, "logprobs": None}
            return _json_response({**base, "object": "chat.completion", "choices": [choice], "usage": usage})

        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await resp.prepare(request)

        async def send(choices: list[dict[str, Any]], **extra: Any) -> None:
            chunk = {**base, "object": "chat.completion.chunk", "choices": choices, **extra}
            await resp.write(f"data: {json.dumps(chunk)}\n\n".encode())

        words = reply.content.split(" ")
        pieces = reply.chunks if reply.chunks is not None else [words[0]] + [" " + w for w in words[1:]]
        await send([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        for i, piece in enumerate(pieces):
            if reply.pace is not None:
                await reply.pace(i)
            await send([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
        await send([{"index": 0, "delta": {}, "finish_reason": reply.finish_reason}])
        if (body.get("stream_options") or {}).get("include_usage"):
            await send([], usage=usage)
        await resp.write(b"data: [DONE]\n\n")
        await resp.write_eof()
        return resp
