"""An acronym no list knows, named as the body spells it out (``_reading._spelled``)."""

from __future__ import annotations

import pytest

from tests.deals._reading import check_reading

CASES = [
    (  # the small words count: National Institute for Health Research
        "Halvard partners with NIHR on triage models",
        "Halvard will work with the National Institute for Health Research on triage models.",
        "partnership",
        [("Halvard", "partner"), ("National Institute for Health Research", "partner")],
    ),
    (  # a country before the name is part of the acronym
        "Corvane partners with USDA on crop models",
        "The U.S. Department of Agriculture and Corvane will build crop forecasts together.",
        "partnership",
        [("Corvane", "partner"), ("U.S. Department of Agriculture", "partner")],
    ),
    (  # the name sits inside a longer run of capitalised words
        "Brinkwell signs MOU with the EMA",
        "Brinkwell and the European Medicines Agency will test review tools.",
        "partnership",
        [("Brinkwell", "partner"), ("European Medicines Agency", "partner")],
    ),
    (  # a body name with other initials leaves the acronym as it is
        "Brinkwell signs MOU with the EMA",
        "Brinkwell and the European Space Agency will test review tools.",
        "partnership",
        [("Brinkwell", "partner"), ("EMA", "partner")],
    ),
    (  # nothing spelled out: the acronym stays
        "Pixelroot partners with KTX on rail AI",
        "The deal covers 40 stations across the network.",
        "partnership",
        [("Pixelroot", "partner"), ("KTX", "partner")],
    ),
]


@pytest.mark.parametrize(("title", "summary", "kind", "parties"), CASES)
def test_an_acronym_is_named_as_the_body_spells_it(
    title: str, summary: str, kind: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties)


def test_a_first_party_post_names_the_spelled_out_partner() -> None:
    check_reading(
        "Supporting the NWS's mission with AI",
        "Quillstack is proud to be selected by the National Weather Service to deliver "
        "forecasting models.",
        "partnership",
        [("Quillstack", "partner"), ("National Weather Service", "partner")],
        publisher="Quillstack",
    )
