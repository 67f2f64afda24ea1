"""Reading what real models write: citation markers, refusals and reasoning blocks.

Models put markers in many shapes (`[F12]`, `[F12, F3]`, `[F12][F3]`, `(F12)`, `【F12】`, `[F 12]`),
after the full stop or on a line of their own, inside bold or code; they refuse with the marker in
other case or quotes, or in prose. Reasoning models wrap their thoughts in <think>…</think>. This
module turns a reply into (sentence, fact ids) pairs and says whether it is a refusal; it does not
judge support (bot.support does). For a reply still being streamed it says which sentences are
settled: already what the finished reply's parse will begin with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.sentences import split_sentences

_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.IGNORECASE | re.DOTALL)
_FACT_ID = re.compile(r"F\s*(\d{1,4})", re.IGNORECASE)
# One bracketed group holding one or more fact ids: [F12] [F12, F3] (F12) 【F12】 [F 12] [Facts F1 and F2]
_MARKER = re.compile(
    r"[\[(【]\s*(?:facts?:?\s*)?(F\s*\d{1,4}(?:\s*(?:,|;|/|&|and|\s)\s*F\s*\d{1,4})*)\s*[\])】]", re.IGNORECASE
)
_LABEL = re.compile(r"^(?:sources?|citations?|references?|facts?|cited)\s*:?\s*[.]?$", re.IGNORECASE)
_LABEL_WORDS = ("sources", "citations", "references", "facts", "cited")
_OPEN_GROUP = re.compile(r"[\[(【][^\])】]*$")
_OPENING_THINK = re.compile(r"<(?:t(?:h(?:i(?:n(?:k)?)?)?)?)?$", re.IGNORECASE)  # "<thi" of a coming <think>
_PENDING_BREAK = re.compile(r"(?:\n\s*(?:\d+[.)]?)?)+$")  # may yet start a list item, which splits there
_MAY_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s")  # a sentence boundary once a capital follows
_EMPHASIS = re.compile(r"(\*\*|__|`+|\*)")
_MARKER_MARK = re.compile(r"not[\s_-]*in[\s_-]*(?:the[\s_-]*)?sources?", re.IGNORECASE)
_PROSE_REFUSALS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(articles?|sources?|facts?|brief|texts?|information (?:provided|given|available))\b[^.]{0,40}?"
        r"\b(?:do(?:es)?n['’]?t|do(?:es)? not|never|fail to)\s+"
        r"(?:say|mention|state|cover|contain|provide|specify|address|tell|include|discuss|answer|give)",
        r"\b(?:there is|there's|i have|i've got)\s+no\s+(?:information|mention|details?|data)\b",
        r"\bnot\s+(?:mentioned|stated|specified|covered|addressed|provided|found)\s+in\s+(?:the\s+)?"
        r"(?:articles?|sources?|facts?|brief|texts?)",
        r"\bI (?:can(?:not|['’]t)|am (?:unable|not able)|do not have|don['’]t have|could(?:n['’]t| not))\b"
        r"[^.]{0,30}\b(?:answer|help|provide|find|say|tell|comply|do that)",
        r"\bI['’]m sorry\b",
        r"\bI apologi[sz]e\b",
    )
]


@dataclass(frozen=True)
class ParsedSentence:
    text: str
    fact_ids: list[str]


@dataclass(frozen=True)
class ParsedReply:
    """A model reply taken apart: its sentences with cited ids, and whether it declined."""

    sentences: list[ParsedSentence]
    refused: bool
    refusal_sentences: int = 0


def strip_think(text: str) -> str:
    """Remove reasoning blocks (closed or left open by a cut-off reply) before anything else."""
    return _THINK.sub("", text)


def _ids(group: str) -> list[str]:
    return [f"F{int(n)}" for n in _FACT_ID.findall(group)]


def is_refusal(sentence: str) -> bool:
    """The refusal marker in any case/quoting, or a refusal written in prose."""
    if _MARKER_MARK.search(sentence):
        return True
    return any(p.search(sentence) for p in _PROSE_REFUSALS)


def parse_reply(raw: str) -> ParsedReply:
    """Split a reply into sentences with the fact ids each cites.

    Markers standing after a full stop, or alone on a line, belong to the sentence before them
    (after a refusal they cite the refusal, and are dropped with it).
    """
    return _parse_chunks(split_sentences(_clean(raw or "")))


def settled_sentences(raw: str) -> list[ParsedSentence]:
    """The sentences of a reply still being written that no later text can change: what
    `parse_reply` of the finished reply will begin with (same texts, same ids), whatever follows.

    The last chunk is still growing, and while it could yet turn out to be markers only ("[F1",
    "Sour…" of "Sources: [F3]") it may add ids to the sentence before it, so that one waits too.
    """
    text = _clean(_OPENING_THINK.sub("", raw or ""))
    chunks = split_sentences(_PENDING_BREAK.sub("", text))
    if not chunks:
        return []
    sentences = _parse_chunks(chunks[:-1]).sentences
    if sentences and _may_cite_back(chunks[-1]):
        sentences = sentences[:-1]
    return sentences


def _clean(raw: str) -> str:
    return _EMPHASIS.sub("", strip_think(raw)).strip()


def _body(chunk: str) -> str:
    """A chunk without its markers, whitespace and list bullets: the sentence as shown."""
    body = _MARKER.sub(" ", chunk)
    body = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(body.split())).strip()
    return re.sub(r"^[-•*>\d.)\s]+(?=\w)", "", body)  # list bullets and numbering


def _cites_back(body: str, ids: list[str]) -> bool:
    """Only markers (and punctuation, or a "Sources:" label): they cite the sentence before."""
    return not re.search(r"\w", body) or bool(ids and _LABEL.match(body))


def _may_cite_back(chunk: str) -> bool:
    """Whether a chunk still being written could end up citing the sentence before it."""
    chunk = _MAY_END.split(chunk, maxsplit=1)[0]  # the text after may yet become a chunk of its own
    body = _body(_OPEN_GROUP.sub("", chunk))  # a marker still being written: "[F1", "(F", "【"
    body = re.sub(r"^[-•*>\d.)\s]+", "", body).rstrip("_")  # a bullet still being written; "_" of "__"
    word = body.rstrip(" :.").lower()
    # no words yet, a label, or the start of one: markers may still follow
    return not re.search(r"\w", body) or bool(_LABEL.match(body)) or any(w.startswith(word) for w in _LABEL_WORDS)


def _parse_chunks(chunks: list[str]) -> ParsedReply:
    sentences: list[ParsedSentence] = []
    refusals = 0
    after_refusal = False  # markers after a refusal cite it, and go with it
    for chunk in chunks:
        ids = [fid for m in _MARKER.finditer(chunk) for fid in _ids(m.group(1))]
        body = _body(chunk)
        if _cites_back(body, ids):
            if sentences and ids and not after_refusal:
                prev = sentences[-1]
                sentences[-1] = ParsedSentence(prev.text, _merge(prev.fact_ids, ids))
            continue
        after_refusal = is_refusal(body)
        if after_refusal:
            refusals += 1
            continue
        sentences.append(ParsedSentence(body, _merge([], ids)))
    return ParsedReply(sentences, refused=refusals > 0 and not sentences, refusal_sentences=refusals)


def _merge(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))
