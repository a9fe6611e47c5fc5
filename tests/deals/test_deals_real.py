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
    (
        "Anthropic opens Seoul office and announces new partnerships across the Korean AI "
        "ecosystem",
        "Anthropic",
        "partnership",
        {"Anthropic"},
        {"Seoul", "Korean AI"},
    ),
    (
        "Higher usage limits for Claude and a compute deal with SpaceX",
        "Anthropic",
        "partnership",
        {"Anthropic", "SpaceX"},
        {"Higher", "Claude"},
    ),
    (
        "Partnering with Mozilla to improve Firefox's security",
        "Anthropic",
        "partnership",
        {"Anthropic", "Mozilla"},
        {"Partnering"},
    ),
    (
        "Cognizant and Anthropic expand their partnership to bring Claude to enterprise clients",
        None,
        "partnership",
        {"Cognizant", "Anthropic"},
        {"Claude"},
    ),
    (
        "Anthropic invests $100 million into the Claude Partner Network",
        None,
        None,
        set(),
        {"Claude"},
    ),  # money put into its own partner programme: no deal
    ("Collaborate with Claude on Projects", "Anthropic", None, set(), {"Collaborate"}),
    # (real) UK AISI blog
    (
        "Deepening our partnership with the Australian AI Safety Institute",
        "UK AI Security Institute",
        "partnership",
        {"UK AI Security Institute"},
        {"Deepening"},
    ),
    # (real) Perplexity blog, Title Case
    (
        "Perplexity Partners with Wiley to Power Educational AI Search",
        "Perplexity",
        "partnership",
        {"Perplexity", "Wiley"},
        {"Power Educational AI", "Power"},
    ),  # "to Power" ends the object
    # (real) xAI news: "we" in the body is not a party
    (
        "xAI and El Salvador Pioneer the World's First Nationwide AI Education Program",
        "xAI",
        None,
        set(),
        {"We", "Transformative"},
    ),
    # written: trade press and wires
    (
        "Vantor And KESTREL Form Strategic Data Alliance",
        None,
        "partnership",
        {"Vantor", "KESTREL"},
        {"Vantor And KESTREL"},
    ),
    (
        "Lyon's Quillstack raises €40M led by Partech",
        None,
        "funding",
        {"Quillstack"},
        {"Lyon's Quillstack", "Lyon"},
    ),
    (
        "Bengaluru's Tessera AI bags ₹500-crore Series C",
        None,
        "funding",
        {"Tessera AI"},
        {"Bengaluru"},
    ),
    (
        "Today, Northwind partners with the Government of Canada on sovereign compute",
        None,
        "partnership",
        {"Northwind", "Government of Canada"},
        {"Today", "Government"},
    ),
    (
        "Anthropic partners with the UK Government to bring AI assistance to GOV.UK services",
        None,
        "partnership",
        {"Anthropic", "UK Government"},
        {"Government"},
    ),
    (
        "Telegram strikes $300 million deal with xAI to bring Grok to its app",
        None,
        "partnership",
        {"Telegram", "xAI"},
        {"Grok"},
    ),
    # (real, TechCrunch) a Title Case trigger is not part of the name before it
    (
        "Monster Partners With SDJ For Monster Digital Flash Memory Products",
        None,
        "partnership",
        {"Monster", "SDJ"},
        {"Monster Partners"},
    ),
    # (real) an ordinal inside a sentence starts a name; a hyphen joins one in Title Case
    (
        "Cohere and Second Front bring secure AI to the public sector",
        None,
        "partnership",
        {"Cohere", "Second Front"},
        {"Front"},
    ),
    (
        "Nokia Strikes Supplier Deal With ST-Ericsson For Windows-Powered Handsets",
        None,
        "partnership",
        {"Nokia", "ST-Ericsson"},
        {"ST", "Handsets"},
    ),
    # (real) "University" alone is no party; "of Chicago" says which
    (
        "Anthropic partners with the University of Chicago's Becker Friedman Institute on AI "
        "economic research",
        None,
        "partnership",
        {"Anthropic", "University of Chicago"},
        {"University"},
    ),
]

