"""The classes `story_events_dev10.jsonl` showed. Every report is written for this file.

- outages and security holes named in more words join as one company's outage or breach;
- a newsroom's "Announcing our $20M Series A" is the round the outlets report, not a template
  of it about another company.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from aggregator.deals import classify
from aggregator.models import EventFacts, StoryItem
from aggregator.stories import cluster
from aggregator.stories._text import features

from .test_events import T0, stories


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Quorvane AI API falls over for four hours", "outage"),
        ("Power failure at Quorvane's data center disrupts GPU cloud", "outage"),
        ("Incident summary: April 22 login failures", "outage"),
        ("Postmortem: the March 3 API incident", "outage"),
        ("Quorvane Browse agent tricked by prompt injection", "breach"),
        ("A single web page could hijack Quorvane's browser agent", "breach"),
        ("Quorvane patches a security flaw in its agent", "breach"),
        ("Quorvane chat logs leaked", "breach"),
    ],
)
def test_outages_and_security_holes_in_other_words_are_named(title: str, event: str) -> None:
    assert event in features(title, "").events


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Quorvane's Lyra chatbot is down", "Quorvane AI API falls over for four hours"),
        (
            "A Single Web Page Could Hijack Pellucid's AI Browser Agent",
            "Pellucid Browse agent tricked by prompt injection into leaking inboxes",
        ),
    ],
)
def test_one_companys_outage_or_breach_in_other_words_is_one_story(first: str, second: str) -> None:
    assert stories(first, second) == 1


def test_the_same_words_about_another_company_stay_apart() -> None:
    assert stories("Quorvane's Lyra chatbot is down", "Pellucid API falls over for four hours") == 2


def _report(entry_id: int, feed: str, title: str, summary: str, publisher: str | None) -> StoryItem:
    reading = classify(title, summary, publisher=publisher)
    return StoryItem(
        entry_id=entry_id,
        feed=feed,
        url=f"https://{feed}.example/{entry_id}",
        guid=None,
        title=title,
        summary=summary,
        published=T0 + timedelta(hours=entry_id),
        facts=EventFacts.of(reading),
    )


def test_a_newsrooms_announcement_of_its_round_joins_the_press_reports() -> None:
    own = _report(
        1,
        "kestrelwood-blog",
        "Announcing our $20M Series A",
        "We've raised $20 million led by Brackwater Capital to bring copilots to engineers.",
        "Kestrelwood",
    )
    press = _report(
        2, "techcrunch", "Kestrelwood raises $20M Series A to bring AI copilots to CAD", "", None
    )
    other = _report(3, "sifted", "Pellucid raises $20M Series A to bring AI to logistics", "", None)
    labels = cluster([own, press, other])
    assert labels[1] == labels[2]
    assert labels[3] != labels[1]


def test_a_title_that_names_no_one_is_about_its_publisher() -> None:
    assert features("Security incident update", "", publisher="Quorvane AI").names[0] == "quorvan"
    plain = features("Quorvane launches Lyra 2", "")
    assert features("Quorvane launches Lyra 2", "", publisher="Quorvane AI") == plain
    assert "quorvan" not in features("Security incident update", "").names


@pytest.mark.parametrize(
    ("own", "press"),
    [
        ("Security incident update", "Quorvane data breach exposes AI support chat transcripts"),
        ("Incident summary: April 22 login failures", "Quorvane's Lyra suffers a major outage"),
    ],
)
def test_a_newsrooms_post_joins_the_press_reports_of_its_event(own: str, press: str) -> None:
    mine = replace(_report(1, "quorvane-blog", own, "", "Quorvane"), publisher="Quorvane")
    theirs = _report(2, "theregister", press, "", None)
    other = _report(3, "theverge", press.replace("Quorvane", "Pellucid"), "", None)
    labels = cluster([mine, theirs, other])
    assert labels[1] == labels[2] != labels[3]
    # without its publisher the post names no one to join
    labels = cluster([replace(mine, publisher=None), theirs])
    assert labels[1] != labels[2]
