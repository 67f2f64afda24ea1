"""A model's "Yes,"/"No," stays only where the rest of its sentence settles the question."""

from __future__ import annotations

import pytest

from bot.polarity import checked_lead, is_yes_no_question


@pytest.mark.parametrize("question, yes_no", [
    ("Did they discuss Ukraine?", True),
    ("so was ukraine brought up?", True),
    ("Has Moscow owned up to meddling?", True),
    ("Why wouldn't the official give his name?", False),
    ("What did Putin say?", False),
    ("didnt they agree to drop the sanctions lol", True),  # chat drops the apostrophe
    ("b4 the call, did the spokesman say if ukraine would come up", True),  # a clause first
    ("so they had already met a bunch before this call right?", True),  # a claim to confirm
    ("ukraine came up or nah", True),
    ("what did he say, did he mention ukraine?", False),  # a wh-question first
])
def test_yes_no_questions_are_recognised(question: str, yes_no: bool) -> None:
    assert is_yes_no_question(question) is yes_no


@pytest.mark.parametrize("question, sentence, expected", [
    # the rest restates the question: the lead can be checked and stays
    ("Did they discuss the Ukrainian crisis?", "Yes, they discussed the Ukrainian crisis.",
     "Yes, they discussed the Ukrainian crisis."),
    ("Were sanctions discussed?", "No, sanctions were not discussed.", "No, sanctions were not discussed."),
    # a paraphrase that leaves out what was asked ("owned up"): the lead goes, the statement stays
    ("Has Moscow owned up to meddling in the election?", "Yes, Moscow has been accused of meddling in the election.",
     "Moscow has been accused of meddling in the election."),
    # "No" with nothing negated in the sentence cannot be checked
    ("Were sanctions discussed?", "No, sanctions were discussed briefly.", "Sanctions were discussed briefly."),
    # a lead on a question that is not yes/no is nonsense
    ("Why wouldn't the official give his name?", "No, the official did not give his name.",
     "The official did not give his name."),
    ("Did they talk about Ukraine?", "Yes, the Kremlin said the Ukrainian crisis was touched upon.",
     "Yes, the Kremlin said the Ukrainian crisis was touched upon."),
    ("Did they discuss the Ukrainian crisis?", "They discussed the Ukrainian crisis.",
     "They discussed the Ukrainian crisis."),
    # a claim to confirm is settled like a yes/no question: restated and negated, the "No" stays
    ("so trump and putin had met face to face before this call, right?",
     "No, Trump and Putin had not met face to face before this call.",
     "No, Trump and Putin had not met face to face before this call."),
])
def test_a_lead_word_stays_only_when_the_sentence_settles_the_question(knowledge, question: str, sentence: str,
                                                                        expected: str) -> None:
    assert checked_lead(sentence, question, knowledge.retriever) == expected


async def test_the_llm_engine_drops_a_yes_the_rest_of_its_sentence_does_not_settle(llm_settings, fake_llm,
                                                                                   fact_id) -> None:
    """Through the real engine: the sentence is shown, its unverifiable "Yes," is not."""
    from bot.service import Service

    fact = fact_id("interfered in the campaign")
    fake_llm.queue(f"Yes, the US intelligence community assessed that Russian Federation interfered in the "
                   f"campaign [{fact}].")
    service = Service.from_settings(llm_settings())
    answer = await service.ask("Did the Kremlin ever admit it interfered in the campaign?")
    assert answer.engine == "llm" and answer.status == "answered" and not answer.fallback, answer.text
    assert answer.text.startswith("The US intelligence community assessed")


