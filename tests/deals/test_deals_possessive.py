""" "X's $N Y deal" read by what Y (and X) are: a startup or software company is bought, a big
platform is a partner, so is a chipmaker or a cloud unless X buys such companies, and an AI
lab takes an investment."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer

GAZ = load_gazetteer()

CASES = [
    (
        "Cisco's $28 billion Splunk deal wins approval",
        "acquisition",
        [("Cisco", "acquirer"), ("Splunk", "target")],
    ),
    (
        "Crusoe's $15 billion Microsoft deal",
        "partnership",
        [("Crusoe", "partner"), ("Microsoft", "partner")],
    ),
    (
        "Anthropic's $30 billion Oracle deal explained",
        "partnership",
        [("Anthropic", "partner"), ("Oracle", "partner")],
    ),
    (
        "Intel's $2 billion Habana Labs deal",
        "acquisition",
        [("Intel", "acquirer"), ("Habana Labs", "target")],
    ),
    (
        "Amazon's $8 billion Anthropic deal draws scrutiny",
        "investment",
        [("Amazon", "investor"), ("Anthropic", "target")],
    ),
]


@pytest.mark.parametrize(("title", "kind", "parties"), CASES)
def test_possessive_deal_by_what_the_company_is(
    title: str, kind: str, parties: list[tuple[str, str]]
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == kind, (title, deal)
    got = {(GAZ.slug(p.name), p.role) for p in deal.parties}
    assert got == {(GAZ.slug(n), r) for n, r in parties}, (title, deal.parties)
