"""The support check on a labelled set built from the brief, and repair/drop behaviour."""

from __future__ import annotations

import pytest

from bot.attribution import attribution
from bot.support import check, keep_supported, support_score

THRESHOLD = 0.7  # the SUPPORT_THRESHOLD default, calibrated on this set

# (sentence, phrase identifying the cited fact(s), supported?, kind)
LABELLED = [
    # "only" and "all" restrict or generalise what the fact says (seen with the 1.5B model)
    ("Only the US has sanctions on Russia.", ["They have sanctions on Russia"], False, "invented"),
    # a decisive act the fact never names: an order "ready" is not an order signed (heldout10, the 1.5B model)
    ("Trump signed an executive order to lift sanctions on Russia.", ["has an executive order ready"], False,
     "invented"),
    ("All the sanctions were imposed over Ukraine.", ["its own set of sanctions"], False, "invented"),
    # who is who, as the articles describe them (bot.aliases): "Hollande said" states what "the French president said"
    ("The French president said there are challenges posed by the new US administration.", ["challenges posed"],
     True, "paraphrase"),
    ("The German chancellor said there are challenges posed by the new US administration.", ["challenges posed"],
     False, "wrong-id"),
    ("Putin said that for over two centuries Russia has supported the United States.", ["two centuries"], True,
     "paraphrase"),
    ("The Kremlin spokesman said he had no information on reports that Trump is considering lifting sanctions.",
     ["no information on reports"], True, "paraphrase"),
    # a wish the fact never states (the 1.5B model, heldout45; cited with another fact's "hoped": below)
    ("Trump Jr. said he would like to do business in Russia.", ["investment thirst"], False, "invented"),
    ("Trump said he hoped for a fantastic relationship with Russia.", ["fantastic relationship"], True, "paraphrase"),
    ("The White House characterized the conversation as a significant start to improving the relations between "
     "the United States and Russia.", ["significant start"], True, "paraphrase"),  # relations/relationship
    # "not necessarily" hedges what it bears on (the 1.5B model, heldout46)
    ("The German source said she would not follow suit.", ["not necessarily follow suit"], False, "invented"),
    ("The German source said she would not necessarily follow suit.", ["not necessarily follow suit"], True,
     "paraphrase"),
    # supported paraphrases
    ("The call lasted about an hour.", ["about an hour"], True, "paraphrase"),
    ("Putin and Trump held their first telephone conversation on Saturday night.", ["about an hour"], True,
     "paraphrase"),
    ("The White House called the conversation a significant start to improving the relationship.",
     ["significant start"], True, "paraphrase"),
    ("The presidents favoured real coordination between US and Russian actions to defeat ISIS in Syria.",
     ["real coordination"], True, "paraphrase"),
    ("Major aspects of the Ukrainian crisis were touched upon.", ["Major aspects"], True, "paraphrase"),
    ("The leaders also discussed Iran's nuclear program and the Israeli-Palestinian conflict.",
     ["Iran’s nuclear"], True, "paraphrase"),
    ("Lavrov said Russia has no naive expectations and no illusions.", ["naive expectations"], True, "paraphrase"),
    ("The Kremlin statement did not mention sanctions.", ["not mentioned"], True, "paraphrase"),
    ("A White House official said sanctions were not among the topics discussed.", ["not among the topics"], True,
     "paraphrase"),
    ("Trump and Putin have never met.", ["never met"], True, "paraphrase"),
    ("Trump and Putin last spoke in November, when Putin congratulated Trump on winning the election.",
     ["last spoke in November"], True, "paraphrase"),
    ("Trump said Americans have warm feelings towards Russia and its citizens.", ["warm feelings"], True,
     "paraphrase"),
    ("Trump hoped for a fantastic relationship with Russia but understood it might not happen.",
     ["Theresa May, Trump expressed"], True, "paraphrase"),
    ("The two leaders want to restore economic ties.", ["restoration of economic ties"], True, "paraphrase"),
    ("They expressed a desire to maintain regular personal contacts.", ["regular personal contacts"], True,
     "paraphrase"),
    ("Trump tweeted that having a good relationship with Russia is a good thing.", ["fools"], True, "paraphrase"),
    ("Lavrov said the call was a display of mutual respect.", ["display of mutual respect"], True, "paraphrase"),
    ("Putin repeatedly called Islamic terrorism a common foe of the U.S. and Russia.", ["common foe"], True,
     "paraphrase"),
    ("Both presidents hope the two sides can move quickly to tackle terrorism.", ["tackle terrorism"], True,
     "paraphrase"),
    ("The sanctions were imposed over the 2014 annexation of Crimea.", ["annexation of Crimea"], True,
     "paraphrase"),
    ("They agreed to work out possible dates and a venue for a personal meeting.", ["dates and venue"], True,
     "paraphrase"),
    ("Trump said he doesn't know Putin but getting along with Russia would be a great thing.", ["don’t know Putin"],
     True, "paraphrase"),
    # word families the check recognises (Ukraine/Ukrainian, Islam/Islamist, title abbreviations)
    ("The Ukraine crisis was touched upon, the Kremlin said.", ["Major aspects"], True, "paraphrase"),
    ("Putin called Islamist terrorism a common foe of the US and Russia.", ["common foe"], True, "paraphrase"),
    ("Senator Sherrod Brown advised against weakening sanctions.", ["Sherrod Brown"], True, "paraphrase"),
    # wrong but existing ids
    ("The call lasted about an hour.", ["real coordination"], False, "wrong-id"),
    ("Lavrov said Russia has no naive expectations.", ["fools"], False, "wrong-id"),
    ("Trump and Putin have never met.", ["Iran’s nuclear"], False, "wrong-id"),
    ("Major aspects of the Ukrainian crisis were touched upon.", ["warm feelings"], False, "wrong-id"),
    ("The White House called it a significant start.", ["last spoke in November"], False, "wrong-id"),
    ("Putin called Islamic terrorism a common foe.", ["regular personal contacts"], False, "wrong-id"),
    # negation flips
    ("Yes, sanctions were discussed.", ["not among the topics"], False, "negation"),
    ("The Kremlin statement mentioned sanctions.", ["not mentioned"], False, "negation"),
    ("Trump and Putin had met before.", ["never met"], False, "negation"),
    ("The Ukrainian crisis was not touched upon.", ["Major aspects"], False, "negation"),
    ("Iran's nuclear program was not discussed.", ["Iran’s nuclear"], False, "negation"),
    ("Lavrov said Russia has naive expectations.", ["naive expectations"], False, "negation"),
    ("Trump said he knows Putin.", ["don’t know Putin"], False, "negation"),
    # changed numbers and dates
    ("The call lasted about two hours.", ["about an hour"], False, "number"),
    ("The sanctions were imposed over the 2015 annexation of Crimea.", ["annexation of Crimea"], False, "number"),
    ("Trump and Putin last spoke in November 2015.", ["last spoke in November"], False, "number"),
    ("For over three centuries Russia has supported the United States.", ["two centuries"], False, "number"),
    ("Trump spoke of nuclear weapons reduced by half in 2018.", ["nuclear arms reduction"], False, "number"),
    # invented claims under real ids
    ("The current president of France is Emmanuel Macron.", ["Israeli"], False, "invented"),
    ("The call was conducted in French through interpreters.", ["about an hour"], False, "invented"),
    ("Putin invited Trump to visit Moscow in the spring.", ["dates and venue"], False, "invented"),
    ("Trump promised to lift all sanctions within a week.", ["not among the topics"], False, "invented"),
    ("Why did Putin call Trump? To get to the other side.", ["real coordination"], False, "invented"),
    ("The White House praised Putin's handling of the economy.", ["significant start"], False, "invented"),
    ("Senator Sherrod Brown said sanctions should be lifted at once.", ["Sherrod Brown"], False, "invented"),
    ("The Ukrainian army was not mentioned in the Kremlin's statement.", ["Major aspects"], False, "invented"),
    # a fact wrapped in an invented predicate or reason: how a model accepts a false premise
    ("Lavrov criticised the call afterwards, calling it a display of mutual respect.", ["display of mutual respect"],
     False, "invented"),
    ("Lavrov trashed the call because he believes it was a display of mutual respect between the two men.",
     ["display of mutual respect"], False, "invented"),
    ("Trump cancelled the sanctions because the call lasted about an hour.", ["about an hour"], False, "invented"),
    ("Putin refused to discuss Syria because Islamic terrorism was a common foe.", ["common foe"], False, "invented"),
    ("Moscow has admitted meddling in the election, the US intelligence community said.",
     ["interfered in the campaign"], False, "invented"),
    ("The Kremlin was angry that major aspects of the Ukrainian crisis were touched upon.", ["Major aspects"], False,
     "invented"),
    ("Trump and Putin finally met in person to work out possible dates and venue.", ["dates and venue"], False,
     "invented"),
    # who did it: the doer of the act put after it, someone else before it (the 1.5B model, dev2); a partner
    # ("with Trump") or a joint doer ("Putin and Trump held …") is no swap
    ("Moscow did not adequately respond to Obama's entreaties for closer cooperation in Syria.",
     ["blamed the previous Obama administration"], False, "invented"),
    ("Moscow did not adequately respond to Obama's entreaties.", ["headed by Barack Obama"], False, "invented"),
    ("Moscow blamed the Obama administration for failing to respond to its entreaties.",
     ["blamed the previous Obama administration"], True, "paraphrase"),
    ("Putin held his first call with Trump on Saturday night.", ["held their first telephone"], True, "paraphrase"),
    ("Putin said that Americans have warm feelings towards Russia and asked Trump to wish the Russian people "
     "happiness.", ["warm feelings"], False, "invented"),  # who said it: Trump (a probe of mine)
    # a first bounded by "since" told as the first ever (the 1.5B model, heldout40, shown before this check)
    ("They had never talked before this call.", ["first telephone contact since"], False, "invented"),
    ("It was the first telephone contact since Trump took office.", ["first telephone contact since"], True,
     "paraphrase"),
    # true sentences the role check dropped (the 1.5B model, heldout42): a quotation's name taken for the doer
    # of the act after it, a month abbreviation ("the Jan call") for a name
    ("Trump asked Putin to wish the Russian people happiness and prosperity on his behalf.", ["warm feelings"],
     True, "paraphrase"),
    ("The source in Berlin said it would be unpleasant if Trump were to lift sanctions against Russia, but added "
     "that it doesn't mean that we go along.", ["we go along"], True, "paraphrase"),
    ("The last time they talked before the Jan call was in November, when Putin rang Trump to congratulate him on "
     "winning the presidential election.", ["last spoke in November", "Jan. 20 inauguration"], True, "paraphrase"),
    # a possibility is measured against what the evidence says is to come (the 1.5B model, heldout42)
    ("Washington's European allies worried Trump's first moves with Russia might signal a reduction of the US "
     "commitment to European security.", ["reduction of the US commitment"], True, "paraphrase"),
    ("Yes, Trump is about to scrap the sanctions.", ["24 hours of rumors"], False, "invented"),  # a rumour as fact
    ("There were rumors that Trump might lift sanctions on Russia this weekend.", ["24 hours of rumors"], True,
     "paraphrase"),
]


