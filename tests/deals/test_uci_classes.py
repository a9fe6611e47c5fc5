"""Classes of wording read after the UCI headlines (``bench/data/uci_deals.jsonl``), each with
headlines invented for the class (other companies and amounts than the set's rows)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import roles as _roles


# A wire's or a release service's kicker is no part of the headline's first name.
@pytest.mark.parametrize(
    "title, kind, parties",
    [
        (
            "Photo Release -- Northwind Partners With Quillstack to Build Data Centres",
            "partnership",
            {("Northwind", "partner"), ("Quillstack", "partner")},
        ),
        (
            "PRESS RELEASE: Vantor Acquires Kestrel Labs",
            "acquisition",
            {("Vantor", "acquirer"), ("Kestrel Labs", "target")},
        ),
        (
            "News Release - Harbinger Robotics Raises $40 Million Series B",
            "funding",
            {("Harbinger Robotics", "target")},
        ),
        (
            "REFILE-UPDATE 2-Tollanbury to buy Brisket for $2 bln",
            "acquisition",
            {("Tollanbury", "acquirer"), ("Brisket", "target")},
        ),
    ],
)
def test_a_kicker_before_the_headline_is_dropped(
    title: str, kind: str, parties: set[tuple[str, str]]
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == kind
    assert _roles(deal) == parties


# "A-B merger", "the A & B tie-up": the joined name is the deal's two sides.
@pytest.mark.parametrize(
    "title, parties",
    [
        ("Quillstack-Vantor merge to make the top chip packager", {"Quillstack", "Vantor"}),
        ("Harbinger-Tollanbury Merger Wins EU Approval", {"Harbinger", "Tollanbury"}),
        ("Pixwright-Marrowbone merger collapses", {"Pixwright", "Marrowbone"}),
    ],
)
def test_a_joined_name_before_a_merger_is_two_parties(title: str, parties: set[str]) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "merger"
    assert {p.name for p in deal.parties} == parties


# A name whose sides are ordinary words or places stays one name.
@pytest.mark.parametrize(
    "title, name",
    [
        ("Rolls-Royce merger talks with Wartsila", "Rolls-Royce"),
        ("Procter & Gamble merger with Quillstack called off", "Procter & Gamble"),
    ],
)
def test_a_hyphened_name_of_ordinary_words_stays_whole(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in {p.name for p in deal.parties}
    assert not {"Rolls", "Royce", "Procter", "Gamble"} & {p.name for p in deal.parties}


# A plural of people owning the next word starts a name ("Men's Wearhouse"); a place's
# possessive still only says where ("Lyon's Quillstack").
@pytest.mark.parametrize(
    "title, party",
    [
        ("Women's Health Network raises $20M", ("Women's Health Network", "target")),
        ("Northwind acquires Children's Outfitters", ("Children's Outfitters", "target")),
        ("People's Lending is buying Quillstack", ("People's Lending", "acquirer")),
        ("Lyon's Quillstack raises €5M", ("Quillstack", "target")),
    ],
)
def test_a_plural_possessive_starts_a_name(title: str, party: tuple[str, str]) -> None:
    deal = classify(title)
    assert deal is not None
    assert party in _roles(deal)


# "A eyes / mulls / weighs a B takeover": a purchase weighed, rumoured, its target inside.
@pytest.mark.parametrize(
    "title",
    [
        "Northwind eyes Quillstack takeover",
        "Northwind still eyeing Quillstack buy",
        "Northwind mulls Quillstack purchase",
        "Northwind weighs $2 billion Quillstack bid",
        "Northwind considers possible Quillstack acquisition",
    ],
)
def test_a_purchase_weighed_is_a_rumoured_acquisition(title: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition" and deal.status == "rumoured"
    assert _roles(deal) == {("Northwind", "acquirer"), ("Quillstack", "target")}


@pytest.mark.parametrize(
    "title",
    [
        "Investors eye Nvidia buy signal",
        "Analysts consider Apple buy rating",
        "Northwind weighs Quillstack buy-in",
    ],
)
def test_a_buy_that_is_no_purchase_is_no_deal(title: str) -> None:
    deal = classify(title)
    assert deal is None or deal.rule != "eyes-deal"


# In Title Case a people's possessive whose next word is no name names nobody.
def test_a_lone_plural_possessive_names_nobody() -> None:
    deal = classify("People's Lending Is Buying Quillstack")
    assert deal is None or not {"People", "People's"} & {p.name for p in deal.parties}
