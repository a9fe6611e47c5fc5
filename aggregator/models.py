"""Plain frozen dataclasses passed between the stages.

Stage modules never import each other; they share only this module and ``errors``.
All datetimes are timezone-aware UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

# --------------------------------------------------------------------------- settings

#: The earliest date an entry may carry: an earlier one (a feed's "0001-01-01") counts as no
#: date at parse, and one stored before this bound is read as this date.
DATE_FLOOR = datetime(1990, 1, 1, tzinfo=UTC)

DEFAULT_USER_AGENT = "aggregator/0.1 (+https://github.com/aggregator; AI deals feed)"


@dataclass(frozen=True)
class SiteSettings:
    title: str = "AI deals"
    base_url: str = "http://127.0.0.1:8080/"  # always ends with "/"
    author: str = "aggregator"
    subtitle: str = "AI-industry deals, one entry per story"
    id_authority: str = "aggregator.local,2026"  # tag: URI authority + date, never changes
    base_url_set: bool = True  # False: not in the config, base_url follows host and port


@dataclass(frozen=True)
class FeedSettings:
    """One input feed from feeds.yaml (defaults already applied)."""

    name: str
    url: str | None = None  # http(s) URL, or None when ``path`` is given
    path: Path | None = None  # a local file (offline demo, tests)
    interval: int = 3600  # seconds between polls
    timeout: float = 30.0  # total wall-clock deadline of one fetch, seconds
    user_agent: str = DEFAULT_USER_AGENT
    priority: int = 0  # higher wins when choosing a story's primary source
    # the company's own newsroom/blog; None (not configured): inferred from its address and
    # name (deals.publisher_of)
    first_party: bool | None = None
    organization: str | None = None  # who publishes it ("we" in its posts); None: inferred
    enabled: bool = True
    line: int | None = None  # line in feeds.yaml, for error messages

    @property
    def location(self) -> str:
        """The URL, or a file: URI for local feeds (what users see in tables)."""
        if self.url:
            return self.url
        assert self.path is not None
        return self.path.resolve().as_uri()


@dataclass(frozen=True)
class TagRule:
    """A user-defined tag: a story gets it when any keyword or regex matches."""

    name: str
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # regular expressions, validated at config load


@dataclass(frozen=True)
class CurationRules:
    """What goes into the curated feed.atom (default: every deal story)."""

    min_usd: float | None = None  # only deals with a known amount >= this
    types: tuple[str, ...] = ()  # empty = every deal type
    companies: tuple[str, ...] = ()  # empty = any company; else one must be involved
    tags: tuple[str, ...] = ()  # stories with one of these user tags also qualify
    include_denied: bool = False  # deals a party denies are left out unless set


@dataclass(frozen=True)
class WebhookTarget:
    """Where an alert rule's alerts are POSTed, and in which message format."""

    url: str
    format: str = "json"  # json | slack | discord | ntfy
    secret: str | None = None  # signs the body (HMAC-SHA256) when set

    @property
    def key(self) -> str:
        """Names the target in the outbox (the secret is never stored there)."""
        return f"{self.format} {self.url}"


@dataclass(frozen=True)
class AlertRule:
    """``alerts[]`` of feeds.yaml: which deal stories to be told about, and where.

    Every filter that is set must match (AND); within a list, any item (OR).
    """

    name: str  # path-safe: alerts/{name}.atom
    types: tuple[str, ...] = ()  # empty = every deal type
    min_usd: float | None = None  # only deals with a known amount >= this
    companies: tuple[str, ...] = ()  # a party to the deal, any role
    investors: tuple[str, ...] = ()  # a party in the role of investor
    statuses: tuple[str, ...] = ()  # empty = any status
    tags: tuple[str, ...] = ()  # the story carries one of these user tags
    webhooks: tuple[WebhookTarget, ...] = ()


@dataclass(frozen=True)
class AlertDelivery:
    """``alert_delivery`` of feeds.yaml: how webhook deliveries are sent and retried."""

    timeout: float = 10.0  # total deadline of one POST, seconds
    max_attempts: int = 12  # then the delivery is marked failed
    retry_base: float = 30.0  # first retry after about this many seconds
    retry_max: float = 3600.0  # retries never wait longer than this
    max_response_bytes: int = 65536  # what is read of a receiver's answer
    concurrency: int = 4  # POSTs in flight


