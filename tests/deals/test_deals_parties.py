"""Parties and roles, gazetteer aliases, unknown companies, slugs, gazetteer files."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.deals import classify, load_gazetteer, parse_gazetteer, slugify
from aggregator.errors import ConfigError

CASES = [
    (
        "Amazon to invest up to $4 billion in Anthropic",
        {("Amazon", "investor"), ("Anthropic", "target")},
    ),
    (
        "Microsoft and Nvidia to invest up to $15 billion in Anthropic",
        {("Microsoft", "investor"), ("Nvidia", "investor"), ("Anthropic", "target")},
    ),
    ("Nvidia to acquire Run:ai for $700 million", {("Nvidia", "acquirer"), ("Run:ai", "target")}),
    (
        "AMD to acquire Finnish AI lab Silo AI for $665 million",
        {("AMD", "acquirer"), ("Silo AI", "target")},
    ),
    (
        "Nvidia to acquire Arm from SoftBank for $40 billion",
        {("Nvidia", "acquirer"), ("Arm", "target"), ("SoftBank", "seller")},
    ),
    ("Rockset to be acquired by OpenAI", {("Rockset", "target"), ("OpenAI", "acquirer")}),
    (
        "Wiz rejects Google's $23 billion takeover offer",
        {("Wiz", "target"), ("Google", "acquirer")},
    ),
    (
        "Mistral AI raises €105 million seed round led by Lightspeed",
        {("Mistral AI", "target"), ("Lightspeed Venture Partners", "investor")},
    ),
    (
        "Inflection AI raises $1.3 billion from Microsoft and Nvidia",
        {("Inflection AI", "target"), ("Microsoft", "investor"), ("Nvidia", "investor")},
    ),
    (
        "Apple partners with OpenAI to bring ChatGPT to iPhone",
        {("Apple", "partner"), ("OpenAI", "partner")},
    ),
    (
        "OpenAI and Broadcom team up on custom AI chips",
        {("OpenAI", "partner"), ("Broadcom", "partner")},
    ),
    (
        "Google hires Windsurf CEO in $2.4 billion licensing deal",
        {("Google", "licensee"), ("Windsurf", "licensor")},
    ),
    (
        "Reddit signs $60 million content licensing deal with Google",
        {("Reddit", "licensor"), ("Google", "licensee")},
    ),
    (
        "Associated Press licenses its news archive to OpenAI",
        {("Associated Press", "licensor"), ("OpenAI", "licensee")},
    ),
    ("Nvidia-backed CoreWeave files for IPO", {("CoreWeave", "issuer")}),
    # gazetteer aliases
    ("Alphabet to acquire Wiz for $32 billion", {("Alphabet", "acquirer"), ("Wiz", "target")}),
    (
        "AWS signs multiyear compute deal with Anthropic",
        {("AWS", "partner"), ("Anthropic", "partner")},
    ),
    (
        "Amazon Web Services invests $500 million in X-energy",
        {("Amazon Web Services", "investor"), ("X-energy", "target")},
    ),
    (
        "Facebook acquires WhatsApp for $19 billion",
        {("Facebook", "acquirer"), ("WhatsApp", "target")},
    ),
    (
        "Microsoft Corp to buy GitHub for $7.5 billion",
        {("Microsoft", "acquirer"), ("GitHub", "target")},
    ),
    (
        "a16z leads $150 million round in Character AI",
        {("Andreessen Horowitz", "investor"), ("Character.AI", "target")},
    ),
    (
        "Glean raises $150 million from Goldman Sachs and Thoma Bravo",
        {("Glean", "target"), ("Goldman Sachs", "investor"), ("Thoma Bravo", "investor")},
    ),
    (
        "Palo Alto Networks to acquire Protect AI",
        {("Palo Alto Networks", "acquirer"), ("Protect AI", "target")},
    ),
    (
        "Hellman & Friedman to acquire Lumora for $2 billion",
        {("Hellman & Friedman", "acquirer"), ("Lumora", "target")},
    ),
    ("Zoom acquires BrightHire", {("Zoom", "acquirer"), ("BrightHire", "target")}),
    (
        "Teach For All partners with OpenAI to train teachers",
        {("Teach For All", "partner"), ("OpenAI", "partner")},
    ),
    # companies not in the gazetteer, found by sentence pattern
    (
        "Acme Robotics raises $20M Series A from Foo Ventures and Bar Capital",
        {("Acme Robotics", "target"), ("Foo Ventures", "investor"), ("Bar Capital", "investor")},
    ),
    ("Zeta Labs to acquire Quantix", {("Zeta Labs", "acquirer"), ("Quantix", "target")}),
    (
        "Orbital Systems invests in Nimbus Data",
        {("Orbital Systems", "investor"), ("Nimbus Data", "target")},
    ),
    ("Quantix acquires Nimbus for $50 million", {("Quantix", "acquirer"), ("Nimbus", "target")}),
    (
        "Nimbus, backed by Foo Ventures, raises $10 million",
        {("Nimbus", "target"), ("Foo Ventures", "investor")},
    ),
    (
        "Lumen AI raises $30 million in round led by Orbit Partners",
        {("Lumen AI", "target"), ("Orbit Partners", "investor")},
    ),
    (
        "Vantex Corp in talks to buy Quorvo Inc, people familiar say",
        {("Vantex", "acquirer"), ("Quorvo", "target")},
    ),
    (
        "QUANTIX TO ACQUIRE NIMBUS DATA FOR 50 MLN DLRS",
        {("Quantix", "acquirer"), ("Nimbus Data", "target")},
    ),
]


@pytest.mark.parametrize(("title", "expected"), CASES)
def test_party_roles(title: str, expected: set[tuple[str, str]]) -> None:
    deal = classify(title)
    assert deal is not None, title
    assert {(p.name, p.role) for p in deal.parties} == expected
    gazetteer = load_gazetteer()
    for (
        party
    ) in deal.parties:  # one slug per company: "Zeta Labs" -> zeta, "Anthropic" -> anthropic
        assert party.slug == gazetteer.slug(party.name)


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Alphabet", "Google"),
        ("Google DeepMind", "Google"),
        ("AWS", "Amazon"),
        ("Amazon Web Services", "Amazon"),
        ("Facebook", "Meta"),
        ("Meta Platforms", "Meta"),
        ("Microsoft Corp", "Microsoft"),
        ("a16z", "Andreessen Horowitz"),
        ("Nvidia Corp", "Nvidia"),
        ("NVIDIA", "Nvidia"),
        ("Character AI", "Character.AI"),
        ("Mistral", "Mistral AI"),
        ("Widgetco Inc.", "Widgetco"),
        ("JP Morgan", "JPMorgan"),
        ("Hon Hai", "Foxconn"),
        ("Department of War", "US Department of Defense"),
        ("Sequoia Capital India", "Peak XV Partners"),
        ("Zoom Video Communications", "Zoom"),
    ],
)
def test_aliases_normalise(alias: str, name: str) -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.canonical(alias) == name
    assert gazetteer.slug(alias) == slugify(name)


def test_exact_case_aliases_are_not_ordinary_words() -> None:
    gazetteer = load_gazetteer()
    assert [m.name for m in gazetteer.find("the company's venture arm")] == []
    assert [m.name for m in gazetteer.find("SoftBank's Arm files")] == ["SoftBank", "Arm"]
    assert [m.name for m in gazetteer.find("SOFTBANK'S ARM FILES", caps=True)] == [
        "SoftBank",
        "Arm",
    ]


def test_names_that_are_ordinary_words_need_their_capitals() -> None:
    gazetteer = load_gazetteer()
    text = "zoom in: a vast data set, a generally intelligent agent, factory AI to protect AI"
    assert [m.name for m in gazetteer.find(text)] == []
    assert [m.name for m in gazetteer.find("Zoom, Notion and Stripe back Vast Data")] == [
        "Zoom",
        "Notion",
        "Stripe",
        "Vast Data",
    ]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Character.AI", "character-ai"),
        ("Weights & Biases", "weights-and-biases"),
        ("Condé Nast", "conde-nast"),
        ("Run:ai", "run-ai"),
        ("  OpenAI ", "openai"),
        ("---", "company"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_shipped_gazetteer_is_large_and_consistent() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer.companies) >= 150
    slugs = [c.slug for c in gazetteer.companies]
    assert len(slugs) == len(set(slugs))


def test_custom_gazetteer_file(tmp_path: Path) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(
        "companies:\n  - {name: Widget Labs, aliases: [Widgetco], kind: startup}\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(path)
    deal = classify("Acme acquires Widgetco", gazetteer=gazetteer)
    assert deal is not None
    assert ("Widget Labs", "target") in {(p.name, p.role) for p in deal.parties}
    assert gazetteer.kind("Widget Labs") == "startup"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("companies: [", "invalid YAML"),
        ("- a\n- b\n", "'companies' list"),
        ("companies:\n  - {aliases: [x]}\n", "'name'"),
        ("companies:\n  - {name: A, kind: bank}\n", "kind must be one of"),
        ("companies:\n  - {name: A, aliases: B}\n", "aliases must be a list"),
        ("companies:\n  - {name: A, colour: red}\n", "unknown keys"),
    ],
)
def test_invalid_gazetteer(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_gazetteer(text, "test.yaml")


def test_missing_gazetteer_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read gazetteer"):
        load_gazetteer(tmp_path / "nope.yaml")


# A unit of a company (subsidiary, brand, abbreviation it uses) is named as the text names
# it, and shares the company's slug: its deals still land on the company's page.
UNITS = [
    ("AWS invests $500 million in X-energy", "AWS", "amazon"),
    ("Google DeepMind partners with Isomorphic Labs", "Google DeepMind", "google"),
    ("TCS and Anthropic partner to bring Claude to banks", "TCS", "tata-consultancy-services"),
    ("Xfinity partners with Perplexity to give customers a free year of Pro", "Xfinity", "comcast"),
]


@pytest.mark.parametrize(("title", "name", "slug"), UNITS)
def test_a_unit_keeps_its_name_and_its_companys_slug(title: str, name: str, slug: str) -> None:
    deal = classify(title)
    assert deal is not None, title
    party = next(p for p in deal.parties if p.name == name)
    assert party.slug == slug


def test_a_product_still_stands_for_its_maker() -> None:
    deal = classify("Snowflake partners with Claude maker in $200 million deal")
    assert deal is not None
    assert {p.name for p in deal.parties} == {"Snowflake", "Anthropic"}
