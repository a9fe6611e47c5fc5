"""The parse stage: golden real-world fixtures, entry rules, caps and hostile documents."""

from __future__ import annotations

import csv
import http.server
import json
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from aggregator.errors import ParseError
from aggregator.models import ParsedFeed
from aggregator.parse import ParseLimits, parse_feed
from aggregator.parse._defuse import defuse

FEEDS = Path(__file__).parents[1] / "data" / "feeds"
NOW = datetime(2030, 1, 1, tzinfo=UTC)
URL = "https://news.example.com/feed.xml"
FIXTURES = sorted(p for p in FEEDS.iterdir() if p.suffix not in (".json", ".tsv", ".md"))


def parse(data: bytes | str, **kwargs: object) -> ParsedFeed:
    content = data.encode("utf-8") if isinstance(data, str) else data
    options: dict[str, object] = {"feed": "test", "url": URL, "now": NOW, **kwargs}
    return parse_feed(content, **options)  # type: ignore[arg-type]


def rss(
    items: str,
    *,
    head: str = '<?xml version="1.0" encoding="utf-8"?>\n',
    prolog: str = "",
    channel: str = "<title>Example</title><link>https://news.example.com/</link>",
) -> str:
    return f'{head}{prolog}<rss version="2.0"><channel>{channel}{items}</channel></rss>'


def item(
    title: str = "T",
    link: str | None = "https://news.example.com/a",
    guid: str | None = None,
    extra: str = "",
) -> str:
    parts = [f"<title>{title}</title>"]
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    return "<item>" + "".join(parts) + extra + "</item>"


# --------------------------------------------------------------------------- golden fixtures


