"""Classes of the varied23 dev split: a merger told by its stage verb ("seal", "scrap",
"have called off their planned merger") with both sides partners, whatever the background
(a regulator, antitrust pushback); a unit carved out "in a deal with" its buyer; an
investment "in X to expand capacity" (not the investor's own capex); "doubles down on agents
with a purchase of X" (a lower-case word after "doubles down on" is no company); a listing
of a spin-off and a debut in Spanish; an accelerator's batch tag after a name ("(YC
S25)") and a common word with a company suffix ("Tandem Labs")."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ, check_reading


@pytest.mark.parametrize(
    ("title", "summary", "status"),
    [
        ("Brackwell and Oraline seal $2.1 billion all-stock merger", "", "announced"),
        ("Brackwell, Oraline Scrap Merger After Antitrust Pushback", "", "called-off"),
        (
            "Term Sheet: The abandoned deal",
            "Brackwell and Oraline have called off their planned merger after the UK "
            "competition regulator signalled concerns.",
            "called-off",
        ),
    ],
)
def test_a_merger_told_by_its_stage(title: str, summary: str, status: str) -> None:
    check_reading(title, summary, "merger", [("Brackwell", "partner"), ("Oraline", "partner")])
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.status == status


def test_a_unit_carved_out_in_a_deal_with_its_buyer() -> None:
    check_reading(
        "Morvane to Carve Out Industrial AI Arm in $1.3 Billion Deal With KKR",
        "",
        "acquisition",
        [("Morvane", "seller"), ("KKR", "acquirer")],
    )


def test_an_investment_in_a_company_to_expand_its_capacity_is_one() -> None:
    check_reading(
        "NVIDIA to Invest Up to $4 Billion in Quorracloud to Expand AI Factory Capacity",
        "",
        "investment",
        [("Nvidia", "investor"), ("Quorracloud", "target")],
    )
    # the investor's own plant stays no deal
    assert (
        classify("Halmer to invest $12 billion in new Ohio chip plant", "", gazetteer=GAZ) is None
    )


def test_doubling_down_on_a_field_with_a_purchase_is_the_purchase() -> None:
    check_reading(
        "Salesforce doubles down on agents with $1.9bn purchase of Velloq",
        "",
        "acquisition",
        [("Salesforce", "acquirer"), ("Velloq", "target")],
    )


@pytest.mark.parametrize(
    ("title", "issuer", "status"),
    [
        (
            "Trevane Group to list robotics spin-off in Frankfurt, targets €600 million raise",
            "Trevane Group",
            "announced",
        ),
        (
            "Pampilo Labs debutó en el Nasdaq y recaudó US$ 450 millones",
            "Pampilo Labs",
            "completed",
        ),
    ],
)
def test_a_listing_is_no_round_of_its_exchange(title: str, issuer: str, status: str) -> None:
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and deal.type == "ipo" and deal.status == status, deal
    assert [(p.name, p.role) for p in deal.parties] == [(issuer, "issuer")]


def test_a_startup_from_a_batch_joining_a_lab_is_bought() -> None:
    check_reading(
        "Tandem Labs (YC S25) is joining OpenAI",
        "Congrats to the Tandem Labs team, who are joining OpenAI.",
        "acquisition",
        [("OpenAI", "acquirer"), ("Tandem Labs", "target")],
    )


def test_two_names_joined_by_an_en_dash_before_deal_are_its_sides() -> None:
    check_reading(
        "OpenAI–AWS $38B deal", "", "partnership", [("OpenAI", "partner"), ("AWS", "partner")]
    )
