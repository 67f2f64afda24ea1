"""The overview (bot.overview): /summary [topic] and /timeline in both engines, in the CLI, console and Discord."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from bot.answer import REFUSAL_TEXT
from bot.overview import DIFFER_LEAD, offline_summary, offline_timeline, timeline_entries
from bot.sentences import normalize_ws
from bot.service import Service

from .conftest import REPO, SEEDS


def _verbatim(answer) -> None:
    for c in answer.citations:
        assert c.quote in normalize_ws((SEEDS / c.source_file).read_text(encoding="utf-8"))
    assert all(s.citations for s in answer.sentences), "every sentence cited"


def test_offline_summary_covers_the_parts_and_the_disagreement(knowledge) -> None:
    answer = offline_summary(knowledge)
    assert answer.status == "answered" and answer.engine == "offline"
    _verbatim(answer)
    text = answer.text
    for phrase in ["about an hour", "Kremlin" if "Kremlin" in text else "Presidents have spoken", "significant start",
                   "Iran", "sanctions were not among the topics", "Lavrov"]:
        assert phrase in text, phrase
    assert DIFFER_LEAD in text
    differ = text.split(DIFFER_LEAD, 1)[1]
    assert "second time" in differ and "first telephone conversation" in differ


def test_topic_focus_and_an_uncovered_topic(knowledge) -> None:
    syria = offline_summary(knowledge, "Syria")
    assert syria.status == "answered" and all("Syria" in s.text for s in syria.sentences)
    assert offline_summary(knowledge, "the weather in Moscow").text == REFUSAL_TEXT
    assert offline_summary(knowledge, "football").status == "refused"


def test_timeline_dates_resolved_in_order_and_never_2024(knowledge) -> None:
    entries = timeline_entries(knowledge.brief)
    dates = [e.date for e in entries]
    assert dates == sorted(dates) and all(d.year in (2016, 2017) for d in dates)
    labels = {e.label for e in entries}
    for expected in ["November 2016", "Fri 20 Jan 2017", "Thu 26 Jan 2017", "Fri 27 Jan 2017", "Sat 28 Jan 2017",
                     "Mon 30 Jan 2017"]:
        assert expected in labels, expected
    saturday = [e for e in entries if e.date == dt.date(2017, 1, 28) and e.relative]
    assert saturday and all(e.written >= dt.date(2017, 1, 27) for e in saturday)
    answer = offline_timeline(knowledge)
    _verbatim(answer)
    assert "2024" not in answer.text
    assert "(“Saturday night” in 001, written Sun 29 Jan 2017)" in answer.text
    assert "(“Monday” in 003, written Mon 30 Jan 2017)" in answer.text


async def test_llm_summary_is_support_checked(llm_settings, fake_llm, fact_id) -> None:
    fake_llm.queue(
        f"The call was held on Saturday night and lasted about an hour [{fact_id('about an hour')}]. "
        f"The leaders also discussed Iran's nuclear program [{fact_id('Iran’s nuclear')}]. "
        f"Sanctions were discussed at length [{fact_id('not among the topics')}]."
    )
    service = Service.from_settings(llm_settings())
    answer = await service.summary()
    assert answer.engine == "llm" and answer.dropped == 1
    assert "Sanctions were discussed" not in answer.text
    assert [s.text for s in answer.sentences][:2] == [
        "The call was held on Saturday night and lasted about an hour.",
        "The leaders also discussed Iran's nuclear program.",
    ]
    assert DIFFER_LEAD in answer.text  # the disagreement part is added to the model's summary too
    request = fake_llm.chat_requests[0]["messages"]
    assert request[0]["content"].endswith(service.knowledge.brief.text)  # same cacheable prefix as answers
    assert "briefing" in request[-1]["content"]
    assert "“Saturday night” = Sat 28 Jan 2017" in request[-1]["content"]  # resolved dates as input


async def test_llm_summary_falls_back_to_quotes(llm_settings, fake_llm) -> None:
    fake_llm.queue("Bananas are yellow [F1]. The sky is green [F2].")
    answer = await Service.from_settings(llm_settings()).summary()
    assert answer.engine == "offline" and answer.fallback and answer.fallback_reason == "unsupported"
    assert "about an hour" in answer.text


async def test_llm_topic_summary_off_topic_is_refused(llm_settings, fake_llm) -> None:
    fake_llm.queue("NOT_IN_SOURCES")
    answer = await Service.from_settings(llm_settings()).summary("the weather in Moscow")
    assert answer.status == "refused"


async def test_briefings_are_cached_per_brief_version_and_reload_invalidates(settings, seeds_dir) -> None:
    service = Service.from_settings(settings)
    first = await service.summary()
    assert (await service.summary()).cached and (await service.timeline()) and (await service.timeline()).cached
    path = seeds_dir / "003_b5b084b637f8fbb2.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nOn Tuesday the Kremlin praised the call again.\n")
    report = await service.reload()
    assert report.ok
    again = await service.summary()
    assert not again.cached and again.brief_version == report.new_version != first.brief_version
    assert not (await service.timeline()).cached


def test_cli_summary_and_timeline_json() -> None:
    for args in (["summary", "--json"], ["summary", "--topic", "sanctions", "--json"], ["timeline", "--json"]):
        out = subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=REPO,
                             timeout=60)
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        assert data["status"] == "answered" and data["citations"] and data["sentences"]
        assert {"question", "status", "answer", "engine", "brief_version", "citations", "sentences",
                "dropped"} <= set(data)


def test_console_summary_and_timeline() -> None:
    out = subprocess.run([sys.executable, "-m", "bot", "chat"], input="/summary sanctions\n/timeline\n",
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "What the articles say about sanctions:" in out.stdout and "Timeline (" in out.stdout


async def test_discord_summary_and_timeline(start_world) -> None:
    world = await start_world(openai_base_url=None, openai_api_key=None)  # offline engine
    await world.discord.send_interaction("summary")
    await world.discord.send_interaction("timeline")
    await world.discord.send_interaction("summary", {"topic": "the weather"})
    callbacks = await world.until(world.discord.wait_for("POST", r"/interactions/.+/callback", count=3))
    assert all(c.json["type"] == 5 for c in callbacks)
    await world.until(world.discord.wait_for("POST", rf"/webhooks/{world.discord.app_id}/.+", count=3))
    await world.settled()  # every part of the three is sent
    follows = world.discord.requests_to("POST", rf"/webhooks/{world.discord.app_id}/.+")
    texts = [f.json["content"] for f in follows]
    assert all(len(t) <= 2000 and f.json["allowed_mentions"]["parse"] == [] for t, f in zip(texts, follows,
                                                                                               strict=True))
    joined = "\n".join(texts)
    lead = f"What the articles say about {world.service.knowledge.brief.event_name}:"  # the seeds' [event] name
    assert lead in joined and "the phone call between" in lead and "Timeline (" in joined
    assert REFUSAL_TEXT in joined and DIFFER_LEAD in joined
    sourced = [f.json for f in follows if f.json.get("embeds")]  # the summary and the timeline: quotes of the articles
    assert len(sourced) == 2 and all(len(f["embeds"][0]["description"]) < 300 for f in sourced)
    labels = [[c.get("label") for c in f["components"][0]["components"]] for f in sourced]
    assert labels == [["Sources", None, None]] * 2


async def test_an_answer_citing_both_sides_says_they_differ(settings, llm_settings, fake_llm, fact_id) -> None:
    from bot.service import DISAGREEMENT_NOTE

    offline = await Service.from_settings(settings).ask("Was this their first or second phone conversation?")
    assert DISAGREEMENT_NOTE in offline.text
    second, first = fact_id("for the second time"), fact_id("first telephone conversation between")
    fake_llm.queue(f"Trump and Putin would talk for the second time Saturday, Conway told CBS News [{second}]. "
                   f"Their first telephone conversation was held on Saturday night [{first}].")
    llm = await Service.from_settings(llm_settings()).ask("Was it their first call?")
    assert llm.engine == "llm" and DISAGREEMENT_NOTE in llm.text
    note = llm.text.rsplit("\n", 1)[1]
    assert note.count("[") == 2  # both sides cited
    plain = await Service.from_settings(settings).ask("Did they talk about Iran?")
    assert DISAGREEMENT_NOTE not in plain.text


async def test_summary_given_because_the_model_failed_is_not_cached(llm_settings, fake_llm) -> None:
    from tests.fakes.openai_server import Error

    fake_llm.default = Error(500)
    service = Service.from_settings(llm_settings())
    first = await service.summary()
    assert first.fallback and first.fallback_reason == "llm_error"
    again = await service.summary()
    assert not again.cached and len(fake_llm.chat_requests) == 2  # the model is asked again next time
