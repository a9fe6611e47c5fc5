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


@pytest.mark.parametrize(
    "title",
    [
        "Halvard expands into robotics with Pixelroot purchase",
        "Halvard bolsters its cloud with $2bn Pixelroot acquisition",
        "Halvard moves into chips with Pixelroot buy",
    ],
)
def test_a_move_made_with_a_named_purchase_is_the_subjects_acquisition(title: str) -> None:
    check_reading(title, "", "acquisition", [("Halvard", "acquirer"), ("Pixelroot", "target")])


@pytest.mark.parametrize(
    "title",
    [
        "Halvard hit with Pixelroot takeover lawsuit",
        "Regulators press ahead with Halvard acquisition probe",
    ],
)
def test_a_suit_or_probe_about_a_purchase_is_no_purchase(title: str) -> None:
    check_reading(title, "", None, [])