@pytest.fixture(scope="module")
def classified(knowledge, fact_id):
    weights = knowledge.brief.word_weights()
    out = []
    for sentence, phrases, expected, kind in LABELLED:
        facts = [knowledge.brief.fact(fact_id(p)) for p in phrases]
        score = support_score(sentence, [f.evidence for f in facts], weights)
        out.append((sentence, kind, expected, score >= THRESHOLD, score))
    return out


def test_labelled_set_is_big_enough() -> None:
    assert len(LABELLED) >= 40
    assert {k for *_, k in LABELLED} == {"paraphrase", "wrong-id", "negation", "number", "invented"}


def test_classifies_at_least_95_percent_right(classified) -> None:
    wrong = [(s, kind, round(score, 2)) for s, kind, expected, got, score in classified if got != expected]
    assert len(wrong) <= 0.05 * len(classified), wrong


def test_never_keeps_a_negation_flip_or_changed_number(classified) -> None:
    kept = [s for s, kind, _, got, _ in classified if kind in ("negation", "number") and got]
    assert kept == []


def test_repair_reattributes_to_the_fact_that_supports(knowledge, fact_id) -> None:
    verdict = check("The call lasted about an hour.", [fact_id("real coordination")], knowledge.brief, THRESHOLD)
    assert verdict.reattributed and verdict.fact_ids == (fact_id("about an hour"),)


def test_contradicted_sentence_is_not_repaired(knowledge, fact_id) -> None:
    for sentence in ["Yes, sanctions were discussed.", "Trump and Putin had met several times before."]:
        verdict = check(sentence, [], knowledge.brief, THRESHOLD)
        assert verdict.score < THRESHOLD and not verdict.reattributed, sentence


def test_stray_extra_id_is_not_kept_as_a_citation(knowledge, fact_id) -> None:
    hour, iran = fact_id("about an hour"), fact_id("Iran’s nuclear")
    verdict = check("The call lasted about an hour.", [hour, iran], knowledge.brief, THRESHOLD)
    assert verdict.fact_ids == (hour,)


def test_lead_in_needs_no_citation_and_is_not_counted(knowledge, fact_id) -> None:
    kept, dropped = keep_supported(
        [("According to the articles:", []), ("The call lasted about an hour.", [fact_id("about an hour")]),
         ("Bananas are yellow.", [fact_id("about an hour")])],
        knowledge.brief, THRESHOLD,
    )
    assert [k.text for k in kept] == ["The call lasted about an hour."] and dropped == 1


def test_a_dropped_sentence_is_logged_for_the_operator(knowledge, fact_id, caplog) -> None:
    """What the model said and why it was not shown, for whoever tunes the prompt (DEBUG only)."""
    caplog.set_level("DEBUG", logger="bot.support")
    keep_supported([("Bananas are yellow.", [fact_id("about an hour")])], knowledge.brief, THRESHOLD)
    assert any("Bananas are yellow." in r.getMessage() and r.levelname == "DEBUG" for r in caplog.records)


def test_a_kept_sentence_is_logged_with_what_it_cited_and_what_is_shown(knowledge, fact_id, caplog) -> None:
    """A cited id that lends the sentence no words is not shown: the operator sees both lists in the
    log (DEBUG only)."""
    caplog.set_level("DEBUG", logger="bot.support")
    hour = fact_id("about an hour")
    keep_supported([("The call lasted about an hour.", [hour, fact_id("Iran’s nuclear")])], knowledge.brief,
                   THRESHOLD)
    kept = [r.getMessage() for r in caplog.records if r.getMessage().startswith("kept a sentence")]
    assert kept and f"shown ['{hour}']" in kept[0], kept


def test_resolved_dates_support_calendar_dates_and_catch_wrong_ones(knowledge, fact_id) -> None:
    briefing = [fact_id("joint briefing with British Prime Minister Theresa May")]
    ok = check("Trump met Theresa May on Friday 27 January 2017.", briefing, knowledge.brief, THRESHOLD)
    assert ok.score >= THRESHOLD and ok.fact_ids
    wrong = check("Trump met Theresa May on 26 January 2017.", briefing, knowledge.brief, THRESHOLD)
    assert wrong.score < THRESHOLD


