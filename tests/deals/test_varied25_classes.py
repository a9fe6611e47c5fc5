"""Classes of the varied25 dev split (first-party posts whose headline says no deal, trade
press, wires): a first-party post whose body tells the publisher's own deal in its first
sentences ("In December we closed our acquisition of …", "We're thrilled to be working
with … under a new multi-year agreement"), never one told as background, or one under a
headline that has deal words of its own."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ, check_reading


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"),
    [
        (
            "Shareholder letter, Q3",
            "Bookings doubled again. In August we closed our acquisition of Tidewell, whose "
            "schedulers now ship in every Marrowline plan.",
            "acquisition",
            [("Marrowline", "acquirer"), ("Tidewell", "target")],
        ),
        (
            "A note from our CEO",
            "We're excited to be working with Ostrava Rail under a new five-year agreement to "
            "plan maintenance across 1,200 stations.",
            "partnership",
            [("Marrowline", "partner"), ("Ostrava Rail", "partner")],
        ),
        (
            "Year in review",
            "It was a big year. We raised $45 million in a Series B led by Index Ventures.",
            "funding",
            [("Marrowline", "target"), ("Index Ventures", "investor")],
        ),
    ],
)
def test_a_first_party_body_tells_the_publishers_own_deal(
    title: str, summary: str, kind: str, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties, publisher="Marrowline")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # background
        ("Five years of Tidewell", "Tidewell, which we acquired in 2021, now has 40 engineers."),
        # the headline's own deal words were read as they stand
        (
            "Marrowline's next chapter: a research collaboration with the Ostrava Institute",
            "We're working with the Ostrava Institute to publish open maintenance data.",
        ),
        # a customer story
        (
            "How Ostrava Rail plans maintenance with Marrowline",
            "We're proud to be working with Ostrava Rail on its planning.",
        ),
    ],
)
def test_no_own_deal_from_a_body_that_does_not_tell_one(title: str, summary: str) -> None:
    check_reading(title, summary, None, [], publisher="Marrowline")


@pytest.mark.parametrize(
    ("title", "kind", "parties"),
    [
        # in Title Case the word after a company's kind starts its name, a dictionary word
        # or not, and a word before "Startup" says what the startup does
        (
            "Snowflake Acquires AI Startup Tidal",
            "acquisition",
            [("Snowflake", "acquirer"), ("Tidal", "target")],
        ),
        (
            "Snowflake to Buy Postgres Startup Tidal for About $250 Million",
            "acquisition",
            [("Snowflake", "acquirer"), ("Tidal", "target")],
        ),
        (
            "Robotics Startup Harbor Raises $40M Series B",
            "funding",
            [("Harbor", "target")],
        ),
        # a government body of another language, named whole
        (
            "La Secretaría de Economía firma convenio con Nvidia para formar talento en IA",
            "partnership",
            [("Secretaría de Economía", "partner"), ("Nvidia", "partner")],
        ),
    ],
)
def test_names_of_press_and_wires(title: str, kind: str, parties: list[tuple[str, str]]) -> None:
    check_reading(title, "", kind, parties)


def test_a_government_word_alone_is_no_party() -> None:
    # "Gobierno" says no more than "Government": which one, the headline does not say
    deal = classify(
        "Gobierno y Amazon Web Services firman memorando para impulsar la inteligencia artificial",
        "",
        gazetteer=GAZ,
    )
    assert deal is None or all(p.name != "Gobierno" for p in deal.parties)
    # a blanket purchase agreement is a contract vehicle, not a purchase
    deal = classify(
        "Quorvane signs $48 million blanket purchase agreement with Ostrava Rail", "", gazetteer=GAZ
    )
    assert deal is None or deal.type != "acquisition"
    # nor does a sentence's word after a company's kind start a name
    deal = classify("This 24-Year-Old's AI Startup Just Raised $50 Million", "", gazetteer=GAZ)
    assert deal is None or all(p.name != "Just" for p in deal.parties)


@pytest.mark.parametrize(
    ("title", "kind", "parties", "publisher"),
    [
        # a government body's choice is its contract
        (
            "Quorvane selected by the Department of Energy for grid forecasting",
            "partnership",
            [("Quorvane", "partner"), ("US Department of Energy", "partner")],
            None,
        ),
        ("Quorvane selected by Y Combinator", None, [], None),
        # two sides that pilot something together
        (
            "Marrowline and Iceland pilot AI tutors in schools",
            "partnership",
            [("Marrowline", "partner"), ("Government of Iceland", "partner")],
            "Marrowline",
        ),
    ],
)
def test_contracts_and_pilots(
    title: str, kind: str | None, parties: list[tuple[str, str]], publisher: str | None
) -> None:
    check_reading(title, "", kind, parties, publisher=publisher)


@pytest.mark.parametrize(
    ("title", "summary", "publisher"),
    [
        # an IPO asked about is none
        (
            "Q&A: Quorvane's founder on open source and Europe",
            "We asked the co-founder about sovereign AI and whether Quorvane will ever go public.",
            None,
        ),
        # a customer's choice told as a story
        (
            "Why Bluejay Airlines bet on Marrowline",
            "Bluejay's customer team now resolves rebooking requests in two minutes.",
            "Marrowline",
        ),
        ("Why Ostrava Rail chose Marrowline", "", "Marrowline"),
    ],
)
def test_questions_and_customer_choices_are_no_deals(
    title: str, summary: str, publisher: str | None
) -> None:
    check_reading(title, summary, None, [], publisher=publisher)


@pytest.mark.parametrize(
    ("title", "parties"),
    [
        # an offer to another company's customers, and a partners' programme that adds some
        ("Ostrava Rail customers get Marrowline Pro", [("Ostrava Rail", "partner")]),
        ("Marrowline Pro now included for Tidewell members", [("Tidewell", "partner")]),
        (
            "Marrowline Publisher Program adds Le Monde and The Independent",
            [("Le Monde", "partner"), ("The Independent", "partner")],
        ),
    ],
)
def test_first_party_offers_and_programmes(title: str, parties: list[tuple[str, str]]) -> None:
    check_reading(
        title, "", "partnership", [("Marrowline", "partner"), *parties], publisher="Marrowline"
    )


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"),
    [
        # a heart or a handshake between two names joins them as a plus does
        (
            "Marrowline ❤️ Google Cloud",
            "",
            "partnership",
            [("Marrowline", "partner"), ("Google Cloud", "partner")],
        ),
        ("Cohere 🤝 Oracle", "", "partnership", [("Cohere", "partner"), ("Oracle", "partner")]),
        # a pair whose summary says one side is joining the other: a purchase
        (
            "Marrowline ❤️ Tidewell Robotics",
            "We're excited to announce that Tidewell Robotics, makers of the Reachy arm, is "
            "joining Marrowline.",
            "acquisition",
            [("Marrowline", "acquirer"), ("Tidewell Robotics", "target")],
        ),
        ("I ❤️ Rust", "", None, []),
    ],
)
def test_hearts_and_handshakes(
    title: str, summary: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties, publisher="Marrowline")


def test_partners_counted_not_named_are_the_publishers_partnership() -> None:
    check_reading(
        "Piloting with three national health systems",
        "We're partnering with three national health systems in Europe to pilot our assistant.",
        "partnership",
        [("Marrowline", "partner")],
        publisher="Marrowline",
    )
    # (a research collaboration is none)
    check_reading(
        "Year in review",
        "We're partnering with 12 universities under a research collaboration on open data.",
        None,
        [],
        publisher="Marrowline",
    )


@pytest.mark.parametrize(
    ("title", "government"),
    [
        ("Washington to take 10% stake in Quorvane", "Government of the United States"),
        ("Tokyo to invest $5 billion in Quorvane", "Government of Japan"),
        ("Seoul to invest in Quorvane", "Government of South Korea"),
    ],
)
def test_a_capital_that_puts_money_in_a_company_is_its_government(
    title: str, government: str
) -> None:
    check_reading(title, "", "investment", [(government, "investor"), ("Quorvane", "target")])
    # a city where a company opens an office is none
    assert classify("Quorvane opens Seoul office", "", gazetteer=GAZ) is None
