"""Look-alikes of deals that are none: joining a partner programme or an accelerator's batch,
a partnership that ends, an open-source project or a domain taken over, a pronoun as a
partner ("everyone is partnering with everyone"); and an IPO said not to come is denied."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import check_reading

NO_DEAL = [
    "Quillstack joins the Nvidia Inception startup program",
    "Vexa Labs is joining the Salesforce Partner Ecosystem",
    "Brightwell is now part of Y Combinator's S27 batch",
    "Orbitly selected for the Techstars AI accelerator",
    "Lumora launches its partner program for systems integrators",
    "Hanwa and Kestrel end partnership after two years",
    "Vantor terminates its alliance with Orbitly",
    "Quillstack acquires the Tessera open-source project",
    "Brightwell buys the lumora.ai domain name",
    "[Weekly] Everyone is partnering with everyone",
    "Funding Galore: Indian startups raised $310 Mn this week",
    "AI startups have raised $40 billion this quarter",
    "Stockholm's Quillstack eyes acquisitions after $200m round",
    "Vexa Labs' CEO says the company could someday go public",
    "Orbitly's IPO could value it at $90 billion, analysts say",
    "CMA pokes Halyard's $2 billion Verra investment",
    "FTC takes a look at Northwind's $1bn Quill takeover",
]


@pytest.mark.parametrize("title", NO_DEAL)
def test_memberships_endings_and_projects_are_no_deal(title: str) -> None:
    check_reading(title, "", None, [])


def test_the_deal_type_model_respects_them_too() -> None:
    for title, summary in [
        ("Hanwa and Kestrel end partnership", "Hanwa said the three-year partnership expired."),
        (
            "Funding Galore: Indian startups raised $310 Mn this week",
            "Qure.ai led the week with a $65M round led by Novo Holdings.",
        ),
    ]:
        assert classify(title, summary) is None, title


STILL_DEALS = [
    (
        "Meta and Hugging Face launch startup program for European open-source AI",
        "partnership",
        [("Meta", "partner"), ("Hugging Face", "partner")],
    ),
    (
        "Quillstack acquires Vexa to grow its partner network",
        "acquisition",
        [("Quillstack", "acquirer"), ("Vexa", "target")],
    ),
    (
        "Quillstack raises $5M as startups raised record sums this year",
        "funding",
        [("Quillstack", "target")],
    ),
    (
        "Quillstack raises $20M after $5M seed round",
        "funding",
        [("Quillstack", "target")],
    ),
    (
        "CMA clears Northwind's $1bn Quill takeover",
        "acquisition",
        [("Northwind", "acquirer"), ("Quill", "target")],
    ),
    ("SEC filing shows Quillstack raised $20M", "funding", [("Quillstack", "target")]),
    (
        "Brightwell joins forces with Orbitly on AI agents",
        "partnership",
        [("Brightwell", "partner"), ("Orbitly", "partner")],
    ),
    (
        "Hanwa and Kestrel expand partnership to Europe",
        "partnership",
        [("Hanwa", "partner"), ("Kestrel", "partner")],
    ),
]


@pytest.mark.parametrize(("title", "kind", "parties"), STILL_DEALS)
def test_the_deals_beside_them_stay(title: str, kind: str, parties: list[tuple[str, str]]) -> None:
    check_reading(title, "", kind, parties)


@pytest.mark.parametrize(
    "title",
    [
        "Vexa Labs CEO says IPO is 'not on the agenda' this year",
        "Quillstack's IPO? Not yet, says its founder",
    ],
)
def test_an_ipo_said_not_to_come_is_denied(title: str) -> None:
    deal = classify(title)
    assert deal is not None and (deal.type, deal.status) == ("ipo", "denied"), deal


BIDS_AND_SALES = [
    # the target named right before "bid"; a buyer's stated interest
    ("Quillstack denies Orbitly bid", "acquisition", "denied"),
    ("In brief: Vexa denies Lumora bid; new GPU prices; Tessary's agents", "acquisition", "denied"),
    ("Hanwa makes $2B Kestrel takeover offer", "acquisition", "announced"),
    ("Brightwell denies interest in Sydney AI startup Harbourline", "acquisition", "denied"),
    ("Vantor expresses interest in buying Orbitly", "acquisition", "rumoured"),
    # a named seller's unnamed business, sold to a named buyer
    ("Tessary buys Lumora's AI lending unit", "acquisition", "announced"),
    (
        "In brief: Tessary buys Lumora's AI unit; robotics spinouts; new phones",
        "acquisition",
        "announced",
    ),
]


@pytest.mark.parametrize(("title", "kind", "status"), BIDS_AND_SALES)
def test_bids_named_inside_and_sales_of_a_business(title: str, kind: str, status: str) -> None:
    deal = classify(title)
    assert deal is not None and (deal.type, deal.status) == (kind, status), deal
    assert len({p.slug for p in deal.parties}) >= 2, deal.parties


def test_a_first_party_sale_of_a_business_names_seller_and_buyer() -> None:
    deal = classify(
        "Quillstack sells its data-labelling business to Orbitly",
        "We've agreed to sell our data-labelling unit to Orbitly so we can focus on evaluation.",
        publisher="Quillstack",
    )
    assert deal is not None and deal.type == "acquisition", deal
    assert {(p.name, p.role) for p in deal.parties} >= {
        ("Quillstack", "seller"),
        ("Orbitly", "acquirer"),
    }


@pytest.mark.parametrize(
    "title", ["Investors show interest in AI", "Nvidia confirms interest in AI startups"]
)
def test_interest_in_no_company_is_no_deal(title: str) -> None:
    assert classify(title) is None
