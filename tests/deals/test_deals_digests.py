"""Newsletter digests: every deal item counts, each with its own facts.

A digest title lists several stories; ``classify`` reads it item by item. The main deal is
the first deal item (as it always was); the other deal items follow in ``Deal.also``, in
title order, each with the amount and parties of its own item only.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from aggregator.deals import classify, digest_items, is_curated, load_gazetteer
from aggregator.models import CurationRules, Deal

GAZ = load_gazetteer()
LUMORA = (
    "Lumora raises $7B 💰, Northwind buys Vesta for $2B 🤝, Nvidia invests $500M in Poolside 🚀"
)

# One expected deal: (type, {(party name, role)}, (amount, currency) or None).
Expected = tuple[str, set[tuple[str, str]], tuple[float, str] | None]

DIGESTS: list[tuple[str, list[Expected]]] = [
    # emoji between items
    ("GLM-5.2 ships 🤖, Android gets MCP 📱, Gemini learns to remember 🧠", []),
    (
        "OpenAI buys Ona 🤝, Anthropic backtracks 🔁, Xiaomi's MiMo code 👨‍💻",
        [("acquisition", {("OpenAI", "acquirer"), ("Ona", "target")}, None)],
    ),
    (
        "GLM-5.2 🤖, DeepSeek raises $7.4B 💰, OpenAI buys Ona 🤝",
        [
            ("funding", {("DeepSeek", "target")}, (7.4e9, "USD")),
            ("acquisition", {("OpenAI", "acquirer"), ("Ona", "target")}, None),
        ],
    ),
    (
        LUMORA,
        [
            ("funding", {("Lumora", "target")}, (7e9, "USD")),
            ("acquisition", {("Northwind", "acquirer"), ("Vesta", "target")}, (2e9, "USD")),
            ("investment", {("Nvidia", "investor"), ("Poolside", "target")}, (5e8, "USD")),
        ],
    ),
    # " | "
    ("Apple's Siri slips to 2026 | Gemini 3 tops the charts | Meta opens a Paris lab", []),
    (
        "Mistral raises €600M | Apple's revamped Siri slips to 2026 | KESTREL acquired by Palantir",
        [
            ("funding", {("Mistral AI", "target")}, (6e8, "EUR")),
            ("acquisition", {("Palantir", "acquirer"), ("KESTREL", "target")}, None),
        ],
    ),
    (
        "Mistral raises €600M | Databricks buys Tecton for $1B | Cohere lands $500M",
        [
            ("funding", {("Mistral AI", "target")}, (6e8, "EUR")),
            ("acquisition", {("Databricks", "acquirer"), ("Tecton", "target")}, (1e9, "USD")),
            ("funding", {("Cohere", "target")}, (5e8, "USD")),
        ],
    ),
    # "; "
    (
        "Gemini 3 ships; Meta opens a Paris lab; Salesforce acquires Informatica for $8B",
        [("acquisition", {("Salesforce", "acquirer"), ("Informatica", "target")}, (8e9, "USD"))],
    ),
    (
        "Cohere lands $500M; Nvidia takes stake in Sakura Compute; Arm licenses chip designs to "
        "Hanbit AI",
        [
            ("funding", {("Cohere", "target")}, (5e8, "USD")),
            ("investment", {("Nvidia", "investor"), ("Sakura Compute", "target")}, None),
            ("licensing", {("Arm", "licensor"), ("Hanbit AI", "licensee")}, None),
        ],
    ),
    # ", " between Title Case items, The Batch style
    ("The Batch: Google's New Model, Robots That Fold Laundry, Chips Get Cheaper", []),
    (
        "Tesla Acquires DeepScale, France Backs Face Recognition, Robots Learn in Virtual Worlds",
        [("acquisition", {("Tesla", "acquirer"), ("DeepScale", "target")}, None)],
    ),
    (
        "The Batch: Anthropic's New Model, Databricks Acquires Tecton, Robots That Fold Laundry",
        [("acquisition", {("Databricks", "acquirer"), ("Tecton", "target")}, None)],
    ),
    (
        "The Batch: Mistral Raises $600 Million, Databricks Acquires Tecton, Robots That Fold "
        "Laundry",
        [
            ("funding", {("Mistral AI", "target")}, (6e8, "USD")),
            ("acquisition", {("Databricks", "acquirer"), ("Tecton", "target")}, None),
        ],
    ),
    (
        "The Batch: Mistral Raises $600 Million, Databricks Acquires Tecton, Nvidia Invests "
        "$5 Billion in Intel",
        [
            ("funding", {("Mistral AI", "target")}, (6e8, "USD")),
            ("acquisition", {("Databricks", "acquirer"), ("Tecton", "target")}, None),
            ("investment", {("Nvidia", "investor"), ("Intel", "target")}, (5e9, "USD")),
        ],
    ),
    # the same deal twice in one digest is one deal
    (
        "Cohere lands $500M | Gemini 3 ships | Cohere lands $500M",
        [("funding", {("Cohere", "target")}, (5e8, "USD"))],
    ),
]


def _facts(deal: Deal) -> Expected:
    amount = (deal.amount.value, deal.amount.currency) if deal.amount is not None else None
    return deal.type, {(p.name, p.role) for p in deal.parties}, amount


@pytest.mark.parametrize(("title", "expected"), DIGESTS, ids=[t[:40] for t, _ in DIGESTS])
def test_every_deal_item_counts_with_its_own_facts(title: str, expected: list[Expected]) -> None:
    assert len(digest_items(title)) >= 3
    deal = classify(title, "A summary naming OpenAI, $9 billion and Series C.", gazetteer=GAZ)
    found = list(deal.deals()) if deal is not None else []
    # the exact parties and amount of each item: nothing leaks from one item to another,
    # nor from the body (a digest is read without it)
    assert [_facts(d) for d in found] == expected
    for one in found:
        assert one.rule and one.evidence
    for other in found[1:]:
        assert other.also == ()  # the other deals are listed once, on the main deal


@pytest.mark.parametrize(("title", "expected"), DIGESTS, ids=[t[:40] for t, _ in DIGESTS])
def test_the_main_deal_is_the_first_deal_item_read_as_before(
    title: str, expected: list[Expected]
) -> None:
    """Without its others, the main deal is what the digest's deal always was: the first
    item that is a deal, read alone by the rules."""
    deal = classify(title, gazetteer=GAZ, use_model=False)
    if not expected:
        assert deal is None
        return
    assert deal is not None
    first = next(i for i in digest_items(title) if classify(i, gazetteer=GAZ, use_model=False))
    alone = classify(first, gazetteer=GAZ, use_model=False)
    assert alone is not None
    assert (deal.type, deal.parties, deal.amount) == (alone.type, alone.parties, alone.amount)


@pytest.mark.parametrize(
    "title",
    [
        "Amazon will invest up to $4 billion in Anthropic",
        "Microsoft to Invest Up to $5 Billion in Anthropic, Nvidia Up to $10 Billion",
        "Nvidia to invest $5 billion in Intel, team up on PC and data-centre chips",
        "Email Security Startup Agari Raises $2.5M From Alloy, Battery, Greylock And First Round",
        "Lumen | Quill buys Vesta",  # a digest of one deal item
        "OpenAI buys Ona 🤝, Anthropic backtracks 🔁",
    ],
)
def test_an_entry_with_one_deal_lists_no_others(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None
    assert deal.also == ()
    assert deal == replace(deal, also=())


def _digest() -> Deal:
    deal = classify(LUMORA, gazetteer=GAZ)
    assert deal is not None and len(deal.also) == 2
    return deal


@pytest.mark.parametrize(
    ("rules", "curated"),
    [
        (CurationRules(), True),
        (CurationRules(types=("funding",)), True),  # the main deal
        (CurationRules(types=("acquisition",)), True),  # another deal of the digest
        (CurationRules(types=("merger",)), False),
        (CurationRules(companies=("Poolside",)), True),
        (CurationRules(companies=("Anthropic",)), False),
        (CurationRules(min_usd=5e9), True),  # the main deal's $7B
        (CurationRules(types=("acquisition",), min_usd=1e9), True),  # Vesta, $2B
        # every filter on one deal: the $7B is a funding, the acquisition only $2B
        (CurationRules(types=("acquisition",), min_usd=5e9), False),
        (CurationRules(types=("investment",), companies=("Northwind",)), False),
        (CurationRules(types=("investment",), companies=("Nvidia",)), True),
    ],
)
def test_any_deal_of_a_digest_makes_it_curated(rules: CurationRules, curated: bool) -> None:
    assert is_curated(_digest(), (), rules, GAZ) is curated


def test_a_digest_reads_its_other_items_also_without_the_model() -> None:
    deal = classify(
        "Mistral raises €600M | Databricks buys Tecton for $1B | Cohere lands $500M",
        gazetteer=GAZ,
        use_model=False,
    )
    assert deal is not None
    assert [d.type for d in deal.deals()] == ["funding", "acquisition", "funding"]


# A newsletter whose headline is its lead story lists its other stories after "PLUS:"
PLUS = [
    (
        "Google's answer to Claude Code",
        "PLUS: Gemini CLI gets extensions, and Lovable raises again.",
        "funding",
        "Lovable",
    ),
    (
        "This week in agents",
        "PLUS: Nvidia takes $2B Synopsys stake; a new Llama",
        "investment",
        "Synopsys",
    ),
]


@pytest.mark.parametrize(("title", "summary", "type_", "name"), PLUS)
def test_a_summarys_plus_list_is_read_item_by_item(
    title: str, summary: str, type_: str, name: str
) -> None:
    deal = classify(title, summary)
    assert deal is not None and deal.type == type_
    assert name in {p.name for p in deal.parties}


def test_a_plus_list_without_a_deal_is_no_deal() -> None:
    assert (
        classify("Quiet week", "PLUS: a new model from Mistral and a benchmark from Meta") is None
    )
