"""Deal reading on real feed wording: the failure classes of issue 13, as tables.

Titles marked (real) are entries of the feeds in bench/data/realfeeds (see its MANIFEST);
the others are written in the style of the outlets named. Each row states what a
subscriber must see: the deal type (None: not a deal) and the parties (name, role) that must
be there, and names that must not appear as a party.
"""

from __future__ import annotations

import pytest

from aggregator.deals import classify, digest_items, publisher_of
from aggregator.deals._lexicon import is_ordinary, is_place
from aggregator.models import Deal


def _names(deal: Deal | None) -> set[str]:
    return {p.name for p in deal.parties} if deal else set()


# Parties are organisations: never a sentence-initial word, gerund, pronoun, place, product
# or generic noun. (title, publisher, type, must include, must not include)
PARTY_CASES = [
    # (real) Anthropic newsroom
    ("Anthropic opens Seoul office and announces new partnerships across the Korean AI "
     "ecosystem", "Anthropic", None, set(), {"Seoul"}),
    ("Higher usage limits for Claude and a compute deal with SpaceX", "Anthropic",
     "partnership", {"Anthropic", "SpaceX"}, {"Higher", "Claude"}),
    ("Partnering with Mozilla to improve Firefox's security", "Anthropic", "partnership",
     {"Anthropic", "Mozilla"}, {"Partnering"}),
    ("Cognizant and Anthropic expand their partnership to bring Claude to enterprise clients",
     None, "partnership", {"Cognizant", "Anthropic"}, {"Claude"}),
    ("Anthropic invests $100 million into the Claude Partner Network", None, "investment",
     {"Anthropic"}, {"Claude"}),   # a programme, read as an investment without a target
    ("Collaborate with Claude on Projects", "Anthropic", None, set(), {"Collaborate"}),
    # (real) UK AISI blog
    ("Deepening our partnership with the Australian AI Safety Institute",
     "UK AI Security Institute", "partnership", {"UK AI Security Institute"}, {"Deepening"}),
    # (real) Perplexity blog, Title Case
    ("Perplexity Partners with Wiley to Power Educational AI Search", "Perplexity", None, set(),
     {"Power Educational AI", "Power"}),    # Title Case, no body: Wiley is not confirmed
    # (real) xAI news: "we" in the body is not a party
    ("xAI and El Salvador Pioneer the World's First Nationwide AI Education Program", "xAI",
     None, set(), {"We", "Transformative"}),
    # written: trade press and wires
    ("Vantor And KESTREL Form Strategic Data Alliance", None, "partnership",
     {"Vantor", "KESTREL"}, {"Vantor And KESTREL"}),
    ("Lyon's Quillstack raises €40M led by Partech", None, "funding", {"Quillstack"},
     {"Lyon's Quillstack", "Lyon"}),
    ("Bengaluru's Tessera AI bags ₹500-crore Series C", None, "funding", {"Tessera AI"},
     {"Bengaluru"}),
    ("Today, Northwind partners with the Government of Canada on sovereign compute", None,
     "partnership", {"Northwind", "Government of Canada"}, {"Today", "Government"}),
    ("Anthropic partners with the UK Government to bring AI assistance to GOV.UK services",
     None, "partnership", {"Anthropic", "UK Government"}, {"Government"}),
    ("Telegram strikes $300 million deal with xAI to bring Grok to its app", None,
     "partnership", {"Telegram", "xAI"}, {"Grok"}),
    # (real, TechCrunch) a Title Case trigger is not part of the name before it
    ("Monster Partners With SDJ For Monster Digital Flash Memory Products", None,
     "partnership", {"Monster", "SDJ"}, {"Monster Partners"}),
    # (real) an ordinal inside a sentence starts a name; a hyphen joins one in Title Case
    ("Cohere and Second Front bring secure AI to the public sector", None, None, set(),
     {"Front"}),
    ("Nokia Strikes Supplier Deal With ST-Ericsson For Windows-Powered Handsets", None,
     "partnership", {"Nokia", "ST-Ericsson"}, {"ST", "Handsets"}),
    # (real) "University" alone is no party; "of Chicago" says which
    ("Anthropic partners with the University of Chicago's Becker Friedman Institute on AI "
     "economic research", None, "partnership", {"Anthropic", "University of Chicago"},
     {"University"}),
]

