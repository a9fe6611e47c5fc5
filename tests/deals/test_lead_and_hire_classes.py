"""Classes from invented AI-press probes: a lead investor before the round it leads, and
people who move "in a licensing deal" (a licence and hire, no purchase)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify


def _roles(deal: object) -> set[tuple[str, str]]:
    return {(p.name, p.role) for p in deal.parties}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "title",
    [
        "Northwind leads $40B Quillstack round",
        "Northwind leads a $40M Quillstack round",
        "Northwind leads Quillstack Series A",
        "Northwind co-leads $12M Quillstack seed",
    ],
)
def test_a_lead_before_the_round_it_leads_is_its_investor(title: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "funding"
    assert _roles(deal) == {("Northwind", "investor"), ("Quillstack", "target")}


def test_a_team_that_leads_a_round_of_a_tournament_is_no_deal() -> None:
    assert classify("Messi leads Inter Miami Round of 16") is None


@pytest.mark.parametrize(
    "title, licensee, licensor",
    [
        # "goes to" is read between known companies only
        ("Windsurf CEO goes to Google in $2.4B licensing deal", "Google", "Windsurf"),
        (
            "Quillstack founders join Northwind Labs in licensing deal",
            "Northwind Labs",
            "Quillstack",
        ),
    ],
)
def test_people_moving_in_a_licensing_deal_is_a_licence(
    title: str, licensee: str, licensor: str
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "licensing"
    assert _roles(deal) == {(licensee, "licensee"), (licensor, "licensor")}
    assert deal.rule.endswith("+hire-licence")


def test_a_purchase_next_to_an_earlier_licence_stays_a_purchase() -> None:
    deal = classify(
        "Vantor buys Quillstack, days after Northwind poached its CEO in a $2.4B licensing deal"
    )
    assert deal is not None and deal.type == "acquisition"
    assert ("Vantor", "acquirer") in _roles(deal)