def test_there_are_enough_fixtures_and_each_is_in_the_manifest() -> None:
    with (FEEDS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert {row["filename"] for row in rows} == {p.name for p in FIXTURES}
    assert all(row["source_repo"] and row["source_commit"] for row in rows)
    assert len(FIXTURES) >= 12


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_golden_fixture(path: Path) -> None:
    expected = json.loads((FEEDS / f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    parsed = parse_feed(
        path.read_bytes(), feed=path.stem, url=f"https://feeds.example.org/{path.name}", now=NOW
    )
    first = parsed.entries[0]
    assert parsed.title == expected["feed_title"]
    assert len(parsed.entries) == expected["entries"]
    assert (parsed.warning is not None) == expected["warning"]
    assert first.title == expected["first"]["title"]
    assert first.link == expected["first"]["link"]
    assert first.entry_key == expected["first"]["entry_key"]
    assert first.author == expected["first"]["author"]
    published = expected["first"]["published"]
    assert first.published == (datetime.fromisoformat(published) if published else None)
    keys = [e.entry_key for e in parsed.entries]
    assert len(keys) == len(set(keys))
    for entry in parsed.entries:
        assert "<script" not in entry.content_html.lower()
        assert entry.published is None or entry.published.utcoffset() == timedelta(0)
        assert len(entry.content_hash) == 64


# --------------------------------------------------------------------------- entries


def test_entry_fields() -> None:
    extra = (
        "<description>&lt;p&gt;Short &amp;amp; &lt;b&gt;sweet&lt;/b&gt;&lt;/p&gt;"
        "</description>"
        '<content:encoded><![CDATA[<p>Full <a href="/more">story</a></p>'
        "<script>x()</script>]]></content:encoded>"
        "<author>jane@example.com (Jane)</author>"
        "<pubDate>Tue, 03 Jun 2025 09:39:21 +0200</pubDate>"
    )
    doc = rss(
        item(
            "A &lt;b&gt;bold&lt;/b&gt; title",
            "https://News.Example.com/a/?utm_source=rss",
            guid="id-1",
            extra=extra,
        )
    ).replace("<rss ", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" ')
    entry = parse(doc).entries[0]
    assert entry.entry_key == "guid:id-1" and entry.guid == "id-1"
    assert entry.link == "https://news.example.com/a"
    assert entry.original_link == "https://News.Example.com/a/?utm_source=rss"
    assert entry.title == "A bold title"
    assert entry.summary == "Short & sweet"
    assert entry.content_html == (
        '<p>Full <a href="https://news.example.com/more" '
        'rel="noopener noreferrer nofollow">story</a></p>'
    )
    assert entry.author == "jane@example.com (Jane)"
    assert entry.published == datetime(2025, 6, 3, 7, 39, 21, tzinfo=UTC)
    assert entry.feed == "test"


def test_atom_xml_base_and_html_title() -> None:
    doc = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/posts/">
  <title>Blog</title><link href="/" rel="alternate"/><id>urn:x</id>
  <entry><title type="html">Q&amp;A &lt;em&gt;today&lt;/em&gt;</title>
    <link href="hello/" rel="alternate"/><id>urn:1</id><updated>2024-01-02T03:04:05Z</updated>
    <content type="html">&lt;img src="pic.png" alt="p"&gt;</content></entry>
</feed>"""
    parsed = parse(doc)
    entry = parsed.entries[0]
    assert parsed.title == "Blog" and parsed.link == "https://blog.example.org/"
    assert entry.title == "Q&A today"
    assert entry.link == "https://blog.example.org/posts/hello"
    assert 'src="https://blog.example.org/posts/pic.png"' in entry.content_html
    assert entry.published == entry.updated == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_relative_link_resolved_against_feed_url() -> None:
    entry = parse(rss(item(link="/2024/story/amp/"))).entries[0]
    assert entry.link == "https://news.example.com/2024/story"
    assert entry.original_link == "https://news.example.com/2024/story/amp/"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "java&#x09;script:alert(1)",
        "java&#x0A;script:alert(1)",
        " JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_javascript_links_dropped(link: str) -> None:
    extra = '<description>&lt;a href="javascript:alert(1)"&gt;c&lt;/a&gt;</description>'
    entry = parse(rss(item(link=link, extra=extra))).entries[0]
    assert entry.link is None and entry.original_link is None
    assert "javascript" not in entry.content_html and ">c</a>" in entry.content_html
    assert entry.entry_key.startswith("hash:")


def test_entry_key_rules() -> None:
    items = "".join(
        [
            item("unique guid", "https://news.example.com/1", guid="g-1"),
            item("dup guid A", "https://news.example.com/2", guid="dup"),
            item("dup guid B", "https://news.example.com/3", guid="dup"),
            item("no guid", "https://news.example.com/4?utm_medium=x"),
            item("nothing", None),
        ]
    )
    keys = [e.entry_key for e in parse(rss(items)).entries]
    assert keys[:4] == [
        "guid:g-1",
        "link:https://news.example.com/2",
        "link:https://news.example.com/3",
        "link:https://news.example.com/4",
    ]
    assert keys[4].startswith("hash:") and len(keys[4]) == len("hash:") + 32


def test_exact_duplicates_collapse_and_hash_key_is_stable() -> None:
    same = item("Same", "https://news.example.com/x", guid="g")
    parsed = parse(rss(same + same + item("Other", "https://news.example.com/y", guid="g2")))
    assert [e.entry_key for e in parsed.entries] == ["link:https://news.example.com/x", "guid:g2"]
    a = parse(rss(item("Title only", None))).entries[0]
    b = parse(rss(item("Title  only ", None))).entries[0]
    assert a.entry_key == b.entry_key and a.content_hash == b.content_hash


def test_dates_far_future_missing_and_near_future() -> None:
    def date(value: str) -> datetime | None:
        return parse(rss(item(extra=f"<pubDate>{value}</pubDate>"))).entries[0].published

    assert date("Wed, 01 Jan 2031 00:00:00 GMT") is None  # beyond now + 1 day
    assert date("Tue, 01 Jan 2030 12:00:00 GMT") == NOW + timedelta(hours=12)
    assert date("not a date") is None
    assert parse(rss(item())).entries[0].published is None
    custom = ParseLimits(max_future=timedelta(0))
    assert (
        parse(rss(item(extra="<pubDate>Tue, 01 Jan 2030 12:00:00 GMT</pubDate>")), limits=custom)
        .entries[0]
        .published
        is None
    )


def test_html_entities_without_dtd_keep_the_strict_parser() -> None:
    parsed = parse(rss(item("Caf&eacute;&nbsp;&rsquo;s &bogus; menu")))
    assert parsed.entries[0].title == "Café ’s &bogus; menu"
    assert parsed.warning is None


# --------------------------------------------------------------------------- not a feed


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty body"),
        (b"  \r\n\t ", "empty body"),
        (
            b"<!DOCTYPE html><html><head><title>Hi</title></head><body><p>x</p></body></html>",
            "not a feed (looks like HTML)",
        ),
        (b"<html><body>Moved</body></html>", "not a feed (looks like HTML)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "not a feed"),
        (b'{"json": true}', "not a feed"),
    ],
)
def test_not_a_feed(body: bytes, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse(body)
    assert message in str(info.value)
    assert info.value.feed == "test" and info.value.url == URL


def test_empty_feed_is_not_an_error() -> None:
    parsed = parse(rss(""))
    assert parsed.entries == () and parsed.title == "Example" and parsed.warning is None


def test_results_and_errors_pickle() -> None:
    parsed = parse(rss(item(extra="<pubDate>Tue, 01 Jan 2030 12:00:00 GMT</pubDate>")))
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert pickle.loads(pickle.dumps(parse_feed)) is parse_feed
    error = pickle.loads(pickle.dumps(ParseError("empty body", feed="f", url=URL)))
    assert (error.feed, error.url, error.message) == ("f", URL, "empty body")


# --------------------------------------------------------------------------- broken documents


def test_truncated_xml_keeps_entries_before_the_cut() -> None:
    doc = rss("".join(item(f"Item {i}", f"https://news.example.com/{i}") for i in range(5)))
    cut = doc[: doc.index("Item 3") + 3]
    parsed = parse(cut)
    assert [e.title for e in parsed.entries][:3] == ["Item 0", "Item 1", "Item 2"]
    assert parsed.warning


def test_wrong_declared_encoding() -> None:
    doc = rss(item("Café crème")).encode("latin-1")  # declared utf-8, really Latin-1
    parsed = parse(doc)
    assert parsed.entries[0].title == "Café crème"
    assert parsed.warning and "encoding" in parsed.warning.lower()


def test_charset_from_content_type_header() -> None:
    doc = rss(item("Цитата"), head='<?xml version="1.0"?>').encode("windows-1251")
    parsed = parse(doc, headers={"Content-Type": "application/rss+xml; charset=windows-1251"})
    assert parsed.entries[0].title == "Цитата"


def test_text_xml_without_charset_uses_the_xml_declaration() -> None:
    doc = rss(item("Café")).encode("utf-8")
    parsed = parse(doc, headers={"content-type": "text/xml"})
    assert parsed.entries[0].title == "Café" and parsed.warning is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_documents_are_defused_too(codec: str) -> None:
    prolog = '<!DOCTYPE rss [<!ENTITY a "AAAAAAAAAAAAAAAAAAAA">]>'
    doc = rss(
        item("Ünïcode &a; &#xD800;\x01"),
        head='<?xml version="1.0" encoding="utf-16"?>',
        prolog=prolog,
    ).encode(codec)
    entry = parse(doc).entries[0]
    assert entry.title == "Ünïcode &a; \ufffd"


# --------------------------------------------------------------------------- hostile documents


@pytest.fixture(scope="module")
def loopback() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (stdlib name)
            hits.append(self.path)
            body = b'<!ENTITY leak "LEAKED">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def recorder(loopback: tuple[str, list[str]]) -> tuple[str, list[str]]:
    """The loopback server's base URL and the paths it was asked for (by this test)."""
    loopback[1].clear()
    return loopback


# The XML declaration on the same line as the DOCTYPE or on a line of its own: feedparser's
# own DOCTYPE filter only looks at declarations that start a line.
HEADS = ['<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-8"?>\n']


@pytest.mark.parametrize("head", HEADS)
def test_xxe_local_file_is_not_read(head: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    prolog = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    doc = rss(item("a &xxe; b", extra="<description>&xxe;</description>"), prolog=prolog, head=head)
    assert b"<!ENTITY" not in defuse(doc.encode()) and b"<!DOCTYPE" not in defuse(doc.encode())
    parsed = parse(doc)
    assert "TOP-SECRET" not in repr(parsed)
    assert parsed.entries[0].title == "a &xxe; b"  # left as literal text, not expanded
    assert parsed.warning is None  # and the document parsed strictly


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE rss [<!ENTITY ext SYSTEM "{base}/general">]>',
        '<!DOCTYPE rss [<!ENTITY % p SYSTEM "{base}/parameter"> %p;]>',
        '<!DOCTYPE rss SYSTEM "{base}/external.dtd">',
        '<!DOCTYPE rss PUBLIC "-//X//EN" "{base}/public.dtd" [<!ENTITY ext SYSTEM "{base}/g2">]>',
    ],
)
@pytest.mark.parametrize("head", HEADS)
def test_xxe_loopback_url_is_never_requested(
    prolog: str, head: str, recorder: tuple[str, list[str]]
) -> None:
    base, hits = recorder
    doc = rss(item("x &ext; y"), prolog=prolog.format(base=base), head=head)
    parsed = parse(doc)
    assert hits == []
    assert "LEAKED" not in repr(parsed)
    assert parsed.entries[0].title == "x &ext; y"
    assert parsed.warning is None


def test_doctype_text_after_the_root_element_is_left_alone() -> None:
    body = '<![CDATA[<pre><!DOCTYPE html PUBLIC "unbalanced></pre>]]>'
    doc = rss(
        item("t", extra=f"<description>{body}</description>"),
        prolog='<!-- <a> --><!DOCTYPE rss [<!ENTITY x "<b>y</b>">]>',
    )
    defused = defuse(doc.encode())
    assert b"<!ENTITY" not in defused and b'<!DOCTYPE html PUBLIC "unbalanced>' in defused
    assert parse(doc).entries[0].title == "t"


def _run_isolated(doc: bytes) -> dict[str, float | int | str]:
    """Parse in a child process (memory-limited), reporting time, peak memory and title."""
    code = """
import json, resource, sys, time, tracemalloc
from datetime import datetime, timezone
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from aggregator.parse import parse_feed
doc = sys.stdin.buffer.read()
tracemalloc.start()
start = time.perf_counter()
parsed = parse_feed(doc, feed="x", url="https://e.example/", now=datetime.now(timezone.utc))
elapsed = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"elapsed": elapsed, "peak": peak, "title": parsed.entries[0].title,
                  "warning": parsed.warning or ""}))
"""
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input=doc,
        capture_output=True,
        timeout=60,
        cwd=root,
        check=True,
    )
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_billion_laughs() -> None:
    refs = ["&lol;"] + [f"&lol{i};" for i in range(1, 9)]
    lol = '<!ENTITY lol "lol">\n' + "".join(
        f'<!ENTITY lol{i} "{refs[i - 1] * 10}">\n' for i in range(1, 10)
    )
    doc = rss(item("&lol9;"), prolog=f"<!DOCTYPE lolz [\n{lol}]>\n").encode()
    result = _run_isolated(doc)
    assert result["title"] == "&lol9;"
    assert result["warning"] == ""  # parsed strictly: nothing was expanded


def test_quadratic_blowup() -> None:
    prolog = '<!DOCTYPE rss [\n<!ENTITY a "' + "x" * 100_000 + '">\n]>\n'
    doc = rss(item("&a;" * 10_000), prolog=prolog).encode()
    result = _run_isolated(doc)
    # Undefended this takes ~26 s and ~3 GB; the bound is loose so a busy machine passes.
    assert result["elapsed"] < 10.0
    assert int(result["peak"]) < 32 * 1024 * 1024
    assert "xxxx" not in str(result["title"])
    assert len(str(result["title"])) <= ParseLimits().max_title


@pytest.mark.parametrize(
    "ref",
    [
        "&#xD800;",
        "&#xDFFF;",
        "&#x110000;",
        "&#99999999999;",
        "&#0;",
        "&#x1;",
        "&#xFFFE;",
        "&#x0000000000041;",
    ],
)
def test_illegal_character_references(ref: str) -> None:
    doc = rss(item(f"a {ref} b", extra=f"<description>&lt;p&gt;c {ref} d&lt;/p&gt;</description>"))
    parsed = parse(doc)
    entry = parsed.entries[0]
    assert entry.title in ("a \ufffd b", "a A b")
    assert entry.summary in ("c \ufffd d", "c A d")
    assert parsed.warning is None
    for text in (entry.title, entry.summary, entry.content_html):
        text.encode("utf-8")  # no lone surrogates


def test_nul_and_control_bytes() -> None:
    doc = rss(item("a\x00b\x01c\x1fd", extra="<description>x\x00y</description>")).encode()
    parsed = parse(doc)
    assert parsed.entries[0].title == "abcd"
    assert parsed.entries[0].summary == "xy"
    assert parsed.warning is None


def test_fifty_thousand_entries_are_capped() -> None:
    items = "".join(
        item(f"n{i}", f"https://news.example.com/{i}", guid=f"g{i}") for i in range(50_000)
    )
    parsed = parse(rss(items))
    assert len(parsed.entries) == 500
    assert parsed.entries[0].title == "n0" and parsed.entries[-1].title == "n499"
    assert parsed.warning == "49500 entries beyond the first 500 ignored"


def test_entry_cap_applies_to_utf16_documents_after_parsing() -> None:
    items = "".join(item(f"n{i}", f"https://news.example.com/{i}") for i in range(30))
    doc = rss(items, head='<?xml version="1.0" encoding="utf-16"?>').encode("utf-16")
    parsed = parse(doc, limits=ParseLimits(max_entries=10))
    assert [e.title for e in parsed.entries] == [f"n{i}" for i in range(10)]
    assert parsed.warning and "20 entries beyond the first 10" in parsed.warning


def test_huge_fields_are_capped() -> None:
    big_title = "word " * 2_000_000  # 10 MB
    body = "&lt;p&gt;" + "lorem ipsum " * 100_000 + "&lt;/p&gt;"
    doc = rss(item(big_title, extra=f"<description>{body}</description>"))
    limits = ParseLimits()
    entry = parse(doc).entries[0]
    assert 0 < len(entry.title) <= limits.max_title and entry.title.endswith("…")
    assert 0 < len(entry.summary) <= limits.max_summary
    assert 0 < len(entry.content_html) <= limits.max_content
    assert entry.content_html.startswith("<p>") and entry.content_html.endswith("</p>")


def test_custom_limits() -> None:
    limits = replace(ParseLimits(), max_title=10, max_summary=5, max_content=40)
    doc = rss(
        item(
            "A title that is long",
            extra="<description>" + "&lt;b&gt;bold&lt;/b&gt; " * 20 + "</description>",
        )
    )
    entry = parse(doc, limits=limits).entries[0]
    assert len(entry.title) <= 10 and len(entry.summary) <= 5 and len(entry.content_html) <= 40
    assert entry.content_html.count("<b>") == entry.content_html.count("</b>")


# feedparser's corpus case wellformed/rss/item_description_not_a_doctype2.xml: the leading
# comment (the case's description) says "<!DOCTYPE"; that is text, not a declaration.
NOT_A_DOCTYPE = """<!--
Description: item description is not a <!DOCTYPE declaration
<!DOCTYPE rss on a line of its own, still inside the comment
-->
<rss version="2.0">
<channel>
<item>
<title>Not a doctype</title>
<link>https://news.example.com/a</link>
<description>&lt;!' &lt;a href="foo"&gt;</description>
</item>
</channel>
</rss>
"""


def test_a_doctype_inside_a_leading_comment_keeps_the_document() -> None:
    defused = defuse(NOT_A_DOCTYPE.encode()).decode()
    assert defused == NOT_A_DOCTYPE.replace("<!DOCTYPE", "&lt;!DOCTYPE")  # comment text
    parsed = parse(NOT_A_DOCTYPE)
    assert [e.title for e in parsed.entries] == ["Not a doctype"]
    assert parsed.entries[0].link == "https://news.example.com/a"
    assert parsed.warning is None


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        ("<!-- <!DOCTYPE x [ -->\n", "<!-- &lt;!DOCTYPE x [ -->\n"),
        ('<?pi <!DOCTYPE x SYSTEM "y"?>\n', '<?pi &lt;!DOCTYPE x SYSTEM "y"?>\n'),
        ("<!-- one --><!-- <!doctype two -->", "<!-- one --><!-- &lt;!doctype two -->"),
    ],
)
def test_a_real_doctype_after_a_comment_naming_one_is_still_removed(before: str, kept: str) -> None:
    doc = rss(item("x &ext; y"), prolog=before + '<!DOCTYPE rss [<!ENTITY ext "LEAKED">]>')
    defused = defuse(doc.encode()).decode()
    assert "<!ENTITY" not in defused and "<!DOCTYPE" not in defused.upper()
    assert defused.startswith(doc[: doc.index(before)] + kept + "<rss")
    assert parse(doc).entries[0].title == "x &ext; y"
