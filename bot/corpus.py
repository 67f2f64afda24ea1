"""The source corpus: manifest, loading, cleaning, and sentences with offsets into the original file.

Cleaning never rewrites text: it chooses which character spans of the original file are the
article's reporting. Everything downstream (facts, quotes) is a whitespace-normalised copy of such a
span, so any quote can be found again in the file it came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.aliases import Aliases, learn
from bot.errors import CorpusError
from bot.sentences import normalize_ws, split_spans
from bot.text import STOP_WORDS, Lexicon, content_stems, fold, word_stem

MANIFEST_NAME = "sources.toml"


class CleanRules(BaseModel):
    """How to cut one page down to its reporting (see the comment at the top of sources.toml)."""

    model_config = ConfigDict(extra="forbid")

    drop_lines: list[str] = Field(default_factory=list)
    strip_prefix: str | None = None
    end_at: str | None = None

    @field_validator("drop_lines", "strip_prefix", "end_at")
    @classmethod
    def _valid_regex(cls, value: str | list[str] | None) -> str | list[str] | None:
        for pattern in [value] if isinstance(value, str) else value or []:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
        return value


class SourceEntry(BaseModel):
    """One article as described by the manifest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(pattern=r"^[\w.-]+\.txt$")
    title: str = Field(min_length=1)
    outlet: str = Field(min_length=1)
    published: dt.date
    kind: Literal["report", "preview", "aggregate"]
    url: str | None = None
    note: str | None = None
    clean: CleanRules = Field(default_factory=CleanRules)

    @property
    def short_id(self) -> str:
        """The file's numeric prefix ("000"), used to name sources compactly in the brief."""
        return self.file.split("_", 1)[0]


class EventInfo(BaseModel):
    """The `[event]` table: what the articles are about, so no story lives in the code.

    `name` is how the bot names the event ("the summit of … in Hanoi on 27–28 February 2019") in its
    prompt, help, summaries and refusals; `date` is when it happened, which separates articles written
    before it (previews) from reports, and tells "what happened after" questions where the articles end.
    Optional: `synonyms`, lists of words the articles and readers use for the same thing in this story,
    each read as its first word (bot.text.Lexicon; general English ones are built in), and
    `summary_parts`, the parts of a summary in order, each the words that find its fact (without
    them, bot.overview's general parts of a news event).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=3)
    date: dt.date
    synonyms: tuple[tuple[str, ...], ...] = ()
    summary_parts: tuple[str, ...] = ()

    @field_validator("synonyms")
    @classmethod
    def _one_word_each(cls, groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        for group in groups:
            if len(group) < 2:
                raise ValueError(f"{list(group)}: a list of synonyms needs at least two words")
            for word in group:
                word_stem(word)  # a ValueError names the word that is not one content word
        return groups

    @field_validator("summary_parts")
    @classmethod
    def _parts_have_words(cls, parts: tuple[str, ...]) -> tuple[str, ...]:
        for part in parts:
            if not content_stems(part):
                raise ValueError(f"summary part {part!r} has no word to look for")
        return parts


DEFAULT_EVENT_NAME = "the event these articles report"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: where it is in the original file and its normalised text."""

    source: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Source:
    """An article after loading: its manifest entry, original text and kept sentences."""

    entry: SourceEntry
    raw: str
    cleaned: str
    sentences: tuple[Sentence, ...]
    left_out: tuple[str, ...] = ()  # the page's other lines (chrome, captions, reader comments): never a source


@dataclass(frozen=True)
class Corpus:
    """All sources in manifest order plus the bytes they came from (for versioning)."""

    sources: tuple[Source, ...]
    fingerprint_parts: tuple[bytes, ...]
    event: EventInfo | None = None

    @property
    def event_name(self) -> str:
        return self.event.name if self.event else DEFAULT_EVENT_NAME

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        """How this event's words are compared: general English plus the [event] synonyms."""
        return Lexicon.build(self.event.synonyms if self.event else (),
                             learn_surnames(s.text for src in self.sources for s in src.sentences))

    @functools.cached_property
    def aliases(self) -> Aliases:
        """Who the people the articles name are, in the articles' own descriptions (bot.aliases)."""
        return learn(s.text for src in self.sources for s in src.sentences)

    def source(self, file: str) -> Source:
        for src in self.sources:
            if src.entry.file == file:
                return src
        raise KeyError(file)


