"""Companies whose names end in a word of geography ("Lumen Harbor", "Harbor", "Kelp Bay"),
told from places that end in one ("the Hudson River", "Three Mile Island"), and licences told
by their licensee ("is licensing X's models", "an agreement to license X's library"), and
"litigation" naming what a product does ("Maker of AI Litigation Assistant")."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ, check_reading


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"),
    [
        # the company owns a thing
        (
            "Vantor licenses Harbor's voice models",
            "",
            "licensing",
            [("Vantor", "licensee"), ("Harbor", "licensor")],
        ),
        # the company does the deal
        (
            "Lumen Harbor licenses photonic patents to Vantor",
            "",
            "licensing",
            [("Lumen Harbor", "licensor"), ("Vantor", "licensee")],
        ),
        ("Kelp Bay raises $4M seed", "", "funding", [("Kelp Bay", "target")]),
        (
            "Quillmate Creek and Vantor sign a supply agreement",
            "",
            "partnership",
            [("Quillmate Creek", "partner"), ("Vantor", "partner")],
        ),
        # described as a company (the word before "startup" is what it does)
        (
            "Vantor signs a deal with photonics startup Pellucid Harbor",
            "",
            "partnership",
            [("Vantor", "partner"), ("Pellucid Harbor", "partner")],
        ),
        (
            "Pellucid Harbor signs a deal with Vantor",
            "Photonics startup Pellucid Harbor said it will supply Vantor with optics.",
            "partnership",
            [("Pellucid Harbor", "partner"), ("Vantor", "partner")],
        ),
    ],
)
def test_a_company_named_like_a_place_is_a_party(
    title: str, summary: str, kind: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties)


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"),
    [
        # places: after "the" or a word of where, or nothing says it is a company
        ("Vantor buys a campus on the Hudson River", "", None, []),
        ("Vantor opens a lab in Research Triangle Park", "", None, []),
        (
            "Vantor signs deal to restart Three Mile Island for Quillmate",
            "",
            "partnership",
            [("Vantor", "partner"), ("Quillmate", "partner")],
        ),
        (
            "Vantor buys a million-square-foot warehouse for its next cluster",
            "County records show the purchase of the former appliance plant.",
            None,
            [],
        ),
        (
            "Silicon Valley's Pellucid raises $20M",
            "",
            "funding",
            [("Pellucid", "target")],
        ),
        ("Bay Area startup Pellucid raises $4M seed", "", "funding", [("Pellucid", "target")]),
    ],
)
def test_a_place_is_no_party(
    title: str, summary: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties)


@pytest.mark.parametrize(
    ("title", "summary", "publisher"),
    [
        ("Vantor is licensing Pellucid's voice models and hiring its founders", "", None),
        (
            "Vantor and Pellucid: bringing expressive voices to Quill",
            "We've signed a multiyear agreement to license Pellucid's speech models, and "
            "Pellucid's founders are joining Vantor.",
            "Vantor",
        ),
        ("Vantor signs an agreement to license Pellucid's archive", "", None),
    ],
)
def test_a_licence_told_by_its_licensee(title: str, summary: str, publisher: str | None) -> None:
    check_reading(
        title, summary, "licensing", [("Vantor", "licensee"), ("Pellucid", "licensor")], publisher
    )


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("Kelp Harbor prices IPO at $24 per share, raising $1.1 billion", "announced"),
        ("Kelp Harbor shares soar 40% in Nasdaq debut", "completed"),
        ("Data center operator Kelp Harbor files for US IPO", "announced"),
    ],
)
def test_a_place_named_company_goes_public(title: str, status: str) -> None:
    check_reading(title, "", "ipo", [("Kelp Harbor", "issuer")])
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.status == status


@pytest.mark.parametrize(
    ("title", "kind", "parties"),
    [
        # what a product does, no lawsuit
        (
            "Vantor Acquires Pellucid, Maker of AI Litigation Assistant, in $650M Deal",
            "acquisition",
            [("Vantor", "acquirer"), ("Pellucid", "target")],
        ),
        ("Litigation funder Pellucid raises $40M", "funding", [("Pellucid", "target")]),
        # a lawsuit
        ("Vantor faces litigation over its $2B acquisition of Pellucid", None, []),
    ],
)
def test_litigation_as_a_product_is_no_lawsuit(
    title: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, "", kind, parties)