@dataclass(frozen=True)
class BriefSettings:
    """``brief`` of feeds.yaml: the daily (and weekly) deals brief."""

    days: int = 14  # day entries in brief.atom
    timezone: str = "UTC"  # where a day starts (an IANA zone name)
    weekly: bool = False  # also brief-weekly.atom, one entry per ISO week


@dataclass(frozen=True)
class Settings:
    config_file: Path | None = None
    site: SiteSettings = field(default_factory=SiteSettings)
    feeds: tuple[FeedSettings, ...] = ()
    database: Path = Path("data/aggregator.db")
    output: Path = Path("data/site")
    host: str = "127.0.0.1"
    port: int = 8080
    web_workers: int = 2  # processes answering HTTP on host:port
    allow_private_networks: bool = False
    concurrency: int = 64  # requests in flight, all hosts
    per_host: int = 2  # requests in flight per host
    max_body_bytes: int = 10 * 1024 * 1024  # cap on *decoded* body size
    max_redirects: int = 5
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_entries_per_feed: int = 500  # entries processed per fetch
    feed_size: int = 50  # entries per published document
    source_share: float = 0.2  # share of a head document one feed may hold
    # changed company/story/investor feeds (in place already) rendered per publish; the
    # rest wait for the next publishes, longest waiting first (None: no limit)
    profile_budget: int | None = 32
    adopt_site: bool = False  # publish over a site made from another database
    retention_days: int | None = None  # prune entries older than this (off by default)
    retention_per_feed: int | None = 20_000  # entries kept per feed, the latest stored
    story_window_days: float = 3.0  # entries further apart never join one story
    tag_rules: tuple[TagRule, ...] = ()
    watchlist: tuple[str, ...] = ()
    curation: CurationRules = field(default_factory=CurationRules)
    currency_rates: Mapping[str, float] = field(default_factory=dict)  # units of USD per 1 unit
    websub_hub: str | None = None
    log_format: str = "text"  # "text" or "json"
    readiness_max_age: int = 3 * 3600  # /readyz fails when the last cycle is older (s)
    readiness_feed_failures: int = 1  # /readyz fails when every feed failed this often
    alerts: tuple[AlertRule, ...] = ()
    alert_delivery: AlertDelivery = field(default_factory=AlertDelivery)
    brief: BriefSettings = field(default_factory=BriefSettings)


# --------------------------------------------------------------------------- fetch


@dataclass(frozen=True)
class FetchRequest:
    feed: str
    url: str | None  # http(s) URL, or None for a local file
    path: Path | None = None
    etag: str | None = None
    last_modified: str | None = None
    timeout: float = 30.0  # total deadline, seconds
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True)
class FetchResult:
    feed: str
    url: str  # the URL (or file URI) that was requested
    status: int | None  # final HTTP status; None when no response arrived
    content: bytes | None = None  # decoded body (200 only)
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    final_url: str | None = None  # after redirects
    etag: str | None = None
    last_modified: str | None = None
    permanent_redirect: str | None = None  # set when every hop was 301/308
    retry_after: datetime | None = None
    error: str | None = None  # human-readable reason of a failure
    error_kind: str | None = None  # timeout | too-large | blocked | redirects | http | network
    elapsed: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and self.error is None

    @property
    def ok(self) -> bool:
        return self.error is None and self.content is not None


# --------------------------------------------------------------------------- parse


@dataclass(frozen=True)
class Entry:
    """One entry of one feed, cleaned: what the store keeps."""

    feed: str
    entry_key: str  # GUID -> canonical link -> content hash
    guid: str | None
    link: str | None  # canonical URL (tracking parameters removed)
    title: str  # plain text
    summary: str  # plain text, capped
    content_html: str  # sanitised HTML (allow-list), capped
    author: str | None
    published: datetime | None  # UTC; None when the feed has no usable date
    updated: datetime | None
    content_hash: str  # hash of title + text, for change detection
    original_link: str | None = None  # the link as the feed gave it (sanitised)


