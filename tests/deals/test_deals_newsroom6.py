"""Wordings of the sixth written set (varied6): chip and cloud vendors' supply deals whose
object is a product line, newsrooms welcoming a company or their investors in the third
person, acqui-hires, content deals of media companies, and speculation about deals that is
none. Every entry here is written for this file, not taken from the set."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer

GAZ = load_gazetteer()

# (publisher or None, title, summary, type or None, {(party, role)})
Case = tuple[str | None, str, str, str | None, set[tuple[str, str]]]


def _check(case: Case) -> None:
    publisher, title, summary, kind, parties = case
    deal = classify(title, summary, gazetteer=GAZ, publisher=publisher)
    if kind is None:
        assert deal is None, (title, deal)
        return
    assert deal is not None, title
    assert deal.type == kind, (title, deal)
    got = {(GAZ.slug(p.name), p.role) for p in deal.parties}
    assert got == {(GAZ.slug(n), r) for n, r in parties}, (title, deal.parties)


# Parties are organisations: never a unit of power, a round's letter, a programme, a plural
# ("IPOs", "Countries"), nor a product line named by its chip code ("Instinct MI450").
NOT_PARTIES: list[Case] = [
    (
        None,
        "Corvane and Tidalwave Compute Sign Deal to Supply 3 Megawatts of Helion Accelerators",
        "Corvane will deliver racks to Tidalwave Compute from its plant in Ohio.",
        "partnership",
        {("Corvane", "partner"), ("Tidalwave Compute", "partner")},
    ),
    (
        None,
        "Ostrel Systems and Bramwell Cloud agree multi-year deal",
        "Ostrel Systems will supply Paragon X900 servers to Bramwell Cloud for its new region.",
        "partnership",
        {("Ostrel Systems", "partner"), ("Bramwell Cloud", "partner")},
    ),
    (
        None,
        "Quillon raises $25M",
        "Quillon, a three-year-old company from Lisbon, raised a $25 million Series C led by "
        "Index Ventures.",
        "funding",
        {("Quillon", "target"), ("Index Ventures", "investor")},
    ),
    (None, "Our AI predictions for next year: two mergers and four IPOs", "", None, set()),
    (
        "Google",
        "Google for Startups Program: up to $200,000 in cloud credits",
        "Founders can apply through the end of the month.",
        None,
        set(),
    ),
]

# A newsroom in the third person: "X welcomes Y" is an acquisition when the body says Y
# joins X, "X welcomes Y and Z as investors" the publisher's round; a person welcomed is a hire.
WELCOMES: list[Case] = [
    (
        "Bramblecode",
        "Bramblecode welcomes Inkwell",
        "Inkwell, the team behind the Inkwell notebook, is joining Bramblecode.",
        "acquisition",
        {("Bramblecode", "acquirer"), ("Inkwell", "target")},
    ),
    (
        "Tessaly",
        "Tessaly welcomes Samsung and Cisco as investors",
        "Samsung and Cisco have joined our $45 million round.",
        "funding",
        {("Tessaly", "target"), ("Samsung", "investor"), ("Cisco", "investor")},
    ),
    (
        "Bramblecode",
        "Bramblecode welcomes Priya Raman",
        "Priya joins as our Chief Financial Officer from Stripe.",
        None,
        set(),
    ),
]

# "acqui-hires the team behind …" is an acquisition of that company.
ACQUI_HIRES: list[Case] = [
    (
        None,
        "Figma acqui-hires the founders of design startup Loomcraft",
        "",
        "acquisition",
        {("Figma", "acquirer"), ("Loomcraft", "target")},
    ),
    (
        None,
        "Salesforce acquihires Tanager, a startup building sales agents",
        "",
        "acquisition",
        {("Salesforce", "acquirer"), ("Tanager", "target")},
    ),
]

# "a startup building …" after the target is what it makes, not a building bought; a
# building, site or campus bought is still no deal.
BUILDING: list[Case] = [
    (
        None,
        "Datadog buys Emberly, a startup building observability agents",
        "",
        "acquisition",
        {("Datadog", "acquirer"), ("Emberly", "target")},
    ),
    (None, "Datadog buys office building in Lisbon for new hub", "", None, set()),
    (None, "Meta acquires building for $210 million to expand campus", "", None, set()),
]

# A media company's content deal with an AI maker is a licence, the media company its
# licensor, whether it is worded as a licence signed together or as a partnership about
# its archive; a partnership about something else stays a partnership.
CONTENT: list[Case] = [
    (
        None,
        "Amazon and Reddit sign licensing agreement",
        "",
        "licensing",
        {("Amazon", "licensee"), ("Reddit", "licensor")},
    ),
    (
        None,
        "Axel Springer and Anthropic announce global partnership",
        "Claude will draw on articles from Politico and Business Insider, with links to the "
        "original reporting.",
        "licensing",
        {("Anthropic", "licensee"), ("Axel Springer", "licensor")},
    ),
    (
        None,
        "News Corp and Microsoft strike multi-year partnership",
        "Microsoft gets access to archived content from The Times and The Australian.",
        "licensing",
        {("Microsoft", "licensee"), ("News Corp", "licensor")},
    ),
    (
        None,
        "Lionsgate and Runway partner on AI tools for editors",
        "The studio's editors will test Runway's models in post-production.",
        "partnership",
        {("Lionsgate", "partner"), ("Runway", "partner")},
    ),
]

# A unit sold "to" a company names that company its buyer; a partner list after "with"
# keeps every partner ("with A, B and C"), the unknown ones and the subject too; a power
# purchase agreement is a supply deal, not a purchase of a company.
ROLES_AND_LISTS: list[Case] = [
    (
        None,
        "Grab offloads its food-delivery arm to Delivery Hero",
        "",
        "acquisition",
        {("Grab", "seller"), ("Delivery Hero", "acquirer")},
    ),
    (
        None,
        "Ostmark signs power purchase agreements with Helion, Fervo and Kairos Power",
        "",
        "partnership",
        {
            ("Ostmark", "partner"),
            ("Helion", "partner"),
            ("Fervo", "partner"),
            ("Kairos Power", "partner"),
        },
    ),
]

# Investors a round's lead names: "The Series E includes A and B", a firm whose name opens
# with a number ("1789 Capital"); a product after "adding … to" is no buyer.
INVESTORS_AND_BUYERS: list[Case] = [
    (
        None,
        "Halden Robotics raises $90m Series B led by Accel",
        "The Series B includes Lux Capital and Eclipse.",
        "funding",
        {
            ("Halden Robotics", "target"),
            ("Accel", "investor"),
            ("Lux Capital", "investor"),
            ("Eclipse", "investor"),
        },
    ),
    (
        None,
        "Orrin Labs raises $60M",
        "The round was led by Thrive Capital, with 1789 Capital and Greylock participating.",
        "funding",
        {
            ("Orrin Labs", "target"),
            ("Thrive Capital", "investor"),
            ("1789 Capital", "investor"),
            ("Greylock", "investor"),
        },
    ),
    (
        None,
        "Workday completes its acquisition of Pallwick",
        "Workday closed the $700 million purchase of Pallwick on Monday, adding agent tooling "
        "to Workday Illuminate.",
        "acquisition",
        {("Workday", "acquirer"), ("Pallwick", "target")},
    ),
]

# A newsletter's funding roundup lists "Name ($N)" items, each a round; a backing whose lead
# says the company raised a round is that round.
ROUNDS: list[Case] = [
    (
        None,
        "Funding roundup: Corvid ($14M), Lattice Bloom ($52M), Teller AI ($6M)",
        "",
        "funding",
        {("Corvid", "target")},
    ),
    (None, "Reading list: Corvid (long read), Lattice Bloom (podcast)", "", None, set()),
    (
        None,
        "Samsung and Qualcomm back Physical Intelligence",
        "Physical Intelligence has raised a new round led by Samsung, with Qualcomm taking part.",
        "funding",
        {("Physical Intelligence", "target"), ("Samsung", "investor"), ("Qualcomm", "investor")},
    ),
]

# A country's ministry is that country's ("Norway's Ministry of Digitalisation" is the
# Norway Ministry of Digitalisation, not the Government of Norway and a ministry of nowhere);
# an agreement "to provide a licence" is a licence, the subject its licensor.
GOVERNMENTS_AND_LICENCES: list[Case] = [
    (
        None,
        "Mistral AI and Norway's Ministry of Digitalisation sign cooperation agreement",
        "",
        "partnership",
        {("Mistral AI", "partner"), ("Norway Ministry of Digitalisation", "partner")},
    ),
    (
        "Inflection AI",
        "A new chapter for Inflection",
        "Inflection AI has entered into an agreement with Microsoft to provide a non-exclusive "
        "license of our models. Most of our team is joining Microsoft AI.",
        "licensing",
        {("Inflection AI", "licensor"), ("Microsoft", "licensee")},
    ),
]

# A newsroom's crowd of partners at an event, or partners as one item of a list, is no
# partnership post; "IPO chatter" is talk, not an IPO.
CROWDS: list[Case] = [
    ("Snowflake", "Snowflake World Tour: 12,000 partners and customers in London", "", None, set()),
    ("Cohere", "North for banks: new templates and partners", "", None, set()),
    (None, "Databricks' IPO chatter, Gemini's new memory, and an agent benchmark", "", None, set()),
]

# Speculation and lists about deals are no deal: a question headline, a ranked list.
SPECULATION: list[Case] = [
    (None, "Will Anthropic go public before OpenAI?", "", None, set()),
    (None, "Could Apple buy Mistral AI? The case for and against", "", None, set()),
    (
        None,
        "The 10 biggest chip deals of the decade, ranked",
        "From Nvidia's failed Arm bid to AMD's purchase of Xilinx.",
        None,
        set(),
    ),
]


@pytest.mark.parametrize("case", NOT_PARTIES, ids=lambda c: c[1][:40])
def test_not_parties(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", WELCOMES, ids=lambda c: c[1][:40])
def test_welcomes(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", ACQUI_HIRES, ids=lambda c: c[1][:40])
def test_acqui_hires(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", CONTENT, ids=lambda c: c[1][:40])
def test_content(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", SPECULATION, ids=lambda c: c[1][:40])
def test_speculation(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", BUILDING, ids=lambda c: c[1][:40])
def test_building(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", ROLES_AND_LISTS, ids=lambda c: c[1][:40])
def test_roles_and_lists(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", CROWDS, ids=lambda c: c[1][:40])
def test_crowds(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", INVESTORS_AND_BUYERS, ids=lambda c: c[1][:40])
def test_investors_and_buyers(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", ROUNDS, ids=lambda c: c[1][:40])
def test_rounds(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", GOVERNMENTS_AND_LICENCES, ids=lambda c: c[1][:40])
def test_governments_and_licences(case: Case) -> None:
    _check(case)
