"""The hostile cases, shared by tests/test_hostile.py and bench/hostile.py.

Each :class:`Case` is one hostile feed: what the local server answers on ``/case/<name>``,
the outcome the update cycle must record for it (``expect``: ``"parsed"`` or the
``FetchResult.error_kind`` of a refusal, ``"parse"`` for a ``ParseError``), the defence that
is expected to stop it, and optional extra checks on the stored and published result.
The generic checks (cycle completes, good feed stored and published, nothing lost, valid
feeds, nothing dangerous published) are in :mod:`tests.hostile.harness`.

Dangerous payloads carry the marker :data:`SENTINEL` inside their active part (script
body, event handler, URL), so the published output can be searched for it structurally.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from aiohttp.abc import AbstractResolver, ResolveResult

from aggregator.models import TagRule

from ..factories import query, scalar
from .server import Body, Bomb, Drip, HostileServer, LyingLength, Redirect, RedirectLoop, Response

if TYPE_CHECKING:
    from aggregator.store import Store

    from .harness import CaseRun

SENTINEL = "XSSMARK"
PASSWD_MARK = "root:x:0:"  # what /etc/passwd would leak
CANARY = "/canary/"  # paths an XXE would request (counted by the server)
BOMB_MB = 256  # decoded size of the compression bombs (MB)
Check = Callable[["CaseRun"], list[str]]
XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>'


# --------------------------------------------------------------------------- documents


def item(
    title: str,
    link: str | None = "https://hostile.example/a",
    *,
    guid: str | None = None,
    description: str = "",
    date: str | None = "Mon, 23 Nov 2026 08:00:00 GMT",
    extra: str = "",
) -> str:
    parts = [f"<title>{title}</title>"]
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if description:
        parts.append(f"<description>{description}</description>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    return "<item>" + "".join(parts) + extra + "</item>"


def rss(items: str, *, prolog: str = "", head: str = XML_HEAD, title: str = "Hostile") -> str:
    return (
        f'{head}{prolog}<rss version="2.0" '
        f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>https://hostile.example/</link>"
        f"<description>hostile</description>{items}</channel></rss>"
    )


def doc(items: str, **kw: str) -> bytes:
    return rss(items, **kw).encode("utf-8")


def _billion_laughs() -> bytes:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)
    )
    return doc(item("laugh &lol9;", description="&lol9;"), prolog=f"<!DOCTYPE rss [{ents}]>")


def _quadratic() -> bytes:
    prolog = f'<!DOCTYPE rss [<!ENTITY a "{"A" * 100_000}">]>'
    return doc(item("q " + "&a;" * 10_000), prolog=prolog)


def _many_entries(n: int) -> bytes:
    items = "".join(
        f"<item><title>n{i}</title><link>https://m.example/{i}</link><guid>m{i}</guid></item>"
        for i in range(n)
    )
    return doc(items)


def _xxe_loopback(server: HostileServer) -> bytes:
    base = server.base + CANARY
    prolog = (
        f'<!DOCTYPE rss [<!ENTITY ext SYSTEM "{base}general">'
        f'<!ENTITY % p SYSTEM "{base}parameter"> %p;]>'
    )
    return doc(item("x &ext; y", description="&ext;"), prolog=prolog)


def _external_dtd(server: HostileServer) -> bytes:
    base = server.base + CANARY
    prolog = (
        f'<!DOCTYPE rss PUBLIC "-//X//EN" "{base}public.dtd" [<!ENTITY ext SYSTEM "{base}g2">]>'
    )
    return doc(item("dtd &ext;"), prolog=prolog, head=XML_HEAD + "\n")


def _truncated() -> bytes:
    full = doc(
        item("Kept before the cut", "https://hostile.example/t1")
        + item("Cut in half", "https://hostile.example/t2")
    )
    return full[: full.index(b"Cut in") + 3]


HTML_TRICKS = [
    "<script>XSSMARK()</script>",
    "<scr<script>ipt>XSSMARK()</scr</script>ipt>",
    '<img src="x" onerror="XSSMARK()">',
    '<a href="javascript:XSSMARK()">js</a>',
    '<a href="JaVaScRiPt:XSSMARK()">mixed case</a>',
    '<a href="java&#x09;script:XSSMARK()">tab entity</a>',
    '<a href="&#106;avascript:XSSMARK()">decimal entity</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74:XSSMARK()">no semicolons</a>',
    '<a href=" &#14;  javascript:XSSMARK()">leading junk</a>',
    '<a href="vbscript:XSSMARK">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5YU1NNQVJLPC9zY3JpcHQ+">data</a>',
    '<img src="data:image/svg+xml,&lt;svg onload=XSSMARK()&gt;">',
    '<a href="https://ok.example/" onclick="XSSMARK()">handler</a>',
    '<div style="background:url(javascript:XSSMARK())">style</div>',
    '<form action="https://evil.example/XSSMARK"><input name="p"><button>go</button></form>',
    '<svg><script>XSSMARK()</script><a xlink:href="javascript:XSSMARK()">s</a></svg>',
    '<svg onload="XSSMARK()"><animate onbegin="XSSMARK()"/></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror="XSSMARK()">',
    '<math href="javascript:XSSMARK()">m</math>',
    '<iframe src="javascript:XSSMARK()"></iframe><object data="javascript:XSSMARK()"></object>',
    '<noscript><p title="</noscript><img src=x onerror=XSSMARK()>"></noscript>',
    '<base href="javascript:XSSMARK()//">',
    '<meta http-equiv="refresh" content="0;url=javascript:XSSMARK()">',
    '<a href="https://ok.example/safe">a safe link stays</a>',
]
TRICKS_HTML = " ".join(HTML_TRICKS)


def _escaped(markup: str) -> str:
    return markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_content() -> bytes:
    return doc(
        item("Escaped HTML tricks", "https://hostile.example/h1", description=_escaped(TRICKS_HTML))
        + item(
            "CDATA tricks",
            "https://hostile.example/h2",
            extra=f"<content:encoded><![CDATA[{TRICKS_HTML}]]></content:encoded>",
        )
        + item(
            _escaped('<img src=x onerror="XSSMARK()">Title with markup'),
            "https://hostile.example/h3",
            extra=f"<author>{_escaped(HTML_TRICKS[0])}</author>",
        )
    )


JS_LINKS = [
    "javascript:XSSMARK()",
    "java&#x09;script:XSSMARK()",
    "java&#x0A;script:XSSMARK()",
    "&#106;avascript:XSSMARK()",
    " JAVASCRIPT:XSSMARK()",
    "\x01javascript:XSSMARK()",
    "vbscript:XSSMARK()",
    "data:text/html,XSSMARK",
    "javascript&#x3A;XSSMARK()",
]


def _js_links() -> bytes:
    items = "".join(
        item(f"js link {i}", link, guid=f"js-{i}", description=f"link variant {i}")
        for i, link in enumerate(JS_LINKS)
    )
    items += (
        "<item><title>permalink guid</title>"
        '<guid isPermaLink="true">javascript:XSSMARK()</guid></item>'
    )
    return doc(items)


def _atom_xhtml() -> bytes:
    xhtml = (
        '<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="XSSMARK()">p</p>'
        '<script>XSSMARK()</script><a href="javascript:XSSMARK()">x</a>'
        '<svg xmlns="http://www.w3.org/2000/svg" onload="XSSMARK()"/>'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><maction actiontype="statusline" '
        'xlink:href="javascript:XSSMARK()" xmlns:xlink="http://www.w3.org/1999/xlink">m'
        "</maction></math></div>"
    )
    return (
        f'{XML_HEAD}<feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile atom</title>'
        "<id>urn:x:hostile</id><updated>2026-11-23T08:00:00Z</updated>"
        '<link href="javascript:XSSMARK()"/>'
        '<entry><title type="html">&lt;b onmouseover="XSSMARK()"&gt;bold&lt;/b&gt;</title>'
        "<id>urn:x:e1</id><updated>2026-11-23T08:00:00Z</updated>"
        '<link rel="alternate" href="javascript:XSSMARK()"/>'
        "<author><name>&lt;script&gt;XSSMARK()&lt;/script&gt;</name></author>"
        f'<content type="xhtml">{xhtml}</content></entry>'
        "<entry><title>second</title><id>urn:x:e2</id><updated>2026-11-23T08:00:00Z</updated>"
        '<link href="https://hostile.example/atom2"/>'
        f'<summary type="html">{_escaped(TRICKS_HTML)}</summary></entry></feed>'
    ).encode()


HOSTILE_HEADERS = (
    ("X-Evil", "XSSMARK"),
    ("Set-Cookie", "XSSMARK=1; Path=/"),
    ("Link", "<https://evil.example/XSSMARK>; rel=hub"),
    ("Content-Location", "javascript:XSSMARK()"),
    ("Refresh", "0; url=javascript:XSSMARK()"),
    ("Content-Disposition", "attachment; filename=XSSMARK.html"),
    ("X-XSS", "XSSMARK\u00e9"),
)


# --------------------------------------------------------------------------- resolver

FAKE_DNS: dict[str, tuple[str, ...]] = {
    "internal.test": ("10.0.0.7",),
    "metadata.test": ("169.254.169.254",),
    "rebind.test": ("127.0.0.2", "::1"),
    "mapped.test": ("::ffff:192.168.1.1",),
}


class FakeResolver(AbstractResolver):
    """Stands in for DNS: names from :data:`FAKE_DNS`, numeric IPv4 spellings
    (``2130706434``, ``0x7f000002``, ``127.2``) the way getaddrinfo reads them, nothing
    else (no real lookup ever leaves the machine)."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        addresses = FAKE_DNS.get(host.lower())
        if addresses is None:
            try:
                addresses = (socket.inet_ntoa(socket.inet_aton(host)),)
            except OSError:
                raise OSError(f"fake DNS: unknown host {host}") from None
        results = []
        for address in addresses:
            ip = ipaddress.ip_address(address)
            fam = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
            results.append(
                ResolveResult(
                    hostname=host,
                    host=address,
                    port=port,
                    family=fam,
                    proto=0,
                    flags=socket.AI_NUMERICHOST,
                )
            )
        return results

    async def close(self) -> None:
        return None


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    name: str
    group: str  # parsing | network | content
    threat: str
    response: Response
    expect: str  # "parsed", "parse" (ParseError) or a fetch error_kind
    defence: str
    checks: tuple[Check, ...] = ()
    timeout: float = 10.0  # the feed's total fetch deadline
    entries_in_doc: int | None = None
    url: str | None = None  # feed URL override ({base}/{port} filled in)
    also: frozenset[str] = field(default_factory=frozenset)  # other accepted outcomes
    stage_errors: tuple[str, ...] = ()  # report.stage_errors keys (prefixes) it may cause
    setup: Callable[[Store], None] | None = None  # on the stored baseline, before cycle 1
    tag_rules: tuple[TagRule, ...] = ()  # the user's tag rules in this case
    after: tuple[Check, ...] = ()  # checks after the second cycle (``CaseRun.now``: its time)
    overrides: tuple[tuple[str, object], ...] = ()  # Settings fields set for this case