@dataclass(frozen=True)
class ParsedFeed:
    feed: str
    title: str | None
    link: str | None
    entries: tuple[Entry, ...]
    warning: str | None = None  # bozo / truncation notes: kept what parsed


# --------------------------------------------------------------------------- store views


@dataclass(frozen=True)
class StoredEntry:
    id: int
    entry: Entry
    first_seen: datetime
    story_id: int | None = None
    feed_title: str | None = None  # outlet name (the feed's name in feeds.yaml)


@dataclass(frozen=True)
class FeedState:
    name: str
    url: str | None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch_at: datetime | None = None
    last_success_at: datetime | None = None
    last_status: int | None = None
    last_error: str | None = None
    error_count: int = 0
    next_fetch_at: datetime | None = None
    redirect_url: str | None = None  # pending permanent redirect target
    redirect_count: int = 0  # consecutive polls that saw it
    disabled: str | None = None  # reason (e.g. "410 Gone")
    entry_count: int = 0


# --------------------------------------------------------------------------- stories


NATIVE_SLUG = "u-"  # how the slug of a name in a non-Latin script starts (deals.slugify)


@dataclass(frozen=True)
class EventFacts:
    """Who and what a report's deal reading names, as the story clusterer compares them."""

    kind: str  # the deal type
    parties: frozenset[str]  # slugs of every party
    principal: frozenset[str]  # slugs of whom the event is about: the target or
    # issuer (funding, acquisition, IPO), the licensor,
    # the partners (partnership, joint venture, merger)
    amount: float | None = None  # the deal amount in USD (shipped rates)
    round: str | None = None

    @classmethod
    def of(cls, deal: Deal | None) -> EventFacts | None:
        """The facts of a deal reading; None without a deal or without a named party, or
        with a party named in another script (its slug ``u-…``: "楽天" cannot be told from
        "Rakuten" by slug, so the report is compared by its words alone)."""
        if deal is None or not deal.parties:
            return None
        if any(p.slug.startswith(NATIVE_SLUG) for p in deal.parties):
            return None
        parties = _one_set(frozenset(p.slug for p in deal.parties))
        about = _one_set(frozenset(p.slug for p in deal.parties if p.role in _PRINCIPAL_ROLES))
        amount = deal.amount.usd if deal.amount is not None else None
        return cls(
            kind=deal.type, parties=parties, principal=about, amount=amount, round=deal.round
        )


_PRINCIPAL_ROLES = frozenset({"target", "issuer", "licensor", "partner"})
# One object per set of party slugs: a story window holds the facts of every report, and
# the same companies are named report after report. A memo of immutable values, emptied
# when full.
_SETS: dict[frozenset[str], frozenset[str]] = {}
_SHARED_SETS = 8_192


def _one_set(slugs: frozenset[str]) -> frozenset[str]:
    if len(_SETS) >= _SHARED_SETS:
        _SETS.clear()
    return _SETS.setdefault(slugs, slugs)


@dataclass(frozen=True)
class StoryItem:
    """What the story clusterer sees of a stored entry."""

    entry_id: int
    feed: str
    url: str | None
    guid: str | None
    title: str
    summary: str
    published: datetime  # publication time, or first-seen when unknown
    facts: EventFacts | None = None  # from the entry's deal reading, when it has one
    publisher: str | None = None  # whose own feed it is from (a newsroom's organisation)


@dataclass(frozen=True)
class StoryDecision:
    """Where one new entry goes, and why."""

    entry_id: int
    story_id: int | None  # existing story to join; None = start a new story
    rule: str  # e.g. same-url, same-guid, similar-title, new
    score: float = 0.0
    shared_terms: tuple[str, ...] = ()
    matched_entry_id: int | None = None
    merge_story_ids: tuple[int, ...] = ()  # other stories found to be this one (to fold in)


@dataclass(frozen=True)
class StoryLink:
    """Why one entry is in a story, as the store recorded its decision."""

    entry_id: int
    feed: str
    title: str
    link: str | None
    rule: str
    score: float
    shared_terms: tuple[str, ...]
    matched_entry_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class StoryMerge:
    """A story folded into another one (``kept_id``), and the entry that linked both."""

    kept_id: int
    dropped_id: int
    entry_id: int | None
    merged_at: datetime


