"""Classes of wording read after varied13 (``bench/data/varied_dev13.jsonl``), each with entries
invented for the class (other names, verbs and amounts than the set's rows)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import roles as _roles

# Shares changing hands without new money for the company: a secondary sale, a tender offer
# to staff, a stake's worth now. No deal.
NO_NEW_MONEY = [
    "Brightloom hits $9bn valuation in secondary share sale",
    "Tessaline valued at $40 billion as employees sell stock to SoftBank",
    "Quorvane's tender offer lets staff cash out $300M",
    "Halvio's valuation jumps to $12 billion in latest tender offer",
    "Mirelle Labs staff sell $2B in shares to Thrive in tender",
    "Employees of Paxwell cash out $500 million",
    "Amazon's $4 billion Anthropic stake now worth $60 billion",
    "Palomar Robotics valued at $3B after insider share sale",
]


@pytest.mark.parametrize("title", NO_NEW_MONEY)
def test_secondary_sales_and_tenders_are_no_deal(title: str) -> None:
    assert classify(title) is None


@pytest.mark.parametrize(
    "title, acquirer, target",
    [
        ("Oracle launches $2 billion tender offer for Quillmere", "Oracle", "Quillmere"),
        ("Vantor makes tender offer for Brisa Systems", "Vantor", "Brisa Systems"),
    ],
)
def test_a_takeover_tender_offer_stays_an_acquisition(
    title: str, acquirer: str, target: str
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition"
    assert {(acquirer, "acquirer"), (target, "target")} <= _roles(deal)


def test_a_round_told_with_a_secondary_stays_a_round() -> None:
    deal = classify("Quillmere raises $80M Series B as employees sell shares in tender")
    assert deal is not None and deal.type == "funding"


# People hired, an idiom, what is yours, a maker's goods: no company bought.
NOT_BOUGHT = [
    ("Google snaps up two more Anthropic researchers for Gemini team", ""),
    ("xAI scoops up top Tesla engineers", ""),
    ("Apple picks up several former Meta executives for its AI push", ""),
    ("Sony's new headset picks up where PlayStation VR left off", ""),
    ("Netflix wants to buy your evenings with interactive AI shows", ""),
    ("Why Microsoft wants to acquire your attention", ""),
]


@pytest.mark.parametrize("title, summary", NOT_BOUGHT)
def test_people_idioms_and_yours_are_not_bought(title: str, summary: str) -> None:
    deal = classify(title, summary)
    assert deal is None or deal.type != "acquisition"


@pytest.mark.parametrize(
    "title, summary",
    [
        (
            "Intel inks chip supply pact with Borealis AI worth $3 billion",
            "Borealis AI will buy Intel Gaudi accelerators worth $3 billion over three years.",
        ),
        (
            "Samsung signs memory supply deal with Vexa Labs",
            "Vexa Labs buys Samsung HBM chips for its clusters under the agreement.",
        ),
    ],
)
def test_a_makers_goods_bought_keep_the_supply_deal(title: str, summary: str) -> None:
    deal = classify(title, summary)
    assert deal is not None and deal.type == "partnership"


def test_a_company_named_like_goods_is_still_bought() -> None:
    deal = classify("Pivotal buys Acme Cloud Systems")
    assert deal is not None and deal.type == "acquisition"
    assert ("Acme Cloud Systems", "target") in _roles(deal)


# A pair in a tie-up, an alliance or a pact told by its noun; a relationship extended.
@pytest.mark.parametrize(
    "title, a, b",
    [
        ("Panasonic and Sorael in AI tie-up for factory robots", "Panasonic", "Sorael"),
        ("Hyundai and Lumina Vox in multi-year alliance on cabin voice", "Hyundai", "Lumina Vox"),
        ("Orange and Mistral AI in pact to host models in France", "Orange", "Mistral AI"),
        ("Siemens extends its relationship with Nvidia on industrial AI", "Siemens", "Nvidia"),
        (
            "Accenture renews its long-standing relationship with Anthropic",
            "Accenture",
            "Anthropic",
        ),
        ("Box broadens ties with Google Cloud", "Box", "Google Cloud"),
    ],
)
def test_pairs_in_a_pact_and_relationships_extended(title: str, a: str, b: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "partnership"
    assert {a, b} <= {p.name for p in deal.parties}


def test_a_pair_in_pact_talks_is_no_signed_partnership() -> None:
    deal = classify("Orange and Mistral AI in partnership talks")
    assert deal is None or deal.rule != "partner-plural"


# A round named first by a British "boost" or an "injection".
@pytest.mark.parametrize(
    "title, target, value, currency",
    [
        ("£12m boost for Leeds insurtech Harrowgate", "Harrowgate", 12e6, "GBP"),
        ("$45M injection for robot startup Ferrule", "Ferrule", 45e6, "USD"),
        ("€8m cash injection for Lyon's Parcelo", "Parcelo", 8e6, "EUR"),
    ],
)
def test_a_boost_or_injection_for_a_company_is_its_round(
    title: str, target: str, value: float, currency: str
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "funding"
    assert (target, "target") in _roles(deal)
    assert deal.amount is not None and deal.amount.value == value
    assert deal.amount.currency == currency


def test_a_boost_for_a_place_is_no_round() -> None:
    assert classify("£2bn boost for UK economy from new data centres") is None


# Court outcomes of a merger case, a regulator investigating (Spanish): no deal.
@pytest.mark.parametrize(
    "title",
    [
        "Hanwha chairman cleared in merger case",
        "Former Lotte executive found guilty in takeover scandal",
        "La CNMC investiga la compra de Lumbre por Telefónica",
    ],
)
def test_court_outcomes_and_probes_are_no_deal(title: str) -> None:
    assert classify(title) is None


# "X is paying $N for Y": a gazetteer buyer is kept without the M&A model.
@pytest.mark.parametrize(
    "title, summary, acquirer, target",
    [
        (
            "The quiet race for AI accountants",
            "Firms are hiring. Clients want fixed fees. Intuit is paying $480 million for "
            "Ledgerline, according to a filing.",
            "Intuit",
            "Ledgerline",
        ),
        ("Salesforce pays $1.3 billion for Quorvane", "", "Salesforce", "Quorvane"),
    ],
)
def test_a_known_buyer_paying_for_a_company(
    title: str, summary: str, acquirer: str, target: str
) -> None:
    deal = classify(title, summary)
    assert deal is not None and deal.type == "acquisition"
    assert {(acquirer, "acquirer"), (target, "target")} <= _roles(deal)


# A round the body tells: its investors in the sentences that follow, not another round's.
def test_a_body_round_takes_its_investors_from_the_next_sentence() -> None:
    deal = classify(
        "Startup deals: Pellucid",
        "Pellucid, a Denver AI logistics startup, raised $19 million in Series A funding. "
        "Greylock led, joined by Bessemer.",
    )
    assert deal is not None and deal.type == "funding"
    names = {p.name for p in deal.parties if p.role == "investor"}
    assert {"Greylock", "Bessemer Venture Partners"} <= names or {"Greylock", "Bessemer"} <= names


def test_a_body_round_does_not_take_the_next_rounds_investors() -> None:
    deal = classify(
        "Startup deals this morning",
        "Pellucid raised $19 million in Series A funding. Ferrule raised $5 million led by Accel.",
    )
    assert deal is not None and ("Pellucid", "target") in _roles(deal)
    assert "Accel" not in {p.name for p in deal.parties}


# A question headline whose lead reports the talks it asks about is that rumoured deal; a
# question the lead does not answer with talks stays no deal.
@pytest.mark.parametrize(
    "title, summary, acquirer, target",
    [
        (
            "Is Corvane about to buy Lumetra?",
            "Corvane is in advanced talks to acquire Lumetra, three people familiar said.",
            "Corvane",
            "Lumetra",
        ),
        (
            "Could Oracle swallow Pellucid?",
            "Oracle has approached Pellucid about a takeover, according to people briefed.",
            "Oracle",
            "Pellucid",
        ),
        (
            "Will Meta make a play for Brisa Labs?",
            "Meta executives have discussed a bid for Brisa Labs, sources said.",
            "Meta",
            "Brisa Labs",
        ),
    ],
)
def test_a_question_answered_by_talks_is_a_rumour(
    title: str, summary: str, acquirer: str, target: str
) -> None:
    deal = classify(title, summary)
    assert deal is not None and deal.type == "acquisition" and deal.status == "rumoured"
    assert {(acquirer, "acquirer"), (target, "target")} <= _roles(deal)


@pytest.mark.parametrize(
    "title, summary",
    [
        ("Should Google buy Pellucid?", "Analysts argue a deal would fill a gap in its cloud."),
        ("Will anyone buy the struggling AI pin makers?", "Sales have collapsed this year."),
        ("Is it time to buy Broadcom stock?", "Analysts weigh in after the selloff."),
        ("Could Corvane acquire Lumetra after its earnings?", "Corvane is in talks to acquire it."),
    ],
)
def test_a_question_without_talks_stays_no_deal(title: str, summary: str) -> None:
    assert classify(title, summary) is None


# A bid "from" a named bidder: the bidder is the acquirer; a bid received is no raise.
@pytest.mark.parametrize(
    "title, target, acquirer",
    [
        ("Investors in Halvio reject $3 billion offer from Northgate", "Halvio", "Northgate"),
        ("Ferrule receives $400 million takeover approach from Vexa", "Ferrule", "Vexa"),
        ("Quillmere weighs buyout proposal from Apollo", "Quillmere", "Apollo"),
    ],
)
def test_a_bid_from_a_named_bidder(title: str, target: str, acquirer: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition"
    assert {(target, "target"), (acquirer, "acquirer")} <= _roles(deal)


# People of two companies teaming up, a programme backed, an explainer, a firm's own fund.
@pytest.mark.parametrize(
    "title",
    [
        "Stripe and Shopify founders team up to back a climate pledge",
        "Google and Meta engineers partner on open-source tooling",
        "Anthropic backs startup accelerator in Nairobi",
        "Microsoft backs AI skills programme for teachers",
        "Lightspeed raises $7 billion growth fund",
    ],
)
def test_people_programmes_explainers_and_own_funds_are_no_deal(title: str) -> None:
    assert classify(title) is None


def test_m_and_a_is_no_party() -> None:
    deal = classify(
        "Markets close higher",
        "In M&A, Workday agreed to acquire Tessaline for about $300 million.",
    )
    assert deal is not None and "M&A" not in {p.name for p in deal.parties}


# A headline that opens with the money and the company it goes to is that company's round; not
# a price, a fine, a sector or a company's team.
@pytest.mark.parametrize(
    "title, target, value, currency",
    [
        ("$350M for Halvio, the warehouse-robot maker", "Halvio", 350e6, "USD"),
        ("$2.5bn for Corvane as investors chase inference chips", "Corvane", 2.5e9, "USD"),
        ("€45m for Munich-based Lernwerk", "Lernwerk", 45e6, "EUR"),
        ("Rs 150 crore for Drishyam from Accel India", "Drishyam", 150e7, "INR"),
    ],
)
def test_money_first_headlines_are_rounds(
    title: str, target: str, value: float, currency: str
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "funding"
    assert (target, "target") in _roles(deal)
    assert deal.amount is not None and deal.amount.value == value
    assert deal.amount.currency == currency


@pytest.mark.parametrize(
    "title",
    [
        "$250 for an AI pendant? Pass",
        "$50 billion for AI data centers: the spending spree continues",
        "$3 million fine for Halvio over data leak",
        "$100 million for Google's Gemini team: what the bonus pool buys",
    ],
)
def test_money_first_headlines_that_are_no_round(title: str) -> None:
    assert classify(title) is None


# Other wordings of the same deals: backing won, a bet led, a buyer's offer accepted, a
# British swoop.
@pytest.mark.parametrize(
    "title, kind, roles",
    [
        ("Pellucid wins backing from Index Ventures", "funding", {("Pellucid", "target")}),
        (
            "Khosla leads $35M bet on Ferrule",
            "funding",
            {("Ferrule", "target"), ("Khosla Ventures", "investor")},
        ),
        (
            "Lumetra accepts £450m Siemens offer",
            "acquisition",
            {("Lumetra", "target"), ("Siemens", "acquirer")},
        ),
        (
            "Halvio agrees to sweetened Vexa takeover",
            "acquisition",
            {("Halvio", "target"), ("Vexa", "acquirer")},
        ),
        ("Vexa swoops for Corvane", "acquisition", {("Vexa", "acquirer"), ("Corvane", "target")}),
    ],
)
def test_other_wordings_of_rounds_and_takeovers(
    title: str, kind: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == kind
    assert roles <= _roles(deal)


# A maker's capacity reserved, an award picked up, a retrospective: no deal.
@pytest.mark.parametrize(
    "title",
    [
        "Amazon snaps up more Samsung capacity for its Trainium chips",
        "Halvio picks up award for best robotics startup",
        "Ferrule picks up two industry prizes",
        "Oracle's $9B Cerner acquisition, three years on",
        "Corvane's Series C, a year later: what the money bought",
    ],
)
def test_capacity_awards_and_retrospectives_are_no_deal(title: str) -> None:
    assert classify(title) is None


def test_a_compound_adjective_is_no_part_of_the_name() -> None:
    deal = classify("Lyon-Based Parcelo Raises €12M Seed Round")
    assert deal is not None and ("Parcelo", "target") in _roles(deal)


# Regional wordings: an investor roped in (Indian press), a deal bagged (Indian IT), a sale
# agreed without "to" (British press), a German round named after a verb that only says "gets".
@pytest.mark.parametrize(
    "title, kind, roles",
    [
        (
            "Kaveri Robotics ropes in Accel for ₹120 crore round",
            "funding",
            {("Kaveri Robotics", "target"), ("Accel", "investor")},
        ),
        (
            "Infosys bags $600 million deal from Lloyds",
            "partnership",
            {("Infosys", "partner"), ("Lloyds", "partner")},
        ),
        (
            "HCLTech nabs multi-year contract from Rolls-Royce",
            "partnership",
            {("HCLTech", "partner"), ("Rolls-Royce", "partner")},
        ),
        (
            "Leeds AI firm Dalesway agrees £90m sale to Sage",
            "acquisition",
            {("Dalesway", "target"), ("Sage", "acquirer")},
        ),
        (
            "Feldwerk erhält 12 Millionen Euro in einer Series-A-Runde",
            "funding",
            {("Feldwerk", "target")},
        ),
    ],
)
def test_regional_wordings(title: str, kind: str, roles: set[tuple[str, str]]) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == kind
    assert roles <= _roles(deal)


@pytest.mark.parametrize(
    "title",
    [
        "Flipkart ropes in former Google executive as chief technology officer",
        "Shoppers bag a Cyber Monday deal on laptops",
    ],
)
def test_regional_wordings_that_are_no_deal(title: str) -> None:
    assert classify(title) is None


# A company that sells a share of itself short of control takes an investment from the buyer.
@pytest.mark.parametrize(
    "title, target, investor",
    [
        ("Nokia sells 8% stake to Nvidia", "Nokia", "Nvidia"),
        ("Lenovo to sell minority stake to Temasek for $2 billion", "Lenovo", "Temasek"),
    ],
)
def test_a_company_selling_a_share_of_itself(title: str, target: str, investor: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "investment"
    assert {(target, "target"), (investor, "investor")} <= _roles(deal)


def test_control_sold_is_no_minority_investment() -> None:
    deal = classify("Intel to sell 60% stake to Apollo")
    assert deal is None or deal.type != "investment"


def test_a_titled_award_picked_up_is_no_purchase() -> None:
    assert classify("Ferrule picks up Best New Robot award at CES") is None


# A bid a company weighs making: it is the bidder, the company after "for" the target; an
# offer weighed for its own unit is one it received.
@pytest.mark.parametrize(
    "title, acquirer, target",
    [
        ("Cisco weighs bid for security startup Halvio", "Cisco", "Halvio"),
        ("Vexa mulls $2 billion offer for Lumetra", "Vexa", "Lumetra"),
        ("Oracle prepares takeover bid for Pellucid", "Oracle", "Pellucid"),
    ],
)
def test_a_bid_weighed_names_its_bidder(title: str, acquirer: str, target: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition" and deal.status != "completed"
    assert {(acquirer, "acquirer"), (target, "target")} <= _roles(deal)


def test_an_offer_weighed_for_its_own_unit_was_received() -> None:
    deal = classify("Quillmere considers offer for its robotics unit")
    assert deal is not None and ("Quillmere", "acquirer") not in _roles(deal)


# A newsletter's connector opens no name; a past raise in a relative clause is no round, nor
# the amount of the deal the sentence tells.
def test_a_connector_opens_no_name() -> None:
    deal = classify(
        "Chips this week",
        "Nvidia showed a new rack. AMD answered. Separately Halvio agreed to buy Lumetra, a "
        "maker of optical links, for $250 million.",
    )
    assert deal is not None and ("Halvio", "acquirer") in _roles(deal)


def test_a_past_raise_in_a_relative_clause() -> None:
    assert (
        classify(
            "Humanoids everywhere",
            "Robots walked the floor. Investors cheered. Ferrule, which raised $600 million "
            "last year, showed a new hand.",
        )
        is None
    )
    deal = classify("Pellucid, which raised $45M last month, acquires Brisa Labs")
    assert deal is not None and deal.type == "acquisition" and deal.amount is None


# A headline's list of partners without "and" names every partner; a comma before a speaker
# ends the list.
def test_a_partner_list_without_and() -> None:
    deal = classify("KT forms AI alliance with Cohere, Mistral AI")
    assert deal is not None and deal.type == "partnership"
    assert {"KT", "Cohere", "Mistral AI"} <= {p.name for p in deal.parties}
    deal = classify("Halvio partners with Pellucid, CEO says")
    assert deal is not None and {p.name for p in deal.parties} == {"Halvio", "Pellucid"}


def test_a_network_generation_is_no_party() -> None:
    assert classify("Bharti Airtel pours Rs 8,000 crore into 5G network rollout") is None
    deal = classify("Ericsson wins 5G deal from Telstra")
    assert deal is not None and {p.name for p in deal.parties} == {"Ericsson", "Telstra"}


# A round told by its backing: "X backed with $N", "Investors back X with $N", "VCs pour $N
# into X"; an amount added "to its Series A" is the round's.
@pytest.mark.parametrize(
    "title, target, value",
    [
        ("Lumetra backed with $18 million from General Catalyst", "Lumetra", 18e6),
        ("Investors back Brisa Labs with $25 million", "Brisa Labs", 25e6),
        ("VCs pour $60M into Corvane", "Corvane", 60e6),
        ("Halvio adds $12M to its Series A", "Halvio", 12e6),
    ],
)
def test_rounds_told_by_their_backing(title: str, target: str, value: float) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "funding"
    assert (target, "target") in _roles(deal)
    assert deal.amount is not None and deal.amount.value == value


@pytest.mark.parametrize(
    "title", ["Investors pour billions into AI", "Investors back Nvidia after earnings"]
)
def test_investors_in_general_make_no_round(title: str) -> None:
    assert classify(title) is None