def _max_stored(n: int) -> Check:
    def check(run: CaseRun) -> list[str]:
        got = len(run.new_entries)
        return [] if got <= n else [f"{got} new entries stored, cap is {n}"]

    return check


def _min_stored(n: int) -> Check:
    def check(run: CaseRun) -> list[str]:
        got = len(run.new_entries)
        return [] if got >= n else [f"only {got} new entries stored, expected >= {n}"]

    return check


def _capped_fields(run: CaseRun) -> list[str]:
    problems = []
    for e in run.new_entries:
        if len(e["title"]) > 500 or len(e["summary"]) > 2000 or len(e["content_html"]) > 100_000:
            problems.append(f"field not capped: title {len(e['title'])} chars")
    return problems


def _literal(text: str) -> Check:
    """The entity reference is still literal text: no DTD reached the XML parser."""

    def check(run: CaseRun) -> list[str]:
        if any(text in e["title"] for e in run.new_entries):
            return []
        return [f"{text!r} was not kept as literal text (was a DTD processed?)"]

    return check


def _strict(run: CaseRun) -> list[str]:
    """The document reached the XML parser well-formed (no "kept what parsed" fallback)."""
    return [m for m in run.log if m.startswith(f"feed {run.settings.feeds[1].name}: kept")]


def _within(seconds: float) -> Check:
    def check(run: CaseRun) -> list[str]:
        return [] if run.seconds <= seconds else [f"cycle took {run.seconds:.1f}s (> {seconds})"]

    return check


