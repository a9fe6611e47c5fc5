"""publish: pages, OPML, atomic writes and failures, WebSub pings."""

from __future__ import annotations

import errno
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import feedparser
import pytest
from lxml import etree, html

from aggregator.errors import PublishError
from aggregator.models import FeedSettings
from aggregator.publish import ping_hub, publish_site, topic_urls
from aggregator.publish._chart import month_window
from tests.fake_reader import (
    BASE,
    T0,
    FakeReader,
    deal_line,
    investment,
    publish,
    sample,
    settings,
    story,
)

ATOM = "{http://www.w3.org/2005/Atom}"


def test_index_page(tmp_path: Path) -> None:
    reader = sample()
    reader.add(
        story(
            8,
            title="<script>alert(1)</script><img src=x onerror=alert(2)>",
            deal=investment("Evil <b>Corp</b>", "Target"),
        )
    )
    publish(reader, tmp_path)
    text = (tmp_path / "index.html").read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta name="viewport"' in text
    doc = html.fromstring(text)
    assert not doc.xpath(
        "//script[not(@type='application/ld+json')] | //img | //*[@onerror]"
        " | //b[contains(., 'Corp')]"
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    feeds = {ln.get("href") for ln in doc.xpath("//head/link[@type='application/atom+xml']")}
    assert {"feed.atom", "all.atom", "deals/investment.atom", "tags/chips.atom"} <= feeds
    rows = doc.xpath("//table[contains(@class, 'deals')][1]/tbody/tr")
    assert len(rows) == 3  # latest deals, feed_size of them
    cells = [c.text_content() for c in rows[0].xpath("td")]
    assert cells == [
        "2026-01-05",
        "investment",
        "Series B",
        "up to $4B",
        "",
        "announced",
        "Evil <b>Corp</b> (investor), Target (target)",
        "Wire",
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
    ]
    parties = rows[1].xpath("td[7]//a/@href")
    assert parties == ["companies/amazon.html", "investors/amazon.html", "companies/anthropic.html"]
    assert rows[1].xpath("td[2]/a/@href") == ["deals/investment.html"]
    assert rows[1].xpath("td[9]/a/@href") == ["https://wire.example/news/70"]
    hrefs = set(doc.xpath("//a/@href"))
    assert {
        "companies/amazon.html",
        "investors/amazon.html",
        "subscriptions.opml",
        "feed.json",
        "all.json",
        "sources.opml",
        "deals/by-amount.html",
    } <= hrefs


def test_deal_type_pages_sort_and_filter_without_a_script(tmp_path: Path) -> None:
    reader = sample()
    reader.add(
        story(8, deal=investment("Google", "Cortexa", value=1e9)),
        story(9, deal=replace(investment("Harbor", "Lumora", value=1e6), type="funding")),
    )
    publish(reader, tmp_path)
    newest = html.fromstring((tmp_path / "deals/investment.html").read_bytes())
    largest = html.fromstring((tmp_path / "deals/investment.by-amount.html").read_bytes())
    assert not newest.xpath("//script[not(@type='application/ld+json')]")

    def ids(doc: html.HtmlElement) -> list[str]:
        return doc.xpath("//table[contains(@class, 'deals')]/tbody/tr/@data-story")

    assert ids(newest) == ["8", "7", "5"]  # the feed's three newest, by news time
    assert ids(largest) == ["7", "5", "8"]  # the same rows, largest first
    amounts = largest.xpath("//tbody/tr/td[4]/text()")
    assert amounts == ["up to $4B", "up to $4B", "up to $1B"]
    tools = newest.xpath("//ul[@class='tools']//a")
    links = {a.text_content(): a.get("href") for a in tools}
    assert links["largest first"] == "../deals/investment.by-amount.html"
    assert links["funding"] == "../deals/funding.html" and links["all"] == "../index.html"
    assert [a.text_content() for a in newest.xpath("//a[@aria-current]")] == [
        "newest first",
        "investment",
    ]
    funding = html.fromstring((tmp_path / "deals/funding.html").read_bytes())
    assert ids(funding) == ["9"]
    index_amount = html.fromstring((tmp_path / "deals/by-amount.html").read_bytes())
    assert ids(index_amount) == ["7", "8", "9"]  # the index's latest, largest first


def test_largest_deals_of_each_period(tmp_path: Path) -> None:
    reader = FakeReader()
    for n, (days_ago, value) in enumerate(
        [(0, 1e6), (10, 5e9), (60, 7e9), (200, 9e9), (400, 2e10)], 1
    ):
        when = T0 - timedelta(days=days_ago)
        reader.add(
            replace(
                story(n, deal=investment(f"Inv{n}", f"Co{n}", value=value)),
                published=when,
                updated=when,
            )
        )
    reader.add(story(6, deal=replace(investment("Inv6", "Co6"), amount=None)))
    publish(reader, tmp_path, feed_size=10)
    doc = html.fromstring((tmp_path / "index.html").read_bytes())

    def ids(anchor: str) -> list[str]:
        table = doc.xpath(f"//h3[@id='{anchor}']/following-sibling::*[1]")[0]
        return table.xpath(".//tbody/tr/@data-story")

    assert ids("largest-last30") == ["2", "1"]
    assert ids("largest-quarter") == ["3", "2", "1"]
    assert ids("largest-year") == ["4", "3", "2", "1"]  # 400 days ago: out; no amount: out
    assert "2025-12-07" in doc.xpath("//h3[@id='largest-last30']")[0].text_content()


def test_months_show_counts_and_amounts_as_text(tmp_path: Path) -> None:
    reader = sample()
    old = T0 - timedelta(days=62)
    reader.add(replace(story(9, deal=investment(value=2e9)), published=old, updated=old))
    publish(reader, tmp_path)
    doc = html.fromstring((tmp_path / "index.html").read_bytes())
    assert not doc.xpath("//svg")
    rows = doc.xpath("//table[@class='months']/tbody/tr")
    assert [" | ".join(c.text_content() for c in r.xpath("th|td")[:3]) for r in rows] == [
        "Jan 2026 | 4 deals | $16B",
        "Dec 2025 | 0 deals | none disclosed",
        "Nov 2025 | 1 deal | $2B",
    ]  # from the first busy month, no empty year
    widths = [r.xpath(".//span/@style")[0] for r in rows]
    assert widths == ["width:100%", "width:0%", "width:25%"]
    assert month_window(T0, 3) == ["2025-11", "2025-12", "2026-01"]


def test_company_page(tmp_path: Path) -> None:
    reader = sample()
    reader.add(story(8, title="Amazon opens a research office in Zürich"))  # no deal
    publish(reader, tmp_path)
    doc = html.fromstring((tmp_path / "companies/amazon.html").read_bytes())
    # its feed of every story about it first, then its deals' feed: both autodiscoverable
    assert doc.xpath("//head/link[@type='application/atom+xml']/@href") == [
        "../about/amazon.atom",
        "amazon.atom",
    ]
    assert doc.findtext(".//h1") == "Amazon"
    assert len(doc.xpath("//table[contains(@class, 'deals')]/tbody/tr")) == 3
    # every story about it, not only its deals: the newest first
    listed = doc.xpath("//ol[@class='stories']/li/@data-story")
    assert listed == ["8", "7", "5", "3", "1"]
    about = feedparser.parse((tmp_path / "about/amazon.atom").read_bytes())
    assert [e.id.rsplit("/", 1)[1] for e in about.entries][:3] == ["8", "7", "5"]
    deals = feedparser.parse((tmp_path / "companies/amazon.atom").read_bytes())
    assert "8" not in {e.id.rsplit("/", 1)[1] for e in deals.entries}
    assert {a.get("href") for a in doc.xpath("//a")} >= {"../about/amazon.atom", "amazon.atom"}


def test_opml_files(tmp_path: Path) -> None:
    feeds = (
        FeedSettings("Wire", url="https://wire.example/rss"),
        FeedSettings("Off", url="https://off.example/rss", enabled=False),
        FeedSettings("Local", path=tmp_path / "x.xml"),
    )
    publish_site(
        sample(), settings=settings(feeds=feeds), out_dir=tmp_path, now=T0, deal_line=deal_line
    )
    sources = etree.parse(str(tmp_path / "sources.opml")).getroot()
    assert sources.get("version") == "2.0"
    assert [(o.get("text"), o.get("xmlUrl")) for o in sources.iter("outline")] == [
        ("Wire", "https://wire.example/rss")
    ]
    subs = etree.parse(str(tmp_path / "subscriptions.opml")).getroot()
    urls = [o.get("xmlUrl") for o in subs.iter("outline") if o.get("xmlUrl")]
    published = sorted(
        BASE + p.relative_to(tmp_path).as_posix()
        for p in tmp_path.rglob("*.atom")
        if "archive" not in p.parts
    )
    assert sorted(urls) == published


def test_write_failure_keeps_old_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = sample()
    publish(reader, tmp_path)
    before = (tmp_path / "all.atom").read_bytes()
    reader.add(story(8, deal=investment()))

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", FullDisk)
    with pytest.raises(PublishError) as info:
        publish(reader, tmp_path)
    assert "No space left" in str(info.value) and str(tmp_path) in str(info.value)
    assert (tmp_path / "all.atom").read_bytes() == before
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_unwritable_out_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "site"
    blocker.write_text("not a directory")
    with pytest.raises(PublishError) as info:
        publish(sample(), blocker)
    assert str(blocker) in str(info.value)
    assert blocker.read_text() == "not a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_out_dir(tmp_path: Path) -> None:
    publish(sample(), tmp_path)
    before = (tmp_path / "feed.atom").read_bytes()
    reader = sample()
    reader.add(story(9, deal=investment()))
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(PublishError, match=r"feed\.atom"):
            publish(reader, tmp_path)
    finally:
        tmp_path.chmod(0o755)
    assert (tmp_path / "feed.atom").read_bytes() == before


def closed_port() -> int:
    """A 127.0.0.1 port with nothing listening (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


class _Hub(BaseHTTPRequestHandler):
    received: list[dict[str, list[str]]]
    status = 204

    def do_POST(self) -> None:  # noqa: N802 (http.server API)
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("ascii")
        assert self.headers["Content-Type"] == "application/x-www-form-urlencoded"
        type(self).received.append(parse_qs(body))
        self.send_response(self.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def hub() -> Iterator[tuple[str, type[_Hub]]]:
    handler = type("Hub", (_Hub,), {"received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hub", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_websub_ping(tmp_path: Path, hub: tuple[str, type[_Hub]]) -> None:
    hub_url, handler = hub
    report = publish(sample(), tmp_path, websub_hub=hub_url)
    root = etree.parse(str(tmp_path / "feed.atom")).getroot()
    assert [ln.get("href") for ln in root.iter(f"{ATOM}link") if ln.get("rel") == "hub"] == [
        hub_url
    ]
    topics = topic_urls(report, settings(websub_hub=hub_url))
    assert BASE + "feed.atom" in topics and BASE + "all.json" in topics
    assert ping_hub(hub_url, topics, timeout=5) == []
    assert [(r["hub.mode"], r["hub.url"]) for r in handler.received] == [
        (["publish"], [t]) for t in topics
    ]


def test_websub_errors(hub: tuple[str, type[_Hub]]) -> None:
    hub_url, handler = hub
    handler.status = 500
    errors = ping_hub(hub_url, [BASE + "feed.atom"], timeout=5)
    assert errors == [f"{BASE}feed.atom: hub answered HTTP 500"]
    errors = ping_hub(f"http://127.0.0.1:{closed_port()}/", [BASE + "feed.atom"], timeout=2)
    assert len(errors) == 1 and errors[0].startswith(BASE + "feed.atom: ")
    assert ping_hub("file:///etc/passwd", ["x"]) == [
        "file:///etc/passwd: the hub must be an http(s) URL"
    ]


def test_the_objects_there_before_are_left_out_of_collections_during_a_publish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cycle process holds its story index while it publishes: the collector does not walk
    it during the publish (``gc.freeze``), and collects it as before afterwards."""
    import gc

    import aggregator.publish as publish_mod

    seen: list[int] = []
    real = publish_mod.publish_all

    def counting(*args: object, **kwargs: object) -> None:
        seen.append(gc.get_freeze_count())
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(publish_mod, "publish_all", counting)
    held = [{"n": n} for n in range(1000)]  # older than the publish
    assert gc.get_freeze_count() == 0
    publish(sample(), tmp_path)
    assert seen and seen[0] >= len(held)
    assert gc.get_freeze_count() == 0