# Title plus body, read without a publisher: what the body says must not bring junk back.
BODY_CASES = [
    # (real, xAI) a capital after "Our" is no evidence
    (
        "Grok goes Global with KSA",
        "Announcing Our Landmark Partnership with Saudi Arabia and HUMAIN",
        {"Landmark", "Our"},
    ),
    # (real, Meta) a contraction is a pronoun
    (
        "Joining forces with AWS on a new program to help startups build with Llama",
        "We're joining forces with AWS to help startups build with Llama.",
        {"We're", "We"},
    ),
    # (real, Perplexity) a body that repeats a Title Case headline confirms nothing
    (
        "Perplexity Partners with Wiley to Power Educational AI Search",
        "Perplexity Partners with Wiley to Power Educational AI Search",
        {"Power Educational AI", "Power"},
    ),
]


@pytest.mark.parametrize(
    ("title", "summary", "absent"), BODY_CASES, ids=[c[0][:40] for c in BODY_CASES]
)
def test_the_body_brings_no_junk_party(title: str, summary: str, absent: set[str]) -> None:
    assert not absent & _names(classify(title, summary))


@pytest.mark.parametrize(
    ("title", "publisher", "kind", "present", "absent"),
    PARTY_CASES,
    ids=[c[0][:40] for c in PARTY_CASES],
)
def test_parties_are_organisations(
    title: str, publisher: str | None, kind: str | None, present: set[str], absent: set[str]
) -> None:
    deal = classify(title, publisher=publisher)
    assert (deal.type if deal else None) == kind, (title, deal)
    assert present <= _names(deal)
    assert not absent & _names(deal)


# First-party posts: the publisher is the party. (title, summary, publisher, type, roles)
FIRST_PARTY_CASES = [
    ("Series B funding round", "", "xAI", "funding", {("xAI", "target")}),  # (real)
    (
        "Today we are thrilled to share our $80m Series D",
        "",
        "Lumen Labs",
        "funding",
        {("Lumen Labs", "target")},
    ),
    (
        "Announcing Our Global Partnership with Motorola",
        "",
        "Perplexity",
        "partnership",
        {("Perplexity", "partner"), ("Motorola", "partner")},
    ),  # (real)
    (
        "We're joining forces with Northwind to build sovereign compute",
        "",
        "Quill",
        "partnership",
        {("Quill", "partner"), ("Northwind", "partner")},
    ),
    # A newsroom's own wording of deals, restated ("_first_party.restatements")
    (
        "Welcoming Carbon to the Perplexity Team",
        "",
        "Perplexity",
        "acquisition",
        {("Perplexity", "acquirer"), ("Carbon", "target")},
    ),  # (real)
    (
        "Welcoming Tidewater to the Quill family",
        "",
        "Quill",
        "acquisition",
        {("Quill", "acquirer"), ("Tidewater", "target")},
    ),
    (
        "Welcoming Gannett to the Perplexity Publisher Program",
        "",
        "Perplexity",
        "partnership",
        {("Perplexity", "partner"), ("Gannett", "partner")},
    ),  # (real)
    (
        "Emmi joins Mistral to accelerate the AI-native industry",
        "",
        "Mistral AI",
        "acquisition",
        {("Mistral AI", "acquirer"), ("Emmi", "target")},
    ),  # (real)
    (
        "Perplexity Joins the NVIDIA Nemotron Coalition",
        "",
        "Perplexity",
        "partnership",
        {("Perplexity", "partner"), ("Nvidia", "partner")},
    ),  # (real)
    (
        "SKT Partnership Announcement",
        "",
        "Anthropic",
        "partnership",
        {("Anthropic", "partner"), ("SK Telecom", "partner")},
    ),  # (real)
    (
        "Working with the US Department of Energy to unlock the next era of scientific discovery",
        "",
        "Anthropic",
        "partnership",
        {("Anthropic", "partner"), ("US Department of Energy", "partner")},
    ),  # (real)
    (
        "Expanding access to safer AI with Amazon",
        "",
        "Anthropic",
        "partnership",
        {("Anthropic", "partner"), ("Amazon", "partner")},
    ),  # (real)
    (
        "Powering faster inference for every developer with Nvidia",
        "",
        "Quill",
        "partnership",
        {("Quill", "partner"), ("Nvidia", "partner")},
    ),
    (
        "Building a new AI services company with Blackstone",
        "",
        "Anthropic",
        "joint-venture",
        {("Anthropic", "partner"), ("Blackstone", "partner")},
    ),
    (
        "Eligible Uber One members can now unlock a complimentary full year of Perplexity Pro",
        "",
        "Perplexity",
        "partnership",
        {("Perplexity", "partner"), ("Uber", "partner")},
    ),  # (real)
    (
        "Perplexity Pro is coming to all SK Telecom users",
        "",
        "Perplexity",
        "partnership",
        {("Perplexity", "partner"), ("SK Telecom", "partner")},
    ),  # (real)
]