def _no_canary_hits(run: CaseRun) -> list[str]:
    hits = run.server.hits_under(CANARY)
    return [] if hits == 0 else [f"the XXE target was requested {hits} times"]


def _small_output(limit: int) -> Check:
    def check(run: CaseRun) -> list[str]:
        size = sum(
            len(e["title"]) + len(e["summary"]) + len(e["content_html"]) for e in run.new_entries
        )
        return [] if size <= limit else [f"entity expansion reached the store ({size} chars)"]

    return check


def _no_guid_keys(run: CaseRun) -> list[str]:
    keys = [e["entry_key"] for e in run.new_entries]
    problems = [f"duplicated GUID used as key: {k}" for k in keys if k.startswith("guid:")]
    if len(set(keys)) != len(keys):
        problems.append("entry keys are not unique")
    return problems


def _sane_dates(run: CaseRun) -> list[str]:
    limit = run.now.replace(year=run.now.year + 1).isoformat()
    return [
        f"far-future date kept: {e['pub_time']}"
        for e in run.new_entries
        if e["pub_time"] and str(e["pub_time"]) > limit
    ]


def _retry_bounded(run: CaseRun) -> list[str]:
    """The 429 is the feed's failure, and its next poll is within the 7-day bound."""
    state = run.store.feed_state(run.settings.feeds[1].name)
    limit = run.now + timedelta(days=7)
    if state.next_fetch_at is None or not run.now < state.next_fetch_at <= limit:
        return [f"next poll {state.next_fetch_at} is not within 7 days of {run.now}"]
    return []


