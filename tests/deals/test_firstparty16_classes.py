"""Classes of first-party wording read after firstparty16 (``bench/data/firstparty_dev16.jsonl``),
each with entries invented for the class (other companies, products and amounts than the set's
rows), read as the publisher's own feed."""

from __future__ import annotations

import pytest

from aggregator.deals import classify


def _roles(deal: object) -> set[tuple[str, str]]:
    return {(p.name, p.role) for p in deal.parties}  # type: ignore[attr-defined]


# A welcome headline is the publisher's acquisition, even when the body says the company
# becomes part of one of the publisher's products ("… becomes part of Orrin Studio").
@pytest.mark.parametrize(
    "publisher, title, summary, target",
    [
        (
            "Orrin Labs",
            "Welcoming Pebblestone to the Orrin team",
            "Pebblestone's document parser becomes part of Orrin Studio next month.",
            "Pebblestone",
        ),
        (
            "Calder Robotics",
            "Welcoming Tinplate to Calder",
            "Tinplate's force sensors join us and become part of C4, our new arm.",
            "Tinplate",
        ),
        (
            "Mosswood AI",
            "Welcoming Gullwing to the Mosswood family",
            "Gullwing's routing engine will become part of Mosswood Voice.",
            "Gullwing",
        ),
    ],
)
def test_a_welcome_is_the_publishers_acquisition(
    publisher: str, title: str, summary: str, target: str
) -> None:
    deal = classify(title, summary, publisher=publisher)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {(publisher, "acquirer"), (target, "target")}


# The body's reading stands when it names the publisher, or when the headline welcomes a
# person (a hire) or a partner into a programme.
@pytest.mark.parametrize(
    "publisher, title, summary, want",
    [
        (
            "Orrin Labs",
            "Welcoming Dana Whitlow to Orrin",
            "Dana joins as our Chief Financial Officer from a payments company.",
            None,
        ),
        (
            "Orrin Labs",
            "Welcoming Fenwick Bank to the Orrin partner program",
            "Fenwick Bank will resell Orrin Studio to its business customers.",
            "partnership",
        ),
    ],
)
def test_a_welcome_of_a_person_or_a_partner_is_no_acquisition(
    publisher: str, title: str, summary: str, want: str | None
) -> None:
    deal = classify(title, summary, publisher=publisher)
    assert (deal.type if deal is not None else None) == want
