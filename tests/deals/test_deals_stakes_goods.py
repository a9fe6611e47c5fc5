"""Stakes sold short of control, goods bought from their maker, and what only looks like a
deal: "X sells a minority stake in Y to Z" / "sells 30% of Y to Z" is Z's investment in Y with X the
seller (50 % or more, or a majority, stays a takeover); "buys $N of Nvidia chips" is a supply
contract, not an acquisition of Nvidia; an IPO as a fund, a rule or a past price, research
done together ("partner on … research", "open joint lab") and a court's acquittal are no
deals."""

from __future__ import annotations

import pytest

from aggregator.deals import classify

from ._reading import GAZ, check_reading

# (title, summary, type or None, {(party, role)})
CASES: list[tuple[str, str, str | None, set[tuple[str, str]]]] = [
    (
        "Orion Capital agrees to sell a minority stake in Kestrel Cloud to Temasek",
        "",
        "investment",
        {("Orion Capital", "seller"), ("Kestrel Cloud", "target"), ("Temasek", "investor")},
    ),
    (
        "Halvard to sell 30% stake in Tidewell Networks to KKR for $900 million",
        "",
        "investment",
        {("Halvard", "seller"), ("Tidewell Networks", "target"), ("KKR", "investor")},
    ),
    (
        "Brisa sells majority stake in Lumo Systems to Foxconn",
        "",
        "acquisition",
        {("Brisa", "seller"), ("Lumo Systems", "target"), ("Foxconn", "acquirer")},
    ),
    ("Orbis sells its entire Nvidia stake for $2 billion", "", None, set()),
    (
        "Tesla to buy $4 billion of Samsung memory chips",
        "",
        "partnership",
        {("Tesla", "partner"), ("Samsung", "partner")},
    ),
    (
        "Kestrel Robotics buys $300 million of AMD GPUs for its training cluster",
        "",
        "partnership",
        {("Kestrel Robotics", "partner"), ("AMD", "partner")},
    ),
    (
        "Kestrel Robotics buys Lumen Chips for $300 million",
        "",
        "acquisition",
        {("Kestrel Robotics", "acquirer"), ("Lumen", "target")},
    ),
    ("Brokers launch a new IPO ETF tracking recent listings", "", None, set()),
    ("Regulator tightens rules on SME IPOs after a run of losses", "", None, set()),
    ("Tandem Foods IPO: shares trade below issue price a year on", "", None, set()),
    ("Orbis and Kestrel partner on battery chemistry research", "", None, set()),
    ("Halvard and Tidewell open joint photonics lab in Leuven", "", None, set()),
    ("Former Orbis chairman acquitted in merger fraud case", "", None, set()),
]


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"), CASES, ids=[c[0][:50] for c in CASES]
)
def test_reading(title: str, summary: str, kind: str | None, parties: set[tuple[str, str]]) -> None:
    check_reading(title, summary, kind, parties)


def test_deal_valued_at_is_its_amount() -> None:
    deal = classify(
        "Orbis to acquire Kettlebell AI",
        "The transaction is valued at about $1.2 billion including debt.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.amount is not None and deal.amount.value == 1.2e9


def test_debut_below_its_price_stays_an_ipo() -> None:
    deal = classify("Lumora shares open below issue price in Nasdaq debut", gazetteer=GAZ)
    assert deal is not None and deal.type == "ipo" and deal.status == "completed"


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("Tandem CEO says no IPO before it turns a profit", "denied"),
        ("Lumen and Orbis sign licensing deal for artist-approved remixes", "announced"),
    ],
)
def test_status(title: str, status: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.status == status, (title, deal)