def _dates_in_range(run: CaseRun) -> list[str]:
    return [
        f"date before 1990 kept: {e['title']!r} {e['published']} / {e['pub_time']}"
        for e in query(run.store, "SELECT * FROM entries")
        if str(e["pub_time"]) < "1990" or (e["published"] and str(e["published"]) < "1990")
    ]


def _store_year_one(store: Store) -> None:
    """An entry dated 0001-01-01, as code before the date floor stored it (not clustered)."""
    with store.write():
        store.db.execute(
            "INSERT INTO entries (feed, entry_key, guid, link, title, summary, content_html, "
            "published, pub_time, first_seen, content_hash) VALUES ('hostile', 'guid:y1', "
            "'y1', 'https://hostile.example/y1', 'Stored from year one', '', '', "
            "'0001-01-01T00:00:00+00:00', '0001-01-01T00:00:00+00:00', "
            "'2026-11-24T06:00:00+00:00', 'y1hash')"
        )


def _no_validators(run: CaseRun) -> list[str]:
    state = run.store.feed_state(run.settings.feeds[1].name)
    return [
        f"{name} of {len(value)} chars kept"
        for name, value in (("ETag", state.etag), ("Last-Modified", state.last_modified))
        if value
    ]


def _tagged(tag: str, title_part: str) -> Check:
    """The story of the entry whose title has ``title_part`` got ``tag``."""

    def check(run: CaseRun) -> list[str]:
        rows = query(
            run.store,
            "SELECT t.tag FROM entries e JOIN story_tags t ON t.story_id = e.story_id "
            "WHERE e.title LIKE ?",
            [f"%{title_part}%"],
        )
        got = {r["tag"] for r in rows}
        return [] if tag in got else [f"{title_part!r}: tags {sorted(got)}, not {tag!r}"]

    return check


def _shallow(depth: int) -> Check:
    def check(run: CaseRun) -> list[str]:
        return [
            f"{e['content_html'].count('<div>')} nested <div> stored"
            for e in run.new_entries
            if e["content_html"].count("<div>") > depth
        ]

    return check


INVISIBLE = (
    "\u202a\u202b\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u200b\u200c\u200d\u2060\ufeff"
)


def _plain_titles_and_names(run: CaseRun) -> list[str]:
    """No bidi control or zero-width character in a stored title or a company name, no
    markup in a title, and the parties are Acme and Globex (not "scriptAcme")."""
    problems = [
        f"invisible or markup in title {e['title']!r}"
        for e in run.new_entries
        if any(c in e["title"] for c in INVISIBLE) or "<" in e["title"]
    ]
    names = {r["name"] for r in query(run.store, "SELECT name FROM story_parties")}
    problems += [
        f"company name {n!r} carries markup or invisible characters"
        for n in names
        if any(c in n for c in INVISIBLE) or "script" in n.lower()
    ]
    for wanted in ("Acme", "Globex"):
        if wanted not in names:
            problems.append(f"company {wanted!r} not read (parties: {sorted(names)})")
    return problems


def _links_safe(run: CaseRun) -> list[str]:
    return [
        f"unsafe link stored: {e['link']!r}"
        for e in run.new_entries
        if e["link"] and not str(e["link"]).startswith(("http://", "https://"))
    ]


def _undated(n: int, tag: str = "u") -> bytes:
    return doc(
        "".join(
            item(
                f"Undated flood item {tag}{i}",
                f"https://hostile.example/{tag}{i}",
                guid=f"{tag}-{i}",
                date=None,
            )
            for i in range(n)
        )
    )


def _churning(server: HostileServer) -> bytes:
    """500 undated entries whose GUIDs and links are new at every request."""
    return _undated(500, f"c{server.hits_under('/case/churning-keys')}-")


def _head_links(run: CaseRun, name: str = "all.atom") -> list[str]:
    from lxml import etree

    tree = etree.parse(str(run.settings.output / name))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    return [
        str(h) for h in tree.xpath("/a:feed/a:entry/a:link[@rel='alternate']/@href", namespaces=ns)
    ]


def _fair_share(run: CaseRun) -> list[str]:
    """all.atom lists the good feed's stories next to at most the rest of the hostile
    flood: one feed fills no published document while others have stories."""
    links = _head_links(run)
    problems = []
    good = [r["link"] for r in query(run.store, "SELECT link FROM entries WHERE feed = 'good'")]
    missing = [link for link in good if link not in links]
    if missing:
        problems.append(f"all.atom ({len(links)} entries) lacks the good feed's {missing}")
    hostile = sum(1 for link in links if "hostile.example" in link)
    if hostile > len(links) - len(good):
        problems.append(f"{hostile} of {len(links)} all.atom entries from the hostile feed")
    return problems