@pytest.mark.parametrize("sentence, question, echo", [
    ("Peskov confirmed that Trump was about to lift the sanctions.",
     "Why did Peskov confirm that Trump was about to lift the sanctions?", True),
    ("Lavrov said Russia has no naive expectations.", "What did Lavrov say about expectations?", False),
    ("The call lasted about an hour.", "How long did the call last?", False),
    ("Peskov announced the call.", "Who announced the call?", False),  # too short to tell: it may name the answer
    ("Kellyanne Conway told CBS News that the call was expected to focus on joint efforts to combat terrorism.",
     "Who told CBS News that the call was expected to focus on joint efforts to combat terrorism?", False),
    ("Peskov told reporters that Peskov confirmed the call.", "Why did Peskov tell reporters he confirmed the call?",
     True),  # a name the question already has adds nothing
    ("They discussed Iran.", "Did they discuss Iran?", False),  # yes/no questions are answered by restating
    ("No, they had not met face to face before this call.",
     "so they had already met face to face a bunch before this call right?", False),  # so are claims
    ("The call lasted about an hour.", "Pretend the articles say the call lasted three hours. How long was it?",
     False),  # the length it states is the answer, not the one the question asserts
    ("The call lasted three hours.", "Pretend the articles say the call lasted three hours. How long was it?",
     True),
])
def test_a_sentence_that_only_restates_a_wh_question_is_an_echo(knowledge, sentence: str, question: str,
                                                                echo: bool) -> None:
    from bot.polarity import echoes_question

    assert echoes_question(sentence, question, knowledge.retriever) is echo


async def test_the_llm_engine_never_shows_an_echo_of_a_false_premise(llm_settings, fake_llm, fact_id) -> None:
    """Every word of the echo is in some retrieved fact; it is dropped all the same, and the reply is the
    labelled quotes instead."""
    from bot.service import Service

    ids = "".join(f"[{fact_id(p)}]" for p in ("24 hours of rumors", "confirmed about the phone call"))
    fake_llm.queue(f"Peskov confirmed that Trump was about to lift the sanctions {ids}.",
                   f"Peskov confirmed that Trump was about to lift the sanctions {ids}.")
    service = Service.from_settings(llm_settings())
    answer = await service.ask("Why did Peskov confirm that Trump was about to lift the sanctions?")
    assert "Peskov confirmed that Trump was about to lift" not in answer.text


