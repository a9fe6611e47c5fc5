"""Junk deals and junk parties seen in the curated site built from the real feeds, as classes.

Each table holds variants written for a class (other names, other words) and at most one
title of the feeds in bench/data/realfeeds, marked (real). A row is (title, summary,
publisher, type or None, the (party, role) pairs expected), checked by ``check_reading``.
"""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer
from aggregator.deals._lexicon import is_reviewer

from ._reading import check_reading

GAZ = load_gazetteer()

Row = tuple[str, str, str | None, str | None, set[tuple[str, str]]]


def _ids(rows: list[Row]) -> list[str]:
    return [f"{r[0][:36]}|{r[1][:20]}" for r in rows]


def _check(rows: list[Row]) -> None:
    for title, summary, publisher, kind, parties in rows:
        check_reading(title, summary, kind, parties, publisher=publisher)


# A plan, a proposal or a property is no company bought: "X's Proposal for <place>".
PROPERTY: list[Row] = [
    ("Apple's Proposal for the Cupertino Campus", "", None, None, set()),
    ("Meta's proposal for the Willow Village site", "", None, None, set()),
    ("Ardent Realty makes bid for the Harbor Point parcel", "", None, None, set()),
    (
        "Google's plans",
        "Google submitted a proposal for North Bayshore, the area around its campus.",
        None,
        None,
        set(),
    ),
    ("Halvard makes offer for the Elmhurst Heights development", "", None, None, set()),
    # still a takeover: the proposal is for a company
    (
        "Broadcom makes $130 billion proposal for Qualcomm",
        "",
        None,
        "acquisition",
        {("Broadcom", "acquirer"), ("Qualcomm", "target")},
    ),
]


@pytest.mark.parametrize("row", PROPERTY, ids=_ids(PROPERTY))
def test_a_proposal_for_a_place_is_no_acquisition(row: Row) -> None:
    _check([row])


# An old deal the body mentions under a story about something else is not the story's deal.
BACKGROUND: list[Row] = [
    (
        "Verizon to Block Email Addresses From Rival Carriers From Logging Into Yahoo",  # (real)
        "Verizon, which acquired Yahoo in 2017 and merged it with AOL, will block rival "
        "carriers' addresses.",
        None,
        None,
        set(),
    ),
    (
        "Comcast raises Peacock prices again",
        "Comcast, which bought NBCUniversal in 2011, said it would raise prices in March.",
        None,
        None,
        set(),
    ),
    (
        "Tallowbird cuts 200 jobs in its cloud unit",
        "The cuts come after its acquisition of Brindle Systems, a storage startup.",
        None,
        None,
        set(),
    ),
    (
        "Direct listings tempt more startups",
        "Last month, messaging service Quorra bypassed convention with a direct listing.",
        None,
        None,
        set(),
    ),
    (
        "Orbitline's new chief sets out a plan",
        "Orbitline merged with Castellan Networks years ago; its new chief wants growth.",
        None,
        None,
        set(),
    ),
    (
        "Ten years after the Quillstack deal",
        "Northwind bought Quillstack for $19 billion in 2014.",
        None,
        None,
        set(),
    ),
    (
        "What the Brindle deal taught Halvard",
        "Halvard's acquisition of Brindle closed in 2023 after a long review.",
        None,
        None,
        set(),
    ),
    # a plan dated ahead is no past
    (
        "Tallowbird eyes the market",
        "Tallowbird plans to go public in 2027, its chief said.",
        None,
        "ipo",
        {("Tallowbird", "issuer")},
    ),
    # the body's own news stays a deal
    (
        "Big week for Northwind",
        "Northwind said on Monday it agreed to acquire Quillstack for $400 million.",
        None,
        "acquisition",
        {("Northwind", "acquirer"), ("Quillstack", "target")},
    ),
]


@pytest.mark.parametrize("row", BACKGROUND, ids=_ids(BACKGROUND))
def test_a_deal_told_as_background_is_none(row: Row) -> None:
    _check([row])


