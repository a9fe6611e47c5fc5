"""Issue 14's fifth pass (the classes `story_events_dev4.jsonl` showed): a deal verb denied,
a name in a title's background clause, one target bought by two buyers, and two rounds
whose readings share no party. Every report is written for this file."""

from __future__ import annotations

from datetime import timedelta

import pytest

from aggregator.deals import classify
from aggregator.models import EventFacts, StoryItem
from aggregator.stories import cluster
from aggregator.stories._text import features

from .test_events import T0, item, stories

# --------------------------------------------------------------------------- a denial


@pytest.mark.parametrize(
    "title",
    [
        "Marlowe: we are not buying Quenby",
        "Marlowe Says It Isn't Negotiating a Quenby Takeover",
        "Larkspur won't sell its robotics unit, CEO says",
        "Dovecote is not in talks with Ferrant, spokesperson says",
    ],
)
def test_a_negated_deal_verb_is_a_denial(title: str) -> None:
    assert "denial" in features(title, "").marks


@pytest.mark.parametrize(
    "title",
    ["Marlowe to buy Quenby for $400 million", "Why Marlowe is buying Quenby now"],
)
def test_a_deal_verb_alone_is_no_denial(title: str) -> None:
    assert "denial" not in features(title, "").marks


def test_a_rumour_and_its_denial_in_other_words_are_two_stories() -> None:
    assert (
        stories(
            "Marlowe Weighs Takeover of Design Startup Quenby, People Say",
            "Marlowe in talks to buy Quenby, report says",
            "Marlowe: sorry, we're not buying Quenby",
            gap=5.0,
        )
        == 2
    )


# --------------------------------------------------------------------------- background


def test_a_name_after_despite_or_after_is_background() -> None:
    feats = features("Brindlewood raises $35M despite Calloway Press lawsuit", "")
    assert "calloway" not in feats.names and "brindlewood" in feats.names
    assert feats.terms["calloway"] < 1.0


def test_a_round_told_despite_a_suit_is_not_the_suit() -> None:
    reports = [
        item(1, "Calloway Press sues contract-review startup Brindlewood", 0),
        item(2, "Calloway Press accuses Brindlewood of copying its clause library", 3),
        item(3, "Brindlewood raises $35M despite Calloway Press lawsuit", 30),
        item(4, "Brindlewood closes $35 million Series B", 31),
    ]
    got = cluster(reports)
    assert got[1] == got[2] != got[3] == got[4]


# --------------------------------------------------------------------------- two buyers


def test_one_target_bought_by_two_buyers_is_two_stories() -> None:
    assert (
        stories(
            "Ravensworth agrees to acquire Tilde to bring evals to its platform",
            "Ravensworth buys model-testing startup Tilde",
            "Orchardly to Acquire Tilde Labs, Maker of an Open-Source Tokenizer",
            gap=20.0,
        )
        == 2
    )


