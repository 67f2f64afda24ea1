"""Reading what real models write: citation markers, refusals and reasoning blocks.

Models put markers in many shapes (`[F12]`, `[F12, F3]`, `[F12][F3]`, `(F12)`, `【F12】`, `[F 12]`),
after the full stop or on a line of their own, inside bold or code; they refuse with the marker in
other case or quotes, or in prose. Reasoning models wrap their thoughts in <think>…</think>. This
module turns a reply into (sentence, fact ids) pairs and says whether it is a refusal; it does not
judge support (bot.support does).
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

    Markers standing after a full stop, or alone on a line, belong to the sentence before them.
    """
    text = _EMPHASIS.sub("", strip_think(raw or "")).strip()
    sentences: list[ParsedSentence] = []
    refusals = 0
    for chunk in split_sentences(text):
        ids = [fid for m in _MARKER.finditer(chunk) for fid in _ids(m.group(1))]
        body = _MARKER.sub(" ", chunk)
        body = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(body.split())).strip()
        body = re.sub(r"^[-•*>\d.)\s]+(?=\w)", "", body)  # list bullets and numbering
        if not re.search(r"\w", body) or (ids and _LABEL.match(body)):
            # only markers (and punctuation): they cite the sentence before
            if sentences and ids:
                prev = sentences[-1]
                sentences[-1] = ParsedSentence(prev.text, _merge(prev.fact_ids, ids))
            continue
        if is_refusal(body):
            refusals += 1
            continue
        sentences.append(ParsedSentence(body, _merge([], ids)))
    return ParsedReply(sentences, refused=refusals > 0 and not sentences, refusal_sentences=refusals)


def _merge(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))