def _stamped_once(run: CaseRun) -> list[str]:
    """Every undated entry keeps the time of the fetch that first stored it."""
    stamps = {str(e["pub_time"]) for e in run.new_entries if e["published"] is None}
    first = "2026-11-24T12:00:00+00:00"
    return (
        []
        if stamps == {first}
        else [f"undated entries stamped {sorted(stamps)[:3]}, not once at {first}"]
    )


def _bounded_rows(n: int) -> Check:
    def check(run: CaseRun) -> list[str]:
        got = scalar(run.store, "SELECT count(*) FROM entries WHERE feed = 'hostile'")
        return [] if got <= n else [f"{got} hostile entries stored, the bound is {n}"]

    return check


PLAIN = doc(item("A plain story from the outlet", "https://hostile.example/plain", guid="plain-1"))

PARSING: list[Case] = [
    Case(
        "xxe-local-file",
        "parsing",
        "XXE: external entity reading /etc/passwd",
        Body(
            doc(
                item("Leak &xxe; here", description="&xxe;"),
                prolog='<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
            )
        ),
        "parsed",
        "_defuse.defuse strips the DTD; entity left as text",
        checks=(_literal("&xxe;"), _strict),
    ),
    Case(
        "xxe-loopback-url",
        "parsing",
        "XXE: general + parameter entity fetching a loopback URL",
        Body(_xxe_loopback),
        "parsed",
        "_defuse.defuse strips the DTD; feedparser gets bytes",
        checks=(_no_canary_hits, _literal("&ext;"), _strict),
    ),
    Case(
        "xxe-external-dtd",
        "parsing",
        "external DTD (PUBLIC id + URL) on its own line",
        Body(_external_dtd),
        "parsed",
        "_defuse.defuse",
        checks=(_no_canary_hits, _literal("&ext;"), _strict),
    ),
    Case(
        "billion-laughs",
        "parsing",
        "nested entities expanding to 10^9 'lol'",
        Body(_billion_laughs()),
        "parsed",
        "_defuse.defuse (no DTD, no expansion)",
        checks=(_small_output(10_000), _literal("&lol9;"), _strict),
    ),
    Case(
        "quadratic-blowup",
        "parsing",
        "100 KB entity referenced 10,000 times (1 GB)",
        Body(_quadratic()),
        "parsed",
        "_defuse.defuse; ParseLimits caps the title",
        checks=(_small_output(10_000), _capped_fields, _literal("&a;"), _strict),
    ),
    Case(
        "bad-char-refs",
        "parsing",
        "&#xD800; &#x110000; &#99999999999; &#0; references",
        Body(
            doc(
                item(
                    "a&#xD800;b&#x110000;c&#99999999999;d&#0;e",
                    description="&#xDFFF;&#x1F;&#xFFFE;ok",
                )
            )
        ),
        "parsed",
        "_defuse._fix_reference -> U+FFFD",
        checks=(_min_stored(1), _strict),
    ),
    Case(
        "control-chars",
        "parsing",
        "NUL and C0 control characters in title and text",
        Body(
            doc(
                item("nul\x00 bell\x07 esc\x1b vt\x0b ff\x0c end", description="text \x01\x02 body")
            )
        ),
        "parsed",
        "_defuse (raw controls) + sanitize.clean_text (feedgen would raise)",
        checks=(_min_stored(1), _strict),
    ),
    Case(
        "xml-noncharacters",
        "parsing",
        "raw U+FFFE / U+FFFF in title and text",
        Body(doc(item("non\ufffecharacters\uffff here", description="a \ufffe b"))),
        "parsed",
        "feedparser's lenient fallback + sanitize.clean_text",
        checks=(_min_stored(1),),
    ),
    Case(
        "html-not-feed",
        "parsing",
        "an HTML page (with a script) instead of a feed",
        Body(
            b"<!doctype html><html><head><title>x</title></head><body><p>hi</p>"
            b"<script>XSSMARK()</script></body></html>",
            content_type="text/html",
        ),
        "parse",
        "parse_feed: ParseError 'not a feed'",
    ),
    Case(
        "empty-body",
        "parsing",
        "200 with an empty body",
        Body(b""),
        "parse",
        "parse_feed: ParseError 'empty body'",
    ),
    Case(
        "blank-body",
        "parsing",
        "whitespace, NUL and a BOM only",
        Body(b"\xef\xbb\xbf \n\0 "),
        "parse",
        "parse_feed: ParseError 'empty body'",
    ),
    Case(
        "truncated-xml",
        "parsing",
        "document cut in the middle of an item",
        Body(_truncated()),
        "parsed",
        "bozo policy: keep what parsed",
        checks=(_min_stored(1),),
    ),
    Case(
        "wrong-encoding",
        "parsing",
        "declared UTF-8, bytes are Latin-1",
        Body(rss(item("Caf\u00e9 cr\u00e8me", "https://hostile.example/enc")).encode("latin-1")),
        "parsed",
        "feedparser fallback + clean_text",
        also=frozenset({"parse"}),
    ),
    Case(
        "wrong-charset-header",
        "parsing",
        "Content-Type says UTF-16, body is UTF-8",
        Body(
            doc(item("charset lie", "https://hostile.example/cs")),
            content_type="application/rss+xml; charset=utf-16",
        ),
        "parsed",
        "feedparser encoding detection",
        also=frozenset({"parse"}),
    ),
    Case(
        "fifty-thousand-entries",
        "parsing",
        "50,000 entries in one document",
        Body(_many_entries(50_000)),
        "parsed",
        "_defuse.cap_entries + ParseLimits.max_entries",
        checks=(_max_stored(500), _min_stored(500), _within(5.0)),
        entries_in_doc=50_000,
    ),
    Case(
        "giant-fields",
        "parsing",
        "2 MB title, 5 MB description",
        Body(doc(item("T" * 2_000_000, description="word " * 1_000_000))),
        "parsed",
        "ParseLimits (title 500, summary 2000, content 100000 chars)",
        checks=(_capped_fields, _min_stored(1)),
    ),
    Case(
        "dates-future-missing",
        "parsing",
        "dates in year 9999/2999, missing, garbage",
        Body(
            doc(
                item(
                    "far future", "https://hostile.example/d1", date="Fri, 31 Dec 9999 23:59:59 GMT"
                )
                + item(
                    "next millennium",
                    "https://hostile.example/d2",
                    date="Tue, 01 Jan 2999 00:00:00 GMT",
                )
                + item("no date", "https://hostile.example/d3", date=None)
                + item("garbage date", "https://hostile.example/d4", date="not a date at all")
            )
        ),
        "parsed",
        "parse._date: beyond now+1 day counts as missing",
        checks=(_sane_dates, _min_stored(4)),
    ),
    Case(
        "same-text-distinct-guids",
        "parsing",
        "three items, distinct GUIDs and links, "
        "the same title and text (podcast 'Episode', link-only items)",
        Body(
            doc(
                "".join(
                    item(
                        "Episode",
                        f"https://hostile.example/ep{i}",
                        guid=f"ep-{i}",
                        description="Listen now",
                    )
                    for i in range(3)
                )
            )
        ),
        "parsed",
        "Store.upsert_entries: entry_key identity",
        checks=(_min_stored(3),),
    ),
    Case(
        "date-year-one",
        "parsing",
        "entries dated 01 Jan 0001 and 1970 (issue 19.2)",
        Body(
            doc(
                item("year one", "https://hostile.example/y0", date="Mon, 01 Jan 0001 00:00:00 GMT")
                + item(
                    "epoch", "https://hostile.example/y1970", date="Thu, 01 Jan 1970 00:00:00 GMT"
                )
            )
        ),
        "parsed",
        "parse._date: before 1990 counts as missing",
        checks=(_min_stored(2), _dates_in_range),
    ),
    Case(
        "stored-year-one",
        "parsing",
        "an entry dated 0001-01-01 already in the database "
        "(stored by older code), the feed no longer sending it (issue 19.2)",
        Body(PLAIN),
        "parsed",
        "story_window._shift, pipeline._bounded_item",
        setup=_store_year_one,
    ),
    Case(
        "undated-flood",
        "parsing",
        "500 undated entries of one feed, stamped at the fetch time and newest of all (19.7)",
        Body(_undated(500)),
        "parsed",
        "Store.upsert_entries stamps first_seen once; publish.source_share (head_versions)",
        checks=(_min_stored(500), _fair_share, _stamped_once),
        after=(_fair_share, _stamped_once),
        entries_in_doc=500,
    ),
    Case(
        "churning-keys",
        "parsing",
        "500 undated entries whose GUIDs and links all change at every fetch (19.7)",
        Body(_churning),
        "parsed",
        "retention_per_feed (Store.trim_feed); publish.source_share",
        checks=(_fair_share, _bounded_rows(600)),
        after=(_fair_share, _bounded_rows(600)),
        overrides=(("retention_per_feed", 600),),
    ),
    Case(
        "duplicate-guids",
        "parsing",
        "five items sharing one GUID",
        Body(
            doc(
                "".join(
                    item(f"dup {i}", f"https://hostile.example/dup{i}", guid="same")
                    for i in range(5)
                )
            )
        ),
        "parsed",
        "entry_key rule: a GUID counts only when unique in the feed",
        checks=(_no_guid_keys, _min_stored(5)),
    ),
]

