"""A table of realistic AI-industry headlines (real 2020-2026 deals in our own words, plus
invented companies such as Lumora and Northwind Cloud that no gazetteer knows) and the
facts classify() must extract: type, status, amount, parties and roles.

These are not part of bench/data/ai_deals_dev.jsonl, so the bench numbers stay comparable.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from aggregator.deals import classify, load_gazetteer, same_company
from aggregator.models import Party

B, M = 1e9, 1e6


class Case(NamedTuple):
    title: str
    type: str
    status: str | None  # None: not checked (unclear wording)
    amount: tuple[float, str, str | None] | None
    parties: frozenset[tuple[str, str]]


def _case(
    title: str,
    type_: str,
    status: str | None,
    amount: tuple[float, str, str | None] | None,
    *parties: tuple[str, str],
) -> Case:
    return Case(title, type_, status, amount, frozenset(parties))


def _p(*names: str) -> list[tuple[str, str]]:
    return [(n, "partner") for n in names]


USD = "USD"
DEALS = [
    # ---- partnerships: "X and Y partner on/to", teams up, joins forces, taps, selects, inks
    _case(
        "Lumora and Northwind Cloud partner on dedicated compute",
        "partnership",
        "announced",
        None,
        *_p("Lumora", "Northwind Cloud"),
    ),
    _case(
        "OpenAI and Microsoft partner on new data centers",
        "partnership",
        "announced",
        None,
        *_p("OpenAI", "Microsoft"),
    ),
    _case(
        "Nvidia and Foxconn partner to build AI factories in Taiwan",
        "partnership",
        "announced",
        None,
        *_p("Nvidia", "Foxconn"),
    ),
    _case(
        "SAP and Mistral AI team up on sovereign AI for Europe",
        "partnership",
        "announced",
        None,
        *_p("SAP", "Mistral AI"),
    ),
    _case(
        "Anthropic teams up with Palantir and AWS for defense customers",
        "partnership",
        "announced",
        None,
        *_p("Anthropic", "Palantir", "AWS"),
    ),
    _case(
        "Meta joins forces with EssilorLuxottica on smart glasses",
        "partnership",
        "announced",
        None,
        *_p("Meta", "EssilorLuxottica"),
    ),
    _case(
        "Oracle and OpenAI sign multiyear agreement for 4.5 gigawatts of capacity",
        "partnership",
        "announced",
        None,
        *_p("Oracle", "OpenAI"),
    ),
    _case(
        "OpenAI taps Oracle for 4.5 gigawatts of data center capacity",
        "partnership",
        "announced",
        None,
        *_p("OpenAI", "Oracle"),
    ),
    _case(
        "Apple taps Google's Gemini to power new Siri",
        "partnership",
        "announced",
        None,
        *_p("Apple", "Google"),
    ),
    _case(
        "OpenAI taps Broadcom to build custom AI chips",
        "partnership",
        "announced",
        None,
        *_p("OpenAI", "Broadcom"),
    ),
    _case(
        "Lumora taps Northwind Cloud for GPU capacity",
        "partnership",
        "announced",
        None,
        *_p("Lumora", "Northwind Cloud"),
    ),
    _case(
        "Anthropic picks Google Cloud as preferred cloud provider",
        "partnership",
        "announced",
        None,
        *_p("Anthropic", "Google Cloud"),
    ),
    _case(
        "Lumora selects Northwind Cloud as its primary compute supplier",
        "partnership",
        "announced",
        None,
        *_p("Lumora", "Northwind Cloud"),
    ),
    _case(
        "Microsoft turns to Anthropic for AI models in Office apps",
        "partnership",
        "announced",
        None,
        *_p("Microsoft", "Anthropic"),
    ),
    _case(
        "Telegram strikes $300 million deal with xAI to bring Grok to its app",
        "partnership",
        "announced",
        (300 * M, USD, None),
        *_p("Telegram", "xAI"),
    ),
    _case(
        "CoreWeave inks $14 billion AI cloud contract with Meta",
        "partnership",
        "announced",
        (14 * B, USD, None),
        *_p("CoreWeave", "Meta"),
    ),
    _case(
        "Northwind Cloud inks $4B GPU capacity contract with Lumora AI",
        "partnership",
        "announced",
        (4 * B, USD, None),
        *_p("Northwind Cloud", "Lumora AI"),
    ),
    _case(
        "Nebius signs $17.4 billion GPU capacity deal with Microsoft",
        "partnership",
        "announced",
        (17.4 * B, USD, None),
        *_p("Nebius", "Microsoft"),
    ),
    _case(
        "Microsoft signs 20-year nuclear power deal with Constellation",
        "partnership",
        "announced",
        None,
        *_p("Microsoft", "Constellation Energy"),
    ),
    _case(
        "AMD and OpenAI strike multibillion-dollar chip supply deal",
        "partnership",
        "announced",
        None,
        *_p("AMD", "OpenAI"),
    ),
    _case(
        "Meta taps Google Cloud in $10 billion compute deal",
        "partnership",
        "announced",
        (10 * B, USD, None),
        *_p("Meta", "Google Cloud"),
    ),
    _case(
        "Nvidia partners on AI factories with Foxconn",
        "partnership",
        "announced",
        None,
        *_p("Nvidia", "Foxconn"),
    ),
    _case(
        "Microsoft reportedly taps Anthropic for Copilot models",
        "partnership",
        "rumoured",
        None,
        *_p("Microsoft", "Anthropic"),
    ),
    _case(
        "Lumora wins $200 million Pentagon contract",
        "partnership",
        "announced",
        (200 * M, USD, None),
        *_p("Lumora", "US Department of Defense"),
    ),
    # ---- funding
    _case(
        "Thrive Capital leads $6.6 billion round in OpenAI",
        "funding",
        "announced",
        (6.6 * B, USD, None),
        ("Thrive Capital", "investor"),
        ("OpenAI", "target"),
    ),
    _case(
        "Safe Superintelligence, backed by Andreessen Horowitz, raises $1 billion",
        "funding",
        "announced",
        (1 * B, USD, None),
        ("Safe Superintelligence", "target"),
        ("Andreessen Horowitz", "investor"),
    ),
    _case(
        "Mistral AI raises €1.7 billion in round led by ASML",
        "funding",
        "announced",
        (1.7 * B, "EUR", None),
        ("Mistral AI", "target"),
        ("ASML", "investor"),
    ),
    _case(
        "Anthropic raises $13 billion at $183 billion valuation",
        "funding",
        "announced",
        (13 * B, USD, None),
        ("Anthropic", "target"),
    ),
    _case(
        "Harvey's $300 million Series D values legal AI startup at $3 billion",
        "funding",
        "announced",
        (300 * M, USD, None),
        ("Harvey", "target"),
    ),
    _case(
        "Glean bags $150 million at $7.2 billion valuation",
        "funding",
        "announced",
        (150 * M, USD, None),
        ("Glean", "target"),
    ),
    _case(
        "Figure AI lands $675 million from Microsoft, Nvidia and OpenAI",
        "funding",
        "announced",
        (675 * M, USD, None),
        ("Figure AI", "target"),
        ("Microsoft", "investor"),
        ("Nvidia", "investor"),
        ("OpenAI", "investor"),
    ),
    _case(
        "Sierra secures $350 million led by Greenoaks",
        "funding",
        "announced",
        (350 * M, USD, None),
        ("Sierra", "target"),
        ("Greenoaks", "investor"),
    ),
    _case(
        "Lovable nets $200 million Series A at $1.8 billion valuation",
        "funding",
        "announced",
        (200 * M, USD, None),
        ("Lovable", "target"),
    ),
    _case(
        "Cursor maker Anysphere raises $900 million",
        "funding",
        "announced",
        (900 * M, USD, None),
        ("Anysphere", "target"),
    ),
    _case(
        "Lumora AI raises $40 million Series B led by Northwind Ventures",
        "funding",
        "announced",
        (40 * M, USD, None),
        ("Lumora AI", "target"),
        ("Northwind Ventures", "investor"),
    ),
    _case(
        "Nvidia joins $500 million round in Poolside",
        "funding",
        "announced",
        (500 * M, USD, None),
        ("Nvidia", "investor"),
        ("Poolside", "target"),
    ),
    _case(
        "Reflection AI snags $2 billion led by Nvidia",
        "funding",
        "announced",
        (2 * B, USD, None),
        ("Reflection AI", "target"),
        ("Nvidia", "investor"),
    ),
    _case(
        "Skild AI pulls in $300 million Series A",
        "funding",
        "announced",
        (300 * M, USD, None),
        ("Skild AI", "target"),
    ),
    _case(
        "Quantix Robotics closes $75 million Series C",
        "funding",
        "completed",
        (75 * M, USD, None),
        ("Quantix Robotics", "target"),
    ),
    _case(
        "Lumora nets $20 million to expand GPU cloud",
        "funding",
        "announced",
        (20 * M, USD, None),
        ("Lumora", "target"),
    ),
    _case(
        "OpenAI picks up $6.6 billion in new funding",
        "funding",
        "announced",
        (6.6 * B, USD, None),
        ("OpenAI", "target"),
    ),
    _case(
        "1X raises $100 million Series B led by EQT Ventures",
        "funding",
        "announced",
        (100 * M, USD, None),
        ("1X Technologies", "target"),
        ("EQT Ventures", "investor"),
    ),
    # ---- investments
    _case(
        "Nvidia to take stake in Intel with $5 billion investment",
        "investment",
        "announced",
        (5 * B, USD, None),
        ("Nvidia", "investor"),
        ("Intel", "target"),
    ),
    _case(
        "Microsoft invests $1.5 billion in Abu Dhabi's G42",
        "investment",
        "announced",
        (1.5 * B, USD, None),
        ("Microsoft", "investor"),
        ("G42", "target"),
    ),
    _case(
        "Meta to take 49% stake in Scale AI for $14.3 billion",
        "investment",
        "announced",
        (14.3 * B, USD, None),
        ("Meta", "investor"),
        ("Scale AI", "target"),
    ),
    _case(
        "Google backs Anthropic with another $1 billion",
        "investment",
        "announced",
        (1 * B, USD, None),
        ("Google", "investor"),
        ("Anthropic", "target"),
    ),
    _case(
        "Amazon completes $4 billion Anthropic investment",
        "investment",
        "completed",
        (4 * B, USD, None),
        ("Amazon", "investor"),
        ("Anthropic", "target"),
    ),
    _case(
        "Microsoft pours $10 billion into OpenAI",
        "investment",
        "announced",
        (10 * B, USD, None),
        ("Microsoft", "investor"),
        ("OpenAI", "target"),
    ),
    # ---- acquisitions
    _case(
        "AMD buys ZT Systems for $4.9 billion",
        "acquisition",
        "announced",
        (4.9 * B, USD, None),
        ("AMD", "acquirer"),
        ("ZT Systems", "target"),
    ),
    _case(
        "Salesforce snaps up Informatica for $8 billion",
        "acquisition",
        "announced",
        (8 * B, USD, None),
        ("Salesforce", "acquirer"),
        ("Informatica", "target"),
    ),
    _case(
        "CoreWeave agrees to acquire Core Scientific in $9 billion all-stock deal",
        "acquisition",
        "announced",
        (9 * B, USD, None),
        ("CoreWeave", "acquirer"),
        ("Core Scientific", "target"),
    ),
    _case(
        "HPE completes acquisition of Juniper Networks",
        "acquisition",
        "completed",
        None,
        ("Hewlett Packard Enterprise", "acquirer"),
        ("Juniper Networks", "target"),
    ),
    _case(
        "Cisco completes $28 billion Splunk acquisition",
        "acquisition",
        "completed",
        (28 * B, USD, None),
        ("Cisco", "acquirer"),
        ("Splunk", "target"),
    ),
    _case(
        "Adobe drops $20 billion bid for Figma",
        "acquisition",
        "called-off",
        (20 * B, USD, None),
        ("Adobe", "acquirer"),
        ("Figma", "target"),
    ),
    _case(
        "OpenAI's $3 billion Windsurf deal falls apart",
        "acquisition",
        "called-off",
        (3 * B, USD, None),
        ("OpenAI", "acquirer"),
        ("Windsurf", "target"),
    ),
    _case(
        "Databricks snaps up Neon for about $1 billion",
        "acquisition",
        "announced",
        (1 * B, USD, "about"),
        ("Databricks", "acquirer"),
        ("Neon", "target"),
    ),
    _case(
        "ServiceNow to acquire Moveworks for $2.85 billion",
        "acquisition",
        "announced",
        (2.85 * B, USD, None),
        ("ServiceNow", "acquirer"),
        ("Moveworks", "target"),
    ),
    _case(
        "Workday to buy AI startup Sana for $1.1 billion",
        "acquisition",
        "announced",
        (1.1 * B, USD, None),
        ("Workday", "acquirer"),
        ("Sana", "target"),
    ),
    _case(
        "SoftBank agrees to acquire Ampere Computing for $6.5 billion",
        "acquisition",
        "announced",
        (6.5 * B, USD, None),
        ("SoftBank", "acquirer"),
        ("Ampere Computing", "target"),
    ),
    _case(
        "Nvidia in talks to acquire Lepton AI",
        "acquisition",
        "rumoured",
        None,
        ("Nvidia", "acquirer"),
        ("Lepton AI", "target"),
    ),
    # ---- mergers
    _case(
        "Recursion and Exscientia agree to merge in $688 million deal",
        "merger",
        "announced",
        (688 * M, USD, None),
        ("Recursion", "partner"),
        ("Exscientia", "partner"),
    ),
    _case(
        "Lumora and Quantix merge to form AI infrastructure group",
        "merger",
        "announced",
        None,
        ("Lumora", "partner"),
        ("Quantix", "partner"),
    ),
    _case(
        "Lumora and Northwind Cloud to merge",
        "merger",
        "announced",
        None,
        ("Lumora", "partner"),
        ("Northwind Cloud", "partner"),
    ),
    # ---- licensing (including licence-and-hire)
    _case(
        "Microsoft hires Inflection founders in $650 million licensing deal",
        "licensing",
        "announced",
        (650 * M, USD, None),
        ("Microsoft", "licensee"),
        ("Inflection AI", "licensor"),
    ),
    _case(
        "Google licenses Character.AI's models and hires its founders",
        "licensing",
        "announced",
        None,
        ("Google", "licensee"),
        ("Character.AI", "licensor"),
    ),
    _case(
        "Amazon licenses Adept's technology and hires its CEO",
        "licensing",
        "announced",
        None,
        ("Amazon", "licensee"),
        ("Adept", "licensor"),
    ),
    _case(
        "News Corp signs content deal with OpenAI worth $250 million",
        "licensing",
        "announced",
        (250 * M, USD, None),
        ("News Corp", "licensor"),
        ("OpenAI", "licensee"),
    ),
    # ---- IPOs: the issuer is the subject, never the exchange
    _case(
        "CoreWeave seeks up to $2.7 billion in Nasdaq IPO",
        "ipo",
        "announced",
        (2.7 * B, USD, "up to"),
        ("CoreWeave", "issuer"),
    ),
    _case(
        "Cortexa seeks up to $900 million in Nasdaq IPO",
        "ipo",
        "announced",
        (900 * M, USD, "up to"),
        ("Cortexa", "issuer"),
    ),
    _case("Cerebras files for Nasdaq IPO", "ipo", "announced", None, ("Cerebras", "issuer")),
    _case("MiniMax files for Hong Kong IPO", "ipo", "announced", None, ("MiniMax", "issuer")),
    _case("Figma prices IPO above range", "ipo", "announced", None, ("Figma", "issuer")),
    _case("CoreWeave begins trading on Nasdaq", "ipo", "completed", None, ("CoreWeave", "issuer")),
    _case("Cortexa lists on NYSE", "ipo", "completed", None, ("Cortexa", "issuer")),
    _case("Cortexa shares soar 40% in NYSE debut", "ipo", "completed", None, ("Cortexa", "issuer")),
    _case(
        "Databricks considering IPO as soon as 2025",
        "ipo",
        "rumoured",
        None,
        ("Databricks", "issuer"),
    ),
    _case("Zhipu AI plans Shanghai IPO", "ipo", "rumoured", None, ("Zhipu AI", "issuer")),
    _case(
        "Cortexa's IPO raises $1.2 billion",
        "ipo",
        "announced",
        (1.2 * B, USD, None),
        ("Cortexa", "issuer"),
    ),
    _case("Cortexa hires banks for IPO", "ipo", "rumoured", None, ("Cortexa", "issuer")),
    _case(
        "Anthropic hires Wilson Sonsini for possible IPO",
        "ipo",
        "rumoured",
        None,
        ("Anthropic", "issuer"),
    ),
    _case(
        "Cortexa, backed by Nvidia, prepares Nasdaq listing",
        "ipo",
        "rumoured",
        None,
        ("Cortexa", "issuer"),
    ),
    _case(
        "Cortexa postpones IPO amid market turmoil",
        "ipo",
        "called-off",
        None,
        ("Cortexa", "issuer"),
    ),
    # ---- joint venture
    _case(
        "SoftBank and OpenAI form joint venture SB OpenAI Japan",
        "joint-venture",
        "announced",
        None,
        *_p("SoftBank", "OpenAI"),
    ),
]

NOT_DEALS = [
    "Sequoia partners say AI valuations look stretched",
    "Nvidia partners rush to build AI factories",
    "Meta taps Scale AI founder Alexandr Wang to lead superintelligence lab",
    "OpenAI taps former Instacart boss Fidji Simo as CEO of applications",
    "Google selects winners of its AI accelerator program",
    "OpenAI picks Stargate site in Texas",
    "Cortexa debuts new coding model",
    "Forbes lists top 50 AI companies",
    "Nasdaq hits record as AI stocks rally",
    "OpenAI launches GPT-5 with new reasoning features",
    "Nvidia shares hit record on AI chip demand",
    "Anthropic sued by music publishers over lyrics",
    "OpenAI's annualized revenue tops $10 billion",
    "Nvidia market value tops $4 trillion",
    "Microsoft to spend $80 billion on AI data centers this year",
    "EU fines Apple €500 million",
    "Meta poaches Apple's top AI models executive",
    "Anthropic and OpenAI researchers publish joint safety evaluation",
    "Google DeepMind unveils Gemini 2.5",
    "Scale AI lays off 14% of staff after Meta deal",
    "Why Nvidia's partners are worried about its cloud ambitions",
    "Lumora partners say the startup is growing fast",
    "Trump and Xi sign trade deal",
    "Lumora reaches settlement with authors",
    "Sequoia partner says Lumora is the next OpenAI",
    "Nvidia's partners in Taiwan expand capacity",
    "OpenAI taps ex-Google exec to lead hardware team",
    "Microsoft taps Mustafa Suleyman to run consumer AI unit",
    "Google taps into AI boom with new cloud region",
    "Lumora selects new CEO",
    "Lumora picks London for European headquarters",
    "Lumora nets $20 million profit in first quarter",
    "Trade talks: U.S. trading partners to cut surpluses with China",
]


def test_table_is_large() -> None:
    assert len(DEALS) + len(NOT_DEALS) >= 60
    assert len({c.title for c in DEALS}) == len(DEALS)


@pytest.mark.parametrize("case", DEALS, ids=[c.title[:50] for c in DEALS])
def test_deal_headline(case: Case) -> None:
    deal = classify(case.title)
    assert deal is not None, case.title
    assert deal.type == case.type
    if case.status is not None:
        assert deal.status == case.status
    if case.amount is None:
        assert deal.amount is None
    else:
        assert deal.amount is not None
        value, currency, qualifier = case.amount
        assert (deal.amount.value, deal.amount.currency, deal.amount.qualifier) == (
            pytest.approx(value),
            currency,
            qualifier,
        )
    assert {(p.name, p.role) for p in deal.parties} == case.parties


@pytest.mark.parametrize("title", NOT_DEALS)
def test_not_a_deal_headline(title: str) -> None:
    assert classify(title) is None


@pytest.mark.parametrize(
    "title",
    [
        "Northwind Cloud inks $4B GPU capacity contract with Lumora AI",
        "Lumora signs $250M Series B deal with Nasdaq-listed Quantix in March",
        "Lumora AI raises USD 40 million from Northwind Ventures",
    ],
)
def test_amounts_and_generic_words_are_never_parties(title: str) -> None:
    deal = classify(title)
    assert deal is not None
    names = {p.name.lower() for p in deal.parties}
    for word in ("4b", "250m", "40", "usd", "march", "series", "nasdaq", "gpu", "ai"):
        assert word not in names, (word, names)
    assert not any(n[0].isdigit() for n in names)


def test_unknown_company_aliases_share_a_slug() -> None:
    slugs = set()
    for title in (
        "Lumora raises $50 million",
        "Lumora AI raises $50 million",
        "Lumora Inc. raises $50 million",
        "Lumora Technologies raises $50 million",
        "Lumora Labs raises $50 million",
    ):
        deal = classify(title)
        assert deal is not None
        slugs |= {p.slug for p in deal.parties}
    assert slugs == {"lumora"}
    deal = classify("Lumora AI raises $50 million")
    assert deal is not None and deal.parties[0].name == "Lumora AI"  # display name kept


def test_gazetteer_companies_keep_their_slug() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.slug("Scale AI") == "scale-ai"
    assert gazetteer.slug("Mistral") == "mistral-ai"
    assert gazetteer.slug("Anthropic AI") == "anthropic"  # suffix dropped, then known
    assert gazetteer.slug("AI") == "ai"  # nothing left: not stripped


def test_same_company() -> None:
    a = Party("Lumora", "partner", "lumora")
    b = Party("Lumora AI", "target", "lumora-ai")  # e.g. stored by an older version
    assert same_company(a, b)
    assert same_company(Party("AWS", "partner", "aws"), Party("Amazon", "investor", "amazon"))
    assert not same_company(a, Party("Lumen AI", "target", "lumen"))
    assert not same_company(
        Party("OpenAI", "partner", "openai"), Party("Open Lumora", "partner", "open-lumora")
    )


@pytest.mark.parametrize(
    "title, text, amount",
    [
        (
            "Northwind Cloud inks $4B GPU capacity contract with Lumora AI",
            "Northwind has signed an agreement to supply Lumora, a contract the companies value at "
            "$4 billion.",
            4e9,
        ),
        ("Stackwise agrees to buy Quiver Labs in a deal valued at $1.2 billion", "", 1.2e9),
    ],
)
def test_valued_at_is_the_deal_value_outside_funding(title: str, text: str, amount: float) -> None:
    deal = classify(title, text)
    assert deal is not None and deal.valuation is None
    assert deal.amount is not None and deal.amount.value == amount