# A newsroom announcing partners it does not name: a partnership of the publisher alone.
@pytest.mark.parametrize(
    "title",
    [
        "Announcing Comet Plus Launch Partners",  # (real)
        "Perplexity Expands Publisher Program with 15 New Media Partners",  # (real)
        "Quill announces new partnerships across the Nordic AI ecosystem",
        "Meet our first technology partners",
    ],
)
def test_first_party_partners_posts(title: str) -> None:
    deal = classify(title, publisher="Quill")
    assert deal is not None and deal.type == "partnership"
    assert [p.name for p in deal.parties] == ["Quill"]
    assert (
        classify(title) is None
        or classify(title).type != "partnership"
        or len(classify(title).parties) >= 2
    )  # no publisher, no such reading


# First-party headlines worded like a deal that are not one.
FIRST_PARTY_NON_DEALS = [
    ("Building LLM-Powered Web Apps with Client-Side Technology", "Ollama"),  # (real)
    ("Building bridges with Pope Francis and students over the web", "Google"),  # (real)
    (
        "Expanding our global operations to India with our second Asia Pacific office",
        "Anthropic",
    ),  # (real)
    ("Personal Computer is Available to All Mac Users", "Perplexity"),  # (real)
    ("Jane Doe joins Quill as chief scientist", "Quill"),
    ("Working with Claude in spreadsheets", "Anthropic"),
    ("Anthropic invests $100 million into the Claude Partner Network", "Anthropic"),  # (real)
    ("Introducing the partner hub of the Quill Partner Network", "Quill"),
    ("How our launch partners build on Quill", "Quill"),
]


@pytest.mark.parametrize(
    ("title", "publisher"), FIRST_PARTY_NON_DEALS, ids=[c[0][:40] for c in FIRST_PARTY_NON_DEALS]
)
def test_first_party_non_deals(title: str, publisher: str) -> None:
    assert classify(title, publisher=publisher) is None


@pytest.mark.parametrize(
    ("title", "summary", "publisher", "kind", "roles"),
    FIRST_PARTY_CASES,
    ids=[c[0][:40] for c in FIRST_PARTY_CASES],
)
def test_first_party_posts(
    title: str, summary: str, publisher: str, kind: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, summary, publisher=publisher)
    assert deal is not None and deal.type == kind
    assert roles <= {(p.name, p.role) for p in deal.parties}
    plain = classify(title, summary)  # without the publisher, nobody is "we"
    assert plain is None or not roles <= {(p.name, p.role) for p in plain.parties}


