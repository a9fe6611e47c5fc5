"""The classes `story_events_dev9.jsonl` showed. Every report is written for this file.

- a suit that names a company's product in passing is not that product's own news ("Novelists
  sue Pellam AI, saying Cirrus learned from pirated books" / "Cirrus 2 now available in
  Japan", two days apart: `untold_event`, the `untold-event` veto).
"""

from __future__ import annotations

import pytest

from aggregator.stories._match import regions_of, same_policy, subject, untold_event, veto
from aggregator.stories._text import features

from .test_dev8_classes import _Rare
from .test_events import stories

# --------------------------------------------------------------------------- a suit names a product

SUIT_AND_PRODUCT_NEWS = [
    (
        ("Illustrators sue Brisa Labs, saying Tempo copied their artwork", "A second suit."),
        ("Tempo 4 now available in Canada", "Canadians can now use Tempo 4 in the Brisa app."),
    ),
    (
        ("Photographers take Kelvar to court, saying Halo learned from their images", ""),
        ("Halo 3 now speaks Portuguese", "Kelvar's assistant adds its ninth language."),
    ),
    (
        ("Record labels sue Ostrom, claiming Chorus reproduces lyrics", "Filed in Los Angeles."),
        ("Chorus 2 Pro arrives on Android", "Ostrom's music model comes to phones."),
    ),
]


@pytest.mark.parametrize(("suit", "news"), SUIT_AND_PRODUCT_NEWS)
def test_a_suit_naming_a_product_is_not_the_products_news(
    suit: tuple[str, str], news: tuple[str, str]
) -> None:
    a, b = features(*suit), features(*news)
    evidence = _Rare()
    assert untold_event(a, b, subject(a, evidence))
    assert veto(a, b, evidence) == "untold-event"
    assert veto(b, a, evidence) == "untold-event"


# short titles whose words alone would join them (the summary names the company)
SHORT = [
    (
        ("Illustrators sue Brisa over Tempo", ""),
        ("Tempo 4 now in Canada", "Use Tempo 4 in the Brisa app."),
    ),
    (
        ("Photographers sue Kelvar over Halo", ""),
        ("Halo 3 now in Brazil", "Try Halo 3 in the Kelvar app."),
    ),
    (
        ("Authors sue Varenne over Quill", ""),
        ("Quill 5 rolls out in India", "Quill 5 arrives in the Varenne app."),
    ),
]


@pytest.mark.parametrize(("suit", "news"), SHORT)
def test_a_suit_and_its_products_news_two_days_later_are_two_stories(
    suit: tuple[str, str], news: tuple[str, str]
) -> None:
    assert stories(suit, news, gap=40.0) == 2
    assert stories(news, suit, gap=40.0) == 2


SAME_NEWS = [
    # the product's news names whom the suit is about
    (
        ("Illustrators sue Brisa Labs, saying Tempo copied their artwork", ""),
        ("Brisa's Tempo 4 draws illustrators' anger", ""),
    ),
    # both titles name the product in full
    (
        ("Record labels sue Ostrom over Chorus 2 lyrics", ""),
        ("Chorus 2 lyrics at the heart of music industry fight with Ostrom", ""),
    ),
    # they share more than the product's name
    (
        ("Photographers sue Kelvar, saying Halo copied stock images", ""),
        ("Halo 3 copied stock images, photographers say", ""),
    ),
    # the other title names an event too (the word rules decide)
    (
        ("Illustrators sue Brisa Labs, saying Tempo copied their artwork", ""),
        ("Tempo 4 hit with lawsuit by illustrators", ""),
    ),
]


@pytest.mark.parametrize(("suit", "news"), SAME_NEWS)
def test_a_suit_and_a_report_naming_whom_or_what_it_is_about_are_not_kept_apart(
    suit: tuple[str, str], news: tuple[str, str]
) -> None:
    a, b = features(*suit), features(*news)
    evidence = _Rare()
    assert not untold_event(a, b, subject(a, evidence))
    assert not untold_event(b, a, subject(b, evidence))


