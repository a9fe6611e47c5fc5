"""Classes of the varied18 dev split, written again with invented names: a company sold
between its seller and buyer, a company a buyer has its eye on, a venture firm's own fund,
listings and research done together, and a newsroom's welcome after "Today we're"."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ
from tests.deals._reading import roles as _roles


@pytest.mark.parametrize(
    "title",
    [
        "Vantor sells Quillstack to Brightwell",
        "Vantor to sell Quillstack to Brightwell for $2B",
        "Vantor agrees to sell Quillstack to Brightwell",
        "Vantor Sells Quillstack To Brightwell For $2B",
        "Vantor flogs edge-AI outfit Quillstack to Brightwell for $1.2B",
    ],
)
def test_a_company_sold_between_seller_and_buyer(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {
        ("Vantor", "seller"),
        ("Quillstack", "target"),
        ("Brightwell", "acquirer"),
    }


@pytest.mark.parametrize(
    "title",
    [
        "Nvidia sells H20 Chips to China",
        "Vantor sells Quillstack to customers",
        "Vantor sells Quillstack Data to Brightwell",
    ],
)
def test_goods_or_customers_after_sells_are_no_purchase(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is None or deal.type != "acquisition"


@pytest.mark.parametrize(
    "title",
    [
        "🍎 Vantor eyes AI search startup Quillstack",
        "Vantor circles chip designer Quillstack for $2B",
        "Vantor is courting AI lab Quillstack",
    ],
)
def test_a_company_a_buyer_has_its_eye_on_is_a_rumoured_purchase(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition" and deal.status == "rumoured"
    assert _roles(deal) == {("Vantor", "acquirer"), ("Quillstack", "target")}


@pytest.mark.parametrize(
    "title",
    ["Quillstack eyes chip market in Europe", "Investors eye AI startup Quillstack"],
)
def test_eyes_on_a_market_or_by_investors_is_no_purchase(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is None or deal.type != "acquisition"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Andreessen Horowitz Raises $15 Billion for New Funds",
            "The firm's funds will back AI startups.",
        ),
        ("Thrive Capital closes $5 billion in new capital", "The firm's ninth fund."),
        (
            "Sequoia raises $1 billion across its seed and venture funds",
            "The money will back AI companies.",
        ),
    ],
)
def test_a_venture_firms_own_fund_is_no_deal(title: str, summary: str) -> None:
    assert classify(title, summary, gazetteer=GAZ) is None


def test_a_company_raising_new_capital_from_a_firm_is_its_round() -> None:
    deal = classify("Quillstack raises $20M in new capital from Sequoia", gazetteer=GAZ)
    assert deal is not None and deal.type == "funding"
    assert ("Quillstack", "target") in _roles(deal)


@pytest.mark.parametrize(
    ("title", "summary", "publisher"),
    [
        (
            "Quillstack is now available in the AWS Marketplace",
            "Procurement teams can buy Quillstack with their existing AWS commitments.",
            "Quillstack",
        ),
        (
            "Weather forecasting with ensemble diffusion models, in collaboration with ECMWF",
            "",
            None,
        ),
    ],
)
def test_a_listing_or_research_done_together_is_no_deal(
    title: str, summary: str, publisher: str | None
) -> None:
    assert classify(title, summary, gazetteer=GAZ, publisher=publisher) is None


@pytest.mark.parametrize(
    "title",
    [
        "Today we're welcoming Pinewick to Gannet",
        "We're thrilled to welcome Pinewick to the Gannet family",
        "Welcoming Pinewick to Gannet",
    ],
)
def test_a_newsrooms_welcome_after_a_lead_in_is_its_purchase(title: str) -> None:
    deal = classify(title, gazetteer=GAZ, publisher="Gannet Robotics")
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Gannet Robotics", "acquirer"), ("Pinewick", "target")}


def test_a_person_welcomed_after_a_lead_in_is_a_hire() -> None:
    deal = classify(
        "Today we're welcoming Dana Whitcombe to Gannet",
        "Dana joins as our CFO.",
        gazetteer=GAZ,
        publisher="Gannet Robotics",
    )
    assert deal is None


def test_an_alliance_to_sell_together_is_a_partnership() -> None:
    deal = classify("Vantor and Accenture form alliance to sell enterprise agents", gazetteer=GAZ)
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == {("Vantor", "partner"), ("Accenture", "partner")}


@pytest.mark.parametrize(
    "title", ["Vantor to buy Windsurf-rival Quillstack", "Vantor buys Slack-rival Quillstack"]
)
def test_the_name_before_rival_describes_the_target(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == {("Vantor", "acquirer"), ("Quillstack", "target")}


@pytest.mark.parametrize(
    "title",
    [
        "Pressbook signs content licensing agreement with OpenAI",
        "OpenAI signs content licensing deal with Pressbook",
    ],
)
def test_the_ai_maker_takes_a_content_licence(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "licensing"
    assert _roles(deal) == {("Pressbook", "licensor"), ("OpenAI", "licensee")}


def test_units_combined_in_a_joint_venture_are_a_joint_venture() -> None:
    deal = classify(
        "Vantor and Quillstack to combine AI consulting units in joint venture", gazetteer=GAZ
    )
    assert deal is not None and deal.type == "joint-venture"
    assert _roles(deal) == {("Vantor", "partner"), ("Quillstack", "partner")}
    merger = classify("Vantor and Quillstack to merge", gazetteer=GAZ)
    assert merger is not None and merger.type == "merger"


@pytest.mark.parametrize(
    ("title", "type_", "buyer"),
    [
        ("SoftBank sells its stake in Quillstack to Tencent", "acquisition", "acquirer"),
        ("SoftBank sells a minority stake in Quillstack to Tencent", "investment", "investor"),
        (
            "SoftBank sells its 18% stake in Quillstack to Tencent for $1.1 billion",
            "investment",
            "investor",
        ),
        ("SoftBank sells majority stake in Quillstack to Tencent", "acquisition", "acquirer"),
        ("SoftBank sells 60% of Quillstack to Tencent", "acquisition", "acquirer"),
    ],
)
def test_a_stake_sold_short_of_control_is_the_buyers_investment(
    title: str, type_: str, buyer: str
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == type_
    assert _roles(deal) == {
        ("SoftBank", "seller"),
        ("Quillstack", "target"),
        ("Tencent", buyer),
    }


def test_angel_investors_are_no_party_named_angel() -> None:
    deal = classify(
        "Quillstack raises $5M seed led by Accel",
        "Angel investors including several founders also joined.",
        gazetteer=GAZ,
    )
    assert deal is not None
    assert "Angel" not in {p.name for p in deal.parties}
    named = classify("Angel Labs raises $5M", gazetteer=GAZ)
    assert named is not None and ("Angel Labs", "target") in _roles(named)


@pytest.mark.parametrize(
    ("title", "summary", "type_", "roles"),
    [
        (
            "😺 Meta buys a voice-cloning startup; 🎧 Spotify's DJ gets chatty; 📈 GPU prices",
            "Meta acquired Quillstack, a startup that clones voices, for about $220 million.",
            "acquisition",
            {("Meta", "acquirer"), ("Quillstack", "target")},
        ),
        (
            "😺 Nvidia invests in a chip startup (again); 🎬 a new video model; 📚 textbooks",
            "Nvidia joined a $250 million Series C in Quillstack, which designs interconnects.",
            "funding",
            {("Nvidia", "investor"), ("Quillstack", "target")},
        ),
    ],
)
def test_a_digest_item_describing_the_other_party_takes_the_summarys_name(
    title: str, summary: str, type_: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.type == type_
    assert roles <= _roles(deal)


def test_a_summarys_deal_of_nobody_the_digest_names_is_not_its_deal() -> None:
    deal = classify(
        "😺 Meta ships a voice model; 🎧 Spotify's DJ gets chatty; 📈 GPU prices",
        "Vantor acquired Quillstack, a startup that clones voices, for about $220 million.",
        gazetteer=GAZ,
    )
    assert deal is None


@pytest.mark.parametrize(
    ("title", "government"),
    [
        ("🇬🇧 Britain signs a sovereign compute deal with Quillstack", "UK Government"),
        ("UK signs deal with Quillstack", "UK Government"),
        ("India partners with Quillstack on sovereign AI", "Government of India"),
        ("Japan inks chip deal with Quillstack", "Government of Japan"),
        ("Saudi Arabia signs $10B deal with Quillstack", "Government of Saudi Arabia"),
    ],
)
def test_a_country_that_opens_the_headline_and_signs_is_its_government(
    title: str, government: str
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == {(government, "partner"), ("Quillstack", "partner")}


@pytest.mark.parametrize(
    "title", ["Quillstack signs deal in Japan with Vantor", "UK opens office with Quillstack"]
)
def test_a_country_elsewhere_is_no_party(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is None or not any(p.name.startswith("Government") for p in deal.parties)


def test_a_digest_item_naming_one_sides_deal_takes_the_summarys_other_side() -> None:
    deal = classify(
        "Claude Opus 5 🎼, Meta's nuclear deal ⚛️, vector DB benchmarks 📈",
        "Anthropic released a model. Meta signed a 20-year agreement with Quillstack Energy "
        "for power from two small reactors.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == {("Meta", "partner"), ("Quillstack Energy", "partner")}
