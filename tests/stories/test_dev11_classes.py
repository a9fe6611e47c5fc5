"""The classes `story_events_dev11.jsonl` showed. Every report is written for this file.

- one model named with its version, by its maker or by itself, in any language's launch
  words, is one launch; another model of the family stays apart;
- a headline and a dash and a list of its details is one story, no digest;
- "is back" is no investment and "new license terms" no licensing deal.
"""

from __future__ import annotations

import pytest

from aggregator.headlines import digest_items
from aggregator.stories import is_digest
from aggregator.stories._text import features

from .test_events import stories


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Introducing Quorvane Large 4",
            "Quorvane AI dévoile Large 4, son modèle le plus puissant",
        ),
        ("Introducing Pellucid Opus 5", "Tessara releases Opus 5, claims big jumps on agent tasks"),
        ("Introducing Pellucid Opus 5", "Tessara's Pellucid Opus 5 can work on one task all day"),
        ("Quorvane Large 4 is here", "Quorvane launches Large 4 with a 256k context"),
    ],
)
def test_one_named_version_in_a_launch_is_one_story(first: str, second: str) -> None:
    assert stories(first, second) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Introducing Quorvane Large 4", "Quorvane AI dévoile Small 4, son modèle le plus léger"),
        ("Introducing Pellucid Opus 5", "Tessara releases Opus 5 Mini for phones"),
        ("Tessara releases Opus 5", "Tessara releases Sonnet 5"),
        # no launch: a model's later news is its own story
        ("Pellucid Opus 5 now available in the EU", "Tessara's Opus 5 tops the leaderboard"),
    ],
)
def test_another_model_or_later_news_stays_apart(first: str, second: str) -> None:
    assert stories(first, second) == 2


@pytest.mark.parametrize(
    "title",
    [
        "Quorvane Large 4 weights are up on HF — 600B MoE, 41B active, Apache 2.0",
        "Tessara ships its biggest model yet - 1T params, 128k context, open weights",
    ],
)
def test_a_headline_and_a_list_of_its_details_is_no_digest(title: str) -> None:
    assert digest_items(title) == [title]
    assert not is_digest(title)


@pytest.mark.parametrize(
    "title",
    [
        "The Batch — Quorvane buys Pellucid, Robots Learn To Walk, Tessara Raises $4M",
        # short items after a long lead, but mostly no figures: a list of stories
        "This week in AI deals and more — Quorvane buys Pod, Kelp raises $4M, Tessara files IPO",
    ],
)
def test_a_digest_after_a_dash_is_still_one(title: str) -> None:
    assert len(digest_items(title)) == 3


@pytest.mark.parametrize(
    "title",
    [
        "Tessara's Opus 5 is back to open weights — with a catch",
        "Opus 5 is out: 70B dense + 400B MoE, new license terms",
    ],
)
def test_is_back_and_license_terms_name_no_deal(title: str) -> None:
    assert not features(title, "").events & {"invest", "deal"}


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Sequoia backing Quorvane in $40M round", "invest"),
        ("Quorvane signs license deal with Tessara", "deal"),
    ],
)
def test_backing_and_a_license_deal_still_name_their_event(title: str, event: str) -> None:
    assert event in features(title, "").events