# Commentary on a listed company's stock is no IPO and no purchase; an ending alone
# ("Technologies Inc") is no party.
STOCK: list[Row] = [
    (
        "Slack Stock Has a Compelling Story and the Numbers to Back It Up",  # (real)
        "In the run up to the IPO for Slack Technologies Inc (NYSE:WORK), much of the news "
        "coverage centered on the Company's decision to go public via ...",
        None,
        None,
        set(),
    ),
    (
        "Zephyrcloud shares have room to run",
        "Since the IPO of Zephyrcloud Holdings Inc, analysts have raised their targets.",
        None,
        None,
        set(),
    ),
    ("Zoom Shares Are a Buy After Earnings", "", None, None, set()),
    ("Tallowbird Stock Is a Strong Buy, Says Analyst", "", None, None, set()),
    # a listing in the headline is still one
    (
        "Cerebras Technologies Inc files for Nasdaq IPO",
        "",
        None,
        "ipo",
        {("Cerebras", "issuer")},
    ),
]


@pytest.mark.parametrize("row", STOCK, ids=_ids(STOCK))
def test_stock_commentary_is_no_deal(row: Row) -> None:
    _check([row])


def test_a_legal_ending_alone_is_no_party() -> None:
    deal = classify("Slack Technologies Inc files to go public", gazetteer=GAZ)
    assert deal is not None and deal.type == "ipo"
    assert [p.name for p in deal.parties] == ["Slack"]


# A progress report that counts research partnerships names none, and its people are no
# partners.
PROGRESS: list[Row] = [
    (
        "First Progress Report",  # (real)
        "In our first 11 weeks, we have recruited an advisory board of national security and "
        "ML leaders, including Yoshua Bengio, recruited top professors from Cambridge and "
        "Oxford and announced 4 research partnerships.",
        "UK AI Security Institute",
        None,
        set(),
    ),
    (
        "Our first year",
        "We hired Amara Okafor from Leeds, opened a lab and signed three research collaborations.",
        "Halvard Institute",
        None,
        set(),
    ),
    (
        "Update from the lab",
        "This quarter Lumora Labs announced several new research partnerships.",
        None,
        None,
        set(),
    ),
]


@pytest.mark.parametrize("row", PROGRESS, ids=_ids(PROGRESS))
def test_a_progress_report_is_no_partnership(row: Row) -> None:
    _check([row])


# Code merged upstream (a patch, a pull request, a branch) is no merger of companies.
CODE_MERGE: list[Row] = [
    (
        'Some notes on "Randomized slab caches for kmalloc()"',  # (real)
        "Ruiqi Gong and Xiu Jianfeng got their Randomized slab caches for kmalloc() patch "
        "series merged upstream, and I've had enough discussions about it to warrant "
        "summarising them into a small blogpost.",
        None,
        None,
        set(),
    ),
    (
        "Notes on the new scheduler",
        "Li Wei's scheduler rewrite was merged into the mainline kernel after review.",
        None,
        None,
        set(),
    ),
    (
        "What changed in the allocator",
        "Jonas Berg and Mei Lin had their pull request merged into the main branch last week.",
        None,
        None,
        set(),
    ),
    (
        "Git tips: merging without conflicts",
        "When Alice merged her branch with Bob's, the history got messy.",
        None,
        None,
        set(),
    ),
    # a company's own units merged are no merger
    ("Google merges Brain and DeepMind", "", None, None, set()),
    # companies that merge still do
    (
        "Northwind merges Quillstack and Brindle",
        "",
        None,
        "merger",
        {("Northwind", "partner"), ("Quillstack", "partner"), ("Brindle", "partner")},
    ),
    (
        "Lingvana merges with Textra",
        "",
        None,
        "merger",
        {("Lingvana", "partner"), ("Textra", "partner")},
    ),
]


@pytest.mark.parametrize("row", CODE_MERGE, ids=_ids(CODE_MERGE))
def test_code_merged_upstream_is_no_merger(row: Row) -> None:
    _check([row])