def test_one_suit_told_with_and_without_its_product_is_one_story() -> None:
    assert (
        stories(
            "Illustrators sue Brisa Labs, saying Tempo copied their artwork",
            "Brisa Labs hit with lawsuit from illustrators over Tempo",
            "Illustrators file suit against Brisa Labs",
            gap=2.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- words for a suit


@pytest.mark.parametrize(
    ("title", "events"),
    [
        ("Painters file class action against Ostrom over training images", {"legal"}),
        # (not "investigates": on the whole UCI set, pairwise P fell from 0.822 to 0.816)
        ("California investigates Kelvar over chatbot ads", set()),
        ("Bruxelles enquête sur le rachat de Tarsis par Kelvar", {"legal", "acquire"}),
        ("Un grupo de autores demanda a Ostrom por usar libros pirateados", {"legal"}),
        ("Kelvar annonce un investissement de 2 milliards dans Tarsis", {"invest"}),
        # an action that is no class action names no suit
        ("Ostrom's new agent takes action on your inbox", set()),
    ],
)
def test_words_that_name_a_suit_or_an_investment(title: str, events: set[str]) -> None:
    assert features(title, "").events == events


@pytest.mark.parametrize(
    "reports",
    [
        (
            "Authors file class action against Brisa Labs",
            "Novelists sue Brisa Labs over Tempo",
        ),
        (
            "EU opens antitrust probe into Kelvar's Tarsis investment",
            "Bruxelles enquête sur l'investissement de Kelvar dans Tarsis",
        ),
    ],
)
def test_one_suit_in_other_words_is_one_story(reports: tuple[str, str]) -> None:
    assert stories(*reports, gap=12.0) == 1


# --------------------------------------------------------------------------- "Bund" is Germany


def test_the_federal_government_in_german_is_germany() -> None:
    feats = features("Bund fördert KI-Rechenzentren mit 2 Milliarden Euro", "")
    assert regions_of(feats) == {"germany", "eu"}
    assert subject(feats, _Rare()) != "bund"


def test_a_german_plan_told_in_german_and_english_is_one_story() -> None:
    assert (
        stories(
            ("Bund fördert KI-Supercomputer mit 2 Milliarden Euro", ""),
            ("Germany to put 2 billion euros into AI supercomputers", ""),
            gap=3.0,
        )
        == 1
    )


def test_one_amount_for_two_countries_plans_is_two_stories() -> None:
    assert (
        stories(
            "Bund fördert KI-Supercomputer mit 2 Milliarden Euro",
            "France to put 2 billion euros into AI supercomputers",
            gap=3.0,
        )
        == 2
    )


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Bund eröffnet KI-Schulen", "France opens AI schools", "region-conflict"),
        ("Berlin opens AI schools", "Paris opens AI schools", "region-conflict"),
        # the union named by one of them: a member's report of the union's plan
        ("EU opens AI schools", "France welcomes AI schools plan", None),
        ("Germany and France open AI schools", "France opens AI schools", None),
    ],
)
def test_two_members_of_the_union_are_two_countries(a: str, b: str, why: str | None) -> None:
    found = veto(features(a, ""), features(b, ""), _Rare(), (None, None))
    assert (found == "region-conflict") == (why == "region-conflict")


# --------------------------------------------------------------------------- an outage


@pytest.mark.parametrize(
    ("title", "events"),
    [
        ("Karst Cloud suffers three-hour outage in Oregon", {"outage"}),
        ("Karst Cloud is down for thousands of developers", {"outage"}),
        ("Brisa's Tempo chatbot went down during the keynote", {"outage"}),
        ("Elevated error rates on Tempo 4", {"outage"}),
        ("Panne géante chez Karst Cloud", {"outage"}),
        ("Karst Cloud: Ausfall legt KI-Dienste lahm", {"outage"}),
        # a chief who steps down is no outage
        ("Karst Cloud chief steps down", set()),
    ],
)
def test_words_that_name_an_outage(title: str, events: set[str]) -> None:
    assert features(title, "").events == events