@pytest.mark.parametrize(
    ("organization", "first_party", "name", "url", "expected"),
    [
        ("Lumen Labs", False, "Anything", None, "Lumen Labs"),
        (None, False, "TechCrunch AI", "https://techcrunch.com/feed/", None),
        (None, True, "Anthropic News", "https://www.anthropic.com/news/rss.xml", "Anthropic"),
        (None, True, "The Cohere Blog", "https://cohere.com/blog/rss", "Cohere"),
        (None, True, "xAI News", "https://x.ai/news/feed", "xAI"),
        (None, True, "Quillstack Newsroom", "https://news.quillstack.io/feed", "Quillstack"),
        (None, True, "Blog", "https://www.quillstack.co.uk/feed", "Quillstack"),
        # not marked either way: the company's own site, or not
        (None, None, "OpenAI News", "https://openai.com/news/rss.xml", "OpenAI"),
        (None, None, "Microsoft AI Blog", "https://blogs.microsoft.com/ai/feed/", "Microsoft"),
        (None, None, "Stability AI", "https://stability.ai/news?format=rss", "Stability AI"),
        (None, None, "xAI News", "https://x.ai/news/feed", "xAI"),
        (
            None,
            None,
            "Google DeepMind Blog",
            "https://deepmind.google/blog/rss.xml",
            "Google DeepMind",
        ),
        (None, None, "Ollama Blog", "https://ollama.com/blog/rss", "Ollama"),
        (None, None, "TechCrunch", "https://techcrunch.com/feed/", None),
        (None, None, "Reuters: Microsoft", "https://www.reuters.com/technology/rss", None),
        (None, None, "Google News: AI", "https://news.google.com/rss/search?q=ai", None),
        (None, None, "Import AI", "https://importai.substack.com/feed", None),
        (None, None, "Stratechery", "https://stratechery.com/feed/", None),
        (None, None, "OpenAI News", None, None),
        (None, False, "OpenAI News", "https://openai.com/news/rss.xml", None),
    ],
)
def test_publisher_of(
    organization: str | None,
    first_party: bool | None,
    name: str,
    url: str | None,
    expected: str | None,
) -> None:
    assert publisher_of(organization, first_party, name, url) == expected


