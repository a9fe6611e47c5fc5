"""An "offer" that sells shares, a trial or a price is no bid (``_patterns._TRADE_OFFER``)."""

from __future__ import annotations

import pytest

from tests.deals._reading import check_reading

CASES = [
    ("Quillstack makes free Pro offer to students", "", None, []),
    ("Brinkwell extends trial offer to all users", "", None, []),
    ("Corvane ends public share offer early", "", None, []),
    ("Harbor Lane launches discount offer for teams", "", None, []),
    # withdrawing a share offer to the public is an IPO called off
    ("Vexa withdraws IPO offer", "", "ipo", [("Vexa", "issuer")]),
    # a takeover offer stays one, with or without a name inside it
    (
        "Halvard makes sweetened offer to Pixelroot shareholders",
        "",
        "acquisition",
        [("Halvard", "acquirer")],
    ),
    (
        "Halvard withdraws Pixelroot offer",
        "",
        "acquisition",
        [("Halvard", "acquirer"), ("Pixelroot", "target")],
    ),
    ("Halvard launches hostile offer", "", "acquisition", [("Halvard", "acquirer")]),
]


@pytest.mark.parametrize(("title", "summary", "kind", "parties"), CASES)
def test_an_offer_that_sells_is_no_bid(
    title: str, summary: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties)
