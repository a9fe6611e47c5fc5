"""Classes of the varied19 dev split (AI companies' and newsletters' own feeds), written
again with invented names: startup programmes joined, people welcomed, a firm's portfolio
welcome, and a newsletter's name before a colon."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ
from tests.deals._reading import roles as _roles


@pytest.mark.parametrize(
    "title",
    [
        "quillstack.ai joins NVIDIA Inception",
        "Quillstack joins the Google for Startups Accelerator",
    ],
)
def test_a_startup_programme_joined_is_no_deal(title: str) -> None:
    publisher = title.split()[0]
    assert classify(title, "We've been accepted.", gazetteer=GAZ, publisher=publisher) is None


def test_a_company_joining_a_company_is_still_its_purchase() -> None:
    deal = classify("Quillstack is joining Vantor", gazetteer=GAZ, publisher="Quillstack")
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Vantor", "acquirer"), ("Quillstack", "target")}


@pytest.mark.parametrize(
    ("publisher", "title", "summary"),
    [
        (
            "Sequoia Capital",
            "Welcoming Nadia Brennan to Sequoia",
            "Nadia joins our Europe team from a founding role at a London fintech.",
        ),
        (
            "Gannet Robotics",
            "Welcoming Dana Whitcombe to Gannet",
            "Dana brings 20 years of supply-chain experience.",
        ),
    ],
)
def test_a_person_the_body_calls_by_first_name_is_a_hire(
    publisher: str, title: str, summary: str
) -> None:
    assert classify(title, summary, gazetteer=GAZ, publisher=publisher) is None


def test_a_venture_firms_welcome_of_a_company_is_its_round() -> None:
    deal = classify(
        "Welcoming Quillstack to Sequoia",
        "Quillstack builds agents for freight; we led its seed.",
        gazetteer=GAZ,
        publisher="Sequoia Capital",
    )
    assert deal is not None and deal.type == "funding"
    assert _roles(deal) == {("Quillstack", "target"), ("Sequoia Capital", "investor")}


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Axios Pro Rata: Q3 venture numbers",
            "U.S. venture funding hit $85 billion in the third quarter, per PitchBook data.",
        ),
        ("StrictlyVC: The IPO window creaks open", "Bankers say listings will pick up."),
    ],
)
def test_a_newsletters_name_before_a_colon_is_no_party(title: str, summary: str) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    names = {p.name for p in deal.parties} if deal else set()
    assert not names & {"Axios", "Pro Rata", "StrictlyVC", "Axios Pro Rata"}


def test_a_round_named_before_a_colon_keeps_its_company() -> None:
    deal = classify(
        "Series A for Quillstack: $18M to automate freight paperwork",
        "Index Ventures led the round, with participation from Y Combinator.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.type == "funding"
    assert ("Quillstack", "target") in _roles(deal)


def test_lux_is_lux_capital() -> None:
    deal = classify("Quillstack raises $48M led by Lux", gazetteer=GAZ)
    assert deal is not None
    assert ("Lux Capital", "investor") in _roles(deal)


@pytest.mark.parametrize(
    ("title", "summary", "type_", "party"),
    [
        (
            "StrictlyVC: A $60M seed for ex-OpenAI researchers",
            "Quillstack, founded by three former OpenAI researchers to build reinforcement "
            "learning environments for enterprises, raised a $60 million seed round co-led by "
            "Kleiner Perkins and Conviction.",
            "funding",
            ("Quillstack", "target"),
        ),
        (
            "Axios Pro Rata: The IPO window creaks open",
            "AI chipmaker Quillstack filed publicly for a Nasdaq IPO.",
            "ipo",
            ("Quillstack", "issuer"),
        ),
    ],
)
def test_a_columns_headline_of_a_kind_of_deal_takes_the_summarys_deal(
    title: str, summary: str, type_: str, party: tuple[str, str]
) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.type == type_
    assert party in _roles(deal)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # another amount than the headline's
        (
            "StrictlyVC: A $90M seed for ex-OpenAI researchers",
            "Quillstack raised a $60 million seed round co-led by Kleiner Perkins.",
        ),
        # a retrospective
        ("#215: The Vantor-Quillstack merger, one year on", "Vantor merged with Quillstack."),
    ],
)
def test_a_columns_other_headlines_do_not_take_the_summarys_deal(title: str, summary: str) -> None:
    assert classify(title, summary, gazetteer=GAZ) is None


@pytest.mark.parametrize(
    ("title", "type_", "roles"),
    [
        (
            "Abu Dhabi's Mubadala bought Temasek's 9% stake in Quillstack for $210 million",
            "investment",
            {("Mubadala", "investor"), ("Temasek", "seller"), ("Quillstack", "target")},
        ),
        (
            "Vantor to acquire SoftBank's 60% stake in Quillstack for $2B",
            "acquisition",
            {("Vantor", "acquirer"), ("SoftBank", "seller"), ("Quillstack", "target")},
        ),
    ],
)
def test_a_holders_stake_bought_from_it(
    title: str, type_: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == type_
    assert _roles(deal) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Quillstack (W25) has been acquired by warehouse robotics company Vantor.",
            {("Quillstack", "target"), ("Vantor", "acquirer")},
        ),
        (
            "Quillstack (turns whiteboard photos into working React apps) raised a $30M "
            "Series A led by Index Ventures.",
            {("Quillstack", "target"), ("Index Ventures", "investor")},
        ),
    ],
)
def test_a_bracket_after_the_subject_names_no_party(text: str, roles: set[tuple[str, str]]) -> None:
    deal = classify(text, gazetteer=GAZ)
    assert deal is not None
    assert _roles(deal) == roles


def test_a_book_publishers_training_licence_goes_to_the_ai_maker() -> None:
    deal = classify(
        "Microsoft and Marlowe & Quince sign AI training licence for nonfiction backlist",
        "Marlowe & Quince will license nonfiction titles to Microsoft for training AI models.",
        gazetteer=GAZ,
        publisher="Microsoft",
    )
    assert deal is not None and deal.type == "licensing"
    assert _roles(deal) == {("Marlowe & Quince", "licensor"), ("Microsoft", "licensee")}


def test_a_product_folded_into_anothers_features_is_no_purchase_of_the_publisher() -> None:
    deal = classify(
        "Quillstack is joining Anthropic",
        "We're excited to welcome Quillstack. Their product will become part of our code "
        "review features. Terms were not disclosed.",
        gazetteer=GAZ,
        publisher="Anthropic",
    )
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Anthropic", "acquirer"), ("Quillstack", "target")}
    assert classify("Quillstack's app becomes part of Vantor's suite", gazetteer=GAZ) is None


@pytest.mark.parametrize(
    "text",
    [
        "Vantor agreed to take analytics software maker Quillstack private for $4.8 billion, "
        "including debt.",
        "Term Sheet: Vantor's AI take-private||Vantor agreed to take analytics software maker "
        "Quillstack private for $4.8 billion, including debt.",
    ],
)
def test_a_take_private_including_debt_is_a_purchase(text: str) -> None:
    title, _, summary = text.partition("||")
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Vantor", "acquirer"), ("Quillstack", "target")}
    assert deal.amount is not None and deal.amount.value == 4.8e9


def test_debt_raised_is_still_no_deal() -> None:
    assert classify("Quillstack raises $40M in debt", gazetteer=GAZ) is None
