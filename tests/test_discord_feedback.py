"""Feedback through the loopback Discord: 👍/👎 and the "what was wrong?" form, /forget-me, /report,
the daily digest and pruning on the bot's own (injected) clock."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

from bot.log_entries import QuestionEntry
from bot.store import open_store
from tests.discord_world import Clock
from tests.fakes import discord_payloads as payloads
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.openai_server import Text

DAY = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)


def cited(fact_id) -> Text:
    return Text(f"The call lasted about an hour [{fact_id('about an hour')}].")


async def answered(world, question: str = "How long was the call?", **kwargs) -> dict:
    before = len(world.discord.requests_to("POST", rf"/channels/{world.discord.channel_id}/messages"))
    await world.mention(question, **kwargs)
    return (await world.channel_posts(before + 1))[-1].response


def answer_id(message: dict) -> str:
    return message["components"][0]["components"][0]["custom_id"].rsplit(":", 1)[1]


async def test_one_vote_per_user_and_answer_changeable_with_a_comment(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = cited(fact_id)
    answer = await answered(world)
    reply = (await world.response_to(await world.click(answer, "up"))).json
    assert reply["data"]["flags"] & payloads.EPHEMERAL and reply["data"]["content"].startswith("Thanks")
    store, clock = world.bot.store, world.bot.clock

    click = await world.click(answer, "down")  # changes the vote, and asks what was wrong
    modal = (await world.response_to(click)).json
    assert modal["type"] == 9 and modal["data"]["custom_id"] == f"callbot:why:{answer_id(answer)}"
    await world.settled()
    assert (await store.report(1, clock())).votes == (0, 1)  # the 👎 counts even if the form is dismissed

    submit = await world.discord.submit_modal(click, {"comment": "It missed that Ukraine was discussed."})
    thanks = (await world.response_to(submit)).json["data"]
    assert thanks["flags"] & payloads.EPHEMERAL and thanks["content"].startswith("Thanks")
    other = world.discord.make_user("reader")
    await world.response_to(await world.click(answer, "up", user=other))
    report = await store.report(1, clock())
    assert report.votes == (1, 1)
    assert [g.comments for g in report.downvoted] == [("It missed that Ukraine was discussed.",)]


async def test_votes_on_an_answer_no_longer_logged_say_so(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = cited(fact_id)
    answer = await answered(world)
    await world.discord.send_interaction("forget-me")
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+"))
    for action in ("up", "quotes"):
        reply = (await world.response_to(await world.click(answer, action))).json["data"]
        assert "no longer in the question log" in reply["content"] and reply["flags"] & payloads.EPHEMERAL


async def test_forget_me_deletes_exactly_the_callers_rows(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = cited(fact_id)
    other = world.discord.make_user("reader")
    mine = await answered(world, "How long did the call last, exactly?")
    theirs = await answered(world, "How long was the phone call?", author=other)
    await world.response_to(await world.click(theirs, "up"))  # my vote on their answer
    await world.response_to(await world.click(mine, "up", user=other))  # their vote on mine: goes with my answer
    await world.settled()
    forget = await world.discord.send_interaction("forget-me")
    (done,) = await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/{forget['token']}"))
    assert done.json["content"].startswith("Done: deleted 2 rows") and done.json["flags"] & payloads.EPHEMERAL
    rows = (await world.bot.store.report(1, world.bot.clock())).rows
    assert [(r.answer_id, r.question) for r in rows] == [(answer_id(theirs), "How long was the phone call?")]
    db = world.bot.store.path
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("SELECT COUNT(*) FROM votes").fetchone() == (0,)
    assert b"exactly?" not in b"".join(f.read_bytes() for f in db.parent.glob(f"{db.name}*"))


async def test_report_is_for_admins_with_the_csv_attached(start_world, fact_id) -> None:
    world = await start_world()
    world.llm.default = cited(fact_id)
    await answered(world)
    await world.discord.send_interaction("report")  # @everyone permissions, past Discord's gate
    (refused,) = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback"))
    assert "Manage Server" in refused.json["data"]["content"] and refused.json["data"]["flags"] & payloads.EPHEMERAL
    report = await world.discord.send_interaction("report", {"days": 3}, permissions=payloads.ADMINISTRATOR)
    hook = rf"/webhooks/{world.discord.app_id}/{report['token']}"
    (follow,) = await world.until(world.discord.wait_for("POST", hook))
    assert follow.json["flags"] & payloads.EPHEMERAL and follow.files == ["callbot-report-3d.csv"]
    content = follow.json["content"]
    assert "Question log, last 3 days" in content and "1× how long was the call" in content
    assert len(content) <= 2000


async def test_digest_is_posted_once_a_day_even_across_a_restart(start_world) -> None:
    fake = FakeDiscord()
    digest_channel = fake.add_channel("digest")
    clock = Clock(DAY.replace(hour=8))
    world = await start_world(fake=fake, clock=clock, digest_channel_id=int(digest_channel), digest_hour=9)
    assert world.bot.housekeeping.loop.is_running()
    world.llm.default = Text("NOT_IN_SOURCES")
    await answered(world, "What did they say about the weather in Sochi?")
    digests = rf"/channels/{digest_channel}/messages"

    clock.now = DAY.replace(hour=9, minute=30)
    await world.bot.housekeeping.run_once()
    (post,) = fake.requests_to("POST", digests)
    assert post.json["content"].startswith("```\nDaily digest") and "weather in Sochi" in post.json["content"]
    await world.bot.housekeeping.run_once()  # later the same day: nothing new

    clock.now = DAY.replace(hour=11)
    world = await start_world.restart(world)  # the start-up run does not post it again
    await world.bot.housekeeping.run_once()
    assert len(fake.requests_to("POST", digests)) == 1

    clock.now = DAY.replace(hour=8) + dt.timedelta(days=1)
    await answered(world, "Did they talk about the weather in Moscow?")
    clock.now += dt.timedelta(hours=2)
    await world.bot.housekeeping.run_once()
    assert len(fake.requests_to("POST", digests)) == 2
    assert "Moscow" in fake.requests_to("POST", digests)[1].json["content"]
    assert "Sochi" not in fake.requests_to("POST", digests)[1].json["content"]  # only what came since


async def test_old_rows_are_pruned_on_start(start_world, fact_id) -> None:
    world = await start_world()
    settings = world.bot.settings
    world = await start_world.restart(world, clock=Clock(DAY))
    async with await open_store(settings) as store:  # a second connection, as `callbot report` would open
        await store.log_question(QuestionEntry(asked_at=DAY - dt.timedelta(days=settings.retention_days + 1),
                                               user_id=1, question="Ancient question?", status="answered",
                                               engine="offline", brief_version="v0"))
    world = await start_world.restart(world)
    assert (await world.bot.store.report(3650, DAY)).rows == ()