_REDIRECTS = [
    ("file", "file:///etc/passwd", "scheme"),
    ("ftp", "ftp://127.0.0.1/feed.xml", "scheme"),
    ("javascript", "javascript:XSSMARK()", "scheme"),
    ("loopback-v4", "http://127.0.0.2:{port}/good/x.xml", "blocked"),
    ("loopback-v6", "http://[::1]:{port}/good/x.xml", "blocked"),
    ("private-10", "http://10.0.0.1/", "blocked"),
    ("private-172", "http://172.16.0.1/", "blocked"),
    ("private-192", "http://192.168.1.1/", "blocked"),
    ("link-local-metadata", "http://169.254.169.254/latest/meta-data/", "blocked"),
    ("unspecified", "http://0.0.0.0:{port}/", "blocked"),
    ("v6-link-local", "http://[fe80::1]/", "blocked"),
    ("v6-unique-local", "http://[fd00::1]/", "blocked"),
    ("v4-mapped-loopback", "http://[::ffff:127.0.0.2]:{port}/", "blocked"),
    ("v4-mapped-private", "http://[::ffff:10.0.0.1]/", "blocked"),
    ("v4-mapped-metadata", "http://[::ffff:169.254.169.254]/", "blocked"),
    ("nat64-private", "http://[64:ff9b::a00:1]/", "blocked"),
    ("decimal-ip", "http://2130706434:{port}/", "blocked|scheme"),
    ("hex-ip", "http://0x7f000002:{port}/", "blocked"),
    ("dns-private", "http://internal.test:{port}/", "blocked"),
    ("dns-metadata", "http://metadata.test/latest/", "blocked"),
]