# --------------------------------------------------------------------------- deals

# Approximate US dollars per one unit of each currency: the one shipped table (the deal
# reader's default, and what ``currency_rates`` in feeds.yaml is merged over).
CURRENCY_RATES: Mapping[str, float] = MappingProxyType(
    {
        "USD": 1.0,
        "EUR": 1.08,
        "GBP": 1.27,
        "JPY": 0.0067,
        "CNY": 0.138,
        "INR": 0.012,
        "CHF": 1.13,
        "CAD": 0.73,
        "AUD": 0.66,
        "HKD": 0.128,
        "SGD": 0.74,
        "KRW": 0.00073,
        "SEK": 0.095,
        "NOK": 0.094,
        "DKK": 0.145,
        "BRL": 0.18,
        "NZD": 0.6,
        "ILS": 0.27,
        "AED": 0.272,
        "SAR": 0.267,
    }
)


@dataclass(frozen=True)
class DealKind:
    """One deal type and everything the stages know about it: adding a type is one entry of
    ``DEAL_KINDS`` (plus its rules in ``deals/_patterns.py`` and its tests)."""

    name: str  # "joint-venture": the type as stored, published and configured
    label: str  # "Joint venture": how a reader sees it
    roles: tuple[str, str | None]  # roles of the first and the next organisation named
    needs: tuple[frozenset[str], ...] = ()  # a complete deal names one role of each set
    together: bool = False  # partners named as a group, two or more (partnership, JV, merger)
    raises_money: bool = False  # the target raises money: a valuation belongs to the deal
    partnering: bool = False  # shown among a company's partners
    gated: bool = False  # the rules' reading is checked by the M&A model
    # The event class stories compare readings by, when not the type itself: outlets report
    # an investment as the target's funding ("X raises $1B from Y" / "Y invests $1B in X").
    reported_as: str | None = None

    @property
    def event_class(self) -> str:
        """The kind of event two readings must share to be one announcement."""
        return self.reported_as or self.name


DEAL_KINDS: Mapping[str, DealKind] = MappingProxyType(
    {
        k.name: k
        for k in (
            DealKind(
                "funding", "Funding", ("target", None), (frozenset({"target"}),), raises_money=True
            ),
            DealKind(
                "investment",
                "Investment",
                ("investor", "target"),
                (frozenset({"investor"}), frozenset({"target"})),
                raises_money=True,
                gated=True,
                reported_as="funding",
            ),
            DealKind(
                "acquisition",
                "Acquisition",
                ("acquirer", "target"),
                (frozenset({"target"}),),
                gated=True,
            ),
            DealKind("merger", "Merger", ("partner", "partner"), together=True, gated=True),
            DealKind(
                "partnership", "Partnership", ("partner", "partner"), together=True, partnering=True
            ),
            DealKind(
                "licensing",
                "Licensing",
                ("licensee", "licensor"),
                (frozenset({"licensor", "licensee"}),),
                partnering=True,
            ),
            DealKind("ipo", "IPO", ("issuer", None), (frozenset({"issuer"}),), raises_money=True),
            DealKind(
                "joint-venture",
                "Joint venture",
                ("partner", "partner"),
                together=True,
                partnering=True,
            ),
        )
    }
)
DEAL_TYPES = tuple(DEAL_KINDS)
DEAL_STATUSES = ("rumoured", "announced", "completed", "rejected", "called-off", "denied")
PARTY_ROLES = (
    "investor",
    "acquirer",
    "target",
    "partner",
    "seller",
    "issuer",
    "licensor",
    "licensee",
)


@dataclass(frozen=True)
class Money:
    value: float  # in units of ``currency`` (4e9 for "$4B")
    currency: str  # ISO 4217 code (USD, EUR, GBP, JPY, CNY, ...)
    qualifier: str | None = None  # up to | about | more than | over | at least | ...
    high: float | None = None  # upper bound of a range ("$1-2B")
    usd: float | None = None  # approximate value in USD
    text: str = ""  # the phrase it was read from


