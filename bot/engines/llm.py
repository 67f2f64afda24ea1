"""The LLM engine: any OpenAI-compatible chat server, answers checked sentence by sentence.

The prompt is plain text with inline [F12] markers (works on every server, no json_schema). The
instructions and the brief form a byte-identical prefix; history and the question come after it,
so servers that cache prompt prefixes pay the brief once. Whatever the model writes, only
sentences the cited facts support are shown (bot.support); when nothing supported is left the
model gets one corrective retry if it cited nothing, and one fresh request with only the facts the
decision chose (`_focused`); then the offline engine's quotes are given, labelled as such.
When the asker wants to watch the answer grow, the reply is streamed and each settled sentence
checked as it arrives (bot.engines.progress); the answer returned is the same either way.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import openai
from openai import AsyncOpenAI

from bot.answer import (
    DECLINED_LEAD,
    FALLBACK_LEAD,
    FOREIGN_LEAD,
    OFF_QUESTION_LEAD,
    READ_AS,
    READ_AS_LEAD,
    UNSTATED_LEAD,
    UNSUPPORTED_LEAD,
    Answer,
    EngineName,
    FallbackReason,
    Progress,
    Usage,
    compose,
    refusal,
)
from bot.config import Settings
from bot.decision import Evidence
from bot.engines.offline import OfflineEngine
from bot.engines.progress import CheckedSoFar
from bot.engines.prompt import build_messages, focused_message, request_messages
from bot.engines.reply import Reply, add_usage, without_cut_tail
from bot.engines.translated import untranslated
from bot.errors import LLMError
from bot.knowledge import Knowledge, Turn
from bot.logs import redact
from bot.overview import TOPIC_LEAD, offline_summary, resolved_dates_note, summary_lead, with_differ_part
from bot.polarity import check_model_sentences
from bot.reply_parser import parse_reply
from bot.support import keep_supported

log = logging.getLogger(__name__)

TRANSLATION_TOKENS = 80  # a question, translated
ANCHOR_HITS = 3  # an answer must cite a chosen fact or one of the first this many found (`_answer`)


class _StreamRefused(LLMError):
    """The server answered a streamed request with 400 (no streaming, or no stream_options)."""


@dataclass
class LLMEngine:
    """Answers with a chat model; falls back to `offline` on any failure."""

    settings: Settings
    offline: OfflineEngine
    client: AsyncOpenAI = field(init=False)
    name: EngineName = "llm"

    @property
    def model(self) -> str | None:
        return self.settings.openai_model

    async def close(self) -> None:
        await self.client.close()

    def __post_init__(self) -> None:
        key = self.settings.openai_api_key.get_secret_value() if self.settings.openai_api_key else "not-needed"
        self.client = AsyncOpenAI(
            api_key=key,
            base_url=self.settings.openai_base_url,
            timeout=self.settings.llm_timeout,
            max_retries=self.settings.llm_max_retries,
        )
        self._slots = asyncio.Semaphore(self.settings.llm_concurrency)
        # held while the prefix is warmed: a question waits for it rather than queueing behind the prefill
        self._warming = asyncio.Lock()
        self._secrets = [key]
        self._streams = True  # until the server refuses a streamed request that it answers unstreamed

    # --- prompt ---------------------------------------------------------------------------------

    def messages(self, question: str, history: list[Turn], knowledge: Knowledge) -> list[dict[str, str]]:
        return build_messages(self.settings, question, history, knowledge)

    # --- calling the model --------------------------------------------------------------------

    async def _complete(self, messages: list[dict[str, str]], max_tokens: int | None = None,
                        client: AsyncOpenAI | None = None) -> Reply:
        """One unstreamed reply. Its first byte comes only once the whole reply is written, so the wait
        for it is bounded by LLM_DEADLINE, not LLM_TIMEOUT (which still bounds connecting). A reply
        slower than LLM_TIMEOUT used to be abandoned and sent again: the server went on writing the
        first, and the retry, given a slot with none of the prefix cached, paid the whole prefill and
        timed out in turn, so the 1.5B model's long answers ended in the quoted fallback at 90 s."""
        async with self._slots:
            try:
                response = await (client or self.client).chat.completions.create(
                    model=self.settings.openai_model,
                    # plain {role, content} dicts are what the client sends; its types want one TypedDict per role
                    messages=messages,  # type: ignore[arg-type]
                    temperature=self.settings.llm_temperature,
                    max_tokens=max_tokens or self.settings.llm_max_tokens,
                    timeout=openai.Timeout(self.settings.llm_timeout, read=self.settings.llm_deadline),
                )
            except openai.OpenAIError as exc:
                # servers echo the key in auth errors: never let it reach a log, reply or JSON
                raise LLMError(redact(f"{type(exc).__name__}: {exc}", self._secrets)) from None
            except (json.JSONDecodeError, ValueError) as exc:  # the client raises these on a garbled body
                raise LLMError(f"garbled reply: {exc}") from None
        choices = getattr(response, "choices", None)
        if not choices or getattr(choices[0], "message", None) is None:
            raise LLMError(f"garbled reply: {str(response)[:120]!r}")
        usage = getattr(response, "usage", None)
        return Reply(
            text=choices[0].message.content or "",
            finish_reason=choices[0].finish_reason,
            usage=Usage(
                prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
                completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
                calls=1,
            ),
        )

    async def _stream(self, messages: list[dict[str, str]], on_text: Callable[[str], None]) -> Reply:
        """The same request, streamed: `on_text` gets the reply so far after every piece of it. The
        Reply is what `_complete` would have returned for the same output."""
        parts: list[str] = []
        finish_reason: str | None = None
        usage = Usage(calls=1)
        pieces = 0
        async with self._slots:
            try:
                # plain {role, content} dicts, as in _complete
                stream = await self.client.chat.completions.create(  # type: ignore[call-overload]
                    model=self.settings.openai_model,
                    messages=messages,
                    temperature=self.settings.llm_temperature,
                    max_tokens=self.settings.llm_max_tokens,
                    stream=True,
                    stream_options={"include_usage": True},
                )
                async with stream:
                    async for chunk in stream:
                        pieces += 1
                        if (counted := getattr(chunk, "usage", None)) is not None:
                            usage.prompt_tokens = getattr(counted, "prompt_tokens", 0) or 0
                            usage.completion_tokens = getattr(counted, "completion_tokens", 0) or 0
                        for choice in getattr(chunk, "choices", None) or []:
                            if getattr(choice, "index", 0) != 0:
                                continue
                            finish_reason = getattr(choice, "finish_reason", None) or finish_reason
                            delta = getattr(choice, "delta", None)
                            if delta is not None and getattr(delta, "content", None):
                                parts.append(delta.content)
                                on_text("".join(parts))
            except openai.BadRequestError as exc:
                raise _StreamRefused(redact(f"{type(exc).__name__}: {exc}", self._secrets)) from None
            except openai.OpenAIError as exc:
                raise LLMError(redact(f"{type(exc).__name__}: {exc}", self._secrets)) from None
            except (json.JSONDecodeError, ValueError) as exc:
                raise LLMError(f"garbled reply: {exc}") from None
        if not pieces:  # not an event stream at all (an HTML page, a JSON body)
            raise LLMError("garbled reply: no chunks in the streamed response")
        # a stream that ends without saying why may have been cut: treat it like a reply cut by the limit
        return Reply(text="".join(parts), finish_reason=finish_reason or "length", usage=usage)

    async def _call(self, messages: list[dict[str, str]], so_far: CheckedSoFar | None) -> Reply:
        """Streamed when someone watches the answer grow and the server streams; else one reply."""
        if so_far is None or not self._streams:
            return await self._complete(messages)
        try:
            return await self._stream(messages, so_far.feed)
        except _StreamRefused as exc:
            reply = await self._complete(messages)  # a 400 for other reasons fails here too
            self._streams = False
            log.warning("the LLM server refused a streamed request (%s) but answers unstreamed: answers are no "
                        "longer shown as they are written", exc)
            return reply

    async def warm_up(self, knowledge: Knowledge) -> None:
        """One request of at most one output token with the exact prefix, so a self-hosted server
        has the brief's prefill cached before the first user asks. The prefill of a whole brief on a
        small machine takes longer than a question may wait for its first byte (a 1.5B model on 2
        cores: over a minute), so this one request may take up to the whole deadline, once; and a
        question asked meanwhile waits for it (`_warmed`), where sent beside it, it would queue behind the
        prefill on the server and time out."""
        started = time.perf_counter()
        messages = self.messages("Hello", [], knowledge)
        async with self._warming:
            await self._complete(messages, max_tokens=1, client=self.client.with_options(max_retries=0))
        log.info("LLM prefix warmed for brief %s in %.1fs", knowledge.version, time.perf_counter() - started)

    async def _warmed(self) -> None:
        """Return once no warm-up is under way."""
        if self._warming.locked():
            log.info("a question waits for the prompt prefix to be warmed")
            async with self._warming:
                pass

    # --- answering ------------------------------------------------------------------------------

    async def answer(self, question: str, history: list[Turn], knowledge: Knowledge,
                     on_progress: Progress | None = None) -> Answer:
        """The model answers only what bot.decision says the articles answer, seeing the best passages
        next to the question; everything else gets the offline engine's reply without a model call.
        A question in another language is first translated by the model (`_in_english`) and then
        decided, answered and checked as that English question; the reply says how it was read.

        With `on_progress` the reply is streamed and each checked answer-so-far is handed to it
        (bot.engines.progress); the answer returned is exactly the one the same reply gives unstreamed."""
        evidence = await self.offline.evidence(question, history, knowledge)
        original = evidence  # the decision on the question as written: what an answer must rest on
        usage = Usage()
        asked, lead = question, None if evidence.profile.english else FOREIGN_LEAD
        if not evidence.profile.english and (english := await self._in_english(question, knowledge, usage)):
            read = await self.offline.evidence(english, history, knowledge)
            if read.profile.english:
                # the translation decides whether the articles answer (the decision reads English words);
                # what they answer with, the question as written, matched by meaning: of 18 translations
                # the 1.5B model wrote in logged runs, the facts chosen for the question as written were
                # right 15 times, those chosen for its translation 10 ("portavoce del Cremlino" → "host")
                both = read.verdict == "answer" and original.verdict == "answer"
                evidence, asked, lead = original if both else read, english, READ_AS_LEAD.format(question=english)
                if original.verdict == "answer" and untranslated(read, question):
                    evidence = original  # "Who was the portavoce of the Cremlino …?": the model's words, not a name
        if evidence.unreported and lead is None:  # "he signed it, didn't he?": say the premise is not reported
            lead = UNSTATED_LEAD
        if evidence.verdict != "answer":
            answer = self.offline.reply(evidence, question, knowledge, engine="llm")
            if asked != question:
                answer.text = f"{answer.text} ({READ_AS.format(question=asked)}.)"
            answer.usage = usage if usage.calls else None
            return answer
        started = time.perf_counter()
        await self._warmed()
        try:
            async with asyncio.timeout(self.settings.llm_deadline):
                answer = await self._answer(question, asked, lead, history, knowledge, (original, evidence), usage,
                                            on_progress)
        except (LLMError, TimeoutError) as exc:
            reason = "deadline" if isinstance(exc, TimeoutError) else str(exc)
            log.warning("LLM failed for %r (brief %s): %s; giving the quoted fallback", question[:80],
                        knowledge.version, reason)
            answer = self.offline.reply(evidence, question, knowledge, lead_in=FALLBACK_LEAD,
                                        fallback_reason=FallbackReason.LLM_ERROR)
            answer.error_detail = reason[:200]
            answer.usage = usage if usage.calls else None
        answer.llm_seconds = time.perf_counter() - started
        return answer

    async def _in_english(self, question: str, knowledge: Knowledge, usage: Usage) -> str | None:
        """The question translated by the model, or None when that fails or the reply is not one
        question (a small model sometimes answers instead: "Yes, Lavrov criticized the call."). Sent
        after the cached prefix, as every request is, so the server keeps the brief's prefill; only
        the articles decide and check what is then shown, never this translation."""
        await self._warmed()
        request = f"{knowledge.prompts['translate']}\n{question}"
        try:
            async with asyncio.timeout(self.settings.llm_deadline):
                reply = await self._complete(request_messages(self.settings, knowledge, request),
                                             max_tokens=TRANSLATION_TOKENS)
        except (LLMError, TimeoutError) as exc:
            log.warning("LLM translation failed for %r: %s; matching the question as written", question[:80],
                        "deadline" if isinstance(exc, TimeoutError) else exc)
            return None
        add_usage(usage, reply.usage)
        lines = [line.strip().strip('"“”«»').strip() for line in reply.text.strip().splitlines() if line.strip()]
        english = lines[0] if len(lines) == 1 else ""
        if not english.endswith("?") or reply.finish_reason == "length":
            log.info("no translation of %r in the model's reply %r", question[:80], reply.text[:120])
            return None
        log.info("read %r as %r", question[:80], english)
        return english

    async def _answer(self, question: str, asked: str, lead: str | None, history: list[Turn], knowledge: Knowledge,
                      decided: tuple[Evidence, Evidence], usage: Usage, on_progress: Progress | None) -> Answer:
        """The model's answer to `asked` (the question, or its translation), checked; `lead` opens it.
        `decided`: the decision on the question as written and on `asked` (the same for English).

        A checked answer must rest on a fact the decision chose for the question as written, or one of
        the ANCHOR_HITS it ranked first (with none chosen, any fact retrieval found for `asked`): over
        nine logged runs the 1.5B model's supported answers citing none of them answered another
        question 6 times in 7 (mostly a translation gone astray: "quedaron en verse en persona" read as
        "end up in a phone conversation"), and the decision's quotes were right on 6 of the 7. They
        are shown instead, labelled."""
        original, evidence = decided
        threshold = self.settings.support_threshold
        messages = build_messages(self.settings, asked, history, knowledge, evidence)
        candidates = {h.fact.id for h in [*evidence.hits, *evidence.chosen]}
        dropped = 0
        for attempt in (1, 2):
            so_far = None if on_progress is None else \
                CheckedSoFar(question, knowledge, threshold, candidates, lead, on_progress, asked)
            reply = await self._call(messages, so_far)
            add_usage(usage, reply.usage)
            parsed = parse_reply(without_cut_tail(reply))
            if parsed.refused:
                if attempt == 1:  # the decision found facts about it: one nudge to say what they say
                    messages = [*messages, {"role": "assistant", "content": reply.text or "(empty)"},
                                {"role": "user", "content": knowledge.prompts["nudge"]}]
                    continue
                return self._quoted(evidence, question, knowledge, DECLINED_LEAD, FallbackReason.LLM_DECLINED,
                                    dropped, usage)
            kept, lost = check_model_sentences([(s.text, s.fact_ids) for s in parsed.sentences], asked, knowledge,
                                               threshold)
            dropped += lost
            if kept:
                cited = {fid for k in kept for fid in k.fact_ids}
                anchors = {h.fact.id for h in [*original.chosen, *original.hits[:ANCHOR_HITS]]} \
                    if original.chosen else candidates
                if not cited & candidates or not cited & anchors:
                    # supported, but not by the facts chosen for this question: about something else
                    return await self._focused(question, asked, lead, knowledge,
                                               original if original.chosen else evidence, dropped, usage,
                                               (OFF_QUESTION_LEAD, FallbackReason.OFF_QUESTION))
                return compose(question, knowledge.brief, kept, engine="llm", lead_in=lead, dropped=dropped,
                               usage=usage)
            log.info("LLM attempt %d for %r had no supported sentence (%d dropped)", attempt, question[:80], lost)
            if any(s.fact_ids for s in parsed.sentences):
                # It cited facts and its words are not theirs. Asked again in this chat, the 1.5B model declined
                # 32 times and answered once in 37 (three question sets): it is asked afresh instead (`_focused`)
                break
            # no citation at all (empty, or a format slip): one corrective retry
            messages = [*messages, {"role": "assistant", "content": reply.text or "(empty)"},
                        {"role": "user", "content": knowledge.prompts["retry"]}]
        return await self._focused(question, asked, lead, knowledge, evidence, dropped, usage,
                                   (UNSUPPORTED_LEAD, FallbackReason.UNSUPPORTED))

    async def _focused(self, question: str, asked: str, lead: str | None, knowledge: Knowledge, evidence: Evidence,
                       dropped: int, usage: Usage, fallback: tuple[str, FallbackReason]) -> Answer:
        """One more request, after an answer that failed the check or answered something else: the
        question with only the facts the decision chose (those the quotes would show), so the model
        says what they say. When this answer fails too, or rests on none of those facts, the quotes,
        labelled (`fallback`: the label and why)."""
        if not self.settings.llm_focused_retry or not evidence.chosen:
            return self._quoted(evidence, question, knowledge, *fallback, dropped, usage)
        chosen = [h.fact for h in evidence.chosen]
        content = focused_message(asked, knowledge, [f"{f.id} {f.text}" for f in chosen])
        reply = await self._complete(request_messages(self.settings, knowledge, content))
        add_usage(usage, reply.usage)
        parsed = parse_reply(without_cut_tail(reply))
        checked, lost = check_model_sentences([(s.text, s.fact_ids) for s in parsed.sentences], asked, knowledge,
                                              self.settings.support_threshold)
        # each sentence rests on one fact: given two or three, the 1.5B model joined one's description to
        # another's name ("The senator who co-chairs the Ukraine caucus, Sherrod Brown, …": heldout29)
        kept = [k for k in checked if len(k.fact_ids) == 1]
        lost += len(checked) - len(kept)
        if parsed.refused or not {fid for k in kept for fid in k.fact_ids} & {f.id for f in chosen}:
            log.info("focused LLM attempt for %r had no supported sentence on the chosen facts (%d dropped)",
                     question[:80], lost)
            return self._quoted(evidence, question, knowledge, *fallback, dropped + lost, usage)
        return compose(question, knowledge.brief, kept, engine="llm", lead_in=lead, dropped=dropped + lost,
                       usage=usage)

    async def summarize(self, topic: str | None, knowledge: Knowledge) -> Answer:
        """A briefing in the model's words, every sentence support-checked; quotes if that fails."""
        request = knowledge.prompts["summary"] + (f"\nTopic: {topic}" if topic else "")
        request += "\n\n" + resolved_dates_note(knowledge.brief)  # after the cached prefix
        label = f"summary: {topic}" if topic else "summary"
        usage = Usage()
        await self._warmed()
        try:
            async with asyncio.timeout(self.settings.llm_deadline):
                reply = await self._complete(request_messages(self.settings, knowledge, request))
        except (LLMError, TimeoutError) as exc:
            log.warning("LLM summary failed (brief %s): %s; giving the quoted summary", knowledge.version, exc)
            return offline_summary(knowledge, topic).model_copy(update={"fallback": True,
                                                                         "fallback_reason": FallbackReason.LLM_ERROR,
                                                                         "error_detail": str(exc)[:200]})
        add_usage(usage, reply.usage)
        parsed = parse_reply(without_cut_tail(reply))
        kept, dropped = keep_supported([(s.text, s.fact_ids) for s in parsed.sentences], knowledge.brief,
                                       self.settings.support_threshold)
        cited = [fid for k in kept for fid in k.fact_ids]
        on_topic = not topic or self.offline.relevance(knowledge, topic, [], cited) >= self.offline.min_coverage
        if parsed.refused or len(kept) < 2 or not on_topic:
            answer = offline_summary(knowledge, topic)
            reason = (FallbackReason.LLM_DECLINED if parsed.refused
                      else FallbackReason.OFF_QUESTION if not on_topic else FallbackReason.UNSUPPORTED)
            return answer.model_copy(update={"fallback": answer.status == "answered", "fallback_reason": reason,
                                             "dropped": dropped, "usage": usage})
        lead = TOPIC_LEAD.format(topic=topic) if topic else summary_lead(knowledge.brief)
        answer = compose(label, knowledge.brief, kept, engine="llm", lead_in=lead, dropped=dropped, usage=usage)
        return answer if topic else with_differ_part(answer, knowledge)

    def _quoted(self, evidence: Evidence, question: str, knowledge: Knowledge, lead_in: str, reason: FallbackReason,
                dropped: int, usage: Usage) -> Answer:
        """The offline engine's quotes with a label saying why the model's answer is not shown."""
        answer = self.offline.reply(evidence, question, knowledge, lead_in=lead_in, fallback_reason=reason)
        if answer.status != "answered":
            answer = refusal(question, knowledge.version, engine="llm")
        answer.dropped, answer.usage = dropped, usage
        return answer
