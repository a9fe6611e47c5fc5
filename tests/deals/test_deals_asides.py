"""Sentences whose subject carries an aside ("X, backed by Y, raises"), startups that come out
of stealth with money, investor lists that a comma and a verb end, and registered names that
start with a common word ("Software Applications Incorporated")."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer

GAZ = load_gazetteer()

# (title, summary, type or None, {(party, role, lead)})
Case = tuple[str, str, str | None, set[tuple[str, str, bool]]]


def _check(case: Case) -> None:
    title, summary, kind, parties = case
    deal = classify(title, summary, gazetteer=GAZ)
    if kind is None:
        assert deal is None, (title, deal)
        return
    assert deal is not None, title
    assert deal.type == kind, (title, deal)
    got = {(GAZ.slug(p.name), p.role, p.lead) for p in deal.parties}
    assert got == {(GAZ.slug(n), r, lead) for n, r, lead in parties}, (title, deal.parties)


# An aside between the subject and its verb describes the subject: a participle ("founded
# by", "backed by", "based in") as well as an article ("a unit of"). Its names act in nothing,
# and the words before it are a company even when no list knows them.
ASIDES: list[Case] = [
    (
        "Tessellate, founded by former DeepMind researchers, has $90 million in new funding",
        "",
        "funding",
        {("Tessellate", "target", False)},
    ),
    (
        "Brightwater, backed by Accel, raises $25 million Series B",
        "",
        "funding",
        {("Brightwater", "target", False), ("Accel", "investor", False)},
    ),
    (
        "Corvid Systems, based in Leeds, acquires Pellfield",
        "",
        "acquisition",
        {("Corvid Systems", "acquirer", False), ("Pellfield", "target", False)},
    ),
    (
        "Mistral AI, backed by Nvidia, partners with Capgemini",
        "",
        "partnership",
        {("Mistral AI", "partner", False), ("Capgemini", "partner", False)},
    ),
    (
        "Cohere, headquartered in Toronto, signs a deal with Fujitsu",
        "",
        "partnership",
        {("Cohere", "partner", False), ("Fujitsu", "partner", False)},
    ),
    (
        "Glimmerlake, owned by Siemens, partners with Oracle",
        "",
        "partnership",
        {("Glimmerlake", "partner", False), ("Oracle", "partner", False)},
    ),
]


# A startup that starts out with money raised: "emerges from stealth with", "exits stealth
# with", "launches with … in seed funding". A launch "with" a price is no round.
STEALTH: list[Case] = [
    (
        "Quanta Forge emerges from stealth with $45 million",
        "",
        "funding",
        {("Quanta Forge", "target", False)},
    ),
    (
        "Harrow Labs comes out of stealth with $18M seed round led by Greylock",
        "",
        "funding",
        {("Harrow Labs", "target", False), ("Greylock", "investor", True)},
    ),
    (
        "Ostrel AI exits stealth with $12 million from Index Ventures and Sequoia",
        "",
        "funding",
        {
            ("Ostrel AI", "target", False),
            ("Index Ventures", "investor", False),
            ("Sequoia Capital", "investor", False),
        },
    ),
    (
        "Pennant launches with $30 million in seed funding to build agent infrastructure",
        "",
        "funding",
        {("Pennant", "target", False)},
    ),
    ("Rivian launches with $45,000 price for its new SUV", "", None, set()),
    ("OpenAI launches with $200 Pro plan for researchers", "", None, set()),
    ("Lumen Labs emerges from stealth to build coding agents", "", None, set()),
]


# Investors of a round: a comma and a verb end a list ("backed by X, raises …" is X alone), and
# every list of the sentence counts, not only the first ("… from Austin, has raised … led by
# X, joined by Y").
INVESTOR_LISTS: list[Case] = [
    (
        "Cinderpath lands $11M to automate freight audits",
        "Cinderpath, a three-year-old startup from Denver, has raised an $11 million Series A "
        "led by Bessemer Venture Partners.",
        "funding",
        {("Cinderpath", "target", False), ("Bessemer Venture Partners", "investor", True)},
    ),
    (
        "Marlowe raises $40M for AI bookkeeping",
        "The Series B was led by Index Ventures, joined by Lightspeed and existing investor "
        "Seedcamp.",
        "funding",
        {
            ("Marlowe", "target", False),
            ("Index Ventures", "investor", True),
            ("Lightspeed Venture Partners", "investor", False),
            ("Seedcamp", "investor", False),
        },
    ),
    (
        "Ferrule, backed by Khosla Ventures, raises $22 million Series C",
        "",
        "funding",
        {("Ferrule", "target", False), ("Khosla Ventures", "investor", False)},
    ),
    (
        "Brindlewood raises $9 million led by Accel",
        "The round, led by Accel, brings its total to $15 million, for customers including "
        "Walmart and Target.",
        "funding",
        {("Brindlewood", "target", False), ("Accel", "investor", True)},
    ),
]


# A registered name ends in a legal form: the capitalised words before it are the name,
# even one that starts with a word that names no company alone.
REGISTERED: list[Case] = [
    (
        "OpenAI acquires Software Applications Incorporated, maker of Sky",
        "",
        "acquisition",
        {("OpenAI", "acquirer", False), ("Software Applications Incorporated", "target", False)},
    ),
    (
        "Data Harbor Corporation is acquired by Snowflake",
        "",
        "acquisition",
        {("Data Harbor Corporation", "target", False), ("Snowflake", "acquirer", False)},
    ),
]


@pytest.mark.parametrize("case", ASIDES, ids=lambda c: c[0][:40])
def test_aside(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", STEALTH, ids=lambda c: c[0][:40])
def test_out_of_stealth(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", INVESTOR_LISTS, ids=lambda c: c[0][:40])
def test_investor_lists(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", REGISTERED, ids=lambda c: c[0][:40])
def test_registered_name(case: Case) -> None:
    _check(case)