NETWORK: list[Case] = [
    Case(
        "retry-after-digits",
        "network",
        "429 with a Retry-After of 5,000 digits (19.1)",
        Body(b"slow down", status=429, headers=(("Retry-After", "9" * 5_000),)),
        "http",
        "fetch.parse_retry_after: digits bounded before int()",
        checks=(_retry_bounded,),
    ),
    Case(
        "retry-after-year-9999",
        "network",
        "429 with Retry-After: Fri, 31 Dec 9999 23:59:59 -2359 (past datetime.max in UTC; 19.1)",
        Body(
            b"slow down", status=429, headers=(("Retry-After", "Fri, 31 Dec 9999 23:59:59 -2359"),)
        ),
        "http",
        "fetch.parse_retry_after: OverflowError -> 7 days",
        checks=(_retry_bounded,),
    ),
    Case(
        "repeated-etag",
        "network",
        "100 repeated 8 KB ETag headers and a 4 KB Last-Modified (19.7)",
        Body(
            PLAIN,
            headers=(
                *(("ETag", f'"{i:04d}' + "e" * 8_000 + '"') for i in range(100)),
                ("Last-Modified", "x" * 4_000),
            ),
        ),
        "parsed",
        "fetch.bounded_validator: longer than 256 chars is not kept",
        checks=(_no_validators,),
    ),
    Case(
        "gzip-bomb",
        "network",
        "gzip body inflating to 1 GB",
        Bomb("gzip", BOMB_MB),
        "too-large",
        "fetch._read_body: cap on decoded bytes",
    ),
    Case(
        "deflate-bomb",
        "network",
        "deflate body inflating to 1 GB",
        Bomb("deflate", BOMB_MB),
        "too-large",
        "fetch._read_body: cap on decoded bytes",
    ),
    Case(
        "content-length-over-cap",
        "network",
        "Content-Length of 50 GB",
        LyingLength(50 << 30),
        "too-large",
        "fetch._read_body: declared length checked first",
    ),
    Case(
        "drip",
        "network",
        "1 byte per second, never finishing",
        Drip(doc(item("slow"))),
        "timeout",
        "fetch._follow: total deadline (the feed's timeout)",
        timeout=2.0,
    ),
    Case(
        "redirect-loop",
        "network",
        "endless redirects",
        RedirectLoop(),
        "redirects",
        "fetch._follow: max_redirects",
    ),
    *[
        Case(
            f"redirect-{name}",
            "network",
            f"redirect to {target}",
            Redirect(target),
            kind.split("|")[0],
            "fetch._check_url on every hop"
            if kind == "scheme"
            else "_netguard: literal check per hop, GuardedResolver for names",
            also=frozenset(kind.split("|")[1:]),
        )
        for name, target, kind in _REDIRECTS
    ],
    Case(
        "dns-name-private",
        "network",
        "feed URL whose name resolves to 10.0.0.7",
        Body(doc(item("never fetched"))),
        "blocked",
        "_netguard.GuardedResolver",
        url="http://internal.test:{port}/case/dns-name-private",
    ),
    Case(
        "dns-name-loopback-mixed",
        "network",
        "name resolving to 127.0.0.2 and ::1",
        Body(doc(item("never fetched"))),
        "blocked",
        "_netguard.GuardedResolver",
        url="http://rebind.test:{port}/case/dns-name-loopback-mixed",
    ),
    Case(
        "dns-name-v4-mapped",
        "network",
        "name resolving to ::ffff:192.168.1.1",
        Body(doc(item("never fetched"))),
        "blocked",
        "_netguard.embedded_ipv4",
        url="http://mapped.test:{port}/case/dns-name-v4-mapped",
    ),
]

