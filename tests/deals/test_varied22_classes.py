"""Classes of the varied22 dev split: a venture firm's own fund is no round, wherever a
newsletter lists it; "A joins B 🤝" in a digest is B's purchase; a majority stake is a
purchase; a licensee that "has licensed worldwide rights to X's program"; an order book, a
customer lost and merger review as a topic are no deals."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ, check_reading


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Bramblecap closes A$650m fund", "The Sydney VC firm's fifth fund is its largest yet."),
        (
            "The Morning Memo: Friday, June 18, 2027",
            "Top News: a talk with a seed investor. New Funds: Quarry Ventures raised $1.1 "
            "billion.",
        ),
        ("Tolvane's Backlog Swells to $600 Billion on AI Contracts", ""),
        ("Pellworth Loses Brimfold as a Customer After Rival Deal", ""),
        (
            "The Acqui-hire Is Dead. Long Live the Licence-and-Hire.",
            "Big Tech has found a way to absorb startups without triggering merger review.",
        ),
    ],
)
def test_no_deal(title: str, summary: str) -> None:
    assert classify(title, summary, gazetteer=GAZ) is None


def test_a_company_joining_another_with_a_handshake_is_bought() -> None:
    check_reading(
        "Statera joins OpenAI 🤝, Gemini 4 Flash ⚡, Qwen agents 🤖",
        "",
        "acquisition",
        [("OpenAI", "acquirer"), ("Statera", "target")],
    )
    # a person joining is a hire
    assert classify("Dana Reyes joins OpenAI 🤝, Gemini 4 Flash ⚡", "", gazetteer=GAZ) is None


@pytest.mark.parametrize(
    ("title", "kind", "parties"),
    [
        (
            "Tolvane to take majority stake in Nordic data center firm Brimfold Data",
            "acquisition",
            [("Tolvane", "acquirer"), ("Brimfold Data", "target")],
        ),
        (
            "Tolvane buys 60% stake in Brimfold",
            "acquisition",
            [("Tolvane", "acquirer"), ("Brimfold", "target")],
        ),
        (
            "Tolvane takes 40% stake in Brimfold",
            "investment",
            [("Tolvane", "investor"), ("Brimfold", "target")],
        ),
    ],
)
def test_a_stake_that_gives_control_is_a_purchase(
    title: str, kind: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, "", kind, parties)


def test_a_licensee_that_licensed_rights_to_the_other_sides_program() -> None:
    check_reading(
        "Meadow Bio enters licensing agreement with Brimfold",
        "Brimfold has licensed worldwide rights to Meadow's KRAS inhibitor program.",
        "licensing",
        [("Meadow Bio", "licensor"), ("Brimfold", "licensee")],
    )


def test_a_lab_that_launches_today_with_seed_funding_raises_it() -> None:
    deal = classify(
        "Orrery Labs",
        "Orrery Labs is a new research lab. We launch today with $410 million in seed funding "
        "from Andreessen Horowitz and Lightspeed Venture Partners.",
        gazetteer=GAZ,
        publisher="Orrery Labs",
    )
    assert deal is not None and deal.type == "funding"
    assert deal.amount is not None and deal.amount.value == 410_000_000
    assert {p.name for p in deal.parties if p.role == "investor"} >= {"Andreessen Horowitz"}


def test_a_team_welcomed_into_the_publisher_is_its_purchase() -> None:
    check_reading(
        "Welcome, Foldspace",
        "We're excited to welcome the Foldspace team to Tessellate. Foldspace's mesh "
        "compression will ship in Tessellate Studio this summer.",
        "acquisition",
        [("Tessellate", "acquirer"), ("Foldspace", "target")],
        "Tessellate",
    )


@pytest.mark.parametrize(
    ("title", "summary", "name"),
    [
        # the body writes the possessive name as its subject, with an aside
        (
            "Tolvane’s List Sets Price Range For IPO At $11 To $13 Per Share",
            "Tolvane's List, which rates contractors, has set the terms for its IPO.",
            "Tolvane's List",
        ),
        # a city's possessive still ends the name
        (
            "Lyon's Quillstack prices IPO at $12 a share",
            "Lyon's Quillstack, which makes diffing tools, set its terms.",
            "Quillstack",
        ),
    ],
)
def test_a_possessive_inside_a_name(title: str, summary: str, name: str) -> None:
    check_reading(title, summary, "ipo", [(name, "issuer")])


@pytest.mark.parametrize(
    ("title", "summary", "parties"),
    [
        # a German compound names the unit sold; the buyer follows "an"
        (
            "Tolvane verkauft Sicherheitssparte an Brimfold",
            "Die Tolvane AG trennt sich von ihrem Geschäft mit Videoüberwachung und verkauft "
            "die Sparte an den Finanzinvestor Brimfold.",
            [("Tolvane", "seller"), ("Brimfold", "acquirer")],
        ),
        # Spanish: the infinitive after "acuerda", the unit named, the buyer after "a"
        (
            "Tolvane acuerda vender su filial de centros de datos Quorlane a Brimfold",
            "Tolvane ha alcanzado un acuerdo para vender Quorlane, su filial, al fondo "
            "Brimfold por 1.200 millones de euros.",
            [("Tolvane", "seller"), ("Quorlane", "target"), ("Brimfold", "acquirer")],
        ),
        (
            "La startup valenciana Tolvane vende su laboratorio de voz a Brimfold",
            "La empresa Tolvane vende su laboratorio de voz a Brimfold por 25 millones de euros.",
            [("Tolvane", "seller"), ("Brimfold", "acquirer")],
        ),
    ],
)
def test_a_sale_in_another_language_names_its_buyer(
    title: str, summary: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, "acquisition", parties)


@pytest.mark.parametrize(
    "title",
    [
        "Tolvane weighs US listing as valuation tops A$60b",
        "Tolvane eyes a New York listing next year",
        "Tolvane plans secondary listing on ASX",
    ],
)
def test_a_listing_weighed_is_a_rumoured_ipo_and_its_valuation_no_amount(title: str) -> None:
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and deal.type == "ipo" and deal.status == "rumoured"
    assert deal.amount is None


def test_a_listing_of_things_is_no_ipo() -> None:
    assert classify("Zillow plans listing of homes in Texas", "", gazetteer=GAZ) is None


def test_valued_the_company_at_is_a_valuation() -> None:
    deal = classify(
        "Tolvane raises $50M in a round that valued the company at more than $1 billion",
        "",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.amount is not None and deal.amount.value == 50_000_000


def test_a_deal_headline_takes_the_kind_its_lead_tells() -> None:
    deal = classify(
        "The Morning Brief: Tolvane's $14B Brimfold deal, explained",
        "⚙️ Tolvane completed its 49% investment in Brimfold. 🧠 Why data labeling matters. "
        "📊 Plus: three charts on AI capex.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.type == "investment"
    assert {(p.name, p.role) for p in deal.parties} == {
        ("Tolvane", "investor"),
        ("Brimfold", "target"),
    }
    # a lead that tells the purchase keeps it
    deal = classify(
        "Tolvane's $2B Brimfold deal", "Tolvane agreed to acquire Brimfold.", gazetteer=GAZ
    )
    assert deal is not None and deal.type == "acquisition"


@pytest.mark.parametrize(
    ("title", "name", "role"),
    [
        # a known name and a word that makes a company is another firm
        (
            "Tencent leads $70M round in robotics start-up Qiming Dynamics",
            "Qiming Dynamics",
            "target",
        ),
        ("Index Ventures leads $32M Series B in Miro Health", "Miro Health", "target"),
    ],
)
def test_a_known_name_and_a_company_word_is_another_firm(title: str, name: str, role: str) -> None:
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and (name, role) in {(p.name, p.role) for p in deal.parties}


def test_a_big_companys_unit_stays_the_company() -> None:
    deal = classify("Google Health partners with Mayo Clinic", "", gazetteer=GAZ)
    assert deal is not None and "Google" in {p.name for p in deal.parties}


def test_a_german_word_before_a_company_ending_is_a_name() -> None:
    check_reading(
        "Deutsche Telekom und Nordlicht Compute gründen Gemeinschaftsunternehmen für KI",
        "",
        "joint-venture",
        [("Deutsche Telekom", "partner"), ("Nordlicht Compute", "partner")],
    )


def test_a_newsletters_decoration_and_its_other_items_do_not_hide_the_lead() -> None:
    from aggregator.deals._model import model_text

    text = "Tolvane is putting $150 million into Brimfold. Here's what that means for artists."
    assert model_text("T", text) == "T Tolvane is putting $150 million into Brimfold."
    assert model_text("T", "One. Plus, another item.") == "T One."
    deal = classify(
        "😺 Warner Music bets on Cadenza",
        "Warner Music is putting $150 million into AI music startup Cadenza and licensing its "
        "catalogue to it. Here's what that means for artists.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.type == "investment"
    assert deal.amount is not None and deal.amount.value == 150_000_000


def test_a_sum_told_vaguely_is_still_an_investment_without_an_amount() -> None:
    deal = classify(
        "Google to invest several hundred million dollars in Brimfold", "", gazetteer=GAZ
    )
    assert deal is not None and deal.type == "investment" and deal.amount is None
    assert {(p.name, p.role) for p in deal.parties} == {
        ("Google", "investor"),
        ("Brimfold", "target"),
    }


def test_a_listing_named_first_is_the_issuers_ipo_not_the_exchanges() -> None:
    deal = classify(
        "Introduction en Bourse : la pépite Tolvane vise Euronext Paris", "", gazetteer=GAZ
    )
    assert deal is not None and deal.type == "ipo"
    assert [(p.name, p.role) for p in deal.parties] == [("Tolvane", "issuer")]