# A regulator that approves, reviews or sues is no side of the deal: the buyer is.
REGULATOR: list[Row] = [
    (
        "Boom - Watch This Closely",  # (real title)
        "The Justice Department on Monday approved the acquisition of Time Warner by AT&T.",
        None,
        "acquisition",
        {("AT&T", "acquirer"), ("Time Warner", "target")},
    ),
    (
        "A week in Washington",
        "The Federal Trade Commission approved the acquisition of Quillstack by Northwind.",
        None,
        "acquisition",
        {("Northwind", "acquirer"), ("Quillstack", "target")},
    ),
    (
        "Brussels decides",
        "The European Commission today approved the takeover of Brindle by Halvard Group.",
        None,
        "acquisition",
        {("Halvard Group", "acquirer"), ("Brindle", "target")},
    ),
]


@pytest.mark.parametrize("row", REGULATOR, ids=_ids(REGULATOR))
def test_a_regulator_is_no_acquirer(row: Row) -> None:
    _check([row])


# An office opened or a market entered, with "new partners" in the headline, is no
# partnership; an office is where, not who.
OFFICE: list[Row] = [
    ("Opening our Tokyo office with new partners", "", "Anthropic", None, set()),
    ("Expanding in Europe: new offices and strategic partners", "", "Cohere", None, set()),
    ("Lumora expands to Asia with first partners in Japan", "", "Lumora", None, set()),
    ("New office, new partners: Halvard comes to Seoul", "", "Halvard", None, set()),
    (
        "Mistral AI expands to the United States",
        "Mistral AI opens a new office in Palo Alto and partners with leading US companies.",
        "Mistral AI",
        None,
        set(),
    ),
    # a year is no count of partners, and partners of the year are an award
    ("Celebrating our 2024 partners of the year", "", "Google", None, set()),
    ("Announcing the partners of the year", "", "Halvard", None, set()),
    # a partnership announced with the office is still one
    (
        "Anthropic opens Seoul office and announces new partnerships across the Korean AI "
        "ecosystem",  # (real)
        "",
        "Anthropic",
        "partnership",
        {("Anthropic", "partner")},
    ),
]


@pytest.mark.parametrize("row", OFFICE, ids=_ids(OFFICE))
def test_an_office_opening_is_no_partnership(row: Row) -> None:
    _check([row])


# A list of countries before "Governments" names each one's government.
GOVERNMENTS: list[Row] = [
    (
        "Cohere partners with Canada and UK Governments on secure AI",  # (real)
        "",
        None,
        "partnership",
        {("Cohere", "partner"), ("Government of Canada", "partner"), ("UK Government", "partner")},
    ),
    (
        "Halvard partners with France and German Governments",
        "",
        None,
        "partnership",
        {
            ("Halvard", "partner"),
            ("Government of France", "partner"),
            ("Government of Germany", "partner"),
        },
    ),
    (
        "Lumora partners with Japan and US Governments on chips",
        "",
        None,
        "partnership",
        {
            ("Lumora", "partner"),
            ("Government of Japan", "partner"),
            ("Government of the United States", "partner"),
        },
    ),
    ("Lumora partners with governments on chips", "", None, None, set()),
]


@pytest.mark.parametrize("row", GOVERNMENTS, ids=_ids(GOVERNMENTS))
def test_countries_joined_before_governments(row: Row) -> None:
    _check([row])


_CUT = (
    "We're pleased to announce a new version of the Cloud Storage Connector for Hadoop, which "
    "makes it even easier to substitute your file system with Cloud Storage. The connector is "
    "an open source Java client library that runs in Hadoop JV"
)
# The last word of a summary cut off mid-word is no evidence ("Hadoop JV" of "JVM").
CUT: list[Row] = [
    ("Software Engineer", _CUT, None, None, set()),  # (real title)
    (
        "Release notes",
        "Our new driver adds faster uploads, better retries and lower latency for every "
        "workload, and it now ships with the runtime used by the Quillstack and Brindle "
        "teams in production, who run it in the Orbit JV",
        None,
        None,
        set(),
    ),
    # a headline's JV is still one
    (
        "Halvard and Quillstack form JV",
        "",
        None,
        "joint-venture",
        {("Halvard", "partner"), ("Quillstack", "partner")},
    ),
]


