"""Classes of wording read after varied17 (``bench/data/varied_dev17.jsonl``: newsletters,
digests, tech and financial press), each with entries invented for the class (other names,
verbs and amounts than the set's rows)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify


def _names(deal: object) -> set[str]:
    return {p.name for p in deal.parties}  # type: ignore[attr-defined]


# Analysis of a deal told before is no deal: what it tells, what it means for someone, why it
# still matters; a deal asked about "again?"; a look back after an ellipsis or a dash.
@pytest.mark.parametrize(
    "title",
    [
        "What the Halden-Quay deal tells us about edge chips",
        "What Corbel's $900 million Fenn deal means for cloud buyers",
        "Why the Brisa-Lomond pact still matters",
        "What Tarnwell's purchase of Ostler reveals about the data market",
        "Halden to buy Quay... again? 🤔",
        "Kestrow's takeover of Amble... two years on",
        "Hot take: the Lomond licensing deal was the steal of the year",
        "Kestrow to acquire Amble... one year on, what changed?",
        "Tarnwell and Quay: one year on the factory floor",
        "Brisa's Orsk deal: six months later",
        "Orsk's $40M Series B, two years later: what happened",
        "Analyst on why the Brisa-Lomond pact is circular",
        "The Halden-Quay Deal and the Edge-Chip Question",
        "Why the Tarn-Ostler deal fell apart",
        "The real reason Brisa bought Orsk",
        "Was the Brisa-Orsk merger a mistake?",
        "Everything you need to know about Brisa's Orsk acquisition",
        "Brisa's $2bn Orsk deal, in charts",
    ],
)
def test_analysis_of_a_deal_is_no_deal(title: str) -> None:
    assert classify(title) is None


# The deal itself, and a question that is not about a deal told before, stay deals.
@pytest.mark.parametrize(
    "title, kind",
    [
        ("Halden to acquire Quay for $400 million", "acquisition"),
        ("Why Brisa raised $40M from Accel", "funding"),
        ("Lomond and Brisa sign licensing deal for speech models", "licensing"),
        ("Halden and Quay sign deal to tackle the memory problem", "partnership"),
        ("Brisa to buy Orsk: a year in the making", "acquisition"),
        ("Orsk was acquired by Brisa for $2bn", "acquisition"),
    ],
)
def test_the_deal_itself_stays(title: str, kind: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert deal.type == kind


# Shares bought on the market (not from the company), a fund adding to its position and an
# activist's stake are no deal.
@pytest.mark.parametrize(
    "title",
    [
        "Fenrow Fund buys $600 million of Lyle shares in the market",
        "Gannet adds $90 million of Orsk stock through open-market purchases",
        "Hollis Capital snaps up $45m of Brae stock in a block trade",
        "Talbot bought another $25M of Quorn today",
        "Tamsin Capital buys 3 million Lyle shares",
        "Orvel Fund bought 250,000 more Brae shares",
        "Corran takes $1.5 billion stake in Pell, pushes for changes",
        "Corran Takes $1.5 Billion Stake in Pell, Calls for Board Seats",
    ],
)
def test_market_purchases_and_activist_stakes_are_no_deal(title: str) -> None:
    assert classify(title) is None


# Shares bought from the company, a stake taken and a purchase of the company stay deals.
@pytest.mark.parametrize(
    "title",
    [
        "Brisa to invest $2 billion in Orsk",
        "Brisa takes 9% stake in Orsk",
        "Brisa acquires Orsk in the market for robot arms",
        "Brisa buys Orsk to expand in the Indian market",
    ],
)
def test_purchases_from_the_company_stay(title: str) -> None:
    assert classify(title) is not None


# Money won from a challenge or a programme, and a public tender won, are no deal; a round
# told with "wins" and a tender offer for shares stay deals; "grant" as a topic blocks nothing.
@pytest.mark.parametrize(
    "title",
    [
        "Tarnby wins $250K from the Delta Health Challenge",
        "Oskeby wins Rijkswegen tender for bridge sensors",
        "Oskeby secures a national grid tender",
        "Hollow Pine wins $2M grant from the state",
    ],
)
def test_money_won_and_tenders_won_are_no_deal(title: str) -> None:
    assert classify(title) is None


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Vellmar lands $6 million to fight grant fraud with AI", "funding"),
        ("Vellmar raises $6 million to automate grant applications", "funding"),
        ("Vellmar wins $6M from Accel and Index in seed round", "funding"),
        ("Vellmar launches tender offer for Brisk shares", "acquisition"),
    ],
)
def test_rounds_and_tender_offers_stay(title: str, kind: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert deal.type == kind


# Money put into one's own plants, data centres or people, with no one on the other side, is
# no deal; into a named company, with a named partner, or by two companies together, it is.
@pytest.mark.parametrize(
    "title",
    [
        "Halmer to invest $12 billion in new Ohio chip plant",
        "Halmer pours $3bn into its data centres",
        "Brisco invests £1bn in staff training",
    ],
)
def test_spending_on_ones_own_capacity_is_no_deal(title: str) -> None:
    assert classify(title) is None


@pytest.mark.parametrize(
    "title, name",
    [
        ("Halmer Pours $2 Billion Into Data Center Builder Quillfield", "Quillfield"),
        ("Kestova invests $500 million in data-centre firm Vantar", "Vantar"),
        ("Halmer invests $50B in US data centers with Quayside", "Quayside"),
        ("Halmer and Brisco to invest $5 billion in new data centre", "Brisco"),
        ("Halmer to invest up to $2 billion in Brisco's data centre venture", "Brisco"),
    ],
)
def test_money_put_into_another_company_stays(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in _names(deal)


# A "how" story after a colon lead-in is no deal, nor is a purchase said not to come with no
# company named; a named deal denied stays that deal.
@pytest.mark.parametrize(
    "title",
    [
        "Leaked pitch deck: How Orvel pitched investors on its $25 million Series A",
        "Exclusive: How Brisa landed $30M from Accel",
        "Tarnwell shares slip after it says it won't buy another big company",
        "Kestova has no plans to make more acquisitions, CEO says",
    ],
)
def test_how_stories_and_no_purchase_in_view_are_no_deal(title: str) -> None:
    assert classify(title) is None


@pytest.mark.parametrize(
    "title",
    [
        "Kestova denies it will buy Amble",
        "Brisa raises $30M: here is how it will spend it",
    ],
)
def test_a_named_deal_stays(title: str) -> None:
    assert classify(title) is not None


# "$US" before the number is US dollars; "raising at $N" is the round's price, not its size.
@pytest.mark.parametrize(
    "title, value, currency",
    [
        ("Tarnwell acquires Perth drone maker for $US420m", 420e6, "USD"),
        ("Kestova raises $US25 million Series A", 25e6, "USD"),
        ("Brisa raises $40M at $400M valuation", 40e6, "USD"),
    ],
)
def test_us_dollars_written_the_australian_way(title: str, value: float, currency: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.amount is not None
    assert (deal.amount.value, deal.amount.currency) == (value, currency)


@pytest.mark.parametrize(
    "title",
    [
        "Quell is raising new money at $12bn, sources say",
        "Corvell is raising money at $9bn, people familiar say",
    ],
)
def test_raising_at_is_a_valuation(title: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert deal.amount is None


# A lead sentence that tells what the deal is worth gives its amount; a company said to be
# worth something does not.
@pytest.mark.parametrize(
    "title, summary, value",
    [
        (
            "Brisa is buying speech startup Orvelle, sources say",
            "The deal is reportedly worth about $700 million.",
            700e6,
        ),
        (
            "Quellon licenses Tarn's antibody platform",
            "The deal could be worth up to $900 million including milestones.",
            900e6,
        ),
        (
            "Brisa acquires Orvelle",
            "Orvelle, which is worth about $2 billion, makes speech models.",
            None,
        ),
    ],
)
def test_what_the_deal_is_worth(title: str, summary: str, value: float | None) -> None:
    deal = classify(title, summary)
    assert deal is not None
    assert (deal.amount.value if deal.amount else None) == value


# "X backs Y in a $N round" is Y's round with X among its investors, in any capitalisation.
@pytest.mark.parametrize(
    "title, target, investor",
    [
        ("Tarnwell backs Quillory in $40m round", "Quillory", "Tarnwell"),
        ("Osgood Capital Backs Pellary In $25M Series A", "Pellary", "Osgood Capital"),
        ("Gulf fund Varan backs Orsk in $300 million funding round", "Orsk", "Varan"),
    ],
)
def test_backs_in_a_round_is_a_round(title: str, target: str, investor: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert deal.type == "funding"
    roles = {p.name: p.role for p in deal.parties}
    assert roles.get(target) == "target"
    assert roles.get(investor) == "investor"


# Under a headline that tells no deal, a body that recounts the company's money so far, a
# dated takeover told in the passive, or a portfolio is background, no deal; a round told in
# the present perfect stays the story's deal.
@pytest.mark.parametrize(
    "title, summary",
    [
        (
            "Inside Orsk's plan to beat Nvidia",
            "Orsk has raised $300 million from investors including SoftBank.",
        ),
        ("Quay's new agent", "Quay has raised $90M to date."),
        ("Amble's founder on building in public", "Amble was acquired by Brisa in 2023."),
        (
            "Brisa's CEO says the AI bubble is real",
            "Brisa has invested in dozens of startups including Orsk.",
        ),
    ],
)
def test_background_in_the_body_is_no_deal(title: str, summary: str) -> None:
    assert classify(title, summary) is None


def test_a_round_in_the_present_perfect_stays() -> None:
    deal = classify("Orsk funding news", "Orsk has raised $30 million in a Series B led by Accel.")
    assert deal is not None and deal.type == "funding"


# An accelerator's batch after a name ("(YC W24)") is no name; the company before it is.
@pytest.mark.parametrize(
    "title, name",
    [
        ("Pellary (YC S25) raises $8M seed to automate customs forms", "Pellary"),
        ("Orvane (YC W23) acquired by Brex", "Orvane"),
        ("Quillside (Y Combinator F24) lands $3M", "Quillside"),
    ],
)
def test_a_batch_tag_is_no_name(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in _names(deal)
    assert "Y Combinator" not in _names(deal)


# A nationality adjective before a name is no part of it.
@pytest.mark.parametrize(
    "title, name",
    [
        ("Estonian Tammik raises €9m led by Plural", "Tammik"),
        ("Nigerian Okwara lands $6 million seed", "Okwara"),
        ("Belgian Vlierbeek acquires Orsk", "Vlierbeek"),
        ("Chilean Quintral bags $4m from Kaszek", "Quintral"),
    ],
)
def test_a_nationality_before_a_name_is_no_part_of_it(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in _names(deal)


# One company's own units put together is no deal; two companies merging units is.
@pytest.mark.parametrize(
    "title",
    [
        "Brisa merges two business units into one AI division",
        "Brisa's AGM approves merger of subsidiaries",
        "Halden combines its three AI labs under one chief",
    ],
)
def test_a_companys_own_units_merged_are_no_deal(title: str) -> None:
    assert classify(title) is None


def test_two_companies_merging_units_stay_a_merger() -> None:
    deal = classify("Tarnwell and Quillory to merge their robotics units")
    assert deal is not None
    assert {"Tarnwell", "Quillory"} <= _names(deal)


# Shares that pop, slide or spike on a deal told before are market news; a debut stays an IPO.
@pytest.mark.parametrize(
    "title",
    [
        "Orsk stock pops as Brisa investment closes",
        "Tarn shares slide after Lumo deal",
        "Kestova shares dip as Amble takeover completes",
    ],
)
def test_share_moves_on_a_deal_are_no_deal(title: str) -> None:
    assert classify(title) is None


def test_a_debut_that_pops_stays_an_ipo() -> None:
    deal = classify("Quay shares pop 40% in Nasdaq debut")
    assert deal is not None and deal.type == "ipo"


# A company that sells itself is the target; the buyer is the acquirer.
@pytest.mark.parametrize(
    "title, target, acquirer",
    [
        ("Quorrel agrees to sell itself to Brisa for $2bn", "Quorrel", "Brisa"),
        ("Wendholm agrees to sell itself to buyout firm Carrow Peak", "Wendholm", "Carrow Peak"),
        ("Lattigo to sell itself to Okta", "Lattigo", "Okta"),
    ],
)
def test_selling_itself_makes_the_seller_the_target(title: str, target: str, acquirer: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "acquisition"
    roles = {p.name: p.role for p in deal.parties}
    assert roles.get(target) == "target"
    assert roles.get(acquirer) == "acquirer"


# Content paid for ("pays X $N a year for its data", "pays $N for X's archive") is licensed:
# the payer is the licensee; paying for a company stays what it was.
@pytest.mark.parametrize(
    "title, licensee, licensor, value",
    [
        ("Brisa pays Orsk Media $20 million a year for its archive", "Brisa", "Orsk Media", 20e6),
        ("Brisa to pay Quay Media $50M for access to its content", "Brisa", "Quay Media", 50e6),
        ("Tarnwell pays $15 million for Lumo's photo library", "Tarnwell", "Lumo", 15e6),
    ],
)
def test_content_paid_for_is_licensed(
    title: str, licensee: str, licensor: str, value: float
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "licensing"
    roles = {p.name: p.role for p in deal.parties}
    assert roles.get(licensee) == "licensee"
    assert roles.get(licensor) == "licensor"
    assert deal.amount is not None and deal.amount.value == value


# A deal the body tells takes the headline's one deal amount when the headline names no deal
# by the rules; a headline with two amounts gives none.
@pytest.mark.parametrize(
    "title, summary, value",
    [
        (
            "Kestova agrees £300m sale to American buyer",
            "Kestova will be bought by Chicago-based Orrin Group.",
            300e6,
        ),
        (
            "A £40m lifeline for Orsk",
            "Orsk raised the money from Brisa in a round led by Accel.",
            40e6,
        ),
        (
            "A £40m lifeline now, £60m more next year",
            "Orsk raised the money from Brisa in a round led by Accel.",
            None,
        ),
    ],
)
def test_the_headline_amount_of_a_deal_the_body_tells(
    title: str, summary: str, value: float | None
) -> None:
    deal = classify(title, summary)
    assert deal is not None
    assert (deal.amount.value if deal.amount else None) == value


# "X said to explore / weigh …" (Bloomberg's "is said to" without "is") is a rumour.
@pytest.mark.parametrize(
    "title",
    [
        "Tarnwell said to explore sale of its robotics unit",
        "Brisa said to weigh bid for Orsk",
    ],
)
def test_said_to_explore_is_a_rumour(title: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.status == "rumoured"


# A size adjective in a Title Case headline ("Multibillion-Dollar") is no party.
@pytest.mark.parametrize(
    "title, name",
    [
        ("Orsk Weighs Another Multibillion-Dollar Investment in Lumo", "Orsk"),
        ("Brisa Plans Billion-Dollar Investment in Orsk", "Brisa"),
    ],
)
def test_size_adjectives_are_no_party(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in _names(deal)
    assert not any("illion" in n for n in _names(deal))


# "X & Co." is named X, not "X &"; "A & B" stays whole.
@pytest.mark.parametrize(
    "title, name",
    [
        ("Halden & Co. sells its analytics arm to Datadog", "Halden"),
        ("Datadog buys Perrin & Co.", "Perrin"),
        ("Johnson & Johnson acquires Orsk", "Johnson & Johnson"),
    ],
)
def test_and_co_is_cut_cleanly(title: str, name: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert name in _names(deal)
    assert not any(n.endswith("&") for n in _names(deal))


# Teaming up with someone on research is research, unless money or a licence comes with it.
@pytest.mark.parametrize(
    "title, deal_expected",
    [
        ("Orsk teams up with NASA on climate research", False),
        ("Orsk teams up with NASA on $20 million climate research programme", True),
        ("Orsk teams up with Brisa on agents", True),
    ],
)
def test_teaming_up_on_research(title: str, deal_expected: bool) -> None:
    assert (classify(title) is not None) == deal_expected


# A listing's own first trades complete the IPO ("the IPO pops 40%"); a pop hoped for does not.
@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("Brisa's IPO pops 35% 📈 plus: a new coding model", "completed"),
        ("Orsk IPO soars as retail investors pile in", "completed"),
        ("Halden's IPO slumps 9% in a cold market", "completed"),
        ("Tarnwell's $700M IPO rises 14% on first day of trading", "completed"),
        ("Quay eyes first-day pop in Nasdaq IPO next week", "rumoured"),
        ("Lomond files for IPO", "announced"),
    ],
)
def test_a_listings_first_trades_complete_the_ipo(title: str, status: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "ipo"
    assert deal.status == status
