"""Classes of wording read after the STS news headlines (``bench/data/sts_deals.jsonl``):
general news whose words look like deals, and deals told the wire's way. Each with headlines
invented for the class (other people, companies and amounts than the set's rows)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import roles as _roles


@pytest.mark.parametrize(
    "title",
    [
        # a candidate's, a city's or a team's bid
        "Senator Halloway announces re-election bid",
        "Governor Marsh makes her presidential bid official",
        "Lisbon launches Olympic bid for 2040",
        "Quillstack founder ends leadership bid",
        # an office taken over
        "Brazil's Moraes to take over Mercosur presidency",
        "Northwind's Jane Alder takes over as chair of Vantor",
        # an offer to do something else than buy
        "Premier rejects opposition offer to end budget standoff",
        "Union spurns Northwind offer to resume talks",
        "Rebels shun offer of talks",
    ],
)
def test_a_bid_or_offer_of_politics_is_no_deal(title: str) -> None:
    assert classify(title) is None


@pytest.mark.parametrize(
    "title, parties",
    [
        (
            "Board received offer to negotiate a takeover by Vantor Capital",
            None,  # still a deal: the offer is of a takeover
        ),
        (
            "Quillstack rejects Northwind offer to buy it",
            {("Northwind", "acquirer"), ("Quillstack", "target")},
        ),
        (
            "Northwind launches hostile bid for Quillstack",
            {("Northwind", "acquirer"), ("Quillstack", "target")},
        ),
    ],
)
def test_an_offer_or_bid_for_a_company_stays_a_deal(
    title: str, parties: set[tuple[str, str]] | None
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition"
    if parties is not None:
        assert _roles(deal) == parties


# The target of a bid after a describing noun: "bid for rival X", "for chip designer X".
@pytest.mark.parametrize(
    "title",
    [
        "Northwind launches $10 billion bid for rival Quillstack",
        "Northwind launches bid for smaller rival Quillstack",
        "Northwind makes $3bn bid for British chip designer Quillstack",
        "Northwind drops bid for insurer Quillstack",
    ],
)
def test_a_bid_for_a_described_company_names_it(title: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Northwind", "acquirer"), ("Quillstack", "target")}


# "TikTok owner ByteDance", "Quillstack parent Vantor": the first name only says which the
# second one is.
@pytest.mark.parametrize(
    "title, party",
    [
        ("TikTok owner ByteDance partners with Pixwright", ("ByteDance", "partner")),
        ("Quillstack owner Vantor partners with Pixwright", ("Vantor", "partner")),
        ("Quillstack's parent Vantor raises $50M", ("Vantor", "target")),
        ("Kestrel backer Northwind invests $10bn in Pixwright", ("Northwind", "investor")),
    ],
)
def test_an_owner_named_by_what_it_owns_is_the_party(title: str, party: tuple[str, str]) -> None:
    deal = classify(title)
    assert deal is not None
    assert party in _roles(deal)
    assert not {"TikTok", "Quillstack", "Kestrel"} & {p.name for p in deal.parties}


def test_a_product_bought_is_the_target_not_its_owner() -> None:
    # Tumblr is listed as Automattic's unit, not as another name of Automattic
    deal = classify("Northwind to buy Tumblr for $1.1 billion")
    assert deal is not None
    assert _roles(deal) == {("Northwind", "acquirer"), ("Tumblr", "target")}


@pytest.mark.parametrize(
    "title", ["Quillstack is put up for sale", "Chip designer Quillstack put up for sale"]
)
def test_a_company_up_for_sale_is_a_rumoured_acquisition(title: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition" and deal.status == "rumoured"
    assert _roles(deal) == {("Quillstack", "target")}


@pytest.mark.parametrize(
    "title", ["Mansion up for sale in Malibu", "Treasury signs deal with Quillstack"]
)
def test_no_named_organisation_no_deal(title: str) -> None:
    deal = classify(title)
    assert deal is None or not {"Mansion", "Treasury"} & {p.name for p in deal.parties}