# Title plus body, read without a publisher: what the body says must not bring junk back.
BODY_CASES = [
    # (real, xAI) a capital after "Our" is no evidence
    ("Grok goes Global with KSA", "Announcing Our Landmark Partnership with Saudi Arabia and "
     "HUMAIN", {"Landmark", "Our"}),
    # (real, Meta) a contraction is a pronoun
    ("Joining forces with AWS on a new program to help startups build with Llama",
     "We're joining forces with AWS to help startups build with Llama.", {"We're", "We"}),
    # (real, Perplexity) a body that repeats a Title Case headline confirms nothing
    ("Perplexity Partners with Wiley to Power Educational AI Search",
     "Perplexity Partners with Wiley to Power Educational AI Search",
     {"Power Educational AI", "Power"}),
]


@pytest.mark.parametrize(("title", "summary", "absent"), BODY_CASES,
                         ids=[c[0][:40] for c in BODY_CASES])
def test_the_body_brings_no_junk_party(title: str, summary: str, absent: set[str]) -> None:
    assert not absent & _names(classify(title, summary))


@pytest.mark.parametrize(("title", "publisher", "kind", "present", "absent"), PARTY_CASES,
                         ids=[c[0][:40] for c in PARTY_CASES])
def test_parties_are_organisations(title: str, publisher: str | None, kind: str | None,
                                   present: set[str], absent: set[str]) -> None:
    deal = classify(title, publisher=publisher)
    assert (deal.type if deal else None) == kind, (title, deal)
    assert present <= _names(deal)
    assert not absent & _names(deal)


# First-party posts: the publisher is the party. (title, summary, publisher, type, roles)
FIRST_PARTY_CASES = [
    ("Series B funding round", "", "xAI", "funding", {("xAI", "target")}),       # (real)
    ("Today we are thrilled to share our $80m Series D", "", "Lumen Labs", "funding",
     {("Lumen Labs", "target")}),
    ("Announcing Our Global Partnership with Motorola", "", "Perplexity", "partnership",
     {("Perplexity", "partner"), ("Motorola", "partner")}),                      # (real)
    ("We're joining forces with Northwind to build sovereign compute", "", "Quill",
     "partnership", {("Quill", "partner"), ("Northwind", "partner")}),
]


@pytest.mark.parametrize(("title", "summary", "publisher", "kind", "roles"), FIRST_PARTY_CASES,
                         ids=[c[0][:40] for c in FIRST_PARTY_CASES])
def test_first_party_posts(title: str, summary: str, publisher: str, kind: str,
                           roles: set[tuple[str, str]]) -> None:
    deal = classify(title, summary, publisher=publisher)
    assert deal is not None and deal.type == kind
    assert roles <= {(p.name, p.role) for p in deal.parties}
    plain = classify(title, summary)            # without the publisher, nobody is "we"
    assert plain is None or not roles <= {(p.name, p.role) for p in plain.parties}


@pytest.mark.parametrize(("organization", "first_party", "name", "url", "expected"), [
    ("Lumen Labs", False, "Anything", None, "Lumen Labs"),
    (None, False, "TechCrunch AI", "https://techcrunch.com/feed/", None),
    (None, True, "Anthropic News", "https://www.anthropic.com/news/rss.xml", "Anthropic"),
    (None, True, "The Cohere Blog", "https://cohere.com/blog/rss", "Cohere"),
    (None, True, "xAI News", "https://x.ai/news/feed", "xAI"),
    (None, True, "Quillstack Newsroom", "https://news.quillstack.io/feed", "Quillstack"),
    (None, True, "Blog", "https://www.quillstack.co.uk/feed", "Quillstack"),
])
def test_publisher_of(organization: str | None, first_party: bool, name: str,
                      url: str | None, expected: str | None) -> None:
    assert publisher_of(organization, first_party, name, url) == expected