@dataclass(frozen=True)
class Party:
    name: str  # normalised company name
    role: str  # one of PARTY_ROLES
    slug: str  # stable, for companies/{slug}.atom
    lead: bool = False  # an investor that leads the round


@dataclass(frozen=True)
class Deal:
    type: str  # one of DEAL_TYPES
    status: str | None = None  # one of DEAL_STATUSES
    amount: Money | None = None
    valuation: Money | None = None
    round: str | None = None  # pre-seed, seed, series-a, ..., growth, bridge
    parties: tuple[Party, ...] = ()
    evidence: str = ""  # the phrase that matched
    rule: str = ""  # which rule matched
    # The other deals of the same entry (a newsletter digest's other deal items), in title
    # order: each a complete Deal of its own item, with no ``also`` of its own.
    also: tuple[Deal, ...] = ()

    def deals(self) -> tuple[Deal, ...]:
        """This deal, then the others of its entry."""
        return (self, *self.also) if self.also else (self,)


@dataclass(frozen=True)
class EntryDeal:
    """What the classifier read in one entry (None: no deal), and which classifier version."""

    version: str
    deal: Deal | None


@dataclass(frozen=True)
class RunRecord:
    """An update cycle as the store recorded it: when, what failed, and its whole report."""

    started_at: datetime
    finished_at: datetime
    store_error: str | None  # the cycle could not write the database
    publish_error: str | None  # its publish failed
    report: Mapping[str, Any]  # the cycle's report, as the run record keeps it


@dataclass(frozen=True)
class FactRow:
    """One report of a story as deciding the story's facts reads it."""

    id: int  # the entry's id
    feed: str
    title: str
    summary: str
    pub_time: str  # stored UTC ISO-8601 text: sorts chronologically
    deal: EntryDeal | None  # the reading stored with the entry, if any


@dataclass(frozen=True)
class StoryFactsUpdate:
    """What was decided about one story: its primary report, deal, tags, curation."""

    story_id: int
    primary_entry_id: int
    deal: Deal | None
    tags: tuple[str, ...]
    curated: bool
    # the known companies its reports' titles name, (slug, name) by slug: with its deal's
    # parties, the stories of the company's ``about/{slug}`` feed
    subjects: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FactChange:
    """One material change of a deal's facts: ``amount $3B → $4B``."""

    field: str  # amount | status | type | party
    old: str  # as shown ("" for a new party)
    new: str

    @property
    def text(self) -> str:
        if self.field == "party":
            return f"new party {self.new}"
        return f"{self.field} {self.old} → {self.new}"


@dataclass(frozen=True)
class FactCorrection:
    """The material changes of a published deal's facts at one moment."""

    at: datetime
    changes: tuple[FactChange, ...]


@dataclass(frozen=True)
class AlertFacts:
    """What an alert about a live story says: its deal and tags, its primary report's title,
    link, outlet and the outlet's feed URL, and the story's ``tag:`` URI."""

    id: int  # the story's id
    deal: Deal | None
    tags: tuple[str, ...]
    title: str
    link: str | None
    outlet: str
    feed_url: str | None
    uri: str


@dataclass(frozen=True)
class AlertEvent:
    """One alert of one rule about one story: its first match (seq 1) or a change."""

    id: int
    rule: str
    story_id: int
    seq: int  # 1, 2, ... per (rule, story)
    kind: str  # "new" or "changed"
    changes: tuple[FactChange, ...]
    deal: Deal
    title: str
    link: str | None
    outlet: str
    outlet_feed: str | None
    story_uri: str
    fired_at: datetime

    @property
    def uri(self) -> str:
        """The alert's own id (a tag: URI beside its story's), stable forever; also the
        Idempotency-Key of its webhook deliveries."""
        authority = self.story_uri.rsplit(":story/", 1)[0]
        return f"{authority}:alert/{self.rule}/{self.story_id}/{self.seq}"

    @property
    def headline(self) -> str:
        """ "New deal" or "Changed: amount $3B → $4B; status announced → completed"."""
        if self.kind == "new":
            return "New deal"
        return "Changed: " + "; ".join(c.text for c in self.changes)