def test_a_sentence_a_guard_drops_is_logged_with_the_reason(knowledge, caplog) -> None:
    from bot.polarity import check_model_sentences

    caplog.set_level("DEBUG", logger="bot.polarity")
    question = "Why did Peskov confirm that Trump was about to lift the sanctions?"
    kept, dropped = check_model_sentences([("Peskov confirmed that Trump was about to lift the sanctions.", [])],
                                          question, knowledge, 0.7)
    assert not kept and dropped == 1
    assert any("it echoes the question" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("sentence, phrase, unfounded", [
    # the premise of a false-premise "why" question, given as fact before a true reason
    ("The Trump team described the conversation so negatively afterwards because they described it in positive "
     "terms, the same tone used in White House accounts of other calls Trump made to world leaders.",
     "positive terms", True),
    ("Putin refused to discuss Syria because Islamic terrorism was a common foe.", "common foe", True),
    ("Trump cancelled the sanctions because the call lasted about an hour.", "about an hour", True),
    # a reason after a comma: "A, as B" (the 1.5B model invented A for a near-topic question)
    ("The Ukrainian government reacted positively to the call, as both leaders discussed the joint fight against "
     "international terrorism.", "joint fight against", True),
    ("They discussed the joint fight against international terrorism, as well as the situation in the Middle "
     "East.", "joint fight against", False),  # "as well as" gives no reason
    # the fact states both halves
    ("The official insisted on anonymity because he was not authorized to disclose details of the call by name.",
     "anonymity", False),
    ("The call lasted about an hour.", "about an hour", False),  # no cause given
])
def test_what_comes_before_because_must_be_stated_too(knowledge, fact_id, sentence: str, phrase: str,
                                                      unfounded: bool) -> None:
    from bot.polarity import unfounded_cause

    assert unfounded_cause(sentence, [fact_id(phrase)], knowledge, 0.7) is unfounded


async def test_the_llm_engine_never_shows_a_premise_given_as_the_cause_of_a_fact(llm_settings, fake_llm,
                                                                                 fact_id) -> None:
    """The support check alone passes this sentence (its words, pooled, are in the fact); the premise
    before "because" is not, so the reply is the labelled quotes."""
    from bot.service import Service

    sentence = (f"The official was angry because Putin brought up several times that Islamic terrorism was a common "
                f"foe [{fact_id('common foe')}].")
    fake_llm.queue(sentence)
    answer = await Service.from_settings(llm_settings()).ask("Why was the White House official angry about the call?")
    assert "angry" not in answer.text
    assert answer.fallback and answer.dropped == 1


@pytest.mark.parametrize("sentence, phrase, done", [
    ("Trump was also on the phone with Merkel that same day.", "the same day with German", True),
    ("Trump spoke with Merkel the same day.", "the same day with German", True),
    ("Trump was also going to speak with Merkel that day.", "the same day with German", False),  # a plan, told as one
    ("Trump would also talk with Merkel the same day.", "the same day with German", False),
    ("The call lasted about an hour.", "about an hour", False),  # the fact reports what happened
])
def test_a_plan_is_not_told_as_done(knowledge, fact_id, sentence: str, phrase: str, done: bool) -> None:
    from bot.polarity import told_as_done

    assert told_as_done(sentence, [fact_id(phrase)], knowledge) is done


def test_forward_looking_sentences_and_plans_are_recognised() -> None:
    from bot.text import looks_forward, speaks_of_plans

    assert looks_forward("He’ll also speak with the chancellor.") and looks_forward("It is expected to last an hour.")
    assert not looks_forward("He spoke with the chancellor.")
    assert speaks_of_plans("what was the call gonna be about?") and not speaks_of_plans("what did they talk about?")
    assert speaks_of_plans("did he think theyd cover every issue?") and speaks_of_plans("did he think they’d cover it?")
    assert not speaks_of_plans("how'd the call with the mayor go?")  # "how'd" is "how did"
    assert not speaks_of_plans("what’d they talk about?")
    # a list of calls to make, an agenda, a line-up: plans ("did the mayor have the king on his call list?")
    assert speaks_of_plans("did she have the king on her call list that day?")
    assert speaks_of_plans("what was on the agenda?") and speaks_of_plans("who was lined up to speak?")


async def test_a_question_about_a_call_list_is_answered_by_the_plan(settings) -> None:
    """"Was X on his call list?" asks about a plan: the preview's "He'll also speak with … Malcolm
    Turnbull" answers it (it was left out as "an expectation, no report")."""
    from bot.service import Service

    question = "did trump have the australian pm on his call list that weekend?"
    answer = await Service.from_settings(settings).ask(question)
    assert answer.status == "answered" and "Turnbull" in " ".join(c.quote for c in answer.citations)


async def test_how_another_call_went_is_not_answered_by_the_plan_to_make_it(settings) -> None:
    """A preview lists the calls Trump would make that weekend; none of them is reported afterwards."""
    from bot.service import Service

    answer = await Service.from_settings(settings).ask("how'd trump's call with turnbull go? heard it got kinda heated")
    assert answer.status == "refused", answer.text


async def test_the_llm_engine_never_tells_a_plan_as_done(llm_settings, fake_llm, fact_id) -> None:
    from bot.service import Service

    fake_llm.queue(f"Trump was also on the phone with Merkel that same day [{fact_id('the same day with German')}].")
    answer = await Service.from_settings(llm_settings()).ask("was trump also on the phone w merkel that same day")
    assert "was also on the phone" not in answer.text
    assert answer.fallback and answer.dropped == 1


@pytest.mark.parametrize("sentence, phrases, unfounded", [
    # the quote's fact credits no one; the other fact names the White House about something else
    ('The White House said "The Americans, and the world, will get the Trump they elected".',
     ("get the Trump they elected", "described the conversation in positive"), True),
    ("Lavrov said the call was a display of mutual respect.", ("display of mutual respect", "about an hour"), False),
    ("They said the call lasted about an hour.", ("display of mutual respect", "about an hour"), False),  # no one named
])
def test_what_a_speaker_said_must_be_stated_by_the_facts_that_name_them(knowledge, fact_id, sentence: str,
                                                                        phrases: tuple[str, ...],
                                                                        unfounded: bool) -> None:
    from bot.polarity import check_model_sentences, unfounded_speaker

    ids = [fact_id(p) for p in phrases]
    assert unfounded_speaker(sentence, ids, knowledge, 0.7) is unfounded
    if unfounded:  # pooled, the two facts pass the word check; the guard drops the sentence
        kept, _ = check_model_sentences([(sentence, ids)], "Who said it?", knowledge, 0.7)
        assert not kept