# Newsletter digests: the deal item is read on its own. (title, type, parties, absent)
DIGEST_CASES = [
    ("OpenAI buys Ona 🤝, Anthropic backtracks 🔁, Xiaomi's MiMo code 👨‍💻", "acquisition",
     {("OpenAI", "acquirer"), ("Ona", "target")}, set()),                        # (real)
    ("GLM-5.2 🤖, DeepSeek raises $7.4B 💰, Android MCP 📱", "funding",
     {("DeepSeek", "target")}, {"Android MCP"}),                                 # (real)
    ("The Batch: Happy Halloween! Neural Nets Awaken, Foundation Models Go Rogue, Bots Take "
     "Over", None, set(), set()),                                                # (real)
    ("Lumora raises $7B 💰, Quill ships Atlas 2 🤖, Northwind buys Vesta 🤝", "funding",
     {("Lumora", "target")}, {"Northwind", "Vesta"}),
    ("Tesla Acquires DeepScale, France Backs Face Recognition, Robots Learn in Virtual Worlds",
     "acquisition", {("Tesla", "acquirer"), ("DeepScale", "target")}, {"France"}),
    # (real) items of a Title Case digest are Title Case too, however short
    ("The Batch: Happy Halloween! Neural Nets Awaken, Foundation Models Go Rogue, Bots Take "
     "Over the Office", None, set(), set()),
    ("Machine Learning Detects Cancer Early, Language Model Learns Geometry, AI Creates Jobs, "
     "Nations Invest in Homegrown AI", None, set(), set()),
    # (real) "X's Y Deal" without an amount is not an acquisition of Y
    ("Nvidia's Open Salvo, OpenAI's Amazon Deal, Grok Cuts Prices, Robots Learn to Walk", None,
     set(), set()),
]


@pytest.mark.parametrize(("title", "kind", "roles", "absent"), DIGEST_CASES,
                         ids=[c[0][:40] for c in DIGEST_CASES])
def test_digests_are_read_item_by_item(title: str, kind: str | None,
                                       roles: set[tuple[str, str]], absent: set[str]) -> None:
    deal = classify(title)
    assert (deal.type if deal else None) == kind
    if deal is not None:
        assert roles <= {(p.name, p.role) for p in deal.parties}
        assert not absent & _names(deal)


@pytest.mark.parametrize(("title", "items"), [
    ("A raises $7B 💰, B ships C 🤖", 2),
    ("Email Security Startup Agari Raises $2.5M From Alloy, Battery, Greylock And First Round", 1),
    ("Safe Superintelligence, backed by Andreessen Horowitz, raises $1 billion", 1),
    ("Lumen | Quill buys Vesta | Atlas 3 ships", 3),
])
def test_digest_items(title: str, items: int) -> None:
    assert len(digest_items(title)) == items


# Wording that is, or is not, a deal.
WORDING_CASES = [
    ("Anthropic confidentially submits draft S-1 to the SEC", "ipo", None),     # (real)
    ("Anthropic and the Government of Rwanda sign MOU for AI in health and education",
     "partnership", None),                                                       # (real)
    ("Snowflake and Anthropic announce $200 million partnership to bring agentic AI to "
     "global enterprises", "partnership", 200e6),                                # (real)
    ("Mistral AI raises 1.7B€ to accelerate technological progress with AI", "funding",
     1.7e9),                                                                     # (real)
    ("Bengaluru's Tessera AI bags ₹500-crore Series C", "funding", 5e9),
    ("Quill denies it is raising $5B at a $60B valuation", "funding", 5e9),
    ("How Sevilla FC is discovering future soccer stars with Llama", None, None),  # (real)
    ("AI Artifacts: An interview with Ruben Fro and Benjamin Bardou", None, None),  # (real)
    ("Lumen wins the 2026 Turing Prize for agent research with Quill", None, None),
]


@pytest.mark.parametrize(("title", "kind", "amount"), WORDING_CASES,
                         ids=[c[0][:40] for c in WORDING_CASES])
def test_wording(title: str, kind: str | None, amount: float | None) -> None:
    deal = classify(title)
    assert (deal.type if deal else None) == kind, deal
    if amount is not None:
        assert deal is not None and deal.amount is not None
        assert deal.amount.value == pytest.approx(amount)


def test_denied_rumours_have_their_status() -> None:
    deal = classify("Quill denies it is raising $5B at a $60B valuation")
    assert deal is not None and deal.status == "denied"


def test_lexicons() -> None:
    assert is_place("Seoul") and is_place("Bengaluru") and not is_place("Sana")
    assert is_ordinary("deepening") and is_ordinary("higher") and is_ordinary("we")
    assert not is_ordinary("anthropic") and not is_ordinary("vercept")
