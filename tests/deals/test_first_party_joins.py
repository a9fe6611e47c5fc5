"""A company's own post that says it joins another company is that company's purchase of
it, whatever the title ("Our next chapter"); joining a programme, a forum or a board is none."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ, check_reading


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Our next chapter",
            "Today we're sharing that Quillmate has agreed to join Vantor. Nothing changes for "
            "customers today.",
        ),
        ("Big news", "We're thrilled to share that Quillmate is joining Vantor."),
        ("A new home", "We're joining the Vantor family."),
    ],
)
def test_the_publisher_joining_a_company_is_bought(title: str, summary: str) -> None:
    check_reading(
        title,
        summary,
        "acquisition",
        [("Vantor", "acquirer"), ("Quillmate", "target")],
        "Quillmate",
    )


def test_a_title_saying_it_agreed_to_join_a_company_is_a_purchase() -> None:
    check_reading(
        "Quillmate has agreed to join Salesforce",
        "",
        "acquisition",
        [("Salesforce", "acquirer"), ("Quillmate", "target")],
        "Quillmate",
    )


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Big news", "Quillmate joins the Frontier Model Forum."),
        ("Big news", "We're joining the AI Alliance as a founding member."),
        ("Welcome, Pia!", "Pia Torres is joining Quillmate as CFO."),
        ("Now on the marketplace", "We're joining Vantor Cloud Marketplace today."),
    ],
)
def test_joining_a_programme_or_a_person_joining_is_no_purchase(title: str, summary: str) -> None:
    check_reading(title, summary, None, [], "Quillmate")


@pytest.mark.parametrize(
    ("title", "summary", "parties"),
    [
        # a welcome headline that ends in an emoji
        (
            "Welcome Tolvane Labs to Vantor 🤗",
            "The team behind the open-source harness Tolvane is joining us.",
            [("Vantor", "acquirer"), ("Tolvane Labs", "target")],
        ),
        # a company greeted by name alone, whose body says it joins
        (
            "Welcome, Brimfold!",
            "Brimfold's five-person team is joining Vantor, and we're bringing their engine "
            "into Vantor Review.",
            [("Vantor", "acquirer"), ("Brimfold", "target")],
        ),
    ],
)
def test_a_company_welcomed_into_the_publisher_is_bought(
    title: str, summary: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, "acquisition", parties, "Vantor")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Welcome, Dana!", "Dana is joining us as our new CTO."),
        ("Welcome, Dana Okafor!", "Dana joins Vantor from Stripe."),
        ("Welcome, Brimfold!", "Brimfold is a new customer of our review tools."),
    ],
)
def test_a_person_or_a_customer_welcomed_is_no_purchase(title: str, summary: str) -> None:
    assert classify(title, summary, gazetteer=GAZ, publisher="Vantor") is None
