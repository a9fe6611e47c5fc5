"""Wordings of the tenth written set (varied10): a venture arm that is no joint venture, a
possessive licence whose changes are the story, an argument for a listing, readiness for a
listing, an executive named, customers acquired, a firm's partners who are people, and a
newsroom headline that opens with the publisher's own name. Every entry here is written for
this file, not taken from the set."""

from __future__ import annotations

import pytest

from tests.deals._reading import check_reading

# (publisher or None, title, summary, type or None, {(party, role)})
Case = tuple[str | None, str, str, str | None, set[tuple[str, str]]]

CASES: list[Case] = [
    # a venture arm or venture capital is no joint venture
    (
        None,
        "Conglomerate Pemberly Holdings launches $250m AI venture arm",
        "The corporate venture arm will back fintech startups across the region.",
        None,
        set(),
    ),
    (
        None,
        "Brask and Tollund form joint venture to build robot arms",
        "The joint venture will be owned equally by the two companies.",
        "joint-venture",
        {("Brask", "partner"), ("Tollund", "partner")},
    ),
    # a possessive licence whose changes, pricing or terms are the story
    (
        None,
        "Quorvex's Helix licence changes upset resellers",
        "Resellers say the new per-core terms cut their margins.",
        None,
        set(),
    ),
    # an argument for a listing, not a listing
    (
        None,
        "The bull case for a Marlowe Robotics IPO",
        "Our columnist argues a Frankfurt listing would suit the company.",
        None,
        set(),
    ),
    (
        None,
        "The case against a Veltrine IPO this year",
        "Its growth has slowed; our analyst explains.",
        None,
        set(),
    ),
    # being ready for a listing is no listing
    (
        "Tolleson Capital",
        "What founders ask us about IPO readiness",
        "Most companies start the work three years out. Our checklist for boards.",
        None,
        set(),
    ),
    (
        None,
        "Brevander is IPO-ready, says its finance chief",
        "The company has run quarterly audits for two years.",
        None,
        set(),
    ),
    (
        None,
        "Brevander files for a Nasdaq IPO",
        "The company plans to list under the ticker BRVD.",
        "ipo",
        {("Brevander", "issuer")},
    ),
    # an executive named is a hire, whatever the body says of their past
    (
        "Corrigan Labs",
        "Corrigan Labs names Ines Talbot Chief Financial Officer",
        "Talbot joins from a payments company where she led its IPO.",
        None,
        set(),
    ),
    (
        None,
        "Ostrander names Paul Mbeki as its new CEO",
        "Mbeki previously ran the company's European business.",
        None,
        set(),
    ),
    # customers or users acquired, a purchase made inside a product
    (
        "Brindlecone",
        "Five ways to acquire users with product-led SQL templates",
        "Templates are our top acquisition channel. Here's the playbook.",
        None,
        set(),
    ),
    (
        None,
        "How Tavistock Foods acquires new customers with Larkspur's agents",
        "The grocer's marketing team cut its cost per lead by half.",
        None,
        set(),
    ),
    (
        None,
        "Hollowmere buys Ferrand Analytics for $80 million",
        "The deal adds forecasting tools to Hollowmere's platform.",
        "acquisition",
        {("Hollowmere", "acquirer"), ("Ferrand Analytics", "target")},
    ),
    # a firm's partners who are people
    (
        "Quillfeather Capital",
        "Quillfeather Capital welcomes two new partners",
        "Ada Mensah and Tomas Ruiz join the investment team as general partners.",
        None,
        set(),
    ),
    # a newsroom headline that opens with the publisher's own name keeps its roles, and the
    # publisher told first of "acquired by" is the target
    (
        "Orbit 7",
        "Orbit 7 to be acquired by Teradyne for $340 million",
        "Orbit 7 announced today that it has entered into a definitive agreement under which "
        "Teradyne will acquire the company for $340 million in cash.",
        "acquisition",
        {("Teradyne", "acquirer"), ("Orbit 7", "target")},
    ),
    (
        "Harwick Data",
        "Saltgrass Labs to be acquired by Harwick Data",
        "The Saltgrass Labs team will join us next month.",
        "acquisition",
        {("Harwick Data", "acquirer"), ("Saltgrass Labs", "target")},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[1][:50] for c in CASES])
def test_reading(case: Case) -> None:
    publisher, title, summary, kind, parties = case
    check_reading(title, summary, kind, parties, publisher=publisher)