@pytest.mark.parametrize(
    "reports",
    [
        (
            ("Elevated error rates on Tempo 4", "We are looking into elevated error rates."),
            ("Brisa's Tempo chatbot goes down for hours", ""),
        ),
        ("Karst Cloud is down in Europe", "Panne chez Karst Cloud"),
    ],
)
def test_one_outage_told_two_ways_is_one_story(
    reports: tuple[tuple[str, str] | str, tuple[str, str] | str],
) -> None:
    assert stories(*reports, gap=1.0) == 1


# --------------------------------------------------------------------------- a government's rule


@pytest.mark.parametrize(
    ("a", "b", "region"),
    [
        (
            ("Canada passes bill forcing platforms to label AI ads", ""),
            ("Ottawa's new rules make social networks flag AI ads", ""),
            "region:canada",
        ),
        # one names no policy, the other does
        (
            ("Korea orders platforms to label AI-generated video", "The rules apply in March."),
            ("Seoul mandates labels for deepfake videos", ""),
            "region:korea",
        ),
        # a law that creates a regulator
        (
            ("Spain passes law creating AI watchdog", "The agency opens next year."),
            ("Spain's new AI agency gets its legal footing", ""),
            "region:spain",
        ),
        # nothing shared but the country
        (
            ("Canada passes bill forcing platforms to label AI ads", ""),
            ("Ottawa unveils rules for AI in hospitals", ""),
            None,
        ),
        # a company's news
        (
            ("Canada bans Vexa's deepfake app", ""),
            ("Ottawa's new rules make Vexa label deepfake app", ""),
            None,
        ),
        # other events
        (
            ("Canada passes bill forcing platforms to label AI ads", ""),
            ("Canadian platforms launch labels for AI ads", ""),
            None,
        ),
        # a member and the union are not one country
        (
            ("France passes law forcing platforms to label AI ads", ""),
            ("Brussels mandates labels for AI ads", ""),
            None,
        ),
        # "rules out" is no rule
        (
            ("Canada rules out AI ads labels", ""),
            ("Ottawa says AI ads labels can wait", ""),
            None,
        ),
    ],
)
def test_a_governments_rule_told_with_its_country_either_way(
    a: tuple[str, str], b: tuple[str, str], region: str | None
) -> None:
    assert same_policy(features(*a), features(*b), 6.0) == region
    assert same_policy(features(*b), features(*a), 6.0) == region
    assert same_policy(features(*a), features(*b), 40.0) is None  # (too far apart)


