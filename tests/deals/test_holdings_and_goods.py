"""Classes from the varied14/varied17 dev splits, written again with invented names where a
name is not what the class is about: an asset manager's holdings, shares bought, goods
bought in bulk, and explainers."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from aggregator.deals._gazetteer import Gazetteer, KnownCompany
from tests.deals._reading import GAZ
from tests.deals._reading import roles as _roles


@pytest.mark.parametrize(
    "title",
    [
        "BlackRock takes 5% stake in Nvidia, filing shows",
        "State Street now owns 6% of C3.ai, filing shows",
        "Norges Bank raises stake in Palantir to 1.1%",
        "LIC raises stake in Infosys to 7%",
        "Japan's GPIF Raises Holdings of SoftBank Shares",
        "Cathie Wood's ARK buys $30 million of Tempus AI shares",
        "Vanguard boosts stake in Arm to 4%",
    ],
)
def test_an_asset_managers_holding_is_no_deal(title: str) -> None:
    assert classify(title, gazetteer=GAZ) is None


@pytest.mark.parametrize(
    ("title", "type_", "roles"),
    [
        # a round is a deal whoever is in it
        ("Quillstack raises $40M led by BlackRock", "funding", {("Quillstack", "target")}),
        # a lab's or startup's stake is a private investment
        ("BlackRock takes stake in Anthropic", "investment", {("Anthropic", "target")}),
        # an investor that is no asset manager
        ("Nvidia takes 5% stake in Intel", "investment", {("Nvidia", "investor")}),
        # a purchase of a company by an asset manager's unit
        (
            "BlackRock's GIP to buy Aligned Data Centers for $40B",
            "acquisition",
            {("Aligned Data Centers", "target")},
        ),
    ],
)
def test_other_deals_of_or_with_asset_managers_stay_deals(
    title: str, type_: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == type_
    assert roles <= _roles(deal)


def test_the_asset_manager_kind_comes_from_the_gazetteer() -> None:
    own = Gazetteer.build(
        (
            KnownCompany("Tarnwell Funds", "asset-manager"),
            KnownCompany("Quillstack", "software"),
        )
    )
    assert classify("Tarnwell Funds raises stake in Quillstack to 3%", gazetteer=own) is None
    other = Gazetteer.build(
        (KnownCompany("Tarnwell Funds", "investor"), KnownCompany("Quillstack", "software"))
    )
    deal = classify("Tarnwell Funds raises stake in Quillstack to 3%", gazetteer=other)
    assert deal is not None and deal.type == "investment"


@pytest.mark.parametrize(
    ("title", "investor", "target"),
    [
        ("SoftBank buys $2 billion of Intel shares", "SoftBank", "Intel"),
        ("Vantor buys $300 million of Quillstack's stock", "Vantor", "Quillstack"),
        ("Nvidia to buy $5 billion worth of Intel common stock", "Nvidia", "Intel"),
    ],
)
def test_shares_bought_are_an_investment_not_the_company(
    title: str, investor: str, target: str
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "investment"
    assert _roles(deal) == {(investor, "investor"), (target, "target")}


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        (
            "Lumentum surges after Nvidia agrees to buy $2 billion of optical parts",
            {("Nvidia", "partner"), ("Lumentum", "partner")},
        ),
        (
            "Nvidia agrees to buy $2 billion of optical parts from Lumentum",
            {("Nvidia", "partner"), ("Lumentum", "partner")},
        ),
        (
            "Vantor agrees to buy $400 million of Lumentum components",
            {("Vantor", "partner"), ("Lumentum", "partner")},
        ),
    ],
)
def test_goods_bought_in_bulk_are_a_supply_deal(title: str, roles: set[tuple[str, str]]) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == roles


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Amazon and Anthropic's relationship, explained", "Amazon has invested $8B in Anthropic."),
        (
            "Perplexity's valuation has tripled in a year. Here's why investors keep paying up",
            "Perplexity raised $200M at a $20B valuation in September.",
        ),
        ("Vantor and Quillstack: what it means for chips", "Vantor bought Quillstack for $2B."),
    ],
)
def test_an_explainer_whose_headline_names_no_deal_is_none(title: str, summary: str) -> None:
    assert classify(title, summary, gazetteer=GAZ) is None


@pytest.mark.parametrize(
    ("title", "type_"),
    [
        ("Quillstack's $2 billion seed round, explained", "funding"),
        ("Vantor's $3B Quillstack takeover, explained", "acquisition"),
    ],
)
def test_an_explainer_whose_headline_names_its_deal_is_that_deal(title: str, type_: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == type_


def test_a_deal_with_a_sentence_of_comment_is_still_the_deal() -> None:
    deal = classify(
        "Quillstack raises $30M", "Quillstack raised $30M from Sequoia. Here's why that matters."
    )
    assert deal is not None and deal.type == "funding"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Call of Duty teams up with Nvidia for smarter squadmates", "Call of Duty"),
        ("League of Quills partners with Vantor", "League of Quills"),
        ("Vantor and Bank of Lumen sign cloud deal", "Bank of Lumen"),
    ],
)
def test_a_title_case_x_of_y_is_one_name(title: str, name: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "partnership"
    names = {p.name for p in deal.parties}
    assert name in names
    assert not names & set(name.split())


@pytest.mark.parametrize(
    ("title", "party"),
    [
        ("Shareholders of Quillstack reject $2 billion offer from Vantor", "Quillstack"),
        ("Sale of Quillstack to Vantor approved", "Quillstack"),
    ],
)
def test_people_or_a_deal_of_a_company_are_not_its_name(title: str, party: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert (party, "target") in _roles(deal)


@pytest.mark.parametrize(
    ("title", "type_", "roles"),
    [
        (
            "Blue Owl Said to Near $3 Billion Deal for Stake in Crusoe Data Center",
            "investment",
            {("Blue Owl", "investor"), ("Crusoe", "target")},
        ),
        (
            "Vantor nears $2B deal for minority stake in Quillstack",
            "investment",
            {("Vantor", "investor"), ("Quillstack", "target")},
        ),
        ("Vantor nears deal for Quillstack", "acquisition", {("Vantor", "acquirer")}),
    ],
)
def test_a_deal_neared_for_a_stake_is_an_investment(
    title: str, type_: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == type_
    assert roles <= _roles(deal)


@pytest.mark.parametrize(
    ("title", "names"),
    [
        # a verb after "to" that is also a company's short name, then its object
        (
            "Vantor and Capgemini Announce Strategic Partnership to Scale Agentic AI in Banking",
            {"Vantor", "Capgemini"},
        ),
        ("Quillstack raises $20M — but not from VCs", {"Quillstack"}),
        ("Quillstack raises $20M from LPs and VCs", {"Quillstack"}),
    ],
)
def test_verbs_plurals_and_kinds_of_ai_are_no_parties(title: str, names: set[str]) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None
    assert {p.name for p in deal.parties} == names


@pytest.mark.parametrize(
    ("title", "party"),
    [
        ("Vantor sells its data unit to Scale for $1B", "Scale AI"),
        ("Meta to invest $14B in Scale", "Scale AI"),
        ("Agentic Labs raises $5M", "Agentic Labs"),
    ],
)
def test_a_company_of_the_same_words_is_still_found(title: str, party: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None
    assert party in {p.name for p in deal.parties}


@pytest.mark.parametrize(
    "title",
    [
        "Vantor offloads majority of Quillstack to Silver Lake for $4.4bn",
        "Vantor flogs majority of Quillstack to Silver Lake for $4.4bn",
        "Vantor divests 51% of Quillstack to Silver Lake for $4bn",
        "Vantor sells controlling stake in Quillstack to Silver Lake",
    ],
)
def test_a_majority_sold_is_an_acquisition_with_three_sides(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {
        ("Vantor", "seller"),
        ("Quillstack", "target"),
        ("Silver Lake", "acquirer"),
    }


def test_the_unit_sold_is_the_last_unit_named() -> None:
    deal = classify(
        "AMD agrees to sell server-building arm ZT Systems' manufacturing unit to Sanmina",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("AMD", "seller"), ("ZT Systems", "target"), ("Sanmina", "acquirer")}


@pytest.mark.parametrize(
    "title",
    [
        "Quillstack is now worth $32 billion after its latest raise",
        "Quillstack is worth $5B after new funding round",
        "Quillstack now valued at $2B following $300M Series C",
    ],
)
def test_a_worth_set_by_a_round_is_that_round(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "funding"
    assert ("Quillstack", "target") in _roles(deal)


def test_a_worth_after_a_rally_is_no_round() -> None:
    assert classify("Nvidia is now worth $5 trillion after its latest rally", gazetteer=GAZ) is None


def test_a_newsletters_lowercase_topics_joined_by_and_are_items() -> None:
    deal = classify(
        "#214: lawsuits, layoffs and a $100M seed round",
        "Quillstack raised a $100M seed round led by Sequoia.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.type == "funding"
    assert ("Quillstack", "target") in _roles(deal)


@pytest.mark.parametrize(
    "title",
    [
        "Vantor to pay $3 billion for Quillstack",
        "Vantor pays $3B for Quillstack",
        "Vantor will pay up to $3bn for Quillstack",
        "Vantor to pay three billion dollars for Quillstack",
        "Vantor agrees to pay $3 billion for chipmaker Quillstack",
        "Vantor shells out $3B for Quillstack",
        "Vantor forks over $3B for Quillstack",
    ],
)
def test_an_amount_paid_for_a_company_is_its_purchase(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Vantor", "acquirer"), ("Quillstack", "target")}
    assert deal.amount is not None and deal.amount.value == 3e9


@pytest.mark.parametrize(
    "title",
    [
        "Vantor pays $3B for Nvidia chips",
        "Vantor pays $20M for Quillstack.com domain",
        "Vantor pays $30M for Quillstack stake",
        "Vantor to pay $300M to settle lawsuit",
        "Apple to pay about $1 billion a year for Google's Gemini",
        "Vantor forks Quillstack's code",
    ],
)
def test_an_amount_paid_for_goods_or_a_settlement_is_no_purchase(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is None or deal.type != "acquisition"


@pytest.mark.parametrize(
    "title",
    [
        "Vantor bids $2B for Quillstack",
        "Vantor offers $2B for Quillstack",
        "Quillstack being bought by Vantor",
        "Quillstack was bought by Vantor last year",
    ],
)
def test_plain_purchase_words_need_no_second_opinion(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Vantor", "acquirer"), ("Quillstack", "target")}


@pytest.mark.parametrize(
    "title",
    ["Quillstack chips sold to Vantor", "Vantor offers Quillstack users a discount"],
)
def test_goods_sold_and_offers_to_users_are_no_purchase(title: str) -> None:
    assert classify(title, gazetteer=GAZ) is None


@pytest.mark.parametrize(
    "title",
    [
        "Sequoia backs Quillstack with $20M",
        "Sequoia writes $20M check for Quillstack",
        "Sequoia bets $20M on Quillstack",
    ],
)
def test_a_venture_firms_money_in_a_company_needs_no_second_opinion(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type in ("investment", "funding")
    assert _roles(deal) == {("Sequoia Capital", "investor"), ("Quillstack", "target")}
