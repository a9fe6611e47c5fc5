"""The classes `story_events_dev13.jsonl` showed: an outage told as one more of its kind
("… down AGAIN", "hit by second outage in two days") is the next incident, not the one
reported many hours before it; reported within hours, or before the incident's own
postmortem, it is the same one (`stories._match.repeat_conflict`)."""

from __future__ import annotations

import pytest

from aggregator.stories._text import REPEAT, features

from .test_events import stories


@pytest.mark.parametrize(
    ("first", "repeat"),
    [
        ("Quillon's chatbot and API are down", "Quillon down AGAIN. This is why I run local."),
        ("Quillon API returning 503 errors", "Quillon hit by second outage in two days"),
        ("Hask Cloud is down across Europe", "Hask Cloud hit by another outage, this time in Ohio"),
        ("Data breach at Perrow exposes patient files", "Perrow suffers fresh data breach"),
    ],
)
def test_a_repeat_a_day_later_is_another_incident(first: str, repeat: str) -> None:
    assert stories(first, repeat, gap=20.0) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the first reports, two hours before the press calls it the second this year
        (
            "Quillon's chatbot is down for thousands of users",
            "Quillon's chatbot suffers second major outage this year",
        ),
        ("Quillon is down", "Quillon is down again"),
    ],
)
def test_a_repeat_reported_within_hours_is_the_same_incident(first: str, second: str) -> None:
    assert stories(first, second, gap=2.0) == 1
    assert stories(first, second, gap=20.0) == 2  # the same words, a day apart: the next one


def test_the_incident_told_as_a_repeat_is_marked_and_other_news_is_not() -> None:
    assert REPEAT in features("Quillon hit by second outage in two days", "").marks
    assert REPEAT in features("Quillon down again", "").marks
    assert REPEAT not in features("Quillon launches a second model this week", "").marks
    assert REPEAT not in features("Quillon raises again, at $4B", "").marks


def test_a_versioned_variant_named_first_by_both_is_one_product_story() -> None:
    # neither title says "launch"; the name carries its version before its variant word
    assert (
        stories(
            "Quillon 3 Mini: most of the reasoning, a tenth of the price",
            "Halvex follows its flagship with a cheap, fast Quillon 3 Mini",
        )
        == 1
    )
    # the flagship days before stays its own story
    assert stories("Introducing Quillon 3", "Quillon 3 Mini is API-only", gap=72.0) == 2
