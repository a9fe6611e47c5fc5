"""Classes of wording read after varied14 (``bench/data/varied_dev14.jsonl``), each with entries
invented for the class (other names, verbs and amounts than the set's rows)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify


def _names(deal: object) -> set[str]:
    return {p.name for p in deal.parties}  # type: ignore[attr-defined]


# A name written with a separate short number ("Kestrel 7"): the number is part of it.
@pytest.mark.parametrize(
    "title, name",
    [
        ("Harrier 9 raises $31M to map mines with drones", "Harrier 9"),
        ("Lantern 4 bags €6m for factory vision", "Lantern 4"),
        ("Basin 12 picks up $4 million seed", "Basin 12"),
        ("Signal 8 partners with Databricks on streaming agents", "Signal 8"),
        ("Pier 21 Labs lands $11M from Gradient", "Pier 21 Labs"),
        ("Ridge 5, a Utah startup, raises $9 million", "Ridge 5"),
    ],
)
def test_a_number_after_a_name_is_part_of_it(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in _names(deal)


# Numbers that are no part of a name: a round, a quantity, a list, a model version.
@pytest.mark.parametrize(
    "title",
    [
        "Top 10 startups raise $5M each",
        "Gemini 3 tops the leaderboards",
        "Quarrel raises $3M, 40 days after launch",
    ],
)
def test_other_numbers_are_no_name(title: str) -> None:
    deal = classify(title)
    names = _names(deal) if deal is not None else set()
    assert not any(any(c.isdigit() for c in n) for n in names)


# Lowercase brands: a domain-like name or letters with a digit anywhere; a plain lowercase
# word only where a sentence starts, right before a deal verb.
@pytest.mark.parametrize(
    "title, name",
    [
        ("v7 raises $12M for labelling agents", "v7"),
        ("tarn.ai secures $20 million Series A", "tarn.ai"),
        ("Figma acquires tiny prototyping startup brisk.dev", "brisk.dev"),
        ("pollen lands $8M seed for bee-counting cameras", "pollen"),
        ("sprout.io teams up with Cisco on network agents", "sprout.io"),
    ],
)
def test_lowercase_brands_are_names(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in _names(deal)


@pytest.mark.parametrize(
    "title",
    ["q3 results lift Nvidia shares", "startups raise record sums in q2"],
)
def test_lowercase_words_are_no_brand(title: str) -> None:
    deal = classify(title)
    names = _names(deal) if deal is not None else set()
    assert not any(n.islower() for n in names)


# A holding disclosed, with no purchase told, is no deal; a stake bought stays an investment.
@pytest.mark.parametrize(
    "title",
    [
        "Wellington discloses 6.3% stake in Quantafuel AI, filing shows",
        "Capital Group reports 8% holding in Serenova in 13G filing",
        "T. Rowe Price Reveals 5.5% Stake in Brightdesk",
    ],
)
def test_a_disclosed_holding_is_no_deal(title: str) -> None:
    assert classify(title) is None


def test_a_stake_bought_in_a_filing_stays_an_investment() -> None:
    deal = classify("Samsung buys 6% stake in Orvane, filing shows")
    assert deal is not None and deal.type == "investment"


# Money borrowed is no round for the deal-type model, unless a round is told beside it; a
# share price moving on a deal told before is no new deal.
@pytest.mark.parametrize(
    "title",
    [
        "Voltaic raises $800 million in debt to buy GPUs",
        "Northwind Compute raises ₹250 crore in venture debt",
        "Cinder AI gets $300M credit facility from HSBC",
        "Intel shares rally as Apple deal lifts foundry hopes",
        "Nebula stock climbs 9% after Google contract boosts outlook",
    ],
)
def test_debt_and_market_moves_are_no_deal(title: str) -> None:
    assert classify(title) is None


def test_a_round_beside_a_credit_facility_stays_a_round() -> None:
    deal = classify("Pellmore raises $120M Series B and a $40M credit facility")
    assert deal is not None and deal.type == "funding"


def test_a_deal_with_its_amount_after_a_share_move_is_news() -> None:
    deal = classify(
        "Lambda stock jumps 10% after $2 billion Microsoft capacity deal",
        "Lambda will provide Microsoft with Nvidia GPU capacity under a multi-year agreement.",
    )
    assert deal is not None and deal.type == "partnership"


# The Australian and Canadian press write the country after the dollar sign: "$A120 million".
@pytest.mark.parametrize(
    "title, value, currency",
    [
        ("Wesfarmers buys AI startup Tidewater for $A85 million", 85e6, "AUD"),
        ("Perth's Kookaburra AI raises $A12m seed", 12e6, "AUD"),
        ("Ottawa's Loonbit raises $C40 million Series B", 40e6, "CAD"),
        ("Calgary's Foxlight secures $15-million CAD Series A", 15e6, "CAD"),
        ("Brisbane's Emu Labs raises $3m AUD seed", 3e6, "AUD"),
    ],
)
def test_dollar_sign_before_the_country_letter(title: str, value: float, currency: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.amount is not None
    assert (deal.amount.value, deal.amount.currency) == (value, currency)


# "Signs Reseller Agreement With X" in a Title Case headline: the kind of agreement is no
# party; a name before "Partnership" stays one.
@pytest.mark.parametrize(
    "title, partners",
    [
        ("Tollgate Signs Reseller Agreement With Carahsoft", {"Tollgate", "Carahsoft"}),
        ("Brackwater Inks Strategic Reseller Deal With Dell", {"Brackwater", "Dell"}),
        ("Orrin Signs Quillmark Partnership", {"Orrin", "Quillmark"}),
    ],
)
def test_the_kind_of_agreement_is_no_party(title: str, partners: set[str]) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "partnership"
    assert _names(deal) == partners


# A fund named after a known organisation is one investor ("NATO Innovation Fund").
@pytest.mark.parametrize(
    "title, investor",
    [
        ("Samsung Catalyst Fund leads $20M round in Brindle", "Samsung Catalyst Fund"),
        (
            "Microsoft Climate Innovation Fund invests in Vellum Grid",
            "Microsoft Climate Innovation Fund",
        ),
    ],
)
def test_a_fund_named_after_a_known_organisation(title: str, investor: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert investor in _names(deal)
