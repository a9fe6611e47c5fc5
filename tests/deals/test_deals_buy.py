"""A purchase called a "buy"."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ, check_reading

CASES = [
    (
        "Halvard completes Pixelroot buy",
        "acquisition",
        [("Halvard", "acquirer"), ("Pixelroot", "target")],
    ),
]


@pytest.mark.parametrize(("title", "kind", "parties"), CASES)
def test_noun_led_headlines(title: str, kind: str | None, parties: list[tuple[str, str]]) -> None:
    check_reading(title, "", kind, parties)


def test_a_closed_buy_is_complete() -> None:
    deal = classify("Halvard closes Pixelroot buy", "", gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition" and deal.status == "completed"