@pytest.mark.parametrize("row", CUT, ids=_ids(CUT))
def test_the_last_word_of_a_cut_summary_is_no_evidence(row: Row) -> None:
    _check([row])


# A company that launches (debuts, comes out of stealth) with backing from investors raises a
# round, amount or not; whose launch it is must be named.
BACKED_LAUNCH: list[Row] = [
    (
        "Lumora launches with backing from Sequoia",
        "",
        None,
        "funding",
        {("Lumora", "target"), ("Sequoia Capital", "investor")},
    ),
    (
        "Quillstack debuts with backing from Accel and Index Ventures",
        "",
        None,
        "funding",
        {("Quillstack", "target"), ("Accel", "investor"), ("Index Ventures", "investor")},
    ),
    (
        "Brindle comes out of stealth with backing from Greylock",
        "",
        None,
        "funding",
        {("Brindle", "target"), ("Greylock", "investor")},
    ),
    (
        "A new data startup",
        "And the company is launching with a number of major backers including SV Angel.",
        None,
        None,
        set(),
    ),
]


@pytest.mark.parametrize("row", BACKED_LAUNCH, ids=_ids(BACKED_LAUNCH))
def test_a_launch_with_backers_is_a_round(row: Row) -> None:
    _check([row])


# Partnering "once again" or "again" is partnering.
AGAIN: list[Row] = [
    (
        "Orbitline partners once again with Castellan",
        "",
        None,
        "partnership",
        {("Orbitline", "partner"), ("Castellan", "partner")},
    ),
    (
        "Holiday bundle",
        "Halvard is proud to partner again with Quillstack for the winter sale.",
        None,
        "partnership",
        {("Halvard", "partner"), ("Quillstack", "partner")},
    ),
]


@pytest.mark.parametrize("row", AGAIN, ids=_ids(AGAIN))
def test_partnering_again_is_partnering(row: Row) -> None:
    _check([row])


# Essays, idioms and topics: no deal, though their words are a deal's.
ESSAYS: list[Row] = [
    ("The acquisition of language in children", "", None, None, set()),
    ("Skill acquisition and the merger of habits", "", None, None, set()),
    ("Thinking about the Halvard–Quillstack partnership", "", None, None, set()),
    ("The end of the Microsoft–OpenAI partnership?", "", None, None, set()),
    ("Thoughts on the Northwind merger", "", None, None, set()),
    ("Apple takes a stake in the AI race", "", None, None, set()),
    ("Apple buys time with new iPhone", "", None, None, set()),
    ("EU Commission buys into Quillstack plan", "", None, None, set()),
    ("Investors buy into the AI hype", "", None, None, set()),
    # a stake in a company is still one
    (
        "Nvidia takes a stake in Quillstack",
        "",
        None,
        "investment",
        {("Nvidia", "investor"), ("Quillstack", "target")},
    ),
]


@pytest.mark.parametrize("row", ESSAYS, ids=_ids(ESSAYS))
def test_essays_and_idioms_are_no_deals(row: Row) -> None:
    _check([row])


