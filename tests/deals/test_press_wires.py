"""Press-release wires and aggregators' link lines (varied21): a wire's dateline and a
ticker name no party, a release's first words are its company's name, a headline's ";"
clause with no subject goes on with the one before, companies bought by the count, and
what wires also carry that is no deal (a charity's gala, a market's tally, a hackathon, a
regulator's licence, a product's features, a hire, a programme joined)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from aggregator.deals._segment import without_boilerplate
from aggregator.headlines import digest_items
from tests.deals._reading import GAZ, check_reading


@pytest.mark.parametrize(
    ("body", "rest"),
    [
        ("TULSA, Okla., May 3, 2027 /PRNewswire/ -- Quarrel Labs said", "Quarrel Labs said"),
        ("BOISE, Idaho--(BUSINESS WIRE)--Quarrel Labs, a maker of", "Quarrel Labs, a maker of"),
        ("OSLO, Norway, Jan. 4, 2027 (GLOBE NEWSWIRE) -- Quarrel Labs AB", "Quarrel Labs AB"),
        ("RENO, NV / ACCESSWIRE / April 4, 2027 / Quarrel Labs Inc.", "Quarrel Labs Inc."),
        ("AMES, IA, UNITED STATES, June 1, 2027 /EINPresswire.com/ -- Quarrel", "Quarrel"),
        (
            "Article URL: https://example.org/a Comments URL: https://example.org/item?id=1 "
            "Points: 40 # Comments: 12",
            "",
        ),
        ("submitted by /u/someone [link] [comments]", ""),
        # no wire: a slash in a sentence stays
        ("Quarrel, based in Tulsa/Oklahoma, said", "Quarrel, based in Tulsa/Oklahoma, said"),
    ],
)
def test_a_wire_dateline_and_link_lines_are_removed(body: str, rest: str) -> None:
    assert without_boilerplate(body) == rest


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"),
    [
        # the wire's name is nobody's
        (
            "Pellworth Raises $30 Million Series B",
            "AUSTIN, Texas, May 3, 2027 /PRNewswire/ -- Pellworth, a developer of grid "
            "software, today announced a $30 million Series B led by Ardent Peak Ventures.",
            "funding",
            [("Pellworth", "target"), ("Ardent Peak Ventures", "investor")],
        ),
        # nor its ticker, however the exchange is written
        (
            "Tolvane Board Rejects Unsolicited Offer From Brisk Hollow Partners",
            "PORTLAND, Ore., April 12, 2027 (GLOBE NEWSWIRE) -- Tolvane Inc. (Nasdaq: TLVN) "
            "said its board rejected an unsolicited proposal from Brisk Hollow Partners.",
            "acquisition",
            [("Tolvane", "target"), ("Brisk Hollow Partners", "acquirer")],
        ),
        # a release's first words are its company, common words and all
        (
            "Meadow Bio Raises $40 Million Series A Led by Ardent Peak Ventures",
            "SOUTH SAN FRANCISCO, Calif., Jan. 27, 2027 /PRNewswire/ -- Meadow Bio, a "
            "developer of enzyme therapies, today announced a $40 million Series A.",
            "funding",
            [("Meadow Bio", "target"), ("Ardent Peak Ventures", "investor")],
        ),
        (
            "Birch & Silver Capital Leads $12 Million Series A in Quorlane",
            "NEW YORK, April 28, 2027 /PRNewswire/ -- Birch & Silver Capital today announced "
            "that it has led a $12 million Series A investment in Quorlane.",
            "funding",
            [("Birch & Silver Capital", "investor"), ("Quorlane", "target")],
        ),
        # companies counted, not named: the buyer is the party
        (
            "Tarnwell Health Signs Definitive Agreement to Acquire Four Regional Clinics",
            "",
            "acquisition",
            [("Tarnwell Health", "acquirer")],
        ),
        (
            "Pellworth Acquires Two Design Studios, Brimfold and Quorlane",
            "",
            "acquisition",
            [("Pellworth", "acquirer"), ("Brimfold", "target"), ("Quorlane", "target")],
        ),
    ],
)
def test_a_press_release_is_read_without_its_wire(
    title: str, summary: str, kind: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties)


def test_a_clause_without_its_own_subject_goes_on_with_the_headline() -> None:
    title = "Brimfold Bio Prices IPO of 6 Million Shares; Raises $96 Million"
    assert digest_items(title) == [title]
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and deal.type == "ipo"
    assert deal.amount is not None and deal.amount.value == 96_000_000
    # a digest's own items each have a subject
    assert digest_items("Pellworth raises $5M; Quorlane buys Brimfold") == [
        "Pellworth raises $5M",
        "Quorlane buys Brimfold",
    ]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Pellworth Expands Collaboration Features in Its Workspace", ""),
        ("Pellworth Merges Its Search and Chat Products Into One App", ""),
        (
            "Meadowlark Foundation Raises $3 Million for Coding Camps at Annual Gala",
            "The foundation raised the money from donors at its gala.",
        ),
        ("Report: Venture Funding for Robotics Hit $9 Billion in 2026", ""),
        ("Pellworth Hosts Hackathon in Partnership With Local Colleges", ""),
        ("Quorlane secures payments licence in Kenya", "The central bank granted the licence."),
        ("[D] Are licence-and-hire deals good for research?", ""),
        ("Pellworth joins the Brimfold Partner program", ""),
        ("Dana Okafor joins Quorlane as Chief Financial Officer", "She led a company to its IPO."),
        ("What we look for in a Series A pitch", ""),
        ("Quorlane's acquisition spree: what it means for founders", ""),
    ],
)
def test_what_wires_and_blogs_carry_that_is_no_deal(title: str, summary: str) -> None:
    assert classify(title, summary, gazetteer=GAZ) is None


@pytest.mark.parametrize(
    ("title", "summary", "licensor", "licensee"),
    [
        # the body says who takes the licence, against the headline's order
        (
            "Tolvane Labs Enters Into Licensing Agreement With Brimfold for Prediction Models",
            "Tolvane Labs today announced a licensing agreement under which Brimfold will "
            "license Tolvane's protein-structure prediction models.",
            "Tolvane Labs",
            "Brimfold",
        ),
        # rights granted; a drug target's code is nobody
        (
            "Meadow Therapeutics and Brimfold Sign Exclusive Licensing Deal for Oral GLP-1 Drug",
            "Meadow Therapeutics has granted Brimfold exclusive worldwide rights to develop "
            "MT-204, its oral GLP-1 receptor agonist.",
            "Meadow Therapeutics",
            "Brimfold",
        ),
    ],
)
def test_a_licence_body_says_who_licenses_what(
    title: str, summary: str, licensor: str, licensee: str
) -> None:
    check_reading(title, summary, "licensing", [(licensor, "licensor"), (licensee, "licensee")])


def test_predictions_are_no_deal_but_prediction_models_may_be() -> None:
    assert classify("Our predictions: one big merger and an IPO", "", gazetteer=GAZ) is None
    deal = classify("Quorlane raises $30M for its prediction market", "", gazetteer=GAZ)
    assert deal is not None and deal.type == "funding"
