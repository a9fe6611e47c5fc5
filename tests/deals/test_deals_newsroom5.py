"""Wordings of the fifth written set (varied5): venture firms' own posts about their portfolio
companies, a firm's own fund, rounds led by a named firm, company newsrooms' "joining forces"
that is an acquisition, and newsletter items whose parties hide in compounds."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer

GAZ = load_gazetteer()

# (publisher or None, title, summary, type or None, {(party, role, lead)})
Case = tuple[str | None, str, str, str | None, set[tuple[str, str, bool]]]

# A venture firm's own post: the portfolio company's round, the firm its investor, its lead
# when the post says the firm leads.
INVESTOR_POSTS: list[Case] = [
    (
        "Sequoia Capital",
        "Why we invested in Tallowbird",
        "Tallowbird builds agents that reconcile invoices. We're proud to lead its $22 million "
        "Series A.",
        "funding",
        {("Tallowbird", "target", False), ("Sequoia Capital", "investor", True)},
    ),
    (
        "Andreessen Horowitz",
        "Leading Brindle's Series A",
        "Brindle builds coding agents for COBOL migrations.",
        "funding",
        {("Brindle", "target", False), ("Andreessen Horowitz", "investor", True)},
    ),
    (
        "Greylock",
        "Backing Tern AI from day one",
        "We led Tern AI's $6 million pre-seed.",
        "funding",
        {("Tern AI", "target", False), ("Greylock", "investor", True)},
    ),
    (
        "Balderton Capital",
        "Welcoming Skarn to the Balderton portfolio",
        "We led Skarn's €8 million seed round.",
        "funding",
        {("Skarn", "target", False), ("Balderton Capital", "investor", True)},
    ),
    (
        "Kestrel Peak Ventures",
        "Our investment in Dunmore Labs",
        "Kestrel Peak Ventures joined Dunmore Labs' $9 million seed round, led by Accel.",
        "funding",
        {
            ("Dunmore Labs", "target", False),
            ("Kestrel Peak Ventures", "investor", False),
            ("Accel", "investor", True),
        },
    ),
    (
        "Crane Venture Partners",
        "Backing Holloway: the data layer for AI agents",
        "Crane led Holloway's $6 million seed.",
        "funding",
        {("Holloway", "target", False), ("Crane Venture Partners", "investor", True)},
    ),
    # the firm leads; the round's other investors do not
    (
        "Sequoia Capital",
        "Partnering with Vireo: the operating system for clinical trials",
        "We're leading Vireo's Series B, with participation from existing investor Thrive Capital.",
        "funding",
        {
            ("Vireo", "target", False),
            ("Sequoia Capital", "investor", True),
            ("Thrive Capital", "investor", False),
        },
    ),
    # a firm's essays, programmes and hires are no deals
    ("Sequoia Capital", "Our thesis on agents in 2027", "", None, set()),
    ("Thornbury Capital", "Welcoming Amaya Ortiz as General Partner", "", None, set()),
    (
        "Andreessen Horowitz",
        "Why investment in AI infrastructure will keep growing",
        "",
        None,
        set(),
    ),
    # a company's own newsroom is no investment firm: its investment stays one
    (
        "Meta",
        "Meta invests in Scale AI",
        "We're making a $14.3 billion investment in Scale AI.",
        "investment",
        {("Meta", "investor", False), ("Scale AI", "target", False)},
    ),
]

# A firm raising, closing or launching its own fund is no deal.
OWN_FUNDS: list[Case] = [
    (None, "Index Ventures raises $2.3 billion for new funds", "", None, set()),
    ("Lux Capital", "Lux Capital raises $1.2 billion across two funds", "", None, set()),
    (
        "Sequoia Capital",
        "Sequoia Capital announces Seed Fund VI",
        "We have raised $950 million for our newest seed fund.",
        None,
        set(),
    ),
    (
        "Andreessen Horowitz",
        "Investing in American Dynamism",
        "Our new $600 million fund for defense and industrial startups.",
        None,
        set(),
    ),
    # a startup's round that a fund leads is still a round
    (
        None,
        "Fernhill raises $12M seed from Acme Ventures' second fund",
        "",
        "funding",
        {("Fernhill", "target", False), ("Acme Ventures", "investor", False)},
    ),
]

# "X leads $N Series B in Y", "X leads Y's $N round": X the lead investor, Y the target.
LEADS_ROUND: list[Case] = [
    (
        None,
        "GV leads $60M Series B in Harrowgate Health",
        "",
        "funding",
        {("GV", "investor", True), ("Harrowgate Health", "target", False)},
    ),
    (
        None,
        "Radical Ventures leads Fennick's $20M Series A",
        "",
        "funding",
        {("Radical Ventures", "investor", True), ("Fennick", "target", False)},
    ),
    (
        None,
        "Coatue leads Ambrose AI's $150M round",
        "",
        "funding",
        {("Coatue", "investor", True), ("Ambrose AI", "target", False)},
    ),
    (
        None,
        "Salesforce Ventures joins $35M Series B in Ironbark",
        "",
        "funding",
        {("Salesforce Ventures", "investor", False), ("Ironbark", "target", False)},
    ),
]

# An investment whose lead's first sentence names the target's round is that round.
NAMED_ROUND: list[Case] = [
    (
        None,
        "Nvidia invests in Lathe Robotics",
        "Nvidia joined Lathe Robotics' $26 million Series A, led by Eclipse.",
        "funding",
        {
            ("Nvidia", "investor", False),
            ("Lathe Robotics", "target", False),
            ("Eclipse", "investor", True),
        },
    ),
    (
        None,
        "Amazon to invest $4 billion in Anthropic",
        "The companies will work together on chips.",
        "investment",
        {("Amazon", "investor", False), ("Anthropic", "target", False)},
    ),
]

# A partnership headline whose lead tells an acquisition between the same two companies.
TOLD_KIND: list[Case] = [
    (
        "Hugging Face",
        "We're joining forces with Pollen Robotics",
        "Hugging Face has acquired Pollen Robotics, the Bordeaux team behind the Reachy robot.",
        "acquisition",
        {("Hugging Face", "acquirer", False), ("Pollen Robotics", "target", False)},
    ),
    (
        "Cinder Labs",
        "Cinder Labs joins forces with Wolters Kluwer",
        "Wolters Kluwer has agreed to acquire Cinder Labs.",
        "acquisition",
        {("Wolters Kluwer", "acquirer", False), ("Cinder Labs", "target", False)},
    ),
    # an acquisition of someone else in the lead leaves the partnership as it is
    (
        None,
        "Acme Robotics partners with Globex",
        "Globex acquired Initech last year.",
        "partnership",
        {("Acme Robotics", "partner", False), ("Globex", "partner", False)},
    ),
]

# Parties: a name ending a lower-case compound and the company two companies form are none.
PARTIES: list[Case] = [
    (
        None,
        "AMD and Sanmina team up on rack-scale AI",
        "",
        "partnership",
        {("AMD", "partner", False), ("Sanmina", "partner", False)},
    ),
    (
        None,
        "Tidewell merges with Corvane to form Tidewell Corvane",
        "",
        "merger",
        {("Tidewell", "partner", False), ("Corvane", "partner", False)},
    ),
    (
        None,
        "Alpha Labs and Beta Robotics merge to create Gamma Holdings",
        "",
        "merger",
        {("Alpha Labs", "partner", False), ("Beta Robotics", "partner", False)},
    ),
    # the joint venture itself is no partner; "X and Y JV" names the two
    (
        None,
        "OpenAI reportedly in talks with Saudi PIF about a Stargate joint venture",
        "",
        "joint-venture",
        {("OpenAI", "partner", False), ("Public Investment Fund", "partner", False)},
    ),
    (
        "OpenAI",
        "OpenAI for Countries: Norway",
        "Together with Nscale, we're launching Stargate Norway, a joint venture that will build "
        "a data center.",
        "joint-venture",
        {("OpenAI", "partner", False), ("Nscale", "partner", False)},
    ),
    (
        None,
        "Nokia and Ericsson JV to build radios",
        "",
        "joint-venture",
        {("Nokia", "partner", False), ("Ericsson", "partner", False)},
    ),
]


def _check(case: Case) -> None:
    publisher, title, summary, kind, parties = case
    deal = classify(title, summary, gazetteer=GAZ, publisher=publisher)
    if kind is None:
        assert deal is None, (title, deal)
        return
    assert deal is not None, title
    assert deal.type == kind, (title, deal)
    got = {(p.name, p.role, p.lead) for p in deal.parties}
    names = {(GAZ.slug(n), r, lead) for n, r, lead in parties}
    assert {(GAZ.slug(n), r, lead) for n, r, lead in got} == names, (title, got)


@pytest.mark.parametrize("case", INVESTOR_POSTS, ids=lambda c: c[1][:40])
def test_investor_post(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", OWN_FUNDS, ids=lambda c: c[1][:40])
def test_own_fund(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", LEADS_ROUND, ids=lambda c: c[1][:40])
def test_leads_round(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", NAMED_ROUND, ids=lambda c: c[1][:40])
def test_named_round(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", TOLD_KIND, ids=lambda c: c[1][:40])
def test_told_kind(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", PARTIES, ids=lambda c: c[1][:40])
def test_parties(case: Case) -> None:
    _check(case)


# Investors a round's lead lists: "Investors include", "The round drew", "Backed by", a list
# of existing investors; never the employers of angels, never a word after a slash.
INVESTOR_LISTS: list[Case] = [
    (
        None,
        "Quintet Health picks up $21M to scale AI care navigation",
        "Investors include Oak HC/FT and Kaiser Permanente Ventures.",
        "funding",
        {
            ("Quintet Health", "target", False),
            ("Oak HC", "investor", False),
            ("Kaiser Permanente", "investor", False),
        },
    ),
    (
        "xAI",
        "xAI raises $20B Series E",
        "The round drew Valor Equity Partners and Fidelity, with NVIDIA as a strategic investor.",
        "funding",
        {
            ("xAI", "target", False),
            ("Valor Equity Partners", "investor", False),
            ("Fidelity", "investor", False),
            ("Nvidia", "investor", False),
        },
    ),
    (
        "Halden Labs",
        "Halden Labs raises $9M seed to build agents for accountants",
        "Backed by Point Nine, with angels from Stripe and Ramp.",
        "funding",
        {("Halden Labs", "target", False), ("Point Nine", "investor", False)},
    ),
    (
        "Harvey",
        "Harvey raises $150M Series F",
        "Andreessen Horowitz led the round, with existing investors Sequoia, Kleiner Perkins "
        "and Coatue participating.",
        "funding",
        {
            ("Harvey", "target", False),
            ("Andreessen Horowitz", "investor", True),
            ("Sequoia", "investor", False),
            ("Kleiner Perkins", "investor", False),
            ("Coatue", "investor", False),
        },
    ),
    # a newsroom's round post lists its investors as the companies it is "partnering with"
    (
        "xAI",
        "xAI raises $6B Series C",
        "We are partnering with A16Z, Blackrock, Morgan Stanley and Vy Capital, amongst others.",
        "funding",
        {
            ("xAI", "target", False),
            ("Andreessen Horowitz", "investor", False),
            ("BlackRock", "investor", False),
            ("Morgan Stanley", "investor", False),
            ("Vy Capital", "investor", False),
        },
    ),
    (
        None,
        "Lovable raises $200M",
        "It is partnering with Stripe on payments.",
        "funding",
        {("Lovable", "target", False)},
    ),
    # a person the lead names among a round's investors is an angel, no party
    (
        "Tessary",
        "We raised a $12M seed to build the memory layer for agents",
        "The round was led by Gradient, with angels including Guillermo Rauch.",
        "funding",
        {("Tessary", "target", False), ("Gradient", "investor", True)},
    ),
    # a headline of several sentences names its investors after the first
    (
        None,
        "Deals: Venn Ledger, a New York-based AI accounting startup, raised $15 million in "
        "Series A funding. Lerer Hippeau led the round.",
        "",
        "funding",
        {("Venn Ledger", "target", False), ("Lerer Hippeau", "investor", True)},
    ),
    # a headline round without its target takes it from the lead
    (
        None,
        "This 24-year-old's AI startup just raised $100 million. Investors include Nvidia",
        "Cadenza Robotics' Series A was led by Founders Fund.",
        "funding",
        {
            ("Cadenza Robotics", "target", False),
            ("Founders Fund", "investor", True),
            ("Nvidia", "investor", False),
        },
    ),
]

# Names: a newsroom's opener alone names nobody, a newsletter's past tense trusts the name
# before it, a known name's next unknown word is its unit, a geography word alone is a place.
NAMES: list[Case] = [
    (
        "Anthropic",
        "Today we're announcing a partnership with Halvorsen Bank",
        "Halvorsen Bank will work with us on agents for trade finance under a multi-year "
        "agreement.",
        "partnership",
        {("Anthropic", "partner", False), ("Halvorsen Bank", "partner", False)},
    ),
    (
        None,
        "Startups: Fable raised $20M from Khosla to build AI tutors",
        "",
        "funding",
        {("Fable", "target", False), ("Khosla Ventures", "investor", False)},
    ),
    (None, "Higher raised limits for Claude users", "", None, set()),
    (
        None,
        "Orrin signs maintenance deal with Lufthansa Technik",
        "",
        "partnership",
        {("Orrin", "partner", False), ("Lufthansa", "partner", False)},
    ),
    (
        "Helix Harbor",
        "Helix Harbor and Eli Lilly sign AI drug discovery agreement",
        "",
        "partnership",
        {("Helix Harbor", "partner", False), ("Eli Lilly", "partner", False)},
    ),
]

# Partnering on research or evaluations is no deal, unless money comes with it.
RESEARCH: list[Case] = [
    (
        "Google",
        "Partnering with the Ellison Institute on cancer research",
        "A research collaboration to apply AlphaFold to tumour biology.",
        None,
        set(),
    ),
    (None, "Acme Robotics partners with Globex on research into batteries", "", None, set()),
    (
        "Anthropic",
        "Detailed cyber evaluations of Claude 4",
        "We partnered with Pattern Labs on a range of cybersecurity evaluations of Claude.",
        None,
        set(),
    ),
    (
        None,
        "Acme Robotics partners with Globex on battery chips",
        "",
        "partnership",
        {("Acme Robotics", "partner", False), ("Globex", "partner", False)},
    ),
]


@pytest.mark.parametrize("case", INVESTOR_LISTS, ids=lambda c: c[1][:40])
def test_investor_lists(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", NAMES, ids=lambda c: c[1][:40])
def test_names(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", RESEARCH, ids=lambda c: c[1][:40])
def test_research(case: Case) -> None:
    _check(case)