@pytest.mark.parametrize(
    ("title", "person"),
    [
        ("Cubs Acquire Joe Smith From Padres", "Joe Smith"),
        ("Halvard acquires Tallow Books from Emma Stone", "Emma Stone"),
        ("Lumora and Larry Page team up", "Larry Page"),
    ],
)
def test_a_person_with_a_surname_that_is_a_word_is_no_party(title: str, person: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is None or person not in {p.name for p in deal.parties}, deal


# Safety testing done with institutes is evaluation, no partnership deal.
SAFETY: list[Row] = [
    (
        "Strengthening our safeguards through collaboration with US CAISI and UK AISI",  # (real)
        "",
        "Anthropic",
        None,
        set(),
    ),
    (
        "Improving red-teaming through partnership with the Halvard Institute",
        "",
        "Lumora",
        None,
        set(),
    ),
    ("Better evaluations via collaboration with Quillstack", "", None, None, set()),
    # a partnership to build something is still one
    (
        "Lumora partners with Quillstack to build safety tools",
        "",
        None,
        "partnership",
        {("Lumora", "partner"), ("Quillstack", "partner")},
    ),
]


@pytest.mark.parametrize("row", SAFETY, ids=_ids(SAFETY))
def test_safety_testing_together_is_no_partnership(row: Row) -> None:
    _check([row])


# A newsroom's round-up whose items name a partnership announced with someone.
ROUND_UP: list[Row] = [
    (
        "Fourth progress report",  # (real)
        "Since February, we released our first technical blog post, open-sourced our testing "
        "platform Inspect, announced our San Francisco office, announced a partnership with "
        "the Canadian AI Safety Institute, grew our technical team to >30 researchers and "
        "appointed Jade Leung as our Chief Technology Officer.",
        "UK AI Security Institute",
        "partnership",
        {("UK AI Security Institute", "partner"), ("Canadian AI Safety Institute", "partner")},
    ),
    (
        "Our first hundred days",
        "We opened a lab in Lyon, signed a partnership with Quillstack Robotics, and hired 12 "
        "engineers.",
        "Halvard",
        "partnership",
        {("Halvard", "partner"), ("Quillstack Robotics", "partner")},
    ),
    # no one named: none
    (
        "Our first hundred days",
        "We opened a lab in Lyon, announced a partnership with a major bank, and hired 12 "
        "engineers.",
        "Halvard",
        None,
        set(),
    ),
]


@pytest.mark.parametrize("row", ROUND_UP, ids=_ids(ROUND_UP))
def test_a_round_up_names_its_partnership(row: Row) -> None:
    _check([row])


@pytest.mark.parametrize(
    ("name", "reviewer"),
    [
        ("Justice Department", True),
        ("The Justice Department", True),
        ("US Department of Justice", True),
        ("FTC", True),
        ("European Commission", True),
        ("Competition and Markets Authority", True),
        ("Justice Capital", False),
        ("AT&T", False),
    ],
)
def test_regulators_are_known_as_reviewers(name: str, reviewer: bool) -> None:
    assert is_reviewer(name) is reviewer


# "X in Y takeover talks": the name before the noun is the target, the subject the buyer.
TALKS: list[Row] = [
    (
        "Northwind in Quillstack buyout talks",
        "",
        None,
        "acquisition",
        {("Northwind", "acquirer"), ("Quillstack", "target")},
    ),
    (
        "Northwind confirms Quillstack acquisition talks",
        "",
        None,
        "acquisition",
        {("Northwind", "acquirer"), ("Quillstack", "target")},
    ),
    (
        "Halvard enters Brindle takeover battle",
        "",
        None,
        "acquisition",
        {("Halvard", "acquirer"), ("Brindle", "target")},
    ),
]


@pytest.mark.parametrize("row", TALKS, ids=_ids(TALKS))
def test_the_name_before_takeover_talks_is_the_target(row: Row) -> None:
    _check([row])


# Looking back, advice and forum posts: no deal of the day.
LOOK_BACK: list[Row] = [
    ("The day Northwind bought Quillstack", "", None, None, set()),
    ("Remembering the Halvard–Brindle merger", "", None, None, set()),
    ("A brief history of Nvidia's acquisition of Mellanox", "", None, None, set()),
    ("Apple should buy Netflix", "", None, None, set()),
    ("Why Microsoft should acquire Discord", "", None, None, set()),
    ("If Google bought Snap", "", None, None, set()),
    ("Show HN: Merge – a tool to merge PDFs", "", None, None, set()),
    ("I sold my startup to Stripe. Here's what I learned", "", None, None, set()),
    # a record told in today's deal is still the deal
    (
        "Nvidia agrees to buy Arm in the biggest chip deal in history",
        "",
        None,
        "acquisition",
        {("Nvidia", "acquirer"), ("Arm", "target")},
    ),
]


@pytest.mark.parametrize("row", LOOK_BACK, ids=_ids(LOOK_BACK))
def test_a_look_back_or_advice_is_no_deal(row: Row) -> None:
    _check([row])
