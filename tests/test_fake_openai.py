"""The loopback fake works with the real openai.AsyncOpenAI client (sanity tests for the test helper)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import openai
import pytest

from tests.fakes import HANG
from tests.fakes.openai_server import Drop, Error, FakeOpenAI, Garbage, Text, refused_base_url

MESSAGES: list[Any] = [{"role": "user", "content": "Who called whom?"}]


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI() as server:
        yield server


def client(base_url: str, **kwargs: Any) -> openai.AsyncOpenAI:
    kwargs.setdefault("max_retries", 0)
    return openai.AsyncOpenAI(base_url=base_url, api_key="test", **kwargs)


async def test_text_reply_parsed(fake: FakeOpenAI) -> None:
    fake.queue(
        Text(
            "Trump called Putin [1].", usage={"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10}
        )
    )
    async with client(fake.base_url) as c:
        res = await c.chat.completions.create(model="gpt-test", messages=MESSAGES, temperature=0)
    assert res.choices[0].message.content == "Trump called Putin [1]."
    assert res.choices[0].finish_reason == "stop"
    assert res.model == "gpt-test"
    assert res.usage is not None and res.usage.total_tokens == 10
    assert fake.chat_requests == [{"model": "gpt-test", "messages": MESSAGES, "temperature": 0}]
    req = fake.requests[0]
    assert req.path == "/v1/chat/completions"
    assert req.headers["authorization"] == "Bearer test"
    assert req.headers["x-stainless-retry-count"] == "0"
    assert fake.unexpected == []


async def test_default_reply_and_callable(fake: FakeOpenAI) -> None:
    fake.queue(lambda body: Text(body["messages"][-1]["content"].upper()))
    async with client(fake.base_url) as c:
        first = await c.chat.completions.create(model="m", messages=MESSAGES)
        second = await c.chat.completions.create(model="m", messages=MESSAGES)
    assert first.choices[0].message.content == "WHO CALLED WHOM?"
    assert second.choices[0].message.content == "NOT_IN_SOURCES"
    assert second.usage is not None and second.usage.completion_tokens == len("NOT_IN_SOURCES") // 4


async def test_streaming_reply_assembled(fake: FakeOpenAI) -> None:
    fake.queue(Text("The call lasted an hour.", finish_reason="length"))
    async with client(fake.base_url) as c:
        stream = await c.chat.completions.create(
            model="m", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
        )
        chunks = [chunk async for chunk in stream]
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    assert text == "The call lasted an hour."
    assert [ch.choices[0].finish_reason for ch in chunks if ch.choices][-1] == "length"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert all(ch.object == "chat.completion.chunk" for ch in chunks)
    assert fake.chat_requests[0]["stream"] is True


async def test_streaming_pace_holds_the_stream(fake: FakeOpenAI) -> None:
    """A test can hold a stream before a chosen piece and see what the client has read so far."""
    release, held = asyncio.Event(), asyncio.Event()

    async def pace(i: int) -> None:
        if i == 2:
            held.set()
            await release.wait()

    fake.queue(Text("one two three four", pace=pace))
    seen: list[str] = []
    async with client(fake.base_url) as c:
        stream = await c.chat.completions.create(model="m", messages=MESSAGES, stream=True)
        async with asyncio.timeout(HANG):
            async for chunk in stream:
                seen.extend(ch.delta.content or "" for ch in chunk.choices)
                if "".join(seen) == "one two":
                    await held.wait()
                    release.set()
    assert "".join(seen) == "one two three four"


@pytest.fixture
def retry_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The seconds the openai client decides to wait before each retry (decided, not measured)."""
    waits: list[float] = []
    original = openai.AsyncOpenAI._calculate_retry_timeout

    def spy(self: Any, *args: Any, **kwargs: Any) -> float:
        waits.append(original(self, *args, **kwargs))
        return waits[-1]

    monkeypatch.setattr(openai.AsyncOpenAI, "_calculate_retry_timeout", spy)
    return waits


async def test_429_then_success_is_retried_by_client(fake: FakeOpenAI, retry_waits: list[float]) -> None:
    fake.queue(Error(429, headers={"retry-after": "0"}), Text("ok"))
    async with client(fake.base_url, max_retries=1) as c:
        res = await c.chat.completions.create(model="m", messages=MESSAGES)
    assert res.choices[0].message.content == "ok"
    assert len(fake.chat_requests) == 2
    assert [r.headers["x-stainless-retry-count"] for r in fake.requests] == ["0", "1"]
    # retry-after: 0 is outside the honoured (0, 120] range, so the client falls back to its
    # own backoff: 0.5 s * jitter(0.75..1).
    (wait,) = retry_waits
    assert 0.375 <= wait <= 0.5