def test_a_rule_told_three_ways_is_one_story() -> None:
    assert (
        stories(
            ("Korea orders platforms to label AI-generated video", "The rules apply in March."),
            ("Seoul mandates labels for deepfake videos", "Platforms face fines."),
            ("Korea's new rules make platforms flag AI video", ""),
            gap=2.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- an office, in French


@pytest.mark.parametrize(
    ("title", "term"),
    [
        ("Tarsis s'installe à Londres", "london"),
        ("Tarsis installe son siège à Londres", "london"),
        ("Tarsis eröffnet Büro in München", "munich"),
    ],
)
def test_an_office_in_a_city_as_other_languages_write_it(title: str, term: str) -> None:
    feats = features(title, "")
    assert feats.events == {"office"}
    assert term in feats.terms


@pytest.mark.parametrize(
    ("reports", "count"),
    [
        (("Tarsis opens London office", "Tarsis s'installe à Londres"), 1),
        (("Tarsis opens Munich office", "Tarsis eröffnet Büro in München"), 1),
        # another city
        (("Tarsis opens London office", "Tarsis s'installe à Berlin"), 2),
    ],
)
def test_an_office_opening_told_in_french_or_german(reports: tuple[str, str], count: int) -> None:
    assert stories(*reports, gap=2.0) == count


def test_the_french_a_is_a_function_word() -> None:
    assert "a" not in features("Tarsis s'installe à Londres", "").terms
    assert "a" not in features("Kelvar passe à la vitesse supérieure", "").terms


# --------------------------------------------------------------------------- namesakes


def test_namesakes_whose_summary_tells_the_others_trade_are_two_companies() -> None:
    assert (
        stories(
            ("Corvix Robotics raises $12M seed to build farm robots", ""),
            (
                "Corvix Labs Valued at $9 Billion in Halberd-Led Round",
                "The robotics AI company raised $1.2 billion.",
            ),
            gap=2.0,
        )
        == 2
    )


def test_one_round_told_by_its_valuation_and_its_amount_is_one_story() -> None:
    assert (
        stories(
            (
                "Corvix Labs Valued at $9 Billion in Halberd-Led Round",
                "The robotics AI company raised $1.2 billion.",
            ),
            ("Corvix Labs raises $1.2B Series C, with Halberd leading", ""),
            gap=1.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- "court" as a verb


@pytest.mark.parametrize(
    ("title", "legal"),
    [
        ("Kelvar launches Halo for Labs to court drug researchers", False),
        ("As cloud firms court local banks, Karst Cloud opens in Lagos", False),
        ("Karst Cloud takes Kelvar to court over unpaid bills", True),
        ("Kelvar heads to court", True),
        ("Ostrom Takes Tarsis to Court Over GPU Contract", True),
        ("Court blocks Kelvar's Tarsis deal", True),
    ],
)
def test_court_as_a_verb_names_no_suit(title: str, legal: bool) -> None:
    assert ("legal" in features(title, "").events) == legal


def test_a_launch_to_court_customers_is_not_a_review_of_the_companys_stake() -> None:
    assert (
        stories(
            "UK watchdog clears Ostrom's Kelvar stake",
            "Britain's CMA clears Ostrom investment in Kelvar",
            "Kelvar launches Halo for Labs to court drug researchers",
            gap=3.0,
        )
        == 2
    )


# --------------------------------------------------------------------------- countries in CJK words


@pytest.mark.parametrize(
    ("title", "regions"),
    [
        ("米Tarsis、東京にオフィス開設", {"us", "japan"}),
        ("Kelvar、北京に研究所を開設", {"china"}),
        ("英国政府、AI安全研究に1億ポンド", {"uk"}),
        ("Tarsis、新モデル発表", set()),
    ],
)
def test_countries_named_inside_chinese_or_japanese_words(title: str, regions: set[str]) -> None:
    assert regions_of(features(title, ""), parents=False) == regions


def test_an_office_in_tokyo_is_not_the_office_in_london_two_days_before() -> None:
    assert (
        stories(
            ("Tarsis picks London for its first European office", ""),
            ("米Tarsis、東京にオフィス開設", ""),
            gap=33.0,
        )
        == 2
    )


def test_an_office_in_tokyo_told_in_japanese_and_english_is_one_story() -> None:
    assert (
        stories(
            ("Tarsis opens its first Asian office in Tokyo", ""),
            ("米Tarsis、東京にオフィス開設", ""),
            gap=1.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- a regulator's suits


@pytest.mark.parametrize(
    ("title", "about"),
    [
        ("FTC sues Marrow, alleging cloud contracts lock in customers", "marrow"),
        ("DOJ probes Kelvar's chip sales", "kelvar"),
        ("Tarsis Hit With FTC Antitrust Lawsuit", "tarsis"),
    ],
)
def test_a_regulator_named_in_capitals_is_not_whom_the_title_is_about(
    title: str, about: str
) -> None:
    assert subject(features(title, ""), _Rare()) == about


def test_one_regulators_suits_against_two_companies_are_two_stories() -> None:
    assert (
        stories(
            "FTC sues Marrow, alleging cloud contracts lock in customers",
            "FTC Files Antitrust Suit Against Marrow's Cloud Business",
            "Tarsis Cloud Hit With FTC Antitrust Lawsuit Over AI Bundling",
            gap=6.0,
        )
        == 2
    )


def test_one_suit_told_from_either_side_is_one_story() -> None:
    assert (
        stories(
            "FTC sues Marrow, alleging cloud contracts lock in customers",
            "Marrow hit with FTC antitrust lawsuit over cloud contracts",
            gap=2.0,
        )
        == 1
    )
