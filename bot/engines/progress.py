"""Checked answers-so-far while the model is still writing (the LLM engine's streamed replies).

A sentence is shown only once nothing the model writes later can change it
(`bot.reply_parser.settled_sentences`), and only after the same support check the finished
reply gets (`bot.support.keep_supported`, sentence by sentence, which is what it does anyway), with the
same unverifiable "Yes,"/"No," removed and the same echoes of the question dropped (`bot.polarity`).
An answer-so-far is published only when it would pass the finished reply's question-level check
too (at least one kept sentence cites a fact retrieval found for the question), so once anything
is published the finished reply is an answer in the model's words that begins with it: it cannot
become a refusal, an "off the question" fallback or the corrective retry. What can still replace
it: a failure (error, deadline) after it, which gives the labelled quotes, and a reply cut by the
token limit, whose last sentence is dropped. The final answer is always the one the caller gets
back and renders last.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.answer import Progress, Supported, compose
from bot.knowledge import Knowledge
from bot.polarity import check_model_sentences
from bot.reply_parser import ParsedSentence, settled_sentences

log = logging.getLogger(__name__)


@dataclass
class CheckedSoFar:
    """Fed the growing reply text; publishes each new checked answer-so-far to `publish`."""

    question: str
    knowledge: Knowledge
    threshold: float
    candidates: set[str]  # fact ids retrieval found for the question
    lead: str | None
    publish: Progress
    asked: str = ""  # what the model was asked, when not the question itself (its English translation)
    _settled: list[ParsedSentence] = field(default_factory=list)
    _verdicts: list[tuple[list[Supported], int]] = field(default_factory=list)  # per settled sentence
    _shown: list[Supported] = field(default_factory=list)
    _broken: bool = False

    def feed(self, text: str) -> None:
        """Never raises: progress is a courtesy, and a fault in it must not cost the answer."""
        if self._broken:
            return
        try:
            self._feed(text)
        except Exception:
            self._broken = True
            log.exception("showing the answer as it is written failed for %r; the final answer follows",
                          self.question[:80])

    def _feed(self, text: str) -> None:
        settled = settled_sentences(text)
        if settled == self._settled:
            return
        same = 0  # settled sentences do not change; only new ones need the check
        while same < min(len(settled), len(self._settled)) and settled[same] == self._settled[same]:
            same += 1
        brief = self.knowledge.brief
        self._verdicts = self._verdicts[:same] + [
            check_model_sentences([(s.text, s.fact_ids)], self.asked or self.question, self.knowledge, self.threshold)
            for s in settled[same:]]
        self._settled = settled
        kept = [k for verdict, _ in self._verdicts for k in verdict]
        cited = {fid for k in kept for fid in k.fact_ids}
        if kept == self._shown or not self.candidates & cited:
            return
        self._shown = kept
        dropped = sum(lost for _, lost in self._verdicts)
        self.publish(compose(self.question, brief, kept, engine="llm", lead_in=self.lead, dropped=dropped))
