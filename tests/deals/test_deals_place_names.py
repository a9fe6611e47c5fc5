"""A country or city that begins a company's name ("Korea Zinc") is part of it
(``_parties._place_named``); a place that only says where, or whose possessive it is, is not."""

from __future__ import annotations

import pytest

from tests.deals._reading import check_reading

CASES = [
    (
        "Korea Hydro signs chip supply deal with Halvard",
        "",
        "partnership",
        [("Korea Hydro", "partner"), ("Halvard", "partner")],
    ),
    (
        "Halvard signs power supply deal with Japan Tidewater",
        "",
        "partnership",
        [("Halvard", "partner"), ("Japan Tidewater", "partner")],
    ),
    (
        "Texas Lumenworks acquires Pixelroot for $90M",
        "",
        "acquisition",
        [("Texas Lumenworks", "acquirer"), ("Pixelroot", "target")],
    ),
    (  # a possessive says where: the name is what follows
        "Japan's Hoshi Semiconductor raises ¥4bn",
        "",
        "funding",
        [("Hoshi Semiconductor", "target")],
    ),
    (  # a lower-case word after the place: the place says where
        "Tokyo startup Kagami raises $20M seed",
        "",
        "funding",
        [("Kagami", "target")],
    ),
]


@pytest.mark.parametrize(("title", "summary", "kind", "parties"), CASES)
def test_a_place_that_begins_a_name_is_part_of_it(
    title: str, summary: str, kind: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties)
