"""Any text in a seed file builds a brief or gives the one-line CorpusError, never a traceback.

Property-based (Hypothesis): a seeds folder with the project's articles plus one generated article
(random text, random bytes, only quotes, only numbers, only dates, long lines...), built the way
start-up and /reload build it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.errors import CorpusError
from bot.knowledge import build_knowledge
from bot.overview import offline_summary, offline_timeline
from bot.sentences import normalize_ws

from .conftest import PROMPTS, SEEDS

BUDGET = 2000
MAX_SEED_BYTES = 1_000_000
FILE = "900_generated.txt"

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Jan.", "Feb.", "Mar.", "Sept.", "Dec"]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

numbers = st.one_of(st.integers(0, 9999).map(str), st.integers(0, 9999).map("{:04d}".format))  # "0000": year 0
date_phrase = st.one_of(
    st.builds("{} {}".format, st.sampled_from(MONTH_NAMES), numbers),  # "March 40"
    st.builds("{} {}, {}".format, st.sampled_from(MONTH_NAMES), numbers, numbers),
    st.builds("{} {} {}".format, numbers, st.sampled_from(MONTH_NAMES), numbers),
    st.builds("in {} {}".format, st.sampled_from(MONTH_NAMES), numbers),
    st.builds("{} {}".format, st.sampled_from(["in", "since", "of", "early", "later in"]),
              st.sampled_from([*MONTH_NAMES, "1900", "2099", "2017"])),
    st.builds("{} {}".format, st.sampled_from(["will meet on", "met on", "said"]), st.sampled_from(WEEKDAY_NAMES)),
)
seed_words = st.sampled_from(
    sorted({w for p in SEEDS.glob("*.txt") for w in p.read_text(encoding="utf-8").split()})
)
sentence = st.lists(st.one_of(seed_words, date_phrase, numbers), min_size=1, max_size=30).map(
    lambda ws: " ".join(ws) + "."
)
article = st.one_of(
    st.text(),  # any Unicode, control characters included
    st.binary(max_size=2000),  # raw bytes: undecodable ones are the CorpusError
    st.binary(max_size=2000).map(lambda b: b.decode("utf-8", errors="replace")),
    st.text(alphabet="\"'“”‘’«»„ \n", max_size=300),  # only quotes
    st.text(alphabet="0123456789,. \n", max_size=300),  # only numbers
    st.lists(date_phrase, max_size=40).map("\n".join),  # only dates
    st.lists(sentence, min_size=1, max_size=25).map(" ".join),  # a plausible paragraph
    st.lists(st.one_of(sentence, st.text(max_size=80)), min_size=1, max_size=25).map("\n\n".join),
)


def _seeds(root: Path, body: str | bytes, published: dt.date, kind: str, with_articles: bool) -> Path:
    seeds = root / "seeds"
    if with_articles:
        shutil.copytree(SEEDS, seeds)
    else:
        seeds.mkdir()
        (seeds / "sources.toml").write_text("", encoding="utf-8")
    with (seeds / "sources.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(f'\n[[source]]\nfile = "{FILE}"\ntitle = "Generated"\noutlet = "Fuzz"\n'
                       f"published = {published.isoformat()}\nkind = \"{kind}\"\n")
    path = seeds / FILE
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8", newline="")
    return seeds


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=article,
    published=st.one_of(st.just(dt.date(2017, 1, 28)), st.dates()),
    kind=st.sampled_from(["report", "preview", "aggregate"]),
    with_articles=st.booleans(),
)
@example(body="In March 40 protesters were arrested.", published=dt.date(2017, 1, 29), kind="report",
         with_articles=True)
@example(body="Putin " * 160_000 + "spoke.", published=dt.date(2017, 1, 29), kind="report", with_articles=False)
@example(body="x" * (MAX_SEED_BYTES + 1), published=dt.date(2017, 1, 29), kind="report", with_articles=True)
@example(body="“" * 5000, published=dt.date(2017, 1, 29), kind="report", with_articles=True)
@example(body="They met on Saturday in December.", published=dt.date.min, kind="report", with_articles=False)
def test_any_seed_text_builds_a_brief_or_gives_one_line_corpus_error(
    body: str | bytes, published: dt.date, kind: str, with_articles: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = _seeds(Path(tmp), body, published, kind, with_articles)
        try:
            knowledge = build_knowledge(seeds, PROMPTS, BUDGET, MAX_SEED_BYTES)
        except CorpusError as exc:
            message = str(exc)
            assert message.strip() and "\n" not in message and "Traceback" not in message
            return
        brief = knowledge.brief
        assert brief.tokens <= BUDGET
        raw = {entry.file: normalize_ws((seeds / entry.file).read_text(encoding="utf-8")) for entry in brief.sources}
        for fact in brief.facts:  # verbatim in its first file, each quote in its own, however odd the file
            assert fact.text in raw[fact.sources[0]], fact
            assert all(fact.quote(f) in raw[f] for f in fact.sources), fact
        # what /summary and /timeline make of it (the dates are resolved again there)
        offline_summary(knowledge, None)
        offline_timeline(knowledge)
