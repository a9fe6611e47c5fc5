"""An IPO named in news that is not an IPO: imagined in a question or an essay ("Why an X IPO
would …"), or the IPO as a season or a date ("the IPO window", "IPO anniversary"). Real
filings, pricings and debuts stay IPOs."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer

GAZ = load_gazetteer()

NOT_AN_IPO = [
    "Why a Stripe IPO would disappoint its earliest employees",
    "What an xAI IPO could mean for Tesla shareholders",
    "Should a Mistral AI IPO happen in Paris or New York?",
    "Revolut IPO anniversary: twelve months of volatility",
    "The tech IPO window creaks open as rates fall",
    "Inside the AI IPO boom: bankers are busy again",
]

AN_IPO = [
    ("Cerebras refiles for IPO after clearing US review", "Cerebras"),
    ("Why Figma's IPO is a big deal for design tools", "Figma"),
    ("Klarna prices IPO at $40 a share, above range", "Klarna"),
    ("The IPO window is open: Navan files to go public", "Navan"),
]


@pytest.mark.parametrize("title", NOT_AN_IPO)
def test_an_ipo_only_mentioned_is_no_deal(title: str) -> None:
    assert classify(title, gazetteer=GAZ) is None


@pytest.mark.parametrize(("title", "issuer"), AN_IPO)
def test_an_ipo_told_stays_one(title: str, issuer: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "ipo", title
    assert [(GAZ.slug(p.name), p.role) for p in deal.parties] == [(GAZ.slug(issuer), "issuer")]
