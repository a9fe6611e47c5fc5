"""A newsletter digest with several deal items, published once: the main deal's
``deal:deal``, one ``deal:deal also="true"`` per other deal, ``_deal.also`` in JSON Feed,
"Also: …" in the summary, and the entry in the feeds of every one of its deals. A digest of
one deal item is published exactly as before."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree

from aggregator.cycle import run_once
from aggregator.deals import classify, format_deal_line
from aggregator.fetch import Fetcher
from aggregator.models import FeedSettings, Settings
from aggregator.publish import DEAL_NS
from aggregator.publish._atom import entry_fragment
from aggregator.publish._entry import build_entry
from aggregator.publish._jsonfeed import item_fragment
from aggregator.runtime.worker import fetch_options
from aggregator.store import Store

from .. import factories
from ..factories import NOW
from ..fake_reader import story
from .test_publish import RNG

ATOM = "{http://www.w3.org/2005/Atom}"
DEAL = f"{{{DEAL_NS}}}"
THREE = "Lumora raises $7B 💰, Northwind buys Vesta for $2B 🤝, Nvidia invests $500M in Poolside 🚀"
ONE = "Gemini 3 ships; Meta opens a Paris lab; Salesforce acquires Informatica for $8B"
PLAIN = "Amazon will invest up to $4 billion in Anthropic"
ITEMS = [
    (THREE, "https://news.example/3", "Tue, 24 Nov 2026 08:00:00 GMT"),
    (ONE, "https://news.example/1", "Tue, 24 Nov 2026 07:00:00 GMT"),
    (PLAIN, "https://news.example/0", "Tue, 24 Nov 2026 06:00:00 GMT"),
]


def _rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>This week in AI.</description><pubDate>{date}</pubDate></item>"
        for title, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Weekly'
        f"</title><link>https://news.example/</link><description>d</description>{body}"
        "</channel></rss>"
    )


def build(tmp_path: Path) -> Settings:
    """The site of one real cycle over a local feed of the digests."""
    path = tmp_path / "weekly.xml"
    path.write_text(_rss(ITEMS), encoding="utf-8")
    settings = factories.settings(tmp_path, FeedSettings(name="Weekly", path=path))
    store = Store(settings.database, id_authority=settings.site.id_authority)
    fetcher = Fetcher(fetch_options(settings), clock=lambda: NOW)
    report = run_once(settings, store, fetcher, NOW, rng=random.Random(1), all_feeds=True)
    assert report.publish_error is None
    store.close()
    return settings


def _entries(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {e.findtext(f"{ATOM}title"): e for e in root.iter(f"{ATOM}entry")}


def _items(path: Path) -> dict[str, dict[str, Any]]:
    return {i["title"]: i for i in json.loads(path.read_text("utf-8"))["items"]}


def _deal_elements(entry: etree._Element) -> list[tuple[str | None, str | None, list[Any]]]:
    return [
        (
            d.get("type"),
            d.get("also"),
            [(p.get("role"), p.text) for p in d.iterfind(f"{DEAL}party")]
            + [("amount", d.findtext(f"{DEAL}amount"))],
        )
        for d in entry.iterfind(f"{DEAL}deal")
    ]


def test_a_digest_is_one_entry_with_each_of_its_deals(tmp_path: Path) -> None:
    site = build(tmp_path).output
    entries = _entries(site / "all.atom")
    assert len(entries) == 3  # one entry per digest, however many deals it lists
    assert _deal_elements(entries[THREE]) == [
        ("funding", None, [("target", "Lumora"), ("amount", "7000000000")]),
        (
            "acquisition",
            "true",
            [("acquirer", "Northwind"), ("target", "Vesta"), ("amount", "2000000000")],
        ),
        (
            "investment",
            "true",
            [("investor", "Nvidia"), ("target", "Poolside"), ("amount", "500000000")],
        ),
    ]
    summary = entries[THREE].findtext(f"{ATOM}summary") or ""
    assert summary.splitlines()[:3] == [
        "Funding · Lumora · $7B",
        "Also: Acquisition · Northwind → Vesta · $2B; Investment · Nvidia → Poolside · $500M",
        "This week in AI.",
    ]
    terms = [c.get("term") for c in entries[THREE].iterfind(f"{ATOM}category")]
    assert (
        " ".join(terms) == "funding lumora acquisition northwind vesta investment nvidia poolside"
    )
    content = entries[THREE].findtext(f"{ATOM}content") or ""
    assert "<th>Also</th><td>Acquisition · Northwind → Vesta · $2B; Investment" in content

    item = _items(site / "all.json")[THREE]
    deal = item["_deal"]
    assert (deal["about"], deal["type"], deal["amount"]["value"]) == (DEAL_NS, "funding", 7e9)
    assert [
        (d["type"], [p["name"] for p in d["parties"]], d["amount"]["value"]) for d in deal["also"]
    ] == [("acquisition", ["Northwind", "Vesta"], 2e9), ("investment", ["Nvidia", "Poolside"], 5e8)]
    assert all("about" not in d and "also" not in d for d in deal["also"])
    assert item["summary"] == summary

    schema = etree.RelaxNG(etree.parse(str(RNG)))
    for path in sorted(site.rglob("*.atom")):
        assert schema.validate(etree.parse(str(path))), (path, schema.error_log)
        assert feedparser.parse(path.read_bytes()).bozo == 0, path


def test_a_digest_is_in_the_feeds_of_each_of_its_deals(tmp_path: Path) -> None:
    site = build(tmp_path).output
    for feed in (
        "feed",
        "deals/funding",
        "deals/acquisition",
        "deals/investment",
        "companies/lumora",
        "companies/vesta",
        "companies/poolside",
        "investors/nvidia",
    ):
        assert THREE in _entries(site / f"{feed}.atom"), feed
        assert THREE in _items(site / f"{feed}.json"), feed
    assert list(_entries(site / "deals/acquisition.atom")) == [THREE, ONE]
    # a company's page reads the deal of the digest that names it
    page = (site / "companies/vesta.html").read_text("utf-8")
    timeline = page.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert "<b>acquisition</b> · $2B" in timeline and "Northwind" in timeline
    assert "companies/lumora.html" not in timeline  # (the main deal's party)
    portfolio = (site / "investors/nvidia.html").read_text("utf-8")
    assert "Poolside" in portfolio and "1 investment, in rounds of $500M" in portfolio


def test_a_digest_of_one_deal_is_published_as_before(tmp_path: Path) -> None:
    """Its reading lists no other deal, so its entry is byte for byte what it was (the
    ``deal:deal`` and summary as written before ``also`` existed)."""
    site = build(tmp_path).output
    atom = (site / "all.atom").read_bytes()
    start = atom.index(f"<title>{ONE}</title>".encode())
    entry = atom[start : atom.index(b"</entry>", start)]
    assert b"also" not in entry.lower()
    assert (
        b'    <deal:deal type="acquisition" status="announced">\n'
        b'      <deal:amount currency="USD">8000000000</deal:amount>\n'
        b'      <deal:party role="acquirer" slug="salesforce">Salesforce</deal:party>\n'
        b'      <deal:party role="target" slug="informatica">Informatica</deal:party>\n'
        b"      <deal:evidence>acquires</deal:evidence>\n"
        b"    </deal:deal>\n"
    ) in entry
    assert (
        '<summary type="text">Acquisition · Salesforce → Informatica · $8B\n'
        "This week in AI.</summary>".encode()
        in entry
    )
    item = _items(site / "all.json")[ONE]
    assert "also" not in item["_deal"] and "Also" not in item["content_html"]
    assert list(_entries(site / "deals/funding.atom")) == [THREE]

    deal = classify(ONE)
    assert deal is not None and deal.also == ()
    settings = factories.settings(tmp_path)
    view = build_entry(story(1, title=ONE, deal=deal), settings, format_deal_line)
    assert b"also" not in entry_fragment(view) and b"also" not in item_fragment(view)


def test_the_feed_docs_name_the_other_deals() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "feeds.md").read_text("utf-8")
    assert "| `deal:deal/@also` |" in docs
    assert '<deal:deal type="acquisition" status="announced" also="true">' in docs
    assert '"also": [{…}]' in docs