async def test_retry_after_ms_is_honoured(fake: FakeOpenAI, retry_waits: list[float]) -> None:
    fake.queue(Error(503, headers={"retry-after-ms": "10"}), Text("ok"))
    async with client(fake.base_url, max_retries=1) as c:
        res = await c.chat.completions.create(model="m", messages=MESSAGES)
    assert res.choices[0].message.content == "ok"
    assert retry_waits == [0.01]


async def test_500_without_retries_raises(fake: FakeOpenAI) -> None:
    fake.queue(Error(500))
    async with client(fake.base_url) as c:
        with pytest.raises(openai.InternalServerError) as exc_info:
            await c.chat.completions.create(model="m", messages=MESSAGES)
    assert exc_info.value.status_code == 500
    assert len(fake.chat_requests) == 1


async def test_delay_beyond_client_timeout_raises_timeout() -> None:
    fake = FakeOpenAI()
    await fake.start()
    fake.queue(Text("too late", delay=3600))
    async with client(fake.base_url, timeout=0.2) as c:
        with pytest.raises(openai.APITimeoutError):
            await c.chat.completions.create(model="m", messages=MESSAGES)
    assert fake.concurrent == 1  # the handler is still sleeping
    async with asyncio.timeout(HANG):  # stop() must cancel it, not wait out its hour
        await fake.stop()
    assert fake.concurrent == 0


async def test_refused_connection_raises_connection_error() -> None:
    async with client(refused_base_url()) as c:
        with pytest.raises(openai.APIConnectionError):
            await c.chat.completions.create(model="m", messages=MESSAGES)


async def test_dropped_connection_raises_connection_error(fake: FakeOpenAI) -> None:
    fake.queue(Drop())
    async with client(fake.base_url) as c:
        with pytest.raises(openai.APIConnectionError):
            await c.chat.completions.create(model="m", messages=MESSAGES)


async def test_garbage_bodies(fake: FakeOpenAI) -> None:
    fake.queue(Garbage("{not json"), Garbage("hello", content_type="text/plain"), Garbage('{"foo": 1}'))
    async with client(fake.base_url) as c:
        # Invalid JSON under application/json: a bare json.JSONDecodeError, NOT an openai.OpenAIError.
        with pytest.raises(json.JSONDecodeError):
            await c.chat.completions.create(model="m", messages=MESSAGES)
        # Non-JSON content type: the client returns the raw text as a str instead of a ChatCompletion.
        res: Any = await c.chat.completions.create(model="m", messages=MESSAGES)
        assert res == "hello"
        # Valid JSON of the wrong shape: a ChatCompletion is built without validation; choices is None.
        res = await c.chat.completions.create(model="m", messages=MESSAGES)
        assert res.choices is None


async def test_models_and_unexpected_route(fake: FakeOpenAI) -> None:
    async with client(fake.base_url) as c:
        models = await c.models.list()
        assert [m.id for m in models.data] == ["fake-model"]
        with pytest.raises(openai.NotFoundError):
            await c.embeddings.create(model="m", input="x")
    assert [r.path for r in fake.unexpected] == ["/v1/embeddings"]
    assert fake.chat_requests == []


async def test_content_type_is_exactly_json(fake: FakeOpenAI) -> None:
    url = f"{fake.base_url}/chat/completions"
    async with aiohttp.ClientSession() as session, session.post(url, json={"messages": []}) as resp:
        assert resp.headers["Content-Type"] == "application/json"
        assert (await resp.json())["object"] == "chat.completion"


async def test_concurrency_and_wait_for_requests(fake: FakeOpenAI) -> None:
    all_in = asyncio.Event()

    async def held(body: Any) -> Text:  # no reply until all three requests are in at once
        if fake.concurrent == 3:
            all_in.set()
        await all_in.wait()
        return Text("slow")

    fake.default = held
    async with client(fake.base_url) as c:
        tasks = [
            asyncio.create_task(c.chat.completions.create(model="m", messages=MESSAGES)) for _ in range(3)
        ]
        await fake.wait_for_requests(3)
        results = await asyncio.gather(*tasks)
    assert [r.choices[0].message.content for r in results] == ["slow"] * 3
    assert fake.max_concurrent == 3
    assert fake.concurrent == 0
    with pytest.raises(TimeoutError):  # only three ever come: this times out on any machine
        await fake.wait_for_requests(4, timeout=0.05)
