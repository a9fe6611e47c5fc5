"""Classes of first-party wording read after firstparty16 (``bench/data/firstparty_dev16.jsonl``),
each with entries invented for the class (other companies, products and amounts than the set's
rows), read as the publisher's own feed."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import roles as _roles


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


# A country a company partners or signs with stands for its government, as a country joined
# to a company by "and" does; a place where something happens is none.
@pytest.mark.parametrize(
    "publisher, title, government",
    [
        ("Lindenfall", "Lindenfall partners with Japan to bring AI tutors to schools", "Japan"),
        ("Lindenfall", "Partnering with Estonia on AI in public services", "Estonia"),
        ("Lindenfall", "Our partnership with the UAE", "the United Arab Emirates"),
        (None, "Lindenfall signs MoU with the United Arab Emirates", "the United Arab Emirates"),
        (None, "Orrin Labs signs an agreement with Kenya on farm advisory agents", "Kenya"),
        (None, "Orrin Labs and the Dominican Republic sign AI pact", "the Dominican Republic"),
    ],
)
def test_a_country_partnered_with_is_its_government(
    publisher: str | None, title: str, government: str
) -> None:
    deal = classify(title, publisher=publisher)
    assert deal is not None and deal.type == "partnership"
    assert f"Government of {government}" in {p.name for p in deal.parties}


@pytest.mark.parametrize(
    "title",
    [
        "Lindenfall partners with Nvidia in Japan",
        "Lindenfall teams up with Toyota in Japan",
        "Lindenfall partners with Japan Airlines",
    ],
)
def test_a_country_where_it_happens_is_no_party(title: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert not any(p.name.startswith("Government of") for p in deal.parties)


def _investors(deal: object) -> dict[str, bool]:
    return {
        p.name: bool(p.lead)  # type: ignore[attr-defined]
        for p in deal.parties  # type: ignore[attr-defined]
        if p.role == "investor"
    }


# Who joined a lead in a post's body: "X led the round, with A and B", "… led the $9 million
# round alongside A", "The round also includes A and B".
@pytest.mark.parametrize(
    "publisher, title, summary, investors",
    [
        (
            "Orrin Labs",
            "Our seed round",
            "We raised $9 million. Amplify Partners led the $9 million round alongside "
            "Precursor Ventures and Hustle Fund.",
            {"Amplify Partners": True, "Precursor Ventures": False, "Hustle Fund": False},
        ),
        (
            "Mosswood AI",
            "Mosswood AI secures A$18 million",
            "Airtree led the round, with Skip Capital and Rampersand.",
            {"Airtree": True, "Skip Capital": False, "Rampersand": False},
        ),
        (
            "Calder Robotics",
            "Calder Robotics raises $40M Series B led by Eclipse",
            "The round also includes Lux Capital and Playground Global.",
            {"Eclipse": True, "Lux Capital": False, "Playground Global": False},
        ),
    ],
)
def test_investors_who_joined_the_lead(
    publisher: str, title: str, summary: str, investors: dict[str, bool]
) -> None:
    deal = classify(title, summary, publisher=publisher)
    assert deal is not None and deal.type == "funding"
    assert _investors(deal) == investors


def _money(deal: object) -> tuple[float, str] | None:
    amount = deal.amount  # type: ignore[attr-defined]
    return None if amount is None else (amount.value, amount.currency)


# A deal's amount told only in the body: "a partnership worth $N" (also under a headline only
# the deal-type model reads), "the transaction values X at $N" (not when only a part of X is
# sold), an offering's "shares … raising $N".
@pytest.mark.parametrize(
    "publisher, title, summary, money",
    [
        (
            "Anvil Silicon",
            "Anvil Silicon and Oracle announce Project Heron",
            "The first cluster of a multi-year partnership worth more than $700 million.",
            (700e6, "USD"),
        ),
        (
            "Orrin Labs",
            "Orrin Labs to acquire Tidewell in all-stock deal",
            "The transaction values Tidewell at approximately $2.4 billion.",
            (2.4e9, "USD"),
        ),
        (
            "Orrin Labs",
            "Orrin Labs agrees to sell majority of Fenwick unit to Harlow Partners",
            "The deal values the unit at $3 billion; Orrin will keep a 40% stake.",
            None,
        ),
        (
            "Halvard",
            "Halvard announces pricing of its initial public offering",
            "12,000,000 shares priced at $21.00 per share, raising $252 million.",
            (252e6, "USD"),
        ),
    ],
)
def test_amounts_told_in_the_body(
    publisher: str, title: str, summary: str, money: tuple[float, str] | None
) -> None:
    deal = classify(title, summary, publisher=publisher)
    assert deal is not None
    assert _money(deal) == money


# A lowercase brand named right after a deal verb, ending the clause, is a name ("has agreed
# to acquire kitefin"); a dictionary word there is none.
@pytest.mark.parametrize(
    "title, want",
    [
        ("Orrin Labs has agreed to acquire tessaly", ("acquisition", "tessaly")),
        ("Orrin Labs acquires brightcove for $30 million", ("acquisition", "brightcove")),
        ("Orrin Labs partners with quillpad", ("partnership", "quillpad")),
        ("Orrin Labs invests in modalix", ("investment", "modalix")),
        ("Orrin Labs acquires customers", None),
        ("Orrin Labs acquires databases", None),
    ],
)
def test_a_lowercase_brand_after_a_deal_verb(title: str, want: tuple[str, str] | None) -> None:
    deal = classify(title)
    if want is None:
        assert deal is None
        return
    assert deal is not None and deal.type == want[0]
    assert want[1] in {p.name for p in deal.parties}


# A unit no name says, sold to the name after it: that name is the buyer, not what is sold.
@pytest.mark.parametrize(
    "title, seller, buyer",
    [
        (
            "Mosswood AI completes sale of its legacy speech unit to Harlow Partners",
            "Mosswood AI",
            "Harlow Partners",
        ),
        (
            "Orrin Labs announces sale of consulting business to Tallis Group",
            "Orrin Labs",
            "Tallis",
        ),
    ],
)
def test_a_unit_sold_to_a_buyer(title: str, seller: str, buyer: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition"
    roles = {p.role: p.name for p in deal.parties}
    assert roles.get("seller") == seller
    assert roles.get("acquirer", "").startswith(buyer)
    assert "target" not in roles


# What is licensed "from" a company names the licensor.
@pytest.mark.parametrize(
    "title, licensee, licensor",
    [
        ("Orrin Labs licenses news archive from the Tidewater Gazette", "Orrin Labs", "Tidewater"),
        (
            "Orrin Labs licenses speech models from Kestrel Voice for its agents",
            "Orrin Labs",
            "Kestrel",
        ),
        ("Mosswood AI licenses 3D scans from Getty Images", "Mosswood AI", "Getty"),
    ],
)
def test_licensed_from_names_the_licensor(title: str, licensee: str, licensor: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "licensing"
    roles = {p.role: p.name for p in deal.parties}
    assert roles.get("licensee") == licensee
    assert roles.get("licensor", "").startswith(licensor)


# A newsroom's answer to reports about itself is a denial: the rumoured deal it reads is
# denied, and "we are not for sale" under reports of talks denies its acquisition.
@pytest.mark.parametrize(
    "publisher, title, summary, want",
    [
        (
            "Orrin Labs",
            "On recent press reports",
            "Reports that Orrin Labs is in talks to be acquired by Halvard are not true.",
            ("acquisition", "denied"),
        ),
        (
            "Orrin Labs",
            "A note on the rumours",
            "We have seen the speculation. We are not for sale and not in talks with any buyer.",
            ("acquisition", "denied"),
        ),
        (
            "Orrin Labs",
            "About those funding reports",
            "Reports that we are raising at a $9 billion valuation are inaccurate.",
            ("funding", "denied"),
        ),
        (
            "Orrin Labs",
            "Orrin Labs is in talks to raise $80M, reports say",
            "",
            ("funding", "rumoured"),
        ),
        ("Orrin Labs", "Our Q3 report", "We grew 40%. Our customers are not for sale.", None),
    ],
)
def test_a_newsroom_answering_reports_denies(
    publisher: str, title: str, summary: str, want: tuple[str, str] | None
) -> None:
    deal = classify(title, summary, publisher=publisher)
    assert (None if deal is None else (deal.type, deal.status)) == want


# Classes from invented probes (no bench row moves): a newsroom's deal noun "with X" whose
# every party follows "with" has the publisher as its other side.
@pytest.mark.parametrize(
    "title, want",
    [
        (
            "Project Larch: a $40 billion data centre joint venture with Brookfield and Oracle",
            ("joint-venture", {"Orrin Labs", "Brookfield", "Oracle"}),
        ),
        ("Content partnership with Le Monde and Axel Springer", ("licensing", None)),
        ("Strategic partnership with Reddit", ("partnership", {"Orrin Labs", "Reddit"})),
        ("Nvidia signs partnership with Reddit", ("partnership", {"Nvidia", "Reddit"})),
    ],
)
def test_a_deal_with_others_has_the_publisher_as_its_other_side(
    title: str, want: tuple[str, set[str] | None]
) -> None:
    deal = classify(title, publisher="Orrin Labs")
    assert deal is not None and deal.type == want[0]
    names = {p.name for p in deal.parties}
    if want[1] is not None:
        assert {n.split()[0] for n in names} == {n.split()[0] for n in want[1]}
    else:
        assert ("Orrin Labs", "licensee") in _roles(deal)


# Either side of a colon (or a dash) may tell a company joining another.
@pytest.mark.parametrize(
    "title, acquirer, target",
    [
        ("A new chapter: Orrin Labs joins Halvard", "Halvard", "Orrin Labs"),
        ("Orrin Labs is joining Halvard — what it means for customers", "Halvard", "Orrin Labs"),
        ("Welcome to the team: Ferrule joins Orrin", "Orrin Labs", "Ferrule"),
    ],
)
def test_a_company_joining_on_either_side_of_a_colon(
    title: str, acquirer: str, target: str
) -> None:
    deal = classify(title, publisher="Orrin Labs")
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {(acquirer, "acquirer"), (target, "target")}


@pytest.mark.parametrize(
    "title, summary",
    [
        (
            "Mayo Clinic and Orrin Labs: a genomic foundation model",
            "The model was trained on Mayo Clinic's exome data using our clusters.",
        ),
        (
            "Building a Korean LLM with Upstage: a case study",
            "How Upstage trained its model using our endpoints.",
        ),
    ],
)
def test_the_other_side_of_a_colon_tells_no_pair(title: str, summary: str) -> None:
    assert classify(title, summary, publisher="Orrin Labs") is None


# More gerunds open a newsroom's partnership headline ("Scaling our compute with Oracle"),
# with a known organisation after "with".
@pytest.mark.parametrize(
    "title, partner",
    [
        ("Scaling our compute with Oracle", "Oracle"),
        ("Transforming customer service with Deutsche Telekom", "Deutsche Telekom"),
        ("Delivering faster answers with Cerebras", "Cerebras"),
    ],
)
def test_more_gerunds_open_a_partnership(title: str, partner: str) -> None:
    deal = classify(title, publisher="Orrin Labs")
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == {("Orrin Labs", "partner"), (partner, "partner")}


@pytest.mark.parametrize(
    "title", ["Scaling inference with Ray and vLLM", "Securing agents with 1Password"]
)
def test_a_gerund_with_a_tool_is_no_partnership(title: str) -> None:
    assert classify(title, publisher="Orrin Labs") is None


# "has agreed to be acquired by", "agreed to be acquired by": the buyer is named, as after
# "agrees to be acquired by" (here from a post's body under a title that names no deal).
@pytest.mark.parametrize(
    "title, summary",
    [
        ("Tessaly has agreed to be acquired by Orrin Labs", ""),
        ("Tessaly agreed to be acquired by Orrin Labs for $90 million", ""),
        (
            "Better together",
            "We're thrilled to share that Tessaly has agreed to be acquired by Orrin Labs.",
        ),
    ],
)
def test_agreed_to_be_acquired_by_names_the_buyer(title: str, summary: str) -> None:
    deal = classify(title, summary, publisher="Orrin Labs")
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Orrin Labs", "acquirer"), ("Tessaly", "target")}


# A pair that "are partnering / are teaming up / will be collaborating to" is a partnership
# (here a post's body under a title that names no deal); people who collaborate are none.
@pytest.mark.parametrize(
    "title, summary, want",
    [
        (
            "Hello, Osaka",
            "Orrin Labs and Rakuten are partnering to bring Orrin to Japanese shops.",
            {"Orrin Labs", "Rakuten"},
        ),
        (
            "Orrin Labs and Telstra are teaming up on agents for banks",
            "",
            {"Orrin Labs", "Telstra"},
        ),
        (
            "Orrin Labs and Siemens will be collaborating to build factory agents",
            "",
            {"Orrin Labs", "Siemens"},
        ),
        ("Stanford and MIT researchers are collaborating on robot learning", "", None),
    ],
)
def test_a_pair_that_are_partnering(title: str, summary: str, want: set[str] | None) -> None:
    deal = classify(title, summary, publisher="Orrin Labs")
    if want is None:
        assert deal is None
        return
    assert deal is not None and deal.type == "partnership"
    assert {p.name for p in deal.parties} == want


# From invented probes: a newsroom's "a new deal with X", "our expanded agreement with X" is a
# partnership; another's "new deal" looked back on in an analysis is none.
@pytest.mark.parametrize(
    "title, summary, partner",
    [
        ("Higher rate limits and a new deal with Nebius", "", "Nebius"),
        ("A new agreement with Oracle", "", "Oracle"),
        ("Our extended agreement with the US Department of Energy", "", "US Department of Energy"),
        (
            "What the restructuring means",
            "Microsoft's new deal with OpenAI gives it a roughly 27% stake.",
            None,
        ),
    ],
)
def test_a_new_deal_with(title: str, summary: str, partner: str | None) -> None:
    deal = classify(title, summary, publisher="Orrin Labs")
    if partner is None:
        assert deal is None
        return
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == {("Orrin Labs", "partner"), (partner, "partner")}


# Money spent on a thing, built with a company named after "with", is a partnership with it
# ("investing $50 billion in American AI infrastructure with Fluidstack"); money put in a
# company with a co-investor stays an investment in that company.
@pytest.mark.parametrize(
    "title, want",
    [
        (
            "Orrin Labs is investing $20 billion in European AI infrastructure with Nscale",
            ("partnership", {("Orrin Labs", "partner"), ("Nscale", "partner")}),
        ),
        (
            "Orrin Labs And Siemens To Invest In Germany's AI Factories With Deutsche Telekom",
            (
                "partnership",
                {
                    ("Orrin Labs", "partner"),
                    ("Siemens", "partner"),
                    ("Deutsche Telekom", "partner"),
                },
            ),
        ),
        (
            "Orrin Labs invests $20M in Halvard with Accel",
            ("investment", {("Orrin Labs", "investor"), ("Halvard", "target")}),
        ),
    ],
)
def test_money_spent_with_a_partner(title: str, want: tuple[str, set[tuple[str, str]]]) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == want[0]
    assert _roles(deal) == want[1]


# From invented probes: "X alongside Y" after a deal verb names X as the target ("alongside"
# is no descriptor of Y, as "maker" in "Ray-Ban maker EssilorLuxottica" is).
@pytest.mark.parametrize(
    "title, target",
    [
        ("Nvidia invests in Mistral AI alongside Microsoft", "Mistral AI"),
        ("Orrin Labs invests in Tessaly alongside Accel", "Tessaly"),
    ],
)
def test_the_target_before_alongside(title: str, target: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert {p.name for p in deal.parties if p.role == "target"} == {target}


# A language named before "language" is no party.
@pytest.mark.parametrize(
    "title, want",
    [
        (
            "Orrin Labs and the Government of Kerala sign MoU for Malayalam language models",
            {"Orrin Labs", "Government of Kerala"},
        ),
        ("Orrin Labs partners with Yoruba-language startup Ede", {"Orrin Labs", "Ede"}),
    ],
)
def test_a_language_is_no_party(title: str, want: set[str]) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "partnership"
    assert {p.name for p in deal.parties} == want


# A newsroom's partnership headline whose own summary calls it a research collaboration is
# no deal (as "X and Y announce research partnership" is none); with a licence or money
# named, it stays one.
@pytest.mark.parametrize(
    "title, summary, is_deal",
    [
        (
            "Partnering with the Halden Institute on flood forecasting",
            "Our flood models are shared with river agencies under a research collaboration.",
            False,
        ),
        (
            "Orrin Labs and Roche partner on protein models",
            "A research collaboration with milestone payments of up to $300 million.",
            True,
        ),
        (
            "Orrin Labs and Roche partner on protein models",
            "The companies will co-develop drug discovery agents.",
            True,
        ),
    ],
)
def test_a_research_collaboration_told_in_the_summary(
    title: str, summary: str, is_deal: bool
) -> None:
    deal = classify(title, summary, publisher="Orrin Labs")
    assert (deal is not None) == is_deal


# "led by Mistral's backers", "from Halvard's investors": whose backers they are is no backer.
@pytest.mark.parametrize(
    "title, investors",
    [
        ("Orrin Labs raises $40M from Halvard's investors", {}),
        ("Orrin Labs secures €60M from a group led by Mistral's backers", {}),
        ("Orrin Labs raises $40M from Accel and Nvidia", {"Accel": False, "Nvidia": False}),
    ],
)
def test_whose_backers_is_no_backer(title: str, investors: dict[str, bool]) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "funding"
    assert _investors(deal) == investors


# From invented probes: "announces closing of its initial public offering" is a completed IPO.
@pytest.mark.parametrize(
    "title, status",
    [
        ("Tessaly Announces Closing of Initial Public Offering", "completed"),
        ("Tessaly closes its IPO", "completed"),
        ("Tessaly Announces Pricing of Initial Public Offering", "announced"),
    ],
)
def test_the_closing_of_an_ipo(title: str, status: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "ipo"
    assert deal.status == status


# "Upsized", "Oversubscribed" describe an offering or a round, never name its company.
@pytest.mark.parametrize(
    "title, name",
    [
        ("Tessaly Announces Pricing of Upsized Initial Public Offering", "Tessaly"),
        ("Tessaly Closes Oversubscribed $25M Seed Round", "Tessaly"),
    ],
)
def test_upsized_is_no_name(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert {p.name for p in deal.parties} == {name}


# From invented probes: a newsroom "Welcoming X as an investor" is its round with X investing.
@pytest.mark.parametrize(
    "title, investors",
    [
        ("Welcoming Siemens as an investor", {"Siemens": False}),
        ("Welcoming Samsung and LG as strategic investors", {"Samsung": False, "LG": False}),
    ],
)
def test_welcoming_an_investor(title: str, investors: dict[str, bool]) -> None:
    deal = classify(title, publisher="Orrin Labs")
    assert deal is not None and deal.type == "funding"
    assert ("Orrin Labs", "target") in _roles(deal)
    assert _investors(deal) == investors


# From invented probes: a partner programme's tier, badge or competency is a membership, no
# deal (and "Premier" no partner).
@pytest.mark.parametrize(
    "title",
    [
        "Orrin Labs achieves Premier Partner status with Google Cloud",
        "Orrin Labs earns AWS Advanced Tier Partner designation",
        "Orrin Labs receives Microsoft AI Partner specialization",
    ],
)
def test_a_partner_tier_is_no_deal(title: str) -> None:
    assert classify(title, publisher="Orrin Labs") is None


def test_a_partnership_beside_no_tier_stays_one() -> None:
    deal = classify("Orrin Labs partners with Google Cloud", publisher="Orrin Labs")
    assert deal is not None and deal.type == "partnership"


# From invented probes: a contract awarded by a customer is a partnership with it, as a
# contract won is; an award that is a prize is none.
@pytest.mark.parametrize(
    "title, partner",
    [
        ("Orrin Labs awarded $50M contract by NASA", "NASA"),
        ("Orrin Labs awarded $9.5M DARPA contract to build verified code agents", "DARPA"),
        ("Orrin Labs is awarded a contract by the US Air Force", "US Air Force"),
        ("Orrin Labs awarded best AI startup prize", None),
    ],
)
def test_a_contract_awarded(title: str, partner: str | None) -> None:
    deal = classify(title, publisher="Orrin Labs")
    if partner is None:
        assert deal is None
        return
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == {("Orrin Labs", "partner"), (partner, "partner")}
