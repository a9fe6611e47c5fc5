"""Investor lists that end where their sentence or bullet ends, people who are no backers,
offers rejected "from" a bidder, and two companies in one acquisition's talks; written
with invented names."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ
from tests.deals._reading import roles as _roles


@pytest.mark.parametrize(
    ("summary", "roles"),
    [
        (
            "• Pellucid, a Denver tax startup, raised $25 million led by Brackwater Partners. "
            "• Ostrava Health, a billing startup, raised $12 million from Kelp Ventures.",
            {("Pellucid", "target"), ("Brackwater Partners", "investor")},
        ),
        (
            "Pellucid raised $25 million led by Brackwater Partners. Ostrava Health makes "
            "billing software.",
            {("Pellucid", "target"), ("Brackwater Partners", "investor")},
        ),
    ],
)
def test_a_list_of_backers_ends_with_its_sentence_or_bullet(
    summary: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify("Venture capital deals, Oct. 14", summary, gazetteer=GAZ)
    assert deal is not None and deal.type == "funding"
    assert _roles(deal) == roles
    assert [p.name for p in deal.parties if p.lead] == ["Brackwater Partners"]


def test_initials_do_not_end_a_list_of_backers() -> None:
    deal = classify(
        "Pellucid raised $25 million led by J.P. Morgan and Kelp Ventures.", gazetteer=GAZ
    )
    assert deal is not None
    assert {p.name for p in deal.parties if p.role == "investor"} == {"JPMorgan", "Kelp Ventures"}


@pytest.mark.parametrize(
    "summary",
    [
        "Lyon-based Pellucid has raised a €6 million seed round led by Brackwater, with Kelp "
        "Ventures and angel investors including several former Datadog executives.",
        "Pellucid raised €6 million from Brackwater and former Datadog engineers.",
    ],
)
def test_people_from_a_company_are_no_backers(summary: str) -> None:
    deal = classify("Pellucid raises €6M seed round", summary, gazetteer=GAZ)
    assert deal is not None
    assert "Datadog" not in {p.name for p in deal.parties}
    assert ("Pellucid", "target") in _roles(deal)


@pytest.mark.parametrize(
    "text",
    [
        "Data-labelling company Pellucid rejected a $2.1 billion unsolicited takeover offer "
        "from Accenture, saying it undervalued the business.",
        "Pellucid rejects $2.1B hostile bid from Accenture",
        "Pellucid turns down a $2.1 billion all-cash offer from Accenture",
    ],
)
def test_an_offer_rejected_from_a_bidder_names_the_bidder(text: str) -> None:
    deal = classify(text, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition" and deal.status == "rejected"
    assert _roles(deal) == {("Pellucid", "target"), ("Accenture", "acquirer")}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Workday and Pellucid have ended talks about a roughly $3 billion acquisition",
            {("Workday", "acquirer"), ("Pellucid", "target")},
        ),
        # the known company is the buyer whichever is named first
        (
            "Pellucid and Workday end acquisition talks",
            {("Workday", "acquirer"), ("Pellucid", "target")},
        ),
    ],
)
def test_two_companies_in_one_purchases_talks_are_buyer_and_target(
    text: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(text, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition" and deal.status == "called-off"
    assert _roles(deal) == roles


def test_two_companies_buying_a_third_are_both_buyers() -> None:
    deal = classify("Silver Lake and SoftBank complete $2bn buyout of Pellucid", gazetteer=GAZ)
    assert deal is not None
    assert _roles(deal) == {
        ("Silver Lake", "acquirer"),
        ("SoftBank", "acquirer"),
        ("Pellucid", "target"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Meta has signed multi-year licensing agreements with Ledgerly and Baywire",
        "Meta inks content deals with Ledgerly and Baywire",
    ],
)
def test_several_licences_signed_at_once_are_a_licence(text: str) -> None:
    deal = classify(text, gazetteer=GAZ)
    assert deal is not None and deal.type == "licensing"
    assert _roles(deal) == {("Meta", "licensee"), ("Ledgerly", "licensor"), ("Baywire", "licensor")}


def test_a_tracker_of_licences_is_no_licence() -> None:
    assert (
        classify(
            "Which publishers have done AI deals? A running list",
            "We track the licensing agreements publishers have struck with OpenAI, Google and "
            "others.",
            gazetteer=GAZ,
        )
        is None
    )


def test_a_capital_the_inside_a_sentence_is_the_names() -> None:
    deal = classify("Meta signs a licensing agreement with The Morning Ledger", gazetteer=GAZ)
    assert deal is not None
    assert ("The Morning Ledger", "licensor") in _roles(deal)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Pro Rata: The IPO window creaks open",
            "AI chipmaker Pellucid filed publicly for a Nasdaq IPO, reporting $410 million of "
            "revenue last year and a narrowing loss. It plans to list under the ticker PLCD.",
        ),
        ("Pellucid files for IPO; loss narrows", ""),
    ],
)
def test_an_ipo_filing_that_reports_its_figures_is_an_ipo(title: str, summary: str) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.type == "ipo"
    assert _roles(deal) == {("Pellucid", "issuer")}


@pytest.mark.parametrize(
    "title",
    [
        "Pellucid posts first loss since its IPO",
        "Pellucid, which went public years ago, cuts staff",
    ],
)
def test_a_listing_in_the_past_is_no_ipo(title: str) -> None:
    assert classify(title, gazetteer=GAZ) is None