@dataclass(frozen=True)
class Delivery:
    """One queued webhook delivery of an alert (a row of the outbox)."""

    id: int
    event: AlertEvent
    target: str  # WebhookTarget.key
    status: str  # pending | delivered | failed | dropped
    attempts: int
    next_at: datetime | None
    last_error: str | None
    created_at: datetime


@dataclass(frozen=True)
class DeliveryResult:
    """What one POST of a delivery came to."""

    delivery_id: int
    ok: bool
    status: int | None = None  # HTTP status, None when no answer arrived
    error: str | None = None
    permanent: bool = False  # not worth retrying (a 4xx other than 408/429)
    retry_after: datetime | None = None


# --------------------------------------------------------------------------- publish views


@dataclass(frozen=True)
class Source:
    """One outlet's report of a story."""

    entry_id: int
    feed: str  # outlet name
    feed_url: str | None
    title: str
    link: str | None
    published: datetime | None
    first_seen: datetime


@dataclass(frozen=True)
class Story:
    id: int
    uri: str  # tag: URI, stable forever
    title: str
    summary: str
    content_html: str
    primary: Source
    sources: tuple[Source, ...]  # primary first
    published: datetime  # news time: earliest report date, capped at first seen
    updated: datetime  # content time: newest report at first sight, then changes
    deal: Deal | None = None
    tags: tuple[str, ...] = ()
    curated: bool = False
    source_count: int = 0  # reports in all (``sources`` may list fewer)
    history: tuple[FactCorrection, ...] = ()  # changes of its deal facts, oldest first
    first_seen: datetime | None = None  # when the story was first seen (its creation)


@dataclass(frozen=True)
class StoryQuery:
    """Which stories a published feed holds. All set fields must match (AND)."""

    curated: bool | None = None  # True: the curated feed only
    deal_type: str | None = None  # deals/{type}
    company: str | None = None  # companies/{slug} (a Party.slug)
    investor: str | None = None  # investors/{slug} (a Party.slug in the investor role)
    tag: str | None = None  # tags/{tag}
    deals_only: bool = False  # any deal type
    about: str | None = None  # about/{slug}: every story naming the company (a Party.slug)


def feed_key(query: StoryQuery) -> str | None:
    """The ``feed_members`` key of a query that is one published feed (None: any other)."""
    fields = {
        name: value
        for name, value in (
            ("curated", query.curated),
            ("deal", query.deal_type),
            ("company", query.company),
            ("investor", query.investor),
            ("tag", query.tag),
            ("deals", query.deals_only or None),
            ("about", query.about),
        )
        if value is not None
    }
    if not fields:
        return "all"
    if len(fields) > 1:
        return None
    ((name, value),) = fields.items()
    if name == "curated":
        return "curated" if value is True else None
    if name == "deals":
        return "deals"
    return f"{name}:{value}"


@dataclass(frozen=True)
class Company:
    slug: str
    name: str
    deal_count: int


@dataclass(frozen=True)
class Facets:
    companies: tuple[Company, ...]  # every company involved in at least one deal
    deal_types: tuple[str, ...]  # deal types present
    tags: tuple[str, ...]  # user tags present (and configured)
    investors: tuple[Company, ...] = ()  # every party in the role of investor in a deal


@dataclass(frozen=True)
class DealExportRow:
    """One live deal story as ``deals.csv`` / ``deals.ndjson`` list it (no Story loaded)."""

    id: int
    uri: str  # the story's atom:id
    announced: datetime  # its news time (``stories.news_at``)
    deal: Mapping[str, Any]  # its deal facts as stored (a Deal's fields)
    url: str | None  # the primary report's link
    outlets: tuple[str, ...]  # every outlet that reported it, the primary's first
    version: str = ""  # what the row is made from, as ``deal_export_versions`` names it


@dataclass(frozen=True)
class PartyDeal:
    """One live deal story of a company, as its profile and timeline list it."""

    id: int
    announced: datetime  # its news time
    deal: Deal
    title: str  # the primary report's title
    url: str | None  # the primary report's link
    updated: str = ""  # the story's version (its updated time)