def test_words_pooled_from_many_cited_facts_do_not_support_a_sentence(knowledge, fact_id) -> None:
    """A model citing every fact it was given: the sentence is checked against its best one or two."""
    sentence = "Lavrov said the call lasted about an hour and covered Iran's nuclear program."  # Lavrov said neither
    many = [fact_id(p) for p in ("display of mutual respect", "about an hour", "Iran’s nuclear")]
    assert check(sentence, many, knowledge.brief, THRESHOLD).score < THRESHOLD
    two = [fact_id("about an hour"), fact_id("Iran’s nuclear")]
    both = "The call lasted about an hour and Iran's nuclear program was discussed."
    assert check(both, two, knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_sentence_pooled_from_two_facts_shows_both(knowledge, fact_id) -> None:
    """Each fact lends words the other lacks; alone, each fails on a name it does not state. The reader
    is shown both, so every article the sentence rests on is cited."""
    hour, iran = fact_id("about an hour"), fact_id("Iran’s nuclear")
    both = "The call lasted about an hour and Iran's nuclear program was discussed."
    verdict = check(both, [hour, iran], knowledge.brief, THRESHOLD)
    assert set(verdict.fact_ids) == {hour, iran}


def test_a_decisive_act_must_be_stated_by_the_evidence() -> None:
    ready = "The administration has an executive order ready to lift the tariffs on steel."
    assert support_score("The president signed an executive order to lift the tariffs on steel.", [ready]) == 0.0
    statement = "The palace released a statement after the call, saying it was positive."
    assert support_score("The palace released a transcript of the call.", [statement]) == 0.0
    assert support_score("The palace released a recording of the call.", [statement]) == 0.0
    signed = "The president signed an executive order on Friday to lift the tariffs on steel."
    assert support_score("The president signed an executive order to lift the tariffs on steel.", [signed]) > 0.9


def test_a_rumour_told_as_fact_is_not_supported() -> None:
    """The evidence states the act only under a hedge ("might", "rumours that"): a sentence stating it
    plainly is not supported; one keeping the hedge is."""
    rumour = "It comes after a day of rumours that the minister might lift the tariffs this week."
    assert support_score("The minister is about to lift the tariffs.", [rumour]) == 0.0
    assert support_score("The minister might lift the tariffs this week.", [rumour]) > 0.9
    assert support_score("The minister lifted the tariffs.", ["The minister lifted the tariffs on Friday."]) > 0.9


def test_the_day_someone_spoke_is_not_the_day_of_what_they_spoke_of() -> None:
    """"…, the minister said on Monday" dates the saying: "the port opened on Monday" is not stated (the
    1.5B model's "There was a phone call … on Monday", where Monday was only when the minister spoke)."""
    evidence = "The port opened on Saturday with a display of respect, Foreign Minister Anna Holt said on Monday."
    assert support_score("The port opened on Monday.", [evidence]) == 0.0
    assert support_score("The port opened on Saturday.", [evidence]) > 0.9
    assert support_score("Anna Holt said on Monday that the port opened on Saturday.", [evidence]) > 0.9
    assert support_score("The port opened on Monday.", [evidence, "The port opened on Monday at noon."]) > 0.9
    dated = "The port opened on Saturday, the minister said. (Saturday: Saturday 28 January)"
    assert support_score("The port opened on Saturday.", [dated]) > 0.9  # a note dating a day is no saying


def test_a_cause_must_be_stated() -> None:
    """A model links two things a fact says side by side (the 1.5B model's "Donald Jr. described Russia
    as a hard business environment, which he touted as a reason for Russian investment …", from "While
    describing Russia as a hard business environment, … touted Russian investment thirst …")."""
    evidence = "While describing the port as a hard place for business, the minister's son touted investment in it."
    assert support_score("The minister's son described the port as a hard place for business, which he touted "
                         "as a reason for investment in it.", [evidence]) == 0.0
    assert support_score("The minister's son described the port as a hard place for business and touted "
                         "investment in it.", [evidence]) > 0.9
    assert support_score("The port closed because of the storm.", ["The port closed because of the storm."]) > 0.9


def test_acting_alone_must_be_stated_like_only() -> None:
    """"By himself", "on his own", "unilaterally" restrict who acts, like "alone": the evidence must
    say so (the 1.5B model's "could even just lift the sanctions by himself", from "would consider
    lifting restrictions if …")."""
    evidence = "The minister said he would consider lifting the tariffs if the port cooperates."
    assert support_score("The minister could lift the tariffs by himself.", [evidence]) == 0.0
    assert support_score("The minister could lift the tariffs on his own.", [evidence]) == 0.0
    unilateral = "There were rumours that the minister might lift the tariffs unilaterally."
    assert support_score("The minister might lift the tariffs by himself.", [unilateral]) > 0.9
    # the 1.5B model, this round: "can just lift the sanctions by himself", from a rumour that he "might"
    # lift them unilaterally, "would consider lifting …" and another fact's "should only be eased if …"
    only = "Critics argue the tariffs should only be eased if the port complies."
    pooled = [unilateral, evidence, only]
    assert support_score("The minister can just lift the tariffs by himself.", pooled) == 0.0
    assert support_score("The minister might lift the tariffs by himself.", pooled) > 0.9


def test_scrapping_is_lifting_in_questions_only() -> None:
    """Questions read "drop / scrap the tariffs" as lifting them (bot.vocabulary), but a model's
    sentence saying "scrap" must be stated as written: "about to scrap" from "might lift" was a
    claim the check let through while the two were one word."""
    evidence = "The minister said he would consider lifting the tariffs if the port cooperates."
    assert support_score("The minister is about to scrap the tariffs.", [evidence]) < THRESHOLD


def test_hardly_negates_like_not() -> None:
    """"One should hardly expect substantive talks" says there will be none: the 1.5B model's "the
    spokesman said the first call would involve substantive discussions" passed while "hardly" was
    read as an ordinary word (heldout16, this round)."""
    evidence = ("Asked if the port would come up, the spokesman said: 'one should hardly expect that this call will "
                "involve substantive discussions across the whole range of issues.'")
    assert support_score("The spokesman said the call would involve substantive discussions.", [evidence]) < THRESHOLD
    assert support_score("The spokesman said one should hardly expect substantive discussions on the call.",
                         [evidence]) > 0.9


@pytest.mark.parametrize("sentence, who, what", [
    ("Holt told a news conference in May that the port would open.", "Holt told a news conference in May",
     "the port would open."),
    ("The port will open, Holt said.", "Holt said.", "The port will open"),
    ("Holt said the port would open.", "Holt said", "the port would open."),
    ("The mayor's stance was that it would be a pity, but she added: 'It is not the end.'", None, None),
    ("The port will open on Friday.", None, None),
])
def test_who_said_it_is_told_apart_from_what_was_said(sentence: str, who: str | None, what: str | None) -> None:
    split = attribution(sentence)
    assert (split is None) if who is None else (split is not None and
                                                 (split[0].strip(), split[1].strip()) == (who, what))


def test_one_facts_speaker_or_occasion_does_not_support_another_facts_words(knowledge, fact_id) -> None:
    """The 1.5B model pooled a news conference in July (one fact) with what Trump told Fox News (another),
    and put the words of politicians who "argue sanctions should only be eased if …" in the mouth of a
    draft executive order. Each fact lent its words; neither says who said what the sentence says."""
    july = "Trump told a news conference in July last year that it would be to the advantage of both Russia and " \
           "the US to mend ties."
    assert check(july, [fact_id("I am all for it"), fact_id("advantage of both")], knowledge.brief,
                 THRESHOLD).score < THRESHOLD
    order = "The draft executive order said that sanctions should only be eased if Moscow complies with the West's " \
            "conditions on Ukraine."
    assert check(order, [fact_id("executive order ready"), fact_id("West's conditions")], knowledge.brief,
                 THRESHOLD).score < THRESHOLD


def test_an_accusation_is_an_allegation() -> None:
    evidence = "Relations have been marred by allegations of meddling in the elections in the port."
    assert support_score("The port has been accused of meddling in the elections.", [evidence]) > 0.9


def test_who_raised_something_goes_with_what_was_raised(knowledge, fact_id) -> None:
    """"Putin brought up" is one fact's (terrorism, a common foe); "election hacking accusations" another's."""
    sentence = "Putin brought up the election hacking accusations during the call."
    assert check(sentence, [fact_id("common foe"), fact_id("allegations of Russian meddling into the USA")],
                 knowledge.brief, THRESHOLD).score < THRESHOLD


def test_what_someone_called_something_goes_with_who_called_it(knowledge, fact_id) -> None:
    """The 1.5B model (heldout17, this round) put Lavrov's "display of mutual respect" in the White
    House's mouth, pooling the White House headline with Lavrov's sentence."""
    sentence = "The White House called the first phone conversation a display of mutual respect between the two men."
    cited = [fact_id("White House Calls 1st Phone Conversation"), fact_id("display of mutual respect between")]
    assert check(sentence, cited, knowledge.brief, THRESHOLD).score < THRESHOLD


def test_the_one_who_reported_a_quotation_is_not_the_one_who_did_what_it_says(knowledge, fact_id) -> None:
    """The 1.5B model (heldout18, this round): "Al Jazeera's Kimberly Halkett double down on Trump's
    statements …", from "“Trump doubled down on his statements …,” Al Jazeera's Kimberly Halkett …
    said"; and (an earlier round) "The Kremlin spoke in favor of …" from "“The Presidents have spoken in
    favor of …,” the Kremlin added". Saying that the reporter reported it is still supported."""
    halkett = fact_id("doubled down on his statements")
    made_doer = "Al Jazeera's Kimberly Halkett doubled down on Trump's statements that he does not know Putin."
    assert check(made_doer, [halkett], knowledge.brief, THRESHOLD).score < THRESHOLD
    kremlin = "The Kremlin spoke in favor of establishing a real coordination between the US and Russian actions."
    assert check(kremlin, [fact_id("have spoken in favor")], knowledge.brief, THRESHOLD).score < THRESHOLD
    reported = "Al Jazeera's Kimberly Halkett reported that Trump doubled down on his statements that he does not " \
               "know Putin."
    assert check(reported, [halkett], knowledge.brief, THRESHOLD).score >= THRESHOLD
    plain = "Trump doubled down on his statements that he does not know Putin."
    assert check(plain, [halkett], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_the_rare_words_said_must_come_from_the_fact_naming_the_speaker(knowledge, fact_id) -> None:
    """The 1.5B model (dev, this round): "The presidents said fighting ISIS in Syria was a common foe
    for the U.S. and Russia", from the presidents' words on ISIS in Syria and Putin's "common foe"
    (told by a White House official). The fact naming the presidents states as many of the words as the
    other, but not "common foe": the words that make the claim came from someone else."""
    pooled = "The presidents said fighting ISIS in Syria was a common foe for the U.S. and Russia."
    coordination, foe = fact_id("have spoken in favor"), fact_id("common foe")
    assert check(pooled, [coordination, foe], knowledge.brief, THRESHOLD).score < THRESHOLD
    own = "The presidents spoke in favor of a real coordination of US and Russian actions to defeat ISIS in Syria."
    assert check(own, [coordination], knowledge.brief, THRESHOLD).score >= THRESHOLD
    official = "A White House official said Putin brought up several times that Islamic terrorism was a common foe."
    assert check(official, [foe], knowledge.brief, THRESHOLD).score >= THRESHOLD
    # the 1.5B model (heldout22): the speaker's fact states the day, a headline the call's "weekend"
    lavrov = "Sergei Lavrov described the weekend phone call on Monday."
    cited = [fact_id("Lavrov said on Monday"), fact_id("Weekend phone call was display")]
    assert check(lavrov, cited, knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_wish_is_stated_by_the_fact_that_states_the_rest(knowledge, fact_id) -> None:
    """The 1.5B model wrote "Trump Jr. said he would like to do business in Russia" citing the fact on
    his touting of Russian investment and others, one of them Trump's "hoped": that hope is not his."""
    sentence = "Trump Jr. said he would like to do business in Russia."
    cited = [fact_id("investment thirst"), fact_id("he hoped he would have"), fact_id("would reciprocate")]
    assert check(sentence, cited, knowledge.brief, THRESHOLD).score < THRESHOLD
    hoped = "Trump said he hoped to have a fantastic relationship with Russia's president."
    assert check(hoped, [fact_id("he hoped he would have")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_fact_lacking_only_a_name_still_pairs_with_one_stating_it(knowledge, fact_id) -> None:
    """The 1.5B model (heldout17, this round) quoted the White House's words and named the call as its
    headline does; cited to the headline, neither fact alone states it all (the words lack "Trump",
    "Putin" and "first"), and the fact with the words was kept out of pairing for lacking names. It is
    supported by the two together. A fact that contradicts a sentence still pairs with nothing."""
    sentence = 'The White House called the first phone conversation between Trump and Putin "a significant start ' \
               'to improving the relationship between the United States and Russia that is in need of repair."'
    verdict = check(sentence, [fact_id("White House Calls 1st Phone Conversation")], knowledge.brief, THRESHOLD)
    assert verdict.score >= THRESHOLD and verdict.reattributed
    # the words' fact, and one naming the call and the two (the headline, or since "relations" and "relationship"
    # are one family, the preview naming their first official discussions)
    assert fact_id("in need of repair") in verdict.fact_ids and len(verdict.fact_ids) == 2
    never = "Trump and Putin had met several times before the White House called the call a significant start."
    assert check(never, [fact_id("have never met")], knowledge.brief, THRESHOLD).score < THRESHOLD


def test_a_speaker_and_the_words_of_one_fact_still_support(knowledge, fact_id) -> None:
    fox = "In an interview on Fox News, Trump said it would be to the advantage of both Russia and the US to mend ties."
    assert check(fox, [fact_id("advantage of both")], knowledge.brief, THRESHOLD).score >= THRESHOLD
    lavrov = "Lavrov said the call was a display of mutual respect."
    assert check(lavrov, [fact_id("display of mutual respect")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_negation_ends_where_and_opens_a_clause_of_its_own() -> None:
    """"have never met and it was unclear how their very different personalities would gel" negates
    the meeting only: the 1.5B model's "they have different personalities" was dropped as its negation."""
    evidence = "The king and the mayor have never met and it was unclear how their very different styles would gel."
    assert support_score("The king and the mayor have different styles.", [evidence]) > 0.9
    assert support_score("The king and the mayor have met.", [evidence]) == 0.0
    assert support_score("The tariffs were discussed.", ["The tariffs were not discussed and not mentioned."]) == 0.0


def test_a_sentence_saying_the_opposite_of_its_fact_is_not_supported(knowledge, fact_id) -> None:
    """The 1.5B model (heldout16, this round): "The Kremlin and the White House described the call
    differently", citing "… described the conversation in positive terms, the same tone …". Another
    fact's "very different personalities" lent it the word."""
    sentence = "The Kremlin and the White House described the call differently."
    cited = [fact_id("described the conversation in positive terms"), fact_id("very different personalities")]
    assert check(sentence, cited, knowledge.brief, THRESHOLD).score < THRESHOLD
    assert support_score("The palace and the port described the talks in the same terms.",
                         ["The palace and the port described the talks in the same terms, not differently."]) > 0.9
    assert support_score("The palace described the talks negatively.",
                         ["The palace described the talks in positive terms."]) == 0.0
    # how they met: a telephone conversation is no meeting in person
    assert support_score("The king and the mayor met in person on Saturday.",
                         ["The king and the mayor held their first telephone conversation on Saturday."]) == 0.0
    assert support_score("The king and the mayor spoke by telephone on Saturday.",
                         ["The king and the mayor held their first telephone conversation on Saturday."]) > 0.7


def test_words_put_in_several_mouths_need_a_fact_where_they_speak_together(knowledge, fact_id) -> None:
    """The 1.5B model (dev, this round): "The presidents said they would welcome Moscow's involvement …"
    from "Trump has said previously that he would welcome …": one of them said it, before the call."""
    both = "The presidents said they would welcome Moscow's involvement in a joint effort to battle Islamic State."
    assert check(both, [fact_id("welcome Moscow’s involvement in a joint effort")], knowledge.brief,
                 THRESHOLD).score < THRESHOLD
    one = "Trump said he would welcome Moscow's involvement in a joint effort to battle Islamic State."
    assert check(one, [fact_id("welcome Moscow’s involvement in a joint effort")], knowledge.brief,
                 THRESHOLD).score >= THRESHOLD
    together = "The presidents said they favour real coordination between US and Russian actions to defeat ISIS."
    assert check(together, [fact_id("real coordination")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_speaker_the_articles_never_describe_so_is_not_repaired_onto_a_fact(knowledge, fact_id) -> None:
    """"Merkel's spokesman said …" was kept by re-attribution to "Seibert said in a statement …" (dev2,
    the 1.5B model): no article says who Seibert is, so the description is the model's own knowledge."""
    sentence = ("Merkel's spokesman said that Merkel and Trump stressed their intention to further deepen the already "
                "excellent bilateral relations in the coming years.")
    cited = [fact_id(p) for p in ("Seibert said", "scattershot", "unpleasant", "challenges posed",
                                  "confirmed about the phone call", "planned phone conversation, announced")]
    assert check(sentence, cited, knowledge.brief, THRESHOLD).score < THRESHOLD
    named = "Seibert said that Merkel and Trump stressed their intention to further deepen relations."
    assert check(named, [fact_id("Barack Obama’s administration")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_negation_is_not_lent_by_a_light_verb_another_fact_negates(knowledge, fact_id) -> None:
    """The 1.5B model (heldout19, this round): "They did not get to the sanctions thing on the call" was
    shown with "Wouldn't it be nice if we actually got along" and a Berlin source's "doesn't mean that we
    go along": the negation the sentence needs was lent by "got", a verb that says nothing."""
    sentence = "They did not get to the sanctions thing on the call."
    pooled = [knowledge.brief.fact(fact_id(p)) for p in ("if we actually got along with people", "unpleasant")]
    assert support_score(sentence, [f.evidence for f in pooled if f is not None]) == 0.0
    # the sentence saying the issue was not mentioned still negates what it negates
    assert support_score("The sanctions were not mentioned in the statement summarizing the conversation.",
                         [knowledge.brief.fact(fact_id("the issue was not mentioned")).evidence]) >= THRESHOLD


def test_two_facts_pooled_do_not_outweigh_a_fact_saying_the_opposite(knowledge, fact_id) -> None:
    """The 1.5B model (heldout23, this round): "Yes, the conversation did discuss sanctions", cited to a
    sentence on what "were also discussed" and one on lifting sanctions, where another fact says
    sanctions were not among the topics. The negation itself, and a pair that nothing contradicts
    (test_words_pooled_from_many_cited_facts_do_not_support_a_sentence), are still kept."""
    cited = [fact_id("Iran’s nuclear"), fact_id("it would be \"unpleasant\"")]
    claimed = "Yes, the conversation did discuss sanctions."
    assert check(claimed, cited, knowledge.brief, THRESHOLD).score < THRESHOLD
    denied = "Sanctions were not among the topics the two leaders discussed, a White House official said."
    assert check(denied, [fact_id("were not among the topics"), fact_id("Iran’s nuclear")], knowledge.brief,
                 THRESHOLD).score >= THRESHOLD


def test_a_plan_is_not_told_as_done_nor_a_past_fact_as_a_plan(knowledge, fact_id) -> None:
    """The 1.5B model (heldout24, this round; and earlier rounds' logs): "They are not expected to meet in
    person" was shown with "Trump and Putin have never met" (another cited fact's "agreed to … meeting"
    lent the plan); "Trump called on the same day as Putin" with "Trump will also have a telephone
    conversation the same day with … Merkel"; "This was the first time Trump and Putin ever talked" with
    "will talk for the second time" (its "talk") and "their first conversation since Trump's inauguration"."""
    brief = knowledge.brief
    meeting = [fact_id(p) for p in ("maintain regular personal contacts", "Putin and Trump also agreed to initiate",
                                    "have never met")]
    assert check("They are not expected to meet in person.", meeting, brief, THRESHOLD).score < THRESHOLD
    same_day = [fact_id("will also have a telephone conversation the same day")]
    assert check("Trump called on the same day as Putin.", same_day, brief, THRESHOLD).score < THRESHOLD
    first = [fact_id(p) for p in ("will talk for the second time", "planned phone conversation, announced",
                                  "their first conversation since")]
    assert check("This was the first time Trump and Putin ever talked.", first, brief, THRESHOLD).score < THRESHOLD
    # told as the plan it is, the same fact supports it; so does the fact that they have never met
    assert check("Trump will also have a telephone conversation with Merkel the same day.", same_day, brief,
                 THRESHOLD).score >= THRESHOLD
    assert check("Trump and Putin have never met.", meeting, brief, THRESHOLD).score >= THRESHOLD
    assert check("They agreed to work out possible dates and venue of their personal meeting.", meeting, brief,
                 THRESHOLD).score >= THRESHOLD


def test_a_shown_fact_saying_the_opposite_is_not_outweighed_by_a_headline(knowledge, fact_id) -> None:
    """The 1.5B model (logged last rounds): "They actually got into the sanctions thing on the call" was
    shown with "sanctions were not among the topics the two leaders discussed" and a headline whose
    "To Talk" lent the "discussed" the other fact negates. The sentence saying what the fact says is kept."""
    brief = knowledge.brief
    cited = [fact_id("were not among the topics"), fact_id("Getting Along With Russia Is A Great Thing")]
    assert check("They actually got into the sanctions thing on the call.", cited, brief, THRESHOLD).score < THRESHOLD
    assert check("Sanctions were not among the topics the two leaders discussed.", cited, brief,
                 THRESHOLD).score >= THRESHOLD


def test_a_plan_rests_on_a_fact_that_speaks_of_it(knowledge, fact_id) -> None:
    """The 1.5B model (logged): "Trump will have a joint press conference with British Prime Minister
    Theresa May on Friday" was shown with the account of that (past) briefing, whose "hope" is for a
    good relationship, not for the briefing. "Touched upon" and "came up" both say discussed."""
    brief = knowledge.brief
    cited = [fact_id("during a joint briefing with British Prime Minister"), fact_id("scheduled to exchange views")]
    planned = "Trump will have a joint press conference with British Prime Minister Theresa May on Friday."
    assert check(planned, cited, brief, THRESHOLD).score < THRESHOLD
    assert check("The Ukrainian situation came up at the phone call.", [fact_id("Major aspects")], brief,
                 THRESHOLD).score >= THRESHOLD


def _dropped_and_kept(knowledge, cited: list[str], dropped: str, kept: str) -> None:
    """The sentence that says what the cited facts do not is dropped; the one telling them is kept."""
    assert check(dropped, cited, knowledge.brief, THRESHOLD).score < THRESHOLD, dropped
    assert check(kept, cited, knowledge.brief, THRESHOLD).score >= THRESHOLD, kept



def test_a_record_since_a_date_is_not_told_as_lasting_since_then(knowledge, fact_id) -> None:
    """The 1.5B model (four times in the logged runs, again this round): "Since the Cold War, U.S.-Russia
    relations have been at their lowest ebb" from "… dragged U.S.-Russia relations to their lowest ebb
    since the Cold War": every word is there, in an order that says something else."""
    cited = [fact_id("lowest ebb since the Cold War")]
    moved = "Since the Cold War, U.S.-Russia relations have been at their lowest ebb."
    kept = ("Trump has spoken about ending the enmity that dragged U.S.-Russia relations to their lowest ebb "
            "since the Cold War.")
    _dropped_and_kept(knowledge, cited, moved, kept)


def test_acronyms_the_facts_spell_out_are_read_as_their_words(knowledge, fact_id) -> None:
    """The 1.5B model writes "the EU" and "the Russian FM" where every article writes "the European
    Union" and "Foreign Minister": the sentence is checked in the facts' words (Brief.spelt_out), so
    the true sentence is kept; an acronym no fact spells out stays as written and still needs stating."""
    eu = "The EU has its own set of sanctions against Russia that it imposed over Ukraine."
    assert check(eu, [fact_id("its own set of sanctions")], knowledge.brief, THRESHOLD).score >= THRESHOLD
    assert knowledge.brief.spelt_out("the Russian FM and the US") == "the Russian Foreign Minister and the US"
    invented = "The IMF has its own set of sanctions against Russia that it imposed over Ukraine."
    assert check(invented, [fact_id("its own set of sanctions")], knowledge.brief, THRESHOLD).score < THRESHOLD


def test_at_all_is_emphasis_not_a_generalisation(knowledge, fact_id) -> None:
    """"Did Iran come up at all?" — the 1.5B model echoes it: "They discussed Iran at all." The "all" of
    "at all" generalises nothing, so it needs no "all" in the evidence; "all the sanctions" still does."""
    iran = fact_id("Iran’s nuclear")
    assert check("They discussed Iran at all.", [iran], knowledge.brief, THRESHOLD).score >= THRESHOLD
    assert check("They discussed all of Iran's programs.", [iran], knowledge.brief, THRESHOLD).score < THRESHOLD


def test_hoping_is_said_by_the_one_who_hopes(knowledge, fact_id) -> None:
    """"Trump hoped for a fantastic relationship …" of "Trump expressed his hope for “fantastic
    relationship” …": hoping, like expressing or assessing, is what the speaker says of himself, not a
    deed the quotation tells (the check for a reporter made the doer dropped it). A sentence that
    makes the one who judged the call a party to it is still dropped (the 1.5B model: "The Russian
    Foreign Minister showed mutual respect by this phone call")."""
    hoped = "Trump hoped for a fantastic relationship with Russia and its President."
    assert check(hoped, [fact_id("Theresa May, Trump expressed")], knowledge.brief, THRESHOLD).score >= THRESHOLD
    assessed = "The Russian FM, Sergei Lavrov, made a positive assessment of the conversation between US President " \
               "Donald Trump and Russian President Vladimir Putin."
    respect = [fact_id("display of mutual respect between the two men, according")]
    assert check(assessed, respect, knowledge.brief, THRESHOLD).score >= THRESHOLD
    party = "The Russian Foreign Minister showed mutual respect by this phone call between the two presidents."
    assert check(party, respect, knowledge.brief, THRESHOLD).score < THRESHOLD


def test_a_condition_that_bounds_the_words_must_be_kept(knowledge, fact_id) -> None:
    """"A bill … that would make it impossible for the US President to lift restrictions without
    congressional approval": the 1.5B model dropped the condition (logged twice), which widens the
    bill from a veto to a ban. Keeping it, or saying it another way, is still supported."""
    bill = [fact_id("make it impossible for the US President")]
    widened = "Several US Senators proposed a bill last week that would make it impossible for the US President " \
              "to lift restrictions on Russia."
    assert check(widened, bill, knowledge.brief, THRESHOLD).score < THRESHOLD
    kept = "Several US Senators proposed a bill that would make it impossible for the US President to lift " \
           "restrictions without congressional approval."
    assert check(kept, bill, knowledge.brief, THRESHOLD).score >= THRESHOLD
    # invented, general English: the clause a condition bounds, told without it; "without" bounds a bar only
    assert support_score("The port stays open at night.", ["The port stays open at night unless it storms."]) == 0.0
    assert support_score("The board cannot close the port.", ["The board cannot close the port without a vote."]) == 0.0
    assert support_score("The board can close the port.", ["The board can close the port without a vote."]) > 0.9


def test_what_a_fact_only_supposes_is_not_stated(knowledge, fact_id) -> None:
    """The 1.5B model (logged, kept until now): "Trump said that he can have a great relationship with
    Russia and China …" from "If we can have a great relationship with Russia and with China …, I'm all
    for that": an "if" clause told as a claim. A sentence keeping the supposition is still supported;
    so is what an "asked if" clause asks about, and the requirement of an "only if"."""
    great = [fact_id("If we can have a great relationship")]
    claimed = "Trump said that he can have a great relationship with Russia and China and with all countries."
    assert check(claimed, great, knowledge.brief, THRESHOLD).score < THRESHOLD
    kept = "Trump said that if they can have a great relationship with Russia and with China, he is all for that."
    assert check(kept, great, knowledge.brief, THRESHOLD).score >= THRESHOLD
    # invented, general English
    assert support_score("The mayor can reopen the port.", ["If the mayor can reopen the port, we will trade."]) < 0.5
    assert support_score("The mayor would trade if the port reopens.",
                         ["The mayor said he would trade if the port reopens."]) > 0.9
    assert support_score("Reporters asked about the port.", ["Reporters asked if the port would come up."]) > 0.9
    assert support_score("Critics say the mayor must reopen the port first.",
                         ["Critics argue the tolls should only be cut if the mayor reopens the port first."]) > 0.6


def test_words_said_before_another_speaker_takes_the_word_are_not_theirs(knowledge, fact_id) -> None:
    """"Yes, Trump said he had an executive order ready to lift sanctions against Russia." (the 1.5B
    model, logged, kept until now): the fact has a researcher tweet that the administration "has an
    executive order ready", "but Trump said on Friday that it is 'very early …'". What follows "but
    Trump said" is Trump's; the words before it are the researcher's."""
    order = [fact_id("has an executive order ready")]
    swapped = "Yes, Trump said he had an executive order ready to lift sanctions against Russia."
    assert check(swapped, order, knowledge.brief, THRESHOLD).score < THRESHOLD
    tweeted = "The Atlantic Council researcher, Fabrice Pothier, tweeted that the Trump administration has an " \
              "executive order ready to lift sanctions on Russia."
    assert check(tweeted, order, knowledge.brief, THRESHOLD).score >= THRESHOLD
    early = "Trump said on Friday that it is very early to be talking about that."
    assert check(early, order, knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_what_a_sentence_sets_aside_is_not_what_it_claims(knowledge, fact_id) -> None:
    """"Yes, Trump had to speak to other leaders besides Putin on Saturday." (the 1.5B model, logged,
    kept at 0.71 on the headline "Putin, Trump To Talk By Phone On Saturday"): "besides Putin" is
    what the sentence is not about; the claim is other leaders, which the headline never names."""
    headline = [fact_id("Putin, Trump To Talk By Phone On Saturday")]
    others = "Yes, Trump had to speak to other leaders besides Putin on Saturday."
    assert check(others, headline, knowledge.brief, THRESHOLD).score < THRESHOLD
    # invented, general English
    assert support_score("The mayor phoned other ministers besides Holt.", ["The mayor phoned Holt."]) < THRESHOLD
    assert support_score("Besides Holt, the mayor phoned Berg.", ["The mayor phoned Berg, and later Holt."]) > 0.9
    # "Besides Merkel, Trump will have a telephone conversation with … Angela Merkel on Saturday." (the 1.5B
    # model, this round): a sentence claiming what it set aside says nothing
    merkel = [fact_id("telephone conversation the same day with German")]
    muddled = "Besides Merkel, Trump will have a telephone conversation with German Chancellor Angela Merkel " \
              "on Saturday."
    assert check(muddled, merkel, knowledge.brief, THRESHOLD).score < THRESHOLD
    assert support_score("Besides Berg, the mayor will phone Berg.", ["The mayor will phone Berg."]) == 0.0


def test_a_fact_whose_claim_the_scrape_lost_supports_no_sentence(knowledge, fact_id) -> None:
    """"Russia has been  about the prospects for a potential reset …" lost its adjective in the scrape.
    The 1.5B model filled the gap ("Moscow is expecting a potential reset with the US under the new
    administration.", heldout30, final run; the next sentence says Russia has no "naive
    expectations") or copied the empty sentence: neither says anything the article says. What the
    next sentence states is still supported by it."""
    gap = fact_id("prospects for a potential")
    for sentence in ("Moscow is expecting a potential reset with the US under the new administration.",
                     "Russia has been about the prospects for a potential reset with the US under the new "
                     "administration."):
        assert check(sentence, [gap], knowledge.brief, THRESHOLD).score < THRESHOLD, sentence
    lavrov = "Russian Foreign Minister Lavrov said the country has no naive expectations."
    assert check(lavrov, [gap, fact_id("naive expectations")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_backing_is_not_stated_by_an_objection(knowledge, fact_id) -> None:
    """"Yes, the British PM back lifted the Russia sanctions." (the 1.5B model, heldout30, final run)
    from "May conveyed Britain's objection to lifting of the sanctions": every other word is stated.
    Support and opposition are opposites, like positive and negative."""
    objection = [fact_id("conveyed Britain’s objection")]
    assert check("Yes, the British PM back lifted the Russia sanctions.", objection, knowledge.brief,
                 THRESHOLD).score < THRESHOLD
    assert check("May conveyed Britain's objection to lifting the sanctions.", objection, knowledge.brief,
                 THRESHOLD).score >= THRESHOLD
    assert support_score("The mayor backed the toll.", ["The mayor voiced his objection to the toll."]) == 0.0


def test_a_second_speaker_in_one_sentence_must_have_said_their_part(knowledge, fact_id) -> None:
    """"Putin said Russia was the US's ally when the White House official … said it was 'mutual' and
    added that 'for over two centuries …'" (the 1.5B model, heldout30, last run, shown): the check read
    only the first speaker. The official never said those words; Putin did. Each speaker's part is
    checked; "Trump was talking to Sean Hannity on Fox News when he said the knock the hell out of ISIS
    thing" (true, logged) is kept."""
    cited = [fact_id("for over two centuries"), fact_id("brought up several times")]
    swapped = ("Putin said Russia was the US's ally when the White House official who spoke after the statement "
               "was issued said it was \"mutual\" and added that \"for over two centuries Russia has supported the "
               "United States, was its ally during the two world wars.\"")
    assert check(swapped, cited, knowledge.brief, THRESHOLD).score < THRESHOLD
    hannity = "Trump was talking to Sean Hannity on Fox News when he said the knock the hell out of ISIS thing."
    assert check(hannity, [fact_id("interview with Sean Hannity")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_fact_that_lends_no_words_lifts_no_negation(knowledge, fact_id) -> None:
    """"Yes, the conversation actually discussed sanctions." (the 1.5B model, logged): the fact stating it
    says sanctions were not among the topics discussed; another cited fact's "the topics that were
    discussed" lent the check a plain "discussed" but no word of the sentence, and is not shown."""
    cited = [fact_id("sanctions were not among the topics"), fact_id("no immediate word from the White House")]
    assert check("Yes, the conversation actually discussed sanctions.", cited, knowledge.brief, THRESHOLD).score \
        < THRESHOLD


def test_two_facts_each_stating_a_little_make_no_statement(knowledge, fact_id) -> None:
    """The 1.5B model (logged): "Yes, Putin personally believed that sanctions would be lifted.", from
    Putin's "Mr Trump … said he believes …" (Putin, believes) and "A softening or removal of
    sanctions would allow … Putin's election prospects" (sanctions, lifting): each states under half
    of it, together three quarters. One of a pair must state half of the sentence alone; a sentence
    one fact mostly states and another completes is still supported."""
    collage = "Yes, Putin personally believed that sanctions would be lifted."
    pair = [fact_id("A softening or removal of sanctions"), fact_id("said he would reciprocate")]
    assert check(collage, pair, knowledge.brief, THRESHOLD).score < THRESHOLD
    completed = "Trump and Putin last spoke in November, when Putin rang Trump to congratulate him, and have never met."
    both = [fact_id("last spoke in November"), fact_id("never met")]
    assert check(completed, both, knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_the_one_spoken_to_did_not_say_it(knowledge, fact_id) -> None:
    """"Putin said that Americans 'have warm feelings towards Russia …' and asked Putin 'to wish …'" (the
    1.5B model, dev2 and an earlier logged run, shown): the fact has Trump say it and ask Putin. A name the
    fact writes only after "asked"/"told" is the one spoken to, not the speaker. Whom a speaker told is not
    a speaker either: "Conway told CBS News that …" is kept (logged, true)."""
    warm = [fact_id("have warm feelings towards Russia")]
    text = ('said that Americans "have warm feelings towards Russia and its citizens" and asked Putin "to wish the '
            'Russian people happiness and prosperity" on his behalf.')
    assert check(f"Putin {text}", warm, knowledge.brief, THRESHOLD).score < THRESHOLD
    assert check(f"Trump {text}", warm, knowledge.brief, THRESHOLD).score >= THRESHOLD
    conway = "Kellyanne Conway told CBS News that the call was expected to focus on joint efforts to combat terrorism."
    assert check(conway, [fact_id("Kellyanne Conway told CBS News")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_negation_elsewhere_in_the_fact_does_not_stand_for_the_sentences(knowledge, fact_id) -> None:
    """"Moscow did not blame the Obama administration for failing to adequately respond to its entreaties."
    (the 1.5B model, dev2, shown): the fact says Moscow blamed it. Its "failing" negated other words,
    and any shared negated word let the sentence's "not" pass. The word a negation bears on ("not
    blame") must not be one the fact states plainly; a leading "No," answers, it negates nothing."""
    blamed = [fact_id("blamed the previous Obama administration")]
    text = "the Obama administration for failing to adequately respond to its entreaties."
    assert check(f"Moscow did not blame {text}", blamed, knowledge.brief, THRESHOLD).score < THRESHOLD
    assert check(f"Moscow blamed {text}", blamed, knowledge.brief, THRESHOLD).score >= THRESHOLD
    never = "No, Trump and Putin have never met in person."
    assert check(never, [fact_id("have never met")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_say_and_tell_report_speech_too(knowledge, fact_id) -> None:
    """"Putin should say that Americans 'have warm feelings …' and ask Putin 'to wish …'" (the 1.5B model,
    heldout31, answering its own translation "What should Putin say …?", shown): only "said", "says",
    "told" … were read as reporting speech, so whose words they are went unchecked."""
    warm = [fact_id("have warm feelings towards Russia")]
    text = ('that Americans "have warm feelings towards Russia and its citizens" and ask Putin "to wish the '
            'Russian people happiness and prosperity" on his behalf.')
    assert check(f"Putin should say {text}", warm, knowledge.brief, THRESHOLD).score < THRESHOLD
    assert check(f"Trump did say {text}", warm, knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_a_role_beside_a_name_comes_from_a_fact_naming_them_with_it(knowledge, fact_id) -> None:
    """"The senator who co-chairs the Ukraine caucus, Sherrod Brown, advises against weakening sanctions."
    (the 1.5B model, heldout29, re-attributed to two facts and shown): the co-chair is Portman. Pooled
    facts may each lend a part of a sentence, but a role given beside a name must come from one fact
    naming that person; two people's words side by side stay supported."""
    brown, portman = fact_id("Sherrod Brown"), fact_id("co-chairman of the Senate Ukraine Caucus")
    collage = "The senator who co-chairs the Ukraine caucus, Sherrod Brown, advises against weakening sanctions."
    assert check(collage, [brown, fact_id("about an hour")], knowledge.brief, THRESHOLD).score < THRESHOLD
    assert check("Ukraine caucus co-chair Sherrod Brown advised against weakening sanctions.", [brown, portman],
                 knowledge.brief, THRESHOLD).score < THRESHOLD
    both = ("Sherrod Brown advised against weakening sanctions, and Portman, co-chairman of the Senate Ukraine "
            "Caucus, said we must stand by our allies.")
    assert check(both, [brown, portman], knowledge.brief, THRESHOLD).score >= THRESHOLD
    own = "Sherrod Brown, a senator from Ohio, advised against weakening sanctions."
    assert check(own, [brown], knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_confirming_reports_speech_too(knowledge, fact_id) -> None:
    """"The Kremlin spokesperson Dmitry Peskov confirmed that the phone call was about the joint fight
    against international terrorism, …" (the 1.5B model, heldout31, shown): the topics are the Kremlin's
    readout, not Peskov's words. "confirmed", "noted", "warned" … report speech as "said" does, so the
    fact naming the speaker must state what they said."""
    topics = fact_id("They discussed the joint fight")
    text = ("confirmed that the phone call was about the joint fight against international terrorism, the "
            "situation in the Middle East, the Ukrainian crisis and plans for a future meeting.")
    cited = [topics, fact_id("Peskov, Putin’s spokesperson")]
    assert check(f"The Kremlin spokesperson Dmitry Peskov {text}", cited, knowledge.brief, THRESHOLD).score < THRESHOLD
    assert check("Dmitry Peskov, Putin's spokesperson, confirmed the phone call.", cited[1:], knowledge.brief,
                 THRESHOLD).score >= THRESHOLD


def test_a_role_the_facts_never_give_is_someone_else(knowledge, fact_id) -> None:
    """"The tweet from the White House official was about lifting sanctions on Russia." (the 1.5B model,
    heldout31, shown at 0.80): the tweets are a researcher's, citing an unnamed source in the White House.
    Like a name, a role ("official", "senator", "spokesman") must be one the evidence gives."""
    tweets = [fact_id("she tweeted"), fact_id("Citing an unnamed source in the White House")]
    official = "The tweet from the White House official was about lifting sanctions on Russia."
    assert check(official, tweets, knowledge.brief, THRESHOLD).score < THRESHOLD
    researcher = "The tweet from the researcher was about lifting the restrictions on Moscow."
    assert check(researcher, tweets[1:], knowledge.brief, THRESHOLD).score >= THRESHOLD
    chairs = "Portman co-chairs the Senate Ukraine Caucus."
    assert check(chairs, [fact_id("co-chairman of the Senate")], knowledge.brief, THRESHOLD).score >= THRESHOLD


def _supported(knowledge, sentence: str, cited: list[str]) -> bool:
    return check(sentence, cited, knowledge.brief, THRESHOLD).score >= THRESHOLD


def test_what_someone_was_asked_is_not_what_they_said(knowledge, fact_id) -> None:
    """"Peskov said Ukraine would come up in the first telephone contact since Trump took office."
    (the 1.5B model, heldout33, shown): he was asked if Ukraine would come up and said one should hardly
    expect substantive discussions. The words of "asked if …" are a topic for a sentence that tells of
    the asking, never a claim; a sentence keeping "would" no longer lets them through."""
    asked = [fact_id("Asked by reporters if Ukraine would come up")]
    since = "the first telephone contact since Trump took office."
    assert not _supported(knowledge, f"Peskov said Ukraine would come up in {since}", asked)
    assert _supported(knowledge, f"Asked whether Ukraine would come up, Peskov said this was {since}", asked)


def test_a_prefix_is_the_same_word_with_or_without_its_hyphen(knowledge, fact_id) -> None:
    """"Putin is up for reelection next year." (the 1.5B model, heldout34, dropped at 0.59): the article writes
    "re-election", and the hyphen split it into "re" and "election". Closed up or not, it is one word;
    the sentence keeps the fact's "expected" (a hedge)."""
    run = [fact_id("expected to run for re-election next year")]
    assert _supported(knowledge, "Putin is expected to run for reelection next year.", run)
    assert _supported(knowledge, "Putin is expected to run for re-election next year.", run)


def test_a_denial_is_no_statement_of_what_was_denied(knowledge, fact_id) -> None:
    """"The Kremlin has vehemently denied any allegations that it coordinated hacks on the U.S. election"
    supported "The Kremlin coordinated hacks on the U.S. election." at 1.0: every word is there, and
    "denied" was not read as a negation, as "refused" and "failed" are. It is now."""
    denied = [fact_id("vehemently denied any allegations")]
    assert not _supported(knowledge, "The Kremlin coordinated hacks on the U.S. election.", denied)
    assert not _supported(knowledge, "The Kremlin admitted it coordinated hacks on the U.S. election.", denied)
    assert _supported(knowledge, "The Kremlin denied that it coordinated hacks on the U.S. election.", denied)


def test_an_allegation_or_a_worry_is_no_statement_of_what_it_is_about(knowledge, fact_id) -> None:
    """Hedged content told as fact passed at 1.0: "Russia meddled in the US elections" on "allegations of
    Russian meddling", "Trump is too cozy with Moscow" on "vulnerable to allegations … of being too
    cozy", "Trump's first moves … will signal a reduction …" on "concern over whether …". Allegations,
    accusations, suspicions, worries and "whether" now hedge as rumours do; a sentence keeping the
    hedge (or telling of a denial) still passes."""
    marred = [fact_id("allegations of Russian meddling")]
    cozy = [fact_id("vulnerable to allegations at home")]
    whether = [fact_id("expressed concern over whether")]
    assert not _supported(knowledge, "Russia meddled in the US elections in November 2016.", marred)
    assert _supported(knowledge, "Relations have been marred by allegations of Russian meddling in the US elections.",
                      marred)
    assert not _supported(knowledge, "Trump is too cozy with Moscow.", cozy)
    assert _supported(knowledge, "Trump faces allegations at home of being too cozy with Moscow.", cozy)
    moves = "Trump's first moves with Russia will signal a reduction of the US commitment to European security."
    assert not _supported(knowledge, moves, whether)
    assert _supported(knowledge, f"European allies are concerned that {moves[0].lower()}{moves[1:]}", whether)


def test_what_should_be_or_is_considered_is_not_what_is(knowledge, fact_id) -> None:
    """"Nuclear weapons are way down." passed on Trump's "nuclear weapons should be way down", and "Trump
    would lift restrictions on Russia." on "he would consider lifting restrictions if Moscow cooperates":
    "should", "must" and "consider" now hedge; a sentence that keeps one passes."""
    down = [fact_id("nuclear weapons should be way down")]
    consider = [fact_id("would consider lifting restrictions")]
    assert not _supported(knowledge, "Nuclear weapons are way down.", down)
    assert _supported(knowledge, "Trump said nuclear weapons should be way down and reduced very substantially.", down)
    assert not _supported(knowledge, "Trump would lift restrictions on Russia.", consider)
    assert _supported(knowledge, "Trump said he would consider lifting restrictions if Moscow cooperates.", consider)


def test_an_if_after_a_comma_is_no_question_someone_does_not_know_the_answer_to(knowledge, fact_id) -> None:
    """"I don't know Putin, but if we can get along with Russia that's a great thing" supported "Trump can
    get along with Putin." at 1.0: the "if" was read as "don't know if" across the comma, so its clause
    was kept as stated."""
    quote = [fact_id("if we can get along with Russia that’s a great thing, it’s good")]
    assert not _supported(knowledge, "Trump can get along with Putin.", quote)
    assert _supported(knowledge, "Trump said he doesn't know Putin.", quote)


def test_what_was_expected_or_hoped_is_not_what_happened(knowledge, fact_id) -> None:
    """"Expect many tweets to follow both phone calls." (a preview) supported "Many tweets followed both
    phone calls." at 1.0, and "he is expected to run for re-election" supported "Putin will run for
    re-election next year."; "are hopeful that … the two sides can move quickly" supported "The two
    sides can move quickly …". Expecting and hoping now hedge; "would" keeps the supposition."""
    tweets = [fact_id("Expect many tweets to follow")]
    run = [fact_id("expected to run for re-election next year")]
    hopeful = [fact_id("are hopeful that after today")]
    assert not _supported(knowledge, "Many tweets followed both phone calls.", tweets)
    assert not _supported(knowledge, "Putin will run for re-election next year.", run)
    assert not _supported(knowledge, "The two sides can move quickly to tackle terrorism.", hopeful)
    assert _supported(knowledge, "Both presidents are hopeful the two sides can move quickly to tackle terrorism.",
                      hopeful)
    conway = [fact_id("expected to focus on joint efforts to combat terrorism")]
    assert _supported(knowledge, "Kellyanne Conway told CBS News the call would be about joint efforts to combat "
                      "terrorism.", conway)


@pytest.mark.parametrize(("sentence", "fact", "swapped"), [
    ("Oslo did not answer Lind's letters.", "Oslo, for its part, blamed the previous Lind government for failing to "
     "answer its letters.", True),
    ("Holt praised Berg.", "Berg praised Holt on Monday.", True),
    ("Oslo blamed Lind's government for failing to answer its letters.", "Oslo, for its part, blamed the previous "
     "Lind government for failing to answer its letters.", False),
    ("Berg held her first meeting with Holt on Friday.", "Holt and Berg held their first meeting on Friday.", False),
    ("Berg praised Holt.", "Berg praised Holt on Monday.", False),
    ("Berg said Holt praised the minister.", "According to Berg, Holt praised the minister.", False),  # who says
    ("The minister said Berg praised Holt.", "According to Berg, Holt praised the minister.", True),
    # a name inside a quotation does not do the act after it; a month or weekday does nothing
    ("Holt asked Berg to wish Lind well.", 'Holt said the city "owes much to Lind and its people" and asked Berg to '
     "wish Lind well.", False),
    ("The Friday call came after Holt called Berg in November.", "Holt called Berg in November.", False),
    ("The Jan. call came after Holt called Berg in November.", "Holt called Berg in November.", False),
])
def test_a_sentence_that_swaps_who_did_it_is_caught(sentence: str, fact: str, swapped: bool) -> None:
    """The doer of an act in the evidence named after it, and someone else before it: the roles are swapped,
    though every word is the fact's. A partner ("with Holt"), a joint doer ("Holt and Berg held") and an
    attribution ("according to Berg") are no doers to swap."""
    from bot.role_swap import roles_swapped
    from bot.text import GENERAL
    assert roles_swapped(sentence, [fact], GENERAL) is swapped


def test_a_swapped_role_is_not_shown_even_after_repair(knowledge, fact_id) -> None:
    """The 1.5B model's "Moscow did not adequately respond to Obama's entreaties" (dev2): no fact says so."""
    sentence = "Moscow did not adequately respond to Obama's entreaties for closer cooperation in Syria."
    verdict = check(sentence, [fact_id("blamed the previous Obama administration")], knowledge.brief, THRESHOLD)
    assert verdict.score < THRESHOLD, verdict


@pytest.mark.parametrize(("sentence", "fact", "misplaced"), [
    ("The quote was given by Anna Holt on Radio Oslo.", "In an interview with Anna Holt on Radio Oslo, Berg said it.",
     True),
    ("The quote was aired by Radio Oslo.", "In an interview with Anna Holt on Radio Oslo, Berg said it.", True),
    ("The visit was announced by Anna Holt.", "The visit, announced by Anna Holt on Friday, was short.", False),
    ("The remark was reported by Radio Oslo.", "Radio Oslo's Anna Holt, reporting from the port, said so.", False),
    ("The remark was made by Berg.", "According to Berg, the port will open.", False),
    ("The remark was made by Berg.", "The port will open, said Berg.", False),
])
def test_a_doer_named_after_by_must_do_it_in_the_evidence(sentence: str, fact: str, misplaced: bool) -> None:
    """A passive sentence's doer ("given by Holt") whom the evidence names only as a partner or a place
    ("an interview with Holt", "on Radio Oslo") is someone else's act told as theirs."""
    from bot.role_swap import agent_misplaced
    from bot.text import GENERAL
    assert agent_misplaced(sentence, [fact], GENERAL) is misplaced


def test_a_quote_given_to_an_interviewer_is_not_the_interviewers(knowledge, fact_id) -> None:
    """The 1.5B model's "The 'knock the hell out of ISIS' quote was given by Sean Hannity …" (heldout48)
    was shown: Trump said it, in an interview with Hannity."""
    cited = [fact_id("knock the hell out of ISIS")]
    given = "The 'knock the hell out of ISIS' quote was given by Sean Hannity on Fox News on Thursday night."
    kept = "Trump said they could knock the hell out of ISIS in an interview with Sean Hannity on Fox News."
    _dropped_and_kept(knowledge, cited, given, kept)


def test_one_act_told_twice_is_not_merged_into_a_third() -> None:
    """Two facts telling of one congratulation, on different things: a sentence taking the date from one
    and the object from the other tells of a congratulation neither reports."""
    from bot.merged_acts import object_merged
    from bot.text import GENERAL
    from bot.word_weights import WordWeights
    first = "Holt rang Berg in May to congratulate her on winning the election."
    second = "Holt will congratulate Berg on her appointment, the palace said."
    weights = WordWeights.over([first, second, *(f"The port opened on day {n}." for n in range(60))], GENERAL)
    merged = "Holt rang Berg in May to congratulate her on the appointment."
    assert object_merged(merged, first, second, weights)
    told = "In May Holt rang Berg to congratulate her on winning the election, and she will be congratulated again."
    assert not object_merged(told, first, second, weights)
    assert not object_merged("Holt will congratulate Berg on her appointment in May.", second, first, weights)


def test_a_false_premise_pooled_from_two_facts_is_not_shown(knowledge, fact_id) -> None:
    """The 1.5B model echoed "putin called trump in november to congratulate him on the inauguration?"
    (heldout48) as "Putin phoned Trump back in November to congratulate him on the inauguration.", every
    word in two facts (November and the election win; the inauguration still to come). A sentence
    telling one of them stays."""
    cited = [fact_id("congratulate him on winning"), fact_id("congratulate Trump on his Jan. 20")]
    echo = "Putin phoned Trump back in November to congratulate him on the inauguration."
    told = ("The last time they talked before the Jan call was in November, when Putin rang Trump to congratulate "
            "him on winning the presidential election.")
    _dropped_and_kept(knowledge, cited, echo, told)


def test_a_quotation_must_be_the_evidences_own_words(knowledge, fact_id) -> None:
    """The 1.5B model's 'The White House official said Putin kept calling Islamic terrorism "wat".'
    (heldout51: the asker's chat "wat" put in quotation marks) was shown with score 1.00: "wat" weighs
    nothing. A quotation is the speaker's words: they must be the fact's, in its order."""
    cited = [fact_id("common foe")]
    wat = 'The White House official said Putin kept calling Islamic terrorism "wat".'
    kept = 'The White House official said Putin repeatedly called Islamic terrorism a "common foe".'
    _dropped_and_kept(knowledge, cited, wat, kept)


def test_a_first_since_a_date_is_not_the_first_ever(knowledge, fact_id) -> None:
    """"The first telephone contact since President Trump took office" does not say they had never talked
    (they last spoke in November): the sentence is dropped, not repaired to another fact."""
    verdict = check("They had never talked before this call.", [fact_id("first telephone contact since")],
                    knowledge.brief, THRESHOLD)
    assert verdict.score < THRESHOLD, verdict


def test_a_possibility_is_measured_against_what_is_to_come(knowledge, fact_id) -> None:
    """"… might signal a reduction …" tells the evidence's "whether … will signal a reduction …" as the
    possibility it is (the 1.5B model's true sentence was dropped); telling it as done is still not
    supported."""
    cited = [fact_id("reduction of the US commitment")]
    might = ("Washington's European allies worried Trump's first moves with Russia might signal a reduction of the "
             "US commitment to European security.")
    assert check(might, cited, knowledge.brief, THRESHOLD).score >= THRESHOLD
    done = "Trump's first moves with Russia signalled a reduction of the US commitment to European security."
    assert check(done, cited, knowledge.brief, THRESHOLD).score < THRESHOLD


@pytest.mark.parametrize(("sentence", "fact", "moved"), [
    ("Berg was back then a partner of the port.", "Berg was its ally in the war, and now sees the port as a partner.",
     True),
    ("Berg is now a partner of the port.", "Berg was in the past a partner of the port.", True),
    ("Berg now sees the port as a partner.", "Berg was its ally in the war, and now sees the port as a partner.",
     False),
    ("Berg had previously sided with Holt.", "Berg previously sided with Holt, and now opposes him.", False),
])
def test_a_claim_moved_in_time_is_caught(sentence: str, fact: str, moved: bool) -> None:
    from bot.tense import time_moved
    assert time_moved(sentence, fact) is moved


def test_a_present_claim_told_of_the_past_is_not_supported(knowledge, fact_id) -> None:
    """The 1.5B model's "He said Russia was back then a major partner in fighting international terrorism"
    (heldout42) passed the check: the Kremlin quotes Putin saying Russia *now* sees the US as one."""
    cited = [fact_id("major partner in fighting international terrorism")]
    moved = "Putin said Russia was back then a major partner in fighting international terrorism."
    kept = "Putin said Russia now sees the United States as a major partner in fighting international terrorism."
    _dropped_and_kept(knowledge, cited, moved, kept)


def test_not_necessarily_is_a_hedge_the_sentence_must_keep(knowledge, fact_id) -> None:
    """"The German source said she would not necessarily follow suit": the model's "Germany would not
    follow suit" (heldout46) drops the hedge; keeping it is supported."""
    source = fact_id("not necessarily follow suit")
    assert check("Germany would not follow suit.", [source], knowledge.brief, THRESHOLD).score < THRESHOLD
    kept = "The German source said she would not necessarily follow suit."
    assert check(kept, [source], knowledge.brief, THRESHOLD).score >= THRESHOLD
