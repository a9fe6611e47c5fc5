"""The target's owners accept a named buyer (rule ``holders-approve``), a company for sale
(``explores-sale``), and a first-party "X is joining Y" after a lead-in."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ, check_reading

CASES = [
    (
        "Pixelroot shareholders approve Halvard takeover",
        "",
        [("Pixelroot", "target"), ("Halvard", "acquirer")],
    ),
    (
        "Pixelroot investors back Halvard bid",
        "",
        [("Pixelroot", "target"), ("Halvard", "acquirer")],
    ),
    (
        "Pixelroot board backs $2bn Halvard bid",
        "",
        [("Pixelroot", "target"), ("Halvard", "acquirer")],
    ),
    ("Pixelroot's board backs Halvard bid", "", [("Pixelroot", "target"), ("Halvard", "acquirer")]),
    (
        "Glimmerlake's shareholders overwhelmingly approve Corvane acquisition",
        "",
        [("Glimmerlake", "target"), ("Corvane", "acquirer")],
    ),
]


@pytest.mark.parametrize(("title", "summary", "parties"), CASES)
def test_owners_accepting_a_named_buyer_is_its_acquisition(
    title: str, summary: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, "acquisition", parties)


@pytest.mark.parametrize(
    "title",
    ["Halvard shareholders approve board changes", "Pixelroot board approves share buyback"],
)
def test_owners_approving_something_else_is_no_deal(title: str) -> None:
    check_reading(title, "", None, [])


def test_a_lead_in_does_not_hide_who_is_joining_whom() -> None:
    check_reading(
        "A new chapter: Northvale is joining Halvard",
        "We're excited to share that Northvale has agreed to be acquired by Halvard.",
        "acquisition",
        [("Northvale", "target"), ("Halvard", "acquirer")],
        publisher="Northvale",
    )


@pytest.mark.parametrize(
    "title",
    [
        "Corvane said to weigh sale to private equity",
        "Corvane hires bankers to explore sale",
        "Corvane is exploring a sale, sources say",
        "Corvane puts itself up for sale",
    ],
)
def test_a_company_for_sale_is_a_rumoured_acquisition_of_it(title: str) -> None:
    check_reading(title, "", "acquisition", [("Corvane", "target")])
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and deal.status == "rumoured"


@pytest.mark.parametrize(
    "title", ["Halvard weighs sale price for new GPUs", "Why Halvard should consider a sale"]
)
def test_a_sale_price_or_an_opinion_is_no_sale(title: str) -> None:
    check_reading(title, "", None, [])
