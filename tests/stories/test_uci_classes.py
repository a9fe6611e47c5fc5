"""A class the UCI news-stories set's tuning half showed: one fact told in other everyday
words ("weds" / "marries", "kids" / "children", "transit" / "transportation"). Every report
is written for this file."""

from __future__ import annotations

import pytest

from aggregator.stories._text import features, stem

from .test_events import stories


@pytest.mark.parametrize(
    ("words", "canon"),
    [
        (("marries", "married", "marry", "wed", "weds", "wedding"), "marry"),
        (("children", "child", "kid", "kids"), "child"),
        (("transportation", "transit"), "transit"),
    ],
)
def test_everyday_synonyms_stem_as_one_word(words: tuple[str, ...], canon: str) -> None:
    assert {stem(w) for w in words} == {canon}


def test_a_synonym_is_a_shared_term() -> None:
    a = features("Orla Brennick weds in Lisbon", "")
    b = features("Orla Brennick marries surgeon in Lisbon", "")
    assert "marry" in a.terms and "marry" in b.terms


def test_one_fact_in_other_words_is_one_story() -> None:
    # apart without the synonym: "public" and "ridership" alone do not make them one story
    assert (
        stories(
            "Americans ride public transit more than ever",
            "Public transportation ridership highest since 1956",
        )
        == 1
    )


def test_other_events_of_the_same_words_stay_apart() -> None:
    assert (
        stories(
            "Orla Brennick weds in Lisbon",
            "Tessary raises $40M Series A for its wedding planner",
        )
        == 2
    )
