"""Deal wordings newsletters and trade press use: a round told by how far the valuation moved
("doubles its valuation to $N"), a licence named by its owner's possessive ("Nvidia's Groq
licence"), and "X taps Y for <product>"; with the look-alikes that are no deal."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import check_reading

CASES = [
    # a round told by the valuation it set
    ("Quillstack doubles valuation to $3.2B", "", "funding", [("Quillstack", "target")]),
    (
        "Vexa Labs more than triples its valuation to $9 billion",
        "",
        "funding",
        [("Vexa Labs", "target")],
    ),
    (
        "Brightwell lifts valuation to $1.1bn 📈, new agent benchmark 🧪, GPU prices 💸",
        "",
        "funding",
        [("Brightwell", "target")],
    ),
    ("Nvidia doubles its valuation to $5 trillion in a year", "", None, []),  # market value
    ("Shares double, valuation to $2B next?", "", None, []),
    # a licence named by the licensee's possessive
    (
        "Lumora's $900M Tessary licensing deal",
        "",
        "licensing",
        [("Lumora", "licensee"), ("Tessary", "licensor")],
    ),
    (
        "Quillstack's Orbitly licence, explained",
        "",
        "licensing",
        [("Quillstack", "licensee"), ("Orbitly", "licensor")],
    ),
    ("Meta's licence terms for Llama draw criticism", "", None, []),
    ("Meta's Llama licence: what it lets you do", "", None, []),  # its own product
    ("OpenAI's licensing fees for news rise", "", None, []),
    # money two companies put into a joint project is a partnership; into a company, an investment
    (
        "Hanwa and Kestrel Telecom to invest ¥300 billion in AI platform for factories",
        "",
        "partnership",
        [("Hanwa", "partner"), ("Kestrel Telecom", "partner")],
    ),
    (
        "Vantor, Orbitly to jointly invest $2bn in data centre campus in Johor",
        "",
        "partnership",
        [("Vantor", "partner"), ("Orbitly", "partner")],
    ),
    (
        "Toyota and NTT to invest ¥50 billion in Quillstack",
        "",
        "investment",
        [("Toyota", "investor"), ("NTT", "investor"), ("Quillstack", "target")],
    ),
    # capacity rented from a provider, under an agreement or for an amount
    (
        "Quillstack signs $4 billion agreement to rent GPU capacity from Vexa Cloud",
        "",
        "partnership",
        [("Quillstack", "partner"), ("Vexa Cloud", "partner")],
    ),
    (
        "Brightwell to lease $900M of compute from Orbitly",
        "",
        "partnership",
        [("Brightwell", "partner"), ("Orbitly", "partner")],
    ),
    ("Quillstack rents GPUs from Orbitly to train its models", "", None, []),
    ("Brightwell leases office space from Orbitly", "", None, []),
    # money spent with a supplier is the supply deal's amount; a launch with an amount
    (
        "Quillstack to spend $20 billion on Orbitly TPUs",
        "",
        "partnership",
        [("Quillstack", "partner"), ("Orbitly", "partner")],
    ),
    (
        "Brightwell plans to spend $5 billion on data centres with Vexa Cloud",
        "",
        "partnership",
        [("Brightwell", "partner"), ("Vexa Cloud", "partner")],
    ),
    ("Quillstack to spend $8 billion on AI data centres this year", "", None, []),
    (
        "Hanwa and Kestrel launch $5 billion data-centre partnership",
        "",
        "partnership",
        [("Hanwa", "partner"), ("Kestrel", "partner")],
    ),
    # what a stake held is worth is no new stake
    ("Vantor's Orbitly stake would be worth $40 billion under new terms", "", None, []),
    ("Hanwa's Kestrel stake is now worth $13 billion", "", None, []),
    (
        "Hanwa's $2B Kestrel stake",
        "",
        "investment",
        [("Hanwa", "investor"), ("Kestrel", "target")],
    ),
    # an investment or a round named by its possessive and its size
    (
        "Samsung's $8B Perplexity check",
        "",
        "investment",
        [("Samsung", "investor"), ("Perplexity", "target")],
    ),
    (
        "Vantor's $100 billion Orbitly investment",
        "",
        "investment",
        [("Vantor", "investor"), ("Orbitly", "target")],
    ),
    ("Vantor's $100 billion AI investment", "", None, []),
    ("Quillstack's $2B seed", "", "funding", [("Quillstack", "target")]),
    ("Quillstack's $40M Series B", "", "funding", [("Quillstack", "target")]),
    # "taps Y for <product>"
    (
        "Apple taps Google for Siri",
        "",
        "partnership",
        [("Apple", "partner"), ("Google", "partner")],
    ),
    (
        "Samsung Taps Perplexity for Bixby Overhaul",
        "",
        "partnership",
        [("Samsung", "partner"), ("Perplexity", "partner")],
    ),
    ("Microsoft taps Anthropic veteran for Copilot", "", None, []),
    ("OpenAI taps former Meta executive for CTO role", "", None, []),
    ("Google taps Sarah Chen for YouTube", "", None, []),
]


@pytest.mark.parametrize(("title", "summary", "kind", "parties"), CASES)
def test_newsletter_wordings(
    title: str, summary: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties)


def test_money_spent_with_a_supplier_is_the_deal_amount() -> None:
    deal = classify("Quillstack to spend $20 billion on Orbitly TPUs")
    assert deal is not None and deal.amount is not None and deal.amount.value == 20e9


def test_the_model_never_makes_an_investment_firm_the_company_raising() -> None:
    deal = classify(
        "Zembla Grid Raises $40 Million Led by Energy Impact Partners; Schneider Electric Joins"
    )
    assert deal is None or all(
        p.name != "Energy Impact Partners" or p.role == "investor" for p in deal.parties
    ), deal