@dataclass(frozen=True)
class MonthVolume:
    month: str  # "2026-11"
    deals: int
    usd: float  # sum of known USD amounts


class StoryReader(Protocol):
    """What publish needs from the store (the store implements it; ``tests/fake_reader.py``
    fakes all of it).

    Stories are ordered by id: ids grow with first-seen time, so "newest first" is id DESC
    and archive pages (oldest first, fixed size) never reshuffle. A version is a story's
    ``updated`` time as text (ISO 8601); publish only compares versions and reads them back
    with ``datetime.fromisoformat``.
    """

    def installation_id(self) -> str:
        """The database's id, written to the site's marker (stories' ids are per database)."""
        ...

    def select_stories(
        self, query: StoryQuery, *, limit: int, offset: int = 0, oldest_first: bool = False
    ) -> Sequence[Story]: ...

    def count_stories(self, query: StoryQuery) -> int: ...

    def feed_generations(self) -> Mapping[str, int] | None:
        """A change count per published feed, by ``feed_key`` ("all", "deal:funding",
        "company:acme", …): it moves whenever a story joins or leaves the feed or a story in
        it gets a new version (``updated``) or primary report; a feed not listed counts 0.
        None: no counts are kept (publish then reads every feed's head to know whether it
        changed)."""
        ...

    def facets(self) -> Facets: ...

    def story_versions(self, query: StoryQuery, *, limit: int) -> Sequence[tuple[int, str]]:
        """(id, updated) of the newest stories: lets publish skip unchanged feeds."""
        ...

    def head_versions(
        self, query: StoryQuery, *, limit: int, per_source: int, scan: int
    ) -> Sequence[tuple[int, str]]:
        """(id, updated) of a head document's stories, newest first: the newest ``limit``
        with at most ``per_source`` of one feed (the primary report's) while other stories
        fill the places, looking through the newest ``scan`` (then the places left go to
        the newest of those held back)."""
        ...

    def stories(self, ids: Sequence[int]) -> Sequence[Story]:
        """The stories ``ids`` that are there, by id (one merged or gone since is left out)."""
        ...

    def story_uri(self, story_id: int) -> str:
        """The story's atom:id, stable for its whole life (known without loading it)."""
        ...

    def largest_deals(self, since: datetime, *, limit: int) -> Sequence[tuple[int, str]]:
        """(id, updated) of the ``limit`` live deal stories with the largest disclosed
        amount in USD whose news time is ``since`` or later, largest first (then the newer
        story)."""
        ...

    def deal_export_days(self) -> Sequence[tuple[str, int]]:
        """(day, a count that moves whenever a deal story of that day is written) of every
        day (UTC, of news time) that has held a live deal story, oldest first."""
        ...

    def deal_export_rows(
        self, day: str | None = None, ids: Sequence[int] | None = None
    ) -> Iterable[DealExportRow]:
        """The live deal stories by news time, then id (all, or those of one ``day``; with
        ``ids``, only those stories), as the exports list them."""
        ...

    def deal_export_versions(self, day: str) -> Sequence[tuple[int, str]]:
        """(id, version) of the rows :meth:`deal_export_rows` gives for ``day``, in that
        order, read without the rows: a version changes whenever its row may."""
        ...

    def deal_volume_by_month(self) -> Sequence[MonthVolume]: ...

    def deal_facts(self, ids: Sequence[int]) -> Sequence[PartyDeal]:
        """The deal facts of the live deal stories ``ids``, by news time then id."""
        ...

    def feed_states(self, *, counts: bool = True) -> Sequence[FeedState]:
        """Every feed's state (the index lists them); ``counts``: with stored entries."""
        ...

    def alert_events(self, rule: str, *, limit: int) -> Sequence[AlertEvent]:
        """The newest alerts of ``rule``, newest first."""
        ...

    def brief_versions(self, days: float) -> Sequence[tuple[int, str, str]]:
        """(id, updated, news time) of the curated deal stories whose news time is within
        ``days`` of the newest one's, in news-time order (what the deals brief lists)."""
        ...

    def brief_stories_of(self, ids: Sequence[int]) -> Sequence[Story]:
        """The stories ``ids`` of the brief periods that changed."""
        ...
