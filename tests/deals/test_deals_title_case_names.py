"""A Title Case headline's ordinary word is a name when the body writes it as one: inside a
sentence, or first in a sentence but described by an aside ("Sprig, which makes …", "Quiver,
a startup that …") or owning the next word ("Marlin's founders will join …")."""

from __future__ import annotations

import pytest

from ._reading import check_reading

# (title, summary, type or None, {(party, role)})
CASES: list[tuple[str, str, str | None, set[tuple[str, str]]]] = [
    (
        "Sprig in Talks to Raise at $2 Billion Valuation",
        "Sprig, which makes scheduling agents for clinics, has held talks with investors.",
        "funding",
        {("Sprig", "target")},
    ),
    (
        "Orbis to Acquire Lantern",
        "Lantern's engineers will join the Orbis cloud team next month.",
        "acquisition",
        {("Orbis", "acquirer"), ("Lantern", "target")},
    ),
    (
        "Quiver Raises $12 Million From Index Ventures",
        "Quiver, a startup that audits invoices with AI, will hire 20 engineers.",
        "funding",
        {("Quiver", "target"), ("Index Ventures", "investor")},
    ),
]


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"), CASES, ids=[c[0][:50] for c in CASES]
)
def test_reading(title: str, summary: str, kind: str | None, parties: set[tuple[str, str]]) -> None:
    check_reading(title, summary, kind, parties)