# Newsletter digests: the deal item is read on its own. (title, type, parties, absent)
DIGEST_CASES = [
    (
        "OpenAI buys Ona 🤝, Anthropic backtracks 🔁, Xiaomi's MiMo code 👨‍💻",
        "acquisition",
        {("OpenAI", "acquirer"), ("Ona", "target")},
        set(),
    ),  # (real)
    (
        "GLM-5.2 🤖, DeepSeek raises $7.4B 💰, Android MCP 📱",
        "funding",
        {("DeepSeek", "target")},
        {"Android MCP"},
    ),  # (real)
    (
        "The Batch: Happy Halloween! Neural Nets Awaken, Foundation Models Go Rogue, Bots Take "
        "Over",
        None,
        set(),
        set(),
    ),  # (real)
    (
        "Lumora raises $7B 💰, Quill ships Atlas 2 🤖, Northwind buys Vesta 🤝",
        "funding",
        {("Lumora", "target")},
        {"Northwind", "Vesta"},
    ),
    (
        "Tesla Acquires DeepScale, France Backs Face Recognition, Robots Learn in Virtual Worlds",
        "acquisition",
        {("Tesla", "acquirer"), ("DeepScale", "target")},
        {"France"},
    ),
    # (real) items of a Title Case digest are Title Case too, however short
    (
        "The Batch: Happy Halloween! Neural Nets Awaken, Foundation Models Go Rogue, Bots Take "
        "Over the Office",
        None,
        set(),
        set(),
    ),
    (
        "Machine Learning Detects Cancer Early, Language Model Learns Geometry, AI Creates Jobs, "
        "Nations Invest in Homegrown AI",
        None,
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("title", "kind", "roles", "absent"), DIGEST_CASES, ids=[c[0][:40] for c in DIGEST_CASES]
)
def test_digests_are_read_item_by_item(
    title: str, kind: str | None, roles: set[tuple[str, str]], absent: set[str]
) -> None:
    deal = classify(title)
    assert (deal.type if deal else None) == kind
    if deal is not None:
        assert roles <= {(p.name, p.role) for p in deal.parties}
        assert not absent & _names(deal)


def test_possessive_deal_item_is_no_acquisition() -> None:
    """(real) "X's Y Deal" without an amount is not an acquisition of Y; the deal-type model
    may read it as the two companies' deal (a partnership) or not at all."""
    deal = classify(
        "Nvidia's Open Salvo, OpenAI's Amazon Deal, Grok Cuts Prices, Robots Learn to Walk"
    )
    assert deal is None or (
        deal.type == "partnership" and {p.name for p in deal.parties} == {"OpenAI", "Amazon"}
    )


@pytest.mark.parametrize(
    ("title", "items"),
    [
        ("A raises $7B 💰, B ships C 🤖", 2),
        (
            "Email Security Startup Agari Raises $2.5M From Alloy, Battery, Greylock And "
            "First Round",
            1,
        ),
        ("Safe Superintelligence, backed by Andreessen Horowitz, raises $1 billion", 1),
        ("Lumen | Quill buys Vesta | Atlas 3 ships", 3),
    ],
)
def test_digest_items(title: str, items: int) -> None:
    assert len(digest_items(title)) == items


# Wording that is, or is not, a deal.
WORDING_CASES = [
    ("Anthropic confidentially submits draft S-1 to the SEC", "ipo", None),  # (real)
    (
        "Anthropic and the Government of Rwanda sign MOU for AI in health and education",
        "partnership",
        None,
    ),  # (real)
    (
        "Snowflake and Anthropic announce $200 million partnership to bring agentic AI to "
        "global enterprises",
        "partnership",
        200e6,
    ),  # (real)
    (
        "Mistral AI raises 1.7B€ to accelerate technological progress with AI",
        "funding",
        1.7e9,
    ),  # (real)
    ("Bengaluru's Tessera AI bags ₹500-crore Series C", "funding", 5e9),
    ("Quill denies it is raising $5B at a $60B valuation", "funding", 5e9),
    ("How Sevilla FC is discovering future soccer stars with Llama", None, None),  # (real)
    ("AI Artifacts: An interview with Ruben Fro and Benjamin Bardou", None, None),  # (real)
    ("Lumen wins the 2026 Turing Prize for agent research with Quill", None, None),
    # Joint ventures and partnerships whose subject names the partners
    (
        "BlackRock, Microsoft and MGX launch $30 billion AI infrastructure fund",
        "joint-venture",
        30e9,
    ),
    (
        "Siemens and Bosch found joint company to build foundation models for factories",
        "joint-venture",
        None,
    ),
    ("Northwind and Quill set up $2bn sovereign compute venture", "joint-venture", 2e9),
    (
        "Anthropic and the Department of Defense to advance responsible AI in defense operations",
        "partnership",
        None,
    ),  # (real)
    ("Sony and Honda launch pilot programme for in-car assistants", "partnership", None),
    # Acquisitions worded from the target's side, or with a rarer verb
    (
        "Data-labeling firm Tessellate agrees to $3 billion takeover by Thoma Bravo",
        "acquisition",
        3e9,
    ),
    ("Fernhill Analytics goes to Salesforce in $1.9bn deal", "acquisition", 1.9e9),
    ("Humane folds into HP for $116 million, and the AI Pin is dead", "acquisition", 116e6),
    ("ServiceNow to swallow Moveworks in $2.85 bln AI bet", "acquisition", 2.85e9),
    ("Ridgeline and Bluestem to combine in $11 billion deal", "merger", 11e9),
    # Money worded as a round, a check or "money"
    ("Anthropic valued at $183 billion in $13 billion financing", "funding", 13e9),
    ("OpenAI's $6.6 billion round values it at $157 billion", "funding", 6.6e9),
    ("Why Nvidia just wrote a $2 billion check to Synopsys", "investment", 2e9),
    (
        "Nvidia puts money into KESTREL, the French startup teaching robots to fold laundry",
        "investment",
        None,
    ),
    # Listings worded as a prospectus or a float; a per-share price band is not the amount
    ("Perth's Quokka Labs lodges prospectus for A$80m ASX float", "ipo", 80e6),
    ("Kavach AI IPO: price band set at ₹210-220 for ₹900-crore issue", "ipo", 9e9),
    ("Stockholm's Quiet Fox bags nine-figure sum from Northzone", "funding", None),
    ("Samsung and Micron sign letters of intent to supply memory for Quill", "partnership", None),
    ("Arcwell and Quill in advanced merger talks", "merger", None),
    ("Blackstone to take Tokyo consultancy Nexo private in $2bn deal", "acquisition", 2e9),
    ("Lumo and Brisa join forces to build an Iberian voice AI champion", "partnership", None),
    # Not deals
    ("Shares of Ridgeline and Bluestem fall as rates rise", None, None),
    ("Quill and Northwind to face questions from the Senate", None, None),
    # An IPO of the past, stock moves and insiders' trades are not listings or deals
    ("Stratus Compute stock falls below its IPO price for the first time", None, None),
    ("Kestrel shares have more than doubled since IPO", None, None),
    ("Arm shares slip as post-IPO lock-up expiry nears", None, None),
    ("Quill insider sells 12,000 shares", None, None),
    # A licence talked about, not granted; a building bought, not a company
    ("The Lumen license isn't open source. Does it matter?", None, None),
    ("Do AI labs need licenses to train? A primer", None, None),
    ("Nscale buys former paper mill in Norway to house 100,000 GPUs", None, None),
    ("Quill acquires former steel mill site near Pittsburgh for AI campus", None, None),
    ("Quill licenses its coding model to Samsung", "licensing", None),
    ("Quill acquires Berlin-based startup Fjord for $50M", "acquisition", 50e6),
]


@pytest.mark.parametrize(
    ("title", "kind", "amount"), WORDING_CASES, ids=[c[0][:40] for c in WORDING_CASES]
)
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
    # Frequent words that are brands, not dictionary words, are not ordinary
    assert not is_ordinary("toyota") and not is_ordinary("nvidia") and is_ordinary("startup")
    assert is_ordinary("partners") and is_ordinary("planned") and is_ordinary("british")


@pytest.mark.parametrize(
    ("title", "summary", "roles"),
    [
        # A place that owns the name is not a party ("Dresden's Kobold Robotics")
        (
            "Siemens takes minority stake in Dresden's Kobold Robotics",
            "",
            {("Siemens", "investor"), ("Kobold Robotics", "target")},
        ),
        (
            "Nordwind and Oslo's Fjord AI set up joint compute venture",
            "",
            {("Nordwind", "partner"), ("Fjord AI", "partner")},
        ),
        # An exchange is not the issuer
        (
            "Leipzig's Nordwind AI pulls Frankfurt IPO after a weak quarter",
            "",
            {("Nordwind AI", "issuer")},
        ),
        # Licensing out whatever is licensed
        (
            "Ananta licenses speech recognition tech to Tata Motors",
            "",
            {("Ananta", "licensor"), ("Tata Motors", "licensee")},
        ),
        (
            "Blackstone to take Tokyo consultancy Nexo private in $2bn deal",
            "",
            {("Blackstone", "acquirer"), ("Nexo", "target")},
        ),
        # Named investors with the plural verb; known parties need no model's word
        (
            "Goldman Sachs and Thoma Bravo back Glean",
            "",
            {("Goldman Sachs", "investor"), ("Thoma Bravo", "investor"), ("Glean", "target")},
        ),
    ],
)
def test_roles_on_press_wording(title: str, summary: str, roles: set[tuple[str, str]]) -> None:
    deal = classify(title, summary)
    assert deal is not None
    assert {(p.name, p.role) for p in deal.parties} == roles


def test_an_amount_the_headline_lacks_comes_from_the_lead_sentence() -> None:
    deal = classify(
        "Nvidia puts money into KESTREL",
        "Nvidia has invested $40 million in KESTREL, the French robotics startup, "
        "it said on Tuesday.",
    )
    assert deal is not None and deal.amount is not None and deal.amount.value == 40e6
    # A lead sentence that names no party of the deal gives no amount
    other = classify(
        "Nvidia puts money into KESTREL",
        "Chip stocks rose $30 billion in value on Tuesday. More follows.",
    )
    assert other is not None and other.amount is None


def test_a_pulled_listing_is_called_off() -> None:
    deal = classify("Leipzig's Nordwind AI pulls Frankfurt IPO after a weak quarter")
    assert deal is not None and deal.status == "called-off"
