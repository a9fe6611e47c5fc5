"""Fuzzing fetch -> parse -> store -> publish with hypothesis, and the entry-key rule
under shuffled and duplicated GUIDs.

Inputs are arbitrary bytes and mutations of the real feeds in tests/data/feeds (hostile
tokens inserted, slices deleted or duplicated, bytes flipped, documents truncated). The
only exception allowed out of ``parse_feed`` is ``ParseError``; whatever parses goes
through a full update cycle (a fake fetcher hands over the bytes), and every published
file must be valid and free of active content. The default run tries ~50 documents;
the long mode (``-m slow``) a few thousand.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aggregator.cycle import _pipeline as pipeline
from aggregator.errors import ParseError
from aggregator.fetch import FetchOptions
from aggregator.models import (
    FeedSettings,
    FetchRequest,
    FetchResult,
    ParsedFeed,
    Settings,
    SiteSettings,
)
from aggregator.parse import ParseLimits, parse_feed
from aggregator.store import Store

from .hostile import require_long_mode
from .hostile.cases import SENTINEL, item, rss
from .hostile.checks import ILLEGAL_XML, dangers, invalid_files

# a falsifying document is large; its repr must not turn into an error of its own
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
URL = "https://fuzz.example/feed.xml"
FEEDS_DIR = Path(__file__).parent / "data" / "feeds"
REAL_FEEDS = [
    p.read_bytes()
    for p in sorted(FEEDS_DIR.iterdir())
    if p.suffix in (".xml", ".atom", ".rss", ".rdf")
]
TOKENS = [
    b"<!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>",
    b"&b;",
    b"&a;",
    b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/dtd">',
    b"&#xD800;",
    b"&#x110000;",
    b"&#99999999999;",
    b"&#0;",
    b"\x00",
    b"\x1b",
    b"\x0c",
    b"\xef\xbf\xbe",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"<![CDATA[",
    b"]]>",
    b"<item>",
    b"</item>",
    b"<entry>",
    b"</entry>",
    b"<title>",
    b"</title>",
    b"&nbsp;",
    b"&unknown;",
    b"&amp;",
    b"<",
    b"&lt;script&gt;XSSMARK()&lt;/script&gt;",
    b"<link>javascript:XSSMARK()</link>",
    b'<a href="java&#x09;script:XSSMARK()">x</a>',
    b"<guid>dup</guid>",
    b"<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>",
    b"<pubDate></pubDate>",
    b"<?xml version='1.0' encoding='utf-16'?>",
    b"<?xml version='1.0' encoding='bogus'?>",
    b'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml" onclick="XSSMARK()">'
    b"<script>XSSMARK()</script></div></content>",
]


@st.composite
def mutated_feed(draw: st.DrawFn, sources: Sequence[bytes] = tuple(REAL_FEEDS)) -> bytes:
    data = bytearray(draw(st.sampled_from(sources)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "flip", "truncate"]))
        at = draw(st.integers(0, len(data)))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 512))]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 2048))]
        elif op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[at:]
    return bytes(data)


SMALL_FEEDS = tuple(f for f in REAL_FEEDS if len(f) <= 40_000)  # the fast profile's sources
DOCUMENTS = st.one_of(st.binary(max_size=2048), mutated_feed(SMALL_FEEDS))
ALL_DOCUMENTS = st.one_of(st.binary(max_size=8192), mutated_feed())


class BytesFetcher:
    """Stands in for the Fetcher: every request gets ``content`` with a 200."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.options = FetchOptions()

    def fetch_many_sync(
        self,
        requests: Sequence[FetchRequest],
        on_result: Callable[[FetchResult], None] | None = None,
    ) -> list[FetchResult]:
        return [
            FetchResult(
                feed=r.feed,
                url=r.url or URL,
                status=200,
                content=self.content,
                headers={"content-type": "application/xml"},
                final_url=r.url,
            )
            for r in requests
        ]


def check_parsed(parsed: ParsedFeed, limits: ParseLimits) -> None:
    assert len(parsed.entries) <= limits.max_entries
    keys = [e.entry_key for e in parsed.entries]
    assert len(keys) == len(set(keys))
    for e in parsed.entries:
        assert len(e.title) <= limits.max_title and len(e.summary) <= limits.max_summary
        assert len(e.content_html) <= limits.max_content
        for text in (e.title, e.summary, e.content_html, e.author or "", parsed.title or ""):
            assert not ILLEGAL_XML.search(text), text
        for link in (e.link, e.original_link):
            assert link is None or link.startswith(("http://", "https://", "mailto:"))
        assert e.published is None or e.published <= NOW.replace(day=25)


def fuzz_one(data: bytes) -> None:
    limits = ParseLimits()
    try:
        parsed = parse_feed(
            data,
            feed="fuzz",
            url=URL,
            now=NOW,
            limits=limits,
            headers={"content-type": "application/xml"},
        )
    except ParseError:
        parsed = None
    if parsed is not None:
        check_parsed(parsed, limits)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        cfg = Settings(
            site=SiteSettings(id_authority="fuzz.test,2026"),
            feeds=(FeedSettings(name="fuzz", url=URL),),
            output=site,
            database=Path(tmp) / "unused.db",
            feed_size=10,
        )
        with Store(None, id_authority="fuzz.test,2026") as store:
            fetcher = BytesFetcher(data)
            report = pipeline.run_once(cfg, store, fetcher, NOW, rng=random.Random(0))
            assert report.publish_error is None
            assert report.new_entries == (len(parsed.entries) if parsed else 0)
            assert (report.new_entries > 0) == bool(parsed and parsed.entries)
        assert invalid_files(site) == {}
        assert dangers(site) == []


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(DOCUMENTS)
def test_fuzz_fetch_parse_store_publish(data: bytes) -> None:
    fuzz_one(data)


@pytest.mark.slow
def test_fuzz_long(request: pytest.FixtureRequest) -> None:
    require_long_mode(request)
    LONG(given(ALL_DOCUMENTS)(fuzz_one))()


# --------------------------------------------------------------------------- entry keys

GUIDS = st.lists(
    st.one_of(st.none(), st.sampled_from(["g1", "g2", "g3", " g1 "])), min_size=1, max_size=8
)


def _keys(order: list[int], guids: list[str | None]) -> dict[str, str]:
    items = "".join(item(f"story {i}", f"https://keys.example/{i}", guid=guids[i]) for i in order)
    parsed = parse_feed(rss(items).encode(), feed="k", url=URL, now=NOW)
    return {e.link or "": e.entry_key for e in parsed.entries}


@settings(max_examples=60, deadline=None)
@given(GUIDS, st.randoms(use_true_random=False))
def test_entry_keys_under_shuffled_and_duplicated_guids(
    guids: list[str | None], rnd: random.Random
) -> None:
    order = list(range(len(guids)))
    keys = _keys(order, guids)
    rnd.shuffle(order)
    assert _keys(order, guids) == keys  # independent of document order
    assert len(set(keys.values())) == len(keys) == len(guids)
    stripped = [g.strip() if g else None for g in guids]
    for i, guid in enumerate(stripped):
        key = keys[f"https://keys.example/{i}"]
        if guid is not None and stripped.count(guid) == 1:
            assert key == f"guid:{guid}"
        else:  # absent or shared GUID: the link decides, never the GUID
            assert key == f"link:https://keys.example/{i}"
    assert SENTINEL not in "".join(keys.values())