def load_manifest(seeds_dir: Path) -> tuple[list[SourceEntry], bytes, EventInfo | None]:
    """Parse and validate seeds/sources.toml; errors name the entry's file and the bad field."""
    path = seeds_dir / MANIFEST_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{path}: manifest not found") from None
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(doc) - {"source", "event"}
    if unknown:
        raise CorpusError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    event = None
    if "event" in doc:
        try:
            event = EventInfo.model_validate(doc["event"])
        except ValidationError as exc:
            raise CorpusError(f"{path}: [event] {_problems(exc)}") from None
    entries: list[SourceEntry] = []
    for position, raw in enumerate(doc.get("source", []), start=1):
        label = raw.get("file", f"entry #{position}") if isinstance(raw, dict) else f"entry #{position}"
        try:
            entries.append(SourceEntry.model_validate(raw))
        except ValidationError as exc:
            raise CorpusError(f"{path}: [{label}] {_problems(exc)}") from None
    if not entries:
        raise CorpusError(f"{path}: no [[source]] entries")
    names = [entry.file for entry in entries]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise CorpusError(f"{path}: duplicate entries for {', '.join(duplicates)}")
    return entries, data, event


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"field '{'.'.join(str(p) for p in err['loc']) or '?'}': {err['msg']}" for err in exc.errors())


def clean_spans(raw: str, rules: CleanRules) -> tuple[list[tuple[int, int]], tuple[str, ...]]:
    """Character spans of `raw` that are the article's reporting, one per kept paragraph line, and the
    page's other non-empty lines: what the cleaning cut (menus, captions, footers, the reader
    comments). Those are never evidence; they are kept so a question about them can be recognised."""
    drops = [re.compile(p) for p in rules.drop_lines]
    prefix = re.compile(rules.strip_prefix) if rules.strip_prefix else None
    end_at = re.compile(rules.end_at) if rules.end_at else None
    spans: list[tuple[int, int]] = []
    cut: list[str] = []
    offset = 0
    ended = False
    for line in raw.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        stripped = line.strip()
        if not stripped:
            continue
        ended = ended or bool(end_at and end_at.fullmatch(stripped))
        if ended or any(d.fullmatch(stripped) for d in drops):
            cut.append(normalize_ws(line))
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        end = line_start + len(line.rstrip())
        if prefix and (m := prefix.match(raw, start, end)):
            start = m.end()
        if start < end:
            spans.append((start, end))
        else:
            cut.append(normalize_ws(line))
    return spans, tuple(cut)


def load_source(seeds_dir: Path, entry: SourceEntry, max_bytes: int) -> tuple[Source, bytes]:
    """Read, decode, clean and split one article."""
    path = seeds_dir / entry.file
    if not path.is_file():
        raise CorpusError(f"{path}: listed in {MANIFEST_NAME} but the file is missing")
    if not path.resolve().is_relative_to(seeds_dir.resolve()):
        raise CorpusError(f"{path}: points outside the seeds folder; only files in it are read")
    size = path.stat().st_size
    if size > max_bytes:
        raise CorpusError(f"{path}: {size} bytes is over the {max_bytes}-byte limit (MAX_SEED_BYTES)")
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text (undecodable byte at offset {exc.start})") from None
    spans, cut = clean_spans(raw, entry.clean)
    sentences: list[Sentence] = []
    for block_start, block_end in spans:
        for start, end in split_spans(raw, block_start, block_end):
            text = normalize_ws(raw[start:end])
            if any(ch.isalnum() for ch in text):
                sentences.append(Sentence(entry.file, len(sentences), start, end, text))
    if not sentences:
        raise CorpusError(f"{path}: nothing left after cleaning (check its [source.clean] rules)")
    cleaned = "\n\n".join(normalize_ws(raw[a:b]) for a, b in spans)
    return Source(entry, raw, cleaned, tuple(sentences), cut), data


def load_corpus(seeds_dir: Path, max_bytes: int = 1_000_000) -> Corpus:
    """Load every article the manifest lists; every .txt in the folder must have an entry."""
    if not seeds_dir.is_dir():
        raise CorpusError(f"{seeds_dir}: seeds folder not found")
    entries, manifest_bytes, event = load_manifest(seeds_dir)
    listed = {entry.file for entry in entries}
    unlisted = sorted(p.name for p in seeds_dir.glob("*.txt") if p.name not in listed)
    if unlisted:
        raise CorpusError(f"{seeds_dir}: no {MANIFEST_NAME} entry for {', '.join(unlisted)}")
    sources, parts = [], [manifest_bytes]
    for entry in entries:
        source, data = load_source(seeds_dir, entry, max_bytes)
        sources.append(source)
        parts.append(entry.file.encode() + b"\0" + data)
    return Corpus(tuple(sources), tuple(parts), event)


_NAME_PAIR = re.compile(r"\b(?=([A-Z][a-z]+)\s+([A-Z][a-z]+)\b)")


def learn_surnames(sentences: Iterable[str]) -> dict[str, str]:
    """Surnames that are stop words ("Anna May", "Olaf Will"), from sentences in ordinary case (a
    headline in Title Case, "King To Talk By Phone", pairs every word): surname → given name."""
    found: dict[str, str] = {}
    for sentence in sentences:
        letters = re.findall(r"[^\W\d_][\w'’-]*", sentence)
        if not letters or sum(t[:1].isupper() for t in letters) > len(letters) / 2:
            continue
        for m in _NAME_PAIR.finditer(sentence):
            given, surname = fold(m.group(1)), fold(m.group(2))
            if surname in STOP_WORDS and given not in STOP_WORDS:
                found[surname] = given
    return found
