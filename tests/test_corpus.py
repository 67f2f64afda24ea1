"""Loading and cleaning the articles: chrome and reader comments out, reporting in, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.corpus import load_corpus
from bot.errors import CorpusError
from bot.sentences import normalize_ws, split_sentences

from .conftest import SEEDS

CHROME_AND_COMMENTS = {
    "000_bf97534d2ba4b9ee.txt": ["Share", "Advertisement", "Mc Connell looks on", "Republican Member Retreat"],
    "001_162fcda78ebcad23.txt": [
        "2,500 $", "NOVEMBER 2024", "Support SouthFront", "Photo: Reuters", "Subscribe", "Comments",
        "psychotics in his party", "Talk is cheep", "Barba_Papa", "treading carefully", "Would love your thoughts",
    ],
    "002_d3f45d4444175cef.txt": [
        ", , ,", "(RT, 29/1/2017)", "Submitted by SyrianPatriot", "Re-publications are welcome",
        "sole responsibility of their authors", "Copyright owners",
    ],
    "003_b5b084b637f8fbb2.txt": [
        "- Action News", "Home WebMail", "November 22, 2024", "Calgary", "maintenance mode",
        "Shannon Stapleton", "With files from Associated Press",
    ],
    "004_4eb88918302d683b.txt": [
        "Two Christian Nations", "Ode to the First Week", "pink snowflakes", "BorisTheBlade", "Chelsea Handler",
        "SAFE SPACES IN SYRIA", "Golan Heights", "picture", "WTFUD", "Making peace instead of war",
    ],
}

REPORTING_KEPT = {
    "000_bf97534d2ba4b9ee.txt": "will talk for the second time Saturday in a phone conversation",
    "001_162fcda78ebcad23.txt": "held their first telephone conversation, which lasted about an hour.",
    "002_d3f45d4444175cef.txt": "However, the issue was not mentioned in the Kremlin’s statement summarizing",
    "003_b5b084b637f8fbb2.txt": "acknowledge that sanctions were not among the topics the two leaders discussed.",
    "004_4eb88918302d683b.txt": "Expect many tweets to follow both phone calls.",
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEEDS)


@pytest.mark.parametrize("file", sorted(CHROME_AND_COMMENTS))
def test_chrome_and_comments_are_removed(corpus, file: str) -> None:
    cleaned = corpus.source(file).cleaned
    for phrase in CHROME_AND_COMMENTS[file]:
        assert phrase not in cleaned, f"{file} still contains {phrase!r}"


@pytest.mark.parametrize("file", sorted(REPORTING_KEPT))
def test_reporting_is_kept(corpus, file: str) -> None:
    assert REPORTING_KEPT[file] in corpus.source(file).cleaned


@pytest.mark.parametrize("file", sorted(CHROME_AND_COMMENTS))
def test_what_the_cleaning_cuts_is_kept_apart_and_holds_no_reporting(corpus, file: str) -> None:
    """The cut lines are what a question "about the comments" is recognised by (bot.vocabulary)."""
    source = corpus.source(file)
    cut = "\n".join(source.left_out)
    for phrase in CHROME_AND_COMMENTS[file]:
        if phrase != "(RT, 29/1/2017)":  # a dateline: stripped from the start of a reporting line
            assert phrase in cut, f"{phrase!r} of {file} is neither reporting nor cut"
    assert REPORTING_KEPT[file] not in cut  # (readers may quote the articles: their lines are cut all the same)


def test_sentence_offsets_point_into_the_original_file(corpus) -> None:
    for source in corpus.sources:
        raw = (SEEDS / source.entry.file).read_text(encoding="utf-8")
        assert source.raw == raw
        for sentence in source.sentences:
            assert normalize_ws(raw[sentence.start : sentence.end]) == sentence.text


def test_manifest_metadata_matches_what_the_texts_tell(corpus) -> None:
    entries = {src.entry.file[:3]: src.entry for src in corpus.sources}
    assert entries["001"].outlet == "SouthFront"
    assert "RT" in entries["002"].outlet and "SyrianFreePress" in entries["002"].outlet
    assert str(entries["002"].published) == "2017-01-29"
    assert "Associated Press" in entries["003"].outlet and str(entries["003"].published) == "2017-01-30"
    assert entries["004"].kind == "preview" and str(entries["004"].published) == "2017-01-27"
    assert entries["000"].outlet == entries["004"].outlet == "outlet not named"
    assert entries["000"].kind == "aggregate"


def test_splitter_keeps_abbreviations_and_splits_after_contractions() -> None:
    text = "Sen. Sherrod Brown (D., Ohio) spoke Friday. It’s possible that we won’t. We will see. U.S. officials agreed."  # noqa: E501
    assert split_sentences(text) == [
        "Sen. Sherrod Brown (D., Ohio) spoke Friday.",
        "It’s possible that we won’t.",
        "We will see.",
        "U.S. officials agreed.",
    ]


# --- manifest and seed faults -------------------------------------------------------------------


def _manifest(seeds: Path) -> Path:
    return seeds / "sources.toml"


def test_missing_file_is_named(seeds_dir: Path) -> None:
    (seeds_dir / "003_b5b084b637f8fbb2.txt").unlink()
    with pytest.raises(CorpusError, match=r"003_b5b084b637f8fbb2\.txt.*missing"):
        load_corpus(seeds_dir)


def test_file_without_entry_is_named(seeds_dir: Path) -> None:
    (seeds_dir / "005_extra.txt").write_text("Putin and Trump spoke again on Sunday.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no sources.toml entry for 005_extra\.txt"):
        load_corpus(seeds_dir)


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("published = 2017-01-30", 'published = "Monday"', r"\[003_b5b084b637f8fbb2\.txt\] field 'published'"),
        ('outlet = "SouthFront"', 'outlet = "SouthFront"\nauthor = "someone"',
         r"\[001_162fcda78ebcad23\.txt\] field 'author'"),
        ('kind = "preview"', 'kind = "opinion"', r"\[004_4eb88918302d683b\.txt\] field 'kind'"),
        ('"World",', '"World(",', r"\[003_b5b084b637f8fbb2\.txt\].*bad regular expression"),
        ('["Syria", "Syrian"]', '["White House", "administration"]',
         r"\[event\] field 'synonyms'.*'White House' is not one word"),
        ('["Iran", "Iranian"]', '["Iran"]', r"\[event\] field 'synonyms'.*needs at least two words"),
        ('["Israel", "Israeli"]', '["the", "a"]', r"\[event\] field 'synonyms'.*'the' is a stop word"),
        ('"sanctions not mentioned topics discussed",', '"of the",', r"\[event\] field 'summary_parts'.*'of the'"),
    ],
    ids=["bad-date", "unknown-field", "bad-kind", "bad-regex", "synonym-not-a-word", "synonym-alone",
         "synonym-stop-word", "summary-part-no-word"],
)
def test_manifest_field_errors_name_file_and_field(seeds_dir: Path, old: str, new: str, error: str) -> None:
    text = _manifest(seeds_dir).read_text(encoding="utf-8")
    assert old in text
    _manifest(seeds_dir).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CorpusError, match=error):
        load_corpus(seeds_dir)


def test_article_empty_after_cleaning(seeds_dir: Path) -> None:
    (seeds_dir / "003_b5b084b637f8fbb2.txt").write_text(
        "World\nHome WebMail Friday\n\nWith files from Associated Press\nPutin and Trump spoke.\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match=r"003_b5b084b637f8fbb2\.txt: nothing left after cleaning"):
        load_corpus(seeds_dir)


def test_undecodable_bytes(seeds_dir: Path) -> None:
    (seeds_dir / "003_b5b084b637f8fbb2.txt").write_bytes(b"Putin and Trump \xff\xfe spoke.")
    expected = r"003_b5b084b637f8fbb2\.txt: not UTF-8 text \(undecodable byte at offset 16\)"
    with pytest.raises(CorpusError, match=expected):
        load_corpus(seeds_dir)


def test_oversized_file_is_refused(seeds_dir: Path) -> None:
    with pytest.raises(CorpusError, match=r"004_4eb88918302d683b\.txt: \d+ bytes is over the 9000-byte limit"):
        load_corpus(seeds_dir, max_bytes=9000)


def test_missing_manifest_and_broken_toml(seeds_dir: Path) -> None:
    _manifest(seeds_dir).write_text("[[source]\nfile = ", encoding="utf-8")
    with pytest.raises(CorpusError, match="not valid TOML"):
        load_corpus(seeds_dir)
    _manifest(seeds_dir).unlink()
    with pytest.raises(CorpusError, match="manifest not found"):
        load_corpus(seeds_dir)