USER_RULES = (
    TagRule("backtrack", patterns=("(a+)+$", "(x|x|x)*y")),
    TagRule("labs", patterns=("(?i)openai", "(?P<lab>anthropic)")),
    TagRule("again", patterns=("(?P<lab>mistral)",)),
)

CONTENT: list[Case] = [
    Case(
        "regex-rules",
        "content",
        "tag regexes (a+)+$ and (x|x|x)*y against 40-character "
        "titles, (?i) inline flags, one group name in two rules (19.3, 19.4)",
        Body(
            doc(
                item("a" * 40 + "!", "https://hostile.example/r1")
                + item("x" * 40, "https://hostile.example/r2")
                + item("OpenAI and Mistral sign a deal", "https://hostile.example/r3")
            )
        ),
        "parsed",
        "user_regex: RE2, each pattern compiled alone",
        tag_rules=USER_RULES,
        checks=(
            _min_stored(3),
            _tagged("labs", "OpenAI"),
            _tagged("again", "Mistral"),
            _within(20.0),
        ),
    ),
    Case(
        "deep-nesting",
        "content",
        "a 1 MB description of 200,000 unclosed <div> (19.5)",
        Body(
            doc(
                item(
                    "Deeply nested",
                    "https://hostile.example/deep",
                    description=_escaped("<div>" * 200_000 + "deep text"),
                )
            )
        ),
        "parsed",
        "sanitize.cap_nesting: tags deeper than 100 go before the HTML parser",
        checks=(_min_stored(1), _shallow(100), _within(30.0)),
    ),
    Case(
        "title-markup-bidi",
        "content",
        "'<script>…</script>Acme' in a plain-text title; bidi "
        "overrides and zero-width characters in titles and company names (19.7)",
        Body(
            doc(
                item(
                    _escaped("<script>XSSMARK()</script>") + "Acme raises $5 million in "
                    "Series A funding",
                    "https://hostile.example/t1",
                )
                + item(
                    "Ini\u200btech\u202e acquires Glo\u2066bex\u2069 for $40 million",
                    "https://hostile.example/t2",
                )
                + item(f"Zero{INVISIBLE}width everywhere", "https://hostile.example/t3")
            )
        ),
        "parsed",
        "sanitize.plain_line in parse._plain and story_facts (deal reader input)",
        checks=(_min_stored(3), _plain_titles_and_names),
    ),
    Case(
        "html-tricks",
        "content",
        "script, handlers, forms, SVG/MathML, js:/data: URLs in "
        "escaped HTML, CDATA, titles and authors",
        Body(_html_content()),
        "parsed",
        "sanitize.sanitize_html (nh3 allow-list), html_to_text for plain fields",
        checks=(_min_stored(3), _links_safe),
    ),
    Case(
        "javascript-links",
        "content",
        "javascript:/vbscript:/data: item links, "
        "entity-obfuscated and control-prefixed, and a permalink GUID",
        Body(_js_links()),
        "parsed",
        "urls.canonical_url / safe_link (http(s) only)",
        checks=(_links_safe, _min_stored(len(JS_LINKS))),
    ),
    Case(
        "atom-xhtml",
        "content",
        "Atom: XHTML content with script/handlers/SVG/MathML, "
        "javascript: links, HTML title and author",
        Body(_atom_xhtml(), content_type="application/atom+xml"),
        "parsed",
        "sanitize_html + safe_link",
        checks=(_links_safe, _min_stored(2)),
    ),
    Case(
        "hostile-headers",
        "content",
        "upstream headers: Set-Cookie, Link, Refresh, Content-Location: javascript:, non-ASCII",
        Body(
            doc(item("headers \r\nSet-Cookie: XSSMARK=1", "https://hostile.example/hdr")),
            headers=HOSTILE_HEADERS,
        ),
        "parsed",
        "fetch passes headers as data; parse uses only Content-Type/-Language; web sends "
        "its own headers",
        checks=(_min_stored(1),),
    ),
]

CASES: list[Case] = PARSING + NETWORK + CONTENT

#: Cases that fail today because of a product bug (reported; xfail(strict) in the tests).
KNOWN_BUGS: dict[str, str] = {}


def by_name(names: Sequence[str] | None = None) -> list[Case]:
    if not names:
        return list(CASES)
    table = {c.name: c for c in CASES}
    return [table[n] for n in names]