def test_one_buyer_told_twice_is_one_story() -> None:
    assert (
        stories(
            "Ravensworth agrees to acquire Tilde",
            "Ravensworth to buy model-testing startup Tilde",
            gap=3.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- two rounds


def _newsroom(entry_id: int, title: str, summary: str, publisher: str, hours: float) -> StoryItem:
    """A company's own post, read with its publisher as the deal reader does for a
    first-party feed ("we raised" is the publisher's round)."""
    return StoryItem(
        entry_id=entry_id,
        feed=f"{publisher.lower()}-blog",
        url=f"https://{publisher.lower()}.example/post-{entry_id}",
        guid=None,
        title=title,
        summary=summary,
        published=T0 + timedelta(hours=hours),
        facts=EventFacts.of(classify(title, summary, publisher=publisher)),
    )


def test_a_newsrooms_round_is_not_another_companys_round_of_that_size() -> None:
    reports = [
        _newsroom(
            1,
            "We raised a $30 million Series A",
            "Harwick Partners leads our round to help shipyards plan with AI.",
            "Gullwing",
            0,
        ),
        item(
            2,
            (
                "Tamberlane raises $30M Series A to build AI agents for dentists",
                "Ollerton Capital led the round.",
            ),
            1,
        ),
        item(3, "Gullwing raises $30M Series A for AI shipyard planning", 2),
    ]
    got = cluster(reports)
    assert got[1] == got[3] != got[2]


# --------------------------------------------------------------------------- background stage


def test_a_denial_in_the_background_clause_is_not_the_titles() -> None:
    title = "Marlowe Agrees to Buy Quenby for $400 Million Weeks After Denying Talks"
    assert features(title, "").marks == {"intent"}


def test_a_span_of_time_before_after_makes_the_rest_background() -> None:
    feats = features("Pemberly adds invoicing tool Tally two days after Notary launch", "")
    assert "notary" not in feats.names and "launch" not in feats.events
    # a title that opens with the span is about what follows it
    opener = features("A week after Grab, Monsoon AI signs GoTo as its partner", "")
    assert "goto" in opener.names


def test_a_late_deal_told_with_its_earlier_denial_is_the_deal() -> None:
    assert (
        stories(
            "Marlowe to acquire Quenby for $400 million",
            "Marlowe Agrees to Buy Quenby for $400 Million Weeks After Denying Talks",
            gap=1.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- share of a round


def test_an_investors_share_and_the_round_are_one_story() -> None:
    assert (
        stories(
            "Orlinde Raises €900 Million in Round Led by Kessler",
            "Kessler invests 600 million euros in Orlinde",
            gap=1.0,
        )
        == 1
    )


def test_two_rounds_of_other_sizes_stay_two() -> None:
    assert stories("Orlinde raises $40M Series B", "Orlinde raises $120M Series C", gap=2.0) == 2


# --------------------------------------------------------------------------- event words


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Zentrix übertrifft erneut die Erwartungen", "results"),
        ("Zentrix beats expectations as cloud sales climb", "results"),
        ("Payroll startup Ferrow discloses data breach", "breach"),
        ("Ferrow says hackers stole customers' tax records", "breach"),
        ("SEC asks bond sellers to report disclosure breach", None),  # (a breach of a rule)
    ],
)
def test_event_words_of_results_and_security_incidents(title: str, event: str | None) -> None:
    events = features(title, "").events
    assert (event in events) if event else "breach" not in events


def test_one_security_incident_in_other_words_is_one_story() -> None:
    assert (
        stories(
            "Payroll startup Ferrow discloses data breach",
            "Ferrow says hackers stole customers' tax records",
            "Ferrow loses 800,000 tax files to intruders",
            gap=2.0,
        )
        == 1
    )


def test_an_investors_share_is_explained_as_part_of_the_round() -> None:
    from aggregator.stories._event import describe

    round_, share = (
        item(1, "Orlinde Raises €900 Million in Round Led by Kessler").facts,
        item(2, "Kessler invests 600 million euros in Orlinde").facts,
    )
    assert round_ is not None and share is not None
    assert any(" part of " in s for s in describe(share, round_, 1.0))


# --------------------------------------------------------------------------- two-item digests


@pytest.mark.parametrize(
    ("title", "digest"),
    [
        ("Ardwick and Solen both raise $80M, Tamsin Labs open-sources Pico", True),
        ("Quillby raises $12M, launches its first agent", False),  # (one subject)
        ("Fresh off its $1B round, Kestrel Forge buys Parallon", False),
        ("Ardwick Signs $1 Billion Chip Pact With Solen, Its New Investor", False),
    ],
)
def test_two_comma_clauses_of_two_companies_are_a_digest(title: str, digest: bool) -> None:
    from aggregator.stories import is_digest

    assert is_digest(title) is digest


def test_a_two_item_digest_joins_neither_story() -> None:
    assert (
        stories(
            "Ardwick raises $80 million to build battery plants",
            "Ardwick and Solen both raise $80M, Tamsin Labs open-sources Pico",
            gap=20.0,
        )
        == 2
    )


# --------------------------------------------------------------------------- background news


def test_a_report_that_names_the_other_news_as_background_is_not_it() -> None:
    feats = features("Pemberly adds invoicing tool Tally two days after Notary launch", "")
    assert "notari" in feats.background or "notary" in feats.background
    assert (
        stories(
            "Pemberly launches Notary, an AI assistant for conveyancers",
            "Pemberly adds invoicing tool Tally two days after Notary launch",
            gap=30.0,
        )
        == 2
    )


def test_background_names_survive_the_window_codec() -> None:
    from aggregator.stories._codec import decode, encode

    feats = features("Pemberly adds invoicing tool Tally two days after Notary launch", "")
    back = decode(encode(feats))
    assert back is not None and set(back.background) == set(feats.background)
