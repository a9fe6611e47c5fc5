""" "X's $N Y deal" read by what Y (and X) are: a startup or software company is bought, a big
platform is a partner, so is a chipmaker or a cloud unless X buys such companies, and an AI
lab takes an investment."""

from __future__ import annotations

import pytest

from ._reading import check_reading

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
    check_reading(title, "", kind, parties)
