"""Who a name is, learned from the descriptions the articles put before it (bot.aliases)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.aliases import learn

SENTENCES = [
    "The talks were announced by Ruritanian President Anna Berg on Monday.",
    "Harbour Ministry spokesman Olaf Lind told reporters the ship had left.",
    "Later, Berg said the port would reopen.",
    "Sen. Maria Holt (D., Ohio) opposed the plan; Prime Minister Ivo Dane and Prime Minister Eva Kos did not.",
    "Barack Obama and the Russian Federation were not involved.",
]


def test_descriptions_before_a_first_and_last_name_are_learned() -> None:
    aliases = learn(SENTENCES)
    assert aliases.by_name["Berg"] == ("Ruritanian President Anna Berg",)
    assert aliases.by_name["Lind"] == ("Harbour Ministry spokesman Olaf Lind",)
    assert aliases.by_name["Holt"] == ("Sen. Maria Holt",)
    assert "Obama" not in aliases.by_name  # a name without a description
    assert "Federation" not in aliases.by_name  # no role noun: not a person


def test_a_description_shared_by_two_people_names_neither() -> None:
    aliases = learn(SENTENCES)
    assert aliases.by_description["ruritanian president"] == "Anna Berg"
    assert "prime minister" not in aliases.by_description  # Dane and Kos
    assert all(len(d.split()) >= 2 for d in aliases.by_description)  # "President" alone is nobody in particular


def test_notes_say_who_a_sentence_means() -> None:
    aliases = learn(SENTENCES)
    assert aliases.notes("Later, Berg said the port would reopen.") == "(Ruritanian President Anna Berg)"
    assert aliases.notes("The Ruritanian president said so.") == "(ruritanian president: Anna Berg)"
    assert aliases.notes("Ruritanian President Anna Berg said so.") == ""  # nothing left implicit
    assert aliases.notes("The weather was fine.") == ""


@given(st.lists(st.text(alphabet=st.sampled_from("AbcDe .,;-'Sen"), max_size=60), max_size=6))
def test_any_text_is_read_without_error(sentences: list[str]) -> None:
    aliases = learn(sentences)
    for text in sentences:
        note = aliases.notes(text)
        assert note == "" or (note.startswith("(") and note.endswith(")"))


def test_a_question_that_calls_someone_by_description_is_about_that_person() -> None:
    aliases = learn(SENTENCES)
    assert aliases.described("what did the ruritanian president tell them?") == [("ruritanian president", "Anna Berg")]
    assert aliases.described("what did the prime minister say?") == []  # two prime ministers: nobody in particular
    assert aliases.described("what did the president of the harbour say?") == []  # not the articles' description
