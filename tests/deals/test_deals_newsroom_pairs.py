"""A newsroom's headline that is only the publisher and another organisation ("OpenAI and
Shopify") is a partnership when nothing better is told; an alliance "being expanded" is one
too. A body that tells the deal's kind still decides it."""

from __future__ import annotations

import pytest

from ._reading import check_reading

# (publisher, title, summary, type or None, {(party, role)})
CASES: list[tuple[str | None, str, str, str | None, set[tuple[str, str]]]] = [
    (
        "Cohere",
        "Cohere and Fujitsu",
        "",
        "partnership",
        {("Cohere", "partner"), ("Fujitsu", "partner")},
    ),
    (
        "Mistral AI",
        "Capgemini and Mistral AI",
        "Capgemini will resell Le Chat Enterprise.",
        "partnership",
        {("Mistral AI", "partner"), ("Capgemini", "partner")},
    ),
    (
        "Perplexity",
        "Perplexity and the Department of Commerce",
        "",
        "partnership",
        {("Perplexity", "partner"), ("Department of Commerce", "partner")},
    ),
    (
        "Anthropic",
        "Anthropic and Databricks",
        "Databricks will invest $100 million in Anthropic.",
        "investment",
        {("Databricks", "investor"), ("Anthropic", "target")},
    ),
    ("Anthropic", "Anthropic and the economy", "", None, set()),
    ("Anthropic", "Claude and You", "", None, set()),
    (None, "Oracle and Nvidia", "", None, set()),
    (
        None,
        "KPMG and Microsoft are expanding their alliance",
        "",
        "partnership",
        {("KPMG", "partner"), ("Microsoft", "partner")},
    ),
    (
        None,
        "Infosys is deepening its collaboration with Nvidia",
        "",
        "partnership",
        {("Infosys", "partner"), ("Nvidia", "partner")},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[1][:40])
def test_newsroom_pairs(
    case: tuple[str | None, str, str, str | None, set[tuple[str, str]]],
) -> None:
    publisher, title, summary, kind, parties = case
    check_reading(title, summary, kind, parties, publisher)
